/** `mscope run` without --from: fetch from the (mock) live API, classify, report. Needs `npm run build`. */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { expectedIds } from '../live/helpers.js';
import { makeStudies, startMockCtgov, type MockCtgov } from '../live/mock-ctgov.js';

let mock: MockCtgov | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

describe('mscope run (live)', { timeout: 60_000 }, () => {
  it('fetches one snapshot from the API, classifies it and writes the report', async () => {
    mock = await startMockCtgov({ studies: makeStudies(60) });
    const dir = await mkdtemp(join(tmpdir(), 'mscope-run-live-'));
    const r = await runCli([
      '--db',
      join(dir, 'm.duckdb'),
      'run',
      '--base-url',
      mock.baseUrl,
      '--label',
      'live',
      '--out',
      join(dir, 'rep'),
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.snapshotCreated).toMatchObject({
      kind: 'fetch',
      label: 'live',
      studyCount: expectedIds(60).length,
    });
    expect(j.snapshotCreated.sources[0]).toContain(`${mock.baseUrl}/studies?`);
    const rep = JSON.parse(await readFile(join(dir, 'rep', 'report.json'), 'utf8'));
    expect(rep.metrics.flow.identified).toBe(expectedIds(60).length);
    expect(rep.metrics.flow.unclassified).toBe(0);
    expect(existsSync(join(dir, 'rep', 'report.html'))).toBe(true);
  });

  it('an unreachable API is a clear error and leaves no snapshot', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mscope-run-live-'));
    const db = join(dir, 'm.duckdb');
    const r = await runCli([
      '--db',
      db,
      'run',
      '--base-url',
      'http://127.0.0.1:9/api/v2',
      '--out',
      join(dir, 'rep'),
      '--max-retries',
      '0',
      '--min-interval',
      '0',
      '--timeout',
      '2000',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/127\.0\.0\.1:9/);
    expect(existsSync(join(dir, 'rep', 'report.html'))).toBe(false);
    const snaps = await runCli(['--db', db, 'snapshots', '--json']);
    expect(JSON.parse(snaps.stdout || '[]')).toEqual([]);
  });

  it('rejects a bad --max-retries before touching anything', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mscope-run-live-'));
    const r = await runCli(['--db', join(dir, 'm.duckdb'), 'run', '--max-retries', 'many']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--max-retries "many"/);
    expect(existsSync(join(dir, 'm.duckdb'))).toBe(false);
  });
});
