/**
 * The dashboard API on a small hand-made database (tests/server/fixture.ts, ingested through the store API):
 * every endpoint, filter/sort/paging semantics checked against the analyze/ functions, invalid parameters
 * (400 naming the parameter, database unchanged), injection attempts, path traversal, methods and headers.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyFilter, filterFromQuery } from '../../src/analyze/filter.js';
import { computeMetrics } from '../../src/analyze/metrics.js';
import type { ClassifiedStudy } from '../../src/analyze/types.js';
import { startServer, type RunningServer } from '../../src/present/server/index.js';
import { createFixtureDb, fixtureLabels, fixtureStudies, FIXTURE_COUNT, nct } from './fixture.js';
import { get, rawRequest } from './http.js';

let dir: string;
let db: string;
let server: RunningServer;
let base: string;
let dbHash: string;

const hashFile = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

/** The fixture as the analyze functions see it (independent of the server's loading code). */
function fixtureRows(): ClassifiedStudy[] {
  const labels = new Map(fixtureLabels().map((l) => [l.nctId, l]));
  return fixtureStudies().map((study) => ({ study, labels: labels.get(study.nctId) ?? null }));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies are checked field by field
async function json(path: string): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(base + path);
  return { status: res.status, body: await res.json(), headers: res.headers };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mscope-server-'));
  db = join(dir, 'fixture.duckdb');
  await createFixtureDb(db);
  dbHash = hashFile(db);
  server = await startServer({ dbPath: db, snapshot: 'fixture', port: 0 });
  base = server.url.replace(/\/$/, '');
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GET /api/snapshots and /api/meta', () => {
  it('lists both snapshots with the started one as default', async () => {
    const { status, body } = await json('/api/snapshots');
    expect(status).toBe(200);
    expect(body.snapshots.map((s: { label: string }) => s.label)).toEqual(['fixture', 'small']);
    const fixture = body.snapshots.find((s: { label: string }) => s.label === 'fixture');
    expect(body.defaultSnapshotId).toBe(fixture.id);
    expect(fixture.studyCount).toBe(FIXTURE_COUNT);
  });

  it('gives every facet value with its count, consistent with filtering by it', async () => {
    const { status, body } = await json('/api/meta');
    expect(status).toBe(200);
    expect(body.studies).toBe(FIXTURE_COUNT);
    expect(body.labelled).toBe(fixtureLabels().length);
    expect(body.rulesetVersion).toBe('test-1');
    const cats = fixtureLabels().map((l) => l.category);
    for (const { value, count } of body.facets.category)
      expect(count).toBe(cats.filter((c) => c === value).length);
    // every listed value is a valid filter value selecting exactly `count` studies
    for (const facet of ['category', 'source', 'route', 'phase', 'status', 'country', 'donor', 'specialty']) {
      for (const { value, count } of body.facets[facet]) {
        const r = await json(`/api/studies?${facet}=${encodeURIComponent(value)}&pageSize=1`);
        expect(r.status, `${facet}=${value}`).toBe(200);
        expect(r.body.total, `${facet}=${value}`).toBe(count);
      }
    }
  });
});

