/**
 * computeMetrics: every landscape metric of a set of classified studies, as one JSON-serializable object.
 * Pure: studies in, numbers out. The CLI report, the HTTP API and the web dashboard all call this.
 *
 * The screening flow counts every row given; all other metrics count the INCLUDED studies only (labels.included),
 * unless `onlyIncluded: false`. Apply a Filter (filter.ts) first to restrict the population (e.g. asOf).
 */
import type { ClassifiedStudy } from './types.js';
import { buildPrepared, FLAG, NCT_SERIALS, type PackedRows, type PreparedStudy } from './prepare.js';
import { screeningFlow, screeningTable, type ScreeningFlow } from './metrics/screening.js';
import {
  covidOverTime,
  donorOverTime,
  productFormOverTime,
  registryOverTime,
  specialtyOverTime,
  trialsPerYear,
  type YearBasis,
} from './metrics/time.js';
import {
  phases,
  registries,
  resultsByStatus,
  sponsorClasses,
  statuses,
  studyTypes,
} from './metrics/design.js';
import {
  observationalByCountry,
  participants,
  participantsByCountry,
  trialsByCountry,
  type Participants,
} from './metrics/countries.js';
import {
  covid19,
  donors,
  modifications,
  productForms,
  products,
  routes,
  sourceGroups,
  sources,
  specialties,
} from './metrics/product.js';
import { doseMetrics, pooledDoseMetrics, type DoseMetrics } from './metrics/dose.js';
import { fusedCounts } from './metrics/fused.js';
import { rangeFused } from './ranges.js';
import { Counts, type MetricTable, type TallyContext } from './metrics/table.js';
import type { StudyColumns } from './columns.js';

export type { MetricRow, MetricTable } from './metrics/table.js';
export type { ScreeningFlow } from './metrics/screening.js';
export type { Participants } from './metrics/countries.js';
export type { DoseMetrics, DoseStat, DosePoint } from './metrics/dose.js';
export type { YearBasis } from './metrics/time.js';

export interface MetricsOptions {
  /** Count only included studies in the landscape metrics (default true). */
  onlyIncluded?: boolean;
  /** Year used by the "over time" metrics (specialty, donor, product form, COVID-19); default "firstPosted". */
  yearBasis?: YearBasis;
  /** Drop the per-row NCT id lists (smaller JSON for the web); default false. */
  omitNctIds?: boolean;
}

