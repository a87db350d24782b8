/**
 * Worker thread of `fileRows` (file-rows.ts): reads the files, posts row batches, waits for a credit from
 * the main thread when MAX_IN_FLIGHT batches are unacknowledged (backpressure), then posts `done`, or the
 * first error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  errorMessage,
  MAX_IN_FLIGHT,
  produceBatches,
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

async function main(): Promise<void> {
  try {
    for await (const b of produceBatches(input.paths, input.fetchedAt, undefined, input.deal)) {
      while (credits === 0) await new Promise<void>((r) => (wake = r));
      credits--;
      post({ type: 'batch', ...b });
    }
    post({ type: 'done' });
  } catch (err) {
    post(errorMessage(err));
  }
  port.off('message', onCredit); // nothing keeps the thread alive: it exits once the messages are out
}

void main();