describe('GET /api/studies', () => {
  it('returns all studies by default with the documented row fields', async () => {
    const { status, body } = await json('/api/studies');
    expect(status).toBe(200);
    expect(body.total).toBe(FIXTURE_COUNT);
    expect(body.page).toBe(1);
    const row = body.rows.find((r: { nctId: string }) => r.nctId === nct(1002));
    expect(row).toMatchObject({
      title: 'Bone marrow MSC in ARDS',
      phase: 'PHASE2',
      status: 'RECRUITING',
      enrollment: 120,
      category: 'msc_cells',
      sources: ['bone_marrow'],
      donor: 'allogeneic',
      routes: ['intravenous'],
      specialty: 'pneumology',
      countries: ['United States', 'Spain'],
      url: `https://clinicaltrials.gov/study/${nct(1002)}`,
    });
    const unlabelled = body.rows.find((r: { nctId: string }) => r.nctId === nct(1008));
    expect(unlabelled.category).toBeNull();
  });

  it.each([
    'phase=PHASE2',
    'country=spain&phase=PHASE2',
    'category=msc_cells&route=intravenous',
    'source=bone_marrow,adipose',
    'source=bone_marrow&source=adipose',
    'covid19=true',
    'included=false',
    'text=CORD',
    'first-posted-from=2016&firstPostedTo=2020-06',
    'status=completed&studyType=INTERVENTIONAL',
    'source=unspecified',
    'country=(no location)',
  ])('filter %s matches applyFilter on the same rows', async (qs) => {
    const { status, body } = await json(`/api/studies?${qs}&pageSize=500`);
    expect(status).toBe(200);
    const params: Record<string, string[]> = {};
    for (const [k, v] of new URLSearchParams(qs)) params[k] = [...(params[k] ?? []), v];
    const expected = applyFilter(fixtureRows(), filterFromQuery(params)).map((r) => r.study.nctId);
    expect(body.total).toBe(expected.length);
    expect(body.rows.map((r: { nctId: string }) => r.nctId).sort()).toEqual([...expected].sort());
  });

  it('sorts with nulls last in both orders and pages without gaps or repeats', async () => {
    for (const order of ['asc', 'desc']) {
      const ids: string[] = [];
      const enr: Array<number | null> = [];
      for (let page = 1; page <= 3; page++) {
        const { body } = await json(`/api/studies?sort=enrollment&order=${order}&pageSize=3&page=${page}`);
        expect(body.total).toBe(FIXTURE_COUNT);
        for (const r of body.rows) {
          ids.push(r.nctId);
          enr.push(r.enrollment);
        }
      }
      expect(new Set(ids).size).toBe(FIXTURE_COUNT);
      const nums = enr.filter((e): e is number => e !== null);
      expect(enr.slice(nums.length).every((e) => e === null)).toBe(true);
      const sorted = [...nums].sort((a, b) => (order === 'asc' ? a - b : b - a));
      expect(nums).toEqual(sorted);
    }
    const titles = (await json('/api/studies?sort=title&pageSize=500')).body.rows.map(
      (r: { title: string }) => r.title.toLowerCase(),
    );
    expect(titles).toEqual([...titles].sort());
    const past = await json('/api/studies?page=99&pageSize=5');
    expect(past.status).toBe(200);
    expect(past.body.rows).toEqual([]);
  });

  it('switches snapshot per request (by label or id)', async () => {
    const snaps = (await json('/api/snapshots')).body.snapshots;
    const small = snaps.find((s: { label: string }) => s.label === 'small');
    for (const ref of ['small', String(small.id)]) {
      const { status, body } = await json(`/api/studies?snapshot=${ref}`);
      expect(status).toBe(200);
      expect(body.snapshotId).toBe(small.id);
      expect(body.total).toBe(3);
      expect(body.rows.every((r: { category: unknown }) => r.category === null)).toBe(true);
    }
    expect((await json('/api/studies')).body.total).toBe(FIXTURE_COUNT);
  });
});

describe('GET /api/studies/:nct', () => {
  it('returns the normalized record, labels and evidence that quotes the record', async () => {
    const { status, body } = await json(`/api/studies/${nct(1001)}`);
    expect(status).toBe(200);
    expect(body.study.nctId).toBe(nct(1001));
    expect(body.labels.category).toBe('msc_cells');
    expect(body.links.registry).toBe(`https://clinicaltrials.gov/study/${nct(1001)}`);
    expect(body.evidence.length).toBeGreaterThan(0);
    for (const e of body.evidence) expect(body.study[e.field].slice(e.start, e.end)).toBe(e.text);
    expect(body.links.references).toEqual([]);
    expect(body.links.publications).toEqual([]);
    const withRef = (await json(`/api/studies/${nct(1003)}`)).body;
    expect(withRef.links.references).toEqual([
      {
        pmid: '12345678',
        type: 'RESULT',
        citation: 'A hand-written citation for the fixture.',
        url: 'https://pubmed.ncbi.nlm.nih.gov/12345678/',
      },
    ]);
    const lower = await json(`/api/studies/${nct(1001).toLowerCase()}`);
    expect(lower.status).toBe(200);
  });

  it('400 on a malformed id, 404 on an unknown one', async () => {
    const bad = await json('/api/studies/NCT123');
    expect(bad.status).toBe(400);
    expect(bad.body.parameter).toBe('nct');
    const inj = await json(`/api/studies/${encodeURIComponent("NCT00001001' OR '1'='1")}`);
    expect(inj.status).toBe(400);
    const missing = await json(`/api/studies/${nct(9999)}`);
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatch(/NCT00009999/);
  });
});

