/**
 * Small typed accessors shared by the record mappers. A value of the wrong JSON type in a field the mapper
 * reads is bad input: it throws an InputError naming the file, record and field (never a TypeError).
 */
import { DateParseError, parseDateType, parseRegistryDate } from '../model/dates.js';
import { InputError } from '../model/errors.js';
import type { PartialDate, Provenance, Study } from '../model/study.js';
import { StudySchema } from '../model/study.js';
import { DATE_TYPE, HEALTHY_VOLUNTEERS, lookup, type VocabTable } from '../model/vocab.js';
import { parseRegistrationId } from '../model/registries.js';
import { fitsSchema } from './schema-check.js';

export type Obj = Record<string, unknown>;
const EMPTY: Obj = Object.freeze({}) as Obj;

export function fail(prov: Provenance, field: string, problem: string): never {
  throw new InputError({ file: prov.file, record: prov.record ?? undefined, field }, problem);
}

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An object, or an empty one when absent. */
export function obj(prov: Provenance, field: string, v: unknown): Obj {
  if (v === undefined || v === null) return EMPTY;
  if (isObj(v)) return v;
  return fail(prov, field, `expected an object, got ${describe(v)}`);
}

/** An array, or an empty one when absent. */
export function arr(prov: Provenance, field: string, v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v;
  return fail(prov, field, `expected a list, got ${describe(v)}`);
}

/** Text, or null when absent or blank. */
export function str(prov: Provenance, field: string, v: unknown): string | null {
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (v === undefined || v === null) return null;
  return fail(prov, field, `expected text, got ${describe(v)}`);
}

/** Required text. */
export function reqStr(prov: Provenance, field: string, v: unknown): string {
  const s = str(prov, field, v);
  if (s === null) return fail(prov, field, 'is missing or empty');
  return s;
}

export function strList(prov: Provenance, field: string, v: unknown): string[] {
  const a = arr(prov, field, v);
  const out: string[] = [];
  for (let i = 0; i < a.length; i++) {
    const s = str(prov, `${field}.${i}`, a[i]);
    if (s !== null) out.push(s);
  }
  return out;
}

export function bool(prov: Provenance, field: string, v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (v === undefined || v === null) return null;
  return fail(prov, field, `expected true/false, got ${describe(v)}`);
}

/** A whole number, from a JSON number or a numeric string ("30"); blank -> null. */
export function int(prov: Provenance, field: string, v: unknown): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' && v.trim() === '') return null;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim()) : NaN;
  if (!Number.isSafeInteger(n)) return fail(prov, field, `expected a whole number, got ${describe(v)}`);
  return n;
}

/** Most participants an enrollment may state; more is taken for a typing error, not a trial. */
export const MAX_ENROLLMENT = 100_000_000;

/**
 * An enrollment count: a whole number 0..MAX_ENROLLMENT, from a JSON number or digits only ("30"; not "-5", "+3",
 * "0x10", "0b101", "1e9", which Number() would silently accept or change); blank -> null.
 */
export function count(prov: Provenance, field: string, v: unknown): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' && v.trim() === '') return null;
  const ok =
    typeof v === 'number'
      ? Number.isSafeInteger(v) && v >= 0
      : typeof v === 'string' && /^\d+$/.test(v.trim());
  const n = typeof v === 'number' ? v : Number(String(v).trim());
  if (!ok)
    return fail(prov, field, `expected a count of participants (a whole number >= 0), got ${describe(v)}`);
  if (n > MAX_ENROLLMENT)
    return fail(prov, field, `implausible count of participants ${n} (more than ${MAX_ENROLLMENT})`);
  return n;
}

export function num(prov: Provenance, field: string, v: unknown): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  return fail(prov, field, `expected a number, got ${describe(v)}`);
}

/** Memos hold at most this many entries each (then start again empty): memory stays flat whatever the input. */
const MEMO_MAX = 4096;

function remember<K, V>(memo: Map<K, V>, k: K, v: V): V {
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(k, v);
  return v;
}

/** Dates and date types by their text: parseRegistryDate and parseDateType are pure functions of it. */
const DATE_PARTS = new Map<string, Omit<PartialDate, 'type'> | null>();
const DATE_TYPES = new Map<string, PartialDate['type']>();

/** parseRegistryDate's value and precision for `t`, made once per distinct text (a text that throws is not kept). */
function registryDate(t: string): Omit<PartialDate, 'type'> | null {
  const known = DATE_PARTS.get(t);
  if (known !== undefined) return known;
  const d = parseRegistryDate(t);
  return remember(DATE_PARTS, t, d === null ? null : { value: d.value, precision: d.precision });
}