/** Ids of the metric tables, in report order. */
export const METRIC_IDS = [
  'trialsPerFirstPostedYear',
  'trialsPerStartYear',
  'sources',
  'sourceGroups',
  'phases',
  'statuses',
  'studyTypes',
  'trialsByCountry',
  'participantsByCountryFull',
  'participantsByCountrySplit',
  'observationalByCountry',
  'routes',
  'specialties',
  'specialtyOverTime',
  'donors',
  'donorOverTime',
  'productForms',
  'productFormOverTime',
  'modifications',
  'covid19',
  'covid19OverTime',
  'products',
  'sponsorClasses',
  'resultsByStatus',
  'registries',
  'registryOverTime',
  'screening',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

export interface Summary {
  /** Studies given (after any filter). */
  studies: number;
  included: number;
  excluded: number;
  unclassified: number;
  /** Records awaiting classification (undetermined) and records whose category label has low confidence. */
  awaiting: number;
  lowConfidence: number;
  /** Studies the landscape metrics count (included only, unless onlyIncluded=false). */
  counted: number;
  completed: number;
  completedWithResults: number;
  withResults: number;
  covid19: number;
  evSecretome: number;
  geneticallyModified: number;
  observational: number;
  countries: number;
  participants: Participants;
  /** First-posted date range of the counted studies (ISO, as registered). */
  firstPostedMin: string | null;
  firstPostedMax: string | null;
}

export interface Metrics {
  options: Required<Omit<MetricsOptions, 'omitNctIds'>>;
  summary: Summary;
  flow: ScreeningFlow;
  tables: Record<MetricId, MetricTable>;
  dose: DoseMetrics;
}

export function computeMetrics(rows: ClassifiedStudy[], opts: MetricsOptions = {}): Metrics {
  return computePreparedMetrics(rows.map(buildPrepared), opts);
}

/** True when no NCT id occurs twice among the rows. */
function uniqueIds(rows: readonly PreparedStudy[]): boolean {
  const seen = new Uint8Array(NCT_SERIALS.values.length);
  for (const r of rows) {
    if (seen[r.serial] === 1) return false;
    seen[r.serial] = 1;
  }
  return true;
}

/**
 * computeMetrics over prepared studies (prepare.ts): the same result, for callers that keep PreparedStudy arrays
 * (the dashboard server). Each table is one pass over the rows; NCT id lists are neither built nor sorted when
 * `omitNctIds` is set. `packed` (aligned with `rows`): where the rows' codes are packed (prepare.ts packCodes).
 */
export function computePreparedMetrics(
  rows: readonly PreparedStudy[],
  opts: MetricsOptions = {},
  packed?: PackedRows,
): Metrics {
  const onlyIncluded = opts.onlyIncluded ?? true;
  const yearBasis = opts.yearBasis ?? 'firstPosted';
  const ctx: TallyContext = { ids: !opts.omitNctIds, unique: uniqueIds(rows) };
  const flow = screeningFlow(rows, ctx);
  let counted = rows;
  let countedPacked = packed;
  if (onlyIncluded) {
    const keep: number[] = [];
    for (let q = 0; q < rows.length; q++) if ((rows[q]!.flags & FLAG.included) !== 0) keep.push(q);
    counted = keep.map((q) => rows[q]!);
    if (packed) countedPacked = { codes: packed.codes, at: Int32Array.from(keep, (q) => packed.at[q]!) };
  }
  // fast path: every table's counts in one pass over the counted studies
  if (!ctx.ids && ctx.unique) ctx.pre = fusedCounts(counted, countedPacked);
  const tables = metricTables(counted, flow, yearBasis, ctx);

  let completed = 0;
  let completedWithResults = 0;
  let withResults = 0;
  let covid = 0;
  let evSecretome = 0;
  let geneticallyModified = 0;
  let observational = 0;
  let postedMin: string | null = null;
  let postedMax: string | null = null;
  for (const r of counted) {
    const f = r.flags;
    if (f & FLAG.completed) {
      completed++;
      if (f & FLAG.hasResults) completedWithResults++;
    }
    if (f & FLAG.hasResults) withResults++;
    if (f & FLAG.covid19) covid++;
    if (f & FLAG.derived) evSecretome++;
    if (f & FLAG.geneticallyModified) geneticallyModified++;
    if (f & FLAG.observational) observational++;
    const d = r.firstPosted;
    if (d) {
      if (postedMin === null || d < postedMin) postedMin = d;
      if (postedMax === null || d > postedMax) postedMax = d;
    }
  }
  const summary: Summary = {
    studies: rows.length,
    included: flow.included,
    excluded: flow.excluded,
    unclassified: flow.unclassified,
    awaiting: flow.awaiting,
    lowConfidence: flow.lowConfidence,
    counted: counted.length,
    completed,
    completedWithResults,
    withResults,
    covid19: covid,
    evSecretome,
    geneticallyModified,
    observational,
    countries: tables.trialsByCountry.rows.filter((r) => r.key !== '(no location)').length,
    participants: participants(counted),
    firstPostedMin: postedMin,
    firstPostedMax: postedMax,
  };

  return {
    options: { onlyIncluded, yearBasis },
    summary,
    flow,
    tables,
    dose: doseMetrics(counted, { ids: ctx.ids }),
  };
}

/** Every metric table of the counted studies (ctx.pre: their counts made in one pass, fused.ts). */
function metricTables(
  counted: readonly PreparedStudy[],
  flow: ScreeningFlow,
  yearBasis: YearBasis,
  ctx: TallyContext,
): Record<MetricId, MetricTable> {
  return {
    trialsPerFirstPostedYear: trialsPerYear(counted, 'firstPosted', ctx),
    trialsPerStartYear: trialsPerYear(counted, 'start', ctx),
    sources: sources(counted, ctx),
    sourceGroups: sourceGroups(counted, ctx),
    phases: phases(counted, ctx),
    statuses: statuses(counted, ctx),
    studyTypes: studyTypes(counted, ctx),
    trialsByCountry: trialsByCountry(counted, ctx),
    participantsByCountryFull: participantsByCountry(counted, 'full', ctx),
    participantsByCountrySplit: participantsByCountry(counted, 'split', ctx),
    observationalByCountry: observationalByCountry(counted, ctx),
    routes: routes(counted, ctx),
    specialties: specialties(counted, ctx),
    specialtyOverTime: specialtyOverTime(counted, yearBasis, ctx),
    donors: donors(counted, ctx),
    donorOverTime: donorOverTime(counted, yearBasis, ctx),
    productForms: productForms(counted, ctx),
    productFormOverTime: productFormOverTime(counted, yearBasis, ctx),
    modifications: modifications(counted, ctx),
    covid19: covid19(counted, ctx),
    covid19OverTime: covidOverTime(counted, yearBasis, ctx),
    products: products(counted, ctx),
    sponsorClasses: sponsorClasses(counted, ctx),
    resultsByStatus: resultsByStatus(counted, ctx),
    registries: registries(counted, ctx),
    registryOverTime: registryOverTime(counted, yearBasis, ctx),
    screening: screeningTable(flow),
  };
}

let includedScratch = new Int32Array(0);

/**
 * computePreparedMetrics(rows, { ...opts, omitNctIds: true }) of the studies `sel` (ascending indices) from the
 * columns of a snapshot (columns.ts): the same object, counted in passes over typed arrays. Returns null when two
 * selected studies share an NCT id (the caller then counts from the prepared studies, which de-duplicates).
 */
export function computeColumnMetrics(
  cols: StudyColumns,
  sel: Int32Array,
  opts: Omit<MetricsOptions, 'omitNctIds'> = {},
  /** `sel` is every study whose first-posted day rank is within [lo, hi] (columns.ts firstPostedOnly). */
  range?: [number, number],
): Metrics | null {
  const onlyIncluded = opts.onlyIncluded ?? true;
  const yearBasis = opts.yearBasis ?? 'firstPosted';
  const { serial, flags } = cols;
  // every NCT id once in the snapshot (the usual case) means every NCT id once in any selection
  if (!cols.uniqueSerials) {
    const seen = new Uint8Array(NCT_SERIALS.values.length);
    for (let q = 0; q < sel.length; q++) {
      const s = serial[sel[q]!]!;
      if (seen[s] === 1) return null;
      seen[s] = 1;
    }
  }
  const flow = columnFlow(cols, sel);
  let countedSel = sel;
  if (onlyIncluded) {
    // the included studies of the selection, in a work array kept between calls (read only within this call)
    if (includedScratch.length < sel.length) includedScratch = new Int32Array(cols.size);
    const keep = includedScratch;
    let n = 0;
    for (let q = 0; q < sel.length; q++) {
      const i = sel[q]!;
      if ((flags[i]! & FLAG.included) !== 0) keep[n++] = i;
    }
    countedSel = keep.subarray(0, n);
  }
  // the table functions read only the number of counted studies and the fused counts of them (ctx.pre.rows is
  // this stand-in, not an array of a slot per study)
  const counted = { length: countedSel.length } as unknown as readonly PreparedStudy[];
  const ctx: TallyContext = { ids: false, unique: true };
  ctx.pre = range
    ? rangeFused(cols, range[0], range[1], onlyIncluded, countedSel, counted)
    : fusedCounts(counted, { codes: cols.packed, at: countedSel });
  const tables = metricTables(counted, flow, yearBasis, ctx);

  let completed = 0;
  let completedWithResults = 0;
  let withResults = 0;
  let covid = 0;
  let evSecretome = 0;
  let geneticallyModified = 0;
  let observational = 0;
  let postedMin = -1;
  let postedMax = -1;
  let total = 0;
  let withE = 0;
  let actual = 0;
  let estimated = 0;
  let absolute = 0;
  let none = 0;
  const fp = cols.firstPosted.rank;
  const enrollment = cols.packed.enrollment;
  const { doseKind, doseKey, doseKeys } = cols;
  const doseCount = new Int32Array(doseKeys.length);
  const doseSeen: number[] = [];
  for (let q = 0; q < countedSel.length; q++) {
    const i = countedSel[q]!;
    const f = flags[i]!;
    if (f & FLAG.completed) {
      completed++;
      if (f & FLAG.hasResults) completedWithResults++;
    }
    if (f & FLAG.hasResults) withResults++;
    if (f & FLAG.covid19) covid++;
    if (f & FLAG.derived) evSecretome++;
    if (f & FLAG.geneticallyModified) geneticallyModified++;
    if (f & FLAG.observational) observational++;
    const d = fp[i]!;
    if (d >= 0) {
      if (postedMin < 0 || d < postedMin) postedMin = d;
      if (postedMax < 0 || d > postedMax) postedMax = d;
    }
    const e = enrollment[i]!;
    if (!Number.isNaN(e)) {
      withE++;
      total += e;
      if (f & FLAG.actualEnrollment) actual++;
      else if (f & FLAG.estimatedEnrollment) estimated++;
    }
    const kind = doseKind[i]!;
    if (kind === 0) none++;
    else if (kind === 1) absolute++;
    else {
      const k = doseKey[i]!;
      if (doseCount[k]!++ === 0) doseSeen.push(k);
    }
  }
  const summary: Summary = {
    studies: sel.length,
    included: flow.included,
    excluded: flow.excluded,
    unclassified: flow.unclassified,
    awaiting: flow.awaiting,
    lowConfidence: flow.lowConfidence,
    counted: countedSel.length,
    completed,
    completedWithResults,
    withResults,
    covid19: covid,
    evSecretome,
    geneticallyModified,
    observational,
    countries: tables.trialsByCountry.rows.filter((r) => r.key !== '(no location)').length,
    participants: {
      total,
      trialsWithEnrollment: withE,
      trialsWithoutEnrollment: countedSel.length - withE,
      actualEnrollmentTrials: actual,
      estimatedEnrollmentTrials: estimated,
    },
    firstPostedMin: postedMin < 0 ? null : cols.firstPosted.sorted[postedMin]!,
    firstPostedMax: postedMax < 0 ? null : cols.firstPosted.sorted[postedMax]!,
  };
  return {
    options: { onlyIncluded, yearBasis },
    summary,
    flow,
    tables,
    dose: pooledDoseMetrics(
      doseSeen.map((k) => ({ ...doseKeys[k]!, trials: doseCount[k]! })),
      absolute,
      none,
    ),
  };
}

/** screeningFlow(rows, { ids: false, unique: true }) of the selected studies, from the columns. */
function columnFlow(cols: StudyColumns, sel: Int32Array): ScreeningFlow {
  const { labelled, flags, category, confidence, reason, dicts } = cols;
  const keys = (d: { values: readonly unknown[] }) => (c: number) => [d.values[c] as string];
  const inclCat = new Counts(dicts.category.values.length, keys(dicts.category));
  const inclReason = new Counts(dicts.reason.values.length, keys(dicts.reason));
  const excl = new Counts(dicts.reason.values.length, keys(dicts.reason));
  const low = dicts.confidence.values.indexOf('low');
  const undetermined = dicts.category.values.indexOf('undetermined');
  let nUnclassified = 0;
  let nAwaiting = 0;
  let lowConfidence = 0;
  let excluded = 0;
  let included = 0;
  for (let q = 0; q < sel.length; q++) {
    const i = sel[q]!;
    if (labelled[i] !== 1) {
      nUnclassified++;
      continue;
    }
    if (confidence[i] === low) lowConfidence++;
    if (category[i] === undetermined) nAwaiting++;
    else if ((flags[i]! & FLAG.included) !== 0) {
      included++;
      inclCat.add(category[i]!);
      inclReason.add(reason[i]!);
    } else {
      excluded++;
      excl.add(reason[i]!);
    }
  }
  return {
    identified: sel.length,
    unclassified: nUnclassified,
    unclassifiedNctIds: [],
    screened: sel.length - nUnclassified,
    awaiting: nAwaiting,
    awaitingNctIds: [],
    lowConfidence,
    excluded,
    excludedByReason: excl.rows({ denominator: excluded || undefined }),
    included,
    includedByCategory: inclCat.rows({ denominator: included || undefined }),
    includedByReason: inclReason.rows({ denominator: included || undefined }),
  };
}
