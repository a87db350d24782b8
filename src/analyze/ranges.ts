/**
 * Metrics of a first-posted date range without a pass over every study's codes: the studies are ordered by
 * first-posted day once, and for every block of BLOCK studies in that order the counts of all studies before it
 * are kept, for all studies and for the included ones: the fused counts (metrics/fused.ts, one flat Int32Array)
 * and the study counters of the screening flow and the summary (counters.ts: flow cells, flag counts, dose
 * points). The counts of a range are then the difference of two kept arrays plus the studies of the two partial
 * blocks at its ends: O(counts + BLOCK) instead of O(studies x dimensions).
 *
 * What depends on the order of the studies is not differenced: the summed values of the country tables and the
 * participants total (float sums) are summed in row order, the first-posted extremes and the first-seen order of
 * the dose points are found in the same pass (`rangePass`: one tight loop over the day ranks, no selection array).
 *
 * Memory: 2 x (studies / BLOCK + 1) x (the number of counts: the dictionary sizes of every table, and the flow,
 * summary and dose cells) x 4 bytes, plus the order and its ranks (2 x 4 bytes per study).
 */
import { FusedAcc, currentSizes } from './metrics/fused.js';
import { FLAG, type PreparedStudy } from './prepare.js';
import type { StudyColumns } from './columns.js';
import { firstAtLeast } from './sorted-search.js';
import { addCounters, counterLayout, type ColumnTallies, type CounterLayout } from './counters.js';

export const BLOCK = 2048;

export interface RangeTable {
  /** Studies per block. */
  block: number;
  /** Study indices ordered by first-posted day rank (studies without one first; ties by index). */
  order: Int32Array;
  /** The day rank of order[p]. */
  rankAt: Int32Array;
  /** acc layout of the kept counts. */
  width: number;
  /** Counts of the studies order[0 .. b * BLOCK) at [b * width, (b + 1) * width), all studies / included only. */
  all: Int32Array;
  included: Int32Array;
  sizes: FusedAcc['sizes'];
  /** The study counters the same way (layout `layout`, `layout.width` per block). */
  layout: CounterLayout;
  countersAll: Int32Array;
  countersIncluded: Int32Array;
}

/** The range table of the columns (built on first use and kept until the columns change). */
export function rangeTableOf(cols: StudyColumns): RangeTable {
  cols.ranges ??= buildRangeTable(cols);
  return cols.ranges;
}

/** The range table of the columns, blocks of `block` studies. */
export function buildRangeTable(cols: StudyColumns, block = BLOCK): RangeTable {
  const BLOCK = block;
  const n = cols.size;
  const rank = cols.firstPostedDay.rank;
  // counting sort by rank (rank -1 first)
  const R = cols.firstPostedDay.sorted.length;
  const start = new Int32Array(R + 2);
  for (let i = 0; i < n; i++) start[rank[i]! + 2]!++;
  for (let r = 1; r < R + 2; r++) start[r]! += start[r - 1]!;
  const order = new Int32Array(n);
  const rankAt = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = start[rank[i]! + 1]!++;
    order[p] = i;
    rankAt[p] = rank[i]!;
  }
  const sizes = currentSizes();
  const accAll = new FusedAcc(sizes);
  const accIncl = new FusedAcc(sizes);
  const width = accAll.flat.length;
  const x = counterLayout(cols);
  const xAll = new Int32Array(x.width);
  const xIncl = new Int32Array(x.width);
  const blocks = Math.floor(n / BLOCK);
  const all = new Int32Array((blocks + 1) * width);
  const included = new Int32Array((blocks + 1) * width);
  const countersAll = new Int32Array((blocks + 1) * x.width);
  const countersIncluded = new Int32Array((blocks + 1) * x.width);
  const incl = new Int32Array(BLOCK);
  const flags = cols.flags;
  for (let b = 0; b < blocks; b++) {
    const from = b * BLOCK;
    accAll.add(cols.packed, order, from, from + BLOCK);
    addCounters(cols, x, order, from, from + BLOCK, xAll);
    let m = 0;
    for (let p = from; p < from + BLOCK; p++)
      if ((flags[order[p]!]! & FLAG.included) !== 0) incl[m++] = order[p]!;
    accIncl.add(cols.packed, incl, 0, m);
    addCounters(cols, x, incl, 0, m, xIncl);
    all.set(accAll.flat, (b + 1) * width);
    included.set(accIncl.flat, (b + 1) * width);
    countersAll.set(xAll, (b + 1) * x.width);
    countersIncluded.set(xIncl, (b + 1) * x.width);
  }
  return { block, order, rankAt, width, all, included, sizes, layout: x, countersAll, countersIncluded };
}

