/**
 * The fast ingest path: read registry files into pre-serialized rows (see rows.ts) on worker threads, so
 * reading, inflating, parsing, mapping, validation and JSON serialization run on every core while the main thread
 * only hands the rows to DuckDB (with a spill folder: CSV chunk files the workers wrote, see csv-rows.ts). The input's units (files, and the members of a zip archive) are dealt in blocks of
 * BLOCK_UNITS, round-robin, to the workers; the main thread takes the blocks back in input order, so the rows, their
 * order, the warnings and the first error are those of one thread reading everything. Memory stays flat: each
 * worker may be at most MAX_IN_FLIGHT batches ahead of the appender.
 *
 * `fileRows(paths, opts)` returns a RowSource for `store.createSnapshot`. Errors in a worker (an
 * InputError naming file/record/line/field, …) are rethrown on the main thread as the same error class with
 * the same message; an abort terminates the workers.
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError, MscopeError, UsageError, type InputLocation } from '../model/errors.js';
import { readUnits } from '../sources/index.js';
import { looksLikeZip } from '../sources/zip.js';
import { checkRecord, pushRow, type RowBatch, type RowSource } from './rows.js';
import type { ColumnValue } from './columns.js';

/** Rows per batch posted to the main thread (fewer when the batch reaches BATCH_CHARS): small batches die young. */
const BATCH_ROWS = 64;
const BATCH_CHARS = 2 << 20;
/** Batches a worker may be ahead of the appender: 16 (~1,000 rows) keeps it reading through most appender flushes. */
export const MAX_IN_FLIGHT = 16;
/**
 * Units (files, zip members) per block dealt to the reading workers: worker `w` of `k` reads blocks w, w + k, …;
 * the appender takes the blocks back in order.
 */
export const BLOCK_UNITS = 256;
/** A reader writing CSV chunks (csv-rows.ts) closes a chunk at a block's end or at about this many bytes. */
export const CHUNK_BYTES = 16 << 20;

/** Which units a reader takes: blocks of `block` units dealt round-robin to `workers` readers; this is `worker`. */
export interface Deal {
  worker: number;
  workers: number;
  block: number;
}

const SOLO: Deal = { worker: 0, workers: 1, block: BLOCK_UNITS };

export interface FileRowsOptions {
  /** Provenance fetchedAt for every record (default: now). */
  fetchedAt?: string;
  /** Bytes read so far of file `index` (of `size`). */
  onBytes?: (index: number, n: number, size: number) => void;
  /** Parts of files skipped with a reason (e.g. damaged EUCTR member-state blocks), as they are found. */
  onWarning?: (message: string) => void;
  /** Abort: the workers are stopped and the batches throw the signal's reason. */
  signal?: AbortSignal;
  /**
   * Reading worker threads: 0 reads in this thread. Default: MSCOPE_INGEST_WORKERS=N when set (or the older
   * MSCOPE_INGEST_WORKER=0/1), else one per core (at most MAX_WORKERS) when there are 2+ cores and the input has
   * more than one unit to deal (several files, or a zip archive), one otherwise. Results are identical either way.
   * Without the compiled worker (running from the TypeScript sources) it always reads in this thread.
   */
  workers?: number;
  /** Shorthand: false = `workers: 0`, true = the default count with at least one worker. */
  worker?: boolean;
  /** Units per dealt block (default BLOCK_UNITS; tests use small blocks). */
  block?: number;
}

export interface ProgressBatch extends RowBatch {
  /** Progress at the end of this batch: file index, bytes read of it, its size. */
  file: number;
  /** Warnings raised since the previous batch. */
  warnings: string[];
  bytes: number;
  size: number;
  /** The dealt block these rows belong to; `end`: the block's last batch (then `rows` may be 0). */
  block: number;
  end: boolean;
}

/**
 * Read the units of `paths` this reader takes (`deal`), in order, and yield row batches: each taken block as one
 * or more batches, the last with `end` (shared by the workers and the in-thread reader).
 */
