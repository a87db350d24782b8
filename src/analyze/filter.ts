/**
 * One filter for every consumer (CLI options, HTTP query, report --as-of, named tables).
 *
 * Semantics
 * - Every field is optional; an absent (or empty array) field does not filter.
 * - Fields combine with AND; the values inside one array field combine with OR.
 * - Multi-valued study attributes (sources, routes, modifications, countries) match when ANY of the study's values
 *   is in the list. The keys "unspecified" (sources/routes: none stated), "none" (modification: none) and
 *   "(no location)" (country) select studies without a value.
 * - phase: exact phase KEY of the study (see dimensions.ts): "PHASE2" matches studies registered as Phase 2 only,
 *   NOT "PHASE1|PHASE2"; a combination matches that exact combination (order-insensitive: "PHASE2|PHASE1" is
 *   read as "PHASE1|PHASE2"). "NA" = registry "not applicable", "NONE" = no phase given. This keeps every filter
 *   value equal to a bar of the phase chart.
 * - status, studyType: registry v2 spelling, case-insensitive ("completed" = "COMPLETED").
 * - country: registry spelling of a location country, case-insensitive.
 * - registry: registered in (rules/registries.json id: ctgov, anzctr, chictr, …): a trial of several registrations
 *   matches each of their registries.
 * - product: canonical named product (labels.product), case-insensitive; "none" selects studies without one.
 * - category/confidence/source/donor/route/specialty/modification/productForm/covid19/product/included need labels:
 *   an unlabelled study never matches them.
 * - text: case-insensitive substring over NCT id, brief/official title, acronym, conditions, keywords and
 *   intervention names/other names.
 * - firstPostedFrom/To, startFrom/To: inclusive ISO date bounds; a partial bound covers its whole period
 *   ("2021" as To = up to 2021-12-31). Partial study dates are placed at the start of their period.
 *   A study without the date never matches a bound on it.
 * - asOf: keeps studies first posted on or before that date (the registry as it was then, as far as the
 *   registry allows: statuses and other fields are still those of the snapshot). Studies without a first-posted
 *   date fall back to their first-submitted date; with neither they are dropped.
 * - review: "reviewed" (a reviewer decided some field), "unreviewed", "disagrees" (the classifier's current value
 *   differs from a decision in force).
 */
import { z } from 'zod';
import { OVERALL_STATUS, STUDY_TYPE } from '../model/vocab.js';
import {
  CATEGORIES,
  CONFIDENCES,
  DONORS,
  MODIFICATIONS,
  ROUTES,
  SOURCES,
  SPECIALTIES,
} from '../model/labels.js';
import { UsageError } from '../model/errors.js';
import type { ClassifiedStudy } from './types.js';
import { PRODUCT_FORMS, phaseKeyOf } from './dimensions.js';
import { buildPrepared, prepared, searchText, type PreparedStudy } from './prepare.js';
import { isIsoDate, lowerBound, upperBound } from './dates.js';
import { REVIEW_STATES, reviewStateMatches } from './review.js';

const isoDate = z
  .string()
  .refine(isIsoDate, { message: 'expected a real ISO date YYYY, YYYY-MM or YYYY-MM-DD (years 1800-2999)' });
const list = <T extends z.ZodTypeAny>(t: T) => z.array(t).optional();

