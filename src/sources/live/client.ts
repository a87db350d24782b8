/**
 * Live ClinicalTrials.gov API v2 client: pages through `/studies` for a search (default: the MSC query in
 * default-query.json), politely (rate limit, retries with backoff honouring Retry-After), resumably
 * (state + spool, see state.ts) and never silently short (totalCount check). Yields each study once.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { InputError, MscopeError, formatLocation } from '../../model/errors.js';
import type { QuarantinedRecord, StudyRecord } from '../../model/record.js';
import type { Provenance } from '../../model/study.js';
import { mapV2Study } from '../v2/map.js';
import { FatalHttpError, TransientError, getJson } from './http.js';
import {
  DEFAULT_BASE_URL,
  DEFAULT_PAGE_SIZE,
  checkBaseUrl,
  checkPageSize,
  checkSince,
  defaultQuery,
  searchUrl,
  studiesUrl,
  versionUrl,
} from './query.js';
import { backoffDelay, createRateLimiter, parseRetryAfter, sleep } from './retry.js';
import {
  type FetchState,
  type SpoolEntry,
  appendSpool,
  loadFetchState,
  readSpool,
  repairSpool,
  saveFetchState,
} from './state.js';

export interface FetchProgress {
  /** Unique studies received so far (replayed ones included). */
  fetched: number;
  /** totalCount reported by the API, when known. */
  total: number | null;
  /** Pages received so far. */
  page: number;
}

export interface FetchOptions {
  /** API root, default https://clinicaltrials.gov/api/v2 */
  baseUrl?: string;
  /** Essie `query.term`; default: the MSC search of default-query.json (none when `ids` is given). */
  query?: string;
  /** Only these NCT ids (`filter.ids`); at most 1000 per fetch (see fetchStudiesByIds for more). */
  ids?: readonly string[];
  /** ISO date: only studies whose last update was posted on/after it (filter.advanced LastUpdatePostDate). */
  since?: string;
  /** Studies per page, 1..1000 (default 1000). Ignored when resuming (the saved page size is kept). */
  pageSize?: number;
  /** Resume file. Its spool is `<statePath>.spool.ndjson`. */
  statePath?: string;
  /**
   * When resuming, first yield the studies received by earlier runs (from the spool) so this run's output
   * is complete (default true). Set false when the caller already stored them.
   */
  replay?: boolean;
  /** Retries per request after the first attempt (default 6). */
  maxRetries?: number;
  /** Minimum time between request starts, retries included (default 1200 ms: about 50 requests a minute). */
  minIntervalMs?: number;
  /** Per-request timeout, headers and body (default 60 s). */
  timeoutMs?: number;
  /** First backoff delay (default 1000 ms); it doubles per retry up to retryMaxMs, with jitter. */
  retryBaseMs?: number;
  /** Cap of a computed backoff delay (default 60 s). */
  retryMaxMs?: number;
  /** Longest server-requested wait (Retry-After) we honour; a longer one fails the fetch (default 5 min). */
  retryAfterMaxMs?: number;
  signal?: AbortSignal;
  onProgress?: (p: FetchProgress) => void;
  /**
   * A record that failed validation, quarantined instead of stopping the fetch (also called, on resume, for those of
   * earlier runs). Without this callback such a record stops the fetch with an error.
   */
  onQuarantine?: (q: QuarantinedRecord) => void;
  /** Something the user should know that does not stop the fetch (e.g. totalCount lower than what arrived). */
  onWarning?: (message: string) => void;
  /** Called before each retry with what went wrong and the wait. */
  onRetry?: (info: { url: string; page: number; attempt: number; delayMs: number; problem: string }) => void;
  fetchImpl?: typeof fetch;
  /** Clock for provenance.fetchedAt (tests). */
  now?: () => Date;
}

interface Config {
  baseUrl: string;
  query: string;
  ids: readonly string[] | undefined;
  since: string | undefined;
  pageSize: number;
  statePath: string | undefined;
  replay: boolean;
  maxRetries: number;
  minIntervalMs: number;
  timeoutMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  retryAfterMaxMs: number;
  signal: AbortSignal | undefined;
  fetchImpl: typeof fetch;
  now: () => Date;
  onRetry: FetchOptions['onRetry'];
}

