/**
 * The sort ranks of /api/studies (present/server/sort-ranks.ts) give the order a plain sort of the studies' values
 * gives (ascending: by value, ties by row order; descending: the reverse; rows without a value last in row order),
 * for every sort key, small and large selections, both directions.
 */
import { describe, expect, it } from 'vitest';
import { sortedRangePage, sortRanksOf, sortSelection } from '../../src/present/server/sort-ranks.js';
import { SORT_KEYS, SORT_KEY_NAMES, type SortKey } from '../../src/present/server/sort-keys.js';
import { summarize, type StudyRow } from '../../src/present/server/dataset.js';
import { corpus } from '../fixtures/analyze/corpus.js';

/** The order before the ranks: every selected row's value, sorted. */
function plain(
  rows: readonly StudyRow[],
  sel: readonly number[],
  key: SortKey,
  order: 'asc' | 'desc',
): number[] {
  const value = (i: number) => SORT_KEYS[key].value(rows[i]!);
  const withV = sel.filter((i) => value(i) !== null);
  withV.sort((a, b) => {
    const va = value(a)!;
    const vb = value(b)!;
    return va < vb ? -1 : va > vb ? 1 : a - b;
  });
  if (order === 'desc') withV.reverse();
  return [...withV, ...sel.filter((i) => value(i) === null)];
}

describe('sort ranks', () => {
  it('every key, small and large selections, both orders = a plain sort of the values', () => {
    // the corpus repeated, so values tie across rows
    const base = corpus().map(summarize);
    const rows = Array.from({ length: base.length * 20 }, (_, i) => base[i % base.length]!);
    const ranks = new Map(sortRanksOf(rows.length, (i) => rows[i]!));
    const all = rows.map((_, i) => i);
    const selections = [[], [5], all.filter((i) => i % 37 === 3), all.filter((i) => i % 3 !== 0), all];
    for (const key of SORT_KEY_NAMES)
      for (const sel of selections)
        for (const order of ['asc', 'desc'] as const)
          expect([...sortSelection(ranks.get(key)!, Int32Array.from(sel), order)], `${key} ${order}`).toEqual(
            plain(rows, sel, key, order),
          );
  });

  it('a page of a rank range = the same page of the range selection sorted, and its size', () => {
    const base = corpus().map(summarize);
    const rows = Array.from({ length: base.length * 20 }, (_, i) => base[i % base.length]!);
    const ranks = new Map(sortRanksOf(rows.length, (i) => rows[i]!));
    // day ranks with ties and rows without a day (-1)
    const rank = Int32Array.from(rows, (_, i) => (i % 11 === 0 ? -1 : (i * 7) % 23));
    let compared = 0;
    for (const key of SORT_KEY_NAMES)
      for (const [lo, hi] of [
        [0, 22],
        [5, 5],
        [3, 17],
        [22, 22],
        [9, 4],
        [0, 0],
      ] as const)
        for (const order of ['asc', 'desc'] as const) {
          const sel = Int32Array.from(rows.keys()).filter((i) => rank[i]! >= lo && rank[i]! <= hi);
          const whole = sortSelection(ranks.get(key)!, sel, order);
          for (const [from, size] of [
            [0, 50],
            [40, 25],
            [0, 1000],
            [sel.length - 3, 10],
            [sel.length + 5, 10],
          ] as Array<[number, number]>) {
            const got = sortedRangePage(ranks.get(key)!, rank, lo, hi, order, Math.max(0, from), size);
            expect(got.total, `${key} ${lo}-${hi} ${order}`).toBe(sel.length);
            expect([...got.page], `${key} ${lo}-${hi} ${order} ${from}`).toEqual([
              ...whole.subarray(Math.max(0, from), Math.max(0, from) + size),
            ]);
            compared++;
          }
        }
    expect(compared).toBe(SORT_KEY_NAMES.length * 6 * 2 * 5);
  });
});
