/**
 * From parsed JSON values to StudyRecords: unwrap the containers the registry uses (v2 page, classic
 * StudyFieldsResponse / FullStudiesResponse / FullStudy, export arrays) and dispatch each record to its mapper
 * by its shape.
 */
import { InputError, formatLocation } from '../model/errors.js';
import type { StudyRecord } from '../model/record.js';
import type { Provenance, SourceFormat, Study } from '../model/study.js';
import { mapClassicFieldsStudy } from './classic/fields.js';
import { mapClassicFullStudy } from './classic/full.js';
import { isObj, type Obj } from './map-util.js';
import { mapV2Study } from './v2/map.js';
import { isCtisRecord, mapCtis } from './registry/ctis.js';

/** Per-file reading state: provenance parts and the running record number. */
export interface RecordContext {
  file: string;
  fetchedAt: string;
  registryVersion: string | null;
  record: number;
  /** Reports a skipped part of the file (see ReadOptions.onWarning). */
  warn: (message: string) => void;
}

export function newContext(file: string, fetchedAt: string, warn?: (message: string) => void): RecordContext {
  return { file, fetchedAt, registryVersion: null, record: 0, warn: warn ?? (() => undefined) };
}

/** Provenance of the next record of the context (the record number advances). */
export function nextProvenance(ctx: RecordContext, format: SourceFormat): Provenance {
  ctx.record++;
  return {
    format,
    file: ctx.file,
    record: ctx.record,
    fetchedAt: ctx.fetchedAt,
    registryVersion: ctx.registryVersion,
  };
}

export function recordFormat(raw: unknown): SourceFormat | null {
  if (!isObj(raw)) return null;
  if ('protocolSection' in raw) return 'ctgov-v2-json';
  if ('ProtocolSection' in raw) return 'ctgov-classic-full';
  if (Array.isArray(raw.NCTId)) return 'ctgov-classic-fields';
  if (isCtisRecord(raw)) return 'ctis-json';
  return null;
}

const MAPPERS: Readonly<Record<string, (raw: unknown, prov: Provenance) => Study>> = {
  'ctgov-v2-json': mapV2Study,
  'ctgov-classic-full': mapClassicFullStudy,
  'ctgov-classic-fields': mapClassicFieldsStudy,
};
const RECORD_MAPPERS: Readonly<Record<string, (raw: unknown, prov: Provenance) => StudyRecord>> = {
  'ctis-json': mapCtis,
};

/** Map one registry record (already unwrapped) to a StudyRecord; the record number advances. */
export function toStudyRecord(raw: unknown, ctx: RecordContext, line?: number): StudyRecord {
  ctx.record++;
  const format = recordFormat(raw);
  if (format === null) {
    const what = isObj(raw)
      ? `an object with keys ${Object.keys(raw).slice(0, 5).join(', ') || '(none)'}`
      : Array.isArray(raw)
        ? 'a list'
        : typeof raw;
    throw new InputError(
      { file: ctx.file, record: ctx.record, line },
      `not a ClinicalTrials.gov study record (found ${what}; expected protocolSection, ProtocolSection, NCTId, or a CTIS ctNumber)`,
    );
  }
  const prov: Provenance = {
    format,
    file: ctx.file,
    record: ctx.record,
    fetchedAt: ctx.fetchedAt,
    registryVersion: ctx.registryVersion,
  };
  try {
    const rec = RECORD_MAPPERS[format];
    return rec ? rec(raw, prov) : { study: MAPPERS[format]!(raw, prov), raw };
  } catch (e) {
    if (line !== undefined && e instanceof InputError) throw withLine(e, line);
    throw e;
  }
}

/** The same error with the physical line added to its location. */
export function withLine(e: InputError, line: number): InputError {
  const loc = e.location;
  const prefix = `${formatLocation(loc)}: `;
  const problem = e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message;
  return new InputError({ ...loc, line }, problem, { cause: e });
}

function version(o: Obj, ctx: RecordContext): void {
  if (typeof o.DataVrs === 'string') ctx.registryVersion = o.DataVrs;
}

/**
 * Yield the study records a parsed JSON value holds. Containers: an array (export); a v2 page
 * `{studies:[…]}`; `{StudyFieldsResponse:{StudyFields:[…]}}`; `{FullStudiesResponse:{FullStudies:[{Study}]}}`;
 * `{FullStudy:{Study}}`; `{Study:{…}}`. Anything else is taken as one record.
 */
export function* unwrap(v: unknown, ctx: RecordContext): Generator<unknown> {
  if (Array.isArray(v)) {
    for (const el of v) yield* unwrapElement(el);
    return;
  }
  if (!isObj(v)) {
    yield v;
    return;
  }
  if (Array.isArray(v.studies)) {
    yield* v.studies;
    return;
  }
  if (isObj(v.StudyFieldsResponse)) {
    const r = v.StudyFieldsResponse;
    version(r, ctx);
    if (Array.isArray(r.StudyFields)) yield* r.StudyFields;
    return;
  }
  if (isObj(v.FullStudiesResponse)) {
    const r = v.FullStudiesResponse;
    version(r, ctx);
    if (Array.isArray(r.FullStudies)) for (const el of r.FullStudies) yield* unwrapElement(el);
    return;
  }
  if (isObj(v.FullStudy)) {
    yield* unwrapElement(v.FullStudy);
    return;
  }
  yield* unwrapElement(v);
}

/** An array element: a record, or a classic `{Rank, Study}` / `{Study}` holder. */
export function* unwrapElement(el: unknown): Generator<unknown> {
  if (isObj(el) && isObj(el.Study) && !('protocolSection' in el) && !('NCTId' in el)) yield el.Study;
  else yield el;
}
