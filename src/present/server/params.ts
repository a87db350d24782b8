/**
 * Query-parameter validation for the API. Every parameter is checked: unknown names, repeated single-valued
 * parameters, over-long values and invalid values are rejected with a 400 naming the parameter. Filter
 * parameters are parsed by analyze/filter.ts (`filterFromQuery`), never here.
 */
import { FILTER_FIELDS, filterFieldOf, filterFromQuery, type Filter } from '../../analyze/filter.js';
import { MscopeError } from '../../model/errors.js';
import { TRIAL_ID_RE } from '../../model/study.js';
import { ApiError, badParam } from './http-error.js';
import { SORT_KEY_NAMES, isSortKey, type SortKey } from './sort-keys.js';

export const LIMITS = {
  /** Distinct parameter names per request. */
  maxParams: 40,
  /** Values per parameter (repeated list parameters). */
  maxValuesPerParam: 100,
  /** Characters in one parameter name or value. */
  maxValueLength: 500,
  maxPageSize: 500,
  defaultPageSize: 50,
  maxPage: 1_000_000,
} as const;

/** Which non-filter parameters an endpoint accepts. */
export type Control =
  'snapshot' | 'sort' | 'order' | 'page' | 'pageSize' | 'onlyIncluded' | 'yearBasis' | 'ids' | 'parts' | 'at';

/** Top-level parts of /api/metrics (`parts=summary,tables`). */
export const METRIC_PART_NAMES = ['options', 'summary', 'flow', 'tables', 'dose'] as const;

export interface ParsedQuery {
  filter: Filter;
  snapshot: string | undefined;
  sort: SortKey;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
  /** /api/metrics: count only included studies in the landscape tables (default true, as the report). */
  onlyIncluded: boolean;
  yearBasis: 'firstPosted' | 'start';
  /** /api/metrics: keep the contributing NCT ids per metric row (default false: smaller responses). */
  ids: boolean;
  /** /api/metrics: the top-level parts to return, in canonical order; null = all. */
  parts: ReadonlyArray<(typeof METRIC_PART_NAMES)[number]> | null;
  /** /api/review/queue: the trial whose neighbours in the queue are asked for (null: the whole queue). */
  at: string | null;
}

const SNAPSHOT_RE = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

/**
 * Validate a request's query (`name -> all values`). `filter`: whether the filter parameters are accepted;
 * `controls`: which control parameters are. Throws ApiError(400) naming the first offending parameter.
 */
