/**
 * diffSnapshots: what changed between two snapshots (A = older, B = newer): new and removed studies, overall status
 * changes, results newly posted, and label changes (field by field). Pure; rows are matched by NCT id.
 */
import type { Labels } from '../model/labels.js';
import type { ClassifiedStudy } from './types.js';

export interface StudyRef {
  nctId: string;
  title: string;
  status: string | null;
}

export interface StatusChange {
  nctId: string;
  title: string;
  from: string | null;
  to: string | null;
}

export interface ResultsPosted {
  nctId: string;
  title: string;
  resultsFirstPosted: string | null;
  status: string | null;
}

export interface LabelChange {
  nctId: string;
  title: string;
  field: string;
  from: string;
  to: string;
}

export interface SnapshotDiff {
  summary: {
    studiesA: number;
    studiesB: number;
    added: number;
    removed: number;
    statusChanges: number;
    resultsNewlyPosted: number;
    labelChanges: number;
    /** Studies with at least one label change. */
    studiesWithLabelChanges: number;
    /** Studies whose inclusion decision flipped. */
    inclusionChanges: number;
  };
  added: StudyRef[];
  removed: StudyRef[];
  statusChanges: StatusChange[];
  resultsNewlyPosted: ResultsPosted[];
  labelChanges: LabelChange[];
}

/** Label fields compared, each rendered to a comparable string (data: one line per field). */
const LABEL_FIELDS: ReadonlyArray<[string, (l: Labels) => string]> = [
  ['included', (l) => String(l.included)],
  ['category', (l) => l.category],
  ['screeningReason', (l) => l.screeningReason],
  ['sources', (l) => [...l.sources].sort().join(';')],
  ['donor', (l) => l.donor],
  ['modifications', (l) => [...l.modifications].sort().join(';')],
  ['biomaterial', (l) => String(l.biomaterial)],
  ['routes', (l) => [...l.routes].sort().join(';')],
  ['covid19', (l) => String(l.covid19)],
  ['specialty', (l) => l.specialty],
  ['product', (l) => l.product ?? ''],
  [
    'dose',
    (l) =>
      l.dose
        ? `${l.dose.value ?? ''}-${l.dose.valueHigh ?? ''} ${l.dose.unit} x${l.dose.administrations ?? '?'}`
        : '',
  ],
];

const NO_LABELS = '(unclassified)';
const title = (r: ClassifiedStudy) => r.study.briefTitle ?? r.study.officialTitle ?? '';
const ref = (r: ClassifiedStudy): StudyRef => ({
  nctId: r.study.nctId,
  title: title(r),
  status: r.study.overallStatus,
});

export function diffSnapshots(a: ClassifiedStudy[], b: ClassifiedStudy[]): SnapshotDiff {
  const mapA = new Map(a.map((r) => [r.study.nctId, r]));
  const mapB = new Map(b.map((r) => [r.study.nctId, r]));
  const added = b.filter((r) => !mapA.has(r.study.nctId)).map(ref);
  const removed = a.filter((r) => !mapB.has(r.study.nctId)).map(ref);
  const statusChanges: StatusChange[] = [];
  const resultsNewlyPosted: ResultsPosted[] = [];
  const labelChanges: LabelChange[] = [];
  const changedStudies = new Set<string>();
  let inclusionChanges = 0;

  for (const rb of b) {
    const ra = mapA.get(rb.study.nctId);
    if (!ra) continue;
    const id = rb.study.nctId;
    if (ra.study.overallStatus !== rb.study.overallStatus) {
      statusChanges.push({
        nctId: id,
        title: title(rb),
        from: ra.study.overallStatus,
        to: rb.study.overallStatus,
      });
    }
    if (!ra.study.hasResults && rb.study.hasResults) {
      resultsNewlyPosted.push({
        nctId: id,
        title: title(rb),
        resultsFirstPosted: rb.study.resultsFirstPostedDate?.value ?? null,
        status: rb.study.overallStatus,
      });
    }
    if (ra.labels === null && rb.labels === null) continue;
    for (const [field, get] of LABEL_FIELDS) {
      const from = ra.labels ? get(ra.labels) : NO_LABELS;
      const to = rb.labels ? get(rb.labels) : NO_LABELS;
      if (from !== to) {
        labelChanges.push({ nctId: id, title: title(rb), field, from, to });
        changedStudies.add(id);
        if (field === 'included') inclusionChanges++;
      }
      if (!ra.labels || !rb.labels) break; // one "(unclassified)" line is enough
    }
  }
  const byId = <T extends { nctId: string }>(x: T, y: T) => x.nctId.localeCompare(y.nctId);
  added.sort(byId);
  removed.sort(byId);
  statusChanges.sort(byId);
  resultsNewlyPosted.sort(byId);
  labelChanges.sort((x, y) => byId(x, y) || x.field.localeCompare(y.field));
  return {
    summary: {
      studiesA: a.length,
      studiesB: b.length,
      added: added.length,
      removed: removed.length,
      statusChanges: statusChanges.length,
      resultsNewlyPosted: resultsNewlyPosted.length,
      labelChanges: labelChanges.length,
      studiesWithLabelChanges: changedStudies.size,
      inclusionChanges,
    },
    added,
    removed,
    statusChanges,
    resultsNewlyPosted,
    labelChanges,
  };
}