function resolveOptions(opts: FetchOptions): Config {
  const nonNegative = (name: string, v: number | undefined, dflt: number): number => {
    const n = v ?? dflt;
    if (!Number.isFinite(n) || n < 0)
      throw new MscopeError(`invalid ${name} ${n}: expected a number >= 0`, 2);
    return n;
  };
  return {
    baseUrl: checkBaseUrl(opts.baseUrl ?? DEFAULT_BASE_URL),
    query: opts.query?.trim() ? opts.query.trim() : opts.ids ? '' : defaultQuery(),
    ids: opts.ids,
    since: opts.since === undefined ? undefined : checkSince(opts.since),
    pageSize: checkPageSize(opts.pageSize ?? DEFAULT_PAGE_SIZE),
    statePath: opts.statePath,
    replay: opts.replay ?? true,
    maxRetries: Math.floor(nonNegative('maxRetries', opts.maxRetries, 6)),
    minIntervalMs: nonNegative('minIntervalMs', opts.minIntervalMs, 1200),
    timeoutMs: nonNegative('timeoutMs', opts.timeoutMs, 60_000),
    retryBaseMs: nonNegative('retryBaseMs', opts.retryBaseMs, 1000),
    retryMaxMs: nonNegative('retryMaxMs', opts.retryMaxMs, 60_000),
    retryAfterMaxMs: nonNegative('retryAfterMaxMs', opts.retryAfterMaxMs, 300_000),
    signal: opts.signal,
    fetchImpl: opts.fetchImpl ?? fetch,
    now: opts.now ?? (() => new Date()),
    onRetry: opts.onRetry,
  };
}

