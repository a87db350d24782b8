/** Shared helpers for the live-client tests. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { StudyRecord } from '../../src/model/record.js';
import { fetchStudies, type FetchOptions } from '../../src/sources/live/client.js';
import { isMscStudy, lastUpdateFor, nctIdFor } from './mock-ctgov.js';

/** Fast settings for tests: no politeness delay, short backoff. */
export const FAST: Partial<FetchOptions> = {
  minIntervalMs: 0,
  retryBaseMs: 5,
  retryMaxMs: 2000,
  maxRetries: 4,
  timeoutMs: 5000,
};

/** The NCT ids the default query must find among `n` generated studies (optionally updated since a date). */
export function expectedIds(n: number, since?: string): string[] {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    if (isMscStudy(i) && (since === undefined || lastUpdateFor(i) >= since)) ids.push(nctIdFor(i));
  }
  return ids.sort();
}

export async function collect(opts: FetchOptions, into: StudyRecord[] = []): Promise<StudyRecord[]> {
  for await (const r of fetchStudies(opts)) into.push(r);
  return into;
}

export function idsOf(records: StudyRecord[]): string[] {
  return records.map((r) => r.study.nctId).sort();
}

export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'mscope-live-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Per-test cleanup for the live tests: registers an afterEach that runs `closeMock` (closing the test file's
 * mock API) and then removes every directory the returned function made during the test.
 */
export function tempDirsPerTest(closeMock: () => Promise<void>): () => Promise<string> {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    await closeMock();
    for (const c of cleanups.splice(0)) await c();
  });
  return async () => {
    const t = await tempDir();
    cleanups.push(t.cleanup);
    return t.dir;
  };
}
