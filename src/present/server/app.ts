/**
 * The dashboard's HTTP application (hono): a JSON API over one in-memory snapshot plus the built front-end; its
 * only writes are reviewer decisions (writes.ts guards them). Routes:
 *   GET /api/snapshots          snapshots in the database, and the default one
 *   GET /api/meta               filter vocabulary: values of every facet with counts, date ranges, sort keys
 *   GET /api/studies            one page of the filtered, sorted studies
 *   GET /api/studies/:nct       one study: normalized record, labels, evidence, registry link, the trial's other
 *                               registrations (how each was linked, which fields it supplies)
 *   GET /api/metrics            computeMetrics() of the filtered studies (cached per filter)
 *   GET /api/export.csv         every filtered study as CSV, streamed
 *   GET /api/review/queue       the review queue of the filtered studies (analyze/queue.ts order; ?at=NCT: its
 *                               neighbours only) and the decision vocabulary
 *   POST /api/decisions         reviewer decisions (one, or { decisions: [...] }); writes.ts guards every write
 *   PUT /api/decisions/:nct/:field   one decision on one field
 *   GET /, /app.js, /app.css    the front-end (fixed in-memory map; the page carries the write token)
 */
import { TRIAL_ID_RE } from '../../model/study.js';
import { Hono, type Context } from 'hono';
import { timeout } from 'hono/timeout';
import { HTTPException } from 'hono/http-exception';
import { studyLink } from '../../analyze/dimensions.js';
import { firstPostedOnly } from '../../analyze/columns.js';
import { MscopeError } from '../../model/errors.js';
import type { Asset } from './assets.js';
import { csvStream } from './csv.js';
import type { DatasetSource } from './datasets.js';
import { ApiError, type ApiErrorBody } from './http-error.js';
import { parseQuery, type Control } from './params.js';
import type { Filter } from '../../analyze/filter.js';
import type { Dataset } from './dataset.js';
import {
  knownProducts,
  metaBody,
  metricsBody,
  publicSnapshot,
  queueBody,
  sortedSelection,
  trialBody,
  type Body,
} from './responses.js';
import { guard } from './security.js';
import { checkWrite, postedDecisions, putDecision, withTokenMeta } from './writes.js';
import type { DecisionInput } from '../../model/decisions.js';

export interface AppOptions {
  source: DatasetSource;
  assets: ReadonlyMap<string, Asset>;
  /** Reject Host headers that are not loopback names (default true; false when bound to another interface). */
  loopbackOnly?: boolean;
  /** Time limit of one API request in ms (default 30 s). */
  requestTimeoutMs?: number;
  /** The per-server write token (null/absent: no writes at all, as with --read-only). */
  writeToken?: string | null;
}

const NCT_RE = /^NCT\d{8}$/;
const JSON_TYPE = 'application/json; charset=utf-8';

/** A cached body: gzip when the client accepts it and the body is large. */
function sendBody(c: Context, body: Body): Response {
  const headers: Record<string, string> = {
    'Content-Type': JSON_TYPE,
    'Cache-Control': 'no-store',
    Vary: 'Accept-Encoding',
  };
  // the header first: a client that does not accept gzip never makes the body be compressed
  if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '') && body.gzip) {
    headers['Content-Encoding'] = 'gzip';
    return c.body(body.gzip, 200, headers);
  }
  return c.body(body.bytes, 200, headers);
}

/** Every name and value of the raw query string must be valid percent-encoding (`%ZZ`, a lone `%A` are 400). */
function checkEncoding(url: string): void {
  const i = url.indexOf('?');
  if (i < 0) return;
  for (const part of url
    .slice(i + 1)
    .split('#')[0]!
    .split('&')) {
    try {
      decodeURIComponent(part.replace(/\+/g, ' '));
    } catch {
      const name = part.split('=')[0] ?? part;
      throw new ApiError(400, 'malformed percent-encoding in the query string', name.slice(0, 60));
    }
  }
}

function queryOf(c: Context, filter: boolean, controls: readonly Control[]) {
  checkEncoding(c.req.url);
  return parseQuery(c.req.queries() ?? {}, { filter, controls });
}

