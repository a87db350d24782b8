/**
 * Issue 16 #6-#8 and issue 15 #5: dashboard parameters that must be 400, file names instead of absolute paths in the
 * API, closed vocabularies validated in the CLI --filter too, a note naming the nearest values for an open one that
 * matches nothing, `--snapshot latest`, and every command quiet when its output is closed (EPIPE).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filterFromPairs } from '../../src/analyze/filter.js';
import { startServer, type RunningServer } from '../../src/present/server/index.js';
import { nearest } from '../../src/present/cli/util/notes.js';
import type { StudyRecord } from '../../src/model/record.js';
import { openStore } from '../../src/store/index.js';
import { CLI, runCli } from '../helpers/cli.js';
import { createFixtureDb, fixtureStudies } from '../server/fixture.js';

let dir: string;
let db: string;
let server: RunningServer;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mscope-harden-api-'));
  db = join(dir, 'fixture.duckdb');
  await createFixtureDb(db);
  const store = await openStore(db);
  try {
    async function* recs(): AsyncGenerator<StudyRecord> {
      for (const study of fixtureStudies().slice(0, 2)) yield { study, raw: {} };
    }
    await store.createSnapshot(
      { label: 'paths', sources: ['/home/someone/private/export.ndjson', '/srv/a.zip'] },
      recs(),
    );
  } finally {
    await store.close();
  }
  server = await startServer({ dbPath: db, snapshot: 'fixture', port: 0 });
  base = server.url.replace(/\/$/, '');
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('dashboard parameters', () => {
  it('answers 400 naming the parameter for every value the probe found accepted', async () => {
    const bad: Array<[string, string]> = [
      ['phase=PHASE9', 'phase'],
      ['phase=', 'phase'],
      ['status=EXPLODED', 'status'],
      ['studyType=BANANA', 'studyType'],
      ['product=NoSuchProduct', 'product'],
      ['category=', 'category'],
      ['firstPostedFrom=2021-02-30', 'firstPostedFrom'],
      ['asOf=2021-02-30', 'asOf'],
      ['asOf=0000', 'asOf'],
      ['firstPostedFrom=2022&firstPostedTo=2020', 'firstPostedFrom'],
      ['text=%ZZ', 'text'],
      ['text=%A', 'text'],
      ['parts=summary,summary', 'parts'],
    ];
    for (const [query, param] of bad) {
      const path = query.startsWith('parts') ? '/api/metrics' : '/api/studies';
      const res = await fetch(`${base}${path}?${query}`);
      const body = (await res.json()) as { error: string; parameter: string | null };
      expect(res.status, query).toBe(400);
      expect(body.parameter ?? '', query).toContain(
        param === 'firstPostedFrom' && query.includes('To') ? '' : param,
      );
    }
    const phase = (await (await fetch(`${base}/api/studies?phase=bogus`)).json()) as { error: string };
    expect(phase.error).toMatch(/allowed: EARLY_PHASE1, PHASE1, PHASE2, PHASE3, PHASE4, NA, NONE/);
  });

  it('still accepts the valid forms', async () => {
    for (const q of [
      'phase=PHASE1|PHASE2',
      'phase=NA',
      'status=completed',
      'studyType=INTERVENTIONAL',
      'firstPostedFrom=2020-02-29',
      'asOf=2021',
      'country=Atlantis',
      'product=none',
      'text=%C3%A9',
    ]) {
      const res = await fetch(`${base}/api/studies?${q}`);
      expect(res.status, q).toBe(200);
    }
    expect((await fetch(`${base}/api/metrics?parts=summary,tables`)).status).toBe(200);
  });

  it('/api/snapshots and /api/meta show file names, not absolute paths; snapshot=latest works', async () => {
    const snaps = (await (await fetch(`${base}/api/snapshots`)).json()) as {
      snapshots: Array<{ label: string; sources: string[] }>;
    };
    const paths = snaps.snapshots.find((s) => s.label === 'paths')!;
    expect(paths.sources).toEqual(['export.ndjson', 'a.zip']);
    const meta = (await (await fetch(`${base}/api/meta?snapshot=latest`)).json()) as {
      snapshot: { label: string; sources: string[] };
    };
    expect(meta.snapshot.label).toBe('paths');
    expect(meta.snapshot.sources).toEqual(['export.ndjson', 'a.zip']);
    expect(JSON.stringify(snaps) + JSON.stringify(meta)).not.toContain('/home/someone');
  });
});

describe('CLI --filter', { timeout: 60_000 }, () => {
  it('refuses unknown closed-vocabulary values with the allowed ones (exit 2)', async () => {
    expect(() => filterFromPairs(['phase=Phase 2'])).toThrow(
      /unknown value "Phase 2" \(allowed: EARLY_PHASE1/,
    );
    expect(() => filterFromPairs(['status=EXPLODED'])).toThrow(/allowed: RECRUITING/);
    expect(() => filterFromPairs(['studyType=BANANA'])).toThrow(/allowed: INTERVENTIONAL/);
    const r = await runCli(['--db', db, 'studies', '--filter', 'phase=Phase 2']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('an open value that matches nothing prints one note with the nearest known values; --snapshot latest works', async () => {
    const r = await runCli([
      '--db',
      db,
      'studies',
      '--snapshot',
      'fixture',
      '--filter',
      'country=USA',
      '--format',
      'ndjson',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    // (other lines, e.g. about the labels' ruleset, may also be printed)
    const notes = r.stderr.split('\n').filter((l) => l.startsWith('mscope: note: no study'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(
      /^mscope: note: no study of snapshot 1 has country "USA"; nearest known: United States/,
    );
    const latest = await runCli(['--db', db, 'studies', '--snapshot', 'latest', '--format', 'ndjson']);
    expect(latest.code, latest.stderr).toBe(0);
    expect(latest.stdout.trim().split('\n')).toHaveLength(2); // snapshot "paths" holds 2 studies
    expect(nearest('Untied States', ['China', 'United States', 'Spain'])[0]).toBe('United States');
  });
});

describe('closed output (EPIPE)', { timeout: 120_000 }, () => {
  /** Runs the CLI with its stdout closed by the reader before it writes; resolves with exit code and stderr. */
  function closedReader(args: string[]): Promise<{ code: number | null; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy(); // `| head -0`
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stderr }));
    });
  }

  it('every command exits quietly when its output is closed', async () => {
    for (const args of [
      ['--db', db, 'classify', '--snapshot', 'fixture'],
      ['--db', db, 'studies', '--snapshot', 'fixture', '--format', 'csv'],
      ['--db', db, 'snapshots', '--json'],
      ['--db', db, 'eval', '--help'],
      ['--help'],
    ]) {
      const r = await closedReader(args);
      expect(r.stderr, args.join(' ')).not.toMatch(/EPIPE|at .*\.js:\d+|Error/);
      expect(r.code, args.join(' ')).toBe(0);
    }
  });
});
