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
import { rangeTallies } from './ranges.js';
import { addCounters, COUNTER, counterLayout, type ColumnTallies, type CounterLayout } from './counters.js';
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
 * With `range` (`sel` is every study whose first-posted day rank is within it: columns.ts firstPostedOnly) the
 * counts come from the range table (computeRangeMetrics) and `sel` is read only for repeated NCT ids.
 */
export function computeColumnMetrics(
  cols: StudyColumns,
  sel: Int32Array,
  opts: Omit<MetricsOptions, 'omitNctIds'> = {},
  range?: [number, number],
): Metrics | null {
  if (range && cols.uniqueSerials) return computeRangeMetrics(cols, range[0], range[1], opts);
  const onlyIncluded = opts.onlyIncluded ?? true;
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
  const x = counterLayout(cols);
  const every = new Int32Array(x.width);
  addCounters(cols, x, sel, 0, sel.length, every);
  let countedSel = sel;
  let counted = every;
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
    counted = new Int32Array(x.width);
    addCounters(cols, x, countedSel, 0, n, counted);
  }
  // the table functions read only the number of counted studies and the fused counts of them (pre.rows is this
  // stand-in, not an array of a slot per study)
  const rows = { length: countedSel.length } as unknown as readonly PreparedStudy[];
  const out = new Float64Array(3);
  const doseSeen: number[] = [];
  countedPass(cols, countedSel, new Uint8Array(x.nDose), doseSeen, out);
  return columnMetrics(
    cols,
    {
      pre: fusedCounts(rows, { codes: cols.packed, at: countedSel }),
      every,
      counted,
      layout: x,
      participants: out[0]!,
      postedMin: out[1]!,
      postedMax: out[2]!,
      doseSeen,
    },
    opts,
  );
}

/**
 * computeColumnMetrics of every study whose first-posted day rank is within [lo, hi], without a selection: the
 * counts from the range table (ranges.ts). Null when NCT ids repeat in the snapshot (the caller then selects the
 * studies and counts them: computeColumnMetrics without a range).
 */
export function computeRangeMetrics(
  cols: StudyColumns,
  lo: number,
  hi: number,
  opts: Omit<MetricsOptions, 'omitNctIds'> = {},
): Metrics | null {
  if (!cols.uniqueSerials) return null;
  const onlyIncluded = opts.onlyIncluded ?? true;
  const counted = { length: 0 } as { length: number };
  const t = rangeTallies(cols, lo, hi, onlyIncluded, counted as unknown as readonly PreparedStudy[]);
  counted.length = t.counted[COUNTER.studies]!;
  return columnMetrics(cols, t, opts);
}

/** Participants total, first-posted extremes and dose points in first-seen order of the studies `at` (row order). */
function countedPass(
  cols: StudyColumns,
  at: Int32Array,
  doseFirst: Uint8Array,
  doseSeen: number[],
  out: Float64Array,
): void {
  const fp = cols.firstPosted.rank;
  const enrollment = cols.packed.enrollment;
  const { doseKind, doseKey } = cols;
  let total = 0;
  let min = -1;
  let max = -1;
  for (let q = 0; q < at.length; q++) {
    const i = at[q]!;
    const e = enrollment[i]!;
    if (!Number.isNaN(e)) total += e;
    const d = fp[i]!;
    if (d >= 0) {
      if (min < 0 || d < min) min = d;
      if (max < 0 || d > max) max = d;
    }
    if (doseKind[i] === 2) {
      const k = doseKey[i]!;
      if (doseFirst[k] === 0) {
        doseFirst[k] = 1;
        doseSeen.push(k);
      }
    }
  }
  out[0] = total;
  out[1] = min;
  out[2] = max;
}

/** The metrics object of what a selection or a first-posted range counted (counters.ts, fused.ts). */
function columnMetrics(
  cols: StudyColumns,
  t: ColumnTallies,
  opts: Omit<MetricsOptions, 'omitNctIds'>,
): Metrics {
  const onlyIncluded = opts.onlyIncluded ?? true;
  const yearBasis = opts.yearBasis ?? 'firstPosted';
  const flow = counterFlow(cols, t.every, t.layout);
  const c = t.counted;
  const n = c[COUNTER.studies]!;
  const ctx: TallyContext = { ids: false, unique: true, pre: t.pre };
  const tables = metricTables(t.pre.rows, flow, yearBasis, ctx);
  const withE = c[COUNTER.withEnrollment]!;
  const summary: Summary = {
    studies: t.every[COUNTER.studies]!,
    included: flow.included,
    excluded: flow.excluded,
    unclassified: flow.unclassified,
    awaiting: flow.awaiting,
    lowConfidence: flow.lowConfidence,
    counted: n,
    completed: c[COUNTER.completed]!,
    completedWithResults: c[COUNTER.completedWithResults]!,
    withResults: c[COUNTER.withResults]!,
    covid19: c[COUNTER.covid19]!,
    evSecretome: c[COUNTER.derived]!,
    geneticallyModified: c[COUNTER.geneticallyModified]!,
    observational: c[COUNTER.observational]!,
    countries: tables.trialsByCountry.rows.filter((r) => r.key !== '(no location)').length,
    participants: {
      total: t.participants,
      trialsWithEnrollment: withE,
      trialsWithoutEnrollment: n - withE,
      actualEnrollmentTrials: c[COUNTER.actualEnrollment]!,
      estimatedEnrollmentTrials: c[COUNTER.estimatedEnrollment]!,
    },
    firstPostedMin: t.postedMin < 0 ? null : cols.firstPosted.sorted[t.postedMin]!,
    firstPostedMax: t.postedMax < 0 ? null : cols.firstPosted.sorted[t.postedMax]!,
  };
  const { doseKeys } = cols;
  const dose = t.layout.dose;
  return {
    options: { onlyIncluded, yearBasis },
    summary,
    flow,
    tables,
    dose: pooledDoseMetrics(
      t.doseSeen.map((k) => ({ ...doseKeys[k]!, trials: c[dose + k]! })),
      c[COUNTER.absoluteDose]!,
      c[COUNTER.noDose]!,
    ),
  };
}

/** screeningFlow(rows, { ids: false, unique: true }) of the studies whose counters are `c` (counters.ts). */
function counterFlow(cols: StudyColumns, c: Int32Array, x: CounterLayout): ScreeningFlow {
  const { dicts } = cols;
  const cells = (d: { values: readonly unknown[] }, at: number) => {
    const t = new Counts(d.values.length, (code) => [d.values[code] as string]);
    t.count.set(c.subarray(at, at + d.values.length));
    t.reseen();
    return t;
  };
  const inclCat = cells(dicts.category, x.inclCat);
  const inclReason = cells(dicts.reason, x.inclReason);
  const excl = cells(dicts.reason, x.exclReason);
  const identified = c[COUNTER.studies]!;
  const unclassified = c[COUNTER.unclassified]!;
  const included = c[COUNTER.included]!;
  const excluded = c[COUNTER.excluded]!;
  return {
    identified,
    unclassified,
    unclassifiedNctIds: [],
    screened: identified - unclassified,
    awaiting: c[COUNTER.awaiting]!,
    awaitingNctIds: [],
    lowConfidence: c[COUNTER.lowConfidence]!,
    excluded,
    excludedByReason: excl.rows({ denominator: excluded || undefined }),
    included,
    includedByCategory: inclCat.rows({ denominator: included || undefined }),
    includedByReason: inclReason.rows({ denominator: included || undefined }),
  };
}
