/** Response bodies computed from a dataset and kept per dataset (metrics per filter, sorted selections, meta). */
import { FILTER_FIELDS } from '../../analyze/filter.js';
import { computeColumnMetrics, computePreparedMetrics, computeRangeMetrics } from '../../analyze/metrics.js';
import { buildPrepared } from '../../analyze/prepare.js';
import { filterColumns, firstPostedOnly } from '../../analyze/columns.js';
import { rangeTableOf } from '../../analyze/ranges.js';
import { filterKey, type Dataset } from './dataset.js';
import { dateRange, facetCounts } from './facets.js';
import { LIMITS, METRIC_PART_NAMES, type ParsedQuery } from './params.js';
import { SORT_KEY_NAMES } from './sort-keys.js';
import { basename } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { SnapshotInfo } from '../../store/index.js';
import type { Metrics } from '../../analyze/metrics.js';
import type { Filter } from '../../analyze/filter.js';
import { compareQueueItems, type QueueItem } from '../../analyze/queue.js';
import { reviewSummary } from '../../analyze/review.js';
import { DECISION_FIELDS, DECISION_VALUE_SCHEMAS, SET_DECISION_FIELDS } from '../../model/decisions.js';
import { registryName } from '../../model/registries.js';
import { studyLink } from '../../analyze/dimensions.js';
import type { TrialLink, TrialOfRow } from '../../analyze/types.js';

/** A cached JSON response body, with its gzip form for clients that accept it (large bodies only). */
export interface Body {
  text: string;
  /** `text` as UTF-8, encoded once (a large cached body is not re-encoded on every request). */
  bytes: Uint8Array<ArrayBuffer>;
  gzip: Uint8Array<ArrayBuffer> | null;
}

/** The gzip form is made on first use (most API clients that do not send Accept-Encoding never need it). */
export function makeBody(text: string): Body {
  let gzip: Uint8Array<ArrayBuffer> | null | undefined;
  let bytes: Uint8Array<ArrayBuffer> | undefined;
  return {
    text,
    get bytes() {
      bytes ??= new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;
      return bytes;
    },
    get gzip() {
      gzip ??= text.length >= 4096 ? new Uint8Array(gzipSync(text, { level: 6 })) : null;
      return gzip;
    },
  };
}

const METRIC_PARTS = METRIC_PART_NAMES;
export type MetricPart = (typeof METRIC_PART_NAMES)[number];

/**
 * The /api/metrics body for a parsed query: computeMetrics of the filtered rows (cached per filter and options),
 * projected on the requested top-level parts (all by default), serialized once and cached.
 */
export function metricsBody(
  ds: Dataset,
  q: Pick<ParsedQuery, 'filter' | 'onlyIncluded' | 'yearBasis' | 'ids' | 'parts'>,
  /** 'again': kept once asked for a second time (lru.ts offer); 'always': kept now (the load's warm-up). */
  keep: Keep = 'again',
): Body {
  const key = `metrics:${filterKey(q.filter)}:${q.onlyIncluded}:${q.yearBasis}`;
  const parts = q.parts ?? METRIC_PARTS;
  const make = (): string => {
    // with NCT ids a metrics object of a large snapshot is tens of MB: never cached, always computed
    let metrics = q.ids ? undefined : (ds.cache.get(key) as Metrics | undefined);
    if (!metrics) {
      metrics = computeMetricsOf(ds, q);
      if (!q.ids) keepIn(ds.cache, key, metrics, keep);
    }
    const m = metrics;
    const projected = Object.fromEntries(parts.map((p) => [p, m[p]]));
    return JSON.stringify({
      snapshotId: ds.snapshot.id,
      rulesetVersion: ds.rulesetVersion,
      filter: q.filter,
      metrics: projected,
    });
  };
  return q.ids ? makeBody(make()) : cachedBody(ds, `${key}:${parts.join(',')}`, make, keep);
}

