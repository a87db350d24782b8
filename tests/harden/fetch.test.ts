/**
 * Issue 16 #1, #2, #9 and issue 15 #1, issue 11 #6 against the mock API: page tokens that loop, pages beyond
 * totalCount, a totalCount lower than what arrived, quarantine of a record that fails validation, the registry out of
 * reach (refused connection, unknown host), a failed first fetch leaving nothing behind, and --ids/--ids-from.
 */
import { readdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { QuarantinedRecord } from '../../src/model/record.js';
import { fetchStudies, pageBound } from '../../src/sources/live/client.js';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';
import { FAST, collect, expectedIds, tempDirsPerTest } from '../live/helpers.js';
import { makeStudies, makeStudy, nctIdFor, startMockCtgov, type MockCtgov } from '../live/mock-ctgov.js';

let mock: MockCtgov | undefined;
const testDir = tempDirsPerTest(async () => {
  await mock?.close();
  mock = undefined;
});

const CLI_FAST = ['--min-interval', '0', '--max-retries', '1', '--timeout', '5000'];

/** A port on 127.0.0.1 where nothing listens (connection refused). */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

/** Generated study i with a phase list that is not a list: fails validation. */
function badStudy(i: number): Record<string, unknown> {
  const s = makeStudy(i) as { protocolSection: { designModule: Record<string, unknown> } };
  s.protocolSection.designModule.phases = 'PHASE2';
  return s;
}

describe('paging that loops', { timeout: 30_000 }, () => {
  it('a token pointing back to an earlier page stops the fetch with a clear error, on every re-run', async () => {
    for (const to of [2, 1]) {
      mock = await startMockCtgov({ studies: makeStudies(100), loopToken: { from: 3, to } });
      const statePath = join(await testDir(), 'state.json');
      const run = () => collect({ ...FAST, baseUrl: mock!.baseUrl, pageSize: 10, statePath });
      await expect(run()).rejects.toThrow(/page token it had sent before.*stopping instead of looping/);
      const first = mock.studiesRequests().length;
      expect(first).toBeLessThanOrEqual(5);
      await expect(run()).rejects.toThrow(/page token it had sent before/); // the re-run stops too
      expect(mock.studiesRequests().length - first).toBeLessThanOrEqual(5);
      await mock.close();
      mock = undefined;
    }
  });

  it('pages are bounded by totalCount and the page size, with a margin', () => {
    expect(pageBound(null, 100)).toBe(Number.POSITIVE_INFINITY);
    expect(pageBound(0, 100)).toBe(2);
    expect(pageBound(1000, 100)).toBe(12);
    expect(pageBound(50_000, 1000)).toBe(55);
  });

  it('a server that keeps sending pages beyond totalCount is stopped', async () => {
    // the registry claims 20 studies but serves 100, with fresh tokens each page
    mock = await startMockCtgov({ studies: makeStudies(140), totalCountBonus: -80 });
    await expect(collect({ ...FAST, baseUrl: mock.baseUrl, pageSize: 5 })).rejects.toThrow(
      /keeps sending pages: page 7 .*totalCount 20/,
    );
  });

  it('a totalCount lower than what arrived is a warning, and every study is kept', async () => {
    mock = await startMockCtgov({ studies: makeStudies(70), totalCountBonus: -3 });
    const warnings: string[] = [];
    const recs = await collect({
      ...FAST,
      baseUrl: mock.baseUrl,
      pageSize: 100,
      onWarning: (w) => warnings.push(w),
    });
    expect(recs).toHaveLength(expectedIds(70).length);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      new RegExp(`reported ${expectedIds(70).length - 3} studies but ${expectedIds(70).length}`),
    );
  });
});

describe('quarantine', { timeout: 30_000 }, () => {
  it('a record failing validation is quarantined, the fetch finishes, and a re-run keeps it', async () => {
    const studies = [...makeStudies(60)];
    studies[7] = badStudy(7); // study 7 is an MSC study
    mock = await startMockCtgov({ studies });
    const q: QuarantinedRecord[] = [];
    const recs = await collect({
      ...FAST,
      baseUrl: mock.baseUrl,
      pageSize: 10,
      onQuarantine: (x) => q.push(x),
    });
    expect(recs.map((r) => r.study.nctId)).not.toContain(nctIdFor(7));
    expect(recs).toHaveLength(expectedIds(60).length - 1);
    expect(q).toHaveLength(1);
    expect(q[0]).toMatchObject({ nctId: nctIdFor(7) });
    expect(q[0]!.reason).toMatch(/field "protocolSection\.designModule\.phases": expected a list/);
    // without a quarantine callback the record stops the fetch, as before
    await expect(collect({ ...FAST, baseUrl: mock.baseUrl, pageSize: 10 })).rejects.toThrow(/NCT90000007/);
  });

  it('mscope fetch stores the quarantined record with its reason, prints its id, and --strict exits 1', async () => {
    const studies = [...makeStudies(40)];
    studies[2] = badStudy(2);
    mock = await startMockCtgov({ studies });
    const dir = await testDir();
    for (const strict of [false, true]) {
      const db = join(dir, `q-${strict}.duckdb`);
      const r = await runCli([
        '--db',
        db,
        'fetch',
        '--base-url',
        mock.baseUrl,
        ...CLI_FAST,
        ...(strict ? ['--strict'] : []),
      ]);
      expect(r.code, r.stderr).toBe(strict ? 1 : 0);
      expect(r.stderr).toMatch(/1 record\(s\) failed validation and were quarantined/);
      expect(r.stderr).toContain(nctIdFor(2));
      const store = await openStore(db, { readOnly: true });
      try {
        const snap = await store.getSnapshot();
        expect(snap.studyCount).toBe(expectedIds(40).length - 1);
        const rows = (
          await store
            .connection()
            .runAndReadAll('SELECT snapshot_id, nct_id, reason, raw_json FROM quarantine')
        ).getRowObjectsJS() as Array<{
          snapshot_id: number;
          nct_id: string;
          reason: string;
          raw_json: string;
        }>;
        expect(rows).toHaveLength(1);
        expect(rows[0]!.nct_id).toBe(nctIdFor(2));
        expect(Number(rows[0]!.snapshot_id)).toBe(snap.id);
        expect(rows[0]!.reason).toMatch(/phases/);
        expect(JSON.parse(rows[0]!.raw_json)).toEqual(studies[2]);
      } finally {
        await store.close();
      }
    }
  });
});

