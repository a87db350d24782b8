/** `mscope fetch` end to end: the built CLI against the mock API, storing into a temporary DuckDB file. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { CLI, runCli } from '../helpers/cli.js';
import { loadFetchState } from '../../src/sources/live/client.js';
import { expectedIds, tempDirsPerTest } from './helpers.js';
import { makeStudies, nctIdFor, startMockCtgov, type Fault, type MockCtgov } from './mock-ctgov.js';

let mock: MockCtgov | undefined;
const testDir = tempDirsPerTest(async () => {
  await mock?.close();
  mock = undefined;
});

async function tmpDb(): Promise<string> {
  return join(await testDir(), 'atlas.duckdb');
}

const FAST = ['--min-interval', '0', '--max-retries', '1', '--timeout', '5000'];

async function snapshotIds(db: string, id?: number): Promise<string[]> {
  const store = await openStore(db, { readOnly: true });
  try {
    const snap = await store.getSnapshot(id);
    const ids: string[] = [];
    for await (const s of store.iterStudies(snap.id)) ids.push(s.nctId);
    return ids.sort();
  } finally {
    await store.close();
  }
}

describe('mscope fetch', { timeout: 30_000 }, () => {
  it('stores one snapshot with every study of the search (--json prints the SnapshotInfo)', async () => {
    mock = await startMockCtgov({ studies: makeStudies(400) });
    const db = await tmpDb();
    const r = await runCli([
      '--db',
      db,
      'fetch',
      '--base-url',
      mock.baseUrl,
      '--label',
      'live-1',
      '--page-size',
      '100',
      '--json',
      ...FAST,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const info = JSON.parse(r.stdout) as {
      id: number;
      label: string;
      studyCount: number;
      kind: string;
      sources: string[];
      formats: Record<string, number>;
    };
    const expected = expectedIds(400);
    expect(info).toMatchObject({ label: 'live-1', studyCount: expected.length, kind: 'fetch' });
    expect(info.formats).toEqual({ 'ctgov-v2-live': expected.length });
    expect(info.sources[0]).toContain(`${mock.baseUrl}/studies?`);
    expect(await snapshotIds(db, info.id)).toEqual(expected);
    expect(existsSync(`${db}.fetch-state.json`)).toBe(false); // stored for good: state removed
  });

  it('--since fetches only updated studies and merges them onto the latest snapshot', async () => {
    const db = await tmpDb();
    mock = await startMockCtgov({ studies: makeStudies(300) });
    const full = await runCli(['--db', db, 'fetch', '--base-url', mock.baseUrl, '--json', ...FAST]);
    expect(full.code, full.stderr).toBe(0);
    const base = JSON.parse(full.stdout) as { id: number; studyCount: number };
    await mock.close();

    // the registry moves on: study 1 is updated, two new MSC studies appear
    const studies = makeStudies(302);
    const updated = studies[1] as {
      protocolSection: {
        identificationModule: { briefTitle: string };
        statusModule: { lastUpdatePostDateStruct: { date: string } };
      };
    };
    updated.protocolSection.identificationModule.briefTitle = 'Remestemcel-L, amended protocol';
    updated.protocolSection.statusModule.lastUpdatePostDateStruct.date = '2026-10-01';
    for (const i of [300, 301]) {
      const s = studies[i] as typeof updated;
      s.protocolSection.statusModule.lastUpdatePostDateStruct.date = '2026-10-02';
    }
    mock = await startMockCtgov({ studies });
    const inc = await runCli([
      '--db',
      db,
      'fetch',
      '--base-url',
      mock.baseUrl,
      '--since',
      '2026-09-01',
      '--label',
      'update',
      ...FAST,
    ]);
    expect(inc.code, inc.stderr).toBe(0);
    expect(mock.studiesRequests()[0]!.params['filter.advanced']).toBe(
      'AREA[LastUpdatePostDate]RANGE[2026-09-01,MAX]',
    );
    const newMsc = [300, 301].filter((i) => expectedIds(302).includes(nctIdFor(i)));
    expect(inc.stdout).toContain(`fetched ${1 + newMsc.length} studies`);
    expect(inc.stdout).toMatch(new RegExp(`merged onto snapshot ${base.id}`));

    const store = await openStore(db, { readOnly: true });
    try {
      const snap = await store.getSnapshot('update');
      expect(snap.baseSnapshotId).toBe(base.id);
      expect(snap.studyCount).toBe(base.studyCount + newMsc.length);
      const rec = await store.getStudy(snap.id, nctIdFor(1));
      expect(rec?.study.briefTitle).toBe('Remestemcel-L, amended protocol');
      const old = await store.getStudy(base.id, nctIdFor(1));
      expect(old?.study.briefTitle).not.toBe('Remestemcel-L, amended protocol');
    } finally {
      await store.close();
    }
  });

  it('an outage fails loudly without a snapshot; re-running resumes and stores every study once', async () => {
    const db = await tmpDb();
    const faults: Record<number, Fault> = {
      3: { kind: 'status', status: 503 },
      4: { kind: 'status', status: 503 },
    };
    mock = await startMockCtgov({ studies: makeStudies(350), faults });
    const args = ['--db', db, 'fetch', '--base-url', mock.baseUrl, '--page-size', '50', '--json', ...FAST];
    const bad = await runCli(args);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /^mscope: ClinicalTrials\.gov API request for page 3 failed after 2 attempt\(s\): GET http:\/\/127\.0\.0\.1:\d+\/api\/v2\/studies\?.*HTTP 503.*100 studies from 2 page\(s\) saved in .*atlas\.duckdb\.fetch-state\.json, re-run to resume/,
    );
    expect(bad.stdout).toBe('');
    expect(existsSync(db)).toBe(false); // a failed first fetch leaves no database; its state is what resumes
    expect(existsSync(`${db}.fetch-state.json`)).toBe(true);

    const good = await runCli(args);
    expect(good.code, good.stderr).toBe(0);
    const info = JSON.parse(good.stdout) as { id: number; studyCount: number };
    expect(info.studyCount).toBe(expectedIds(350).length);
    expect(await snapshotIds(db, info.id)).toEqual(expectedIds(350));
    const resumed = mock.studiesRequests().slice(4);
    expect(resumed).toHaveLength(5 - 2); // pages 3..5 only
  });

  it('usage errors exit 2: --since without a snapshot, bad page size, bad date', async () => {
    mock = await startMockCtgov({ studies: makeStudies(20) });
    const db = await tmpDb();
    const a = await runCli([
      '--db',
      db,
      'fetch',
      '--base-url',
      mock.baseUrl,
      '--since',
      '2024-01-01',
      ...FAST,
    ]);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/--since updates an existing snapshot/);
    const b = await runCli(['--db', db, 'fetch', '--base-url', mock.baseUrl, '--page-size', '0']);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/invalid --page-size "0"/);
    const c = await runCli(['--db', db, 'fetch', '--since', '01/02/2024']);
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/invalid --since date "01\/02\/2024"/);
    expect(mock.log).toHaveLength(0);
  });

  it('Ctrl-C (SIGINT) stops cleanly with the state saved; the re-run completes', async () => {
    const db = await tmpDb();
    mock = await startMockCtgov({ studies: makeStudies(350), faults: { 3: { kind: 'slow', ms: 20_000 } } });
    const args = [
      '--db',
      db,
      'fetch',
      '--base-url',
      mock.baseUrl,
      '--page-size',
      '50',
      '--json',
      ...FAST.slice(0, 4),
      '--timeout',
      '30000',
    ];
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const m = mock;
    while (m.studiesRequests().length < 3) await new Promise((r) => setTimeout(r, 25));
    child.kill('SIGINT');
    expect(await exited).toBe(1);
    expect(stderr).toMatch(
      /^mscope: fetch interrupted; 100 studies from 2 page\(s\) saved in .*fetch-state\.json, re-run to resume/,
    );
    expect(await loadFetchState(`${db}.fetch-state.json`)).toMatchObject({
      pagesDone: 2,
      count: 100,
      complete: false,
    });

    const again = await runCli(args);
    expect(again.code, again.stderr).toBe(0);
    expect(await snapshotIds(db)).toEqual(expectedIds(350));
  });

  it('a saved partial fetch of another search is refused; --restart discards it', async () => {
    const db = await tmpDb();
    mock = await startMockCtgov({
      studies: makeStudies(200),
      faults: { 2: { kind: 'reset' }, 3: { kind: 'reset' } },
    });
    const common = ['--db', db, 'fetch', '--base-url', mock.baseUrl, '--page-size', '50', ...FAST];
    expect((await runCli(common)).code).toBe(1);
    const other = await runCli([...common, '--query', '"insulin glargine"']);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/belongs to a different fetch .*--restart/);
    const restarted = await runCli([...common, '--query', '"insulin glargine"', '--restart', '--json']);
    expect(restarted.code, restarted.stderr).toBe(0);
    const info = JSON.parse(restarted.stdout) as { studyCount: number };
    expect(info.studyCount).toBe(
      makeStudies(200).filter((s) => JSON.stringify(s).includes('Insulin glargine')).length,
    );
  });
});
