/**
 * A whole-registry ingest killed mid-way (SIGKILL: no handler runs) leaves no partial snapshot, and the same
 * command run again succeeds with every study. The archive is generated here (hand-written generator records,
 * one v2 JSON file per study) and is large enough that the kill lands while records are being appended: the
 * child is killed when it reports its first 5,000 records (MSCOPE_PROGRESS=lines).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { CLI, runCli } from '../helpers/cli.js';
import { registryStudies, writeStudyZip } from './registry-records.js';

const DIR = mkdtempSync(join(tmpdir(), 'mscope-registry-kill-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

const N = 12_000;

/** Start `mscope ingest`, SIGKILL it once it has appended `after` records; resolves with what it printed. */
function ingestKilled(
  db: string,
  zip: string,
  after: number,
  workers: string,
): Promise<{ killed: boolean; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, '--db', db, 'ingest', zip], {
      env: { ...process.env, MSCOPE_PROGRESS: 'lines', MSCOPE_INGEST_WORKERS: workers, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let killed = false;
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      const m = /ingest: (\d+) records/.exec(stderr);
      if (!killed && m && Number(m[1]) >= after) {
        killed = child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', () => resolve({ killed, stderr }));
  });
}

let zip: string | null = null;

describe('killed whole-registry ingest', () => {
  // in this thread (rows appended by value), and on reading workers (rows written as CSV chunks into <db>.tmp)
  it.each(['0', '2'])(
    'leaves no partial snapshot, and a re-run stores every study (workers: %s)',
    async (workers) => {
      zip ??= writeStudyZip(join(DIR, 'ctg-studies.zip'), registryStudies(N), { level: 1 });
      const db = join(DIR, `kill-${workers}.duckdb`);

      // a first snapshot, so the database exists and has something a partial write could corrupt
      const small = writeStudyZip(join(DIR, 'small.zip'), registryStudies(50));
      expect((await runCli(['--db', db, 'ingest', small, '--label', 'before'])).code).toBe(0);

      const k = await ingestKilled(db, zip, 5_000, workers);
      expect(k.stderr).toMatch(/ingest: 5000 records/);
      expect(k.killed).toBe(true);
      expect(existsSync(db)).toBe(true);

      const store = await openStore(db);
      try {
        const snaps = await store.listSnapshots();
        expect(snaps.map((s) => [s.label, s.studyCount])).toEqual([['before', 50]]);
        const rows = await store
          .connection()
          .runAndReadAll('SELECT snapshot_id, count(*)::INTEGER FROM studies GROUP BY 1 ORDER BY 1');
        expect(rows.getRows()).toEqual([[1, 50]]);
      } finally {
        await store.close();
      }

      const again = await runCli(['--db', db, 'ingest', zip, '--label', 'registry', '--json'], {
        env: { MSCOPE_INGEST_WORKERS: workers },
      });
      expect(again.stderr).not.toMatch(/Error:|at .*\.js:\d+/);
      expect(again.code).toBe(0);
      const out = JSON.parse(again.stdout) as { snapshot: { id: number; studyCount: number } };
      expect(out.snapshot.studyCount).toBe(N);
      const after = await openStore(db, { readOnly: true });
      try {
        const snaps = await after.listSnapshots();
        expect(snaps.map((s) => [s.label, s.studyCount])).toEqual([
          ['before', 50],
          ['registry', N],
        ]);
      } finally {
        await after.close();
      }
      // the killed run's CSV chunks were removed when the database was next opened for writing
      expect(existsSync(`${db}.tmp`) ? readdirSync(`${db}.tmp`) : []).toEqual([]);
    },
    300_000,
  );
});