/**
 * Everything computeColumnMetrics counts of the studies whose first-posted day rank is within [lo, hi] (all of
 * them, or the included ones when `onlyIncluded`): the same counts and sums its passes over the selection make.
 * `rows` stands for the counted studies (only its length is read by the table functions).
 */
export function rangeTallies(
  cols: StudyColumns,
  lo: number,
  hi: number,
  onlyIncluded: boolean,
  rows: readonly PreparedStudy[],
): ColumnTallies {
  const t = rangeTableOf(cols);
  const BLOCK = t.block;
  const x = t.layout;
  const acc = new FusedAcc(t.sizes);
  const every = new Int32Array(x.width);
  const counted = onlyIncluded ? new Int32Array(x.width) : every;
  const s = firstAtLeast(t.rankAt, Math.max(lo, 0));
  const e = Math.max(s, firstAtLeast(t.rankAt, hi + 1));
  const sb = Math.ceil(s / BLOCK);
  const eb = Math.floor(e / BLOCK);
  const flags = cols.flags;
  const part = (from: number, to: number) => {
    addCounters(cols, x, t.order, from, to, every);
    if (!onlyIncluded) {
      acc.add(cols.packed, t.order, from, to);
      return;
    }
    const incl = new Int32Array(to - from);
    let m = 0;
    for (let p = from; p < to; p++) if ((flags[t.order[p]!]! & FLAG.included) !== 0) incl[m++] = t.order[p]!;
    acc.add(cols.packed, incl, 0, m);
    addCounters(cols, x, incl, 0, m, counted);
  };
  if (sb < eb) {
    difference(acc.flat, onlyIncluded ? t.included : t.all, t.width, sb, eb);
    difference(every, t.countersAll, x.width, sb, eb);
    if (onlyIncluded) difference(counted, t.countersIncluded, x.width, sb, eb);
    part(s, sb * BLOCK);
    part(eb * BLOCK, e);
  } else part(s, e);
  acc.reseen();
  const full = acc.countryFull.sum!;
  const split = acc.countrySplit.sum!;
  full.fill(0);
  split.fill(0);
  const out = new Float64Array(3);
  const doseFirst = new Uint8Array(x.nDose);
  const doseSeen: number[] = [];
  if (s < e) rangePass(cols, lo, hi, onlyIncluded ? FLAG.included : 0, full, split, doseFirst, doseSeen, out);
  else out.set([0, -1, -1]);
  return {
    pre: acc.result(rows),
    every,
    counted,
    layout: x,
    participants: out[0]!,
    postedMin: out[1]!,
    postedMax: out[2]!,
    doseSeen,
  };
}

/** out[0 .. w) += kept block eb's counts - kept block sb's counts. */
function difference(out: Int32Array, kept: Int32Array, w: number, sb: number, eb: number): void {
  const a = sb * w;
  const b = eb * w;
  for (let k = 0; k < w; k++) out[k]! += kept[b + k]! - kept[a + k]!;
}

/**
 * One pass in row order over the studies with a day rank within [lo, hi] and the flag bits `need` (0: every one):
 * the country tables' summed enrollment (in full and split across the study's countries), the participants total
 * (out[0]), the lowest and highest firstPosted rank (out[1], out[2]; -1: none) and the dose points in order of
 * their first study (`doseSeen`), as the one-pass counts make them.
 */
function rangePass(
  cols: StudyColumns,
  lo: number,
  hi: number,
  need: number,
  full: Float64Array,
  split: Float64Array,
  doseFirst: Uint8Array,
  doseSeen: number[],
  out: Float64Array,
): void {
  const rank = cols.firstPostedDay.rank;
  const flags = cols.flags;
  const fp = cols.firstPosted.rank;
  const enrollment = cols.packed.enrollment;
  const { offsets, values } = cols.packed.multi.countries;
  const { doseKind, doseKey } = cols;
  const n = cols.size;
  let total = 0;
  let min = -1;
  let max = -1;
  for (let i = 0; i < n; i++) {
    const r = rank[i]!;
    if (r < lo || r > hi || (flags[i]! & need) !== need) continue;
    const nE = enrollment[i]!;
    const from = offsets[i]!;
    const to = offsets[i + 1]!;
    if (!Number.isNaN(nE)) {
      total += nE;
      const sp = nE / (to - from);
      for (let j = from; j < to; j++) {
        const c = values[j]!;
        full[c]! += nE;
        split[c]! += sp;
      }
    }
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
