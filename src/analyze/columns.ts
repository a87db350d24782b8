/**
 * A snapshot's prepared keys as columns (typed arrays of dictionary codes, one entry per study), for the dashboard
 * server: filtering and metrics without NCT id lists read these in tight loops instead of one object per study, so a
 * cold request over 600,000 studies touches a few contiguous arrays and allocates almost nothing.
 *
 * - `filterColumns` gives the same indices as `filterIndices` (filter.ts) over the same prepared studies: every
 *   filter field becomes a set of matching codes (built from the dictionary's values with the same comparisons),
 *   dates become ranks in the sorted list of the distinct values, text is searched (substring) in the studies the
 *   word index names as candidates (word-index.ts), and the other filters run over those candidates only.
 * - `computeColumnMetrics` gives the same object as `computePreparedMetrics(..., { omitNctIds: true })` over the same
 *   selection (metrics.ts; checked by tests/analyze/columns.test.ts).
 */
import { phaseKeyOf } from './dimensions.js';
import { lowerBound, upperBound } from './dates.js';
import { reviewStateMatches } from './review.js';
import {
  DICTS,
  MULTI_DICT,
  NCT_SERIALS,
  searchText,
  SLOT,
  SLOTS_PER_STUDY,
  type Multi,
  type PackedCodes,
  type PackedMulti,
  type PreparedStudy,
} from './prepare.js';
import { FilterSchema, type Filter } from './filter.js';
import type { ClassifiedStudy } from './types.js';
import { UsageError } from '../model/errors.js';
import { z } from 'zod';
import { buildWordIndex, wordCandidatesInto, type WordIndex } from './word-index.js';
import type { RangeTable } from './ranges.js';
import { IntList } from './int-list.js';
import { firstAtLeast, lastAtMost } from './sorted-search.js';

/** Raw values <-> codes (values may be any JSON value: a label field as stored, null included). */
class ValueDict {
  private readonly index = new Map<unknown, number>();
  readonly values: unknown[] = [];
  code(v: unknown): number {
    let c = this.index.get(v);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(v);
      this.index.set(v, c);
    }
    return c;
  }
}

/** A column of optional strings as ranks in their sorted distinct values (-1: none), compared like the strings. */
export interface RankColumn {
  rank: Int32Array;
  /** Distinct values, ascending (JS string order). */
  sorted: string[];
}

function rankColumn(values: ReadonlyArray<string | null>): RankColumn {
  const sorted = [...new Set(values.filter((v): v is string => v !== null))].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  const at = new Map(sorted.map((v, i) => [v, i] as const));
  const rank = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    rank[i] = v === null || v === undefined ? -1 : at.get(v)!;
  }
  return { rank, sorted };
}

/**
 * The lower-cased search texts of the studies and their word index (word-index.ts): a text search looks up the
 * needle's words to find the studies that can hold it and runs the substring search on those only.
 */
export interface TextIndex {
  texts: string[];
  words: WordIndex;
}

function textIndex(text: (i: number) => string, n: number): TextIndex {
  const texts = new Array<string>(n);
  for (let i = 0; i < n; i++) texts[i] = text(i);
  return { texts, words: buildWordIndex(n, (i) => texts[i]!) };
}

export interface DoseKey {
  value: number;
  routes: string[];
  phase: string;
  administrations: number | null;
}

