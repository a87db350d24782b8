/** Registry design/status metrics: phase, overall status, study type, sponsor class, results posted. */
import type { ClassifiedStudy } from '../types.js';
import { PHASE_ORDER, phaseKey, sponsorClassKey, statusKey, studyTypeKey } from '../dimensions.js';
import { byKeyOrder, countTable, type MetricTable } from './table.js';

const one = (rows: readonly ClassifiedStudy[], get: (r: ClassifiedStudy) => string) =>
  rows.map((r) => ({ nctId: r.study.nctId, keys: [[get(r)]] }));

/** Phase keys in reading order: single phases, then combinations, then NA and NONE. */
export const PHASE_KEY_ORDER = [
  'EARLY_PHASE1',
  'PHASE1',
  'PHASE1|PHASE2',
  'PHASE2',
  'PHASE2|PHASE3',
  'PHASE3',
  'PHASE4',
  'NA',
  'NONE',
];

export function phases(rows: readonly ClassifiedStudy[]): MetricTable {
  return countTable(
    one(rows, (r) => phaseKey(r.study)),
    {
      id: 'phases',
      title: 'Trials by registry phase',
      dims: ['phase'],
      unit: 'trials',
      note: `Registry phase list as registered; combinations stay distinct (PHASE1|PHASE2 is not counted as PHASE1 or PHASE2). NA = registry "not applicable"; NONE = no phase given (mostly observational studies). Canonical order: ${PHASE_ORDER.join(', ')}.`,
      order: byKeyOrder(PHASE_KEY_ORDER),
    },
  );
}

export function statuses(rows: readonly ClassifiedStudy[]): MetricTable {
  return countTable(
    one(rows, (r) => statusKey(r.study)),
    {
      id: 'statuses',
      title: 'Trials by overall recruitment status',
      dims: ['status'],
      unit: 'trials',
      note: 'Overall status as of the snapshot (not as of any --as-of date: statuses drift over time). UNKNOWN = the registry\'s "unknown status" (not verified for over 2 years); "unknown" = no status given.',
    },
  );
}

export function studyTypes(rows: readonly ClassifiedStudy[]): MetricTable {
  return countTable(
    one(rows, (r) => studyTypeKey(r.study)),
    {
      id: 'studyTypes',
      title: 'Trials by study type',
      dims: ['studyType'],
      unit: 'trials',
      note: 'Registry study type (INTERVENTIONAL, OBSERVATIONAL, EXPANDED_ACCESS).',
    },
  );
}

export function sponsorClasses(rows: readonly ClassifiedStudy[]): MetricTable {
  return countTable(
    one(rows, (r) => sponsorClassKey(r.study)),
    {
      id: 'sponsorClasses',
      title: 'Trials by lead sponsor class',
      dims: ['sponsorClass'],
      unit: 'trials',
      note: 'Registry agency class of the lead sponsor: INDUSTRY, NIH, FED, OTHER_GOV, INDIV, NETWORK, OTHER (universities, hospitals …).',
    },
  );
}

export function resultsByStatus(rows: readonly ClassifiedStudy[]): MetricTable {
  return countTable(
    rows.map((r) => ({
      nctId: r.study.nctId,
      keys: [[statusKey(r.study)], [r.study.hasResults ? 'results posted' : 'no results posted']],
    })),
    {
      id: 'resultsByStatus',
      title: 'Results posted on ClinicalTrials.gov, by overall status',
      dims: ['status', 'results'],
      unit: 'trials',
      note: 'Whether the registry record has a results section (hasResults), per overall status. Results published only in journals are not seen here.',
    },
  );
}
