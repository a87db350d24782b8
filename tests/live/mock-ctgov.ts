/**
 * A small stand-in for the ClinicalTrials.gov API v2 (`/api/v2/studies`, `/api/v2/version`) on 127.0.0.1,
 * serving generated, hand-written-style v2 study objects. It honours query.term (ORed quoted phrases,
 * matched as whole words in title/summary/interventions/keywords), filter.advanced
 * (AREA[LastUpdatePostDate]RANGE[a,b] only), pageSize (max 1000), pageToken (opaque, bound to the search)
 * and countTotal. Faults can be injected per /studies request number, or on every request.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | { kind: '429'; retryAfter?: string }
  | { kind: 'status'; status: number }
  | { kind: 'slow'; ms: number }
  | { kind: 'truncated' } // Content-Length of the full body, half of it sent, then the socket is destroyed
  | { kind: 'cut-json' } // a consistent Content-Length, but the JSON is cut in the middle
  | { kind: 'reset' } // socket destroyed before any response
  | { kind: 'html' } // 200 with an HTML error page
  | { kind: 'bad-shape' }; // 200 JSON without "studies"

export interface MockOptions {
  studies: unknown[];
  /** Fault for the n-th /studies request (1-based, counted over the server's life). */
  faults?: Record<number, Fault>;
  /** Fault for every /studies request (persistent outage). */
  always?: Fault;
  /** Added to the real totalCount (simulates a registry that reports more than it serves). */
  totalCountBonus?: number;
  /** Repeat the last study of the previous page at the top of each following page. */
  repeatAcrossPages?: boolean;
  /** Serve every study whatever query.term says (for real records that no test query would match). */
  ignoreQuery?: boolean;
  /** Page `from`'s nextPageToken points back to page `to` (>= 2): a server whose paging loops. */
  loopToken?: { from: number; to: number };
  /** dataTimestamp of /version; null makes /version answer 404. */
  dataTimestamp?: string | null;
}

export interface LoggedRequest {
  /** 1-based number among /studies requests (0 for other paths). */
  n: number;
  path: string;
  params: Record<string, string>;
  /** Server clock (ms, performance.now()) when the request arrived. */
  at: number;
  fault: Fault['kind'] | null;
}

export interface MockCtgov {
  /** The API root to give the client, e.g. http://127.0.0.1:1234/api/v2 */
  baseUrl: string;
  log: LoggedRequest[];
  studiesRequests(): LoggedRequest[];
  close(): Promise<void>;
}

// ---------- generated studies ----------

interface Template {
  title: string;
  summary: string;
  intervention: string;
  keywords: string[];
}

/** Hand-written study templates: the first ones are MSC studies (found by the default query), the last ones are not. */
export const MSC_TEMPLATES: Template[] = [
  {
    title: 'Umbilical Cord Mesenchymal Stem Cells for Knee Osteoarthritis',
    summary:
      'Intra-articular injection of allogeneic mesenchymal stem cells in adults with knee osteoarthritis.',
    intervention: 'UC-MSC',
    keywords: ['osteoarthritis'],
  },
  {
    title: 'Remestemcel-L in Children With Steroid-refractory Acute GVHD',
    summary: 'Open-label study of remestemcel-L infusions.',
    intervention: 'Remestemcel-L',
    keywords: ['graft versus host disease'],
  },
  {
    title: "Wharton's Jelly Derived Cells in ARDS",
    summary: "Intravenous cells derived from Wharton's jelly for acute respiratory distress syndrome.",
    intervention: "Wharton's jelly cells",
    keywords: ['ARDS'],
  },
  {
    title: 'Adipose-derived Stromal Cells for Crohn Fistula',
    summary: 'Local injection of darvadstrocel (Cx601) in complex perianal fistula.',
    intervention: 'Darvadstrocel',
    keywords: ['Crohn disease'],
  },
  {
    title: 'Exosomes From Mesenchymal Stromal Cells in Dry Eye',
    summary: 'Topical MSC exosomes eye drops.',
    intervention: 'MSC exosomes',
    keywords: ['dry eye'],
  },
];

export const OTHER_TEMPLATES: Template[] = [
  {
    title: 'Insulin Glargine Versus Insulin Degludec in Type 2 Diabetes',
    summary: 'Randomized comparison of basal insulins.',
    intervention: 'Insulin glargine',
    keywords: ['diabetes'],
  },
  {
    title: 'Home Exercise After Hip Replacement',
    summary: 'Physiotherapy programme after total hip arthroplasty.',
    intervention: 'Exercise programme',
    keywords: ['hip arthroplasty'],
  },
];

const TEMPLATES = [...MSC_TEMPLATES, ...OTHER_TEMPLATES];

export function nctIdFor(i: number): string {
  return `NCT${String(90000000 + i).padStart(8, '0')}`;
}

