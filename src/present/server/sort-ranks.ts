/**
 * The orders of /api/studies, made once per sort key: every study's position in the ascending order of the key's
 * value (ties by row order; -1 when it has no value) and the rows in that order. Sorting a selection then reads
 * only these arrays: a small selection sorts its positions, a large one walks the order, never a value per study
 * again. Rows without a value come last in row order either way; descending is the ascending order reversed.
 */
import { SORT_KEYS, SORT_KEY_NAMES, type SortKey } from './sort-keys.js';
import type { StudyRow } from './dataset.js';

export interface SortRanks {
  /** Row i's position in `asc`, or -1 when it has no value. */
  pos: Int32Array;
  /** The rows with a value, ascending (ties by row order). */
  asc: Int32Array;
}

type Value = string | number;

/** The ranks of `keys` (default: every sort key) over `n` rows, reading each row's summary once. */
export function sortRanksOf(
  n: number,
  summary: (i: number) => StudyRow,
  keys: readonly SortKey[] = SORT_KEY_NAMES,
): Array<[SortKey, SortRanks]> {
  // each key's values as codes of its distinct values (-1: none), so only the distinct values are sorted
  const dicts = keys.map(() => new Map<Value, number>());
  const codes = keys.map(() => new Int32Array(n));
  const specs = keys.map((k) => SORT_KEYS[k]);
  for (let i = 0; i < n; i++) {
    const r = summary(i);
    for (let k = 0; k < keys.length; k++) {
      const v = specs[k]!.value(r);
      if (v === null) {
        codes[k]![i] = -1;
        continue;
      }
      const d = dicts[k]!;
      let c = d.get(v);
      if (c === undefined) {
        c = d.size;
        d.set(v, c);
      }
      codes[k]![i] = c;
    }
  }
  return keys.map((key, k) => [key, ranksOf(codes[k]!, [...dicts[k]!.keys()])]);
}

/** Positions from value codes: a counting sort by the rank of each code's value (stable: ties by row order). */
function ranksOf(code: Int32Array, values: Value[]): SortRanks {
  const D = values.length;
  const byValue = Array.from({ length: D }, (_, c) => c).sort((a, b) => {
    const va = values[a]!;
    const vb = values[b]!;
    return va < vb ? -1 : va > vb ? 1 : 0;
  });
  const start = new Int32Array(D + 1);
  for (let i = 0; i < code.length; i++) if (code[i]! >= 0) start[code[i]! + 1]!++;
  // start[c + 1] counts code c; turn the counts into the first position of each code, in value order
  const count = start.slice(1);
  const first = new Int32Array(D);
  let at = 0;
  for (const c of byValue) {
    first[c] = at;
    at += count[c]!;
  }
  const pos = new Int32Array(code.length);
  const asc = new Int32Array(at);
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (c < 0) {
      pos[i] = -1;
      continue;
    }
    const p = first[c]!++;
    pos[i] = p;
    asc[p] = i;
  }
  return { pos, asc };
}

/** Scratch marks (one byte per row), cleared after each use. */
let marks = new Uint8Array(0);

/** The rows of `selection` (ascending row indices) in the key's order, rows without a value last. */
export function sortSelection(r: SortRanks, selection: Int32Array, order: 'asc' | 'desc'): Int32Array {
  const { pos, asc } = r;
  const out = new Int32Array(selection.length);
  let n = 0;
  // a small selection: sort its positions; a large one: walk the whole order past marked rows
  if (selection.length * 16 < asc.length) {
    const ps = new Int32Array(selection.length);
    let m = 0;
    for (let q = 0; q < selection.length; q++) {
      const p = pos[selection[q]!]!;
      if (p >= 0) ps[m++] = p;
    }
    const sorted = ps.subarray(0, m).sort();
    if (order === 'asc') for (let k = 0; k < m; k++) out[n++] = asc[sorted[k]!]!;
    else for (let k = m - 1; k >= 0; k--) out[n++] = asc[sorted[k]!]!;
  } else {
    if (marks.length < pos.length) marks = new Uint8Array(pos.length);
    for (let q = 0; q < selection.length; q++) marks[selection[q]!] = 1;
    const len = asc.length;
    if (order === 'asc') {
      for (let k = 0; k < len; k++) if (marks[asc[k]!] === 1) out[n++] = asc[k]!;
    } else {
      for (let k = len - 1; k >= 0; k--) if (marks[asc[k]!] === 1) out[n++] = asc[k]!;
    }
    for (let q = 0; q < selection.length; q++) marks[selection[q]!] = 0;
  }
  for (let q = 0; q < selection.length; q++) if (pos[selection[q]!] === -1) out[n++] = selection[q]!;
  return out;
}

/**
 * Rows [from, from + size) of sortSelection(r, selection, order), where the selection is every row whose `rank` is
 * within [lo, hi] (lo >= 0), and the selection's size, without making the selection or its whole order: one walk
 * of the key's order and one of the rows, allocating only the page (a stream of new first-posted ranges then leaves
 * no large arrays behind for the collector).
 */
export function sortedRangePage(
  r: SortRanks,
  rank: Int32Array,
  lo: number,
  hi: number,
  order: 'asc' | 'desc',
  from: number,
  size: number,
): { total: number; page: Int32Array } {
  const { pos, asc } = r;
  const page = new Int32Array(Math.max(0, size));
  const state = { n: 0, m: 0 };
  walkRange(asc, rank, lo, hi, order === 'asc' ? 1 : -1, from, page, state);
  // rows without a value last, in row order
  for (let i = 0; i < pos.length; i++) {
    if (pos[i] !== -1) continue;
    const k = rank[i]!;
    if (k < lo || k > hi) continue;
    if (state.n >= from && state.m < page.length) page[state.m++] = i;
    state.n++;
  }
  return { total: state.n, page: page.subarray(0, state.m) };
}

/** The rows of `asc` (forward or backward) whose rank is within [lo, hi]: counted, and paged from `from`. */
function walkRange(
  asc: Int32Array,
  rank: Int32Array,
  lo: number,
  hi: number,
  step: 1 | -1,
  from: number,
  page: Int32Array,
  state: { n: number; m: number },
): void {
  let { n, m } = state;
  const len = asc.length;
  for (let j = 0; j < len; j++) {
    const i = asc[step === 1 ? j : len - 1 - j]!;
    const k = rank[i]!;
    if (k < lo || k > hi) continue;
    if (n >= from && m < page.length) page[m++] = i;
    n++;
  }
  state.n = n;
  state.m = m;
}