export const FilterSchema = z
  .object({
    category: list(z.enum(CATEGORIES)),
    /** Confidence of the category label (high / medium / low). */
    confidence: list(z.enum(CONFIDENCES)),
    source: list(z.enum([...SOURCES, 'unspecified'])),
    donor: list(z.enum(DONORS)),
    route: list(z.enum([...ROUTES, 'unspecified'])),
    phase: list(z.string().min(1)),
    status: list(z.string().min(1)),
    country: list(z.string().min(1)),
    /** The registry holding the registration ("registered in": ctgov, anzctr, chictr, euctr, ctis, irct, …). */
    registry: list(z.string().min(1)),
    specialty: list(z.enum(SPECIALTIES)),
    productForm: list(z.enum(PRODUCT_FORMS)),
    studyType: list(z.string().min(1)),
    modification: list(z.enum([...MODIFICATIONS, 'none'])),
    covid19: z.boolean().optional(),
    /** true: only studies the classifier included (msc_cells, msc_derived, stromal_mixture); false: only excluded. */
    included: z.boolean().optional(),
    product: list(z.string().min(1)),
    text: z.string().optional(),
    firstPostedFrom: isoDate.optional(),
    firstPostedTo: isoDate.optional(),
    startFrom: isoDate.optional(),
    startTo: isoDate.optional(),
    asOf: isoDate.optional(),
    /** Review state (review.ts): reviewed, unreviewed, disagrees (the classifier now differs from a decision). */
    review: list(z.enum(REVIEW_STATES)),
  })
  .strict();

export type Filter = z.infer<typeof FilterSchema>;

/** The filter's field names, in schema order. */
export const FILTER_FIELDS = Object.keys(FilterSchema.shape) as Array<keyof Filter>;

const upper = (xs: readonly string[]) => new Set(xs.map((x) => x.trim().toUpperCase()));
const lower = (xs: readonly string[]) => new Set(xs.map((x) => x.trim().toLowerCase()));
const anyIn = (keys: readonly string[], set: Set<string>) => keys.some((k) => set.has(k));
const has = <T>(xs: readonly T[] | undefined): xs is readonly T[] => xs !== undefined && xs.length > 0;

/**
 * Compile a filter into one predicate over prepared studies (prepare.ts). Validates it first; throws UsageError
 * on an invalid filter. The fast path for callers that keep PreparedStudy arrays (the dashboard server).
 */
export function compilePreparedFilter(input: Filter): (p: PreparedStudy) => boolean {
  const parsed = FilterSchema.safeParse(input);
  if (!parsed.success)
    throw new UsageError(`invalid filter: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}`);
  const f = parsed.data;
  const tests: Array<(p: PreparedStudy) => boolean> = [];

  const labelled = (t: (p: PreparedStudy) => boolean) => (p: PreparedStudy) => p.row.labels !== null && t(p);

  if (has(f.category)) {
    const set = new Set<string>(f.category);
    tests.push(labelled((p) => set.has(p.row.labels!.category)));
  }
  if (has(f.confidence)) {
    const set = new Set<string>(f.confidence);
    tests.push(labelled((p) => set.has(p.row.labels!.confidence?.category ?? '')));
  }
  if (has(f.source)) {
    const set = new Set<string>(f.source);
    tests.push(labelled((p) => anyIn(p.sources, set)));
  }
  if (has(f.donor)) {
    const set = new Set<string>(f.donor);
    tests.push(labelled((p) => set.has(p.donor)));
  }
  if (has(f.route)) {
    const set = new Set<string>(f.route);
    tests.push(labelled((p) => anyIn(p.routes, set)));
  }
  if (has(f.modification)) {
    const set = new Set<string>(f.modification);
    tests.push(labelled((p) => anyIn(p.modifications, set)));
  }
  if (has(f.specialty)) {
    const set = new Set<string>(f.specialty);
    tests.push(labelled((p) => set.has(p.specialty)));
  }
  if (has(f.productForm)) {
    const set = new Set<string>(f.productForm);
    tests.push(labelled((p) => set.has(p.productForm ?? '')));
  }
  if (f.covid19 !== undefined) {
    const want = f.covid19;
    tests.push(labelled((p) => p.row.labels!.covid19 === want));
  }
  if (f.included !== undefined) {
    const want = f.included;
    tests.push(labelled((p) => p.row.labels!.included === want));
  }
  if (has(f.product)) {
    const set = lower(f.product);
    tests.push(labelled((p) => set.has(p.productLower)));
  }
  if (has(f.phase)) {
    const set = new Set(f.phase.map((x) => phaseKeyOf(x.split('|'))));
    tests.push((p) => set.has(p.phase));
  }
  if (has(f.status)) {
    const set = upper(f.status);
    tests.push((p) => set.has(p.statusUpper));
  }
  if (has(f.studyType)) {
    const set = upper(f.studyType);
    tests.push((p) => set.has(p.studyTypeUpper));
  }
  if (has(f.country)) {
    // "(no location)" is its own lower case, so it matches the key of studies without a location country
    const set = lower(f.country);
    tests.push((p) => anyIn(p.countriesLower, set));
  }
  if (has(f.registry)) {
    const set = lower(f.registry);
    tests.push((p) => anyIn(p.registries, set));
  }
  if (f.text !== undefined && f.text.trim() !== '') {
    const needle = f.text.trim().toLowerCase();
    tests.push((p) => searchText(p).includes(needle));
  }
  const bound = (get: (p: PreparedStudy) => string | null, from?: string, to?: string) => {
    const lo = from ? lowerBound(from) : null;
    const hi = to ? upperBound(to) : null;
    if (!lo && !hi) return;
    tests.push((p) => {
      const d = get(p);
      if (d === null) return false;
      return (lo === null || d >= lo) && (hi === null || d <= hi);
    });
  };
  if (has(f.review)) {
    const states = [...new Set(f.review)];
    tests.push((p) => states.some((st) => reviewStateMatches(p.row, st)));
  }
  bound((p) => p.firstPostedDay, f.firstPostedFrom, f.firstPostedTo);
  bound((p) => p.startDay, f.startFrom, f.startTo);
  bound((p) => p.asOfDay, undefined, f.asOf);

  if (tests.length === 0) return () => true;
  if (tests.length === 1) return tests[0]!;
  return (p) => {
    for (const t of tests) if (!t(p)) return false;
    return true;
  };
}

