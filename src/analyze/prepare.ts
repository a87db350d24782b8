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
 *
 * Codes: every metric key is also stored as a small integer (`codes`), an index into a module-wide dictionary per
 * dimension (`DICTS`, grown as new values are seen, never reordered), so a metric can tally into arrays instead
 * of string-keyed maps. Multi-valued codes are de-duplicated, first occurrence first (a trial counts once per value).
 */
import type { ClassifiedStudy } from './types.js';
import {
  countryKeys,
  donorKey,
  firstPostedYear,
  modificationKeys,
  phaseKey,
  productFormKey,
  registryKeys,
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

/** An append-only dictionary: value <-> code. */
export class Dict {
  private readonly index = new Map<string, number>();
  readonly values: string[] = [];

  code(value: string): number {
    let c = this.index.get(value);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(value);
      this.index.set(value, c);
    }
    return c;
  }

  codes(values: readonly string[]): number[] {
    const out: number[] = [];
    for (const v of values) {
      const c = this.code(v);
      if (!out.includes(c)) out.push(c);
    }
    return out;
  }
}

/** Summary flags of a study (PreparedStudy.flags). */
export const FLAG = {
  included: 1,
  completed: 2,
  hasResults: 4,
  covid19: 8,
  derived: 16,
  geneticallyModified: 32,
  observational: 64,
  /** enrollment.type ACTUAL / ESTIMATED. */
  actualEnrollment: 128,
  estimatedEnrollment: 256,
} as const;

/** NCT id -> serial number (PreparedStudy.serial). */
export const NCT_SERIALS = new Dict();

/** One dictionary per metric dimension (years of both bases share one). */
export const DICTS = {
  phase: new Dict(),
  status: new Dict(),
  studyType: new Dict(),
  sponsorClass: new Dict(),
  country: new Dict(),
  year: new Dict(),
  source: new Dict(),
  sourceGroup: new Dict(),
  route: new Dict(),
  modification: new Dict(),
  donor: new Dict(),
  specialty: new Dict(),
  /** productForm ?? "other" (the metric key). */
  productForm: new Dict(),
  /** Registries a trial is registered in. */
  registry: new Dict(),
  /** "COVID-19" / "other". */
  covid19: new Dict(),
  /** "results posted" / "no results posted". */
  results: new Dict(),
  /** labels.product (named products only). */
  product: new Dict(),
} as const;

/** Slots of the single-valued metric keys in StudyCodes.single. */
export const SLOT = {
  phase: 0,
  status: 1,
  studyType: 2,
  sponsorClass: 3,
  firstPostedYear: 4,
  startYear: 5,
  sourceGroup: 6,
  donor: 7,
  specialty: 8,
  productForm: 9,
  covid19: 10,
  results: 11,
  /** -1 when the study names no product. */
  product: 12,
} as const;
export type Slot = (typeof SLOT)[keyof typeof SLOT];
/** Number of single-valued slots (the length of StudyCodes.single). */
export const SLOTS_PER_STUDY = Object.keys(SLOT).length;

/** The dictionary of each slot. */
export const SLOT_DICT: readonly Dict[] = [
  DICTS.phase,
  DICTS.status,
  DICTS.studyType,
  DICTS.sponsorClass,
  DICTS.year,
  DICTS.year,
  DICTS.sourceGroup,
  DICTS.donor,
  DICTS.specialty,
  DICTS.productForm,
  DICTS.covid19,
  DICTS.results,
  DICTS.product,
];

/** The multi-valued metric keys and their dictionaries. */
export const MULTI_DICT = {
  countries: DICTS.country,
  sources: DICTS.source,
  routes: DICTS.route,
  modifications: DICTS.modification,
  registries: DICTS.registry,
} as const;
export type Multi = keyof typeof MULTI_DICT;

