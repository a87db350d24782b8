/**
 * The classify stage of `npm run bench`, run in a process of its own (run.ts spawns it): classification of the
 * replicated corpus vs JSON.parse of its lines (classify-bench.ts). Its studies and lines (~4 GB of heap at
 * 50,655 studies) go with the process. Run inside the bench's own process they stayed reachable, and the stages after
 * it ran several times slower (2026-12-07: literature 148–171 s there against 18 s alone).
 * Alone: `node dist/bench/classify-stage.js <classic NDJSON file>`.
 */
import { benchClassify, type ClassifyBenchResult } from './classify-bench.js';
import type { Study } from '../model/study.js';
import { readStudies } from '../sources/index.js';
import { readLines } from './corpus.js';
import { runIfMainWith } from './main.js';

export async function classifyStage(file: string): Promise<ClassifyBenchResult> {
  const lines = await readLines(file);
  const studies: Study[] = [];
  for await (const r of readStudies(file)) studies.push(r.study);
  return benchClassify(lines, studies);
}

runIfMainWith(import.meta.url, (file) => {
  if (!file) return Promise.reject(new Error('usage: classify-stage.js <classic NDJSON file>'));
  return classifyStage(file);
});