/** Compile a filter into one predicate (validates it first; throws UsageError on an invalid filter). */
export function compileFilter(input: Filter): (r: ClassifiedStudy) => boolean {
  const pred = compilePreparedFilter(input);
  return (r) => pred(prepared(r));
}

/**
 * The rows that pass the filter, in input order. Each row's prepared keys are built for the test and not kept
 * (the cache of `prepared` would hold them as long as the rows live: a registry-wide report filters 600,000 rows).
 */
export function applyFilter(rows: ClassifiedStudy[], f: Filter): ClassifiedStudy[] {
  const pred = compilePreparedFilter(f);
  const out: ClassifiedStudy[] = [];
  for (const r of rows) if (pred(buildPrepared(r))) out.push(r);
  return out;
}

/** The prepared keys of the rows that pass the filter (every row when it is empty), in input order, not cached. */
export function preparedPassing(rows: readonly ClassifiedStudy[], f: Filter): PreparedStudy[] {
  const pred = isEmptyFilter(f) ? () => true : compilePreparedFilter(f);
  const out: PreparedStudy[] = [];
  for (const r of rows) {
    const p = buildPrepared(r);
    if (pred(p)) out.push(p);
  }
  return out;
}

/** Indices (ascending) of the prepared studies that pass the filter. */
export function filterIndices(studies: readonly PreparedStudy[], f: Filter): Int32Array {
  const pred = compilePreparedFilter(f);
  const out = new Int32Array(studies.length);
  let n = 0;
  for (let i = 0; i < studies.length; i++) if (pred(studies[i]!)) out[n++] = i;
  return out.slice(0, n);
}

/** True when the filter restricts nothing. */
export function isEmptyFilter(f: Filter): boolean {
  return Object.values(f).every((v) => v === undefined || (Array.isArray(v) && v.length === 0));
}

// ---------------------------------------------------------------------------------------------------------------
// Query parameters -> Filter

