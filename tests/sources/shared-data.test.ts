/**
 * Real registry data from ../shared (skipped when absent). Counts are established independently of the
 * readers (line counts, a separate CSV parse, JSON.parse of the files), then compared with what readStudies
 * yields; the cross-format test checks that the classic NDJSON and the classic CSV export agree study by study.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsvSync } from 'csv-parse/sync';
import { beforeAll, expect, it } from 'vitest';
import type { Study } from '../../src/model/study.js';
import { CLASSIC_CSV, CLASSIC_NDJSON, V2_SAMPLES, describeShared } from '../helpers/shared.js';
import { readAll } from './helpers.js';

describeShared('shared registry files', () => {
  let ndjson: Study[] = [];
  let csv: Study[] = [];

  beforeAll(async () => {
    ndjson = (await readAll(CLASSIC_NDJSON)).map((r) => r.study);
    csv = (await readAll(CLASSIC_CSV)).map((r) => r.study);
  }, 120_000);

  it('studies.ndjson: one study per non-blank line (1,535)', () => {
    const lines = readFileSync(CLASSIC_NDJSON, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '');
    expect(lines.length).toBe(1535);
    expect(ndjson.length).toBe(lines.length);
    expect(ndjson.map((s) => s.nctId)).toEqual(
      lines.map((l) => (JSON.parse(l) as { NCTId: string[] }).NCTId[0]),
    );
    expect(new Set(ndjson.map((s) => s.provenance.format))).toEqual(new Set(['ctgov-classic-fields']));
  });

  it('search-export.csv: one study per data row (1,389)', () => {
    const rows = parseCsvSync(readFileSync(CLASSIC_CSV), { columns: true, bom: true }) as Record<
      string,
      string
    >[];
    expect(rows.length).toBe(1389);
    expect(csv.map((s) => s.nctId)).toEqual(rows.map((r) => r['NCT Number']));
    expect(new Set(csv.map((s) => s.provenance.format))).toEqual(new Set(['ctgov-classic-csv']));
  });

  it('every ctgov-v2-samples file yields every study in it', async () => {
    const files = readdirSync(V2_SAMPLES).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const path = join(V2_SAMPLES, f);
      const parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown;
      const expected = (Array.isArray(parsed) ? parsed : [parsed]) as {
        protocolSection: { identificationModule: { nctId: string } };
      }[];
      const got = await readAll(path);
      expect(
        got.map((r) => r.study.nctId),
        f,
      ).toEqual(expected.map((s) => s.protocolSection.identificationModule.nctId));
      expect(got.every((r) => r.study.provenance.format === 'ctgov-v2-json')).toBe(true);
    }
  });

  it('classic NDJSON and classic CSV agree on every study both carry', () => {
    const byId = new Map(ndjson.map((s) => [s.nctId, s]));
    const common = csv.filter((s) => byId.has(s.nctId));
    // The CSV was exported separately from the NDJSON crawl; all but at most one of its rows are in both.
    expect(common.length).toBeGreaterThanOrEqual(csv.length - 1);

    const dateVP = (d: Study['startDate']) =>
      d === null ? null : { value: d.value, precision: d.precision };
    // The CSV "Funded Bys" column only knows Industry / NIH / U.S. Fed / Other.
    const coarse = (c: string | null) => (c === 'INDUSTRY' || c === 'NIH' || c === 'FED' ? c : 'OTHER');
    const mismatches: string[] = [];
    const check = (id: string, field: string, a: unknown, b: unknown) => {
      if (JSON.stringify(a) !== JSON.stringify(b))
        mismatches.push(`${id} ${field}: csv=${JSON.stringify(a)} ndjson=${JSON.stringify(b)}`);
    };
    // The two files were exported weeks apart: a study updated in between is a different version of the
    // record (status, dates … legitimately differ). Those are compared on identity only; all others field by field.
    const sameVersion = common.filter((c) => {
      const n = byId.get(c.nctId)!;
      return (
        JSON.stringify(dateVP(c.lastUpdatePostedDate)) === JSON.stringify(dateVP(n.lastUpdatePostedDate))
      );
    });
    expect(sameVersion.length).toBeGreaterThanOrEqual(Math.floor(common.length * 0.95));
    for (const c of sameVersion) {
      const n = byId.get(c.nctId)!;
      const id = c.nctId;
      check(id, 'briefTitle', c.briefTitle, n.briefTitle);
      check(id, 'acronym', c.acronym, n.acronym);
      check(id, 'overallStatus', c.overallStatus, n.overallStatus);
      check(id, 'hasResults', c.hasResults, n.hasResults);
      // A few NDJSON records lack the StudyType key altogether (crawl artefact): compare when present.
      if (n.studyType !== null) check(id, 'studyType', c.studyType, n.studyType);
      check(id, 'phases', c.phases, n.phases);
      // Enrollment type is not in the CSV: compare the count only.
      check(id, 'enrollment.count', c.enrollment.count, n.enrollment.count);
      // Date types (Actual/Anticipated) are not in the CSV: compare value and precision.
      for (const f of [
        'startDate',
        'primaryCompletionDate',
        'completionDate',
        'firstPostedDate',
        'lastUpdatePostedDate',
        'resultsFirstPostedDate',
      ] as const) {
        check(id, f, dateVP(c[f]), dateVP(n[f]));
      }
      check(id, 'conditions', c.conditions, n.conditions);
      check(id, 'leadSponsor.name', c.leadSponsor?.name, n.leadSponsor?.name);
      check(id, 'leadSponsor.class (coarse)', c.leadSponsor?.class, coarse(n.leadSponsor?.class ?? null));
      // The CSV's Sponsor/Collaborators cell appends, for individual sponsors, the investigator's organisation
      // after the collaborators: the NDJSON collaborators must be a prefix of the CSV list.
      check(
        id,
        'collaborators (prefix)',
        c.collaborators.slice(0, n.collaborators.length).map((o) => o.name),
        n.collaborators.map((o) => o.name),
      );
      // The CSV lists each distinct "Type: Name" once; the registry allows two interventions of the same name.
      const distinct = (l: Study['interventions']) => [...new Set(l.map((i) => `${i.type}: ${i.name}`))];
      check(id, 'interventions', distinct(c.interventions), distinct(n.interventions));
      check(
        id,
        'countries',
        c.locations.map((l) => l.country),
        n.locations.map((l) => l.country),
      );
      check(id, 'sex', c.eligibility.sex, n.eligibility.sex);
      check(id, 'minimumAge', c.eligibility.minimumAge, n.eligibility.minimumAge);
      check(id, 'maximumAge', c.eligibility.maximumAge, n.eligibility.maximumAge);
      check(id, 'stdAges', c.eligibility.stdAges, n.eligibility.stdAges);
      check(id, 'allocation', c.allocation, n.allocation);
      check(id, 'interventionModel', c.interventionModel, n.interventionModel);
      check(id, 'observationalModel', c.observationalModel, n.observationalModel);
      check(id, 'masking', c.masking, n.masking);
      check(id, 'primaryPurpose', c.primaryPurpose, n.primaryPurpose);
      // "Other IDs" is the org study id followed by the distinct secondary ids, except that the website drops an
      // org study id that looks like an NCT id: every CSV id must be one of the NDJSON ids, and the org ids agree
      // whenever the NDJSON one is a real org id.
      const ndIds = new Set([n.orgStudyId, ...n.secondaryIds.map((x) => x.id)]);
      const csvIds = [c.orgStudyId, ...c.secondaryIds.map((x) => x.id)].filter((x) => x !== null);
      check(
        id,
        'other ids ⊆',
        csvIds.filter((x) => !ndIds.has(x)),
        [],
      );
      if (n.orgStudyId !== null && !n.orgStudyId.startsWith('NCT'))
        check(id, 'orgStudyId', c.orgStudyId, n.orgStudyId);
    }

    expect(mismatches.slice(0, 40)).toEqual([]);
    expect(mismatches.length).toBe(0);
  });
});