/** `product=` names a product of the snapshot's labels (or "none"); an unknown one is a 400 with the known ones. */
function checkProducts(ds: Dataset, filter: Filter): void {
  if (!filter.product) return;
  const known = knownProducts(ds);
  const bad = filter.product.find((p) => !known.has(p.trim().toLowerCase()));
  if (bad === undefined) return;
  const names = [...known.values()].sort();
  const shown = names.slice(0, 30).join(', ') + (names.length > 30 ? ', …' : '');
  throw new ApiError(
    400,
    `unknown product "${bad}" in snapshot ${ds.snapshot.id} (known: ${shown})`,
    'product',
  );
}

export function createApp(opts: AppOptions): Hono {
  const { source } = opts;
  const token = source.writable ? (opts.writeToken ?? null) : null;
  const loopbackOnly = opts.loopbackOnly ?? true;
  const assets = token ? withTokenMeta(opts.assets, token) : opts.assets;
  const app = new Hono();

  app.use('*', guard({ loopbackOnly, writes: token !== null }));
  // every write passes checkWrite (Host, Origin, Sec-Fetch-Site, token, content type, length) before its body is read
  const writeGuard = async (_c: Context, next: () => Promise<void>) => {
    checkWrite(_c, { token: token!, loopbackOnly });
    await next();
  };
  app.on(['POST', 'PUT'], '/api/decisions', writeGuard);
  app.on(['POST', 'PUT'], '/api/decisions/*', writeGuard);
  app.use('/api/*', async (c, next) => {
    if (c.req.path === '/api/export.csv') return next();
    return timeout(
      opts.requestTimeoutMs ?? 30_000,
      () => new HTTPException(503, { message: 'request took too long' }),
    )(c, next);
  });

  app.get('/api/snapshots', async (c) => {
    queryOf(c, false, []);
    const snapshots = (await source.snapshots()).map(publicSnapshot);
    return c.json({ defaultSnapshotId: source.defaultSnapshotId, snapshots }, 200, {
      'Cache-Control': 'no-store',
    });
  });

  app.get('/api/meta', async (c) => {
    const q = queryOf(c, false, ['snapshot']);
    const ds = await source.get(q.snapshot);
    return sendBody(c, metaBody(ds));
  });

  app.get('/api/studies', async (c) => {
    const q = queryOf(c, true, ['snapshot', 'sort', 'order', 'page', 'pageSize']);
    const ds = await source.get(q.snapshot);
    checkProducts(ds, q.filter);
    const from = (q.page - 1) * q.pageSize;
    // a first-posted range only: the page walked out of the sort order, no selection made (nothing large kept)
    const range = firstPostedOnly(ds.columns, q.filter);
    let total: number;
    let page: Int32Array;
    if (range) ({ total, page } = ds.rangePage(range[0], range[1], q.sort, q.order, from, q.pageSize));
    else {
      const order = sortedSelection(ds, q.filter, q.sort, q.order);
      total = order.length;
      page = order.subarray(from, from + q.pageSize);
    }
    const rows = Array.from(page, (i) => ds.summary(i));
    return c.json(
      {
        snapshotId: ds.snapshot.id,
        total,
        page: q.page,
        pageSize: q.pageSize,
        sort: q.sort,
        order: q.order,
        rows,
      },
      200,
      { 'Cache-Control': 'no-store' },
    );
  });

  app.get('/api/studies/:nct', async (c) => {
    const given = c.req.param('nct');
    // NCT numbers are matched in any case; other registries' ids (ChiCTR…, JPRN-jRCT…) as written
    const nct = /^nct\d{8}$/i.test(given) ? given.toUpperCase() : given;
    if (!NCT_RE.test(nct) && !TRIAL_ID_RE.test(nct))
      throw new ApiError(400, 'expected an NCT id like NCT01234567 (or another registry trial id)', 'nct');
    const q = queryOf(c, false, ['snapshot']);
    const ds = await source.get(q.snapshot);
    const i = ds.byNct.get(nct);
    if (i === undefined) throw new ApiError(404, `${nct} is not in snapshot ${ds.snapshot.id}`, 'nct');
    const r = await ds.detail(i);
    return c.json(
      {
        snapshotId: ds.snapshot.id,
        rulesetVersion: ds.rulesetVersion,
        summary: ds.summary(i),
        study: r.study,
        labels: r.labels,
        evidence: r.labels?.evidence ?? [],
        /** The trial's registrations when it is registered more than once (null: this registration only). */
        trial: trialBody(r.trial),
        /** Reviewer decisions in force (`labels` are the effective ones; `review.classifier` the classifier's). */
        review: r.review ?? null,
        links: {
          registry: studyLink(nct),
          /** Registry references with a PubMed id. */
          references: r.study.references
            .filter((x) => x.pmid)
            .map((x) => ({
              pmid: x.pmid,
              type: x.type,
              citation: x.citation,
              url: `https://pubmed.ncbi.nlm.nih.gov/${x.pmid}/`,
            })),
          /** Linked publications (from `mscope link`) that mention this study. */
          publications: ds.publications.get(nct) ?? [],
        },
      },
      200,
      { 'Cache-Control': 'no-store' },
    );
  });

  app.get('/api/metrics', async (c) => {
    const q = queryOf(c, true, ['snapshot', 'onlyIncluded', 'yearBasis', 'ids', 'parts']);
    const ds = await source.get(q.snapshot);
    checkProducts(ds, q.filter);
    return sendBody(c, metricsBody(ds, q));
  });

  app.get('/api/export.csv', async (c) => {
    const q = queryOf(c, true, ['snapshot', 'sort', 'order']);
    const ds = await source.get(q.snapshot);
    checkProducts(ds, q.filter);
    const order = sortedSelection(ds, q.filter, q.sort, q.order);
    return new Response(c.req.method === 'HEAD' ? null : csvStream(order, (i) => ds.summary(i)), {
      status: 200,
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="mscope-snapshot-${ds.snapshot.id}.csv"`,
        'Cache-Control': 'no-store',
      },
    });
  });

  app.get('/api/review/queue', async (c) => {
    const q = queryOf(c, true, ['snapshot', 'at']);
    const ds = await source.get(q.snapshot);
    checkProducts(ds, q.filter);
    return sendBody(c, await queueBody(ds, q.filter, token !== null, q.at));
  });

  const decided = async (c: Context, inputs: DecisionInput[]) => {
    const q = queryOf(c, false, ['snapshot']);
    const added = await source.decide(inputs, q.snapshot);
    const ds = await source.get(q.snapshot);
    const review = Object.fromEntries(
      [...new Set(inputs.map((d) => d.nctId))].map((nct) => {
        const i = ds.byNct.get(nct);
        return [nct, (i === undefined ? undefined : ds.rows[i]?.review) ?? null];
      }),
    );
    return c.json({ snapshotId: ds.snapshot.id, added, review }, 201, { 'Cache-Control': 'no-store' });
  };
  app.post('/api/decisions', async (c) => decided(c, await postedDecisions(c)));
  app.put('/api/decisions/:nct/:field', async (c) => {
    const nct = c.req.param('nct').toUpperCase();
    if (!NCT_RE.test(nct)) throw new ApiError(400, 'expected an NCT id like NCT01234567', 'nct');
    return decided(c, [await putDecision(c, nct, c.req.param('field'))]);
  });

  app.all('/api/*', () => {
    throw new ApiError(404, 'no such API endpoint');
  });

  app.get('*', (c) => {
    const asset = assets.get(c.req.path);
    if (!asset) {
      if (c.req.path === '/') throw new ApiError(503, 'the front-end is not built: run `npm run build`');
      throw new ApiError(404, 'not found');
    }
    const headers: Record<string, string> = {
      'Content-Type': asset.type,
      ETag: asset.etag,
      'Cache-Control': 'no-cache',
      Vary: 'Accept-Encoding',
    };
    if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304, headers);
    const gzip = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
    if (gzip) headers['Content-Encoding'] = 'gzip';
    return c.body(new Uint8Array(gzip ? asset.gzip : asset.body), 200, headers);
  });

  app.onError((err, c) => {
    let status: number;
    let body: ApiErrorBody;
    if (err instanceof ApiError) {
      status = err.status;
      body = { error: err.message, parameter: err.parameter };
    } else if (err instanceof HTTPException) {
      status = err.status;
      body = { error: err.message, parameter: null };
    } else if (err instanceof MscopeError) {
      status = 400;
      body = { error: err.message, parameter: null };
    } else {
      status = 500;
      body = { error: 'internal error', parameter: null };
      process.stderr.write(
        `mscope serve: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
      );
    }
    return c.json(body, status as 400, { 'Cache-Control': 'no-store' });
  });

  return app;
}