export async function* produceBatches(
  paths: readonly string[],
  fetchedAt: string,
  signal?: AbortSignal,
  deal: Deal = SOLO,
): AsyncGenerator<ProgressBatch> {
  let n = 0;
  let file = 0;
  let bytes = 0;
  let size = 0;
  let values: ColumnValue[] = [];
  let rows = 0;
  let chars = 0;
  let warnings: string[] = [];
  const onWarning = (m: string): void => void warnings.push(m);
  const onBytes = (f: number, b: number, s: number): void => {
    file = f;
    bytes = b;
    size = s;
  };
  const out = (block: number, end: boolean): ProgressBatch => {
    const batch = { rows, values, file, bytes, size, warnings, block, end };
    values = [];
    rows = 0;
    chars = 0;
    warnings = [];
    return batch;
  };
  const { worker, workers, block: per } = deal;
  const take = workers > 1 ? (u: number): boolean => Math.floor(u / per) % workers === worker : undefined;
  let open = -1; // the taken block being read
  for await (const unit of readUnits(paths, { fetchedAt, signal, onBytes, onWarning, take })) {
    const block = Math.floor(unit.unit / per);
    if (open >= 0 && block !== open) {
      yield out(open, true);
      open = -1;
    }
    if (unit.records === null) continue;
    open = block;
    for await (const rec of unit.records) {
      n++;
      checkRecord(rec, n);
      const before = values.length;
      pushRow(values, rec);
      for (let i = before; i < values.length; i++) {
        const v = values[i];
        if (typeof v === 'string') chars += v.length;
        else if (v instanceof Uint8Array) chars += v.byteLength;
      }
      rows++;
      if (rows >= BATCH_ROWS || chars >= BATCH_CHARS) yield out(block, false);
    }
  }
  if (open >= 0) yield out(open, true);
}

/** Messages from the worker. */
export type WorkerMessage =
  | ({ type: 'batch' } & ProgressBatch)
  | { type: 'done' }
  | { type: 'error'; name: string; message: string; exitCode?: number; location?: InputLocation };

export interface WorkerInput {
  paths: string[];
  fetchedAt: string;
  deal: Deal;
  /** Write the rows as CSV chunks into this directory (messages then carry `csv`, not values). */
  dir?: string;
}

/** An error as posted by the worker, back to its class (same message, same exit code). */
export function reviveError(m: Extract<WorkerMessage, { type: 'error' }>): Error {
  let e: Error;
  if (m.name === 'InputError' && m.location) e = new InputError(m.location, 'x');
  else if (m.name === 'UsageError') e = new UsageError(m.message);
  else if (m.name === 'MscopeError') e = new MscopeError(m.message, m.exitCode ?? 1);
  else e = new Error(m.message);
  if (e.message !== m.message) Object.defineProperty(e, 'message', { value: m.message, writable: true });
  return e;
}

/** Serialize an error for postMessage. */
export function errorMessage(err: unknown): Extract<WorkerMessage, { type: 'error' }> {
  if (err instanceof InputError)
    return { type: 'error', name: 'InputError', message: err.message, location: err.location };
  if (err instanceof MscopeError)
    return { type: 'error', name: err.name, message: err.message, exitCode: err.exitCode };
  return { type: 'error', name: 'Error', message: err instanceof Error ? err.message : String(err) };
}

const WORKER_URL = new URL('./ingest-worker.js', import.meta.url);

const abortReason = (signal: AbortSignal): Error =>
  signal.reason instanceof Error ? signal.reason : new MscopeError('ingest aborted');

async function* inThread(
  paths: readonly string[],
  opts: FileRowsOptions,
  fetchedAt: string,
): AsyncGenerator<RowBatch> {
  for await (const b of produceBatches(paths, fetchedAt, opts.signal)) {
    for (const w of b.warnings) opts.onWarning?.(w);
    opts.onBytes?.(b.file, b.bytes, b.size);
    if (b.rows > 0) yield b;
  }
}

/** One reading worker and the messages it posted that the appender has not taken yet. */
interface Reader {
  worker: Worker;
  queue: WorkerMessage[];
  /** It posted `done` or an error: nothing follows. */
  ended: boolean;
}

/**
 * Blocks read by `workers` worker threads, taken back in order: block b from worker b % workers. A worker's error
 * is thrown when the appender reaches it (after every row before it, as in one thread); a crash at once.
 */
