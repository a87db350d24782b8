/**
 * Reading studies back. Iterations stream in DuckDB chunks (2,048 rows) on their own connection, so a
 * caller may run other store calls while iterating without closing the stream.
 */
import type { DuckDBConnection } from '@duckdb/node-api';

/** Opens a new connection to the store's database. */
export type Connect = () => Promise<DuckDBConnection>;
import type { StudyRecord } from '../model/record.js';
import type { Study } from '../model/study.js';

async function* streamRows(
  connect: Connect,
  sql: string,
  params: (string | number)[],
): AsyncGenerator<unknown[]> {
  const conn = await connect();
  try {
    const result = await conn.stream(sql, params);
    for await (const chunk of result) {
      for (const row of chunk.getRows()) yield row as unknown[];
    }
  } finally {
    conn.closeSync();
  }
}

export async function* iterStudies(connect: Connect, snapshotId: number): AsyncGenerator<Study> {
  for await (const [json] of streamRows(
    connect,
    'SELECT study_json FROM studies WHERE snapshot_id = $1 ORDER BY nct_id',
    [snapshotId],
  )) {
    yield JSON.parse(json as string) as Study;
  }
}

function toRecord(studyJson: unknown, rawJson: unknown): StudyRecord {
  return {
    study: JSON.parse(studyJson as string) as Study,
    raw: rawJson === null || rawJson === undefined ? undefined : (JSON.parse(rawJson as string) as unknown),
  };
}

export async function* iterRecords(connect: Connect, snapshotId: number): AsyncGenerator<StudyRecord> {
  for await (const [s, r] of streamRows(
    connect,
    'SELECT study_json, raw_json FROM studies WHERE snapshot_id = $1 ORDER BY nct_id',
    [snapshotId],
  )) {
    yield toRecord(s, r);
  }
}

export async function getStudy(
  conn: DuckDBConnection,
  snapshotId: number,
  nctId: string,
): Promise<StudyRecord | null> {
  const r = await conn.runAndReadAll(
    'SELECT study_json, raw_json FROM studies WHERE snapshot_id = $1 AND nct_id = $2 LIMIT 1',
    [snapshotId, nctId.trim().toUpperCase()],
  );
  const row = r.getRows()[0];
  return row ? toRecord(row[0], row[1]) : null;
}