describe('registry out of reach, leftovers', { timeout: 60_000 }, () => {
  it('a refused connection or an unknown host fails at once with one line naming the offline command', async () => {
    const port = await closedPort();
    for (const base of [`http://127.0.0.1:${port}/api/v2`, 'http://mscope-no-such-host.invalid/api/v2']) {
      const dir = await testDir();
      const db = join(dir, 'atlas.duckdb');
      for (const cmd of [['fetch'], ['run', '--out', join(dir, 'rep')]]) {
        // default retries: a failure that was retried would take minutes (backoff), beyond this test's timeout
        const r = await runCli(['--db', db, ...cmd, '--base-url', base]);
        expect(r.code).toBe(1);
        const lines = r.stderr.trim().split('\n');
        expect(lines, r.stderr).toHaveLength(1);
        expect(lines[0]).toMatch(/cannot reach the ClinicalTrials\.gov API at .* --from FILE/);
        expect(lines[0]!.length).toBeLessThan(250);
        expect(await readdir(dir)).toEqual([]); // no database, no state file, no report
      }
    }
  });

  it('a failed first fetch (request rejected) leaves nothing behind; read commands never create a database', async () => {
    mock = await startMockCtgov({ studies: makeStudies(20), always: { kind: 'status', status: 400 } });
    const dir = await testDir();
    const db = join(dir, 'atlas.duckdb');
    const r = await runCli(['--db', db, 'fetch', '--base-url', mock.baseUrl, ...CLI_FAST]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/rejected the request/);
    for (const cmd of [
      ['classify'],
      ['studies'],
      ['snapshots'],
      ['report', '--out', join(dir, 'rep')],
      ['diff', '1', '2'],
    ]) {
      const c = await runCli(['--db', join(dir, 'misspelt.duckdb'), ...cmd]);
      expect(c.code, cmd.join(' ')).not.toBe(0);
      expect(c.stderr, cmd.join(' ')).toMatch(/no database here/);
    }
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('fetch --ids / --ids-from', { timeout: 30_000 }, () => {
  it('fetches the full records of the NCT ids found in any file, and names the ids the registry lacks', async () => {
    mock = await startMockCtgov({ studies: makeStudies(300) });
    const dir = await testDir();
    const want = [3, 17, 250, 251].map(nctIdFor);
    const csv = join(dir, 'export.csv');
    await writeFile(
      csv,
      `"NCT Number","Study Title","Study URL"\n${want.map((id) => `"${id}","Some title","https://clinicaltrials.gov/study/${id}"`).join('\n')}\n` +
        '"NCT99999999","Unknown","x"\n',
    );
    const db = join(dir, 'atlas.duckdb');
    const r = await runCli(['--db', db, 'fetch', '--base-url', mock.baseUrl, '--ids-from', csv, ...CLI_FAST]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: 1 of 5 NCT ids were not found in the registry: NCT99999999/);
    const store = await openStore(db, { readOnly: true });
    try {
      const snap = await store.getSnapshot();
      const ids: string[] = [];
      for await (const s of store.iterStudies(snap.id)) {
        ids.push(s.nctId);
        expect(s.briefSummary).toBeTruthy(); // the full record, not the export's title
      }
      expect(ids.sort()).toEqual(want);
    } finally {
      await store.close();
    }
    expect(
      mock
        .studiesRequests()
        .every((q) => q.params['filter.ids'] !== undefined && q.params['query.term'] === undefined),
    ).toBe(true);

    const byIds = await runCli([
      '--db',
      db,
      'fetch',
      '--base-url',
      mock.baseUrl,
      '--ids',
      `${nctIdFor(5)},${nctIdFor(6)}`,
      '--json',
      ...CLI_FAST,
    ]);
    expect(byIds.code, byIds.stderr).toBe(0);
    expect((JSON.parse(byIds.stdout) as { studyCount: number }).studyCount).toBe(2);
    const bad = await runCli(['--db', db, 'fetch', '--ids', 'NCT123']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/"NCT123" is not an NCT id/);
  });

  it('splits a long id list into requests of at most 100 ids', async () => {
    mock = await startMockCtgov({ studies: makeStudies(260) });
    const ids = Array.from({ length: 230 }, (_, i) => nctIdFor(i));
    const recs = [];
    const { fetchStudiesByIds } = await import('../../src/sources/live/client.js');
    for await (const r of fetchStudiesByIds(ids, { ...FAST, baseUrl: mock.baseUrl })) recs.push(r);
    expect(recs).toHaveLength(230);
    const sizes = mock.studiesRequests().map((q) => q.params['filter.ids']!.split(',').length);
    expect(sizes).toEqual([100, 100, 30]);
    void fetchStudies;
  });
});
