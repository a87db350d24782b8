/** The global `--db` option and a scoped store helper for commands. */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Command } from 'commander';
import { openStore, type Store } from '../../../store/index.js';

/** The database path from the root program's `--db` (env MSCOPE_DB, default ./mscope.duckdb). */
export function dbPath(cmd: Command): string {
  return String(cmd.optsWithGlobals<{ db?: string }>().db ?? process.env.MSCOPE_DB ?? './mscope.duckdb');
}

/** Open the store, run `fn`, always close it. */
export async function withStore<T>(
  cmd: Command,
  opts: { readOnly?: boolean; mustExist?: boolean },
  fn: (store: Store) => Promise<T>,
): Promise<T> {
  const store = await openStore(dbPath(cmd), opts);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/**
 * Runs `fn` (which opens and closes a store at `db`); when it fails and the database file did not exist before, the
 * file and its companions (`.wal`, `.tmp`) are removed: a failed first ingest/fetch leaves nothing behind.
 */
export async function removeNewDbOnFailure<T>(db: string, fn: () => Promise<T>): Promise<T> {
  const existed = db === ':memory:' || existsSync(db);
  try {
    return await fn();
  } catch (err) {
    if (!existed) {
      for (const f of [db, `${db}.wal`, `${db}.tmp`])
        await rm(f, { force: true, recursive: true }).catch(() => undefined);
    }
    throw err;
  }
}
