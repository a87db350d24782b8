/**
 * The cost of reviewer decisions in the report (target: applying 500 decisions costs at most 10% of report time
 * at 1,535 studies). Reads the shared classic corpus, classifies it in memory (not timed), makes 500 decisions
 * (deterministic: trials by sample rank, fields in turn, half of them corrections), then times
 *   apply  — applyDecisions (latest per trial and field, effective labels) + reviewSummary, median of many runs;
 *   report — generateReport on the effective rows (as `mscope report` does), the median of the warm runs.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyDecisions, reviewSummary } from '../analyze/review.js';
import { sampleRank } from '../analyze/queue.js';
import type { ClassifiedStudy } from '../analyze/types.js';
import { classify } from '../classify/index.js';
import { DECISION_FIELDS, labelValue, type Decision, type DecisionValue } from '../model/decisions.js';
import { CATEGORIES, DONORS, SPECIALTIES } from '../model/labels.js';
import { MscopeError } from '../model/errors.js';
import { generateReport } from '../present/report/index.js';
import { readStudies } from '../sources/index.js';
import { runIfMain } from './main.js';
import { defaultCorpus } from './report.js';

export interface ReviewBenchResult {
  studies: number;
  decisions: number;
  trialsReviewed: number;
  applyMedianMs: number;
  reportMedianSeconds: number;
  /** apply / report. */
  ratio: number;
  targetRatio: number;
  withinTarget: boolean;
}

/** A correction of a value: another value of the vocabulary (sets: one value added or removed). */
function corrected(field: Decision['field'], v: DecisionValue, i: number): DecisionValue {
  const other = <T extends string>(xs: readonly T[], cur: T) =>
    xs[(xs.indexOf(cur) + 1 + (i % (xs.length - 1))) % xs.length]!;
  switch (field) {
    case 'category':
      return other(CATEGORIES, v as (typeof CATEGORIES)[number]);
    case 'donor':
      return other(DONORS, v as (typeof DONORS)[number]);
    case 'specialty':
      return other(SPECIALTIES, v as (typeof SPECIALTIES)[number]);
    case 'biomaterial':
    case 'covid19':
      return !v;
    case 'sources':
      return (v as string[]).length ? [] : ['bone_marrow'];
    case 'routes':
      return (v as string[]).length ? [] : ['intravenous'];
    case 'modifications':
      return (v as string[]).length ? [] : ['primed'];
    default:
      return null;
  }
}

export function makeDecisions(rows: readonly ClassifiedStudy[], n: number, seed = 500): Decision[] {
  const labelled = rows
    .filter((r) => r.labels)
    .sort((a, b) => sampleRank(seed, a.study.nctId) - sampleRank(seed, b.study.nctId));
  const out: Decision[] = [];
  for (let i = 0; i < n; i++) {
    const row = labelled[Math.floor(i / 2) % labelled.length]!;
    const field = DECISION_FIELDS[i % DECISION_FIELDS.length]!;
    const cur = labelValue(row.labels!, field);
    out.push({
      seq: i + 1,
      nctId: row.study.nctId,
      field,
      value: i % 2 ? corrected(field, cur, i) : cur,
      note: null,
      reviewer: i % 3 ? 'ana' : 'ben',
      decidedAt: new Date(Date.UTC(2026, 11, 1) + i * 1000).toISOString(),
      classifierValue: cur,
      rulesetVersion: row.labels!.rulesetVersion,
      snapshotId: 1,
    });
  }
  return out;
}

export async function benchReview(
  opts: { file?: string; decisions?: number; runs?: number } = {},
): Promise<ReviewBenchResult> {
  const file = opts.file ?? defaultCorpus();
  if (!existsSync(file)) throw new MscopeError(`benchReview: no corpus ${file} (set MSCOPE_SHARED)`);
  const rows: ClassifiedStudy[] = [];
  for await (const r of readStudies(file)) rows.push({ study: r.study, labels: classify(r.study) });
  const decisions = makeDecisions(rows, opts.decisions ?? 500);
  const applyTimes: number[] = [];
  let effective = rows;
  for (let i = 0; i < 41; i++) {
    const t0 = performance.now();
    effective = applyDecisions(rows, decisions);
    reviewSummary(effective);
    applyTimes.push(performance.now() - t0);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
  const dir = await mkdtemp(join(tmpdir(), 'mscope-bench-review-'));
  const reportTimes: number[] = [];
  try {
    const runs = Math.max(2, opts.runs ?? 4);
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await generateReport(effective, {
        outDir: dir,
        snapshot: { id: 1, label: 'bench', createdAt: null, sources: [file], studyCount: rows.length },
        rulesetVersion: 'bench',
      });
      reportTimes.push((performance.now() - t0) / 1000);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const applyMs = median(applyTimes.slice(1));
  const reportS = median(reportTimes.slice(1));
  const ratio = applyMs / 1000 / reportS;
  return {
    studies: rows.length,
    decisions: decisions.length,
    trialsReviewed: reviewSummary(effective).trialsReviewed,
    applyMedianMs: Math.round(applyMs * 100) / 100,
    reportMedianSeconds: Math.round(reportS * 1000) / 1000,
    ratio: Math.round(ratio * 10000) / 10000,
    targetRatio: 0.1,
    withinTarget: ratio <= 0.1,
  };
}

// `node dist/bench/review.js [decisions]` runs it alone
runIfMain(import.meta.url, (n) => benchReview({ decisions: n }));