type Kind = 'list' | 'bool' | 'string';
const KIND: Record<keyof Filter, Kind> = {
  category: 'list',
  confidence: 'list',
  source: 'list',
  donor: 'list',
  route: 'list',
  phase: 'list',
  status: 'list',
  country: 'list',
  registry: 'list',
  specialty: 'list',
  productForm: 'list',
  studyType: 'list',
  modification: 'list',
  covid19: 'bool',
  included: 'bool',
  product: 'list',
  text: 'string',
  firstPostedFrom: 'string',
  firstPostedTo: 'string',
  startFrom: 'string',
  startTo: 'string',
  asOf: 'string',
  review: 'list',
};

/** kebab-case / snake_case / lower-case spellings -> field name ("first-posted-from", "as_of", "asof" …). */
const ALIASES: Record<string, keyof Filter> = Object.fromEntries(
  FILTER_FIELDS.flatMap((k) => {
    const kebab = k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    return [
      [k.toLowerCase(), k],
      [kebab, k],
      [kebab.replace(/-/g, '_'), k],
    ];
  }),
);

/** Case-insensitive field name for a query/option name, or undefined when it is not a filter parameter. */
export function filterFieldOf(name: string): keyof Filter | undefined {
  return ALIASES[name.toLowerCase()];
}

/**
 * List fields whose values are free names that may contain ", " (countries such as "Korea, Republic of" or
 * "Iran, Islamic Republic of"; product names). In these, a comma followed by whitespace belongs to the name.
 */
const NAME_FIELDS: ReadonlySet<keyof Filter> = new Set(['country', 'product']);

/** Split one list parameter value (see filterFromQuery). */
export function splitListValue(field: keyof Filter, value: string): string[] {
  return (NAME_FIELDS.has(field) ? value.split(/,(?!\s)/) : value.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

const TRUE = new Set(['true', '1', 'yes', 'y', '']);
const FALSE = new Set(['false', '0', 'no', 'n']);

/**
 * Query parameters (or CLI options) -> Filter. List fields take comma-separated and/or repeated values
 * ("phase=PHASE1|PHASE2,PHASE2" or "phase=PHASE1&phase=PHASE2"); booleans take true/false/1/0/yes/no.
 * In the name fields (country, product) only a comma NOT followed by a space separates values, so registry
 * names keep their ", ": "country=Korea, Republic of,China" is ["Korea, Republic of", "China"]. (Write
 * "China,France", not "China, France", or repeat the parameter.)
 * Parameter names may be camelCase, kebab-case or snake_case. Values are validated against the vocabularies;
 * an invalid value throws UsageError naming the parameter and the allowed values. Parameters that are not filter
 * fields are ignored (so an HTTP handler can pass its whole query), unless `strict` is set.
 */
export function filterFromQuery(
  params: Record<string, string | string[] | undefined>,
  opts: { strict?: boolean } = {},
): Filter {
  const out: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(params)) {
    if (raw === undefined) continue;
    const field = filterFieldOf(name);
    if (!field) {
      if (opts.strict)
        throw new UsageError(`unknown filter parameter "${name}" (known: ${FILTER_FIELDS.join(', ')})`);
      continue;
    }
    const values = (Array.isArray(raw) ? raw : [raw]).map((v) => String(v));
    const kind = KIND[field];
    if (kind === 'list') {
      const items = values.flatMap((v) => splitListValue(field, v));
      const prev = (out[field] as string[] | undefined) ?? [];
      out[field] = [...prev, ...items];
    } else if (kind === 'bool') {
      const v = (values[values.length - 1] ?? '').trim().toLowerCase();
      if (TRUE.has(v)) out[field] = true;
      else if (FALSE.has(v)) out[field] = false;
      else
        throw new UsageError(`filter parameter "${name}": expected true or false, got "${values.join(',')}"`);
    } else {
      if (values.length > 1)
        throw new UsageError(`filter parameter "${name}" given ${values.length} times; give it once`);
      out[field] = (values[0] ?? '').trim();
    }
  }
  for (const [name, raw] of Object.entries(params)) {
    const field = filterFieldOf(name);
    if (field && KIND[field] === 'list' && raw !== undefined && (out[field] as string[]).length === 0) {
      throw new UsageError(`filter parameter "${name}": empty value${closedValues(field)}`);
    }
  }
  checkClosedValues(out, params);
  const parsed = FilterSchema.safeParse(out);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? '');
    const param = Object.keys(params).find((p) => filterFieldOf(p) === field) ?? field;
    const bad = issue.path.length > 1 ? (out[field] as unknown[])[issue.path[1] as number] : out[field];
    const allowed =
      'values' in issue && Array.isArray(issue.values) ? ` (allowed: ${issue.values.join(', ')})` : '';
    throw new UsageError(
      `filter parameter "${param}": invalid value "${String(bad)}": ${issue.message}${allowed}`,
    );
  }
  for (const [from, to] of [
    ['firstPostedFrom', 'firstPostedTo'],
    ['startFrom', 'startTo'],
  ] as const) {
    const lo = parsed.data[from];
    const hi = parsed.data[to];
    if (lo !== undefined && hi !== undefined && lowerBound(lo) > upperBound(hi)) {
      throw new UsageError(`filter parameters "${from}"/"${to}": ${from} ${lo} is after ${to} ${hi}`);
    }
  }
  return parsed.data;
}

