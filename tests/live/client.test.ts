import { readFile, writeFile, appendFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MscopeError } from '../../src/model/errors.js';
import type { StudyRecord } from '../../src/model/record.js';
import { fetchStudies, loadFetchState, spoolPathFor } from '../../src/sources/live/client.js';
import { FAST, collect, expectedIds, idsOf, tempDirsPerTest } from './helpers.js';
import { makeStudies, startMockCtgov, type Fault, type MockCtgov } from './mock-ctgov.js';

let mock: MockCtgov | undefined;
const withDir = tempDirsPerTest(async () => {
  await mock?.close();
  mock = undefined;
});

describe('fetchStudies: paging', { timeout: 20_000 }, () => {
  it('fetches every matching study exactly once across 1000-study pages', async () => {
    const N = 3000;
    mock = await startMockCtgov({ studies: makeStudies(N), dataTimestamp: '2026-11-20T09:00:06' });
    const progress: Array<{ fetched: number; total: number | null; page: number }> = [];
    const records = await collect({ ...FAST, baseUrl: mock.baseUrl, onProgress: (p) => progress.push(p) });
    const expected = expectedIds(N);
    expect(expected.length).toBeGreaterThan(2000); // so that 1000-study pages span 3 pages
    expect(idsOf(records)).toEqual(expected);

    const reqs = mock.studiesRequests();
    expect(reqs).toHaveLength(Math.ceil(expected.length / 1000));
    expect(reqs[0]!.params.countTotal).toBe('true');
    expect(reqs[0]!.params.pageSize).toBe('1000');
    expect(reqs[0]!.params.format).toBe('json');
    expect(reqs[0]!.params['query.term']).toContain('"mesenchymal stem cells"');
    expect(reqs[0]!.params.pageToken).toBeUndefined();
    for (const r of reqs.slice(1)) expect(r.params.pageToken).toBeTruthy();
    expect(progress.at(-1)).toEqual({ fetched: expected.length, total: expected.length, page: reqs.length });

    // provenance: live format, the search URL without token, registry version from /version, records numbered
    const s = records[0]!.study;
    expect(s.provenance.format).toBe('ctgov-v2-live');
    expect(s.provenance.registryVersion).toBe('2026-11-20T09:00:06');
    expect(new URL(s.provenance.file).searchParams.has('pageToken')).toBe(false);
    expect(records.map((r) => r.study.provenance.record)).toEqual(records.map((_, i) => i + 1));
    expect(
      (records[0]!.raw as { protocolSection: { identificationModule: { nctId: string } } }).protocolSection
        .identificationModule.nctId,
    ).toBe(s.nctId);
  });

  it('honours a user query and page size', async () => {
    mock = await startMockCtgov({ studies: makeStudies(200) });
    const records = await collect({
      ...FAST,
      baseUrl: mock.baseUrl,
      query: '"insulin glargine"',
      pageSize: 7,
    });
    const glargine = makeStudies(200).filter((s) => JSON.stringify(s).includes('Insulin glargine')).length;
    expect(records).toHaveLength(glargine);
    expect(mock.studiesRequests()).toHaveLength(Math.ceil(glargine / 7));
    for (const r of records) expect(r.study.briefTitle).toMatch(/Insulin Glargine/);
  });

  it('--since sends the LastUpdatePostDate filter and gets only recently updated studies', async () => {
    mock = await startMockCtgov({ studies: makeStudies(700) });
    const records = await collect({ ...FAST, baseUrl: mock.baseUrl, since: '2024-01-01', pageSize: 100 });
    for (const r of mock.studiesRequests()) {
      expect(r.params['filter.advanced']).toBe('AREA[LastUpdatePostDate]RANGE[2024-01-01,MAX]');
    }
    const expected = expectedIds(700, '2024-01-01');
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(expectedIds(700).length);
    expect(idsOf(records)).toEqual(expected);
  });

  it('de-duplicates an NCT id repeated across pages', async () => {
    mock = await startMockCtgov({ studies: makeStudies(300), repeatAcrossPages: true });
    const dir = await withDir();
    const statePath = join(dir, 'state.json');
    const records = await collect({ ...FAST, baseUrl: mock.baseUrl, pageSize: 40, statePath });
    expect(idsOf(records)).toEqual(expectedIds(300));
    const state = await loadFetchState(statePath);
    expect(state?.duplicates).toBe(mock.studiesRequests().length - 1);
  });

  it('keeps the rate limit between request starts (server-side timestamps)', async () => {
    mock = await startMockCtgov({ studies: makeStudies(100) });
    await collect({ ...FAST, baseUrl: mock.baseUrl, pageSize: 15, minIntervalMs: 120 });
    const at = mock.log.map((r) => r.at); // /version + 5 pages
    expect(at.length).toBeGreaterThanOrEqual(5);
    // arrival times at the server jitter under load (event loops of both sides): the spacing holds within 40%
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(70);
  });
});