/**
 * A registry date with its precision; a malformed date (or date type) is an InputError naming its field.
 * `typeField` names the type's own field (classic "StartDateType", v2 "startDateStruct.type"). Each result is a new
 * object (value, precision, type), as parseRegistryDate makes it.
 */
export function date(
  prov: Provenance,
  field: string,
  text: unknown,
  type?: unknown,
  typeField = `${field}Type`,
): PartialDate | null {
  const t = str(prov, field, text);
  const ty = str(prov, typeField, type);
  let parsedType: PartialDate['type'];
  try {
    parsedType = ty === null ? null : (DATE_TYPES.get(ty) ?? remember(DATE_TYPES, ty, parseDateType(ty)));
  } catch (e) {
    if (e instanceof DateParseError) return fail(prov, typeField, e.message);
    throw e;
  }
  if (t === null) return null;
  try {
    const d = registryDate(t);
    return d === null ? null : { value: d.value, precision: d.precision, type: parsedType };
  } catch (e) {
    if (e instanceof DateParseError) return fail(prov, field, e.message);
    throw e;
  }
}

const LOOKUPS = new Map<VocabTable, Map<string, string | null>>();

/**
 * `lookup` (model/vocab.ts) remembered per table and text: the tables are frozen, so the mapped value of a text never
 * changes, and the registry's few enumerated values are mapped once instead of once per record.
 */
export function vocab(t: VocabTable, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  let memo = LOOKUPS.get(t);
  if (memo === undefined) LOOKUPS.set(t, (memo = new Map()));
  const known = memo.get(value);
  if (known !== undefined) return known;
  return remember(memo, value, lookup(t, value));
}

/**
 * An enrollment type through the date-type vocabulary ("Actual", "Anticipated", "ESTIMATED"); a type other than
 * ACTUAL/ESTIMATED is an InputError quoting the mapped value, or the text as written when `quote` says so.
 */
export function enrollmentType(
  prov: Provenance,
  field: string,
  text: string | null,
  quote: 'mapped' | 'as-written' = 'mapped',
): 'ACTUAL' | 'ESTIMATED' | null {
  const t = vocab(DATE_TYPE, text);
  if (t === null || t === 'ACTUAL' || t === 'ESTIMATED') return t;
  return fail(prov, field, `unknown enrollment type "${quote === 'mapped' ? t : String(text)}"`);
}

/** Classic HealthyVolunteers text ("Yes", "No", "Accepts Healthy Volunteers") -> boolean; other text is an InputError. */
export function healthyVolunteers(prov: Provenance, field: string, text: string | null): boolean | null {
  if (text === null) return null;
  const v = HEALTHY_VOLUNTEERS[text.trim().toLowerCase()];
  if (v === undefined) return fail(prov, field, `unknown value "${text}"`);
  return v;
}

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  return `${typeof v} ${String(v)}`;
}

const NCT = /^NCT\d{8}$/;

/** Check the NCT id early, so a record without one gets the clearest message. */
export function nctId(prov: Provenance, field: string, v: unknown): string {
  const s = str(prov, field, v);
  if (s === null) return fail(prov, field, 'record has no NCT id');
  const t = s.trim();
  if (!NCT.test(t)) return fail(prov, field, `"${s}" is not an NCT id (NCT + 8 digits)`);
  return t;
}

/** Characters no registry text holds: NUL, and a UTF-16 surrogate without its pair (broken encoding). */
// eslint-disable-next-line no-control-regex -- NUL is exactly what these look for
const SUSPECT = /[\u0000\uD800-\uDFFF]/;
// eslint-disable-next-line no-control-regex -- as above
const BAD_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when some text in `v` holds a NUL byte or a surrogate (paired or not). Iterative (any depth). */
function anySuspect(v: unknown): boolean {
  const todo: unknown[] = [v];
  while (todo.length > 0) {
    const x = todo.pop();
    if (typeof x === 'string') {
      if (SUSPECT.test(x)) return true;
    } else if (Array.isArray(x)) {
      for (let i = 0; i < x.length; i++) todo.push(x[i]);
    } else if (x !== null && typeof x === 'object') {
      for (const k in x) todo.push((x as Record<string, unknown>)[k]);
    }
  }
  return false;
}

