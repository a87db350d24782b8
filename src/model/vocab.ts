/**
 * Vocabulary tables: registry labels (classic API, classic and v2 website exports) -> the API v2 enum
 * spelling used by `Study`. Tables are data; `lookup` is the only logic. A value no table knows is kept,
 * upper-snake-cased ("Some New Value" -> "SOME_NEW_VALUE"), never rejected: the registry grows new values.
 * v2 enums pass through unchanged (they are already upper-snake-case).
 */

export type VocabTable = Readonly<Record<string, string>>;

/** Keys are matched case-insensitively: tables are written in registry spelling and indexed lower-cased. */
function table(entries: Record<string, string>): VocabTable {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, v] of Object.entries(entries)) out[k.toLowerCase()] = v;
  return Object.freeze(out);
}

export const OVERALL_STATUS = table({
  Recruiting: 'RECRUITING',
  'Not yet recruiting': 'NOT_YET_RECRUITING',
  'Active, not recruiting': 'ACTIVE_NOT_RECRUITING',
  'Enrolling by invitation': 'ENROLLING_BY_INVITATION',
  Completed: 'COMPLETED',
  Suspended: 'SUSPENDED',
  Terminated: 'TERMINATED',
  Withdrawn: 'WITHDRAWN',
  'Unknown status': 'UNKNOWN',
  Unknown: 'UNKNOWN',
  Available: 'AVAILABLE',
  'No longer available': 'NO_LONGER_AVAILABLE',
  'Temporarily not available': 'TEMPORARILY_NOT_AVAILABLE',
  'Approved for marketing': 'APPROVED_FOR_MARKETING',
  Withheld: 'WITHHELD',
});

export const PHASE = table({
  'Early Phase 1': 'EARLY_PHASE1',
  'Phase 0': 'EARLY_PHASE1',
  'Phase 1': 'PHASE1',
  'Phase 2': 'PHASE2',
  'Phase 3': 'PHASE3',
  'Phase 4': 'PHASE4',
  'Not Applicable': 'NA',
  'N/A': 'NA',
});

export const STUDY_TYPE = table({
  Interventional: 'INTERVENTIONAL',
  Observational: 'OBSERVATIONAL',
  'Observational [Patient Registry]': 'OBSERVATIONAL',
  'Expanded Access': 'EXPANDED_ACCESS',
});

/** Agency class of sponsors/collaborators; the classic website's "Funded Bys" labels included. */
export const AGENCY_CLASS = table({
  Industry: 'INDUSTRY',
  NIH: 'NIH',
  'U.S. Fed': 'FED',
  'Other U.S. Federal agency': 'FED',
  Other: 'OTHER',
  Individual: 'INDIV',
  Network: 'NETWORK',
  'Other Government': 'OTHER_GOV',
  Ambiguous: 'AMBIG',
  Unknown: 'UNKNOWN',
});

export const ALLOCATION = table({
  Randomized: 'RANDOMIZED',
  'Non-Randomized': 'NON_RANDOMIZED',
  'N/A': 'NA',
});

export const INTERVENTION_MODEL = table({
  'Single Group Assignment': 'SINGLE_GROUP',
  'Parallel Assignment': 'PARALLEL',
  'Crossover Assignment': 'CROSSOVER',
  'Factorial Assignment': 'FACTORIAL',
  'Sequential Assignment': 'SEQUENTIAL',
});

export const OBSERVATIONAL_MODEL = table({
  Cohort: 'COHORT',
  'Case-Control': 'CASE_CONTROL',
  'Case-Only': 'CASE_ONLY',
  'Case-Crossover': 'CASE_CROSSOVER',
  'Ecologic or Community': 'ECOLOGIC_OR_COMMUNITY',
  'Family-Based': 'FAMILY_BASED',
  'Defined Population': 'DEFINED_POPULATION',
  'Natural History': 'NATURAL_HISTORY',
  Other: 'OTHER',
});

export const MASKING = table({
  'None (Open Label)': 'NONE',
  None: 'NONE',
  Single: 'SINGLE',
  Double: 'DOUBLE',
  Triple: 'TRIPLE',
  Quadruple: 'QUADRUPLE',
});

export const PRIMARY_PURPOSE = table({
  Treatment: 'TREATMENT',
  Prevention: 'PREVENTION',
  Diagnostic: 'DIAGNOSTIC',
  'Supportive Care': 'SUPPORTIVE_CARE',
  Screening: 'SCREENING',
  'Health Services Research': 'HEALTH_SERVICES_RESEARCH',
  'Basic Science': 'BASIC_SCIENCE',
  'Device Feasibility': 'DEVICE_FEASIBILITY',
  'Educational/Counseling/Training': 'ECT',
  Other: 'OTHER',
});

