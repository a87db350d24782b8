/**
 * Dashboard server benchmark. `benchServer` starts `mscope serve` in a SECOND process (the built CLI,
 * bin/mscope.js -> dist/), waits for it to load the snapshot, and drives it with autocannon from this process
 * (127.0.0.1 only, bounded request counts and duration) on /api/metrics and /api/studies with representative
 * filters. Latency percentiles are computed exactly from every response time.
 *
 * Cases: "warm" repeats one filter (the normal dashboard pattern: the server answers from its per-filter cache
 * after the first request); "cold" gives every request a distinct filter (a different first-posted-from day),
 * so each one filters all studies and recomputes the metrics: the worst case.
 * `label` names the run in the log; when the database has a snapshot with that label it is the one served,
 * else the latest snapshot.
 *
 * Then the write cases (WRITE_CASES), after every read case: reviewer decisions POSTed one at a time through the
 * decisions API as the review page sends them (the token read from the served page), each followed by the review
 * page's own requests, then by the dashboard's default metrics request, which a decision makes a cache miss.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { openStore } from '../store/index.js';

export interface EndpointResult {
  endpoint: string;
  p50: number;
  p95: number;
  requests: number;
}

export interface BenchServerOptions {
  dbPath: string;
  label: string;
  /** Requests per case (default 200). */
  amount?: number;
  /** Concurrent connections (default 4). */
  connections?: number;
  /** Requests per cold case (default 40, one connection: enough for the p95 not to be just the maximum). */
  coldAmount?: number;
  /** Upper bound per case in seconds (default 20; autocannon stops at whichever limit comes first). */
  maxSeconds?: number;
  /** Decisions written in the write cases (default 20; 0 skips them). */
  writes?: number;
  /** How long the server may take to load (default 180 s). */
  startSeconds?: number;
  /** Load time and server memory, once known. */
  onInfo?: (info: ServerInfo) => void;
}

export interface ServerInfo {
  studies: number;
  loadMs: number;
  rssLoadedMB: number | null;
  rssAfterMB: number | null;
}

/** The write cases' names, in result order. */
export const WRITE_CASES = [
  'POST /api/decisions (one category decision, sequential)',
  "the review page's requests right after a decision (/api/meta, /api/review/queue?at=, /api/studies/:nct, in parallel)",
  "/api/metrics?included=true&onlyIncluded=false&parts=summary,tables + gzip right after a decision (the page's default request, recomputed)",
] as const;

const CLI = fileURLToPath(new URL('../../bin/mscope.js', import.meta.url));

interface Case {
  endpoint: string;
  path: string | (() => string);
  /** Every request a new filter (cache miss): run with one connection and `coldAmount` requests. */
  cold?: boolean;
  /** Send Accept-Encoding: gzip, as browsers do. */
  gzip?: boolean;
}

