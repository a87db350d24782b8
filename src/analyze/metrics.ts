/**
 * computeMetrics: every landscape metric of a set of classified studies, as one JSON-serializable object.
 * Pure: studies in, numbers out. The CLI report, the HTTP API and the web dashboard all call this.
 *
 * The screening flow counts every row given; all other metrics count the INCLUDED studies only (labels.included),
 * unless `onlyIncluded: false`. Apply a Filter (filter.ts) first to restrict the population (e.g. asOf).
 */
import type { ClassifiedStudy } from './types.js';
import { screeningFlow, screeningTable, type ScreeningFlow } from './metrics/screening.js';
import {
  covidOverTime,
  donorOverTime,
  productFormOverTime,
  specialtyOverTime,
  trialsPerYear,
  type YearBasis,
} from './metrics/time.js';
import { phases, resultsByStatus, sponsorClasses, statuses, studyTypes } from './metrics/design.js';
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
import { doseMetrics, type DoseMetrics } from './metrics/dose.js';
import type { MetricTable } from './metrics/table.js';

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
  'screening',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

export interface Summary {
  /** Studies given (after any filter). */
  studies: number;
  included: number;
  excluded: number;
  unclassified: number;
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
  const onlyIncluded = opts.onlyIncluded ?? true;
  const yearBasis = opts.yearBasis ?? 'firstPosted';
  const flow = screeningFlow(rows);
  const counted = onlyIncluded ? rows.filter((r) => r.labels?.included === true) : rows;

  const byCountry = trialsByCountry(counted);
  const tables: Record<MetricId, MetricTable> = {
    trialsPerFirstPostedYear: trialsPerYear(counted, 'firstPosted'),
    trialsPerStartYear: trialsPerYear(counted, 'start'),
    sources: sources(counted),
    sourceGroups: sourceGroups(counted),
    phases: phases(counted),
    statuses: statuses(counted),
    studyTypes: studyTypes(counted),
    trialsByCountry: byCountry,
    participantsByCountryFull: participantsByCountry(counted, 'full'),
    participantsByCountrySplit: participantsByCountry(counted, 'split'),
    observationalByCountry: observationalByCountry(counted),
    routes: routes(counted),
    specialties: specialties(counted),
    specialtyOverTime: specialtyOverTime(counted, yearBasis),
    donors: donors(counted),
    donorOverTime: donorOverTime(counted, yearBasis),
    productForms: productForms(counted),
    productFormOverTime: productFormOverTime(counted, yearBasis),
    modifications: modifications(counted),
    covid19: covid19(counted),
    covid19OverTime: covidOverTime(counted, yearBasis),
    products: products(counted),
    sponsorClasses: sponsorClasses(counted),
    resultsByStatus: resultsByStatus(counted),
    screening: screeningTable(flow),
  };

  const posted = counted
    .map((r) => r.study.firstPostedDate?.value)
    .filter((d): d is string => !!d)
    .sort();
  const completed = counted.filter((r) => r.study.overallStatus === 'COMPLETED');
  const summary: Summary = {
    studies: rows.length,
    included: flow.included,
    excluded: flow.excluded,
    unclassified: flow.unclassified,
    counted: counted.length,
    completed: completed.length,
    completedWithResults: completed.filter((r) => r.study.hasResults).length,
    withResults: counted.filter((r) => r.study.hasResults).length,
    covid19: counted.filter((r) => r.labels?.covid19).length,
    evSecretome: counted.filter((r) => r.labels?.category === 'msc_derived').length,
    geneticallyModified: counted.filter((r) => r.labels?.modifications.includes('genetically_modified'))
      .length,
    observational: counted.filter((r) => r.study.studyType === 'OBSERVATIONAL').length,
    countries: byCountry.rows.filter((r) => r.key !== '(no location)').length,
    participants: participants(counted),
    firstPostedMin: posted[0] ?? null,
    firstPostedMax: posted[posted.length - 1] ?? null,
  };

  const m: Metrics = {
    options: { onlyIncluded, yearBasis },
    summary,
    flow,
    tables,
    dose: doseMetrics(counted),
  };
  if (opts.omitNctIds) stripIds(m);
  return m;
}

function stripIds(m: Metrics): void {
  for (const t of Object.values(m.tables)) for (const r of t.rows) r.nctIds = [];
  for (const r of [...m.flow.excludedByReason, ...m.flow.includedByCategory, ...m.flow.includedByReason])
    r.nctIds = [];
  m.flow.unclassifiedNctIds = [];
  for (const s of [...m.dose.byRoute, ...m.dose.byPhase]) s.nctIds = [];
  if (m.dose.overall) m.dose.overall.nctIds = [];
}