export interface StudyColumns {
  size: number;
  /** The rows the columns were built from (the review filter reads their decisions). */
  rows: readonly ClassifiedStudy[];
  packed: PackedCodes;
  /** FLAG bits (prepare.ts). */
  flags: Uint16Array;
  /** 1 when the study has labels. */
  labelled: Uint8Array;
  /** prepare.ts NCT_SERIALS code of the NCT id. */
  serial: Int32Array;
  /** True when no two studies share an NCT id (metrics need not check a selection for repeats). */
  uniqueSerials: boolean;
  /** labels.category, labels.confidence?.category ?? '' and labels.screeningReason as codes (-1: no labels). */
  category: Int32Array;
  confidence: Int32Array;
  reason: Int32Array;
  dicts: { category: ValueDict; confidence: ValueDict; reason: ValueDict };
  /** productForm: 1 when the study has one (the productForm slot holds "other" for none). */
  hasProductForm: Uint8Array;
  firstPostedDay: RankColumn;
  startDay: RankColumn;
  asOfDay: RankColumn;
  /** firstPostedDate as registered (ranks; the empty string counts as none). */
  firstPosted: RankColumn;
  doseKind: Uint8Array;
  /** Per study with a per-kg dose: its pooled point's key (dose value, routes, phase, administrations), else -1. */
  doseKey: Int32Array;
  doseKeys: DoseKey[];
  doseDict: Map<string, number>;
  text: TextIndex;
  /** The first-posted range table (ranges.ts), made on first use; dropped when a study changes. */
  ranges?: RangeTable;
}

/**
 * The columns of `prepared` (aligned with it). `text(i)` is the search text of study i (searchText by default).
 */
export function buildColumns(
  prepared: readonly PreparedStudy[],
  text: (i: number) => string = (i) => searchText(prepared[i]!),
): StudyColumns {
  return columnsOf(prepared.length, (i) => prepared[i]!, text);
}

const MULTIS = Object.keys(MULTI_DICT) as Multi[];

/** The dose pooling key of a prepared study with a per-kg dose (value first: points pool within one value). */
function doseKeyOf(p: PreparedStudy): string {
  const administrations = p.row.labels!.dose!.administrations;
  return `${p.dosePerKg}\u0000${p.phase}\u0000${administrations ?? ''}\u0000${p.routes.join('\u0000')}`;
}

/**
 * The columns of `n` studies in one pass: `get(i)` gives the prepared keys of study i (built for the call and
 * not kept: the server keeps only the columns), `text(i)` its search text.
 */
