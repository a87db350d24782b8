/**
 * Snapshot creation and lookup. A snapshot is written in ONE transaction: records are appended under the
 * new snapshot id, de-duplicated in SQL (newest lastUpdatePostedDate per NCT id, tie: the later record),
 * merged with the base snapshot when one is given, and committed together with the snapshot row and the studies'
 * slim rows (`study_slim`; when duplicates were dropped or a base merged, those are derived after COMMIT). Any error
 * (a reader throwing on a bad record, an abort) rolls everything back: no partial snapshot is ever visible.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { duckdb } from './duckdb.js';
import { MscopeError, UsageError } from '../model/errors.js';
import type { StudyRecord } from '../model/record.js';
import { appendValue, slimStudyJson, STUDY_COLUMNS } from './columns.js';
import { csvInsertSql, type CsvChunk } from './csv-rows.js';
import { QUARANTINE_DDL } from './schema.js';
import { checkRecord, isRowSource, ROW_WIDTH, SLIM_AT, type RowSource } from './rows.js';
import type { CreateSnapshotOptions, SnapshotInfo, SnapshotMeta } from './types.js';

const PROGRESS_EVERY = 500;
/** Flush the appender after about this many characters of row data (the appender otherwise buffers everything). */
const FLUSH_CHARS = 32 << 20;
/** Insert the CSV chunks received (one pair of statements) once they hold about this many bytes. */
const CHUNK_INSERT_BYTES = 64 << 20;
/** … or this many chunks (each file scanned holds its buffers until the rows are inserted in order). */
const CHUNK_INSERT_FILES = 16;
/**
 * Compression methods DuckDB does not try while a snapshot is written. Both were tried on every row group of the
 * JSON columns (10 KB texts) and never chosen for them (pragma_storage_info: Uncompressed); trying them was ~25% of
 * the CPU of inserting the CSV chunks. 20,000 registry studies: database 434 -> 435 MB.
 */
const SKIPPED_COMPRESSION = 'fsst,zstd';
const sqlString = (s: string): string => `'${s.replaceAll("'", "''")}'`;

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

async function querySnapshots(
  conn: DuckDBConnection,
  where: string,
  params: (string | number)[] = [],
): Promise<SnapshotInfo[]> {
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
  if (!snap && String(ref).trim().toLowerCase() === 'latest') return getSnapshot(conn); // unless a label says "latest"
  if (!snap) {
    const known = await listSnapshots(conn);
    const list = known.map((s) => (s.label ? `${s.id} (${s.label})` : String(s.id))).join(', ');
    throw new MscopeError(
      `unknown snapshot "${ref}"${known.length ? `; known snapshots: ${list}` : '; the database has no snapshots'}`,
    );
  }
  return snap;
}

function validateLabel(conn: DuckDBConnection, label: string | null | undefined): Promise<void> | void {
  if (label === null || label === undefined) return;
  if (label.trim() === '') throw new UsageError('snapshot label must not be empty');
  if (/^\d+$/.test(label.trim()))
    throw new UsageError(`snapshot label "${label}" must not be a number (numbers are snapshot ids)`);
  return conn.runAndReadAll('SELECT id FROM snapshots WHERE label = $1 LIMIT 1', [label]).then((r) => {
    const row = r.getRows()[0];
    if (row) throw new UsageError(`snapshot label "${label}" is already used by snapshot ${String(row[0])}`);
  });
}

const KINDS = STUDY_COLUMNS.map((c) => c.kind);
const COL_LIST = STUDY_COLUMNS.map((c) => c.name).join(', ');

/** Keep one row per NCT id in snapshot `id`: the newest last_update_date (NULL oldest), tie: the later record. */
const DEDUP_SQL = `DELETE FROM studies WHERE snapshot_id = $1 AND rowid IN (
  SELECT rowid FROM studies WHERE snapshot_id = $1
  QUALIFY row_number() OVER (PARTITION BY nct_id ORDER BY last_update_date DESC NULLS LAST, ingest_seq DESC) > 1)`;

/** Incoming rows that lose to a newer row of the base snapshot. */
const DROP_OLDER_THAN_BASE_SQL = `DELETE FROM studies s WHERE s.snapshot_id = $1 AND EXISTS (
  SELECT 1 FROM studies b WHERE b.snapshot_id = $2 AND b.nct_id = s.nct_id AND b.last_update_date IS NOT NULL
  AND (s.last_update_date IS NULL OR b.last_update_date > s.last_update_date))`;

/** Base rows with no incoming replacement, carried over (ingest_seq 0). */
const CARRY_BASE_SQL = `INSERT INTO studies (snapshot_id, ingest_seq, ${COL_LIST})
  SELECT $1, 0, ${COL_LIST} FROM studies b WHERE b.snapshot_id = $2 AND NOT EXISTS (
    SELECT 1 FROM studies s WHERE s.snapshot_id = $1 AND s.nct_id = b.nct_id)`;

async function scalar(
  conn: DuckDBConnection,
  sql: string,
  params: (string | number)[] = [],
): Promise<number> {
  return Number((await conn.runAndReadAll(sql, params)).getRows()[0]?.[0] ?? 0);
}

