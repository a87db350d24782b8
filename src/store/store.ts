/** openStore: the DuckDB-backed Store (implementation in progress). */
import { MscopeError } from '../model/errors.js';
import type { Store } from './types.js';

export interface OpenStoreOptions {
  readOnly?: boolean;
}

export async function openStore(path: string, opts: OpenStoreOptions = {}): Promise<Store> {
  void opts;
  throw new MscopeError(`store not implemented yet (${path})`);
}