/** Metric keys of one study as dictionary codes: single-valued keys by SLOT, multi-valued ones de-duplicated. */
export interface StudyCodes {
  single: Int32Array;
  countries: readonly number[];
  sources: readonly number[];
  routes: readonly number[];
  modifications: readonly number[];
  registries: readonly number[];
}

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
  /** registryKeys(): every registry the trial is registered in. */
  readonly registries: readonly string[];
  readonly donor: string;
  readonly specialty: string;
  readonly productForm: ProductForm | null;
  /** labels.product lower-cased, "none" when absent (case-insensitive filter). */
  readonly productLower: string;
  readonly codes: StudyCodes;
  /** The same number for the same NCT id, distinct for distinct ids (to check that rows are unique quickly). */
  readonly serial: number;
  /** FLAG bits of the summary counts. */
  readonly flags: number;
  /** firstPostedDate as registered (ISO, possibly partial), or null. */
  readonly firstPosted: string | null;
  /** Registered enrollment count, or null. */
  readonly enrollment: number | null;
  /** Dose kind: 0 no readable dose, 1 absolute (not per kg), 2 per kg (`dosePerKg` = cells/kg, rounded). */
  readonly doseKind: 0 | 1 | 2;
  readonly dosePerKg: number;
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
  const phase = phaseKey(s);
  const sponsorClass = sponsorClassKey(s);
  const fpYear = firstPostedYear(s);
  const stYear = startYear(s);
  const sources = sourceKeys(r);
  const group = sourceGroup(r);
  const routes = routeKeys(r);
  const modifications = modificationKeys(r);
  const registries = registryKeys(r);
  const donor = donorKey(r);
  const specialty = specialtyKey(r);
  const productForm = productFormKey(r);
  const product = r.labels?.product;
  const single = new Int32Array(SLOTS_PER_STUDY);
  single[SLOT.phase] = DICTS.phase.code(phase);
  single[SLOT.status] = DICTS.status.code(status);
  single[SLOT.studyType] = DICTS.studyType.code(studyType);
  single[SLOT.sponsorClass] = DICTS.sponsorClass.code(sponsorClass);
  single[SLOT.firstPostedYear] = DICTS.year.code(fpYear);
  single[SLOT.startYear] = DICTS.year.code(stYear);
  single[SLOT.sourceGroup] = DICTS.sourceGroup.code(group);
  single[SLOT.donor] = DICTS.donor.code(donor);
  single[SLOT.specialty] = DICTS.specialty.code(specialty);
  single[SLOT.productForm] = DICTS.productForm.code(productForm ?? 'other');
  single[SLOT.covid19] = DICTS.covid19.code(r.labels?.covid19 ? 'COVID-19' : 'other');
  single[SLOT.results] = DICTS.results.code(s.hasResults ? 'results posted' : 'no results posted');
  single[SLOT.product] = product ? DICTS.product.code(product) : -1;
  const codes: StudyCodes = {
    single,
    countries: DICTS.country.codes(countries),
    sources: DICTS.source.codes(sources),
    routes: DICTS.route.codes(routes),
    modifications: DICTS.modification.codes(modifications),
    registries: DICTS.registry.codes(registries),
  };
  const l = r.labels;
  const flags =
    (l?.included === true ? FLAG.included : 0) |
    (s.overallStatus === 'COMPLETED' ? FLAG.completed : 0) |
    (s.hasResults ? FLAG.hasResults : 0) |
    (l?.covid19 ? FLAG.covid19 : 0) |
    (l?.category === 'msc_derived' ? FLAG.derived : 0) |
    (l?.modifications.includes('genetically_modified') ? FLAG.geneticallyModified : 0) |
    (s.studyType === 'OBSERVATIONAL' ? FLAG.observational : 0) |
    (s.enrollment.type === 'ACTUAL' ? FLAG.actualEnrollment : 0) |
    (s.enrollment.type === 'ESTIMATED' ? FLAG.estimatedEnrollment : 0);
  const d = l?.dose;
  const doseValue = d ? (d.value ?? d.valueHigh) : null;
  const doseKind = !d || doseValue === null ? 0 : d.unit !== 'cells/kg' ? 1 : 2;
  return {
    row: r,
    nctId: s.nctId,
    phase,
    status,
    statusUpper: status.toUpperCase(),
    studyType,
    studyTypeUpper: studyType.toUpperCase(),
    sponsorClass,
    countries,
    countriesLower: countries.map((c) => c.toLowerCase()),
    firstPostedYear: fpYear,
    startYear: stYear,
    firstPostedDay,
    startDay: studyDay(s.startDate),
    asOfDay: firstPostedDay ?? studyDay(s.firstSubmittedDate),
    sources,
    sourceGroup: group,
    routes,
    modifications,
    registries,
    donor,
    specialty,
    productForm,
    productLower: (product ?? 'none').toLowerCase(),
    codes,
    serial: NCT_SERIALS.code(s.nctId),
    flags,
    firstPosted: s.firstPostedDate?.value ?? null,
    enrollment: s.enrollment.count,
    doseKind,
    // = round(value, 0) of metrics/table.ts
    dosePerKg: doseKind === 2 ? Math.round(doseValue!) : 0,
  };
}

