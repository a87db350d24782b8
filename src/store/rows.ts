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
import { slimStudyJson, STUDY_COLUMNS, type ColumnValue } from './columns.js';

/** Values per row: the STUDY_COLUMNS, then the study's slim JSON (`study_slim`, see slimStudyJson). */
export const ROW_WIDTH = STUDY_COLUMNS.length + 1;
/** Position of the slim JSON in a row. */
export const SLIM_AT = STUDY_COLUMNS.length;

export interface RowBatch {
  /** Number of rows; `values.length === rows * ROW_WIDTH`. */
  rows: number;
  values: ColumnValue[];
}

/**
 * A source of pre-serialized rows that `createSnapshot` accepts instead of StudyRecords. `batches` yields
 * batches in input order; each batch is consumed (appended) before the next is requested.
 */
export interface RowSource {
  readonly kind: 'study-rows';
  batches(): AsyncIterable<RowBatch>;
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

/** Push the column values of one (checked) record onto `out`, then its slim JSON. */
export function pushRow(out: ColumnValue[], rec: StudyRecord): void {
  for (const col of STUDY_COLUMNS) out.push(col.get(rec.study, rec));
  out.push(slimStudyJson(rec.study));
}