export function columnsOf(
  n: number,
  get: (i: number) => PreparedStudy,
  text: (i: number) => string,
): StudyColumns {
  const rows = new Array<ClassifiedStudy>(n);
  const single = new Int32Array(n * SLOTS_PER_STUDY);
  const enrollment = new Float64Array(n);
  const offsets = Object.fromEntries(MULTIS.map((m) => [m, new Int32Array(n + 1)])) as Record<
    Multi,
    Int32Array
  >;
  const values = Object.fromEntries(MULTIS.map((m) => [m, new IntList()])) as Record<Multi, IntList>;
  const flags = new Uint16Array(n);
  const labelled = new Uint8Array(n);
  const serial = new Int32Array(n);
  const category = new Int32Array(n);
  const confidence = new Int32Array(n);
  const reason = new Int32Array(n);
  const hasProductForm = new Uint8Array(n);
  const doseKind = new Uint8Array(n);
  const doseKey = new Int32Array(n);
  const dicts = { category: new ValueDict(), confidence: new ValueDict(), reason: new ValueDict() };
  const doseDict = new Map<string, number>();
  const doseKeys: DoseKey[] = [];
  const fpDay: Array<string | null> = new Array(n);
  const stDay: Array<string | null> = new Array(n);
  const aoDay: Array<string | null> = new Array(n);
  const fp: Array<string | null> = new Array(n);
  for (let i = 0; i < n; i++) {
    const p = get(i);
    const l = p.row.labels;
    rows[i] = p.row;
    single.set(p.codes.single, i * SLOTS_PER_STUDY);
    enrollment[i] = p.enrollment ?? NaN;
    for (const m of MULTIS) {
      offsets[m][i] = values[m].length;
      for (const c of p.codes[m]) values[m].push(c);
    }
    flags[i] = p.flags;
    serial[i] = p.serial;
    labelled[i] = l ? 1 : 0;
    category[i] = l ? dicts.category.code(l.category) : -1;
    confidence[i] = l ? dicts.confidence.code(l.confidence?.category ?? '') : -1;
    reason[i] = l ? dicts.reason.code(l.screeningReason) : -1;
    hasProductForm[i] = p.productForm !== null ? 1 : 0;
    fpDay[i] = p.firstPostedDay;
    stDay[i] = p.startDay;
    aoDay[i] = p.asOfDay;
    fp[i] = p.firstPosted ? p.firstPosted : null;
    doseKind[i] = p.doseKind;
    doseKey[i] = -1;
    if (p.doseKind === 2) {
      const k = doseKeyOf(p);
      let c = doseDict.get(k);
      if (c === undefined) {
        c = doseKeys.length;
        doseKeys.push({
          value: p.dosePerKg,
          routes: [...p.routes],
          phase: p.phase,
          administrations: l!.dose!.administrations,
        });
        doseDict.set(k, c);
      }
      doseKey[i] = c;
    }
  }
  let uniqueSerials = true;
  const seenSerial = new Uint8Array(NCT_SERIALS.values.length);
  for (let i = 0; i < n && uniqueSerials; i++) {
    if (seenSerial[serial[i]!] === 1) uniqueSerials = false;
    seenSerial[serial[i]!] = 1;
  }
  const multi = {} as Record<Multi, PackedMulti>;
  for (const m of MULTIS) {
    offsets[m][n] = values[m].length;
    multi[m] = { offsets: offsets[m], values: values[m].data.slice(0, values[m].length) };
  }
  return {
    size: n,
    rows,
    packed: { size: n, single, multi, enrollment },
    flags,
    labelled,
    serial,
    uniqueSerials,
    category,
    confidence,
    reason,
    dicts,
    hasProductForm,
    firstPostedDay: rankColumn(fpDay),
    startDay: rankColumn(stDay),
    asOfDay: rankColumn(aoDay),
    firstPosted: rankColumn(fp),
    doseKind,
    doseKey,
    doseKeys,
    doseDict,
    text: textIndex(text, n),
  };
}

/** The rank of `v` in a rank column, or undefined when it is not one of its values. */
function rankOf(col: RankColumn, v: string | null): number | undefined {
  if (v === null) return -1;
  const k = firstAtLeast(col.sorted, v);
  return col.sorted[k] === v ? k : undefined;
}

/**
 * Replace study i's entries by those of `p` (a reviewer decision changed its labels) in place. Returns false, with
 * nothing changed, when one of its dates is not among the column's values (the caller then rebuilds the columns).
 */
