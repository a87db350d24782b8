/**
 * Classification on worker threads gives byte-identical labels to the single-thread path (the same label digest),
 * in the same order, on the hand-made server fixture and (with ../shared) on the 1,535-study registry corpus.
 * Worker threads need the compiled worker, so this runs the built pipeline in dist/ (`npm test` builds first).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Labels } from '../../src/model/labels.js';
import { REPO_ROOT, CLASSIC_NDJSON, HAS_SHARED } from '../helpers/shared.js';
import { createFixtureDb } from '../server/fixture.js';

const DIST = join(REPO_ROOT, 'dist', 'pipeline');
const built = existsSync(join(DIST, 'classify-worker.js'));
const describeBuilt = (built ? describe : describe.skip) as typeof describe;

type ClassifyModule = typeof import('../../src/pipeline/classify.js');
type StoreModule = typeof import('../../src/store/index.js');
type IngestModule = typeof import('../../src/pipeline/ingest.js');

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const digest = (labels: readonly Labels[]): string =>
  createHash('sha256')
    .update(labels.map((l) => JSON.stringify(l)).join('\n'))
    .digest('hex');

async function both(db: string, ref?: string | number): Promise<{ single: Labels[]; pooled: Labels[] }> {
  const { classifySnapshot } = (await import(join(DIST, 'classify.js'))) as ClassifyModule;
  const { openStore } = (await import(join(REPO_ROOT, 'dist', 'store', 'index.js'))) as StoreModule;
  const store = await openStore(db, { readOnly: true });
  try {
    const single = (await classifySnapshot(store, ref, { workers: 0 })).labels;
    const pooled = await classifySnapshot(store, ref, { workers: 2, keepStudies: true });
    expect(pooled.rows!.map((r) => r.labels)).toEqual(pooled.labels);
    expect(pooled.rows!.map((r) => r.study.nctId)).toEqual(single.map((l) => l.nctId));
    return { single, pooled: pooled.labels };
  } finally {
    await store.close();
  }
}

/**
 * The rows of the `labels` table a save leaves (every column; list values as JSON) and the summary, saving on one
 * thread or on workers (whose rows are checked and serialized on the worker threads, store/label-rows.ts).
 */
async function savedRows(
  db: string,
  workers: number,
  labels: 'full' | 'none',
): Promise<{ rows: string[]; summary: unknown; returned: number }> {
  const { classifySnapshot } = (await import(join(DIST, 'classify.js'))) as ClassifyModule;
  const { openStore } = (await import(join(REPO_ROOT, 'dist', 'store', 'index.js'))) as StoreModule;
  const store = await openStore(db);
  try {
    const r = await classifySnapshot(store, undefined, { save: true, labels, workers });
    const read = await store
      .connection()
      .runAndReadAll('SELECT * FROM labels WHERE ruleset_version = $1 ORDER BY snapshot_id, nct_id', [
        r.rulesetVersion,
      ]);
    const rows = read.getRowsJson().map((row) => JSON.stringify(row));
    return { rows, summary: r.summary, returned: r.labels.length };
  } finally {
    await store.close();
  }
}

async function sameSavedRows(db: string): Promise<number> {
  const single = await savedRows(db, 0, 'none');
  expect(single.rows.length).toBeGreaterThan(0);
  for (const mode of ['none', 'full'] as const) {
    const pooled = await savedRows(db, 2, mode);
    expect(pooled.rows).toEqual(single.rows);
    expect(pooled.summary).toEqual(single.summary);
    expect(pooled.returned).toBe(mode === 'none' ? 0 : single.rows.length);
  }
  return single.rows.length;
}

describeBuilt('classification on worker threads = single thread', () => {
  it('fixture: same labels, same order, same digest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mscope-workers-'));
    dirs.push(dir);
    const db = join(dir, 'fixture.duckdb');
    await createFixtureDb(db);
    const { single, pooled } = await both(db, 'fixture');
    expect(single.length).toBeGreaterThan(0);
    expect(digest(pooled)).toBe(digest(single));
  });

  it('fixture: the saved label rows (every column) and the summary are the same', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mscope-workers-'));
    dirs.push(dir);
    const db = join(dir, 'fixture.duckdb');
    await createFixtureDb(db);
    expect(await sameSavedRows(db)).toBeGreaterThan(0);
  });

  it.skipIf(!HAS_SHARED)(
    '1,535 registry studies: same label digest',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'mscope-workers-'));
      dirs.push(dir);
      const db = join(dir, 'corpus.duckdb');
      const { openStore } = (await import(join(REPO_ROOT, 'dist', 'store', 'index.js'))) as StoreModule;
      const { ingestSnapshot } = (await import(join(DIST, 'ingest.js'))) as IngestModule;
      const store = await openStore(db);
      try {
        await ingestSnapshot(store, {
          files: [{ path: CLASSIC_NDJSON, size: statSync(CLASSIC_NDJSON).size }],
        });
      } finally {
        await store.close();
      }
      const { single, pooled } = await both(db);
      expect(single).toHaveLength(1535);
      expect(single.filter((l) => l.included).length).toBeGreaterThan(500);
      expect(digest(pooled)).toBe(digest(single));
      expect(await sameSavedRows(db)).toBe(1535);
    },
    600_000,
  );
});
