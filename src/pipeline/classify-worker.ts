/**
 * Worker thread of the classification pool (classify-pool.ts): receives batches of study JSON strings, parses and
 * classifies them with the current rules, and posts the labels back with the batch's sequence number.
 */
import { parentPort } from 'node:worker_threads';
import type { Study } from '../model/study.js';
import type { PoolRequest, PoolResponse } from './classify-pool.js';

const port = parentPort!;
const { classify } = await import('../classify/index.js');

port.on('message', (m: PoolRequest) => {
  let reply: PoolResponse;
  try {
    reply = { seq: m.seq, labels: m.studies.map((json) => classify(JSON.parse(json) as Study)) };
  } catch (err) {
    reply = { seq: m.seq, error: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
});
port.postMessage({ seq: -1, labels: [] } satisfies PoolResponse); // ready
