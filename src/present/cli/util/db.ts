/** The global `--db` option and a scoped store helper for commands. */
import type { Command } from 'commander';
import { openStore, type Store } from '../../../store/index.js';

/** The database path from the root program's `--db` (env MSCOPE_DB, default ./mscope.duckdb). */
export function dbPath(cmd: Command): string {
  return String(cmd.optsWithGlobals<{ db?: string }>().db ?? process.env.MSCOPE_DB ?? './mscope.duckdb');
}

/** Open the store, run `fn`, always close it. */
export async function withStore<T>(
  cmd: Command,
  opts: { readOnly?: boolean },
  fn: (store: Store) => Promise<T>,
): Promise<T> {
  const store = await openStore(dbPath(cmd), opts);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