describe('fetchStudies: faults are retried and every study arrives exactly once', { timeout: 20_000 }, () => {
  const N = 350; // 250 matching studies -> 5 pages of 50
  const faults: Array<[string, Fault]> = [
    ['429 with Retry-After seconds', { kind: '429', retryAfter: '0' }],
    ['429 without Retry-After', { kind: '429' }],
    ['500', { kind: 'status', status: 500 }],
    ['503', { kind: 'status', status: 503 }],
    ['slow response beyond the timeout', { kind: 'slow', ms: 6000 }],
    ['truncated body (Content-Length larger than sent)', { kind: 'truncated' }],
    ['cut JSON', { kind: 'cut-json' }],
    ['connection reset', { kind: 'reset' }],
    ['HTML error page with 200', { kind: 'html' }],
    ['JSON without studies', { kind: 'bad-shape' }],
  ];
  for (const [name, fault] of faults) {
    it(name, async () => {
      mock = await startMockCtgov({ studies: makeStudies(N), faults: { 2: fault, 4: fault } });
      const retries: string[] = [];
      const records = await collect({
        ...FAST,
        baseUrl: mock.baseUrl,
        pageSize: 50,
        timeoutMs: fault.kind === 'slow' ? 1500 : 5000,
        onRetry: (r) => retries.push(r.problem),
      });
      expect(idsOf(records)).toEqual(expectedIds(N));
      const reqs = mock.studiesRequests();
      expect(reqs[1]!.fault).toBe(fault.kind);
      expect(reqs[3]!.fault).toBe(fault.kind);
      // the faulty request was repeated for the same page
      expect(reqs[2]!.params.pageToken).toBe(reqs[1]!.params.pageToken);
      expect(reqs[4]!.params.pageToken).toBe(reqs[3]!.params.pageToken);
      expect(reqs).toHaveLength(5 + 2);
      expect(retries).toHaveLength(2);
    });
  }

  it('waits as long as Retry-After says (seconds and HTTP date)', async () => {
    // far enough ahead that a slow, loaded machine still reaches that request well before the date
    const date = new Date(Date.now() + 5000).toUTCString();
    mock = await startMockCtgov({
      studies: makeStudies(120),
      faults: { 1: { kind: '429', retryAfter: '1' }, 3: { kind: '429', retryAfter: date } },
    });
    const records = await collect({ ...FAST, baseUrl: mock.baseUrl, pageSize: 50, retryBaseMs: 1 });
    expect(idsOf(records)).toEqual(expectedIds(120));
    const reqs = mock.studiesRequests();
    expect(reqs[1]!.at - reqs[0]!.at).toBeGreaterThanOrEqual(900);
    expect(reqs[3]!.at - reqs[2]!.at).toBeGreaterThanOrEqual(500); // HTTP dates have 1 s resolution
  });
});

