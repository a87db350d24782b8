/**
 * Small typed accessors shared by the record mappers. A value of the wrong JSON type in a field the mapper
 * reads is bad input: it throws an InputError naming the file, record and field (never a TypeError).
 */
import { DateParseError, parseDateType, parseRegistryDate } from '../model/dates.js';
import { InputError } from '../model/errors.js';
import type { PartialDate, Provenance, Study } from '../model/study.js';
import { StudySchema } from '../model/study.js';
import { DATE_TYPE, HEALTHY_VOLUNTEERS, lookup } from '../model/vocab.js';
import { parseRegistrationId } from '../model/registries.js';

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

export function num(prov: Provenance, field: string, v: unknown): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  return fail(prov, field, `expected a number, got ${describe(v)}`);
}

/**
 * A registry date with its precision; a malformed date (or date type) is an InputError naming its field.
 * `typeField` names the type's own field (classic "StartDateType", v2 "startDateStruct.type").
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
    parsedType = parseDateType(ty);
  } catch (e) {
    if (e instanceof DateParseError) return fail(prov, typeField, e.message);
    throw e;
  }
  try {
    const d = parseRegistryDate(t);
    return d === null ? null : { ...d, type: parsedType };
  } catch (e) {
    if (e instanceof DateParseError) return fail(prov, field, e.message);
    throw e;
  }
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
  const t = lookup(DATE_TYPE, text);
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

/**
 * Validate a mapped Study with the shared zod schema (one parse per record). A failure names the first
 * offending field as a dotted path.
 */
export function validated(study: Study): Study {
  typeSecondaryIds(study);
  const r = StudySchema.safeParse(study);
  if (r.success) return study;
  const issue = r.error.issues[0];
  const field = issue ? issue.path.map(String).join('.') : undefined;
  const prov = study.provenance;
  throw new InputError(
    { file: prov.file, record: prov.record ?? undefined, field },
    `does not fit the Study schema: ${issue?.message ?? r.error.message}`,
  );
}

/** Type every secondary id that is a registration number of a known registry (its `registry`). */
export function typeSecondaryIds(study: Study): void {
  for (const id of study.secondaryIds) {
    if (id.registry === null) id.registry = parseRegistrationId(id.id)?.registry ?? null;
  }
}
