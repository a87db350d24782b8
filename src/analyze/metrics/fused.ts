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
  type PackedCodes,
  type PackedMulti,
  type PackedRows,
  type PreparedStudy,
  type Slot,
} from '../prepare.js';
import { Counts, keysOfDim, type PreCounts } from './table.js';

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

/** The dictionary sizes a FusedAcc is laid out for (the dictionaries only grow: codes below them keep their values). */
export interface FusedSizes {
  single: number[];
  multi: Record<Multi, number>;
}

export function currentSizes(): FusedSizes {
  return {
    single: SLOTS.map((s) => SLOT_DICT[s]!.values.length),
    multi: Object.fromEntries(MULTIS.map((m) => [m, MULTI_DICT[m].values.length])) as Record<Multi, number>,
  };
}

/**
 * Every count of a Fused, in ONE flat Int32Array (`flat`: each table's counts a view of it, then the three scalars),
 * so sums of counts over ranges of studies are differences of flat arrays (analyze/ranges.ts). The summed values
 * of the two country tables are kept beside it (`countryFull.sum`, `countrySplit.sum`).
 */
export class FusedAcc {
  readonly flat: Int32Array;
  readonly single: Counts[];
  readonly multi: Record<Multi, Counts>;
  readonly pairCounts: Counts[];
  readonly countryFull: Counts;
  readonly countrySplit: Counts;
  readonly observationalCountries: Counts;
  readonly registryYears: Counts[];
  private readonly scalars: number;
  private readonly nRegistries: number;
  private readonly pairNB: number[];
  private readonly observationalCode: number;

  constructor(readonly sizes: FusedSizes = currentSizes()) {
    const single = sizes.single;
    const nCountries = sizes.multi.countries;
    const nRegistries = sizes.multi.registries;
    const slotSize = (s: Slot) => single[SLOTS.indexOf(s)]!;
    const parts: number[] = [
      ...single,
      ...MULTIS.map((m) => sizes.multi[m]),
      ...PAIRS.map(([a, b]) => slotSize(a) * slotSize(b)),
      nCountries,
      nCountries,
      nCountries,
      ...YEARS.map((y) => slotSize(y) * nRegistries),
    ];
    const total = parts.reduce((a, b) => a + b, 0);
    this.flat = new Int32Array(total + 3);
    this.scalars = total;
    let at = 0;
    const view = (n: number) => {
      const v = this.flat.subarray(at, at + n);
      at += n;
      return v;
    };
    this.single = SLOTS.map((s, k) => new Counts(single[k]!, keysOfDim(s), false, view(single[k]!)));
    this.multi = Object.fromEntries(
      MULTIS.map((m) => [m, new Counts(sizes.multi[m], keysOfDim(m), false, view(sizes.multi[m]))]),
    ) as Record<Multi, Counts>;
    this.pairCounts = PAIRS.map(([a, b]) => {
      const n = slotSize(a) * slotSize(b);
      return new Counts(n, keysOfPairSized(a, b, slotSize(b)), false, view(n));
    });
    this.pairNB = PAIRS.map(([, b]) => slotSize(b));
    this.countryFull = new Counts(nCountries, keysOfDim('countries'), true, view(nCountries));
    this.countrySplit = new Counts(nCountries, keysOfDim('countries'), true, view(nCountries));
    this.observationalCountries = new Counts(nCountries, keysOfDim('countries'), false, view(nCountries));
    this.registryYears = YEARS.map((y) => {
      const n = slotSize(y) * nRegistries;
      return new Counts(
        n,
        (c) => [
          SLOT_DICT[y]!.values[Math.floor(c / nRegistries)]!,
          MULTI_DICT.registries.values[c % nRegistries]!,
        ],
        false,
        view(n),
      );
    });
    this.nRegistries = nRegistries;
    this.observationalCode = SLOT_DICT[SLOT.studyType]!.values.indexOf('OBSERVATIONAL');
  }