describe('fetchStudies: failing loudly', { timeout: 20_000 }, () => {
  it('persistent 503: MscopeError naming the URL, page and problem after maxRetries', async () => {
    mock = await startMockCtgov({ studies: makeStudies(100), always: { kind: 'status', status: 503 } });
    const got: StudyRecord[] = [];
    const err = await collect({ ...FAST, baseUrl: mock.baseUrl, maxRetries: 2 }, got).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(MscopeError);
    expect((err as Error).message).toMatch(
      /page 1 failed after 3 attempt\(s\): GET http:\/\/127\.0\.0\.1:\d+\/api\/v2\/studies\?/,
    );
    expect((err as Error).message).toMatch(/HTTP 503/);
    expect(mock.studiesRequests()).toHaveLength(3);
    expect(got).toHaveLength(0);
  });

  it('outage in the middle: the pages before are delivered, then an error (never a short success)', async () => {
    const faults: Record<number, Fault> = {};
    for (let n = 3; n < 50; n++) faults[n] = { kind: 'reset' };
    mock = await startMockCtgov({ studies: makeStudies(350), faults });
    const got: StudyRecord[] = [];
    const err = await collect({ ...FAST, baseUrl: mock.baseUrl, pageSize: 50, maxRetries: 3 }, got).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(MscopeError);
    expect((err as Error).message).toMatch(/page 3 failed after 4 attempt/);
    expect(got).toHaveLength(100);
  });

  it('a Retry-After longer than we are willing to wait fails at once, saying so', async () => {
    mock = await startMockCtgov({
      studies: makeStudies(10),
      faults: { 1: { kind: '429', retryAfter: '3600' } },
    });
    await expect(collect({ ...FAST, baseUrl: mock.baseUrl, retryAfterMaxMs: 1000 })).rejects.toThrow(
      /asked to wait 3600 s \(Retry-After\) before page 1, longer than the 1 s we wait/,
    );
    expect(mock.studiesRequests()).toHaveLength(1);
  });

  it('state in a new folder is created; an unwritable state path is a clear error', async () => {
    mock = await startMockCtgov({ studies: makeStudies(30) });
    const dir = await withDir();
    const nested = join(dir, 'a', 'b', 'state.json');
    expect(idsOf(await collect({ ...FAST, baseUrl: mock.baseUrl, statePath: nested }))).toEqual(
      expectedIds(30),
    );
    await writeFile(join(dir, 'file'), 'x');
    await expect(
      collect({ ...FAST, baseUrl: mock.baseUrl, statePath: join(dir, 'file', 'state.json') }),
    ).rejects.toThrow(MscopeError);
  });

  it('persistent HTML instead of JSON is named as such', async () => {
    mock = await startMockCtgov({ studies: makeStudies(10), always: { kind: 'html' } });
    await expect(collect({ ...FAST, baseUrl: mock.baseUrl, maxRetries: 1 })).rejects.toThrow(
      /HTML page instead of JSON/,
    );
  });

  it('a rejected request (400) fails at once, with the API message', async () => {
    mock = await startMockCtgov({ studies: makeStudies(10) });
    await expect(collect({ ...FAST, baseUrl: mock.baseUrl, query: '"unbalanced' })).rejects.toThrow(
      /rejected the request for page 1 .*HTTP 400.*unbalanced/,
    );
    expect(mock.studiesRequests()).toHaveLength(1);
  });

  it('fewer unique studies than the reported totalCount is an error', async () => {
    mock = await startMockCtgov({ studies: makeStudies(100), totalCountBonus: 3 });
    const got: StudyRecord[] = [];
    const err = await collect({ ...FAST, baseUrl: mock.baseUrl, pageSize: 30 }, got).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MscopeError);
    expect((err as Error).message).toMatch(
      new RegExp(`reported ${got.length + 3} studies .* only ${got.length} unique`),
    );
  });

  it('an unreadable study names the page and the study', async () => {
    const studies = makeStudies(20);
    (
      studies[1] as { protocolSection: { identificationModule: { nctId: string } } }
    ).protocolSection.identificationModule.nctId = 'BAD-ID';
    mock = await startMockCtgov({ studies });
    await expect(collect({ ...FAST, baseUrl: mock.baseUrl, pageSize: 50 })).rejects.toThrow(
      /page 1, study \d+\): cannot read study BAD-ID/,
    );
  });

  it('bad options are usage errors before any request', async () => {
    mock = await startMockCtgov({ studies: makeStudies(10) });
    for (const opts of [{ since: '2024-1-1' }, { pageSize: 5000 }, { baseUrl: 'nope' }, { maxRetries: -1 }]) {
      const err = await collect({ ...FAST, baseUrl: mock.baseUrl, ...opts }).catch((e: unknown) => e);
      expect(err, JSON.stringify(opts)).toBeInstanceOf(MscopeError);
      expect((err as MscopeError).exitCode).toBe(2);
    }
    expect(mock.log).toHaveLength(0);
  });
});