describe('GET /api/metrics', () => {
  it('equals computeMetrics on the filtered rows, for several filters', async () => {
    for (const qs of [
      '',
      'phase=PHASE2',
      'source=bone_marrow&onlyIncluded=false',
      'country=China&yearBasis=start',
      // a first-posted range only: counted from the range table, no selection made
      'firstPostedFrom=2015',
      'firstPostedFrom=2012&firstPostedTo=2019-06&onlyIncluded=false',
      'firstPostedTo=2016-06-30&yearBasis=start',
    ]) {
      const { status, body } = await json(`/api/metrics${qs ? `?${qs}` : ''}`);
      expect(status, qs).toBe(200);
      const q = new URLSearchParams(qs);
      const rows = applyFilter(
        fixtureRows(),
        filterFromQuery(
          Object.fromEntries([...q].filter(([k]) => k !== 'onlyIncluded' && k !== 'yearBasis')),
        ),
      );
      const expected = computeMetrics(rows, {
        onlyIncluded: q.get('onlyIncluded') !== 'false',
        yearBasis: (q.get('yearBasis') as 'start' | null) ?? 'firstPosted',
        omitNctIds: true,
      });
      expect(body.metrics).toEqual(JSON.parse(JSON.stringify(expected)));
    }
  });

  it('returns only the asked parts, gzip-compressed for clients that accept it', async () => {
    const full = (await json('/api/metrics')).body.metrics;
    const { status, body } = await json('/api/metrics?parts=tables,summary');
    expect(status).toBe(200);
    expect(Object.keys(body.metrics)).toEqual(['summary', 'tables']);
    expect(body.metrics.tables).toEqual(full.tables);
    const bad = await json('/api/metrics?parts=summary,secrets');
    expect(bad.status).toBe(400);
    expect(bad.body.parameter).toBe('parts');
    const raw = await rawRequest(server.port, get('/api/metrics', { 'Accept-Encoding': 'gzip, deflate' }));
    expect(raw.status).toBe(200);
    expect(raw.headers['content-encoding']).toBe('gzip');
    // and plain JSON for a client that does not accept it
    const plain = await rawRequest(server.port, get('/api/metrics'));
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toContain('"metrics":{');
  });

  it('keeps NCT ids only when asked', async () => {
    const withIds = (await json('/api/metrics?ids=true')).body.metrics.tables.sources.rows;
    expect(withIds.some((r: { nctIds: string[] }) => r.nctIds.length > 0)).toBe(true);
    const without = (await json('/api/metrics')).body.metrics.tables.sources.rows;
    expect(without.every((r: { nctIds: string[] }) => r.nctIds.length === 0)).toBe(true);
  });
});

describe('GET /api/export.csv', () => {
  it('streams every matching row, in the requested order, with formula cells neutralized', async () => {
    const res = await fetch(`${base}/api/export.csv?sort=enrollment&order=desc`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="mscope-snapshot-\d+\.csv"/);
    const records = parse((await res.text()).replace(/^\ufeff/, ''), { columns: true }) as Array<
      Record<string, string>
    >;
    const page = (await json('/api/studies?sort=enrollment&order=desc&pageSize=500')).body;
    expect(records.map((r) => r.nct_id)).toEqual(page.rows.map((r: { nctId: string }) => r.nctId));
    const formula = records.find((r) => r.nct_id === nct(1008))!;
    expect(formula.title?.startsWith("'=")).toBe(true);
    const spain = (await fetch(`${base}/api/export.csv?country=Spain`).then((r) => r.text()))
      .trim()
      .split('\n');
    expect(spain.length - 1).toBe((await json('/api/studies?country=Spain')).body.total);
  });
});

