/**
 * Per-study derived keys, computed ONCE per ClassifiedStudy and shared by the filter and every metric.
 *
 * Every key comes from the dimension functions of dimensions.ts (and the date helpers of dates.ts), so a prepared
 * value is always exactly what the slow path computed: a filter value still equals a metric key.
 *
 * Caching: `prepared(r)` keeps the result in a WeakMap keyed by the row object (freed with the row). Rows are
 * treated as immutable: when a row's `study` or `labels` object is REPLACED the entry is rebuilt, but editing
 * fields inside those objects in place after a call is not seen. The lower-cased search text is the largest
 * key; it is built on first use by a text filter (`searchText`), or up front with `prepareAll(rows, { text: true })`
 * (what the dashboard server does at load, so no request pays for it).
 */
import type { ClassifiedStudy } from './types.js';
import {
  countryKeys,
  donorKey,
  firstPostedYear,
  modificationKeys,
  phaseKey,
  productFormKey,
  routeKeys,
  sourceGroup,
  sourceKeys,
  specialtyKey,
  sponsorClassKey,
  startYear,
  statusKey,
  studyTypeKey,
  type ProductForm,
} from './dimensions.js';
import { studyDay } from './dates.js';

export interface PreparedStudy {
  /** The row the keys were derived from. */
  readonly row: ClassifiedStudy;
  readonly nctId: string;
  readonly phase: string;
  readonly status: string;
  /** status, upper-cased (case-insensitive filter). */
  readonly statusUpper: string;
  readonly studyType: string;
  readonly studyTypeUpper: string;
  readonly sponsorClass: string;
  /** countryKeys(): distinct location countries, or ["(no location)"]. */
  readonly countries: readonly string[];
  readonly countriesLower: readonly string[];
  readonly firstPostedYear: string;
  readonly startYear: string;
  /** Full ISO days (partial dates at the start of their period), or null. */
  readonly firstPostedDay: string | null;
  readonly startDay: string | null;
  /** First-posted day, else first-submitted day (the asOf rule), or null. */
  readonly asOfDay: string | null;
  /** Label keys (as for an unlabelled row when labels is null: only use them on labelled rows where it matters). */
  readonly sources: readonly string[];
  readonly sourceGroup: string;
  readonly routes: readonly string[];
  readonly modifications: readonly string[];
  readonly donor: string;
  readonly specialty: string;
  readonly productForm: ProductForm | null;
  /** labels.product lower-cased, "none" when absent (case-insensitive filter). */
  readonly productLower: string;
  /** Lower-cased search text; built lazily by searchText(). */
  text?: string;
}

/** Per row: the prepared keys and the study/labels objects they were built from (to notice a replaced object). */
const cache = new WeakMap<ClassifiedStudy, { study: unknown; labels: unknown; p: PreparedStudy }>();

function build(r: ClassifiedStudy): PreparedStudy {
  const s = r.study;
  const countries = countryKeys(s);
  const status = statusKey(s);
  const studyType = studyTypeKey(s);
  const firstPostedDay = studyDay(s.firstPostedDate);
  return {
    row: r,
    nctId: s.nctId,
    phase: phaseKey(s),
    status,
    statusUpper: status.toUpperCase(),
    studyType,
    studyTypeUpper: studyType.toUpperCase(),
    sponsorClass: sponsorClassKey(s),
    countries,
    countriesLower: countries.map((c) => c.toLowerCase()),
    firstPostedYear: firstPostedYear(s),
    startYear: startYear(s),
    firstPostedDay,
    startDay: studyDay(s.startDate),
    asOfDay: firstPostedDay ?? studyDay(s.firstSubmittedDate),
    sources: sourceKeys(r),
    sourceGroup: sourceGroup(r),
    routes: routeKeys(r),
    modifications: modificationKeys(r),
    donor: donorKey(r),
    specialty: specialtyKey(r),
    productForm: productFormKey(r),
    productLower: (r.labels?.product ?? 'none').toLowerCase(),
  };
}

/** The prepared keys of one row (cached per row object; rebuilt when its study or labels object is replaced). */
export function prepared(r: ClassifiedStudy): PreparedStudy {
  const e = cache.get(r);
  if (e !== undefined && e.study === r.study && e.labels === r.labels) return e.p;
  const p = build(r);
  cache.set(r, { study: r.study, labels: r.labels, p });
  return p;
}

/** Prepared keys of every row, in row order; `text: true` also builds the search text now. */
export function prepareAll(rows: readonly ClassifiedStudy[], opts: { text?: boolean } = {}): PreparedStudy[] {
  const out = new Array<PreparedStudy>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const p = prepared(rows[i]!);
    if (opts.text) searchText(p);
    out[i] = p;
  }
  return out;
}

/**
 * Lower-cased search text of a study: NCT id, brief/official title, acronym, conditions, keywords and
 * intervention names/other names, one per line.
 */
export function searchText(p: PreparedStudy): string {
  if (p.text !== undefined) return p.text;
  const s = p.row.study;
  const parts: Array<string | null> = [
    s.nctId,
    s.briefTitle,
    s.officialTitle,
    s.acronym,
    ...s.conditions,
    ...s.keywords,
  ];
  for (const i of s.interventions) parts.push(i.name, ...i.otherNames);
  p.text = parts
    .filter((x): x is string => !!x)
    .join('\n')
    .toLowerCase();
  return p.text;
}
