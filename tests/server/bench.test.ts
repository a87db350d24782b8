/** benchServer smoke test: the server in a child process (built CLI), autocannon on loopback, small amounts. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { benchServer, CASES, fresh, percentile, WRITE_CASES } from '../../src/bench/server.js';
import { createFixtureDb } from './fixture.js';

let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mscope-bench-server-'));
  db = join(dir, 'fixture.duckdb');
  await createFixtureDb(db);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('percentile is the nearest-rank value', () => {
  const xs = Array.from({ length: 100 }, (_, i) => i + 1);
  expect(percentile(xs, 50)).toBe(50);
  expect(percentile(xs, 95)).toBe(95);
  expect(percentile([7], 95)).toBe(7);
});

it('a cold case never asks the same filter twice (fresh), and says so when it runs out', () => {
  for (const c of CASES.filter((x) => x.cold && typeof x.path !== 'string')) {
    const next = fresh(c.path as () => string);
    const paths = Array.from({ length: 40 }, next);
    expect(new Set(paths).size, c.endpoint).toBe(40);
  }
  const two = ['a', 'b'];
  let k = 0;
  const next = fresh(() => two[k++ % 2]!);
  expect([next(), next()]).toEqual(['a', 'b']);
  expect(() => next()).toThrow(/no filter left/);
});

it('measures every case (it throws on any non-200 answer)', async () => {
  const results = await benchServer({
    dbPath: db,
    label: 'fixture',
    amount: 20,
    coldAmount: 3,
    connections: 2,
    maxSeconds: 10,
    writes: 3,
  });
  expect(results.map((r) => r.endpoint)).toEqual([...CASES.map((c) => c.endpoint), ...WRITE_CASES]);
  expect(results.at(-1)!.requests).toBe(3);
  for (const r of results) {
    expect(r.requests).toBeGreaterThan(0);
    expect(r.p50).toBeGreaterThan(0);
    expect(r.p95).toBeGreaterThanOrEqual(r.p50);
  }
});