describe('fetchStudies: resume', { timeout: 20_000 }, () => {
  const N = 350;

  it('abort mid-run, re-run with the same state: every study exactly once, finished pages not re-fetched', async () => {
    mock = await startMockCtgov({ studies: makeStudies(N) });
    const statePath = join(await withDir(), 'fetch.json');
    const abort = new AbortController();
    const first: StudyRecord[] = [];
    const err = await collect(
      {
        ...FAST,
        baseUrl: mock.baseUrl,
        pageSize: 50,
        statePath,
        signal: abort.signal,
        onProgress: (p) => p.page === 2 && abort.abort(),
      },
      first,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MscopeError);
    expect((err as Error).message).toMatch(
      /interrupted; 100 studies from 2 page\(s\) saved in .*fetch\.json, re-run to resume/,
    );
    expect(first).toHaveLength(100);
    const saved = await loadFetchState(statePath);
    expect(saved).toMatchObject({ pagesDone: 2, count: 100, complete: false });
    const before = mock.studiesRequests().length;

    const second = await collect({ ...FAST, baseUrl: mock.baseUrl, pageSize: 50, statePath });
    expect(idsOf(second)).toEqual(expectedIds(N));
    const resumed = mock.studiesRequests().slice(before);
    expect(resumed).toHaveLength(3);
    expect(resumed[0]!.params.pageToken).toBe(saved!.nextPageToken);
    // replayed records keep their original provenance numbering
    expect(second.map((r) => r.study.provenance.record)).toEqual(second.map((_, i) => i + 1));
  });

  it('with replay=false the resumed run yields only the rest: both runs together give each study once', async () => {
    mock = await startMockCtgov({ studies: makeStudies(N) });
    const statePath = join(await withDir(), 'fetch.json');
    const first: StudyRecord[] = [];
    const gen = fetchStudies({ ...FAST, baseUrl: mock.baseUrl, pageSize: 50, statePath });
    for await (const r of gen) {
      first.push(r);
      if (first.length === 50) break; // consumer stops at a page boundary
    }
    const second = await collect({ ...FAST, baseUrl: mock.baseUrl, pageSize: 50, statePath, replay: false });
    expect(idsOf([...first, ...second])).toEqual(expectedIds(N));
  });

  it('consumer stops mid-page: the replaying re-run still delivers everything once', async () => {
    mock = await startMockCtgov({ studies: makeStudies(N) });
    const statePath = join(await withDir(), 'fetch.json');
    let n = 0;
    for await (const _ of fetchStudies({ ...FAST, baseUrl: mock.baseUrl, pageSize: 50, statePath })) {
      if (++n === 73) break;
    }
    const again = await collect({ ...FAST, baseUrl: mock.baseUrl, pageSize: 50, statePath });
    expect(idsOf(again)).toEqual(expectedIds(N));
  });

  it('a crash between spool append and state save is repaired (uncommitted tail dropped)', async () => {
    mock = await startMockCtgov({ studies: makeStudies(N) });
    const statePath = join(await withDir(), 'fetch.json');
    const abort = new AbortController();
    await collect({
      ...FAST,
      baseUrl: mock.baseUrl,
      pageSize: 50,
      statePath,
      signal: abort.signal,
      onProgress: (p) => p.page === 1 && abort.abort(),
    }).catch(() => undefined);
    const committed = (await stat(spoolPathFor(statePath))).size;
    await appendFile(spoolPathFor(statePath), '{"prov":{"half a line');
    const again = await collect({ ...FAST, baseUrl: mock.baseUrl, pageSize: 50, statePath });
    expect(idsOf(again)).toEqual(expectedIds(N));
    expect((await stat(spoolPathFor(statePath))).size).toBeGreaterThan(committed);
  });

  it('a completed state replays without any request', async () => {
    mock = await startMockCtgov({ studies: makeStudies(120) });
    const statePath = join(await withDir(), 'fetch.json');
    await collect({ ...FAST, baseUrl: mock.baseUrl, pageSize: 50, statePath });
    const before = mock.log.length;
    const again = await collect({ ...FAST, baseUrl: mock.baseUrl, pageSize: 50, statePath });
    expect(idsOf(again)).toEqual(expectedIds(120));
    expect(mock.log.length).toBe(before);
  });

  it('refuses a state file of a different search, and a damaged one', async () => {
    mock = await startMockCtgov({ studies: makeStudies(60) });
    const statePath = join(await withDir(), 'fetch.json');
    await collect({ ...FAST, baseUrl: mock.baseUrl, pageSize: 50, statePath });
    const err = await collect({ ...FAST, baseUrl: mock.baseUrl, statePath, since: '2020-01-01' }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(MscopeError);
    expect((err as MscopeError).exitCode).toBe(2);
    expect((err as Error).message).toMatch(/belongs to a different fetch \(since \(none\)\)/);

    const text = await readFile(statePath, 'utf8');
    await writeFile(statePath, text.slice(0, 30));
    await expect(collect({ ...FAST, baseUrl: mock.baseUrl, statePath })).rejects.toThrow(
      /fetch\.json: fetch state is not valid JSON/,
    );
  });
});
