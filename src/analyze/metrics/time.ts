/** Metrics over time: trials per year (first posted / start) stacked by source, and other dimensions by year. */
import { MULTI_DICT, SLOT, SLOT_DICT, type PreparedStudy, type Slot } from '../prepare.js';
import {
  byKey,
  codeTally,
  countTable2,
  type CodeTally,
  DEFAULT_TALLY,
  finish,
  type MetricTable,
  type TallyContext,
} from './table.js';

export type YearBasis = 'firstPosted' | 'start';

type Rows = readonly PreparedStudy[];

/** The year slot (prepare.ts) of a basis. */
export const yearSlot = (basis: YearBasis): Slot =>
  basis === 'start' ? SLOT.startYear : SLOT.firstPostedYear;

const BASIS_LABEL: Record<YearBasis, string> = {
  firstPosted: 'first posted on ClinicalTrials.gov',
  start: 'study start date (actual or anticipated)',
};

export function trialsPerYear(rows: Rows, basis: YearBasis, ctx?: TallyContext): MetricTable {
  return countTable2(
    rows,
    yearSlot(basis),
    SLOT.sourceGroup,
    {
      id: basis === 'start' ? 'trialsPerStartYear' : 'trialsPerFirstPostedYear',
      title: `Trials per year (${BASIS_LABEL[basis]}) by tissue source`,
      dims: ['year', 'source'],
      unit: 'trials',
      note: `Year = ${BASIS_LABEL[basis]}; "unknown" when the registry gives none. Each trial is counted once, in ONE source group: its single tissue source, "multiple" when several, "unspecified" when none is stated, so stacked bars add up to trials.`,
      order: byKey,
      share: false,
    },
    ctx,
  );
}

function overTime(
  rows: Rows,
  basis: YearBasis,
  id: string,
  title: string,
  dim: string,
  slot: Slot,
  note: string,
  ctx?: TallyContext,
): MetricTable {
  return countTable2(
    rows,
    yearSlot(basis),
    slot,
    {
      id,
      title: `${title} per year (${BASIS_LABEL[basis]})`,
      dims: ['year', dim],
      unit: 'trials',
      note,
      order: byKey,
      share: false,
    },
    ctx,
  );
}

export function specialtyOverTime(rows: Rows, basis: YearBasis, ctx?: TallyContext): MetricTable {
  return overTime(
    rows,
    basis,
    'specialtyOverTime',
    'Medical specialty',
    'specialty',
    SLOT.specialty,
    'One principal specialty per trial (classifier label).',
    ctx,
  );
}

export function donorOverTime(rows: Rows, basis: YearBasis, ctx?: TallyContext): MetricTable {
  return overTime(
    rows,
    basis,
    'donorOverTime',
    'Autologous vs allogeneic',
    'donor',
    SLOT.donor,
    'Donor type per trial: autologous, allogeneic, both (arms differ) or unspecified.',
    ctx,
  );
}

export function productFormOverTime(rows: Rows, basis: YearBasis, ctx?: TallyContext): MetricTable {
  return overTime(
    rows,
    basis,
    'productFormOverTime',
    'Cells vs EVs/secretome vs mixtures',
    'productForm',
    SLOT.productForm,
    'cells = culture-expanded MSCs; derived = cell-free MSC products (EVs, exosomes, secretome, conditioned medium, lysate); mixture = minimally manipulated stromal mixtures (SVF, BMAC …).',
    ctx,
  );
}

export function covidOverTime(rows: Rows, basis: YearBasis, ctx?: TallyContext): MetricTable {
  return overTime(
    rows,
    basis,
    'covid19OverTime',
    'COVID-19 trials',
    'covid19',
    SLOT.covid19,
    'Trials targeting COVID-19 / SARS-CoV-2 (incl. COVID ARDS, long COVID) vs all other trials.',
    ctx,
  );
}

/**
 * Trials per year and registry (registered in): a trial of several registrations counts once in each of their
 * registries, in the trial's year (of the first registration when the year basis is first posted), so the lines of
 * two registries can hold the same trial; the total per year is trialsPerYear's.
 */
export function registryOverTime(
  rows: Rows,
  basis: YearBasis,
  ctx: TallyContext = DEFAULT_TALLY,
): MetricTable {
  const years = SLOT_DICT[yearSlot(basis)]!.values;
  const regs = MULTI_DICT.registries.values;
  const nR = regs.length;
  const slot = yearSlot(basis);
  const pre = ctx.pre?.rows === rows ? ctx.pre.registryYears.get(slot) : undefined;
  let t: { rows: CodeTally['rows'] };
  if (pre) t = pre;
  else {
    const tally = codeTally(years.length * nR, (c) => [years[Math.floor(c / nR)]!, regs[c % nR]!], ctx);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const y = r.codes.single[slot]!;
      for (const c of r.codes.registries) tally.add(y * nR + c, r.nctId, i);
    }
    t = tally;
  }
  return finish(t, rows.length, {
    id: 'registryOverTime',
    title: `Trials per year (${BASIS_LABEL[basis]}) by registry`,
    dims: ['year', 'registry'],
    unit: 'trials',
    note: `Year = ${basis === 'start' ? 'start year of the trial (actual or anticipated)' : 'year the trial was first registered (first posted; for a trial registered more than once, its first registration)'}. A trial registered in several registries counts once under each of them (the lines can share trials).`,
    order: byKey,
    share: false,
  });
}
