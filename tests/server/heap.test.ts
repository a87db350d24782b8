import { describe, expect, it } from 'vitest';
import { settleHeap } from '../../src/present/server/heap.js';

describe('settleHeap (one full collection after a large load)', () => {
  it('collects when the heap holds at least the threshold: the garbage of a load is gone after it', async () => {
    let garbage: Array<{ i: number; s: string }> | null = [];
    for (let i = 0; i < 300_000; i++) garbage.push({ i, s: `row ${i}` });
    const withGarbage = process.memoryUsage().heapUsed;
    garbage = null;
    expect(await settleHeap(0)).toBe(true);
    // ~300,000 small objects (tens of MB) were unreachable: a full collection frees most of them
    expect(process.memoryUsage().heapUsed).toBeLessThan(withGarbage - 10 * 1024 * 1024);
  });

  it('does nothing below the threshold', async () => {
    expect(await settleHeap(Number.MAX_SAFE_INTEGER)).toBe(false);
  });
});
