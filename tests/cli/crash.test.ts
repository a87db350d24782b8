/**
 * Crash safety: a process killed (SIGKILL) in the middle of an ingest leaves the database openable, with every
 * earlier snapshot intact and no partial snapshot; the next ingest works.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { CLI, runCli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/shared.js';
import { fingerprint } from '../store/fingerprint.js';
import { writeNdjson } from './gen.js';

const dir = mkdtempSync(join(tmpdir(), 'mscope-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function state(db: string): Promise<{ fp: string; counts: Array<[number, number]> }> {
  const store = await openStore(db, { readOnly: true });
  try {
    const snaps = await store.listSnapshots();
    const counts: Array<[number, number]> = [];
    for (const s of snaps) {
      let n = 0;
      for await (const st of store.iterStudies(s.id)) if (st.nctId) n++;
      counts.push([s.id, n]);
    }
    return { fp: await fingerprint(store), counts };
  } finally {
    await store.close();
  }
}

/** Start `mscope ingest` and send it `sig` once it reports `killAfter` records read. */
function ingestAndKill(
  db: string,
  file: string,
  killAfter: number,
  sig: NodeJS.Signals = 'SIGKILL',
): Promise<{
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  sizeAtKill: number;
}> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, '--db', db, 'ingest', file, '--label', 'doomed'], {
      cwd: REPO_ROOT,
      env: { ...process.env, MSCOPE_PROGRESS: 'lines' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let sent = false;
    let sizeAtKill = 0;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      const m = [...stderr.matchAll(/ingest: (\d+) records/g)].pop();
      if (m && Number(m[1]) >= killAfter && child.exitCode === null && !sent) {
        sent = true;
        sizeAtKill = statSync(db).size;
        child.kill(sig);
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, sizeAtKill }));
  });
}

describe('crash safety', () => {
  it('SIGKILL mid-ingest leaves earlier snapshots exactly as they were and no partial snapshot', async () => {
    const db = join(dir, 'crash.duckdb');
    const small = writeNdjson(join(dir, 'small.ndjson'), 300);
    // ~4.5 KB per record: the store flushes its appender every ~64 M characters, so by record 15,000 uncommitted
    // row groups have been written into the database file itself (the test checks that the file grew).
    const big = writeNdjson(join(dir, 'big.ndjson'), 20_000, 600);
    expect((await runCli(['--db', db, 'ingest', small, '--label', 'one'])).code).toBe(0);
    expect((await runCli(['--db', db, 'ingest', small, '--label', 'two'])).code).toBe(0);
    const before = await state(db);
    expect(before.counts).toEqual([
      [1, 300],
      [2, 300],
    ]);

    const sizeBefore = statSync(db).size;
    const killed = await ingestAndKill(db, big, 15_000);
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.stderr).toMatch(/ingest: 15000 records/);
    expect(killed.sizeAtKill).toBeGreaterThan(sizeBefore + 10_000_000);
    expect(killed.stdout).not.toMatch(/created/);

    const after = await state(db);
    expect(after).toEqual(before);

    // the database is fully usable afterwards, and the label of the killed ingest is free
    const again = await runCli(['--db', db, 'ingest', small, '--label', 'doomed', '--json']);
    expect(again.code).toBe(0);
    expect(
      (JSON.parse(again.stdout) as { snapshot: { id: number; studyCount: number } }).snapshot,
    ).toMatchObject({
      id: 3,
      studyCount: 300,
    });
  });

  it('Ctrl-C (SIGINT) mid-ingest: clear message, exit 1, database unchanged', async () => {
    const db = join(dir, 'sigint.duckdb');
    const small = writeNdjson(join(dir, 'small2.ndjson'), 50);
    const big = writeNdjson(join(dir, 'big2.ndjson'), 20_000);
    expect((await runCli(['--db', db, 'ingest', small])).code).toBe(0);
    const before = await state(db);
    const r = await ingestAndKill(db, big, 5_000, 'SIGINT');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/ingest interrupted; no snapshot was created/);
    expect(await state(db)).toEqual(before);
  });

  it('a second writer gets a clear "in use" error while the database is open elsewhere', async () => {
    const db = join(dir, 'locked.duckdb');
    const small = writeNdjson(join(dir, 'small3.ndjson'), 10);
    expect((await runCli(['--db', db, 'ingest', small])).code).toBe(0);
    const holder = await openStore(db);
    try {
      const r = await runCli(['--db', db, 'ingest', small]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/locked\.duckdb: database is in use by another process/);
    } finally {
      await holder.close();
    }
    expect((await state(db)).counts).toEqual([[1, 10]]);
  });
});