/** How a computed result is kept: see metricsBody. */
export type Keep = 'again' | 'always';

function keepIn<V>(lru: Dataset['cache'], key: string, value: V, keep: Keep): void {
  if (keep === 'always') lru.set(key, value);
  else lru.offer(key, value);
}

/**
 * The metrics of a query, uncached. Without NCT ids: counted from the columns (a first-posted range only: from the
 * range table, no selection made: analyze/ranges.ts); with them, or NCT ids repeated: from the prepared studies.
 */
function computeMetricsOf(
  ds: Dataset,
  q: Pick<ParsedQuery, 'filter' | 'onlyIncluded' | 'yearBasis' | 'ids'>,
): Metrics {
  const opts = { onlyIncluded: q.onlyIncluded, yearBasis: q.yearBasis };
  if (!q.ids) {
    const range = firstPostedOnly(ds.columns, q.filter);
    const m = range && computeRangeMetrics(ds.columns, range[0], range[1], opts);
    if (m) return m;
  }
  const sel = ds.select(q.filter);
  return (
    (q.ids ? null : computeColumnMetrics(ds.columns, sel, opts)) ??
    computePreparedMetrics(
      Array.from(sel, (i) => buildPrepared(ds.rows[i]!)),
      { ...opts, omitNctIds: !q.ids },
      { codes: ds.packed, at: sel },
    )
  );
}

/**
 * Precompute what the dashboard asks first (its default view: included studies; and the unfiltered report
 * metrics) so the first page load does not wait for them, and run the first-posted range path once.
 */
export function warmDataset(ds: Dataset): void {
  rangeTableOf(ds.columns);
  // a few first-posted ranges, not kept: the range path's loops are compiled (with the type feedback of every
  // branch) before the first request of that kind waits for them
  const days = ds.columns.firstPostedDay.sorted;
  for (let k = 1; k <= 4; k++)
    computeRangeMetrics(ds.columns, Math.floor((k * days.length) / 5), days.length - 1, {
      onlyIncluded: k < 4,
    });
  // and the list's: a first-posted selection (large and small) sorted both ways, and a page of a range
  for (const from of [Math.floor(days.length / 5), days.length - 1]) {
    if (from < 0) continue;
    const sel = filterColumns(ds.columns, { firstPostedFrom: days[from] });
    for (const order of ['asc', 'desc'] as const) {
      ds.sorted(sel, 'title', order);
      ds.rangePage(from, days.length - 1, 'title', order, 0, 50);
    }
  }
  // and the text search's (the word index's candidates of one word, a union of many words, several runs checked by
  // substring), with the metrics of a selection: a one-off text filter's loops compiled before the first one waits
  for (const text of ['cel', 'ord', 'stem cell', 'knee'])
    computeColumnMetrics(ds.columns, filterColumns(ds.columns, { text }), { onlyIncluded: true });
  const base = { onlyIncluded: true, yearBasis: 'firstPosted' as const, ids: false, parts: null };
  metricsBody(ds, { ...base, filter: {} }, 'always');
  const dashboard = {
    ...base,
    filter: ds.rulesetVersion ? { included: true } : {},
    onlyIncluded: false,
    parts: DASHBOARD_PARTS,
  };
  metricsBody(ds, dashboard, 'always');
  sortedSelection(ds, dashboard.filter, 'firstPosted', 'desc', 'always');
  metaBody(ds);
}

/** What the web page asks /api/metrics for. */
export const DASHBOARD_PARTS: readonly MetricPart[] = ['summary', 'tables'];

export function metaBody(ds: Dataset): Body {
  return cachedBody(ds, 'meta', () => JSON.stringify(metaOf(ds)));
}

export function cachedBody(ds: Dataset, key: string, make: () => string, keep: Keep = 'always'): Body {
  let v = ds.cache.get(key) as Body | undefined;
  if (v === undefined) {
    v = makeBody(make());
    keepIn(ds.cache, key, v, keep);
  }
  return v;
}

