/**
 * The per-study counters of the screening flow and the summary of computeColumnMetrics (metrics.ts), in one flat
 * Int32Array per set of studies: scalar counters (studies, flow states, flag counts, enrollment and dose kinds),
 * then the flow cells (category and reason of the included studies, reason of the excluded ones) and the trials
 * per pooled dose point. Flat so that the counters of a first-posted range are differences of kept arrays
 * (ranges.ts), like the fused counts.
 */
import { FLAG } from './prepare.js';
import type { StudyColumns } from './columns.js';
import type { Fused } from './metrics/fused.js';

/**
 * Where the counters sit in a counters array: scalar counters, then the flow cells (category and reason of the
 * included studies, reason of the excluded ones) and the trials per pooled dose point.
 */
export const COUNTER = {
  /** Studies added (the counted ones, in the included table). */
  studies: 0,
  unclassified: 1,
  lowConfidence: 2,
  awaiting: 3,
  included: 4,
  excluded: 5,
  completed: 6,
  completedWithResults: 7,
  withResults: 8,
  covid19: 9,
  derived: 10,
  geneticallyModified: 11,
  observational: 12,
  withEnrollment: 13,
  actualEnrollment: 14,
  estimatedEnrollment: 15,
  noDose: 16,
  absoluteDose: 17,
  /** First cell of the variable parts. */
  cells: 18,
} as const;

/** The variable parts of a counters array (sizes fixed when the table is built: a changed study drops the table). */
export interface CounterLayout {
  width: number;
  /** Offsets of the included-by-category, included-by-reason, excluded-by-reason and per-dose-point cells. */
  inclCat: number;
  inclReason: number;
  exclReason: number;
  dose: number;
  nCat: number;
  nReason: number;
  nDose: number;
  /** Codes of confidence "low" and category "undetermined" (-1: none). */
  low: number;
  undetermined: number;
}

export function counterLayout(cols: StudyColumns): CounterLayout {
  const nCat = cols.dicts.category.values.length;
  const nReason = cols.dicts.reason.values.length;
  const nDose = cols.doseKeys.length;
  const inclCat = COUNTER.cells;
  const inclReason = inclCat + nCat;
  const exclReason = inclReason + nReason;
  const dose = exclReason + nReason;
  return {
    width: dose + nDose,
    inclCat,
    inclReason,
    exclReason,
    dose,
    nCat,
    nReason,
    nDose,
    low: cols.dicts.confidence.values.indexOf('low'),
    undetermined: cols.dicts.category.values.indexOf('undetermined'),
  };
}

/** Adds the study counters of the studies at[from .. to) to `out` (a counters array of layout `x`). */
export function addCounters(
  cols: StudyColumns,
  x: CounterLayout,
  at: Int32Array,
  from: number,
  to: number,
  out: Int32Array,
): void {
  const { labelled, flags, category, confidence, reason, doseKind, doseKey } = cols;
  const enrollment = cols.packed.enrollment;
  const { low, undetermined, inclCat, inclReason, exclReason, dose } = x;
  for (let q = from; q < to; q++) {
    const i = at[q]!;
    const f = flags[i]!;
    out[COUNTER.studies]!++;
    if (labelled[i] !== 1) out[COUNTER.unclassified]!++;
    else {
      if (confidence[i] === low) out[COUNTER.lowConfidence]!++;
      if (category[i] === undetermined) out[COUNTER.awaiting]!++;
      else if ((f & FLAG.included) !== 0) {
        out[COUNTER.included]!++;
        out[inclCat + category[i]!]!++;
        out[inclReason + reason[i]!]!++;
      } else {
        out[COUNTER.excluded]!++;
        out[exclReason + reason[i]!]!++;
      }
    }
    if ((f & FLAG.completed) !== 0) {
      out[COUNTER.completed]!++;
      if ((f & FLAG.hasResults) !== 0) out[COUNTER.completedWithResults]!++;
    }
    if ((f & FLAG.hasResults) !== 0) out[COUNTER.withResults]!++;
    if ((f & FLAG.covid19) !== 0) out[COUNTER.covid19]!++;
    if ((f & FLAG.derived) !== 0) out[COUNTER.derived]!++;
    if ((f & FLAG.geneticallyModified) !== 0) out[COUNTER.geneticallyModified]!++;
    if ((f & FLAG.observational) !== 0) out[COUNTER.observational]!++;
    if (!Number.isNaN(enrollment[i]!)) {
      out[COUNTER.withEnrollment]!++;
      if ((f & FLAG.actualEnrollment) !== 0) out[COUNTER.actualEnrollment]!++;
      else if ((f & FLAG.estimatedEnrollment) !== 0) out[COUNTER.estimatedEnrollment]!++;
    }
    const kind = doseKind[i]!;
    if (kind === 0) out[COUNTER.noDose]!++;
    else if (kind === 1) out[COUNTER.absoluteDose]!++;
    else out[dose + doseKey[i]!]!++;
  }
}

/** What computeColumnMetrics counts of a selection or a first-posted range (ranges.ts rangeTallies). */
export interface ColumnTallies {
  /** The fused counts of the counted studies (for the table functions given `rows`). */
  pre: Fused;
  /** Study counters of every study in the range (the screening flow reads these). */
  every: Int32Array;
  /** Study counters of the counted studies (the included ones, or every one). */
  counted: Int32Array;
  layout: CounterLayout;
  /** Participants of the counted studies, summed in row order. */
  participants: number;
  /** Lowest and highest firstPosted rank (as registered) of the counted studies, -1 when none. */
  postedMin: number;
  postedMax: number;
  /** Dose point codes in order of their first counted study (row order). */
  doseSeen: number[];
}
