/**
 * @duckdb/node-api, loaded when the first database is opened (store.ts openStore), not when the CLI starts: its
 * native module takes ~0.2 s to load, which `mscope --help`, `--version` and usage errors need not wait for.
 * Code that builds DuckDB values or types runs on an open store, so it finds the module loaded.
 */
import type * as DuckDb from '@duckdb/node-api';

let loaded: typeof DuckDb | null = null;

export async function loadDuckDb(): Promise<typeof DuckDb> {
  loaded ??= await import('@duckdb/node-api');
  return loaded;
}

/** The module, once a database has been opened (an internal error before that). */
export function duckdb(): typeof DuckDb {
  if (loaded === null) throw new Error('internal: DuckDB used before a database was opened');
  return loaded;
}