/**
 * Remove the chunk folders (`ingest-<pid>-*`) that an ingest killed before its clean-up left in `base`: those whose
 * process is gone. A file database's spill folder is also emptied when it is opened read-write; an in-memory
 * database's folder is shared (the system's temporary folder), so only dead writers' folders are touched.
 */
export function removeOrphanChunks(base: string): void {
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = /^ingest-(\d+)-/.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid || alive(Number(pid))) continue;
    try {
      rmSync(join(base, name), { recursive: true, force: true });
    } catch {
      /* not ours to remove (another user's folder): left alone */
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

/**
 * Rows are appended straight into `studies` under the new id inside the transaction (each payload is written
 * once), then duplicates are deleted in SQL; nothing is visible to other connections before COMMIT.
 */
export async function createSnapshot(
  conn: DuckDBConnection,
  meta: SnapshotMeta,
  records: AsyncIterable<StudyRecord> | RowSource,
  opts: CreateSnapshotOptions = {},
  spillBase?: string,
  chunkMemory?: { during: string; after: string },
): Promise<SnapshotInfo> {
  const { INTEGER, LIST, listValue, VARCHAR } = duckdb();
  await validateLabel(conn, meta.label);
  const baseId = meta.baseSnapshotId ?? null;
  if (baseId !== null) await getSnapshot(conn, baseId); // clear error for an unknown base

  // the compression methods DuckDB would try on every row group it writes: restored after the snapshot
  const compression = String(
    (await conn.runAndReadAll("SELECT current_setting('disabled_compression_methods')")).getRows()[0]![0],
  );
  await conn.run(`SET disabled_compression_methods = ${sqlString(SKIPPED_COMPRESSION)}`);
  await conn.run('BEGIN TRANSACTION');
  let committed = false;
  try {
    const id = (await scalar(conn, 'SELECT COALESCE(MAX(id), 0)::INTEGER FROM snapshots')) + 1;
    // The studies appender, opened when rows are appended by value (closed while CSV chunks are inserted).
    let app: DuckDBAppender | null = null;
    // The slim rows since the last flush (nct_id, slim JSON), appended while `app` is closed: with a second appender
    // open, DuckDB (1.5) stopped writing the studies' row groups to the file before COMMIT, and memory then held the
    // whole snapshot (tests/store/store.test.ts, "uncommitted row groups").
    let slimRows: string[] = [];
    let n = 0;
    let pending = 0;
    const flush = async (): Promise<void> => {
      app?.closeSync();
      app = null;
      if (slimRows.length === 0) return;
      const slim = await conn.createAppender('study_slim');
      try {
        for (let i = 0; i < slimRows.length; i += 2) {
          slim.appendInteger(id);
          slim.appendVarchar(slimRows[i]!);
          slim.appendVarchar(slimRows[i + 1]!);
          slim.endRow();
        }
      } finally {
        slim.closeSync();
      }
      slimRows = [];
      pending = 0;
    };
    /** CSV chunks not inserted yet, each with the ingest_seq before its first row. */
    let chunks: (CsvChunk & { base: number })[] = [];
    let chunkBytes = 0;
    /** DuckDB's threads and memory limit before the first CSV insert, restored at the end. */
    let threads: string | null = null;
    let memory = false;
    const insertChunks = async (): Promise<void> => {
      if (chunks.length === 0) return;
      if (threads === null) {
        // one DuckDB thread: the rows append in order to one row group collection, each block written once (with
        // more, DuckDB wrote the rows of every statement twice, the first copy left as dead space); the reading
        // workers use the other cores
        threads = String((await conn.runAndReadAll("SELECT current_setting('threads')")).getRows()[0]![0]);
        await conn.run('SET threads = 1');
        if (chunkMemory !== undefined) {
          // room for the row groups being built (see CHUNK_MEMORY_LIMIT in store.ts)
          await conn.run(`SET memory_limit = ${sqlString(chunkMemory.during)}`);
          memory = true;
        }
      }
      const sql = csvInsertSql(id, chunks);
      await conn.run(sql.studies);
      await conn.run(sql.slim);
      // rows stored: every multiple of PROGRESS_EVERY passed, as when rows are appended one by one
      const before = chunks[0]!.base;
      for (let k = before - (before % PROGRESS_EVERY) + PROGRESS_EVERY; k <= n; k += PROGRESS_EVERY)
        opts.onProgress?.(k);
      for (const c of chunks) {
        rmSync(c.studies, { force: true });
        rmSync(c.slim, { force: true });
      }
      chunks = [];
      chunkBytes = 0;
    };
    let spill: string | null = null;
    try {
      /** End a row; true when the appender should be flushed (bounded memory: DuckDB then writes full row groups
       * to the file, uncommitted). */
      const endRow = (nct: string, slimJson: string): boolean => {
        app!.endRow();
        slimRows.push(nct, slimJson);
        if (opts.onProgress && n % PROGRESS_EVERY === 0) opts.onProgress(n);
        return pending >= FLUSH_CHARS;
      };
      if (isRowSource(records)) {
        // pre-serialized rows (checked and serialized by the producer, e.g. a worker thread): their values, or CSV
        // chunks the producer wrote into `spill` (inserted by DuckDB's own threads, in order)
        if (spillBase !== undefined) {
          mkdirSync(spillBase, { recursive: true });
          removeOrphanChunks(spillBase);
          spill = mkdtempSync(join(spillBase, `ingest-${process.pid}-`));
        }
        for await (const b of records.batches(spill ?? undefined)) {
          if (b.csv) {
            if (app) await flush();
            chunks.push({ ...b.csv, base: n });
            n += b.rows;
            chunkBytes += b.csv.bytes;
            if (chunkBytes >= CHUNK_INSERT_BYTES || chunks.length >= CHUNK_INSERT_FILES) await insertChunks();
            continue;
          }
          await insertChunks();
          const v = b.values;
          for (let r = 0, o = 0; r < b.rows; r++, o += ROW_WIDTH) {
            n++;
            app ??= await conn.createAppender('studies');
            app.appendInteger(id);
            app.appendInteger(n);
            for (let c = 0; c < SLIM_AT; c++) pending += appendValue(app, KINDS[c]!, v[o + c] ?? null);
            if (endRow(v[o] as string, v[o + SLIM_AT] as string)) await flush();
          }
        }
        await insertChunks();
      } else {
        for await (const rec of records) {
          n++;
          checkRecord(rec, n);
          app ??= await conn.createAppender('studies');
          app.appendInteger(id);
          app.appendInteger(n);
          for (const col of STUDY_COLUMNS) pending += appendValue(app, col.kind, col.get(rec.study, rec));
          if (endRow(rec.study.nctId, slimStudyJson(rec.study))) await flush();
        }
      }
      await flush();
    } catch (err) {
      try {
        app?.clear();
        app?.closeSync();
      } catch {
        /* the transaction is rolled back below (and an appender already closed) */
      }
      throw err;
    } finally {
      if (spill !== null) rmSync(spill, { recursive: true, force: true });
      if (threads !== null) await conn.run(`SET threads = ${Number(threads)}`);
      if (memory) await conn.run(`SET memory_limit = ${sqlString(chunkMemory!.after)}`);
    }
    opts.onProgress?.(n);
    if (meta.quarantine && meta.quarantine.length > 0) {
      await conn.run(QUARANTINE_DDL);
      for (const [i, q] of meta.quarantine.entries()) {
        await conn.run(
          'INSERT INTO quarantine VALUES ($1, $2, $3, $4, $5, $6)',
          [id, i + 1, q.nctId, q.reason, q.source, JSON.stringify(q.raw) ?? null],
          [INTEGER, INTEGER, VARCHAR, VARCHAR, VARCHAR, VARCHAR],
        );
      }
    }

    const distinctIncoming = await scalar(
      conn,
      'SELECT count(DISTINCT nct_id)::INTEGER FROM studies WHERE snapshot_id = $1',
      [id],
    );
    if (distinctIncoming < n) await conn.run(DEDUP_SQL, [id]);
    if (distinctIncoming < n || baseId !== null) {
      // the slim rows were written per record: those of dropped duplicates and base rows are derived after COMMIT
      await conn.run('DELETE FROM study_slim WHERE snapshot_id = $1', [id]);
    }
    if (baseId !== null) {
      await conn.run(DROP_OLDER_THAN_BASE_SQL, [id, baseId]);
      await conn.run(CARRY_BASE_SQL, [id, baseId]);
    }
    const stats = (
      await conn.runAndReadAll(
        'SELECT source_format, count(*)::INTEGER FROM studies WHERE snapshot_id = $1 GROUP BY 1 ORDER BY 1',
        [id],
      )
    ).getRows();
    const formats: Record<string, number> = {};
    let studyCount = 0;
    for (const [fmt, cnt] of stats) {
      formats[String(fmt)] = Number(cnt);
      studyCount += Number(cnt);
    }
    const info: SnapshotInfo = {
      id,
      label: meta.label ?? null,
      createdAt: new Date().toISOString(),
      sources: [...meta.sources],
      studyCount,
      duplicatesDropped: n - distinctIncoming,
      formats,
      kind: meta.kind ?? 'ingest',
      baseSnapshotId: baseId,
    };
    await conn.run(
      'INSERT INTO snapshots VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
      [
        info.id,
        info.label,
        info.createdAt,
        listValue(info.sources),
        info.studyCount,
        info.duplicatesDropped,
        JSON.stringify(info.formats),
        info.kind,
        info.baseSnapshotId,
      ],
      [INTEGER, VARCHAR, VARCHAR, LIST(VARCHAR), INTEGER, INTEGER, VARCHAR, VARCHAR, INTEGER],
    );
    await conn.run('COMMIT');
    committed = true;
    return info;
  } finally {
    if (!committed) await conn.run('ROLLBACK').catch(() => undefined);
    // a setting only (how later writes compress): failing to restore it must not fail a committed snapshot
    await conn.run(`SET disabled_compression_methods = ${sqlString(compression)}`).catch(() => undefined);
  }
}
