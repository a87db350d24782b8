/**
 * Worker thread of `fileRows` (file-rows.ts): reads the files, posts row batches, waits for a credit from
 * the main thread when MAX_IN_FLIGHT batches are unacknowledged (backpressure), then posts `done`, or the
 * first error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CsvChunkWriter } from './csv-rows.js';
import {
  errorMessage,
  CHUNK_BYTES,
  MAX_IN_FLIGHT,
  produceBatches,
  type ProgressBatch,
  type WorkerInput,
  type WorkerMessage,
} from './file-rows.js';

const port = parentPort!;
const input = workerData as WorkerInput;
let credits = MAX_IN_FLIGHT;
let wake: (() => void) | null = null;
const onCredit = (): void => {
  credits++;
  const w = wake;
  wake = null;
  w?.();
};
port.on('message', onCredit);

const post = (m: WorkerMessage): void => port.postMessage(m);

async function send(b: ProgressBatch): Promise<void> {
  while (credits === 0) await new Promise<void>((r) => (wake = r));
  credits--;
  post({ type: 'batch', ...b });
}

async function main(): Promise<void> {
  const spill = input.dir === undefined ? null : new CsvChunkWriter(input.dir, `w${input.deal.worker}`);
  let warnings: string[] = [];
  try {
    for await (const b of produceBatches(input.paths, input.fetchedAt, undefined, input.deal)) {
      if (spill === null) {
        await send(b);
        continue;
      }
      // the rows go to the open chunk file; a message when a block ends or the chunk is big enough
      spill.add(b.values, b.rows);
      warnings = warnings.concat(b.warnings);
      if (!b.end && spill.size < CHUNK_BYTES) continue;
      const csv = spill.close() ?? undefined;
      await send({ ...b, rows: csv?.rows ?? 0, values: [], csv, warnings });
      warnings = [];
    }
    post({ type: 'done' });
  } catch (err) {
    spill?.abandon();
    post(errorMessage(err));
  }
  port.off('message', onCredit); // nothing keeps the thread alive: it exits once the messages are out
}

void main();
