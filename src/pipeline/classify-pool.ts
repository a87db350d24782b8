/**
 * Classification on several cores: batches of study JSON (UTF-8 bytes, one transferred buffer per batch) go
 * round-robin to worker threads that decode, parse and classify them (classify-worker.ts); results come back in
 * input order. Labels are exactly those of the
 * single-thread path (the same classify function on the same parsed study; structured cloning keeps property
 * order, so the serialized labels are byte-identical). A bounded number of batches is in flight per worker,
 * so memory does not grow with the snapshot.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { MscopeError } from '../model/errors.js';
import type { Labels } from '../model/labels.js';
import type { PreparedLabel } from '../store/label-rows.js';
import type { StudyJsonBatch } from '../store/read.js';
import type { TallyInput } from '../classify/screening.js';

export interface PoolRequest {
  seq: number;
  studies: StudyJsonBatch;
  /** Send the labels back. */
  labels: boolean;
  /** Send the labels' table rows back (store/label-rows.ts prepareLabel). */
  rows: boolean;
}

/** What comes back for one batch, in input order: as asked, and the tally's fields when the labels are not sent. */
export interface PoolBatch {
  labels: Labels[] | null;
  rows: PreparedLabel[] | null;
  tally: TallyInput[] | null;
}
export type PoolResponse = ({ seq: number; error?: undefined } & PoolBatch) | { seq: number; error: string };

/** What a pool run sends back per batch. */
export interface PoolWants {
  labels: boolean;
  rows: boolean;
  /** Keep each batch's input for `onBatch` (else its buffer is transferred to the worker). */
  studies?: boolean;
}

const WORKER_URL = new URL('./classify-worker.js', import.meta.url);
/** Studies per batch posted to a worker. */
export const POOL_BATCH = 128;
/** Batches in flight per worker. */
const IN_FLIGHT = 4;
/**
 * V8 old-generation limit of a worker. A worker holds the compiled rules and a few batches; without a limit V8 let
 * each worker's heap grow with the garbage of a whole registry's studies (part of a 5.7 GB peak at 600,000).
 */
export const WORKER_HEAP_MB = Number(process.env.MSCOPE_CLASSIFY_WORKER_HEAP_MB) || 512;

/**
 * Worker threads to classify `n` studies with: MSCOPE_CLASSIFY_WORKERS when set (0 = this thread), else one per
 * core (up to 4) for 2,000 studies or more on a machine with 2+ cores, else 0. Always 0 when the compiled worker is
 * absent (running from the TypeScript sources).
 */
export function classifyWorkers(n: number): number {
  if (!existsSync(fileURLToPath(WORKER_URL))) return 0;
  const env = process.env.MSCOPE_CLASSIFY_WORKERS;
  if (env !== undefined && /^\d+$/.test(env.trim())) return Math.min(Number(env), 16);
  const cores = availableParallelism();
  return cores >= 2 && n >= 2000 ? Math.min(cores, 4) : 0;
}

/**
 * Classify the studies of `source` (batches of JSON, in order; POOL_BATCH studies a batch is best) on `workers`
 * threads; `onBatch` receives what `wants` asks for of every batch, in input order, with the batch itself when
 * `wants.studies`. Rejects on the first error (all workers are stopped).
 */
export async function classifyOnWorkers(
  source: AsyncIterable<StudyJsonBatch>,
  workers: number,
  wants: PoolWants,
  onBatch: (batch: PoolBatch, studies: StudyJsonBatch | null) => void,
): Promise<void> {
  const pool = Array.from(
    { length: workers },
    () => new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }),
  );
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  const results = new Map<number, PoolBatch>();
  const ready = new Set<Worker>();
  const inFlight = new Map<Worker, number>(pool.map((w) => [w, 0]));
  for (const w of pool) {
    w.on('message', (m: PoolResponse) => {
      if (m.seq === -1) ready.add(w);
      else if (m.error !== undefined) failure ??= new MscopeError(`classification failed: ${m.error}`);
      else {
        results.set(m.seq, m);
        inFlight.set(w, inFlight.get(w)! - 1);
      }
      notify();
    });
    w.on('error', (e) => {
      failure ??= e instanceof Error ? e : new Error(String(e));
      notify();
    });
    w.on('exit', (code) => {
      if (code !== 0) failure ??= new MscopeError(`classification worker stopped (exit code ${code})`);
      notify();
    });
  }
  const waitFor = async (): Promise<void> => {
    if (failure) throw failure;
    await new Promise<void>((r) => (wake = r));
    if (failure) throw failure;
  };
  const pending = new Map<number, StudyJsonBatch | null>();
  let next = 0; // next seq to hand to onLabels
  let seq = 0;
  const drain = (): void => {
    for (let l = results.get(next); l !== undefined; l = results.get(next)) {
      results.delete(next);
      onBatch(l, pending.get(next) ?? null);
      pending.delete(next);
      next++;
    }
  };
  const send = async (studies: StudyJsonBatch): Promise<void> => {
    for (;;) {
      drain();
      const w = pool.find((x) => ready.has(x) && inFlight.get(x)! < IN_FLIGHT);
      if (w) {
        inFlight.set(w, inFlight.get(w)! + 1);
        pending.set(seq, wants.studies ? studies : null);
        const m: PoolRequest = { seq: seq++, studies, labels: wants.labels, rows: wants.rows };
        // the batch's own buffers move to the worker (no copy) unless this thread still needs them
        w.postMessage(
          m,
          wants.studies ? [] : [studies.bytes.buffer as ArrayBuffer, studies.ends.buffer as ArrayBuffer],
        );
        return;
      }
      await waitFor();
    }
  };
  try {
    for await (const batch of source) await send(batch);
    for (;;) {
      drain();
      if (next === seq) break;
      await waitFor();
    }
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