  /** Adds the studies at[from .. to) (indices into `pack`). */
  add(pack: PackedCodes, at: Int32Array, from: number, to: number): void {
    const { single, pairCounts, pairNB, countryFull, countrySplit, observationalCountries, registryYears } =
      this;
    const singleCount = single.map((c) => c.count);
    const { sources, routes, modifications, countries: trialCountries } = this.multi;
    const codes = pack.single;
    const enrollment = pack.enrollment;
    const countryCodes = pack.multi.countries;
    const regs = pack.multi.registries;
    const nRegistries = this.nRegistries;
    const observationalCode = this.observationalCode;
    const flat = this.flat;
    const sc = this.scalars;
    let missingEnrollment = 0;
    let observational = 0;
    let named = 0;
    for (let q = from; q < to; q++) {
      const i = at[q]!;
      const base = i * SLOTS_PER_STUDY;
      for (let k = 0; k < single.length; k++) {
        const c = codes[base + k]!;
        if (c < 0) continue; // no named product
        if (singleCount[k]![c]!++ === 0) single[k]!.seen.push(c);
      }
      if (codes[base + SLOT.product]! >= 0) named++;
      for (let k = 0; k < pairCounts.length; k++) {
        const c = codes[base + PAIR_A[k]!]! * pairNB[k]! + codes[base + PAIR_B[k]!]!;
        const t = pairCounts[k]!;
        if (t.count[c]!++ === 0) t.seen.push(c);
      }
      addAll(sources, pack.multi.sources, i);
      addAll(routes, pack.multi.routes, i);
      addAll(modifications, pack.multi.modifications, i);
      addAll(trialCountries, countryCodes, i);
      addAll(this.multi.registries, regs, i);
      for (let k = 0; k < YEARS.length; k++) {
        const t = registryYears[k]!;
        const base2 = codes[base + YEARS[k]!]! * nRegistries;
        for (let j = regs.offsets[i]!; j < regs.offsets[i + 1]!; j++) {
          const c = base2 + regs.values[j]!;
          if (t.count[c]!++ === 0) t.seen.push(c);
        }
      }

      const n = enrollment[i]!;
      const from2 = countryCodes.offsets[i]!;
      const to2 = countryCodes.offsets[i + 1]!;
      if (Number.isNaN(n)) missingEnrollment++;
      const split = Number.isNaN(n) ? 0 : n / (to2 - from2);
      const full = Number.isNaN(n) ? 0 : n;
      const obs = codes[base + SLOT.studyType] === observationalCode;
      if (obs) observational++;
      for (let j = from2; j < to2; j++) {
        const c = countryCodes.values[j]!;
        countryFull.add(c, full);
        countrySplit.add(c, split);
        if (obs) observationalCountries.add(c);
      }
    }
    flat[sc]! += missingEnrollment;
    flat[sc + 1]! += observational;
    flat[sc + 2]! += named;
  }

  /** Every table's cells listed again from its counts (after the counts were set by other means than add()). */
  reseen(): void {
    for (const c of this.counts()) c.reseen();
  }

  private counts(): Counts[] {
    return [
      ...this.single,
      ...MULTIS.map((m) => this.multi[m]),
      ...this.pairCounts,
      this.countryFull,
      this.countrySplit,
      this.observationalCountries,
      ...this.registryYears,
    ];
  }

  /** The Fused of the studies added, for the table functions given `rows` (only its length is read). */
  result(rows: readonly PreparedStudy[]): Fused {
    const { single, multi, pairCounts } = this;
    const sc = this.scalars;
    return {
      rows,
      dim: (d) => (typeof d === 'number' ? single[SLOTS.indexOf(d)]! : multi[d]),
      pair: (a, b) => {
        const k = PAIRS.findIndex(([x, y]) => x === a && y === b);
        return k < 0 ? undefined : pairCounts[k];
      },
      countryFull: this.countryFull,
      countrySplit: this.countrySplit,
      missingEnrollment: this.flat[sc]!,
      observationalCountries: this.observationalCountries,
      observational: this.flat[sc + 1]!,
      named: this.flat[sc + 2]!,
      registryYears: new Map(YEARS.map((y, k) => [y, this.registryYears[k]!] as const)),
    };
  }
}

const PAIR_A = PAIRS.map(([a]) => a);
const PAIR_B = PAIRS.map(([, b]) => b);

/** keysOfPair with the size of b's dictionary fixed (it may have grown since). */
function keysOfPairSized(a: Slot, b: Slot, nB: number): (code: number) => string[] {
  const va = SLOT_DICT[a]!.values;
  const vb = SLOT_DICT[b]!.values;
  return (c) => [va[Math.floor(c / nB)]!, vb[c % nB]!];
}

/** The counts of `rows`; `packed` (aligned with `rows`) says where their codes are packed already. */
export function fusedCounts(rows: readonly PreparedStudy[], packed: PackedRows = packRows(rows)): Fused {
  const acc = new FusedAcc();
  acc.add(packed.codes, packed.at, 0, rows.length);
  return acc.result(rows);
}