export function sortedSelection(
  ds: Dataset,
  filter: Parameters<Dataset['select']>[0],
  sort: Parameters<Dataset['sorted']>[1],
  order: 'asc' | 'desc',
  keep: Keep = 'again',
): Int32Array {
  const key = `sorted:${filterKey(filter)}:${sort}:${order}`;
  let v = ds.cache.get(key) as Int32Array | undefined;
  if (!v) {
    v = ds.sorted(ds.select(filter), sort, order);
    keepIn(ds.cache, key, v, keep);
  }
  return v;
}

/** A snapshot as the API shows it: the file names of its sources, never the absolute paths of this machine. */
export function publicSnapshot<T extends SnapshotInfo>(s: T): T {
  return { ...s, sources: s.sources.map((x) => (/^https?:\/\//.test(x) ? x : basename(x))) };
}

/** Product names of the snapshot's labels, lower-cased ("none" included), for validating `product=`. */
export function knownProducts(ds: Dataset): ReadonlyMap<string, string> {
  let v = ds.cache.get('knownProducts') as Map<string, string> | undefined;
  if (v === undefined) {
    v = new Map([['none', 'none']]);
    for (const r of ds.rows) if (r.labels?.product) v.set(r.labels.product.toLowerCase(), r.labels.product);
    ds.cache.set('knownProducts', v);
  }
  return v;
}

export function metaOf(ds: Dataset) {
  return {
    snapshot: publicSnapshot(ds.snapshot),
    rulesetVersion: ds.rulesetVersion,
    studies: ds.rows.length,
    /** Registrations merged into trials (null: one registry, every registration is a trial). */
    trials: ds.trialCounts,
    labelled: ds.rows.filter((r) => r.labels !== null).length,
    facets: facetCounts(ds.rows),
    dates: {
      firstPosted: dateRange(ds.rows, (r) => r.study.firstPostedDate?.value),
      start: dateRange(ds.rows, (r) => r.study.startDate?.value),
    },
    review: reviewCounts(ds),
    filterFields: FILTER_FIELDS,
    sortKeys: SORT_KEY_NAMES,
    maxPageSize: LIMITS.maxPageSize,
  };
}

/** How many trials and fields reviewers decided, and where the classifier now differs (the dashboard's review line). */
export function reviewCounts(ds: Dataset) {
  const r = reviewSummary(ds.rows);
  return {
    trialsReviewed: r.trialsReviewed,
    fieldsReviewed: r.fieldsReviewed,
    trialsCorrected: r.trialsCorrected,
    fieldsDisagreeing: r.fieldsDisagreeing,
    changedSinceDecision: r.changedSinceDecision.length,
  };
}

type FieldKind = 'enum' | 'set' | 'bool' | 'text' | 'json';

/** The decision fields, their kind and their allowed values (the review page builds its controls from this). */
export function decisionVocab() {
  const kinds: Record<string, FieldKind> = {};
  const values: Record<string, string[]> = {};
  for (const f of DECISION_FIELDS) {
    const schema = DECISION_VALUE_SCHEMAS[f] as unknown as {
      options?: string[];
      element?: { options?: string[] };
    };
    if (SET_DECISION_FIELDS.has(f)) {
      kinds[f] = 'set';
      values[f] = [...(schema.element?.options ?? [])];
    } else if (schema.options) {
      kinds[f] = 'enum';
      values[f] = [...schema.options];
    } else kinds[f] = f === 'biomaterial' || f === 'covid19' ? 'bool' : f === 'dose' ? 'json' : 'text';
  }
  return { fields: [...DECISION_FIELDS], kinds, values };
}

/** The review queue of the filtered studies in analyze/queue.ts order (cached per filter; decisions drop it). */
async function queueOrder(ds: Dataset, filter: Filter): Promise<QueueItem[]> {
  const key = `queueOrder:${filterKey(filter)}`;
  const hit = ds.cache.get(key) as QueueItem[] | undefined;
  if (hit) return hit;
  const priorities = await ds.priorities();
  const items: QueueItem[] = [];
  for (const i of ds.select(filter)) {
    const nctId = ds.rows[i]!.study.nctId;
    items.push({
      nctId,
      priority: priorities.get(nctId) ?? { tier: 0, reason: 'not classified', evidence: 0 },
    });
  }
  items.sort(compareQueueItems);
  ds.cache.set(key, items);
  return items;
}

/**
 * The review queue of the filtered studies in analyze/queue.ts order (every one, reviewed or not, so previous/next
 * stay stable while reviewing), with the decision vocabulary and whether this server accepts writes. With `at`,
 * only that trial and its neighbours (`offset` = the position of the first one; the first two when `at` is not in
 * the queue): what the review page needs, a few hundred bytes whatever the size of the snapshot.
 */
export async function queueBody(
  ds: Dataset,
  filter: Filter,
  writable: boolean,
  at: string | null = null,
): Promise<Body> {
  // the whole queue is cached per filter; a window is cheap to cut from the cached order (and not cached: one per trial)
  const key = `queue:${filterKey(filter)}:${writable}`;
  const hit = at === null ? (ds.cache.get(key) as Body | undefined) : undefined;
  if (hit) return hit;
  const order = await queueOrder(ds, filter);
  const make = () => {
    const reviewed = (nct: string) => ds.rows[ds.byNct.get(nct)!]?.review !== undefined;
    const pos = at === null ? -1 : order.findIndex((q) => q.nctId === at);
    const from = at === null ? 0 : pos < 0 ? 0 : Math.max(0, pos - 1);
    const to =
      at === null ? order.length : pos < 0 ? Math.min(2, order.length) : Math.min(order.length, pos + 2);
    const first = order.find((q) => !reviewed(q.nctId));
    return JSON.stringify({
      snapshotId: ds.snapshot.id,
      writable,
      total: order.length,
      offset: from,
      firstUnreviewed: first?.nctId ?? null,
      items: order.slice(from, to).map((q) => ({
        nctId: q.nctId,
        tier: q.priority.tier,
        reason: q.priority.reason,
        reviewed: reviewed(q.nctId),
      })),
      vocab: decisionVocab(),
    });
  };
  return at === null ? cachedBody(ds, key, make) : makeBody(make());
}

/** One registration of a trial as the study view shows it. */
export interface RegistrationView {
  registry: string;
  registryName: string;
  trialId: string;
  /** Its public record (studyLink: the registry's own page, else the WHO ICTRP record). */
  url: string;
  /** The registration the trial's id and fields come from first (highest precedence). */
  primary: boolean;
  /** Trial fields taken from this registration (fieldsFrom), in FIELDS order. */
  fields: string[];
  /** The trial's labels are this registration's. */
  labels: boolean;
  /** The links joining this registration to the others of the trial. */
  links: TrialLink[];
}

/** The `trial` part of /api/studies/:nct: every registration, how it was linked, what it supplies; null for one. */
export function trialBody(
  t: TrialOfRow | undefined,
): { id: string; labelsFrom: string; registrations: RegistrationView[]; links: TrialLink[] } | null {
  if (!t || t.registrations.length < 2) return null;
  return {
    id: t.id,
    labelsFrom: t.labelsFrom,
    links: t.links,
    registrations: t.registrations.map((r, i) => ({
      registry: r.registry,
      registryName: registryName(r.registry),
      trialId: r.trialId,
      url: studyLink(r.trialId),
      primary: i === 0,
      fields: Object.keys(t.fieldsFrom).filter((f) => t.fieldsFrom[f] === r.trialId),
      labels: t.labelsFrom === r.trialId,
      links: t.links.filter((l) => l.a === r.trialId || l.b === r.trialId),
    })),
  };
}
