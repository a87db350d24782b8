/** benchServer smoke test: the server in a child process (built CLI), autocannon on loopback, small amounts. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { benchServer, CASES, percentile, WRITE_CASES } from '../../src/bench/server.js';
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
