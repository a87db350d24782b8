/**
 * Benchmark entry point for src/bench: the cost of classifying N studies against a bare JSON.parse of the same
 * N classic JSON lines (target: ratio <= 2). Studies are mapped to the Study type BEFORE timing starts; both
 * timings are CPU time of this process (process.cpuUsage), robust to other load on the machine, best of `rounds`.
 */
import type { Study } from '../model/study.js';
import { classifyAll } from './index.js';

export interface ClassifyBenchResult {
  studies: number;
  parseMs: number;
  classifyMs: number;
  /** classifyMs / parseMs. */
  ratio: number;
}

const cpuMs = (f: () => void): number => {
  const a = process.cpuUsage();
  f();
  const b = process.cpuUsage(a);
  return (b.user + b.system) / 1000;
};

export function benchClassify(
  lines: readonly string[],
  studies: readonly Study[],
  rounds = 3,
): ClassifyBenchResult {
  classifyAll(studies.slice(0, 50)); // compile rules, warm up
  let parseMs = Infinity;
  let classifyMs = Infinity;
  for (let r = 0; r < rounds; r++) {
    parseMs = Math.min(
      parseMs,
      cpuMs(() => {
        for (const l of lines) JSON.parse(l);
      }),
    );
    classifyMs = Math.min(
      classifyMs,
      cpuMs(() => {
        classifyAll(studies);
      }),
    );
  }
  return { studies: studies.length, parseMs, classifyMs, ratio: classifyMs / parseMs };
}
