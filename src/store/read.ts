/**
 * Reading studies back. An iteration runs on its own connection inside one read transaction (a consistent
 * view, and the caller may use the store meanwhile). It first sorts only the keys (rowid by NCT id), then fetches
 * the payloads in batches of keys: when the snapshot's rows are stored in NCT order (an input in NCT order, as the
 * registry's downloads are) a batch is one range of rowids, otherwise a list of them. Memory does not grow with the
 * snapshot (sorting the payloads themselves would hold the whole snapshot's JSON in DuckDB; one streamed scan
 * held about 1 GB more than these batches at 150,000 studies).
 */
import type {
  DuckDBBigIntVector,
  DuckDBBlobVector,
  DuckDBConnection,
  DuckDBDataChunk,
} from '@duckdb/node-api';
import { MscopeError } from '../model/errors.js';
import type { StudyRecord } from '../model/record.js';
import { withRegistryFields, type Study } from '../model/study.js';

/** Opens a new connection to the store's database. */
export type Connect = () => Promise<DuckDBConnection>;

const BATCH = 2048;

/** One row's value made from a result chunk (its columns after the rowid). */
type Cell<T> = (chunk: DuckDBDataChunk, row: number) => T;

const increasing = (keys: readonly bigint[]): boolean => {
  for (let i = 1; i < keys.length; i++) if (keys[i]! <= keys[i - 1]!) return false;
  return true;
};

/** `cell` of the rows of `columns` for every study of the snapshot, in NCT order, a run of rows at a time. */
async function* streamRows<T>(
  connect: Connect,
  snapshotId: number,
  columns: string,
  cell: Cell<T>,
): AsyncGenerator<T[]> {
  const conn = await connect();
  try {
    await conn.run('BEGIN TRANSACTION');
    const keys = (
      await conn.runAndReadAll('SELECT rowid FROM studies WHERE snapshot_id = $1 ORDER BY nct_id', [
        snapshotId,
      ])
    ).getColumns()[0] as bigint[] | undefined;
    if (!keys?.length) return;
    // stored in NCT order: each batch is the range of rowids between its first and last key (no IN-list)
    const ranges = increasing(keys);
    for (let i = 0; i < keys.length; i += BATCH) {
      const batch = keys.slice(i, i + BATCH);
      if (ranges) {
        const result = await conn.run(
          `SELECT rowid, ${columns} FROM studies WHERE snapshot_id = $1 AND rowid BETWEEN ${batch[0]} AND ${batch[batch.length - 1]}`,
          [snapshotId],
        );
        const out: T[] = [];
        for (
          let chunk = await result.fetchChunk();
          chunk && chunk.rowCount > 0;
          chunk = await result.fetchChunk()
        ) {
          const rowids = chunk.getColumnVector(0) as DuckDBBigIntVector;
          for (let r = 0; r < chunk.rowCount; r++) {
            // rows come back in storage order (insertion order is preserved), checked against the sorted keys
            if (rowids.getItem(r) !== batch[out.length])
              throw new MscopeError(`snapshot ${snapshotId}: rows read out of order`);
            out.push(cell(chunk, r));
          }
        }
        if (out.length !== batch.length)
          throw new MscopeError(`snapshot ${snapshotId}: ${out.length} of ${batch.length} rows read`);
        yield out;
        continue;
      }
      const result = await conn.run(
        `SELECT rowid, ${columns} FROM studies WHERE snapshot_id = $1 AND rowid IN (${batch.join(',')})`,
        [snapshotId],
      );
      const byKey = new Map<bigint, T>();
      for (
        let chunk = await result.fetchChunk();
        chunk && chunk.rowCount > 0;
        chunk = await result.fetchChunk()
      ) {
        const rowids = chunk.getColumnVector(0) as DuckDBBigIntVector;
        for (let r = 0; r < chunk.rowCount; r++) byKey.set(rowids.getItem(r)!, cell(chunk, r));
      }
      const out: T[] = [];
      for (const k of batch) {
        const row = byKey.get(k);
        if (row !== undefined) out.push(row);
      }
      yield out;
    }
  } finally {
    await conn.run('COMMIT').catch(() => undefined);
    conn.closeSync();
  }
}

