/** Hand-built StudyRecords for store tests. */
import type { StudyRecord } from '../../src/model/record.js';
import { emptyStudy, type PartialDate, type SourceFormat } from '../../src/model/study.js';

export interface RecOpts {
  lastUpdate?: string | null;
  title?: string;
  format?: SourceFormat;
  file?: string;
  record?: number;
  countries?: string[];
  phases?: string[];
  conditions?: string[];
  enrollment?: number | null;
  raw?: unknown;
}

export function day(value: string): PartialDate {
  const precision = value.length === 4 ? 'year' : value.length === 7 ? 'month' : 'day';
  return { value, precision, type: 'ACTUAL' };
}

export function nct(i: number): string {
  return `NCT${String(i).padStart(8, '0')}`;
}

export function rec(id: string, o: RecOpts = {}): StudyRecord {
  const study = emptyStudy(id, {
    format: o.format ?? 'ctgov-v2-json',
    file: o.file ?? 'fixture.json',
    record: o.record ?? 1,
    fetchedAt: '2024-01-01T00:00:00.000Z',
    registryVersion: null,
  });
  study.briefTitle = o.title ?? `Study ${id}`;
  study.lastUpdatePostedDate = o.lastUpdate === null ? null : day(o.lastUpdate ?? '2020-01-01');
  study.phases = o.phases ?? ['PHASE1'];
  study.conditions = o.conditions ?? ['Osteoarthritis'];
  study.enrollment = { count: o.enrollment === undefined ? 10 : o.enrollment, type: 'ACTUAL' };
  study.leadSponsor = { name: 'Univ', class: 'OTHER' };
  study.locations = (o.countries ?? ['France']).map((country) => ({
    facility: null,
    city: null,
    state: null,
    country,
    geoPoint: null,
  }));
  return {
    study,
    raw: o.raw ?? { protocolSection: { identificationModule: { nctId: id, briefTitle: study.briefTitle } } },
  };
}

export async function* fromArray(
  items: StudyRecord[],
  failAt?: { index: number; error: Error },
): AsyncGenerator<StudyRecord> {
  for (let i = 0; i < items.length; i++) {
    if (failAt && i === failAt.index) throw failAt.error;
    yield items[i]!;
  }
  if (failAt && failAt.index >= items.length) throw failAt.error;
}