export const SEX = table({ All: 'ALL', Female: 'FEMALE', Male: 'MALE', Both: 'ALL' });

export const STD_AGE = table({ Child: 'CHILD', Adult: 'ADULT', 'Older Adult': 'OLDER_ADULT' });

export const INTERVENTION_TYPE = table({
  Drug: 'DRUG',
  Biological: 'BIOLOGICAL',
  Procedure: 'PROCEDURE',
  'Procedure/Surgery': 'PROCEDURE',
  Device: 'DEVICE',
  Genetic: 'GENETIC',
  'Combination Product': 'COMBINATION_PRODUCT',
  'Dietary Supplement': 'DIETARY_SUPPLEMENT',
  Behavioral: 'BEHAVIORAL',
  Radiation: 'RADIATION',
  'Diagnostic Test': 'DIAGNOSTIC_TEST',
  Other: 'OTHER',
});

export const ARM_GROUP_TYPE = table({
  Experimental: 'EXPERIMENTAL',
  'Active Comparator': 'ACTIVE_COMPARATOR',
  'Placebo Comparator': 'PLACEBO_COMPARATOR',
  'Sham Comparator': 'SHAM_COMPARATOR',
  'No Intervention': 'NO_INTERVENTION',
  Other: 'OTHER',
});

export const REFERENCE_TYPE = table({ background: 'BACKGROUND', result: 'RESULT', derived: 'DERIVED' });

/** Date and enrollment types: classic "Anticipated" (dates, enrollment) and "Estimate" (posting dates) are ESTIMATED. */
export const DATE_TYPE = table({
  Actual: 'ACTUAL',
  Anticipated: 'ESTIMATED',
  Estimate: 'ESTIMATED',
  Estimated: 'ESTIMATED',
  Expected: 'ESTIMATED',
});

export const SECONDARY_ID_TYPE = table({
  'U.S. NIH Grant/Contract': 'NIH',
  'U.S. FDA Grant/Contract': 'FDA',
  'U.S. VA Grant/Contract': 'VA',
  'U.S. CDC Grant/Contract': 'CDC',
  'U.S. AHRQ Grant/Contract': 'AHRQ',
  'U.S. SAMHSA Grant/Contract': 'SAMHSA',
  'Other Grant/Funding Number': 'OTHER_GRANT',
  'EudraCT Number': 'EUDRACT_NUMBER',
  CTIS: 'CTIS',
  'Registry Identifier': 'REGISTRY',
  'Other Identifier': 'OTHER',
});

export const CONDITION_RELEVANCE = table({ high: 'HIGH', low: 'LOW' });

/** Classic "HealthyVolunteers" text -> boolean (v2 gives a boolean already). */
export const HEALTHY_VOLUNTEERS: Readonly<Record<string, boolean>> = Object.freeze({
  no: false,
  'accepts healthy volunteers': true,
  yes: true,
  true: true,
  false: false,
});

/** "Some New Value" -> "SOME_NEW_VALUE"; "PHASE1" stays "PHASE1". */
export function upperSnake(value: string): string {
  let out = '';
  let pendingSep = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const isDigit = c >= 48 && c <= 57;
    const isUpper = c >= 65 && c <= 90;
    const isLower = c >= 97 && c <= 122;
    if (isDigit || isUpper || isLower) {
      if (pendingSep && out.length > 0) out += '_';
      pendingSep = false;
      out += isLower ? String.fromCharCode(c - 32) : value[i];
    } else {
      pendingSep = true;
    }
  }
  return out;
}

/** Map a registry label through a table; unknown labels are kept upper-snake-cased. Blank -> null. */
export function lookup(t: VocabTable, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const direct = t[value] ?? t[value.toLowerCase()];
  if (direct !== undefined) return direct;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const hit = t[trimmed.toLowerCase()];
  if (hit !== undefined) return hit;
  const snake = upperSnake(trimmed);
  return snake === '' ? trimmed : snake;
}

/** Phases: accepts lists and joined forms ("Phase 1|Phase 2", "Phase 1/Phase 2", "PHASE1|PHASE2", "N/A"). */
export function lookupPhases(values: readonly string[]): string[] {
  const out: string[] = [];
  const add = (p: string | null): void => {
    if (p !== null && !out.includes(p)) out.push(p);
  };
  for (const v of values) {
    for (const part of v.split('|')) {
      const key = part.trim().toLowerCase();
      if (PHASE[key] !== undefined || !key.includes('/')) add(lookup(PHASE, part));
      else for (const sub of part.split('/')) add(lookup(PHASE, sub));
    }
  }
  return out;
}