async function* viaWorkers(
  paths: readonly string[],
  opts: FileRowsOptions,
  fetchedAt: string,
  workers: number,
  dir: string | undefined,
): AsyncGenerator<RowBatch> {
  const { signal } = opts;
  signal?.throwIfAborted();
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  const block = opts.block ?? BLOCK_UNITS;
  const readers: Reader[] = [];
  for (let i = 0; i < workers; i++) {
    const input: WorkerInput = { paths: [...paths], fetchedAt, deal: { worker: i, workers, block }, dir };
    const r: Reader = { worker: new Worker(WORKER_URL, { workerData: input }), queue: [], ended: false };
    r.worker.on('message', (m: WorkerMessage) => {
      r.queue.push(m);
      if (m.type !== 'batch') r.ended = true;
      notify();
    });
    r.worker.on('error', (e) => {
      failure ??= e instanceof Error ? e : new Error(String(e));
      notify();
    });
    r.worker.on('exit', (code) => {
      if (!r.ended) failure ??= new MscopeError(`ingest worker stopped unexpectedly (exit code ${code})`);
      notify();
    });
    readers.push(r);
  }
  const onAbort = (): void => {
    failure = abortReason(signal!);
    notify();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  // progress never goes back (the workers pass the same files at different places)
  let atFile = -1;
  let atBytes = 0;
  let finished = false;
  try {
    for (let b = 0; ;) {
      if (failure) throw failure;
      const r = readers[b % workers]!;
      const m = r.queue.shift();
      if (!m) {
        await new Promise<void>((ok) => (wake = ok));
        continue;
      }
      if (m.type === 'done') break; // the reader of block b has none: every block was taken
      if (m.type === 'error') throw reviveError(m);
      r.worker.postMessage('credit');
      for (const w of m.warnings) opts.onWarning?.(w);
      if (m.file > atFile || (m.file === atFile && m.bytes > atBytes)) {
        atFile = m.file;
        atBytes = m.bytes;
        opts.onBytes?.(m.file, m.bytes, m.size);
      }
      if (m.block !== b)
        throw new MscopeError(`ingest workers out of step (block ${m.block}, expected ${b})`);
      if (m.rows > 0) yield m;
      if (m.end) b++;
    }
    finished = true;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await Promise.all(readers.map((r) => (finished && r.ended ? undefined : r.worker.terminate())));
  }
}

/** Reading workers by default (see FileRowsOptions.workers): `dealt` = the input has more than one unit. */
export function workersByDefault(dealt: boolean): number {
  const env = process.env.MSCOPE_INGEST_WORKERS ?? process.env.MSCOPE_INGEST_WORKER;
  if (env !== undefined && /^\d+$/.test(env.trim())) return Math.min(MAX_WORKERS, Number(env.trim()));
  const cores = availableParallelism();
  if (cores < 2) return 0;
  return dealt ? Math.min(MAX_WORKERS, cores) : 1;
}

/** At most this many reading workers (the appender on the main thread is the limit beyond). */
export const MAX_WORKERS = 4;

/** True when `path` is a zip archive (its first bytes), false for anything else or an unreadable path. */
function isZip(path: string): boolean {
  try {
    const fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(4);
      return looksLikeZip(head.subarray(0, readSync(fd, head, 0, 4, 0)));
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** Pre-serialized rows of every study in `paths` (in order), read in this thread or in worker threads. */
export function fileRows(paths: readonly string[], opts: FileRowsOptions = {}): RowSource {
  const fetchedAt = opts.fetchedAt ?? new Date().toISOString();
  const dealt = (): boolean => paths.length > 1 || (paths.length === 1 && isZip(paths[0]!));
  let workers =
    opts.workers ??
    (opts.worker === false ? 0 : opts.worker === true ? Math.max(1, workersByDefault(dealt())) : undefined);
  workers ??= workersByDefault(dealt());
  if (!existsSync(fileURLToPath(WORKER_URL))) workers = 0;
  return {
    kind: 'study-rows',
    batches: (spill) =>
      workers === 0 ? inThread(paths, opts, fetchedAt) : viaWorkers(paths, opts, fetchedAt, workers, spill),
  };
}
