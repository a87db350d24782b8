/**
 * Pre-serialized study rows: a StudyRecord turned into the values of the `studies` columns (everything after
 * snapshot_id and ingest_seq, in STUDY_COLUMNS order), so the expensive part of an ingest (parsing, mapping,
 * validation, JSON serialization) can run away from the thread that owns the DuckDB connection.
 *
 * Each row also carries the study's slim JSON (the `study_slim` row written in the same transaction).
 *
 * A `RowBatch` is a flat array of primitives (strings, numbers, booleans, null, string lists): cheap to post
 * between threads, unlike nested Study objects.
 */
import { InputError } from '../model/errors.js';
import type { StudyRecord } from '../model/record.js';
import { TRIAL_ID_RE } from '../model/study.js';
import { studyJsonOf } from '../sources/map-util.js';
import { slimStudyJson, STUDY_COLUMNS, type ColumnValue } from './columns.js';
import type { CsvChunk } from './csv-rows.js';

/** Values per row: the STUDY_COLUMNS, then the study's slim JSON (`study_slim`, see slimStudyJson). */
export const ROW_WIDTH = STUDY_COLUMNS.length + 1;
/** Position of the slim JSON in a row. */
export const SLIM_AT = STUDY_COLUMNS.length;

export interface RowBatch {
  /** Number of rows; `values.length === rows * ROW_WIDTH`. */
  rows: number;
  values: ColumnValue[];
  /** Instead of `values`: the rows were written to these CSV files (csv-rows.ts), for DuckDB to read. */
  csv?: CsvChunk;
}

/**
 * A source of pre-serialized rows that `createSnapshot` accepts instead of StudyRecords. `batches` yields
 * batches in input order; each batch is consumed (appended) before the next is requested.
 */
export interface RowSource {
  readonly kind: 'study-rows';
  /**
   * `spill`: a directory where the producer may write its rows as CSV chunks (batches with `csv`) instead of posting
   * their values; the consumer removes it afterwards.
   */
  batches(spill?: string): AsyncIterable<RowBatch>;
}

export function isRowSource(x: unknown): x is RowSource {
  return typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'study-rows';
}

/** The store's own check of a record: a study with a valid NCT id (`n` = its 1-based position). */
export function checkRecord(rec: StudyRecord, n: number): void {
  const s = rec?.study;
  const file = s?.provenance?.file ?? '(unknown source)';
  const where = { file, record: s?.provenance?.record ?? n };
  if (!s || typeof s !== 'object') throw new InputError({ file, record: n }, 'record has no study');
  if (typeof s.nctId !== 'string' || !TRIAL_ID_RE.test(s.nctId)) {
    throw new InputError({ ...where, field: 'nctId' }, `invalid trial id ${JSON.stringify(s.nctId)}`);
  }
}

const STUDY_JSON_AT = STUDY_COLUMNS.findIndex((c) => c.name === 'study_json');
const RAW_JSON_AT = STUDY_COLUMNS.findIndex((c) => c.name === 'raw_json');

/**
 * Push the column values of one (checked) record onto `out`, then its slim JSON. The study JSON is the text the
 * reader's validation serialized (the same JSON.stringify of the same object), when it has it; the raw JSON is the
 * reader's UTF-8 bytes of it, when it has them (the same text, not decoded and encoded again).
 */
export function pushRow(out: ColumnValue[], rec: StudyRecord): void {
  const s = rec.study;
  for (let c = 0; c < STUDY_COLUMNS.length; c++) {
    if (c === STUDY_JSON_AT) out.push(studyJsonOf(s) ?? JSON.stringify(s));
    else if (c === RAW_JSON_AT && rec.rawJsonUtf8 !== undefined) out.push(rec.rawJsonUtf8);
    else out.push(STUDY_COLUMNS[c]!.get(s, rec));
  }
  out.push(slimStudyJson(s));
}
