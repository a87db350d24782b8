/**
 * The fast path of computeMetrics (no NCT id lists, every NCT id once): ONE pass over the counted studies fills
 * the counts of every dimension, of the year/status pairs and of the country tables, so each study's prepared
 * codes are read once instead of once per table (at 50k studies the per-table passes were memory-bound).
 * The table functions take these counts when they are given the same rows (TallyContext.pre); the numbers are
 * the same as their own one-table passes: cells in first-seen order, values summed in row order.
 * The codes are read from contiguous packed arrays (prepare.ts packCodes): the server packs its snapshot once and
 * passes the packed index of each row; other callers' rows are packed here.
 */
import {
  MULTI_DICT,
  packRows,
  SLOT,
  SLOT_DICT,
  SLOTS_PER_STUDY,
  type Multi,
  type PackedMulti,
  type PackedRows,
  type PreparedStudy,
  type Slot,
} from '../prepare.js';
import { Counts, keysOfDim, keysOfPair, type PreCounts } from './table.js';

const SLOTS = Object.values(SLOT) as Slot[];
const MULTIS = Object.keys(MULTI_DICT) as Multi[];
const YEARS: readonly Slot[] = [SLOT.firstPostedYear, SLOT.startYear];
/** The pairs the metrics ask for: year x (source group, specialty, donor, product form, COVID-19); status x results. */
const PAIRS: ReadonlyArray<readonly [Slot, Slot]> = [
  ...YEARS.flatMap((y) =>
    [SLOT.sourceGroup, SLOT.specialty, SLOT.donor, SLOT.productForm, SLOT.covid19].map(
      (b) => [y, b] as const,
    ),
  ),
  [SLOT.status, SLOT.results],
];

export interface Fused extends PreCounts {
  /** Trials per country with the enrollment summed in full / split evenly across the trial's countries. */
  countryFull: Counts;
  countrySplit: Counts;
  /** Trials without an enrollment figure. */
  missingEnrollment: number;
  /** Trials per country among the OBSERVATIONAL studies, and their number. */
  observationalCountries: Counts;
  observational: number;
  /** Studies naming a product (the rows of the products table). */
  named: number;
  /** Trials per (year, registry) of each year slot, code = year * registries + registry (registryOverTime). */
  registryYears: ReadonlyMap<Slot, Counts>;
}

function addAll(t: Counts, m: PackedMulti, i: number): void {
  const count = t.count;
  const values = m.values;
  const end = m.offsets[i + 1]!;
  for (let j = m.offsets[i]!; j < end; j++) {
    const c = values[j]!;
    if (count[c]!++ === 0) t.seen.push(c);
  }
}

/** The counts of `rows`; `packed` (aligned with `rows`) says where their codes are packed already. */
export function fusedCounts(rows: readonly PreparedStudy[], packed: PackedRows = packRows(rows)): Fused {
  const single = SLOTS.map((s) => new Counts(SLOT_DICT[s]!.values.length, keysOfDim(s)));
  const singleCount = single.map((c) => c.count);
  const multi = Object.fromEntries(
    MULTIS.map((m) => [m, new Counts(MULTI_DICT[m].values.length, keysOfDim(m))]),
  ) as Record<Multi, Counts>;
  const pairCounts = PAIRS.map(
    ([a, b]) => new Counts(SLOT_DICT[a]!.values.length * SLOT_DICT[b]!.values.length, keysOfPair(a, b)),
  );
  const pairA = PAIRS.map(([a]) => a);
  const pairB = PAIRS.map(([, b]) => b);
  const pairNB = PAIRS.map(([, b]) => SLOT_DICT[b]!.values.length);
  const nCountries = MULTI_DICT.countries.values.length;
  const countryFull = new Counts(nCountries, keysOfDim('countries'), true);
  const countrySplit = new Counts(nCountries, keysOfDim('countries'), true);
  const observationalCountries = new Counts(nCountries, keysOfDim('countries'));
  const observationalCode = SLOT_DICT[SLOT.studyType]!.values.indexOf('OBSERVATIONAL');
  const { sources, routes, modifications, countries: trialCountries } = multi;
  const { at, codes: pack } = packed;
  const codes = pack.single;
  const enrollment = pack.enrollment;
  const countryCodes = pack.multi.countries;
  let missingEnrollment = 0;
  let observational = 0;
  let named = 0;
  const nRegistries = MULTI_DICT.registries.values.length;
  const registryYears = YEARS.map(
    (y) =>
      new Counts(SLOT_DICT[y]!.values.length * nRegistries, (c) => [
        SLOT_DICT[y]!.values[Math.floor(c / nRegistries)]!,
        MULTI_DICT.registries.values[c % nRegistries]!,
      ]),
  );
  const regs = pack.multi.registries;

  for (let q = 0; q < rows.length; q++) {
    const i = at[q]!;
    const base = i * SLOTS_PER_STUDY;
    for (let k = 0; k < single.length; k++) {
      const c = codes[base + k]!;
      if (c < 0) continue; // no named product
      if (singleCount[k]![c]!++ === 0) single[k]!.seen.push(c);
    }
    if (codes[base + SLOT.product]! >= 0) named++;
    for (let k = 0; k < pairCounts.length; k++) {
      const c = codes[base + pairA[k]!]! * pairNB[k]! + codes[base + pairB[k]!]!;
      const t = pairCounts[k]!;
      if (t.count[c]!++ === 0) t.seen.push(c);
    }
    addAll(sources, pack.multi.sources, i);
    addAll(routes, pack.multi.routes, i);
    addAll(modifications, pack.multi.modifications, i);
    addAll(trialCountries, countryCodes, i);
    addAll(multi.registries, regs, i);
    for (let k = 0; k < YEARS.length; k++) {
      const t = registryYears[k]!;
      const base2 = codes[base + YEARS[k]!]! * nRegistries;
      for (let j = regs.offsets[i]!; j < regs.offsets[i + 1]!; j++) {
        const c = base2 + regs.values[j]!;
        if (t.count[c]!++ === 0) t.seen.push(c);
      }
    }

    const n = enrollment[i]!;
    const from = countryCodes.offsets[i]!;
    const to = countryCodes.offsets[i + 1]!;
    if (Number.isNaN(n)) missingEnrollment++;
    const split = Number.isNaN(n) ? 0 : n / (to - from);
    const full = Number.isNaN(n) ? 0 : n;
    const obs = codes[base + SLOT.studyType] === observationalCode;
    if (obs) observational++;
    for (let j = from; j < to; j++) {
      const c = countryCodes.values[j]!;
      countryFull.add(c, full);
      countrySplit.add(c, split);
      if (obs) observationalCountries.add(c);
    }
  }

  return {
    rows,
    dim: (d) => (typeof d === 'number' ? single[SLOTS.indexOf(d)]! : multi[d]),
    pair: (a, b) => {
      const k = PAIRS.findIndex(([x, y]) => x === a && y === b);
      return k < 0 ? undefined : pairCounts[k];
    },
    countryFull,
    countrySplit,
    missingEnrollment,
    observationalCountries,
    observational,
    named,
    registryYears: new Map(YEARS.map((y, k) => [y, registryYears[k]!] as const)),
  };
}