const text =
  (column: number): Cell<string> =>
  (chunk, row) =>
    chunk.getColumnVector(column).getItem(row) as string;

/** The stored study JSON of every study of the snapshot, in NCT order, unparsed. */
export async function* iterStudyJson(connect: Connect, snapshotId: number): AsyncGenerator<string> {
  for await (const rows of streamRows(connect, snapshotId, 'study_json', text(1))) yield* rows;
}

/**
 * The stored study JSON of a run of studies as UTF-8 bytes: the studies one after another in `bytes`, study i
 * ending at `ends[i]` (its own buffer, so it can be transferred to a worker thread without a copy).
 */
export interface StudyJsonBatch {
  bytes: Uint8Array;
  ends: Uint32Array;
}

/**
 * The stored study JSON of every study of the snapshot, in NCT order, as UTF-8 in batches of `size` studies (for
 * worker threads: no string is made on this thread, and a batch crosses to a worker as one transferred buffer).
 */
export async function* iterStudyJsonBatches(
  connect: Connect,
  snapshotId: number,
  size: number,
): AsyncGenerator<StudyJsonBatch> {
  let parts: Uint8Array[] = [];
  let length = 0;
  const pack = (): StudyJsonBatch => {
    const bytes = new Uint8Array(length);
    const ends = new Uint32Array(parts.length);
    let at = 0;
    parts.forEach((p, i) => {
      bytes.set(p, at);
      at += p.length;
      ends[i] = at;
    });
    parts = [];
    length = 0;
    return { bytes, ends };
  };
  const utf8: Cell<Uint8Array> = (chunk, row) =>
    (chunk.getColumnVector(1) as DuckDBBlobVector).getItemBytes(row)!;
  for await (const rows of streamRows(connect, snapshotId, 'encode(study_json)', utf8)) {
    for (const p of rows) {
      parts.push(p);
      length += p.length;
      if (parts.length >= size) yield pack();
    }
  }
  if (parts.length) yield pack();
}

/** The study JSON texts of a batch (UTF-8 decoded). */
export function studyJsonTexts(batch: StudyJsonBatch): string[] {
  const utf8 = new TextDecoder();
  const out: string[] = new Array<string>(batch.ends.length);
  let start = 0;
  for (let i = 0; i < batch.ends.length; i++) {
    out[i] = utf8.decode(batch.bytes.subarray(start, batch.ends[i]));
    start = batch.ends[i]!;
  }
  return out;
}

export async function* iterStudies(connect: Connect, snapshotId: number): AsyncGenerator<Study> {
  for await (const json of iterStudyJson(connect, snapshotId)) {
    yield withRegistryFields(JSON.parse(json) as Study);
  }
}

function toRecord(studyJson: unknown, rawJson: unknown): StudyRecord {
  return {
    study: withRegistryFields(JSON.parse(studyJson as string) as Study),
    raw: rawJson === null || rawJson === undefined ? undefined : (JSON.parse(rawJson as string) as unknown),
  };
}

export async function* iterRecords(connect: Connect, snapshotId: number): AsyncGenerator<StudyRecord> {
  const studyJson = text(1);
  const rawJson = text(2);
  const both: Cell<[unknown, unknown]> = (chunk, row) => [studyJson(chunk, row), rawJson(chunk, row)];
  for await (const rows of streamRows(connect, snapshotId, 'study_json, raw_json', both)) {
    for (const [s, r] of rows) yield toRecord(s, r);
  }
}

export async function getStudy(
  conn: DuckDBConnection,
  snapshotId: number,
  nctId: string,
): Promise<StudyRecord | null> {
  const r = await conn.runAndReadAll(
    'SELECT study_json, raw_json FROM studies WHERE snapshot_id = $1 AND upper(nct_id) = $2 LIMIT 1',
    [snapshotId, nctId.trim().toUpperCase()],
  );
  const row = r.getRows()[0];
  return row ? toRecord(row[0], row[1]) : null;
}