/** Last update date of generated study i: spread over 2019-01-01 .. 2025-07 (deterministic). */
export function lastUpdateFor(i: number): string {
  const day = (i * 37) % 2400;
  return new Date(Date.UTC(2019, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
}

/** Whether generated study i uses an MSC template (what the default query must find). */
export function isMscStudy(i: number): boolean {
  return i % TEMPLATES.length < MSC_TEMPLATES.length;
}

/** One v2 study object (the shape of /api/v2/studies `studies[]` items). */
export function makeStudy(i: number): Record<string, unknown> {
  const t = TEMPLATES[i % TEMPLATES.length]!;
  const nctId = nctIdFor(i);
  return {
    protocolSection: {
      identificationModule: {
        nctId,
        orgStudyIdInfo: { id: `ORG-${i}` },
        organization: { fullName: 'Example University Hospital', class: 'OTHER' },
        briefTitle: `${t.title} (${i})`,
      },
      statusModule: {
        overallStatus: i % 3 === 0 ? 'COMPLETED' : 'RECRUITING',
        startDateStruct: { date: `20${18 + (i % 6)}-0${1 + (i % 9)}`, type: 'ACTUAL' },
        studyFirstSubmitDate: '2018-01-15',
        lastUpdatePostDateStruct: { date: lastUpdateFor(i), type: 'ACTUAL' },
      },
      sponsorCollaboratorsModule: { leadSponsor: { name: 'Example University Hospital', class: 'OTHER' } },
      descriptionModule: { briefSummary: t.summary },
      conditionsModule: { conditions: t.keywords, keywords: t.keywords },
      designModule: {
        studyType: 'INTERVENTIONAL',
        phases: ['PHASE1', 'PHASE2'],
        enrollmentInfo: { count: 10 + (i % 90), type: 'ESTIMATED' },
      },
      armsInterventionsModule: {
        interventions: [{ type: 'BIOLOGICAL', name: t.intervention, description: t.summary }],
      },
      eligibilityModule: { sex: 'ALL', minimumAge: '18 Years', stdAges: ['ADULT'] },
    },
    hasResults: false,
  };
}

export function makeStudies(n: number): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => makeStudy(i));
}

// ---------- search semantics ----------

function textOf(study: unknown): string {
  const p = (study as { protocolSection?: Record<string, Record<string, unknown>> }).protocolSection ?? {};
  return JSON.stringify([
    p.identificationModule?.briefTitle,
    p.descriptionModule?.briefSummary,
    p.conditionsModule?.keywords,
    p.armsInterventionsModule?.interventions,
  ]).toLowerCase();
}

function phrases(query: string): string[] {
  return query
    .split(/\s+OR\s+/)
    .map((t) =>
      t
        .trim()
        .replace(/^\(+|\)+$/g, '')
        .replace(/^"|"$/g, '')
        .toLowerCase(),
    )
    .filter((t) => t !== '');
}

