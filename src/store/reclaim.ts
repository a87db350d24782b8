/**
 * Space left behind by an interrupted write. The store writes big snapshots straight to the file while the
 * transaction is open ("optimistic writes", see store.ts); when the process is killed or the write fails, those
 * blocks are no longer referenced, but the file keeps its length (measured: a 415 MB database grew to 633 MB after
 * one killed ingest, plus ~100 MB of spill files in `<db>.tmp`), and DuckDB's CHECKPOINT does not give it back.
 *
 * On a read-write open, and when a store whose write failed is closed, the store compares the file's length with
 * the blocks DuckDB uses. If the difference is large, it copies the database (COPY FROM DATABASE, every table and
 * view) into a new file beside it and renames that over the old one — the same committed data, without the dead
 * blocks. Stale spill files are removed (a read-write open holds DuckDB's exclusive lock, so nobody else uses them).
 */
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';

/** Reclaim only when at least this many bytes are dead... */
export const RECLAIM_MIN_BYTES = 64 * 1024 * 1024;
/** ...and they are at least this share of the file (a copy costs about as much as reading the whole file). */
export const RECLAIM_MIN_SHARE = 0.2;

const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/**
 * Bytes of the file that hold no data of the attached database `catalog`: blocks DuckDB lists as free (a rolled-back
 * write) plus the file's length beyond the blocks it knows (a killed write). 0 when unknown.
 */
export async function deadBytes(conn: DuckDBConnection, catalog: string, file: string): Promise<number> {
  const r = await conn.runAndReadAll(
    `SELECT block_size, total_blocks, free_blocks FROM pragma_database_size() WHERE database_name = ${sqlString(catalog)}`,
  );
  const row = r.getRows()[0];
  if (!row || !existsSync(file)) return 0;
  const [blockSize, total, free] = row.map(Number) as [number, number, number];
  return Math.max(0, statSync(file).size - (total - free) * blockSize);
}

/** True when `dead` bytes of a file of `size` bytes are worth a copy. */
export const worthReclaiming = (
  dead: number,
  size: number,
  limits = { minBytes: RECLAIM_MIN_BYTES, minShare: RECLAIM_MIN_SHARE },
): boolean => dead > 0 && dead >= limits.minBytes && dead >= limits.minShare * size;

/** Remove DuckDB's spill directory of `file` if it exists (call only while holding the read-write lock). */
export function removeSpill(file: string): void {
  const dir = `${file}.tmp`;
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}

/**
 * Copy the attached database `catalog` (file `file`) into a fresh file and put it in place of the old one, then
 * detach `catalog` (re-attach afterwards). The old file is checkpointed first (no WAL left to replay), the copy is
 * complete and checkpointed before it is renamed over the old file, and the old file is detached only after the
 * rename: a process opening the path at any moment finds either the old or the complete new database.
 * Returns the bytes saved. On an error before the rename the old file is untouched and the partial copy removed.
 */
export async function reclaimByCopy(conn: DuckDBConnection, catalog: string, file: string): Promise<number> {
  const before = statSync(file).size;
  const copy = `${file}.reclaim-${process.pid}`;
  const dropCopy = (): void => {
    rmSync(copy, { force: true });
    rmSync(`${copy}.wal`, { force: true });
  };
  dropCopy();
  try {
    await conn.run(`CHECKPOINT ${catalog}`);
    await conn.run(`ATTACH ${sqlString(copy)} AS mscope_reclaim`);
    try {
      await conn.run(`COPY FROM DATABASE ${catalog} TO mscope_reclaim`);
    } finally {
      await conn.run('DETACH mscope_reclaim');
    }
  } catch (err) {
    dropCopy();
    throw err;
  }
  renameSync(copy, file);
  await conn.run(`DETACH ${catalog}`);
  return before - statSync(file).size;
}
