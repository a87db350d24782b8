/**
 * Building ClinicalTrials.gov API v2 `/studies` requests: the default MSC search (data in default-query.json),
 * the incremental `--since` filter and the page URLs.
 */
import defaultQueryData from './default-query.json' with { type: 'json' };
import { UsageError } from '../../model/errors.js';

export const DEFAULT_BASE_URL = 'https://clinicaltrials.gov/api/v2';
export const DEFAULT_PAGE_SIZE = 1000;
/** The API refuses pageSize above this. */
export const MAX_PAGE_SIZE = 1000;

interface QueryGroup {
  name: string;
  terms: string[];
}

/** Every term of the default search, in file order, without duplicates. */
export function defaultQueryTerms(): string[] {
  const groups = (defaultQueryData as { groups: QueryGroup[] }).groups;
  return [...new Set(groups.flatMap((g) => g.terms))];
}

/** One Essie term: always a quoted phrase so hyphens, apostrophes and spaces are taken literally. */
export function essiePhrase(term: string): string {
  return `"${term.replace(/"/g, ' ').trim()}"`;
}

/** The default `query.term`: every synonym and product name ORed. */
export function defaultQuery(): string {
  return defaultQueryTerms().map(essiePhrase).join(' OR ');
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Validates an ISO calendar date (YYYY-MM-DD) given as `since`; throws UsageError naming the value. */
export function checkSince(since: string): string {
  const m = ISO_DATE.exec(since);
  const d = m ? new Date(`${since}T00:00:00Z`) : null;
  if (!m || !d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== since) {
    throw new UsageError(`invalid --since date "${since}": expected an ISO date YYYY-MM-DD`);
  }
  return since;
}

/** The `filter.advanced` Essie expression for "last update posted on or after `since`". */
export function sinceFilter(since: string): string {
  return `AREA[LastUpdatePostDate]RANGE[${checkSince(since)},MAX]`;
}

export interface StudiesRequest {
  baseUrl: string;
  query: string;
  /** `filter.ids`: only these NCT ids. */
  ids?: readonly string[] | undefined;
  since?: string | undefined;
  pageSize: number;
  pageToken?: string | null | undefined;
  countTotal?: boolean;
}

function endpoint(baseUrl: string, path: string): URL {
  return new URL(`${baseUrl.replace(/\/+$/, '')}/${path}`);
}

/** The full `/studies` URL of one page. */
export function studiesUrl(req: StudiesRequest): string {
  const url = endpoint(req.baseUrl, 'studies');
  const p = url.searchParams;
  p.set('format', 'json');
  if (req.query !== '' || !req.ids) p.set('query.term', req.query);
  if (req.ids) p.set('filter.ids', req.ids.join(','));
  if (req.since !== undefined) p.set('filter.advanced', sinceFilter(req.since));
  p.set('pageSize', String(req.pageSize));
  if (req.countTotal) p.set('countTotal', 'true');
  if (req.pageToken) p.set('pageToken', req.pageToken);
  return url.toString();
}

/** The request URL without page token / countTotal: the provenance "file" of every record of one fetch. */
export function searchUrl(req: Omit<StudiesRequest, 'pageToken' | 'countTotal'>): string {
  return studiesUrl({ ...req, pageToken: null, countTotal: false });
}

export function versionUrl(baseUrl: string): string {
  return endpoint(baseUrl, 'version').toString();
}

/** Checks pageSize is an integer in 1..1000; throws UsageError. */
export function checkPageSize(n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_SIZE) {
    throw new UsageError(`invalid page size ${n}: expected an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
  return n;
}

/** Checks the base URL is http(s); throws UsageError. */
export function checkBaseUrl(baseUrl: string): string {
  let u: URL;
  try {
    u = new URL(baseUrl);
  } catch {
    throw new UsageError(`invalid base URL "${baseUrl}"`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new UsageError(`invalid base URL "${baseUrl}": not http(s)`);
  return baseUrl.replace(/\/+$/, '');
}