export function updateColumns(cols: StudyColumns, i: number, p: PreparedStudy, text: string): boolean {
  const ranks = [
    rankOf(cols.firstPostedDay, p.firstPostedDay),
    rankOf(cols.startDay, p.startDay),
    rankOf(cols.asOfDay, p.asOfDay),
    rankOf(cols.firstPosted, p.firstPosted ? p.firstPosted : null),
  ];
  if (ranks.some((r) => r === undefined)) return false;
  delete cols.ranges;
  [cols.firstPostedDay, cols.startDay, cols.asOfDay, cols.firstPosted].forEach(
    (c, k) => (c.rank[i] = ranks[k]!),
  );
  const l = p.row.labels;
  (cols.rows as ClassifiedStudy[])[i] = p.row;
  const { packed } = cols;
  packed.single.set(p.codes.single, i * SLOTS_PER_STUDY);
  packed.enrollment[i] = p.enrollment ?? NaN;
  for (const m of MULTIS) {
    const { offsets, values } = packed.multi[m];
    const codes = p.codes[m];
    const from = offsets[i]!;
    const to = offsets[i + 1]!;
    if (to - from === codes.length) {
      values.set(codes, from);
      continue;
    }
    const d = codes.length - (to - from);
    const next = new Int32Array(values.length + d);
    next.set(values.subarray(0, from));
    next.set(codes, from);
    next.set(values.subarray(to), from + codes.length);
    for (let j = i + 1; j < offsets.length; j++) offsets[j]! += d;
    packed.multi[m] = { offsets, values: next };
  }
  cols.flags[i] = p.flags;
  if (cols.serial[i] !== p.serial) cols.uniqueSerials = false; // another NCT id: no longer known to be unique
  cols.serial[i] = p.serial;
  cols.labelled[i] = l ? 1 : 0;
  cols.category[i] = l ? cols.dicts.category.code(l.category) : -1;
  cols.confidence[i] = l ? cols.dicts.confidence.code(l.confidence?.category ?? '') : -1;
  cols.reason[i] = l ? cols.dicts.reason.code(l.screeningReason) : -1;
  cols.hasProductForm[i] = p.productForm !== null ? 1 : 0;
  cols.doseKind[i] = p.doseKind;
  cols.doseKey[i] = -1;
  if (p.doseKind === 2) {
    const k = doseKeyOf(p);
    let c = cols.doseDict.get(k);
    if (c === undefined) {
      c = cols.doseKeys.length;
      cols.doseKeys.push({
        value: p.dosePerKg,
        routes: [...p.routes],
        phase: p.phase,
        administrations: l!.dose!.administrations,
      });
      cols.doseDict.set(k, c);
    }
    cols.doseKey[i] = c;
  }
  // the study's search text; a changed one is not in the word index: always a candidate
  if (cols.text.texts[i] !== text) cols.text.words.stale.add(i);
  cols.text.texts[i] = text;
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// filter

const has = <T>(xs: readonly T[] | undefined): xs is readonly T[] => xs !== undefined && xs.length > 0;
const upper = (xs: readonly string[]) => new Set(xs.map((x) => x.trim().toUpperCase()));
const lower = (xs: readonly string[]) => new Set(xs.map((x) => x.trim().toLowerCase()));

/** Codes (of a dictionary's values) that pass `keep`, as a 0/1 table indexed by code. */
function codeSet(values: readonly unknown[], keep: (v: string) => boolean): Uint8Array {
  const out = new Uint8Array(values.length + 1);
  values.forEach((v, c) => (out[c] = keep(v as string) ? 1 : 0));
  return out;
}

/** Keeps the indices of `idx[0..n)` for which `test(i)` holds; returns the new count. */
function keep(idx: Int32Array, n: number, test: (i: number) => boolean): number {
  let w = 0;
  for (let k = 0; k < n; k++) {
    const i = idx[k]!;
    if (test(i)) idx[w++] = i;
  }
  return w;
}

/** A work array of `cols.size` indices, kept with the columns (requests run one at a time: no allocation each). */
function scratchOf(cols: StudyColumns): Int32Array {
  let s = scratch.get(cols);
  if (!s || s.length !== cols.size) {
    s = new Int32Array(cols.size);
    scratch.set(cols, s);
  }
  return s;
}
const scratch = new WeakMap<StudyColumns, Int32Array>();

/** Indices (ascending) of the studies passing the filter: filterIndices(prepared, filter) from the columns. */
export function filterColumns(cols: StudyColumns, input: Filter): Int32Array {
  const parsed = FilterSchema.safeParse(input);
  if (!parsed.success)
    throw new UsageError(`invalid filter: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}`);
  const f = parsed.data;
  // a first-posted range only: one pass over the day ranks
  if (onlyFirstPosted(f)) {
    const [lo, hi] = rankRange(cols.firstPostedDay, f.firstPostedFrom, f.firstPostedTo);
    return rankSelection(cols.firstPostedDay.rank, lo, hi, scratchOf(cols));
  }
  const n0 = cols.size;
  const { single, multi } = cols.packed;
  const S = SLOTS_PER_STUDY;
  const lab = cols.labelled;
  const needle = f.text !== undefined && f.text.trim() !== '' ? f.text.trim().toLowerCase() : null;
  // a text filter starts from the word index's candidates (a superset of the matches, written into the scratch;
  // exact: each of them holds the needle), else from every study
  const idx = scratchOf(cols);
  const candidates = needle === null ? null : wordCandidatesInto(cols.text.words, needle, idx);
  let n: number;
  if (candidates) {
    n = candidates.n;
  } else {
    for (let i = 0; i < n0; i++) idx[i] = i;
    n = n0;
  }

  const slotIn = (slot: number, set: Uint8Array, labels: boolean) => {
    n = keep(idx, n, (i) => (!labels || lab[i] === 1) && set[single[i * S + slot]!] === 1);
  };
  const codeIn = (col: Int32Array, set: Uint8Array) => {
    // col is -1 for unlabelled studies: they never match
    n = keep(idx, n, (i) => col[i]! >= 0 && set[col[i]!] === 1);
  };
  const multiIn = (m: Multi, set: Uint8Array, labels: boolean) => {
    const { offsets, values } = multi[m];
    n = keep(idx, n, (i) => {
      if (labels && lab[i] !== 1) return false;
      for (let j = offsets[i]!; j < offsets[i + 1]!; j++) if (set[values[j]!] === 1) return true;
      return false;
    });
  };
  const inSet = (xs: readonly string[]) => {
    const s = new Set<string>(xs);
    return (v: string) => s.has(v);
  };

  if (has(f.category)) codeIn(cols.category, codeSet(cols.dicts.category.values, inSet(f.category)));
  if (has(f.confidence)) codeIn(cols.confidence, codeSet(cols.dicts.confidence.values, inSet(f.confidence)));
  if (has(f.source)) multiIn('sources', codeSet(MULTI_DICT.sources.values, inSet(f.source)), true);
  if (has(f.donor)) slotIn(SLOT.donor, codeSet(DICTS.donor.values, inSet(f.donor)), true);
  if (has(f.route)) multiIn('routes', codeSet(MULTI_DICT.routes.values, inSet(f.route)), true);
  if (has(f.modification))
    multiIn('modifications', codeSet(MULTI_DICT.modifications.values, inSet(f.modification)), true);
  if (has(f.specialty)) slotIn(SLOT.specialty, codeSet(DICTS.specialty.values, inSet(f.specialty)), true);
  if (has(f.productForm)) {
    const set = codeSet(DICTS.productForm.values, inSet(f.productForm));
    const hp = cols.hasProductForm;
    n = keep(idx, n, (i) => lab[i] === 1 && hp[i] === 1 && set[single[i * S + SLOT.productForm]!] === 1);
  }
  const flag = (bit: number, want: boolean) => {
    const fl = cols.flags;
    n = keep(idx, n, (i) => lab[i] === 1 && ((fl[i]! & bit) !== 0) === want);
  };
  if (f.covid19 !== undefined) flag(FLAG_COVID, f.covid19);
  if (f.included !== undefined) flag(FLAG_INCLUDED, f.included);
  if (has(f.product)) {
    const set = lower(f.product);
    const codes = codeSet(DICTS.product.values, (v) => set.has(v.toLowerCase()));
    const none = set.has('none');
    n = keep(idx, n, (i) => {
      if (lab[i] !== 1) return false;
      const c = single[i * S + SLOT.product]!;
      return c < 0 ? none : codes[c] === 1;
    });
  }
  if (has(f.phase)) {
    const set = new Set(f.phase.map((x) => phaseKeyOf(x.split('|'))));
    slotIn(
      SLOT.phase,
      codeSet(DICTS.phase.values, (v) => set.has(v)),
      false,
    );
  }
  if (has(f.status)) {
    const set = upper(f.status);
    slotIn(
      SLOT.status,
      codeSet(DICTS.status.values, (v) => set.has(v.toUpperCase())),
      false,
    );
  }
  if (has(f.studyType)) {
    const set = upper(f.studyType);
    slotIn(
      SLOT.studyType,
      codeSet(DICTS.studyType.values, (v) => set.has(v.toUpperCase())),
      false,
    );
  }
  if (has(f.country)) {
    const set = lower(f.country);
    multiIn(
      'countries',
      codeSet(MULTI_DICT.countries.values, (v) => set.has(v.toLowerCase())),
      false,
    );
  }
  if (has(f.registry)) {
    const set = lower(f.registry);
    multiIn(
      'registries',
      codeSet(MULTI_DICT.registries.values, (v) => set.has(v)),
      false,
    );
  }
  if (needle !== null && candidates?.exact !== true) n = textIn(cols, idx, n, needle);
  if (has(f.review)) {
    const states = [...new Set(f.review)];
    const rows = cols.rows;
    n = keep(idx, n, (i) => states.some((st) => reviewStateMatches(rows[i]!, st)));
  }
  const bound = (col: RankColumn, from?: string, to?: string) => {
    if (!from && !to) return;
    const [lo, hi] = rankRange(col, from, to);
    const rank = col.rank;
    // rank -1 (no date) is below any lo >= 0
    n = keep(idx, n, (i) => rank[i]! >= lo && rank[i]! <= hi);
  };
  bound(cols.firstPostedDay, f.firstPostedFrom, f.firstPostedTo);
  bound(cols.startDay, f.startFrom, f.startTo);
  bound(cols.asOfDay, undefined, f.asOf);
  return idx.slice(0, n);
}

/**
 * The ranks [lo, hi] of a column's values within the date bounds (from/to as the filter gives them: a year, month
 * or day); lo > hi when none is. A study without a value (rank -1) is never within.
 */
export function rankRange(col: RankColumn, from?: string, to?: string): [number, number] {
  const lo = from ? firstAtLeast(col.sorted, lowerBound(from)) : 0;
  const hi = to ? lastAtMost(col.sorted, upperBound(to)) : col.sorted.length - 1;
  return [lo, hi];
}

/**
 * The first-posted rank range of a filter that bounds only the first-posted date (the case the range table of
 * ranges.ts answers without a pass over every study), else null.
 */
export function firstPostedOnly(cols: StudyColumns, input: Filter): [number, number] | null {
  if (!onlyFirstPosted(input)) return null;
  const parsed = FilterSchema.safeParse(input);
  if (!parsed.success) return null;
  return rankRange(cols.firstPostedDay, parsed.data.firstPostedFrom, parsed.data.firstPostedTo);
}

/** True when the filter bounds the first-posted date and nothing else. */
function onlyFirstPosted(f: Filter): boolean {
  const keys = Object.entries(f)
    .filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))
    .map(([k]) => k);
  return keys.length > 0 && keys.every((k) => k === 'firstPostedFrom' || k === 'firstPostedTo');
}

/**
 * Indices (ascending) of the studies whose rank is within [lo, hi] (lo >= 0: studies without a value never are),
 * gathered in `work` (at least one slot per study) and copied out.
 */
export function rankSelection(rank: Int32Array, lo: number, hi: number, work: Int32Array): Int32Array {
  let n = 0;
  for (let i = 0; i < rank.length; i++) {
    const r = rank[i]!;
    if (r >= lo && r <= hi) work[n++] = i;
  }
  return work.slice(0, n);
}

// FLAG.covid19 and FLAG.included (prepare.ts), read here as numbers for the tight loops
const FLAG_COVID = 8;
const FLAG_INCLUDED = 1;

/** Keeps the indices whose search text contains `needle`. */
function textIn(cols: StudyColumns, idx: Int32Array, n: number, needle: string): number {
  const texts = cols.text.texts;
  return keep(idx, n, (i) => texts[i]!.includes(needle));
}
