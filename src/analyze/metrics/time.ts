/** Metrics over time: trials per year (first posted / start) stacked by source, and other dimensions by year. */
import type { ClassifiedStudy } from '../types.js';
import {
  donorKey,
  firstPostedYear,
  productFormKey,
  sourceGroup,
  specialtyKey,
  startYear,
} from '../dimensions.js';
import { byKey, countTable, type MetricTable } from './table.js';

export type YearBasis = 'firstPosted' | 'start';

export const yearOf = (basis: YearBasis) => (r: ClassifiedStudy) =>
  basis === 'start' ? startYear(r.study) : firstPostedYear(r.study);

const BASIS_LABEL: Record<YearBasis, string> = {
  firstPosted: 'first posted on ClinicalTrials.gov',
  start: 'study start date (actual or anticipated)',
};

export function trialsPerYear(rows: readonly ClassifiedStudy[], basis: YearBasis): MetricTable {
  const y = yearOf(basis);
  return countTable(
    rows.map((r) => ({ nctId: r.study.nctId, keys: [[y(r)], [sourceGroup(r)]] })),
    {
      id: basis === 'start' ? 'trialsPerStartYear' : 'trialsPerFirstPostedYear',
      title: `Trials per year (${BASIS_LABEL[basis]}) by tissue source`,
      dims: ['year', 'source'],
      unit: 'trials',
      note: `Year = ${BASIS_LABEL[basis]}; "unknown" when the registry gives none. Each trial is counted once, in ONE source group: its single tissue source, "multiple" when several, "unspecified" when none is stated, so stacked bars add up to trials.`,
      order: byKey,
      share: false,
    },
  );
}

function overTime(
  rows: readonly ClassifiedStudy[],
  basis: YearBasis,
  id: string,
  title: string,
  dim: string,
  get: (r: ClassifiedStudy) => string,
  note: string,
): MetricTable {
  const y = yearOf(basis);
  return countTable(
    rows.map((r) => ({ nctId: r.study.nctId, keys: [[y(r)], [get(r)]] })),
    {
      id,
      title: `${title} per year (${BASIS_LABEL[basis]})`,
      dims: ['year', dim],
      unit: 'trials',
      note,
      order: byKey,
      share: false,
    },
  );
}

export function specialtyOverTime(rows: readonly ClassifiedStudy[], basis: YearBasis): MetricTable {
  return overTime(
    rows,
    basis,
    'specialtyOverTime',
    'Medical specialty',
    'specialty',
    specialtyKey,
    'One principal specialty per trial (classifier label).',
  );
}

export function donorOverTime(rows: readonly ClassifiedStudy[], basis: YearBasis): MetricTable {
  return overTime(
    rows,
    basis,
    'donorOverTime',
    'Autologous vs allogeneic',
    'donor',
    donorKey,
    'Donor type per trial: autologous, allogeneic, both (arms differ) or unspecified.',
  );
}

export function productFormOverTime(rows: readonly ClassifiedStudy[], basis: YearBasis): MetricTable {
  return overTime(
    rows,
    basis,
    'productFormOverTime',
    'Cells vs EVs/secretome vs mixtures',
    'productForm',
    (r) => productFormKey(r) ?? 'other',
    'cells = culture-expanded MSCs; derived = cell-free MSC products (EVs, exosomes, secretome, conditioned medium, lysate); mixture = minimally manipulated stromal mixtures (SVF, BMAC …).',
  );
}

export function covidOverTime(rows: readonly ClassifiedStudy[], basis: YearBasis): MetricTable {
  return overTime(
    rows,
    basis,
    'covid19OverTime',
    'COVID-19 trials',
    'covid19',
    (r) => (r.labels?.covid19 ? 'COVID-19' : 'other'),
    'Trials targeting COVID-19 / SARS-CoV-2 (incl. COVID ARDS, long COVID) vs all other trials.',
  );
}