function randomDay(): string {
  const d = new Date(Date.UTC(2000, 0, 1) + Math.floor(Math.random() * 22 * 365) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

export const CASES: readonly Case[] = [
  { endpoint: '/api/metrics (no filter, warm)', path: '/api/metrics' },
  {
    endpoint:
      "/api/metrics?included=true&onlyIncluded=false&parts=summary,tables + gzip (the page's default request, warm)",
    path: '/api/metrics?included=true&onlyIncluded=false&parts=summary,tables',
    gzip: true,
  },
  {
    endpoint: '/api/metrics?source=umbilical_cord&phase=PHASE2 (warm)',
    path: '/api/metrics?source=umbilical_cord&phase=PHASE2',
  },
  { endpoint: '/api/metrics?text=knee (warm)', path: '/api/metrics?text=knee' },
  {
    endpoint: '/api/metrics?firstPostedFrom=<random day> (cold: new filter each request)',
    path: () => `/api/metrics?firstPostedFrom=${randomDay()}`,
    cold: true,
  },
  {
    endpoint: '/api/metrics?text=<random word> (cold: text search, new filter each request)',
    path: () => `/api/metrics?text=${randomWord()}`,
    cold: true,
  },
  {
    endpoint: '/api/studies?included=true&sort=firstPosted&order=desc (warm)',
    path: '/api/studies?included=true&sort=firstPosted&order=desc',
  },
  {
    endpoint: '/api/studies?country=China&sort=enrollment&order=desc&page=3 (warm)',
    path: '/api/studies?country=China&sort=enrollment&order=desc&page=3',
  },
  { endpoint: '/api/studies?text=cord&pageSize=100 (warm)', path: '/api/studies?text=cord&pageSize=100' },
  {
    endpoint: '/api/studies?firstPostedFrom=<random day>&sort=title (cold)',
    path: () => `/api/studies?firstPostedFrom=${randomDay()}&sort=title`,
    cold: true,
  },
];

const WORDS = [
  'knee',
  'cord',
  'stroke',
  'covid',
  'liver',
  'heart',
  'bone',
  'lung',
  'graft',
  'crohn',
  'spinal',
  'diabetes',
  'kidney',
  'skin',
  'eye',
];
function randomWord(): string {
  return `${WORDS[Math.floor(Math.random() * WORDS.length)]!}${'aeiou'[Math.floor(Math.random() * 5)]!}`.slice(
    0,
    5 + Math.floor(Math.random() * 2),
  );
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

async function snapshotFor(dbPath: string, label: string): Promise<string | undefined> {
  const store = await openStore(dbPath, { readOnly: true });
  try {
    return (await store.listSnapshots()).some((s) => s.label === label) ? label : undefined;
  } finally {
    await store.close();
  }
}

/** Start the server child and resolve with its URL once it has loaded the snapshot and listens. */
function startChild(
  dbPath: string,
  snapshot: string | undefined,
  startSeconds = 180,
): Promise<{ child: ChildProcess; url: string; loadMs: number }> {
  const t0 = performance.now();
  const args = [
    CLI,
    '--db',
    dbPath,
    'serve',
    '--host',
    '127.0.0.1',
    '--port',
    '0',
    '--json',
    ...(snapshot ? ['--snapshot', snapshot] : []),
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`server did not start within ${startSeconds} s: ${err}`));
    }, startSeconds * 1000);
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const nl = out.indexOf('\n');
      if (nl < 0) return;
      clearTimeout(timer);
      try {
        const info = JSON.parse(out.slice(0, nl)) as { url: string };
        resolve({ child, url: info.url.replace(/\/$/, ''), loadMs: performance.now() - t0 });
      } catch (e) {
        reject(e as Error);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with code ${code}: ${err.trim()}`));
    });
  });
}

function rssMB(pid: number | undefined): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * `make` drawn again until it gives a path not given before in this run of the case: a cold case must miss every
 * cache (the text case draws from ~68 distinct words, so 40 plain draws repeat about 12 of them).
 */
export function fresh(make: () => string): () => string {
  const given = new Set<string>();
  return () => {
    for (let tries = 0; tries < 10_000; tries++) {
      const path = make();
      if (!given.has(path)) {
        given.add(path);
        return path;
      }
    }
    throw new Error('cold case: no filter left that was not asked before');
  };
}

async function runCase(
  base: string,
  c: Case,
  amount: number,
  connections: number,
  maxSeconds: number,
): Promise<EndpointResult> {
  const times: number[] = [];
  let bad = 0;
  const make = typeof c.path === 'string' ? null : c.cold ? fresh(c.path) : c.path;
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        amount,
        timeout: 30,
        headers: c.gzip ? { 'accept-encoding': 'gzip' } : {},
        requests: [
          {
            method: 'GET',
            path: typeof c.path === 'string' ? c.path : '/api/meta',
            ...(make ? { setupRequest: (req) => ({ ...req, path: make() }) } : {}),
          },
        ],
      },
      (err) => {
        clearTimeout(stopper);
        if (err) reject(err as Error);
        else resolve();
      },
    );
    // autocannon ignores `duration` when `amount` is set: bound the time ourselves
    const stopper = setTimeout(() => instance.stop(), maxSeconds * 1000);
    instance.on('response', (_client, status, _bytes, ms) => {
      times.push(ms);
      if (status !== 200) bad++;
    });
  });
  if (bad) throw new Error(`${c.endpoint}: ${bad} non-200 responses`);
  times.sort((a, b) => a - b);
  return {
    endpoint: c.endpoint,
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    requests: times.length,
  };
}

const round = (x: number) => Math.round(x * 100) / 100;

const summarize = (endpoint: string, times: number[]): EndpointResult => {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    endpoint,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    requests: sorted.length,
  };
};

/**
 * `n` decisions on distinct trials (the category flipped between unrelated and msc_cells), each timed, then the
 * dashboard's default metrics request timed after each.
 */
async function runWrites(base: string, n: number): Promise<EndpointResult[]> {
  const html = await (await fetch(`${base}/`)).text();
  const token = /<meta name="mscope-token" content="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('write cases: the served page carries no write token');
  const page = (await (
    await fetch(`${base}/api/studies?sort=title&pageSize=${Math.min(500, n * 3)}`)
  ).json()) as { rows: Array<{ nctId: string; category: string | null }> };
  const trials = page.rows.filter((r) => /^NCT\d{8}$/.test(r.nctId) && r.category !== null).slice(0, n);
  const writes: number[] = [];
  const pages: number[] = [];
  const reads: number[] = [];
  const metrics = '/api/metrics?included=true&onlyIncluded=false&parts=summary,tables';
  for (const t of trials) {
    const body = JSON.stringify({
      nctId: t.nctId,
      field: 'category',
      value: t.category === 'unrelated' ? 'msc_cells' : 'unrelated',
      reviewer: 'bench',
    });
    let t0 = performance.now();
    const res = await fetch(`${base}/api/decisions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Mscope-Token': token },
      body,
    });
    await res.arrayBuffer();
    writes.push(performance.now() - t0);
    if (res.status !== 201) throw new Error(`POST /api/decisions: HTTP ${res.status}`);
    t0 = performance.now();
    const review = await Promise.all(
      ['/api/meta', `/api/review/queue?at=${t.nctId}`, `/api/studies/${t.nctId}`].map(async (path) => {
        const r = await fetch(`${base}${path}`, { headers: { 'accept-encoding': 'gzip' } });
        await r.arrayBuffer();
        return r.status;
      }),
    );
    pages.push(performance.now() - t0);
    if (review.some((st) => st !== 200)) throw new Error(`review page requests: HTTP ${review.join(', ')}`);
    t0 = performance.now();
    const m = await fetch(`${base}${metrics}`, { headers: { 'accept-encoding': 'gzip' } });
    await m.arrayBuffer();
    reads.push(performance.now() - t0);
    if (m.status !== 200) throw new Error(`${metrics}: HTTP ${m.status}`);
  }
  return [
    summarize(WRITE_CASES[0], writes),
    summarize(WRITE_CASES[1], pages),
    summarize(WRITE_CASES[2], reads),
  ];
}

