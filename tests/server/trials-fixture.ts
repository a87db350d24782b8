/**
 * A database of registrations of several registries for the study view's trial section: the hand-written folders
 * tests/fixtures/trials/count (six registrations of four trials) and tests/fixtures/trials/registrations (one
 * trial registered in ClinicalTrials.gov, JPRN and ChiCTR: one explicit link with ICTRP's bridging flag, one
 * probable link), ingested and classified through the pipeline.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classifySnapshot, expandInputs, ingestSnapshot } from '../../src/pipeline/index.js';
import { openStore } from '../../src/store/index.js';
import { REPO_ROOT } from '../helpers/shared.js';

export const TRIAL_FIXTURES = ['count', 'registrations'].map((d) =>
  join(REPO_ROOT, 'tests', 'fixtures', 'trials', d),
);

/** Ingest and classify both folders into a new database in a temporary folder: { dir, db }. */
export async function trialsDatabase(): Promise<{ dir: string; db: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'mscope-trial-view-'));
  const db = join(dir, 'trials.duckdb');
  const files = await expandInputs(TRIAL_FIXTURES, []);
  const store = await openStore(db);
  try {
    const info = await ingestSnapshot(store, { files }, { label: 'trials', worker: false });
    await classifySnapshot(store, info.id, { save: true });
  } finally {
    await store.close();
  }
  return { dir, db };
}