/**
 * The prepared keys of one row, built now and not kept (for callers that keep the keys in another form, such as
 * the server's columns: the cache of `prepared` would hold every row's keys as long as the row lives).
 */
export function buildPrepared(r: ClassifiedStudy): PreparedStudy {
  return build(r);
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
  p.text = studyText(p.row);
  return p.text;
}

/** The search text of a row (searchText without keeping it on the prepared study). */
export function studyText(r: ClassifiedStudy): string {
  const s = r.study;
  const parts: Array<string | null> = [
    s.nctId,
    s.briefTitle,
    s.officialTitle,
    s.acronym,
    ...s.conditions,
    ...s.keywords,
  ];
  for (const i of s.interventions) parts.push(i.name, ...i.otherNames);
  return parts
    .filter((x): x is string => !!x)
    .join('\n')
    .toLowerCase();
}

/** One multi-valued dimension of many studies, CSR style: study i's codes are values[offsets[i] .. offsets[i+1]). */
export interface PackedMulti {
  offsets: Int32Array;
  values: Int32Array;
}

/**
 * The codes of many prepared studies in a few contiguous typed arrays. Counting over 50,000 studies read through
 * each study's own small arrays is bound by memory latency (each study's codes live apart on the heap); read
 * from these arrays the same pass is several times faster. `single` holds SLOTS_PER_STUDY codes per study,
 * `enrollment` the registered enrollment (NaN: none).
 */
export interface PackedCodes {
  size: number;
  single: Int32Array;
  multi: Record<Multi, PackedMulti>;
  enrollment: Float64Array;
}

/** The rows of a packed set to read, in order: `at[q]` is the packed index of the q-th row. */
export interface PackedRows {
  codes: PackedCodes;
  at: Int32Array;
}

export function packCodes(rows: readonly PreparedStudy[]): PackedCodes {
  const n = rows.length;
  const single = new Int32Array(n * SLOTS_PER_STUDY);
  const enrollment = new Float64Array(n);
  const multi = {} as Record<Multi, PackedMulti>;
  for (const m of Object.keys(MULTI_DICT) as Multi[]) {
    let total = 0;
    for (const r of rows) total += r.codes[m].length;
    const offsets = new Int32Array(n + 1);
    const values = new Int32Array(total);
    let w = 0;
    for (let i = 0; i < n; i++) {
      offsets[i] = w;
      for (const c of rows[i]!.codes[m]) values[w++] = c;
    }
    offsets[n] = w;
    multi[m] = { offsets, values };
  }
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    single.set(r.codes.single, i * SLOTS_PER_STUDY);
    enrollment[i] = r.enrollment ?? NaN;
  }
  return { size: n, single, multi, enrollment };
}

/** `rows` packed in their own order (for callers that keep no packed set of their own). */
export function packRows(rows: readonly PreparedStudy[]): PackedRows {
  return { codes: packCodes(rows), at: Int32Array.from({ length: rows.length }, (_, i) => i) };
}
