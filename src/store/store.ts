/**
 * openStore: the DuckDB-backed Store. One DuckDB instance per open store; DuckDB's file lock allows one
 * read-write process at a time (or several read-only ones). Write operations are transactions: a crash
 * or error leaves the last committed state.
 *
 * The file is ATTACHed (as catalog `mscope`, made the default with USE) with a small row-group size: DuckDB
 * then writes a large snapshot's row groups straight to the file while the transaction is open ("optimistic
 * writes") instead of logging every byte to the WAL at COMMIT and copying it again at checkpoint. That
 * halves the bytes written and keeps memory flat on huge ingests; uncommitted blocks are simply free space
 * after a crash.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { loadDuckDb } from './duckdb.js';
import { MscopeError } from '../model/errors.js';
import { addDecisions, listDecisions, listSamples, saveSample } from './decisions.js';
import { labelVersions, loadLabels, saveLabels, saveLabelStream } from './labels.js';
import { deadBytes, reclaimByCopy, removeSpill, worthReclaiming } from './reclaim.js';
import { getStudy, iterRecords, iterStudies, iterStudyJson, iterStudyJsonBatches } from './read.js';
import { ensureSchema } from './schema.js';
import { ensureViews } from './views.js';
import { createSnapshot, getSnapshot, listSnapshots } from './snapshots.js';
import type { Store } from './types.js';

export interface OpenStoreOptions {
  /** Open without write access; several read-only processes may share the file. The file must exist. */
  readOnly?: boolean;
  /** Refuse to create a new database file (commands that only work on existing snapshots). */
  mustExist?: boolean;
  /** Where a note goes (space reclaimed after an interrupted write); default: one `mscope: note:` line on stderr. */
  onNote?: (message: string) => void;
  /** When dead space is worth a copy (default RECLAIM_MIN_BYTES and RECLAIM_MIN_SHARE; tests use small files). */
  reclaim?: { minBytes: number; minShare: number };
}

const stderrNote = (message: string): void => {
  process.stderr.write(`mscope: note: ${message}\n`);
};
const mb = (bytes: number): string => `${Math.round(bytes / 1e6)} MB`;

const IN_MEMORY = ':memory:';
/** Catalog name of the attached database file. */
export const CATALOG = 'mscope';
/** Rows per row group (DuckDB's default is 122,880): 2,048 = one vector, so every full vector is written early. */
export const ROW_GROUP_SIZE = 2048;

/** Uncommitted row groups buffered in memory before DuckDB writes them to the file (its default: ~1 GiB). */
export const WRITE_BUFFER = '32MB';

/**
 * DuckDB's buffer pool limit for a database file (its default is 80% of RAM, and it keeps every block it has
 * written cached: ingest RSS then grows with the input, ~515 MB at 6k studies to ~780 MB at 50k). With 256 MB,
 * 25k and 50k studies peak at the same RSS, for ~15% more ingest time; larger sorts spill to `<db>.tmp`.
 * Env MSCOPE_DUCKDB_MEMORY overrides it (any DuckDB size, e.g. "2GB").
 */
export const DEFAULT_MEMORY_LIMIT = '256MB';

/**
 * The limit while a snapshot's CSV chunks are inserted (restored after), unless MSCOPE_DUCKDB_MEMORY is set: with
 * 256 MB, DuckDB evicted the row groups it was building to its temporary files (ZSTD-compressed, read back and
 * decompressed before being written to the database), a third of its CPU for those rows; 20,000 registry studies
 * inserted from the same chunks: 1.8-2.1 -> 1.1-1.4 s CPU, peak RSS +100-170 MB (1 GB was no faster).
 */
export const CHUNK_MEMORY_LIMIT = '512MB';

function memoryLimit(): string {
  const v = process.env.MSCOPE_DUCKDB_MEMORY?.trim();
  if (!v) return DEFAULT_MEMORY_LIMIT;
  if (!/^\d+(\.\d+)?\s*(B|KB|KiB|MB|MiB|GB|GiB|TB|TiB)$/i.test(v)) {
    throw new MscopeError(`MSCOPE_DUCKDB_MEMORY: "${v}" is not a size such as 256MB or 2GB`, 2);
  }
  return v;
}

const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;

function openError(path: string, err: unknown): MscopeError {
  const msg = err instanceof Error ? err.message : String(err);
  if (/lock/i.test(msg)) {
    return new MscopeError(`${path}: database is in use by another process (${msg.split('\n')[0]})`, 1, {
      cause: err,
    });
  }
  if (/not a valid DuckDB database|Invalid Input Error.*database|unable to open/i.test(msg)) {
    return new MscopeError(`${path}: not a valid mscope (DuckDB) database: ${msg.split('\n')[0]}`, 1, {
      cause: err,
    });
  }
  return new MscopeError(`${path}: cannot open database: ${msg.split('\n')[0]}`, 1, { cause: err });
}

/** Copy the database without its dead blocks when they are worth it (see reclaim.ts); bytes saved, or 0. */
async function reclaimIfWorth(
  conn: DuckDBConnection,
  file: string,
  limits: OpenStoreOptions['reclaim'],
): Promise<number> {
  const dead = await deadBytes(conn, CATALOG, file);
  if (!worthReclaiming(dead, statSync(file).size, limits)) return 0;
  return reclaimByCopy(conn, CATALOG, file);
}