function queryMatcher(query: string | undefined): (study: unknown) => boolean {
  if (query === undefined || query.trim() === '') return () => true;
  const res = phrases(query).map((ph) => {
    const esc = ph.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(^|[^a-z0-9])${esc}($|[^a-z0-9])`);
  });
  return (study) => {
    const text = textOf(study);
    return res.some((re) => re.test(text));
  };
}

const RANGE = /^AREA\[LastUpdatePostDate\]RANGE\[\s*([^,\]]+?)\s*,\s*([^\]]+?)\s*\]$/;

function lastUpdate(study: unknown): string {
  const s = study as {
    protocolSection?: { statusModule?: { lastUpdatePostDateStruct?: { date?: string } } };
  };
  return s.protocolSection?.statusModule?.lastUpdatePostDateStruct?.date ?? '';
}

/** The mock's own search, also usable by tests as an independent oracle over the generated set. */
export function searchMock(
  studies: unknown[],
  query: string | undefined,
  advanced: string | undefined,
): unknown[] {
  let lo = 'MIN';
  let hi = 'MAX';
  if (advanced !== undefined) {
    const m = RANGE.exec(advanced);
    if (!m) throw new Error(`unsupported filter.advanced: ${advanced}`);
    lo = m[1]!;
    hi = m[2]!;
  }
  const matches = queryMatcher(query);
  return studies
    .filter(matches)
    .filter((s) => (lo === 'MIN' || lastUpdate(s) >= lo) && (hi === 'MAX' || lastUpdate(s) <= hi));
}

// ---------- server ----------

function nctOf(study: unknown): string {
  return String(
    (study as { protocolSection?: { identificationModule?: { nctId?: unknown } } }).protocolSection
      ?.identificationModule?.nctId,
  );
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': type,
    'content-length': String(Buffer.byteLength(body)),
    ...extra,
  });
  res.end(body);
}

function searchKey(params: URLSearchParams): string {
  return JSON.stringify([
    params.get('query.term'),
    params.get('filter.advanced'),
    params.get('pageSize'),
    params.get('filter.ids'),
  ]);
}

export async function startMockCtgov(opts: MockOptions): Promise<MockCtgov> {
  const sorted = [...opts.studies].sort((a, b) => {
    const x = (a as { protocolSection: { identificationModule: { nctId: string } } }).protocolSection
      .identificationModule.nctId;
    const y = (b as { protocolSection: { identificationModule: { nctId: string } } }).protocolSection
      .identificationModule.nctId;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const log: LoggedRequest[] = [];
  let studiesCount = 0;
  const searchCache = new Map<string, unknown[]>();

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const at = performance.now();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const params = Object.fromEntries(url.searchParams.entries());
    if (url.pathname === '/api/v2/version') {
      log.push({ n: 0, path: url.pathname, params, at, fault: null });
      if (opts.dataTimestamp === null) return send(res, 404, 'text/plain', 'Not Found');
      return send(
        res,
        200,
        'application/json',
        JSON.stringify({ apiVersion: '2.0.5', dataTimestamp: opts.dataTimestamp ?? '2026-11-20T09:00:00' }),
      );
    }
    if (url.pathname !== '/api/v2/studies') {
      log.push({ n: 0, path: url.pathname, params, at, fault: null });
      return send(res, 404, 'text/plain', 'Not Found');
    }
    const n = ++studiesCount;
    const fault = opts.faults?.[n] ?? opts.always ?? null;
    log.push({ n, path: url.pathname, params, at, fault: fault?.kind ?? null });

    // the normal answer
    const p = url.searchParams;
    const pageSize = p.has('pageSize') ? Number(p.get('pageSize')) : 10;
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000)
      return send(res, 400, 'text/plain', `pageSize must be 1..1000`);
    if (((p.get('query.term') ?? '').match(/"/g) ?? []).length % 2 === 1) {
      return send(res, 400, 'text/plain', 'query.term: unbalanced quotes');
    }
    let matched: unknown[];
    const key = JSON.stringify([p.get('query.term'), p.get('filter.advanced'), p.get('filter.ids')]);
    try {
      const term = opts.ignoreQuery ? undefined : (p.get('query.term') ?? undefined);
      matched = searchCache.get(key) ?? searchMock(sorted, term, p.get('filter.advanced') ?? undefined);
      const ids = p.get('filter.ids');
      if (ids !== null) {
        const wanted = new Set(ids.split(/[,|\s]+/));
        matched = matched.filter((s) => wanted.has(nctOf(s)));
      }
      searchCache.set(key, matched);
    } catch (err) {
      return send(res, 400, 'text/plain', (err as Error).message);
    }
    let offset = 0;
    const token = p.get('pageToken');
    if (token !== null) {
      try {
        const t = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o: number; k: string };
        if (t.k !== searchKey(p) || !Number.isInteger(t.o)) throw new Error('mismatch');
        offset = t.o;
      } catch {
        return send(res, 400, 'text/plain', 'invalid pageToken');
      }
    }
    const studies = matched.slice(offset, offset + pageSize);
    if (opts.repeatAcrossPages && offset > 0) studies.unshift(matched[offset - 1]);
    const body: Record<string, unknown> = {};
    if (p.get('countTotal') === 'true') body.totalCount = matched.length + (opts.totalCountBonus ?? 0);
    body.studies = studies;
    if (offset + pageSize < matched.length) {
      const pageNo = offset / pageSize + 1;
      const next = opts.loopToken?.from === pageNo ? (opts.loopToken.to - 1) * pageSize : offset + pageSize;
      body.nextPageToken = Buffer.from(JSON.stringify({ o: next, k: searchKey(p) })).toString('base64url');
    }
    const json = JSON.stringify(body);

    switch (fault?.kind) {
      case undefined:
        return send(res, 200, 'application/json', json);
      case '429':
        return send(
          res,
          429,
          'text/plain',
          'Too Many Requests',
          fault.retryAfter !== undefined ? { 'retry-after': fault.retryAfter } : {},
        );
      case 'status':
        return send(
          res,
          fault.status,
          'text/html',
          `<html><body><h1>${fault.status} Server Error</h1></body></html>`,
        );
      case 'slow': {
        const timer = setTimeout(() => {
          if (!res.destroyed) send(res, 200, 'application/json', json);
        }, fault.ms);
        res.on('close', () => clearTimeout(timer));
        return;
      }
      case 'truncated': {
        res.writeHead(200, {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(json)),
        });
        res.write(json.slice(0, Math.floor(json.length / 2)), () =>
          setTimeout(() => req.socket.destroy(), 20),
        );
        return;
      }
      case 'cut-json':
        return send(res, 200, 'application/json', json.slice(0, Math.floor(json.length / 2)));
      case 'reset':
        req.socket.destroy();
        return;
      case 'html':
        return send(
          res,
          200,
          'text/html; charset=utf-8',
          '<!DOCTYPE html><html><head><title>Service Unavailable</title></head><body>Maintenance</body></html>',
        );
      case 'bad-shape':
        return send(res, 200, 'application/json', JSON.stringify({ error: 'internal' }));
    }
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/v2`,
    log,
    studiesRequests: () => log.filter((r) => r.path === '/api/v2/studies'),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
