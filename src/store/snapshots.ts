/**
 * Snapshot creation and lookup. A snapshot is written in ONE transaction: records are appended to a
 * transaction-local staging table, de-duplicated in SQL (newest lastUpdatePostedDate per NCT id, tie: the
 * later record), merged with the base snapshot when one is given, and inserted in NCT order together with
 * the snapshot row. Any error (a reader throwing on a bad record, an abort) rolls everything back.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { INTEGER, LIST, listValue, VARCHAR } from '@duckdb/node-api';
import { InputError, MscopeError, UsageError } from '../model/errors.js';
import type { StudyRecord } from '../model/record.js';
import { appendValue, SQL_TYPE, STUDY_COLUMNS } from './columns.js';
import type { CreateSnapshotOptions, SnapshotInfo, SnapshotMeta } from './types.js';

const STAGING = 'mscope_staging';
const NCT_RE = /^NCT\d{8}$/;
const PROGRESS_EVERY = 500;

interface SnapshotRow {
  id: number;
  label: string | null;
  created_at: string;
  sources: string[];
  study_count: number;
  duplicates_dropped: number;
  formats_json: string;
  kind: string;
  base_snapshot_id: number | null;
}

function toInfo(r: SnapshotRow): SnapshotInfo {
  return {
    id: Number(r.id),
    label: r.label,
    createdAt: r.created_at,
    sources: [...r.sources],
    studyCount: Number(r.study_count),
    duplicatesDropped: Number(r.duplicates_dropped),
    formats: JSON.parse(r.formats_json) as Record<string, number>,
    kind: r.kind,
    baseSnapshotId: r.base_snapshot_id === null ? null : Number(r.base_snapshot_id),
  };
}

const SNAPSHOT_SELECT = `SELECT id, label, created_at, sources, study_count, duplicates_dropped, formats_json, kind,
  base_snapshot_id FROM snapshots`;

async function querySnapshots(conn: DuckDBConnection, where: string, params: (string | number)[] = []): Promise<SnapshotInfo[]> {
  const r = await conn.runAndReadAll(`${SNAPSHOT_SELECT} ${where}`, params);
  return (r.getRowObjectsJS() as unknown as SnapshotRow[]).map(toInfo);
}

export function listSnapshots(conn: DuckDBConnection): Promise<SnapshotInfo[]> {
  return querySnapshots(conn, 'ORDER BY id');
}

/** By id (number or all-digit string), by label, or the latest when `ref` is undefined. */
export async function getSnapshot(conn: DuckDBConnection, ref?: string | number): Promise<SnapshotInfo> {
  if (ref === undefined) {
    const [latest] = await querySnapshots(conn, 'ORDER BY id DESC LIMIT 1');
    if (!latest) throw new MscopeError('no snapshots in the database yet (run "mscope ingest" first)');
    return latest;
  }
  const asId = typeof ref === 'number' ? ref : /^\d+$/.test(ref.trim()) ? Number(ref.trim()) : null;
  const found =
    asId !== null
      ? await querySnapshots(conn, 'WHERE id = $1', [asId])
      : await querySnapshots(conn, 'WHERE label = $1 ORDER BY id DESC LIMIT 1', [String(ref)]);
  const snap = found[0];
  if (!snap) {
    const known = await listSnapshots(conn);
    const list = known.map((s) => (s.label ? `${s.id} (${s.label})` : String(s.id))).join(', ');
    throw new MscopeError(`unknown snapshot "${ref}"${known.length ? `; known snapshots: ${list}` : '; the database has no snapshots'}`);
  }
  return snap;
}

function validateLabel(conn: DuckDBConnection, label: string | null | undefined): Promise<void> | void {
  if (label === null || label === undefined) return;
  if (label.trim() === '') throw new UsageError('snapshot label must not be empty');
  if (/^\d+$/.test(label.trim())) throw new UsageError(`snapshot label "${label}" must not be a number (numbers are snapshot ids)`);
  return conn
    .runAndReadAll('SELECT id FROM snapshots WHERE label = $1 LIMIT 1', [label])
    .then((r) => {
      const row = r.getRows()[0];
      if (row) throw new UsageError(`snapshot label "${label}" is already used by snapshot ${String(row[0])}`);
    });
}

function checkRecord(rec: StudyRecord, n: number): void {
  const s = rec?.study;
  const file = s?.provenance?.file ?? '(unknown source)';
  const where = { file, record: s?.provenance?.record ?? n };
  if (!s || typeof s !== 'object') throw new InputError({ file, record: n }, 'record has no study');
  if (typeof s.nctId !== 'string' || !NCT_RE.test(s.nctId)) {
    throw new InputError({ ...where, field: 'nctId' }, `invalid NCT id ${JSON.stringify(s.nctId)}`);
  }
}

