/**
 * The fast ingest path: read registry files into pre-serialized rows (see rows.ts) in a worker thread, so
 * reading, parsing, mapping, validation and JSON serialization overlap with the DuckDB appends on the main
 * thread. Memory stays flat: the worker may be at most MAX_IN_FLIGHT batches ahead of the appender.
 *
 * `fileRows(paths, opts)` returns a RowSource for `store.createSnapshot`. Errors in the worker (an
 * InputError naming file/record/line/field, …) are rethrown on the main thread as the same error class with
 * the same message; an abort terminates the worker.
 */
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError, MscopeError, UsageError, type InputLocation } from '../model/errors.js';
import { readStudies } from '../sources/index.js';
import { checkRecord, pushRow, type RowBatch, type RowSource } from './rows.js';
import type { ColumnValue } from './columns.js';

/** Rows per batch posted to the main thread (fewer when the batch reaches BATCH_CHARS): small batches die young. */
const BATCH_ROWS = 64;
const BATCH_CHARS = 2 << 20;
/** Batches the worker may be ahead of the appender: 16 (~1,000 rows) keeps it reading through most appender flushes. */
export const MAX_IN_FLIGHT = 16;

export interface FileRowsOptions {
  /** Provenance fetchedAt for every record (default: now). */
  fetchedAt?: string;
  /** Bytes read so far of file `index` (of `size`). */
  onBytes?: (index: number, n: number, size: number) => void;
  /** Parts of files skipped with a reason (e.g. damaged EUCTR member-state blocks), as they are found. */
  onWarning?: (message: string) => void;
  /** Abort: the worker is stopped and the batches throw the signal's reason. */
  signal?: AbortSignal;
  /**
   * Read in a worker thread. Default: MSCOPE_INGEST_WORKER=1/0 when set, else only when a core is idle (1-minute
   * load average below the number of cores). Measured on the shared 2-core machine: at load ~1.5 the worker
   * made a 50k ingest 25% faster (12.7 s vs 16.8 s); at load >= 3 it was slower (no free core, and copying the
   * rows between threads costs ~1 s of CPU per 15k records). Results are identical either way. Without the
   * compiled worker (running from the TypeScript sources) it always runs in this thread.
   */
  worker?: boolean;
}

export interface ProgressBatch extends RowBatch {
  /** Progress at the end of this batch: file index, bytes read of it, its size. */
  file: number;
  /** Warnings raised since the previous batch. */
  warnings: string[];
  bytes: number;
  size: number;
}

/** Read `paths` in order and yield row batches (shared by the worker and the in-thread fallback). */
export async function* produceBatches(
  paths: readonly string[],
  fetchedAt: string,
  signal?: AbortSignal,
): AsyncGenerator<ProgressBatch> {
  let n = 0;
  let bytes = 0;
  let size = 0;
  let values: ColumnValue[] = [];
  let rows = 0;
  let chars = 0;
  let warnings: string[] = [];
  const onWarning = (m: string): void => void warnings.push(m);
  const take = (): string[] => {
    const w = warnings;
    warnings = [];
    return w;
  };
  for (let file = 0; file < paths.length; file++) {
    bytes = 0;
    size = 0;
    const onBytes = (b: number, s: number): void => {
      bytes = b;
      size = s;
    };
    for await (const rec of readStudies(paths[file]!, { fetchedAt, signal, onBytes, onWarning })) {
      n++;
      checkRecord(rec, n);
      const before = values.length;
      pushRow(values, rec);
      for (let i = before; i < values.length; i++) {
        const v = values[i];
        if (typeof v === 'string') chars += v.length;
      }
      rows++;
      if (rows >= BATCH_ROWS || chars >= BATCH_CHARS) {
        yield { rows, values, file, bytes, size, warnings: take() };
        values = [];
        rows = 0;
        chars = 0;
      }
    }
    if (rows > 0) {
      yield { rows, values, file, bytes, size, warnings: take() };
      values = [];
      rows = 0;
      chars = 0;
    } else {
      yield { rows: 0, values, file, bytes: size, size, warnings: take() }; // end-of-file progress
    }
  }
}

/** Messages from the worker. */
export type WorkerMessage =
  | ({ type: 'batch' } & ProgressBatch)
  | { type: 'done' }
  | { type: 'error'; name: string; message: string; exitCode?: number; location?: InputLocation };

export interface WorkerInput {
  paths: string[];
  fetchedAt: string;
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

async function* viaWorker(
  paths: readonly string[],
  opts: FileRowsOptions,
  fetchedAt: string,
): AsyncGenerator<RowBatch> {
  const { signal } = opts;
  signal?.throwIfAborted();
  const input: WorkerInput = { paths: [...paths], fetchedAt };
  const worker = new Worker(WORKER_URL, { workerData: input });
  const queue: ProgressBatch[] = [];
  let failure: Error | null = null;
  let done = false;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  worker.on('message', (m: WorkerMessage) => {
    if (m.type === 'batch') queue.push(m);
    else if (m.type === 'done') done = true;
    else failure ??= reviveError(m);
    notify();
  });
  worker.on('error', (e) => {
    failure ??= e instanceof Error ? e : new Error(String(e));
    notify();
  });
  worker.on('exit', (code) => {
    if (!done) failure ??= new MscopeError(`ingest worker stopped unexpectedly (exit code ${code})`);
    notify();
  });
  const onAbort = (): void => {
    failure = abortReason(signal!);
    notify();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      if (failure) throw failure;
      const b = queue.shift();
      if (b) {
        for (const w of b.warnings) opts.onWarning?.(w);
        opts.onBytes?.(b.file, b.bytes, b.size);
        if (b.rows > 0) yield b;
        worker.postMessage('credit');
        continue;
      }
      if (done) return;
      await new Promise<void>((r) => (wake = r));
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (!done || failure) await worker.terminate();
  }
}

/** A worker pays off only with an idle core (see FileRowsOptions.worker). */
export function workerByDefault(): boolean {
  const env = process.env.MSCOPE_INGEST_WORKER;
  if (env === '1' || env === '0') return env === '1';
  return availableParallelism() >= 2 && loadavg()[0]! < availableParallelism();
}

/** Pre-serialized rows of every study in `paths` (in order), read in this thread or in a worker thread. */
export function fileRows(paths: readonly string[], opts: FileRowsOptions = {}): RowSource {
  const fetchedAt = opts.fetchedAt ?? new Date().toISOString();
  const wanted = opts.worker ?? workerByDefault();
  const thread = !wanted || !existsSync(fileURLToPath(WORKER_URL));
  return {
    kind: 'study-rows',
    batches: () => (thread ? inThread(paths, opts, fetchedAt) : viaWorker(paths, opts, fetchedAt)),
  };
}
