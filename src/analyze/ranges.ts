/**
 * Metrics of a first-posted date range without a pass over every study: the studies are ordered by first-posted
 * day once, and for every block of BLOCK studies in that order the fused counts (metrics/fused.ts, one flat
 * Int32Array) of all studies before it are kept, for all studies and for the included ones. The counts of a range
 * are then the difference of two kept arrays plus the studies of the two partial blocks at its ends: O(counts +
 * BLOCK) instead of O(studies x dimensions). The summed values of the country tables are not differenced (float
 * sums depend on their order): they are summed over the counted studies in row order, as the one-pass counts do.
 *
 * Memory: 2 x (studies / BLOCK + 1) x the number of counts (the dictionary sizes of every table) x 4 bytes, plus
 * the order and its ranks (2 x 4 bytes per study).
 */
import { FusedAcc, currentSizes, type Fused } from './metrics/fused.js';
import { FLAG, type PreparedStudy } from './prepare.js';
import type { StudyColumns } from './columns.js';
import { firstAtLeast } from './sorted-search.js';

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
  const blocks = Math.floor(n / BLOCK);
  const all = new Int32Array((blocks + 1) * width);
  const included = new Int32Array((blocks + 1) * width);
  const incl = new Int32Array(BLOCK);
  const flags = cols.flags;
  for (let b = 0; b < blocks; b++) {
    const from = b * BLOCK;
    accAll.add(cols.packed, order, from, from + BLOCK);
    let m = 0;
    for (let p = from; p < from + BLOCK; p++)
      if ((flags[order[p]!]! & FLAG.included) !== 0) incl[m++] = order[p]!;
    accIncl.add(cols.packed, incl, 0, m);
    all.set(accAll.flat, (b + 1) * width);
    included.set(accIncl.flat, (b + 1) * width);
  }
  return { block, order, rankAt, width, all, included, sizes };
}

/**
 * The fused counts of the studies whose first-posted day rank is within [lo, hi] (all of them, or the included
 * ones), the same counts fusedCounts makes of `counted` (those studies, ascending), which gives the row order of
 * the country sums.
 */
export function rangeFused(
  cols: StudyColumns,
  lo: number,
  hi: number,
  onlyIncluded: boolean,
  counted: Int32Array,
  rows: readonly PreparedStudy[],
): Fused {
  const t = rangeTableOf(cols);
  const BLOCK = t.block;
  const acc = new FusedAcc(t.sizes);
  const s = firstAtLeast(t.rankAt, Math.max(lo, 0));
  const e = Math.max(s, firstAtLeast(t.rankAt, hi + 1));
  const sb = Math.ceil(s / BLOCK);
  const eb = Math.floor(e / BLOCK);
  const kept = onlyIncluded ? t.included : t.all;
  const flags = cols.flags;
  const part = (from: number, to: number) => {
    if (!onlyIncluded) {
      acc.add(cols.packed, t.order, from, to);
      return;
    }
    const incl = new Int32Array(to - from);
    let m = 0;
    for (let p = from; p < to; p++) if ((flags[t.order[p]!]! & FLAG.included) !== 0) incl[m++] = t.order[p]!;
    acc.add(cols.packed, incl, 0, m);
  };
  if (sb < eb) {
    const flat = acc.flat;
    const w = t.width;
    const a = sb * w;
    const b = eb * w;
    for (let k = 0; k < w; k++) flat[k] = kept[b + k]! - kept[a + k]!;
    part(s, sb * BLOCK);
    part(eb * BLOCK, e);
  } else part(s, e);
  acc.reseen();
  // the country sums in the counted studies' row order (as the one-pass counts add them)
  const full = acc.countryFull.sum!;
  const split = acc.countrySplit.sum!;
  full.fill(0);
  split.fill(0);
  const enrollment = cols.packed.enrollment;
  const { offsets, values } = cols.packed.multi.countries;
  for (let q = 0; q < counted.length; q++) {
    const i = counted[q]!;
    const nE = enrollment[i]!;
    const from = offsets[i]!;
    const to = offsets[i + 1]!;
    const sp = Number.isNaN(nE) ? 0 : nE / (to - from);
    const fu = Number.isNaN(nE) ? 0 : nE;
    for (let j = from; j < to; j++) {
      const c = values[j]!;
      full[c]! += fu;
      split[c]! += sp;
    }
  }
  return acc.result(rows);
}