describe('invalid parameters: 400 naming the parameter, database unchanged', () => {
  const cases: Array<[string, string, number?]> = [
    ['/api/studies?bogus=1', 'bogus'],
    ['/api/studies?category=cells', 'category'],
    ['/api/studies?source=bone_marow', 'source'],
    ['/api/studies?covid19=maybe', 'covid19'],
    ['/api/studies?firstPostedFrom=2020-13', 'firstPostedFrom'],
    ['/api/studies?text=a&text=b', 'text'],
    ['/api/studies?sort=drop', 'sort'],
    ['/api/studies?order=up', 'order'],
    ['/api/studies?page=0', 'page'],
    ['/api/studies?page=1e3', 'page'],
    ['/api/studies?pageSize=501', 'pageSize'],
    ['/api/studies?pageSize=-1', 'pageSize'],
    ['/api/studies?page=1&page=2', 'page'],
    [`/api/studies?snapshot=${encodeURIComponent("'; DROP TABLE studies; --")}`, 'snapshot'],
    ['/api/studies?snapshot=999', 'snapshot', 404],
    [`/api/studies?text=${'x'.repeat(5000)}`, 'text'],
    [`/api/studies?country=${Array.from({ length: 150 }, () => 'Spain').join('&country=')}`, 'country'],
    ['/api/metrics?onlyIncluded=perhaps', 'onlyIncluded'],
    ['/api/metrics?page=2', 'page'],
    ['/api/meta?phase=PHASE1', 'phase'],
    ['/api/snapshots?x=1', 'x'],
    ['/api/export.csv?pageSize=5', 'pageSize'],
    [`/api/studies/${nct(1001)}?sort=title`, 'sort'],
  ];
  it.each(cases)('%s -> error naming "%s"', async (path, parameter, status = 400) => {
    const { status: got, body, headers } = await json(path);
    expect(got).toBe(status);
    expect(headers.get('content-type')).toMatch(/^application\/json/);
    expect(body.parameter).toBe(parameter);
    expect(typeof body.error).toBe('string');
    expect(body.error.length).toBeGreaterThan(5);
  });

  it('too many distinct parameters is a 400', async () => {
    const qs = Array.from({ length: 60 }, (_, i) => `p${i}=1`).join('&');
    const { status, body } = await json(`/api/studies?${qs}`);
    expect(status).toBe(400);
    expect(body.parameter).toMatch(/^p\d+$/);
  });

  it('a huge URL is refused before any work', async () => {
    const res = await fetch(`${base}/api/studies?text=${'y'.repeat(9000)}`);
    expect([400, 414, 431]).toContain(res.status);
    const raw = await rawRequest(server.port, get(`/api/studies?text=${'z'.repeat(40_000)}`));
    expect([414, 431]).toContain(raw.status);
  });

  it('SQL-looking values are plain data', async () => {
    const { status, body } = await json(
      `/api/studies?text=${encodeURIComponent("'); DROP TABLE studies; --")}`,
    );
    expect(status).toBe(200);
    expect(body.rows.map((r: { nctId: string }) => r.nctId)).toEqual([nct(1007)]);
    const c = await json(`/api/studies?country=${encodeURIComponent("x' OR 1=1 --")}`);
    expect(c.status).toBe(200);
    expect(c.body.total).toBe(0);
  });

  it('the database file is byte-for-byte unchanged and still complete', async () => {
    expect(hashFile(db)).toBe(dbHash);
    const { body } = await json('/api/studies?pageSize=1');
    expect(body.total).toBe(FIXTURE_COUNT);
  });
});

describe('static files, methods and headers', () => {
  it('serves the built page and assets from memory, gzip when accepted, 304 on a matching ETag', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<script type="module" src="/app.js"></script>');
    const raw = await rawRequest(server.port, get('/app.js', { 'Accept-Encoding': 'gzip' }));
    expect(raw.status).toBe(200);
    expect(raw.headers['content-encoding']).toBe('gzip');
    expect(raw.headers['content-type']).toMatch(/^text\/javascript/);
    const etag = raw.headers.etag!;
    const again = await rawRequest(server.port, get('/app.js', { 'If-None-Match': etag }));
    expect(again.status).toBe(304);
  });

  it.each([
    '/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/app.js/../../../package.json',
    '//etc/passwd',
    '/..%2f..%2fetc%2fpasswd',
    '/dist/web/app.js',
    '/src/present/server/app.ts',
  ])('no path traversal: %s', async (path) => {
    const res = await rawRequest(server.port, get(path));
    expect([400, 404]).toContain(res.status);
    expect(res.body).not.toMatch(/root:|"name": "mscope"|import /);
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])('%s is refused with 405', async (method) => {
    const res = await fetch(`${base}/api/studies`, {
      method,
      body: method === 'POST' || method === 'PUT' || method === 'PATCH' ? 'x' : undefined,
    });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });

  it('HEAD answers without a body; a GET with a body is refused', async () => {
    const head = await fetch(`${base}/api/studies`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const withBody = await rawRequest(
      server.port,
      `GET /api/studies HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello`,
    );
    expect(withBody.status).toBe(413);
  });

  it('a port in use is a clear error', async () => {
    await expect(startServer({ dbPath: db, port: server.port })).rejects.toThrow(
      new RegExp(`127\\.0\\.0\\.1:${server.port}: EADDRINUSE`),
    );
  });

  it('rejects foreign Host headers (DNS rebinding) while bound to loopback', async () => {
    const res = await rawRequest(
      server.port,
      `GET /api/snapshots HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n`,
    );
    expect(res.status).toBe(421);
    const ok = await rawRequest(
      server.port,
      `GET /api/snapshots HTTP/1.1\r\nHost: localhost:${server.port}\r\nConnection: close\r\n\r\n`,
    );
    expect(ok.status).toBe(200);
  });

  it('sets the security headers on pages, API answers and errors', async () => {
    for (const path of ['/', '/api/studies', '/api/studies?bogus=1', '/nope']) {
      const res = await fetch(base + path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(csp).toContain("style-src 'self'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });
});
