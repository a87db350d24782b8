/**
 * GET /api/review/queue: the whole queue in analyze/queue.ts order (the same order reviewQueue gives on the full
 * rows), and `?at=NCT` windows of it (the trial and its neighbours, with their position) that agree with it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewQueue } from '../../src/analyze/queue.js';
import { loadLatestLabelled } from '../../src/pipeline/load.js';
import { createApp, createDatasetSource } from '../../src/present/server/index.js';
import { openStore } from '../../src/store/index.js';
import { createFixtureDb, FIXTURE_COUNT, nct } from './fixture.js';

interface Queue {
  total: number;
  offset: number;
  firstUnreviewed: string | null;
  items: Array<{ nctId: string; tier: number; reason: string; reviewed: boolean }>;
}

let dir: string;
let db: string;
let app: ReturnType<typeof createApp>;
const get = async (path: string) => app.request(`http://127.0.0.1${path}`);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mscope-queue-'));
  db = join(dir, 'fixture.duckdb');
  await createFixtureDb(db);
  app = createApp({
    source: await createDatasetSource(db, 'fixture'),
    assets: new Map(),
    loopbackOnly: false,
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('review queue API', () => {
  it('lists every study in reviewQueue order (full rows, evidence included)', async () => {
    const q = (await (await get('/api/review/queue')).json()) as Queue;
    const store = await openStore(db, { readOnly: true });
    const { rows } = await loadLatestLabelled(store, 'fixture');
    await store.close();
    const expected = reviewQueue(rows);
    expect(q.total).toBe(FIXTURE_COUNT);
    expect(q.offset).toBe(0);
    expect(q.items.map((i) => [i.nctId, i.tier, i.reason])).toEqual(
      expected.map((e) => [e.nctId, e.priority.tier, e.priority.reason]),
    );
    expect(q.firstUnreviewed).toBe(expected[0]!.nctId);
  });

  it('?at= gives the trial and its neighbours at their positions', async () => {
    const all = ((await (await get('/api/review/queue')).json()) as Queue).items.map((i) => i.nctId);
    for (const [k, id] of all.entries()) {
      const w = (await (await get(`/api/review/queue?at=${id.toLowerCase()}`)).json()) as Queue;
      expect(w.total).toBe(all.length);
      expect(w.offset).toBe(Math.max(0, k - 1));
      expect(w.items.map((i) => i.nctId)).toEqual(all.slice(Math.max(0, k - 1), k + 2));
    }
    const none = (await (await get(`/api/review/queue?at=${nct(9999)}`)).json()) as Queue;
    expect([none.offset, none.items.map((i) => i.nctId)]).toEqual([0, all.slice(0, 2)]);
    const filtered = (await (await get(`/api/review/queue?included=false&at=${all[0]}`)).json()) as Queue;
    expect(filtered.total).toBeLessThan(all.length);
  });

  it('a malformed ?at= is a 400 naming the parameter', async () => {
    const res = await get('/api/review/queue?at=DROP%20TABLE');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { parameter: string }).parameter).toBe('at');
  });
});