export async function benchServer(opts: BenchServerOptions): Promise<EndpointResult[]> {
  const amount = opts.amount ?? 200;
  const connections = opts.connections ?? 4;
  const maxSeconds = opts.maxSeconds ?? 20;
  const snapshot = await snapshotFor(opts.dbPath, opts.label);
  const { child, url, loadMs } = await startChild(opts.dbPath, snapshot, opts.startSeconds);
  const log = (s: string) => process.stderr.write(`[bench server ${opts.label}] ${s}\n`);
  try {
    const meta = (await (await fetch(`${url}/api/meta`)).json()) as { studies: number };
    const rssLoadedMB = rssMB(child.pid);
    log(
      `${meta.studies} studies loaded and listening after ${Math.round(loadMs)} ms; RSS ${rssMB(child.pid)?.toFixed(0) ?? '?'} MB`,
    );
    const results: EndpointResult[] = [];
    for (const c of CASES) {
      const r = c.cold
        ? await runCase(url, c, opts.coldAmount ?? 40, 1, maxSeconds)
        : await runCase(url, c, amount, connections, maxSeconds);
      log(`${r.endpoint}: p50 ${r.p50} ms, p95 ${r.p95} ms (${r.requests} requests)`);
      results.push(r);
    }
    if ((opts.writes ?? 20) > 0) {
      for (const r of await runWrites(url, opts.writes ?? 20)) {
        log(`${r.endpoint}: p50 ${r.p50} ms, p95 ${r.p95} ms (${r.requests} requests)`);
        results.push(r);
      }
    }
    const rssAfterMB = rssMB(child.pid);
    log(`RSS after the run ${rssAfterMB?.toFixed(0) ?? '?'} MB`);
    opts.onInfo?.({ studies: meta.studies, loadMs, rssLoadedMB, rssAfterMB });
    return results;
  } finally {
    child.kill('SIGTERM');
  }
}
