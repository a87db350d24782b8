/**
 * Worker thread of the classification pool (classify-pool.ts): receives batches of study JSON (UTF-8), decodes,
 * parses and classifies them with the current rules, and posts back with the batch's sequence number what the request asks
 * for: the labels, the labels' table rows (checked and serialized, store/label-rows.ts), and otherwise only what
 * the screening tally reads.
 */
import { parentPort } from 'node:worker_threads';
import type { Study } from '../model/study.js';
import type { PoolRequest, PoolResponse } from './classify-pool.js';
import { prepareLabel } from '../store/label-rows.js';
import { studyJsonTexts } from '../store/read.js';
import type { Labels } from '../model/labels.js';
import type { TallyInput } from '../classify/screening.js';

const tallyInput = (l: Labels): TallyInput => ({
  category: l.category,
  included: l.included,
  screeningReason: l.screeningReason,
  confidence: l.confidence,
});

const port = parentPort!;
const { classify } = await import('../classify/index.js');

port.on('message', (m: PoolRequest) => {
  let reply: PoolResponse;
  try {
    const labels = studyJsonTexts(m.studies).map((json) => classify(JSON.parse(json) as Study));
    reply = {
      seq: m.seq,
      // checked and serialized here: the saving thread only appends the rows (no label objects cross threads)
      rows: m.rows ? labels.map(prepareLabel) : null,
      labels: m.labels ? labels : null,
      tally: m.labels ? null : labels.map(tallyInput),
    };
  } catch (err) {
    reply = { seq: m.seq, error: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
});
port.postMessage({ seq: -1, labels: null, rows: null, tally: null } satisfies PoolResponse); // ready
