/**
 * The classify stage's measurement (classify-stage.ts): the cost of classifying N studies against a bare
 * JSON.parse of the same N classic JSON lines (target: ratio <= 2). Studies are mapped to the Study type before
 * timing starts; both timings are CPU time of this process (process.cpuUsage: every thread, the JIT compiler's
 * and the garbage collector's included), best of `rounds`.
 *
 * Both sides are measured as the product runs them. JSON.parse's result is dropped at once; each label is counted
 * into the screening summary and dropped, as `mscope classify` does (pipeline/classify.ts keeps no labels). One
 * untimed round of each side comes first: the JIT compiles the classifier over the first ~25,000 studies (measured
 * 2026-12-07: ~350 optimizing compilations and 4.3 s of compiler CPU in the first 5,000, 25–30 per 5,000 after
 * 25,000), and a 50-study warm-up left that in the first timed round.
 * `ratioKeepingLabels` is the former measure, kept for comparison: classifyAll, every label held until the round
 * ends (~1.5 KB each; holding them makes the collector mark the whole multi-GB heap in some rounds).
 */
import type { Study } from '../model/study.js';
import { classify, classifyAll } from '../classify/index.js';
import { ScreeningTally } from '../classify/screening.js';

export interface ClassifyBenchResult {
  studies: number;
  parseMs: number;
  classifyMs: number;
  /** classifyMs / parseMs. */
  ratio: number;
  /** Best round of classifyAll (every label kept until the round ends), and its ratio to parseMs. */
  classifyKeepingLabelsMs: number;
  ratioKeepingLabels: number;
}

const cpuMs = (f: () => void): number => {
  const a = process.cpuUsage();
  f();
  const b = process.cpuUsage(a);
  return (b.user + b.system) / 1000;
};

const parseAll = (lines: readonly string[]): void => {
  for (const l of lines) JSON.parse(l);
};

/** Classify every study, counting each label into the screening summary (as `mscope classify` does). */
const classifyCounting = (studies: readonly Study[]): number => {
  const tally = new ScreeningTally();
  for (const s of studies) tally.add(classify(s));
  return tally.summary().identified;
};

export function benchClassify(
  lines: readonly string[],
  studies: readonly Study[],
  rounds = 3,
): ClassifyBenchResult {
  // untimed: compile the rules, let the JIT settle
  parseAll(lines);
  classifyCounting(studies);
  let parseMs = Infinity;
  let classifyMs = Infinity;
  for (let r = 0; r < rounds; r++) {
    parseMs = Math.min(
      parseMs,
      cpuMs(() => parseAll(lines)),
    );
    classifyMs = Math.min(
      classifyMs,
      cpuMs(() => {
        if (classifyCounting(studies) !== studies.length) throw new Error('bench: a study was not counted');
      }),
    );
  }
  let keepingMs = Infinity;
  for (let r = 0; r < rounds; r++)
    keepingMs = Math.min(
      keepingMs,
      cpuMs(() => {
        if (classifyAll(studies).length !== studies.length) throw new Error('bench: a label is missing');
      }),
    );
  return {
    studies: studies.length,
    parseMs,
    classifyMs,
    ratio: classifyMs / parseMs,
    classifyKeepingLabelsMs: keepingMs,
    ratioKeepingLabels: keepingMs / parseMs,
  };
}
