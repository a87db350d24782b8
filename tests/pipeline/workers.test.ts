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
    },
    600_000,
  );
});
