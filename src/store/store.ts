/**
 * openStore: the DuckDB-backed Store. One DuckDB instance per open store; DuckDB's file lock allows one
 * read-write process at a time (or several read-only ones). Write operations are transactions: a crash
 * or error leaves the last committed state.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { MscopeError } from '../model/errors.js';
import { labelVersions, loadLabels, saveLabels } from './labels.js';
import { getStudy, iterRecords, iterStudies } from './read.js';
import { ensureSchema } from './schema.js';
import { createSnapshot, getSnapshot, listSnapshots } from './snapshots.js';
import type { Store } from './types.js';

export interface OpenStoreOptions {
  /** Open without write access; several read-only processes may share the file. The file must exist. */
  readOnly?: boolean;
}

const IN_MEMORY = ':memory:';

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

export async function openStore(path: string, opts: OpenStoreOptions = {}): Promise<Store> {
  const readOnly = opts.readOnly === true;
  const file = path === IN_MEMORY ? path : resolve(path);
  if (file !== IN_MEMORY) {
    if (readOnly && !existsSync(file)) {
      throw new MscopeError(`${path}: no database here (run "mscope ingest" first, or pass --db)`);
    }
    if (!readOnly) mkdirSync(dirname(file), { recursive: true });
  }
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(file, readOnly ? { access_mode: 'READ_ONLY' } : {});
  } catch (err) {
    throw openError(path, err);
  }
  const conn = await instance.connect();
  try {
    await ensureSchema(conn, path, readOnly);
  } catch (err) {
    conn.closeSync();
    instance.closeSync();
    throw err;
  }
  let closed = false;
  const live = (): void => {
    if (closed) throw new MscopeError(`${path}: store is closed`);
  };
  const writable = (): void => {
    live();
    if (readOnly) throw new MscopeError(`${path}: database was opened read-only`);
  };

  return {
    createSnapshot: async (meta, records, o) => (writable(), createSnapshot(conn, meta, records, o)),
    listSnapshots: async () => (live(), listSnapshots(conn)),
    getSnapshot: async (ref) => (live(), getSnapshot(conn, ref)),
    iterStudies: async function* (id) {
      live();
      yield* iterStudies(instance, id);
    },
    iterRecords: async function* (id) {
      live();
      yield* iterRecords(instance, id);
    },
    getStudy: async (id, nct) => (live(), getStudy(conn, id, nct)),
    saveLabels: async (id, version, labels) => (writable(), saveLabels(conn, id, version, labels)),
    loadLabels: async (id, version) => (live(), loadLabels(conn, id, version)),
    labelVersions: async (id) => (live(), labelVersions(conn, id)),
    connection: () => (live(), conn),
    close: async () => {
      if (closed) return;
      closed = true;
      conn.closeSync();
      instance.closeSync();
    },
  };
}