export async function openStore(path: string, opts: OpenStoreOptions = {}): Promise<Store> {
  const readOnly = opts.readOnly === true;
  const note = opts.onNote ?? stderrNote;
  const file = path === IN_MEMORY ? path : resolve(path);
  if (file !== IN_MEMORY) {
    if ((readOnly || opts.mustExist === true) && !existsSync(file)) {
      throw new MscopeError(`${path}: no database here (run "mscope ingest" first, or pass --db)`);
    }
    if (!readOnly) mkdirSync(dirname(file), { recursive: true });
  }
  let instance: DuckDBInstance;
  let conn: DuckDBConnection;
  try {
    instance = await (await loadDuckDb()).DuckDBInstance.create(IN_MEMORY);
    conn = await instance.connect();
  } catch (err) {
    throw openError(path, err);
  }
  try {
    if (file !== IN_MEMORY) {
      const options = [`ROW_GROUP_SIZE ${ROW_GROUP_SIZE}`, ...(readOnly ? ['READ_ONLY'] : [])].join(', ');
      const attach = async (): Promise<void> => {
        try {
          await conn.run(`ATTACH ${sqlString(file)} AS ${CATALOG} (${options})`);
        } catch (err) {
          throw openError(path, err);
        }
      };
      await attach();
      await conn.run(`SET write_buffer_row_group_memory_limit = '${WRITE_BUFFER}'`);
      await conn.run(`SET memory_limit = ${sqlString(memoryLimit())}`);
      if (!readOnly) removeSpill(file);
      // where DuckDB spills big sorts/joins (an in-memory instance has none by default); created only when used
      await conn.run(`SET temp_directory = ${sqlString(`${file}.tmp`)}`);
      if (!readOnly) {
        // holding the read-write lock: nobody else uses the spill files, and dead blocks can be given back
        const saved = await reclaimIfWorth(conn, file, opts.reclaim);
        if (saved > 0) {
          await attach();
          note(`${path}: gave back ${mb(saved)} of space left by an interrupted write`);
        }
      }
      await conn.run(`USE ${CATALOG}`);
    }
    await ensureSchema(conn, path, readOnly);
    if (!readOnly) await ensureViews(conn);
  } catch (err) {
    conn.closeSync();
    instance.closeSync();
    throw err;
  }
  /** A further connection (for streaming reads) with the same default catalog. */
  const connect = async (): Promise<DuckDBConnection> => {
    const c = await instance.connect();
    if (file !== IN_MEMORY) await c.run(`USE ${CATALOG}`);
    return c;
  };
  // Writes share the one connection's transaction: run them one at a time (calls made while one is in
  // progress wait their turn instead of failing with "transaction already active").
  let tail: Promise<unknown> = Promise.resolve();
  /** A write failed (rolled back): its blocks may be dead space, given back on close. */
  let writeFailed = false;
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => {
      writeFailed = true;
    });
    return run;
  };
  let closed = false;
  const live = (): void => {
    if (closed) throw new MscopeError(`${path}: store is closed`);
  };
  const writable = (): void => {
    live();
    if (readOnly) throw new MscopeError(`${path}: database was opened read-only`);
  };

  return {
    createSnapshot: async (meta, records, o) => (
      writable(),
      exclusive(() =>
        createSnapshot(
          conn,
          meta,
          records,
          o,
          file === IN_MEMORY ? join(tmpdir(), 'mscope-ingest') : `${file}.tmp`,
          file === IN_MEMORY || process.env.MSCOPE_DUCKDB_MEMORY?.trim()
            ? undefined
            : { during: CHUNK_MEMORY_LIMIT, after: DEFAULT_MEMORY_LIMIT },
        ),
      )
    ),
    listSnapshots: async () => (live(), listSnapshots(conn)),
    getSnapshot: async (ref) => (live(), getSnapshot(conn, ref)),
    iterStudies: async function* (id) {
      live();
      yield* iterStudies(connect, id);
    },
    iterStudyJson: async function* (id) {
      live();
      yield* iterStudyJson(connect, id);
    },
    iterStudyJsonBatches: async function* (id, size) {
      live();
      yield* iterStudyJsonBatches(connect, id, size);
    },
    iterRecords: async function* (id) {
      live();
      yield* iterRecords(connect, id);
    },
    getStudy: async (id, nct) => (live(), getStudy(conn, id, nct)),
    saveLabels: async (id, version, labels) => (
      writable(),
      exclusive(() => saveLabels(conn, id, version, labels))
    ),
    saveLabelStream: async (id, version, fill) => (
      writable(),
      exclusive(() => saveLabelStream(conn, id, version, fill))
    ),
    loadLabels: async (id, version) => (live(), loadLabels(conn, id, version)),
    labelVersions: async (id) => (live(), labelVersions(conn, id)),
    addDecisions: async (decisions) => (writable(), exclusive(() => addDecisions(conn, decisions))),
    listDecisions: async () => (live(), listDecisions(conn)),
    saveSample: async (sample) => (writable(), exclusive(() => saveSample(conn, sample))),
    listSamples: async () => (live(), listSamples(conn)),
    connection: () => (live(), conn),
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        if (writeFailed && !readOnly && file !== IN_MEMORY) {
          await tail;
          await conn.run('USE memory');
          const saved = await reclaimIfWorth(conn, file, opts.reclaim);
          if (saved > 0) note(`${path}: gave back ${mb(saved)} of space left by the failed write`);
        }
      } catch {
        // the data is committed and safe; the space is given back on the next read-write open
      } finally {
        conn.closeSync();
        instance.closeSync();
      }
    },
  };
}