/**
 * The dotted path of the first text in `v` with a NUL byte or a lone surrogate, or null. Iterative (any depth);
 * paths are only built when some text is suspect (almost never), so a clean record costs one walk.
 */
function badTextPath(v: unknown): string | null {
  if (!anySuspect(v)) return null;
  const todo: Array<[unknown, string]> = [[v, '']];
  while (todo.length > 0) {
    const [x, path] = todo.pop()!;
    if (typeof x === 'string') {
      if (SUSPECT.test(x) && BAD_TEXT.test(x)) return path;
    } else if (Array.isArray(x)) {
      for (let i = x.length - 1; i >= 0; i--) todo.push([x[i], `${path}.${i}`]);
    } else if (x !== null && typeof x === 'object') {
      for (const [k, y] of Object.entries(x)) todo.push([y, path ? `${path}.${k}` : k]);
    }
  }
  return null;
}

/** Dates that record something that already happened: one after today is an error in the record. */
const PAST_DATES = [
  'firstSubmittedDate',
  'firstPostedDate',
  'lastUpdatePostedDate',
  'resultsFirstPostedDate',
] as const;

const DAY_MS = 86_400_000;
/** The latest plausible day and the time until which it holds (the next UTC midnight). */
let plausible = { day: '', until: 0 };

/**
 * Today (UTC) plus one day, so a record posted "today" in any time zone passes. Made once per UTC day, not per record:
 * the day after now changes exactly when now passes a UTC midnight.
 */
function latestPlausibleDay(): string {
  const now = Date.now();
  if (now >= plausible.until) {
    plausible = {
      day: new Date(now + DAY_MS).toISOString().slice(0, 10),
      until: now - (now % DAY_MS) + DAY_MS,
    };
  }
  return plausible.day;
}

/** True only for a study the schema accepts (schema-check.ts): most studies need no zod parse. */
const fitsStudy = fitsSchema(StudySchema);

/** Serialized studies, as `validated` made them: the store keeps this text as the study JSON (see studyJsonOf). */
const STUDY_JSON = new WeakMap<Study, string>();

/**
 * The JSON text of a study as `validated` serialized it (JSON.stringify of the same object, made once for the check
 * and the store). Only for a study not changed since it was validated: the readers return it as validated.
 */
export function studyJsonOf(study: Study): string | undefined {
  return STUDY_JSON.get(study);
}

/**
 * Validate a mapped Study with the shared zod schema (a study the compiled yes-check passes needs no zod parse; zod
 * parses the others, and names the first offending field), and what the schema cannot say: no
 * text with a NUL byte or a lone surrogate, no registration/update date in the future. A failure names the first
 * offending field as a dotted path. The study is serialized once here, and the store keeps that text. JSON.stringify
 * writes a NUL and a lone surrogate as a `\\u` escape (well-formed JSON.stringify; a paired surrogate is written as
 * itself and is no error), so a text without `\\u` (nearly every record) holds neither and needs no walk.
 */
export function validated(study: Study): Study {
  const prov = study.provenance;
  const where = (field: string) => ({ file: prov.file, record: prov.record ?? undefined, field });
  typeSecondaryIds(study);
  const json = JSON.stringify(study);
  if (json.includes('\\u')) {
    const { provenance: _p, ...rest } = study;
    const bad = badTextPath(rest);
    if (bad !== null)
      throw new InputError(where(bad), 'text holds a NUL byte or a broken character (lone surrogate)');
  }
  const latest = latestPlausibleDay();
  for (const k of PAST_DATES) {
    const d = study[k];
    if (d && d.value > latest && d.value.slice(0, latest.length) > latest.slice(0, d.value.length)) {
      throw new InputError(where(k), `date ${d.value} is in the future`);
    }
  }
  if (!fitsStudy(study)) {
    const r = StudySchema.safeParse(study);
    if (!r.success) {
      const issue = r.error.issues[0];
      const field = issue ? issue.path.map(String).join('.') : undefined;
      throw new InputError(
        { file: prov.file, record: prov.record ?? undefined, field },
        `does not fit the Study schema: ${issue?.message ?? r.error.message}`,
      );
    }
  }
  STUDY_JSON.set(study, json);
  return study;
}

/** Type every secondary id that is a registration number of a known registry (its `registry`). */
export function typeSecondaryIds(study: Study): void {
  for (const id of study.secondaryIds) {
    if (id.registry === null) id.registry = parseRegistrationId(id.id)?.registry ?? null;
  }
}