export function parseQuery(
  query: Record<string, string[]>,
  accept: { filter: boolean; controls: readonly Control[] },
): ParsedQuery {
  const names = Object.keys(query);
  if (names.length > LIMITS.maxParams)
    throw badParam(names[LIMITS.maxParams]!, `too many query parameters (at most ${LIMITS.maxParams})`);
  const filterParams: Record<string, string[]> = {};
  const controls = new Set<string>(accept.controls);
  for (const name of names) {
    const values = query[name]!;
    const shown = name.length > 60 ? `${name.slice(0, 60)}…` : name;
    if (name.length > LIMITS.maxValueLength) throw badParam(shown, 'parameter name too long');
    if (values.length > LIMITS.maxValuesPerParam)
      throw badParam(shown, `given more than ${LIMITS.maxValuesPerParam} times`);
    for (const v of values)
      if (v.length > LIMITS.maxValueLength)
        throw badParam(shown, `value longer than ${LIMITS.maxValueLength} characters`);
    if (controls.has(name)) {
      if (values.length > 1) throw badParam(name, 'given more than once');
      continue;
    }
    if (accept.filter && filterFieldOf(name)) {
      filterParams[name] = values;
      continue;
    }
    const known = [...(accept.filter ? FILTER_FIELDS : []), ...accept.controls];
    throw badParam(
      shown,
      known.length
        ? `unknown parameter (accepted: ${known.join(', ')})`
        : 'this endpoint takes no parameters',
    );
  }

  const one = (name: Control): string | undefined => (controls.has(name) ? query[name]?.[0] : undefined);
  const snapshot = one('snapshot');
  if (snapshot !== undefined && !SNAPSHOT_RE.test(snapshot))
    throw badParam('snapshot', 'expected a snapshot id or label (letters, digits, . _ : -)');
  const sortRaw = one('sort') ?? 'nctId';
  if (!isSortKey(sortRaw)) throw badParam('sort', `unknown sort key (allowed: ${SORT_KEY_NAMES.join(', ')})`);
  const orderRaw = one('order') ?? 'asc';
  if (orderRaw !== 'asc' && orderRaw !== 'desc') throw badParam('order', 'expected asc or desc');
  const page = intParam('page', one('page'), 1, 1, LIMITS.maxPage);
  const pageSize = intParam('pageSize', one('pageSize'), LIMITS.defaultPageSize, 1, LIMITS.maxPageSize);

  const onlyIncluded = boolParam('onlyIncluded', one('onlyIncluded'), true);
  const ids = boolParam('ids', one('ids'), false);
  const yearBasis = one('yearBasis') ?? 'firstPosted';
  if (yearBasis !== 'firstPosted' && yearBasis !== 'start')
    throw badParam('yearBasis', 'expected firstPosted or start');

  const at = one('at') ?? null;
  if (at !== null && !/^NCT\d{8}$/i.test(at) && !TRIAL_ID_RE.test(at))
    throw badParam('at', 'expected a trial id like NCT01234567');

  const partsRaw = one('parts');
  let parts: ParsedQuery['parts'] = null;
  if (partsRaw !== undefined) {
    const asked = partsRaw.split(',').map((p) => p.trim());
    const twice = asked.find((p, i) => asked.indexOf(p) !== i);
    if (twice !== undefined) throw badParam('parts', `part "${twice}" given twice`);
    const bad = asked.find((p) => !(METRIC_PART_NAMES as readonly string[]).includes(p));
    if (bad !== undefined)
      throw badParam('parts', `unknown part "${bad}" (allowed: ${METRIC_PART_NAMES.join(', ')})`);
    parts = METRIC_PART_NAMES.filter((p) => asked.includes(p));
  }

  return {
    filter: parseFilter(filterParams),
    snapshot,
    sort: sortRaw,
    order: orderRaw,
    page,
    pageSize,
    onlyIncluded,
    yearBasis,
    ids,
    parts,
    at: at !== null && /^nct\d{8}$/i.test(at) ? at.toUpperCase() : at,
  };
}

function boolParam(name: string, raw: string | undefined, dflt: boolean): boolean {
  if (raw === undefined) return dflt;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw badParam(name, 'expected true or false');
}

function intParam(name: string, raw: string | undefined, dflt: number, min: number, max: number): number {
  if (raw === undefined) return dflt;
  if (!/^\d{1,9}$/.test(raw)) throw badParam(name, `expected a whole number from ${min} to ${max}`);
  const n = Number(raw);
  if (n < min || n > max) throw badParam(name, `expected a whole number from ${min} to ${max}`);
  return n;
}

/**
 * filterFromQuery, with the offending parameter identified when it rejects the query. Country names keep their
 * ", " ("Korea, Republic of"): filterFromQuery splits country values only on a comma not followed by a space.
 */
function parseFilter(params: Record<string, string[]>): Filter {
  try {
    return filterFromQuery(params, { strict: true });
  } catch (err) {
    if (!(err instanceof MscopeError)) throw err;
    for (const [name, values] of Object.entries(params)) {
      try {
        filterFromQuery({ [name]: values }, { strict: true });
      } catch (one) {
        if (one instanceof MscopeError) throw new ApiError(400, one.message, name);
        throw one;
      }
    }
    const name = Object.keys(params)[0] ?? 'filter';
    throw new ApiError(400, err.message, name);
  }
}
