/**
 * The whole view state lives in the URL query string (shareable; back/forward via history.pushState/popstate).
 * Filter parameters use the API's names, so the page's query string IS the API query (plus view keys).
 */
export const LIST_FIELDS = [
  'category',
  'confidence',
  'source',
  'donor',
  'route',
  'phase',
  'status',
  'country',
  'specialty',
  'productForm',
  'studyType',
  'modification',
  'product',
  'registry',
  'review',
] as const;
export const BOOL_FIELDS = ['included', 'covid19'] as const;
export const TEXT_FIELDS = [
  'text',
  'firstPostedFrom',
  'firstPostedTo',
  'startFrom',
  'startTo',
  'asOf',
] as const;

export type ListField = (typeof LIST_FIELDS)[number];
const WHOLE_VALUE_FIELDS: ReadonlySet<ListField> = new Set(['country']);
export type BoolField = (typeof BOOL_FIELDS)[number];
export type TextField = (typeof TEXT_FIELDS)[number];

export interface ViewState {
  lists: Partial<Record<ListField, string[]>>;
  bools: Partial<Record<BoolField, boolean>>;
  texts: Partial<Record<TextField, string>>;
  snapshot: string | null;
  sort: string;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
  /** Study page open for this NCT id. */
  nct: string | null;
  /** The study page in review mode (URL mode=review): labels editable, previous/next in the review queue. */
  reviewMode: boolean;
}

export const DEFAULT_SORT = 'firstPosted';
export const DEFAULT_ORDER = 'desc';
export const DEFAULT_PAGE_SIZE = 25;

export function emptyState(): ViewState {
  return {
    lists: {},
    bools: {},
    texts: {},
    snapshot: null,
    sort: DEFAULT_SORT,
    order: DEFAULT_ORDER,
    page: 1,
    pageSize: DEFAULT_PAGE_SIZE,
    nct: null,
    reviewMode: false,
  };
}

export function parseState(search: string): ViewState {
  const q = new URLSearchParams(search);
  const s = emptyState();
  for (const f of LIST_FIELDS) {
    // country names contain commas ("Korea, Republic of"): one value per parameter, as the API reads them
    const vals = q
      .getAll(f)
      .flatMap((v) => (WHOLE_VALUE_FIELDS.has(f) ? [v] : v.split(',')))
      .map((v) => v.trim())
      .filter(Boolean);
    if (vals.length) s.lists[f] = [...new Set(vals)];
  }
  for (const f of BOOL_FIELDS) {
    const v = q.get(f);
    if (v === 'true' || v === 'false') s.bools[f] = v === 'true';
  }
  for (const f of TEXT_FIELDS) {
    const v = q.get(f);
    if (v !== null && v.trim() !== '') s.texts[f] = v.trim();
  }
  s.snapshot = q.get('snapshot');
  s.sort = q.get('sort') ?? DEFAULT_SORT;
  s.order = q.get('order') === 'asc' ? 'asc' : q.get('order') === 'desc' ? 'desc' : DEFAULT_ORDER;
  const page = Number(q.get('page'));
  s.page = Number.isInteger(page) && page > 0 ? page : 1;
  const size = Number(q.get('pageSize'));
  s.pageSize = Number.isInteger(size) && size > 0 && size <= 500 ? size : DEFAULT_PAGE_SIZE;
  const nct = q.get('nct');
  s.nct =
    nct && /^NCT\d{8}$/i.test(nct)
      ? nct.toUpperCase()
      : nct && /^(?!NCT)(?=[^\d]*\d)[A-Za-z0-9][A-Za-z0-9/-]{3,39}$/.test(nct)
        ? nct
        : null;
  s.reviewMode = q.get('mode') === 'review';
  return s;
}

/** Filter parameters only (what /api/metrics and /api/export.csv take), plus the snapshot. */
export function filterParams(s: ViewState): URLSearchParams {
  const q = new URLSearchParams();
  if (s.snapshot) q.set('snapshot', s.snapshot);
  for (const f of LIST_FIELDS) for (const v of s.lists[f] ?? []) q.append(f, v);
  for (const f of BOOL_FIELDS) if (s.bools[f] !== undefined) q.set(f, String(s.bools[f]));
  for (const f of TEXT_FIELDS) if (s.texts[f]) q.set(f, s.texts[f]!);
  return q;
}

/** The page URL's query string: filters + view keys that differ from the defaults. */
export function stateToSearch(s: ViewState): string {
  const q = filterParams(s);
  if (s.sort !== DEFAULT_SORT) q.set('sort', s.sort);
  if (s.order !== DEFAULT_ORDER) q.set('order', s.order);
  if (s.page !== 1) q.set('page', String(s.page));
  if (s.pageSize !== DEFAULT_PAGE_SIZE) q.set('pageSize', String(s.pageSize));
  if (s.nct) q.set('nct', s.nct);
  if (s.reviewMode) q.set('mode', 'review');
  const str = q.toString();
  return str ? `?${str}` : '';
}

/** Toggle one value of a list filter (a click on a bar); resets to the first page. */
export function toggleValue(s: ViewState, field: ListField, value: string): ViewState {
  const cur = s.lists[field] ?? [];
  const next = cur.includes(value) ? cur.filter((v) => v !== value) : [...cur, value];
  return { ...s, lists: { ...s.lists, [field]: next.length ? next : undefined }, page: 1 };
}

export function isFiltered(s: ViewState): boolean {
  return [...filterParams({ ...s, snapshot: null }).keys()].length > 0;
}