/** The closed registry vocabularies: phase parts, overall status, study type (v2 spelling). */
export const PHASE_PARTS = ['EARLY_PHASE1', 'PHASE1', 'PHASE2', 'PHASE3', 'PHASE4', 'NA', 'NONE'] as const;
const CLOSED: Partial<Record<keyof Filter, readonly string[]>> = {
  phase: PHASE_PARTS,
  status: [...new Set(Object.values(OVERALL_STATUS))],
  studyType: [...new Set(Object.values(STUDY_TYPE)), 'UNKNOWN'], // UNKNOWN: none given (the chart's bar)
};

function closedValues(field: keyof Filter): string {
  const allowed = CLOSED[field];
  return allowed ? ` (allowed: ${allowed.join(', ')})` : '';
}

/** Values of the closed vocabularies must be known (case-insensitive; a phase may combine parts with "|"). */
function checkClosedValues(out: Record<string, unknown>, params: Record<string, unknown>): void {
  for (const [field, allowed] of Object.entries(CLOSED) as Array<[keyof Filter, readonly string[]]>) {
    const values = out[field] as string[] | undefined;
    if (!values) continue;
    const known = new Set(allowed);
    for (const v of values) {
      const parts = field === 'phase' ? phaseKeyOf(v.split('|')).split('|') : [v.trim().toUpperCase()];
      if (
        parts.every((p) => known.has(p)) &&
        !(field === 'phase' && parts.length > 1 && parts.includes('NONE'))
      )
        continue;
      const param = Object.keys(params).find((p) => filterFieldOf(p) === field) ?? field;
      throw new UsageError(`filter parameter "${param}": unknown value "${v}"${closedValues(field)}`);
    }
  }
}

/**
 * CLI form: repeatable "KEY=VALUE" pairs (keys as in filterFromQuery, e.g. "phase=PHASE1|PHASE2", "country=China")
 * plus optional extra params (e.g. { asOf }) -> Filter. Unknown keys are an error here (strict).
 */
export function filterFromPairs(
  pairs: readonly string[] = [],
  extra: Record<string, string | undefined> = {},
): Filter {
  const params: Record<string, string[]> = {};
  for (const p of pairs) {
    const i = p.indexOf('=');
    if (i <= 0)
      throw new UsageError(`--filter "${p}": expected KEY=VALUE, e.g. --filter phase=PHASE1|PHASE2`);
    (params[p.slice(0, i).trim()] ??= []).push(p.slice(i + 1));
  }
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) (params[k] ??= []).push(v);
  return filterFromQuery(params, { strict: true });
}
