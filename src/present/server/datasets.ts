/**
 * Where the server's data comes from: the DuckDB store, opened READ-ONLY only while loading (so other
 * mscope commands can write between loads). Loaded snapshots stay in memory (the last few, LRU); concurrent
 * requests for a snapshot that is loading share one load.
 *
 * Reviewer decisions (the server's only writes) open the store read-write for the one append, never while a read
 * holds it (reads share the file; a write waits for them and they wait for it), then update every loaded
 * dataset in memory: the decided rows get their effective labels (analyze/review.ts `applyToRow`), so lists,
 * facets, metrics and the study view follow at once, and a restart reads the same from the database.
 */
import { applyToRow, latestDecisions } from '../../analyze/review.js';
import type { Decision, DecisionInput } from '../../model/decisions.js';
import { MscopeError } from '../../model/errors.js';
import { openStore, type SnapshotInfo, type Store } from '../../store/index.js';
import { loadReviewPriorities, loadStudyDetail } from '../../pipeline/compact.js';
import { newDecision } from '../review/context.js';
import { loadDataset, type Dataset } from './dataset.js';
import { ApiError } from './http-error.js';
import { createLru } from './lru.js';
import { warmDataset } from './responses.js';
import { settleHeap } from './heap.js';

export interface DatasetSource {
  /** The snapshot the server started with (--snapshot, else the newest classified one at start, else the newest). */
  readonly defaultSnapshotId: number;
  /** Dataset of a snapshot given by id or label (undefined: the default one). */
  get(ref?: string): Promise<Dataset>;
  snapshots(): Promise<ServedSnapshot[]>;
  /** Whether `decide` can write (false: the server was started with --read-only). */
  readonly writable: boolean;
  /**
   * Store reviewer decisions made while looking at snapshot `ref` (each stamped with that snapshot's classifier
   * value and ruleset version), then update every loaded dataset in memory. Returns the decisions added.
   */
  decide(inputs: readonly DecisionInput[], ref?: string): Promise<Decision[]>;
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
  opts: { writable?: boolean } = {},
): Promise<DatasetSource> {
  const open: StoreOpener = () => openStore(dbPath, { readOnly: true });
  const openWrite: StoreOpener | undefined = opts.writable ? () => openStore(dbPath) : undefined;
  return createDatasetSourceFrom(open, snapshotRef, keep, openWrite);
}

/**
 * Many readers or one writer: this process's read-only opens of the file may overlap each other, never the
 * read-write open of a decision (and a writer waiting keeps new readers waiting behind it).
 */
function readWriteLock() {
  let readers = 0;
  let writing = false;
  const queue: Array<{ write: boolean; go: () => void }> = [];
  const pump = () => {
    while (queue.length && !writing) {
      const next = queue[0]!;
      if (next.write) {
        if (readers > 0) return;
        writing = true;
      } else readers++;
      queue.shift();
      next.go();
    }
  };
  const run = async <T>(write: boolean, fn: () => Promise<T>): Promise<T> => {
    await new Promise<void>((go) => {
      queue.push({ write, go });
      pump();
    });
    try {
      return await fn();
    } finally {
      if (write) writing = false;
      else readers--;
      pump();
    }
  };
  return {
    read: <T>(fn: () => Promise<T>) => run(false, fn),
    write: <T>(fn: () => Promise<T>) => run(true, fn),
  };
}

export async function createDatasetSourceFrom(
  open: StoreOpener,
  snapshotRef?: string,
  keep = 2,
  openWrite?: StoreOpener,
): Promise<DatasetSource> {
  const lock = readWriteLock();
  const read = <T>(fn: (store: Store) => Promise<T>) => lock.read(() => withStore(open, fn));
  const readFailed = (what: string, parameter: string) => (err: unknown) => {
    const msg = err instanceof MscopeError ? err.message : String(err);
    throw new ApiError(503, `could not read ${what} from the database: ${msg}`, parameter);
  };
  const loaded = createLru<number, Promise<Dataset>>(keep);
  const load = async (ref?: string | number) => {
    const ds = await read((store) =>
      loadDataset(
        store,
        ref,
        (snap, version, nct) =>
          read((s) => loadStudyDetail(s, snap, version, nct)).catch(readFailed(nct, 'nct')),
        (snap, version, classifierOf) =>
          read((s) => loadReviewPriorities(s, snap, version, classifierOf)).catch(
            readFailed('the review queue', 'snapshot'),
          ),
      ),
    );
    warmDataset(ds);
    await settleHeap();
    return ds;
  };
  const first = await load(snapshotRef);
  loaded.set(first.snapshot.id, Promise.resolve(first));
  let known: ServedSnapshot[] = await read(listServed);

  const resolve = async (ref: string): Promise<number> => {
    const find = (list: ServedSnapshot[]) => list.find((s) => String(s.id) === ref || s.label === ref);
    let hit = find(known);
    if (!hit) {
      known = await read(listServed);
      hit = find(known);
    }
    if (!hit && ref.toLowerCase() === 'latest') hit = known.at(-1); // unless a snapshot is labelled "latest"
    if (!hit) throw new ApiError(404, `no snapshot "${ref}" in the database`, 'snapshot');
    return hit.id;
  };

  /** Every stored decision as of the last write (the in-memory updates apply the newest, never a stale list). */
  let decisions: Decision[] = [];
  const self: DatasetSource = {
    defaultSnapshotId: first.snapshot.id,
    writable: openWrite !== undefined,
    async decide(inputs, ref) {
      if (!openWrite) throw new ApiError(405, 'the dashboard server is read-only (started with --read-only)');
      const ds = await self.get(ref);
      const news = inputs.map((inp) => {
        const i = ds.byNct.get(inp.nctId);
        if (i === undefined)
          throw new ApiError(404, `${inp.nctId} is not in snapshot ${ds.snapshot.id}`, 'nctId');
        return newDecision(ds.rows[i], inp, { snapshotId: ds.snapshot.id });
      });
      let added: Decision[];
      try {
        added = await lock.write(() =>
          withStore(openWrite, async (s) => {
            const r = await s.addDecisions(news);
            // read under the write lock: `decisions` is always the newest list, whatever order writes finish in
            decisions = await s.listDecisions();
            return r.added;
          }),
        );
      } catch (err) {
        const msg = err instanceof MscopeError ? err.message : String(err);
        throw new ApiError(503, `decision not saved: ${msg.split('\n')[0]}`);
      }
      const latest = latestDecisions(decisions);
      const ids = new Set(news.map((d) => d.nctId));
      for (const id of loaded.keys()) {
        const d = await loaded.get(id)?.catch(() => null);
        if (!d) continue;
        for (const nct of ids) {
          const i = d.byNct.get(nct);
          // a trial row carries the labels (and decisions) of one of its registrations: labelsFrom
          const row = i === undefined ? undefined : d.rows[i]!;
          if (row && (row.trial?.labelsFrom ?? row.study.nctId) === nct)
            d.updateRow(i!, applyToRow(row, latest.get(nct)));
        }
      }
      return added;
    },
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
        known = await read(listServed);
      } catch {
        /* the database may be locked by a writer: answer with what we knew */
      }
      return known;
    },
  };
  return self;
}