function freshState(cfg: Config, now: Date): FetchState {
  return {
    version: 1,
    baseUrl: cfg.baseUrl,
    query: stateQuery(cfg),
    since: cfg.since ?? null,
    pageSize: cfg.pageSize,
    registryVersion: null,
    totalCount: null,
    nextPageToken: null,
    pagesDone: 0,
    count: 0,
    duplicates: 0,
    spoolBytes: 0,
    complete: false,
    ids: [],
    tokens: [],
    quarantine: [],
    startedAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
}

/** The search as saved in the state: the query, or the id list of an --ids fetch. */
function stateQuery(cfg: Config): string {
  return cfg.ids ? `${cfg.query} ids:${cfg.ids.join(',')}` : cfg.query;
}

/** A saved state must describe the same search; otherwise resuming would mix two different result sets. */
function checkStateMatches(state: FetchState, cfg: Config, statePath: string): void {
  const diffs: string[] = [];
  if (state.baseUrl !== cfg.baseUrl) diffs.push(`base URL ${state.baseUrl}`);
  if (state.query !== stateQuery(cfg))
    diffs.push(`query ${JSON.stringify(state.query.slice(0, 80))}${state.query.length > 80 ? '…' : ''}`);
  if (state.since !== (cfg.since ?? null)) diffs.push(`since ${state.since ?? '(none)'}`);
  if (diffs.length > 0) {
    throw new MscopeError(
      `fetch state ${statePath} belongs to a different fetch (${diffs.join(', ')}); finish that fetch, or delete the state file (or use --restart) to start over`,
      2,
    );
  }
}

/** GETs `url` and hands the JSON to `parse`; a TransientError from `parse` is retried like a failed request. */
type Requester = <T>(url: string, page: number, parse: (json: unknown) => T) => Promise<T>;

/** Connection failures that mean "no network / no such host / nothing listening", not a busy server. */
const UNREACHABLE = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** The registry could not be reached at all (before any answer): fails at once, with the offline alternative. */
export class UnreachableError extends MscopeError {
  constructor(baseUrl: string, code: string, options?: { cause?: unknown }) {
    const host = new URL(baseUrl).host;
    super(
      `cannot reach the ClinicalTrials.gov API at ${host} (${code}): no network? ` +
        'Work offline from a file you have: mscope run --from FILE (or mscope ingest FILE)',
      1,
      options,
    );
    this.name = 'UnreachableError';
  }
}

/** GET with the rate limit and retries; after maxRetries a loud MscopeError naming the URL and the problem. */
function makeRequester(cfg: Config, describeState: () => string): Requester {
  const limiter = createRateLimiter(cfg.minIntervalMs);
  let reached = false; // some answer came back from the server during this run
  return async <T>(url: string, page: number, parse: (json: unknown) => T): Promise<T> => {
    const problems: string[] = [];
    for (let attempt = 0; ; attempt++) {
      try {
        await limiter.wait(cfg.signal);
        const json = await getJson(url, {
          timeoutMs: cfg.timeoutMs,
          signal: cfg.signal,
          fetchImpl: cfg.fetchImpl,
          retryAfter: (v) => parseRetryAfter(v),
        });
        reached = true;
        return parse(json);
      } catch (err) {
        if (
          err instanceof TransientError &&
          err.netCode !== null &&
          UNREACHABLE.has(err.netCode) &&
          !reached
        ) {
          throw new UnreachableError(cfg.baseUrl, err.netCode, { cause: err });
        }
        if (err instanceof FatalHttpError || err instanceof TransientError) reached = true;
        if (err instanceof FatalHttpError) {
          throw new MscopeError(
            `ClinicalTrials.gov API rejected the request for page ${page} (${url}): ${err.message}`,
            1,
            { cause: err },
          );
        }
        if (!(err instanceof TransientError)) throw interrupted(cfg, err, describeState);
        problems.push(err.message);
        if (attempt >= cfg.maxRetries) {
          const distinct = [...new Set(problems)];
          throw new MscopeError(
            `ClinicalTrials.gov API request for page ${page} failed after ${attempt + 1} attempt(s): GET ${url}: ` +
              `${distinct.slice(-3).join('; ')}${describeState()}`,
            1,
            { cause: err },
          );
        }
        if (err.retryAfterMs !== null && err.retryAfterMs > cfg.retryAfterMaxMs) {
          throw new MscopeError(
            `ClinicalTrials.gov API asked to wait ${Math.ceil(err.retryAfterMs / 1000)} s (Retry-After) before page ${page}, ` +
              `longer than the ${Math.round(cfg.retryAfterMaxMs / 1000)} s we wait: GET ${url}: ${err.message}${describeState()}`,
            1,
            { cause: err },
          );
        }
        const delayMs =
          err.retryAfterMs ?? backoffDelay(attempt + 1, { baseMs: cfg.retryBaseMs, maxMs: cfg.retryMaxMs });
        cfg.onRetry?.({ url, page, attempt: attempt + 1, delayMs, problem: err.message });
        try {
          await sleep(delayMs, cfg.signal);
        } catch (abortErr) {
          throw interrupted(cfg, abortErr, describeState);
        }
      }
    }
  };
}

function interrupted(cfg: Config, err: unknown, describeState: () => string): unknown {
  if (cfg.signal?.aborted) return new MscopeError(`fetch interrupted${describeState()}`, 1, { cause: err });
  return err;
}

interface Page {
  studies: unknown[];
  nextPageToken: string | null;
  totalCount: number | null;
}

/** Checks the page's shape; a JSON body of another shape counts as a transient problem (retried). */
function readPage(json: unknown): Page {
  const o = json as { studies?: unknown; nextPageToken?: unknown; totalCount?: unknown } | null;
  if (o === null || typeof o !== 'object' || Array.isArray(o) || !Array.isArray(o.studies)) {
    throw new TransientError('unexpected response: JSON without a "studies" array');
  }
  const token = typeof o.nextPageToken === 'string' && o.nextPageToken !== '' ? o.nextPageToken : null;
  const total = typeof o.totalCount === 'number' && Number.isInteger(o.totalCount) ? o.totalCount : null;
  return { studies: o.studies, nextPageToken: token, totalCount: total };
}

function nctIdOf(raw: unknown): string | null {
  const id = (raw as { protocolSection?: { identificationModule?: { nctId?: unknown } } } | null)
    ?.protocolSection?.identificationModule?.nctId;
  return typeof id === 'string' ? id : null;
}

function mapEntry(entry: SpoolEntry, where: string): StudyRecord {
  try {
    return { study: mapV2Study(entry.raw, entry.prov), raw: entry.raw };
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    throw new MscopeError(`${where}: cannot read study ${nctIdOf(entry.raw) ?? '(no NCT id)'}: ${msg}`, 1, {
      cause: err,
    });
  }
}

/** Why a record failed validation, without the URL: `field "x": problem`. */
function reasonOf(err: unknown): string {
  const cause = err instanceof MscopeError && err.cause instanceof InputError ? err.cause : err;
  if (cause instanceof InputError) {
    const loc = formatLocation(cause.location);
    const problem = cause.message.startsWith(`${loc}: `)
      ? cause.message.slice(loc.length + 2)
      : cause.message;
    return cause.location.field ? `field "${cause.location.field}": ${problem}` : problem;
  }
  return err instanceof Error ? err.message : String(err);
}

async function fetchRegistryVersion(cfg: Config, request: Requester): Promise<string | null> {
  try {
    return await request(versionUrl(cfg.baseUrl), 0, (json) => {
      const v = json as { dataTimestamp?: unknown } | null;
      return typeof v?.dataTimestamp === 'string' ? v.dataTimestamp : null;
    });
  } catch (err) {
    if (cfg.signal?.aborted || err instanceof UnreachableError) throw err;
    return null; // the version is provenance detail; the studies requests report real outages loudly
  }
}

/**
 * The most pages a search of `totalCount` studies may take: the pages it fits in, plus a margin (10%, at least 2) for
 * studies added while paging. Unknown totalCount: no bound (the page-token check still stops loops).
 */
export function pageBound(totalCount: number | null, pageSize: number): number {
  if (totalCount === null) return Number.POSITIVE_INFINITY;
  const pages = Math.ceil(totalCount / pageSize);
  return pages + Math.max(2, Math.ceil(pages * 0.1));
}

/**
 * Fetches every study of the search, exactly once per run. With `statePath`, progress is saved after
 * every page and a re-run resumes (see state.ts). Throws MscopeError on persistent failure, on a
 * rejected request, on an unreadable study, and when fewer unique studies arrived than totalCount.
 */
export async function* fetchStudies(opts: FetchOptions = {}): AsyncGenerator<StudyRecord> {
  const cfg = resolveOptions(opts);
  const statePath = cfg.statePath;
  if (statePath) {
    await mkdir(dirname(resolve(statePath)), { recursive: true }).catch((err: unknown) => {
      throw new MscopeError(
        `${statePath}: cannot create the folder of the fetch state: ${(err as Error).message}`,
        1,
        { cause: err },
      );
    });
  }
  let state = statePath ? await loadFetchState(statePath) : null;
  if (state && statePath) {
    checkStateMatches(state, cfg, statePath);
    await repairSpool(statePath, state);
  } else {
    state = freshState(cfg, cfg.now());
  }
  const st: FetchState = state;
  const seen = new Set(st.ids);
  const report = (): void =>
    opts.onProgress?.({ fetched: st.count, total: st.totalCount, page: st.pagesDone });
  const describeState = (): string =>
    statePath
      ? `; ${st.count} studies from ${st.pagesDone} page(s) saved in ${statePath}, re-run to resume`
      : '';
  const req = {
    baseUrl: cfg.baseUrl,
    query: cfg.query,
    ids: cfg.ids,
    since: st.since ?? undefined,
    pageSize: st.pageSize,
  };
  const search = searchUrl(req);
  const seenTokens = new Set(st.tokens);
  for (const q of st.quarantine) opts.onQuarantine?.(q as QuarantinedRecord);

  if (statePath && cfg.replay && st.count > 0) {
    let n = 0;
    for await (const entry of readSpool(statePath)) {
      if (cfg.signal?.aborted) throw interrupted(cfg, cfg.signal.reason, describeState);
      n++;
      yield mapEntry(entry, `${statePath}.spool.ndjson: record ${n}`);
    }
    if (n !== st.count) {
      throw new MscopeError(
        `fetch state ${statePath} lists ${st.count} studies but its spool holds ${n}; delete the state to start over`,
      );
    }
  }
  report();

  if (!st.complete) {
    const request = makeRequester(cfg, describeState);
    if (st.pagesDone === 0 || st.registryVersion === null)
      st.registryVersion = await fetchRegistryVersion(cfg, request);
    for (;;) {
      const pageNo = st.pagesDone + 1;
      const token = st.nextPageToken;
      const maxPages = pageBound(st.totalCount, st.pageSize);
      if (pageNo > maxPages) {
        throw new MscopeError(
          `ClinicalTrials.gov API keeps sending pages: page ${pageNo} of a search whose totalCount ${st.totalCount} ` +
            `fits in ${Math.ceil((st.totalCount ?? 0) / st.pageSize)} page(s) of ${st.pageSize}; stopping instead of looping${describeState()}`,
        );
      }
      const url = studiesUrl({ ...req, pageToken: token, countTotal: st.pagesDone === 0 });
      const page = await request(url, pageNo, readPage);
      const fetchedAt = cfg.now().toISOString();
      const entries: SpoolEntry[] = [];
      const records: StudyRecord[] = [];
      const quarantined: QuarantinedRecord[] = [];
      let dups = 0;
      for (const [i, raw] of page.studies.entries()) {
        const prov: Provenance = {
          format: 'ctgov-v2-live',
          file: search,
          record: st.count + entries.length + 1,
          fetchedAt,
          registryVersion: st.registryVersion,
        };
        const entry = { prov, raw };
        const where = `${url} (page ${pageNo}, study ${i + 1})`;
        let record: StudyRecord;
        try {
          record = mapEntry(entry, where);
        } catch (err) {
          if (!opts.onQuarantine) throw err;
          const reason = reasonOf(err);
          quarantined.push({
            nctId: nctIdOf(raw),
            reason,
            source: `${search} (page ${pageNo}, study ${i + 1})`,
            raw,
          });
          continue;
        }
        if (seen.has(record.study.nctId)) {
          dups++; // the same study on two pages (the registry changed while we paged): keep the first
          continue;
        }
        seen.add(record.study.nctId);
        records.push(record);
        entries.push(entry);
      }
      if (
        page.nextPageToken !== null &&
        (page.nextPageToken === token || seenTokens.has(page.nextPageToken))
      ) {
        throw new MscopeError(
          `ClinicalTrials.gov API sent a page token it had sent before (page ${pageNo} points back to an earlier page); ` +
            `stopping instead of looping${describeState()}`,
        );
      }
      if (page.nextPageToken !== null) seenTokens.add(page.nextPageToken);
      // commit the page: spool first, then the state that points past it
      if (statePath) st.spoolBytes = await appendSpool(statePath, entries);
      st.count += entries.length;
      st.duplicates += dups;
      for (const r of records) st.ids.push(r.study.nctId);
      if (page.nextPageToken !== null) st.tokens.push(page.nextPageToken);
      st.quarantine.push(...quarantined);
      st.pagesDone = pageNo;
      if (pageNo === 1 || st.totalCount === null) st.totalCount = page.totalCount ?? st.totalCount;
      st.nextPageToken = page.nextPageToken;
      st.complete = page.nextPageToken === null;
      st.updatedAt = cfg.now().toISOString();
      if (statePath) await saveFetchState(statePath, st);
      for (const q of quarantined) opts.onQuarantine?.(q);
      for (const r of records) yield r;
      report();
      if (st.complete) break;
    }
  }

  const arrived = st.count + st.quarantine.length;
  if (st.totalCount !== null && arrived > st.totalCount) {
    opts.onWarning?.(
      `ClinicalTrials.gov reported ${st.totalCount} studies but ${arrived} unique studies arrived ` +
        '(the registry changed during the fetch, or its count is wrong); all were kept',
    );
  }
  if (st.totalCount !== null && arrived < st.totalCount) {
    throw new MscopeError(
      `ClinicalTrials.gov reported ${st.totalCount} studies for ${search} but only ${arrived} unique studies arrived ` +
        `(${st.pagesDone} pages, ${st.duplicates} repeated ids skipped); refusing a short result` +
        (statePath ? `; delete ${statePath} to fetch again` : ''),
    );
  }
}

/** Statistics of a finished or interrupted fetch, read from its state file. */
export { loadFetchState, clearFetchState, spoolPathFor } from './state.js';
export type { FetchState } from './state.js';

/** NCT ids per request of fetchStudiesByIds (keeps the URL near 1.3 KB). */
export const IDS_PER_REQUEST = 100;

/**
 * Fetches the full records of the given NCT ids (`filter.ids`, IDS_PER_REQUEST per search), yielding each study once;
 * ids the registry does not know are named in one warning. Not resumable (no state file).
 */
export async function* fetchStudiesByIds(
  ids: readonly string[],
  opts: Omit<FetchOptions, 'ids' | 'query' | 'since' | 'statePath'> = {},
): AsyncGenerator<StudyRecord> {
  const wanted = [...new Set(ids)];
  const got = new Set<string>();
  let pagesBefore = 0;
  let pages = 0;
  const onQuarantine = opts.onQuarantine;
  for (let i = 0; i < wanted.length; i += IDS_PER_REQUEST) {
    const chunk = wanted.slice(i, i + IDS_PER_REQUEST);
    const before = got.size;
    for await (const rec of fetchStudies({
      ...opts,
      ids: chunk,
      pageSize: Math.min(opts.pageSize ?? DEFAULT_PAGE_SIZE, IDS_PER_REQUEST),
      onProgress: (p) => {
        pages = pagesBefore + p.page;
        opts.onProgress?.({ fetched: before + p.fetched, total: wanted.length, page: pages });
      },
      ...(onQuarantine
        ? {
            onQuarantine: (q: QuarantinedRecord) => {
              if (q.nctId) got.add(q.nctId);
              onQuarantine(q);
            },
          }
        : {}),
    })) {
      got.add(rec.study.nctId);
      yield rec;
    }
    pagesBefore = pages;
  }
  const missing = wanted.filter((id) => !got.has(id));
  if (missing.length > 0) {
    const shown = missing.slice(0, 20).join(', ');
    opts.onWarning?.(
      `${missing.length} of ${wanted.length} NCT ids were not found in the registry: ${shown}${missing.length > 20 ? ', …' : ''}`,
    );
  }
}
