/**
 * Reading studies back. An iteration runs on its own connection inside one read transaction (a consistent
 * view, and the caller may use the store meanwhile). It sorts only the keys (rowid by NCT id) and then
 * fetches the JSON payloads in batches, so memory does not grow with the snapshot (sorting the payloads
 * themselves would hold the whole snapshot's JSON in DuckDB).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { StudyRecord } from '../model/record.js';
import { withRegistryFields, type Study } from '../model/study.js';

/** Opens a new connection to the store's database. */
export type Connect = () => Promise<DuckDBConnection>;

const BATCH = 2048;

/** Rows of `columns` for every study of the snapshot, in NCT order. */
async function* streamRows(connect: Connect, snapshotId: number, columns: string): AsyncGenerator<unknown[]> {
  const conn = await connect();
  try {
    await conn.run('BEGIN TRANSACTION');
    const keys = (
      await conn.runAndReadAll('SELECT rowid FROM studies WHERE snapshot_id = $1 ORDER BY nct_id', [
        snapshotId,
      ])
    )
      .getRows()
      .map((r) => String(r[0]));
    for (let i = 0; i < keys.length; i += BATCH) {
      const batch = keys.slice(i, i + BATCH);
      const rows = (
        await conn.runAndReadAll(
          `SELECT rowid, ${columns} FROM studies WHERE snapshot_id = $1 AND rowid IN (${batch.join(',')})`,
          [snapshotId],
        )
      ).getRows();
      const byKey = new Map(rows.map((r) => [String(r[0]), r.slice(1)]));
      for (const k of batch) {
        const row = byKey.get(k);
        if (row) yield row;
      }
    }
  } finally {
    await conn.run('COMMIT').catch(() => undefined);
    conn.closeSync();
  }
}

/** The stored study JSON of every study of the snapshot, in NCT order, unparsed (for worker threads). */
export async function* iterStudyJson(connect: Connect, snapshotId: number): AsyncGenerator<string> {
  for await (const [json] of streamRows(connect, snapshotId, 'study_json')) yield json as string;
}

export async function* iterStudies(connect: Connect, snapshotId: number): AsyncGenerator<Study> {
  for await (const [json] of streamRows(connect, snapshotId, 'study_json')) {
    yield withRegistryFields(JSON.parse(json as string) as Study);
  }
}

function toRecord(studyJson: unknown, rawJson: unknown): StudyRecord {
  return {
    study: withRegistryFields(JSON.parse(studyJson as string) as Study),
    raw: rawJson === null || rawJson === undefined ? undefined : (JSON.parse(rawJson as string) as unknown),
  };
}

export async function* iterRecords(connect: Connect, snapshotId: number): AsyncGenerator<StudyRecord> {
  for await (const [s, r] of streamRows(connect, snapshotId, 'study_json, raw_json')) {
    yield toRecord(s, r);
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
