/**
 * Where the server's data comes from: the DuckDB store, opened READ-ONLY only while loading (so other
 * mscope commands can write between loads). Loaded snapshots stay in memory (the last few, LRU); concurrent
 * requests for a snapshot that is loading share one load.
 */
import { MscopeError } from '../../model/errors.js';
import { openStore, type SnapshotInfo, type Store } from '../../store/index.js';
import { loadStudyDetail } from '../../pipeline/compact.js';
import { loadDataset, type Dataset } from './dataset.js';
import { ApiError } from './http-error.js';
import { createLru } from './lru.js';
import { warmDataset } from './responses.js';

export interface DatasetSource {
  /** The snapshot the server started with (--snapshot, else the newest classified one at start, else the newest). */
  readonly defaultSnapshotId: number;
  /** Dataset of a snapshot given by id or label (undefined: the default one). */
  get(ref?: string): Promise<Dataset>;
  snapshots(): Promise<ServedSnapshot[]>;
}

/** A snapshot as /api/snapshots lists it: with the ruleset version of its newest labels (null: not classified). */
export type ServedSnapshot = SnapshotInfo & { rulesetVersion: string | null };

async function listServed(store: Store): Promise<ServedSnapshot[]> {
  const out: ServedSnapshot[] = [];
  for (const s of await store.listSnapshots()) {
    const v = await store.labelVersions(s.id);
    out.push({ ...s, rulesetVersion: v[v.length - 1] ?? null });
  }
  return out;
}

export type StoreOpener = () => Promise<Store>;

export async function withStore<T>(open: StoreOpener, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await open();
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** Open the source and load its default snapshot (fails like the CLI would when the store or snapshot is missing). */
export async function createDatasetSource(
  dbPath: string,
  snapshotRef?: string,
  keep = 2,
): Promise<DatasetSource> {
  const open: StoreOpener = () => openStore(dbPath, { readOnly: true });
  return createDatasetSourceFrom(open, snapshotRef, keep);
}

export async function createDatasetSourceFrom(
  open: StoreOpener,
  snapshotRef?: string,
  keep = 2,
): Promise<DatasetSource> {
  const loaded = createLru<number, Promise<Dataset>>(keep);
  const load = async (ref?: string | number) => {
    const ds = await withStore(open, (store) =>
      loadDataset(store, ref, (snap, version, nct) =>
        withStore(open, (s) => loadStudyDetail(s, snap, version, nct)).catch((err: unknown) => {
          const msg = err instanceof MscopeError ? err.message : String(err);
          throw new ApiError(503, `could not read ${nct} from the database: ${msg}`, 'nct');
        }),
      ),
    );
    warmDataset(ds);
    return ds;
  };
  const first = await load(snapshotRef);
  loaded.set(first.snapshot.id, Promise.resolve(first));
  let known: ServedSnapshot[] = await withStore(open, listServed);

  const resolve = async (ref: string): Promise<number> => {
    const find = (list: ServedSnapshot[]) => list.find((s) => String(s.id) === ref || s.label === ref);
    let hit = find(known);
    if (!hit) {
      known = await withStore(open, listServed);
      hit = find(known);
    }
    if (!hit && ref.toLowerCase() === 'latest') hit = known.at(-1); // unless a snapshot is labelled "latest"
    if (!hit) throw new ApiError(404, `no snapshot "${ref}" in the database`, 'snapshot');
    return hit.id;
  };

  return {
    defaultSnapshotId: first.snapshot.id,
    async get(ref) {
      const id = ref === undefined ? first.snapshot.id : await resolve(ref);
      let p = loaded.get(id);
      if (!p) {
        p = load(id);
        loaded.set(id, p);
        p.catch(() => {
          if (loaded.get(id) === p) loaded.delete(id);
        });
      }
      try {
        return await p;
      } catch (err) {
        const msg = err instanceof MscopeError ? err.message : String(err);
        throw new ApiError(503, `could not load snapshot ${id}: ${msg}`, 'snapshot');
      }
    },
    async snapshots() {
      try {
        known = await withStore(open, listServed);
      } catch {
        /* the database may be locked by a writer: answer with what we knew */
      }
      return known;
    },
  };
}