/** Columns written per staged row: input sequence number, then STUDY_COLUMNS. */
const COLS = STUDY_COLUMNS.map((c) => c.name);
const COL_LIST = COLS.join(', ');

export async function createSnapshot(
  conn: DuckDBConnection,
  meta: SnapshotMeta,
  records: AsyncIterable<StudyRecord>,
  opts: CreateSnapshotOptions = {},
): Promise<SnapshotInfo> {
  await validateLabel(conn, meta.label);
  const baseId = meta.baseSnapshotId ?? null;
  if (baseId !== null) await getSnapshot(conn, baseId); // clear error for an unknown base

  await conn.run('BEGIN TRANSACTION');
  let committed = false;
  try {
    await conn.run(
      `CREATE TEMP TABLE ${STAGING} (seq INTEGER, ${STUDY_COLUMNS.map((c) => `${c.name} ${SQL_TYPE[c.kind]}`).join(', ')})`,
    );
    const app = await conn.createAppender(STAGING, 'main', 'temp');
    let n = 0;
    try {
      for await (const rec of records) {
        n++;
        checkRecord(rec, n);
        app.appendInteger(n);
        for (const col of STUDY_COLUMNS) appendValue(app, col.kind, col.get(rec.study, rec));
        app.endRow();
        if (opts.onProgress && n % PROGRESS_EVERY === 0) opts.onProgress(n);
      }
      app.closeSync();
    } catch (err) {
      try {
        app.clear();
        app.closeSync();
      } catch {
        /* the transaction is rolled back below */
      }
      throw err;
    }
    opts.onProgress?.(n);

    const idRow = (await conn.runAndReadAll('SELECT COALESCE(MAX(id), 0)::INTEGER + 1 FROM snapshots')).getRows()[0];
    const id = Number(idRow?.[0] ?? 1);
    const distinctIncoming = Number(
      (await conn.runAndReadAll(`SELECT count(DISTINCT nct_id)::INTEGER FROM temp.main.${STAGING}`)).getRows()[0]?.[0] ?? 0,
    );
    // Candidates: staged records (seq >= 1) plus, for incremental snapshots, the base snapshot's studies
    // (seq 0, so an incoming record with the same last-update date replaces the base one).
    const base =
      baseId === null ? '' : `UNION ALL SELECT 0 AS seq, ${COL_LIST} FROM studies WHERE snapshot_id = ${Number(baseId)}`;
    await conn.run(
      `INSERT INTO studies (snapshot_id, ${COL_LIST})
       SELECT ${id}, ${COL_LIST} FROM (
         SELECT seq, ${COL_LIST} FROM temp.main.${STAGING} ${base}
       )
       QUALIFY row_number() OVER (PARTITION BY nct_id ORDER BY last_update_date DESC NULLS LAST, seq DESC) = 1
       ORDER BY nct_id`,
    );
    const stats = (
      await conn.runAndReadAll(
        `SELECT source_format, count(*)::INTEGER FROM studies WHERE snapshot_id = ${id} GROUP BY 1 ORDER BY 1`,
      )
    ).getRows();
    const formats: Record<string, number> = {};
    let studyCount = 0;
    for (const [fmt, cnt] of stats) {
      formats[String(fmt)] = Number(cnt);
      studyCount += Number(cnt);
    }
    const createdAt = new Date().toISOString();
    const kind = meta.kind ?? 'ingest';
    await conn.run(
      `INSERT INTO snapshots VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [id, meta.label ?? null, createdAt, listValue([...meta.sources]), studyCount, n - distinctIncoming, JSON.stringify(formats), kind, baseId],
      [INTEGER, VARCHAR, VARCHAR, LIST(VARCHAR), INTEGER, INTEGER, VARCHAR, VARCHAR, INTEGER],
    );
    await conn.run(`DROP TABLE temp.main.${STAGING}`);
    await conn.run('COMMIT');
    committed = true;
    return {
      id,
      label: meta.label ?? null,
      createdAt,
      sources: [...meta.sources],
      studyCount,
      duplicatesDropped: n - distinctIncoming,
      formats,
      kind,
      baseSnapshotId: baseId,
    };
  } finally {
    if (!committed) await conn.run('ROLLBACK').catch(() => undefined);
  }
}
