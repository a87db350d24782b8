/** Registry design/status metrics: phase, overall status, study type, sponsor class, results posted. */
import { SLOT, type PreparedStudy } from '../prepare.js';
import { PHASE_ORDER } from '../dimensions.js';
import { byKeyOrder, countTable, countTable2, type MetricTable, type TallyContext } from './table.js';

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

export function phases(rows: readonly PreparedStudy[], ctx?: TallyContext): MetricTable {
  return countTable(
    rows,
    SLOT.phase,
    {
      id: 'phases',
      title: 'Trials by registry phase',
      dims: ['phase'],
      unit: 'trials',
      note: `Registry phase list as registered; combinations stay distinct (PHASE1|PHASE2 is not counted as PHASE1 or PHASE2). NA = registry "not applicable"; NONE = no phase given (mostly observational studies). Canonical order: ${PHASE_ORDER.join(', ')}.`,
      order: byKeyOrder(PHASE_KEY_ORDER),
    },
    ctx,
  );
}

export function statuses(rows: readonly PreparedStudy[], ctx?: TallyContext): MetricTable {
  return countTable(
    rows,
    SLOT.status,
    {
      id: 'statuses',
      title: 'Trials by overall recruitment status',
      dims: ['status'],
      unit: 'trials',
      note: 'Overall status as of the snapshot (not as of any --as-of date: statuses drift over time). UNKNOWN = the registry\'s "unknown status" (not verified for over 2 years); "unknown" = no status given.',
    },
    ctx,
  );
}

export function studyTypes(rows: readonly PreparedStudy[], ctx?: TallyContext): MetricTable {
  return countTable(
    rows,
    SLOT.studyType,
    {
      id: 'studyTypes',
      title: 'Trials by study type',
      dims: ['studyType'],
      unit: 'trials',
      note: 'Registry study type (INTERVENTIONAL, OBSERVATIONAL, EXPANDED_ACCESS).',
    },
    ctx,
  );
}

export function sponsorClasses(rows: readonly PreparedStudy[], ctx?: TallyContext): MetricTable {
  return countTable(
    rows,
    SLOT.sponsorClass,
    {
      id: 'sponsorClasses',
      title: 'Trials by lead sponsor class',
      dims: ['sponsorClass'],
      unit: 'trials',
      note: 'Registry agency class of the lead sponsor: INDUSTRY, NIH, FED, OTHER_GOV, INDIV, NETWORK, OTHER (universities, hospitals …).',
    },
    ctx,
  );
}

export function resultsByStatus(rows: readonly PreparedStudy[], ctx?: TallyContext): MetricTable {
  return countTable2(
    rows,
    SLOT.status,
    SLOT.results,
    {
      id: 'resultsByStatus',
      title: 'Results posted on ClinicalTrials.gov, by overall status',
      dims: ['status', 'results'],
      unit: 'trials',
      note: 'Whether the registry record has a results section (hasResults), per overall status. Results published only in journals are not seen here.',
    },
    ctx,
  );
}

export function registries(rows: readonly PreparedStudy[], ctx?: TallyContext): MetricTable {
  return countTable(
    rows,
    'registries',
    {
      id: 'registries',
      title: 'Trials by registry (registered in)',
      dims: ['registry'],
      unit: 'trials',
      note: 'Registries holding a registration of the trial (ctgov = ClinicalTrials.gov, anzctr, chictr, euctr, ctis, irct, jprn …). A trial registered in several registries counts once under each; the trial itself is counted once everywhere else.',
    },
    ctx,
  );
}
