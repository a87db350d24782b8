/**
 * The decisions API: the only writes of the dashboard server. A cross-site POST, a wrong Host, a missing or
 * wrong token, a wrong content type and malformed bodies are each rejected with 4xx and change nothing (the
 * database file hash and the API's answers are the same before and after); a good write is stored and the
 * dashboard's numbers follow at once (the in-memory compact rows are updated: every body then equals that of a
 * server freshly loaded from the database); --read-only refuses every write.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createApp,
  createDatasetSource,
  startServer,
  type RunningServer,
} from '../../src/present/server/index.js';
import { openStore } from '../../src/store/index.js';
import { createFixtureDb, nct } from './fixture.js';
import { rawRequest } from './http.js';

let dir: string;
let db: string;
let server: RunningServer;
let base: string;

const hashFile = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const good = {
  nctId: nct(1001),
  field: 'category',
  value: 'unrelated',
  reviewer: 'ana',
  note: 'arms are lab work',
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mscope-writes-'));
  db = join(dir, 'fixture.duckdb');
  await createFixtureDb(db);
  server = await startServer({ dbPath: db, snapshot: 'fixture', port: 0 });
  base = server.url.replace(/\/$/, '');
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

function post(
  body: string,
  headers: Record<string, string>,
  host = `127.0.0.1:${server.port}`,
  path = '/api/decisions',
) {
  const all = {
    Host: host,
    'Content-Length': String(Buffer.byteLength(body)),
    Connection: 'close',
    ...headers,
  };
  return rawRequest(
    server.port,
    `POST ${path} HTTP/1.1\r\n${Object.entries(all)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('')}\r\n${body}`,
  );
}

const okHeaders = () => ({
  'Content-Type': 'application/json',
  'X-Mscope-Token': server.writeToken!,
  Origin: `http://127.0.0.1:${server.port}`,
});

async function included(): Promise<number> {
  const res = await fetch(`${base}/api/metrics?parts=summary&onlyIncluded=false`);
  return ((await res.json()) as { metrics: { summary: { included: number } } }).metrics.summary.included;
}

describe('decisions API guards', () => {
  it('embeds the per-server token in the page', async () => {
    const html = await (await fetch(`${base}/`)).text();
    expect(server.writeToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(html).toContain(`<meta name="mscope-token" content="${server.writeToken}" />`);
  });

  it.each([
    [
      'a cross-site POST (foreign Origin)',
      () => post(JSON.stringify(good), { ...okHeaders(), Origin: 'http://evil.example' }),
      403,
    ],
    [
      'a cross-site POST (Sec-Fetch-Site)',
      () => post(JSON.stringify(good), { ...okHeaders(), 'Sec-Fetch-Site': 'cross-site' }),
      403,
    ],
    [
      'a wrong Host (DNS rebinding)',
      () => post(JSON.stringify(good), okHeaders(), `evil.example:${server.port}`),
      421,
    ],
    ['a missing token', () => post(JSON.stringify(good), { ...okHeaders(), 'X-Mscope-Token': '' }), 403],
    [
      'a wrong token',
      () => post(JSON.stringify(good), { ...okHeaders(), 'X-Mscope-Token': 'x'.repeat(43) }),
      403,
    ],
    [
      'a form post (text/plain)',
      () => post(JSON.stringify(good), { ...okHeaders(), 'Content-Type': 'text/plain' }),
      415,
    ],
    [
      'a form post (urlencoded)',
      () =>
        post('nctId=NCT00001001', { ...okHeaders(), 'Content-Type': 'application/x-www-form-urlencoded' }),
      415,
    ],
    ['a body that is not JSON', () => post('{"nctId": ', okHeaders()), 400],
    ['an unknown field', () => post(JSON.stringify({ ...good, field: 'colour' }), okHeaders()), 400],
    [
      'a value outside the vocabulary',
      () => post(JSON.stringify({ ...good, value: 'msc_cellz' }), okHeaders()),
      400,
    ],
    ['an extra key', () => post(JSON.stringify({ ...good, admin: true }), okHeaders()), 400],
    [
      'a bad NCT id',
      () => post(JSON.stringify({ ...good, nctId: "NCT1'; DROP TABLE decisions; --" }), okHeaders()),
      400,
    ],
    [
      'a trial not in the snapshot',
      () => post(JSON.stringify({ ...good, nctId: 'NCT99999999' }), okHeaders()),
      404,
    ],
    [
      'a PUT without a token',
      () =>
        post(
          JSON.stringify({ value: 'unrelated', reviewer: 'ana' }),
          { ...okHeaders(), 'X-Mscope-Token': '' },
          undefined,
          `/api/decisions/${nct(1001)}/category`,
        ),
      403,
    ],
    ['a body too large', () => post(JSON.stringify({ ...good, note: 'x'.repeat(70_000) }), okHeaders()), 413],
    ['a POST to another path', () => post(JSON.stringify(good), okHeaders(), undefined, '/api/studies'), 405],
  ])('%s is rejected and changes nothing', async (_name, send, status) => {
    const before = hashFile(db);
    const count = await included();
    const res = await send();
    expect(res.status).toBe(status);
    expect(JSON.parse(res.body)).toHaveProperty('error');
    expect(hashFile(db)).toBe(before);
    expect(await included()).toBe(count);
  });

  it('a good write is stored, changes the counts, and survives a restart', async () => {
    const before = await included();
    const res = await fetch(`${base}/api/decisions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Mscope-Token': server.writeToken! },
      body: JSON.stringify(good),
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { added: Array<{ classifierValue: string; rulesetVersion: string }> };
    expect(body.added[0]).toMatchObject({ classifierValue: 'msc_cells', rulesetVersion: 'test-1' });
    expect(await included()).toBe(before - 1);
    const detail = (await (await fetch(`${base}/api/studies/${nct(1001)}`)).json()) as {
      labels: { category: string };
      review: { classifier: { category: string }; fields: { category: { agrees: boolean } } };
    };
    expect(detail.labels.category).toBe('unrelated');
    expect(detail.review.classifier.category).toBe('msc_cells');
    expect(detail.review.fields.category.agrees).toBe(false);
    const put = await fetch(`${base}/api/decisions/${nct(1002)}/routes`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'X-Mscope-Token': server.writeToken! },
      body: JSON.stringify({ value: ['intravenous'], reviewer: 'ana' }),
    });
    expect(put.status).toBe(201);
    const meta = (await (await fetch(`${base}/api/meta`)).json()) as { review: { trialsReviewed: number } };
    expect(meta.review.trialsReviewed).toBe(2);
    const reviewed = (await (await fetch(`${base}/api/studies?review=reviewed`)).json()) as { total: number };
    expect(reviewed.total).toBe(2);

    await server.close();
    const store = await openStore(db, { readOnly: true });
    expect((await store.listDecisions()).map((d) => [d.nctId, d.field])).toEqual([
      [nct(1001), 'category'],
      [nct(1002), 'routes'],
    ]);
    await store.close();
    server = await startServer({ dbPath: db, snapshot: 'fixture', port: 0 });
    base = server.url.replace(/\/$/, '');
    expect(await included()).toBe(before - 1);
  });
});

interface Summary {
  studies: number;
  included: number;
}
const json = async <T>(url: string): Promise<T> => (await (await fetch(url)).json()) as T;

describe('a decision updates the loaded dataset', () => {
  it('counts before and after; every body equals a fresh load from the database', async () => {
    const d2 = mkdtempSync(join(tmpdir(), 'mscope-writes-mem-'));
    const db2 = join(d2, 'fixture.duckdb');
    await createFixtureDb(db2);
    const srv = await startServer({ dbPath: db2, snapshot: 'fixture', port: 0 });
    const at = srv.url.replace(/\/$/, '');
    const write = (body: unknown) =>
      fetch(`${at}/api/decisions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Mscope-Token': srv.writeToken! },
        body: JSON.stringify(body),
      });
    try {
      const summary = async (q = '') =>
        (
          await json<{ metrics: { summary: Summary } }>(
            `${at}/api/metrics?onlyIncluded=false&parts=summary${q}`,
          )
        ).metrics.summary;
      const total = async (q: string) => (await json<{ total: number }>(`${at}/api/studies?${q}`)).total;
      const facet = async (name: string, value: string) =>
        (
          await json<{ facets: Record<string, Array<{ value: string; count: number }>> }>(`${at}/api/meta`)
        ).facets[name]!.find((f) => f.value === value)?.count ?? 0;

      const before = {
        summary: await summary(),
        included: await total('included=true'),
        unrelated: await facet('category', 'unrelated'),
        ivRoute: await total('route=intravenous'),
        intrathecal: await total('route=intrathecal'),
        reviewed: await total('review=reviewed'),
        disagrees: await total('review=disagrees'),
        china: await summary('&country=China'),
      };
      expect(before.reviewed).toBe(0);
      // a category decision that excludes an included trial, a route set, and a decision overridden by a later one
      expect(
        (await write({ nctId: nct(1001), field: 'category', value: 'unrelated', reviewer: 'ana' })).status,
      ).toBe(201);
      expect(
        (
          await write({
            nctId: nct(1002),
            field: 'routes',
            value: ['intrathecal'],
            reviewer: 'ana',
          })
        ).status,
      ).toBe(201);
      expect(
        (await write({ nctId: nct(1003), field: 'category', value: 'unrelated', reviewer: 'bo' })).status,
      ).toBe(201);
      expect(
        (
          await write({
            nctId: nct(1003),
            field: 'category',
            value: 'msc_cells',
            reviewer: 'bo',
            note: 'on second look',
          })
        ).status,
      ).toBe(201);

      const after = {
        summary: await summary(),
        included: await total('included=true'),
        unrelated: await facet('category', 'unrelated'),
        ivRoute: await total('route=intravenous'),
        intrathecal: await total('route=intrathecal'),
        reviewed: await total('review=reviewed'),
        disagrees: await total('review=disagrees'),
        china: await summary('&country=China'),
      };
      expect(after.summary.studies).toBe(before.summary.studies);
      expect(after.summary.included).toBe(before.summary.included - 1);
      expect(after.included).toBe(before.included - 1);
      expect(after.unrelated).toBe(before.unrelated + 1);
      expect(after.reviewed).toBe(3);
      expect(after.china.included).toBe(before.china.included - 1); // 1001 is the Chinese cord trial
      const rv = await json<{ labels: { category: string; included: boolean } }>(
        `${at}/api/studies/${nct(1001)}`,
      );
      expect(rv.labels).toMatchObject({ category: 'unrelated', included: false });
      const routes = await json<{ labels: { routes: string[] } }>(`${at}/api/studies/${nct(1002)}`);
      expect(routes.labels.routes).toEqual(['intrathecal']);
      expect(after.ivRoute).toBe(before.ivRoute - 1);
      expect(after.intrathecal).toBe(before.intrathecal + 1);
      // 1003's latest decision equals the classifier: reviewed, not a disagreement
      expect(after.disagrees).toBe(2);

      // the in-memory rows now answer exactly as a server that loads the database afresh
      const fresh = createApp({
        source: await createDatasetSource(db2, 'fixture'),
        assets: new Map(),
        loopbackOnly: false,
      });
      const urls = [
        '/api/meta',
        '/api/metrics',
        '/api/metrics?onlyIncluded=false&parts=summary,tables',
        '/api/metrics?included=true&ids=true',
        '/api/studies?sort=firstPosted&order=desc',
        '/api/studies?included=true&sort=title',
        '/api/studies?review=reviewed',
        '/api/studies?review=disagrees',
        '/api/studies?route=intrathecal',
        '/api/export.csv?sort=enrollment',
        '/api/review/queue',
        `/api/studies/${nct(1001)}`,
        `/api/studies/${nct(1002)}`,
        `/api/studies/${nct(1003)}`,
      ];
      for (const u of urls) {
        const live = await (await fetch(`${at}${u}`)).text();
        const cold = await (await fresh.request(`http://127.0.0.1${u}`)).text();
        // the live queue says writable, the fresh (read-only) one does not
        expect(live.replace('"writable":true', '"writable":false'), u).toBe(cold);
      }
    } finally {
      await srv.close();
      rmSync(d2, { recursive: true, force: true });
    }
  });
});

describe('concurrent decisions', () => {
  it('several writes at once on the same trial leave memory equal to the database', async () => {
    const d3 = mkdtempSync(join(tmpdir(), 'mscope-writes-conc-'));
    const db3 = join(d3, 'fixture.duckdb');
    await createFixtureDb(db3);
    const srv = await startServer({ dbPath: db3, snapshot: 'fixture', port: 0 });
    const at = srv.url.replace(/\/$/, '');
    try {
      const values = [
        'unrelated',
        'msc_derived',
        'ex_vivo_only',
        'stromal_mixture',
        'unrelated',
        'msc_derived',
      ];
      const res = await Promise.all(
        values.map((value, k) =>
          fetch(`${at}/api/decisions`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Mscope-Token': srv.writeToken! },
            body: JSON.stringify({ nctId: nct(1002), field: 'category', value, reviewer: `r${k}` }),
          }),
        ),
      );
      expect(res.map((r) => r.status)).toEqual(values.map(() => 201));
      const fresh = createApp({
        source: await createDatasetSource(db3, 'fixture'),
        assets: new Map(),
        loopbackOnly: false,
      });
      for (const u of ['/api/meta', `/api/studies/${nct(1002)}`, '/api/metrics?onlyIncluded=false']) {
        const live = await (await fetch(`${at}${u}`)).text();
        expect(live, u).toBe(await (await fresh.request(`http://127.0.0.1${u}`)).text());
      }
    } finally {
      await srv.close();
      rmSync(d3, { recursive: true, force: true });
    }
  });
});

describe('--read-only', () => {
  it('has no token in the page and refuses every write with 405', async () => {
    const ro = await startServer({ dbPath: db, snapshot: 'fixture', port: 0, readOnly: true });
    try {
      expect(ro.writeToken).toBeNull();
      expect(await (await fetch(ro.url)).text()).not.toContain('mscope-token');
      const before = hashFile(db);
      const res = await fetch(`${ro.url}api/decisions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Mscope-Token': server.writeToken! },
        body: JSON.stringify(good),
      });
      expect(res.status).toBe(405);
      expect(hashFile(db)).toBe(before);
    } finally {
      await ro.close();
    }
  });
});
