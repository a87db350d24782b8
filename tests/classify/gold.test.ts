/**
 * Acceptance: the classifier against the hand-labelled gold set (../shared/gold/dev.jsonl), reading the real
 * classic corpus with readStudies. Fails below the thresholds of issue 3.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { classify } from '../../src/classify/index.js';
import { evaluate, parseGold, type EvalReport } from '../../src/classify/eval.js';
import type { Labels } from '../../src/model/labels.js';
import type { Study } from '../../src/model/study.js';
import { readStudies } from '../../src/sources/index.js';
import { CLASSIC_NDJSON, GOLD_DEV, describeShared } from '../helpers/shared.js';
import { evidenceProblems } from './evidence-check.js';

describeShared('classifier on the real corpus', () => {
  const studies: Study[] = [];
  const labels: Labels[] = [];
  let report: EvalReport;

  beforeAll(async () => {
    for await (const r of readStudies(CLASSIC_NDJSON)) studies.push(r.study);
    for (const s of studies) labels.push(classify(s));
    const gold = parseGold(readFileSync(GOLD_DEV, 'utf8'), GOLD_DEV);
    const ids = new Set(gold.map((g) => g.nct));
    report = evaluate(
      gold,
      labels.filter((l) => ids.has(l.nctId)),
    );
  }, 120_000);

  it('scores every gold study', () => {
    expect(report.missing).toEqual([]);
    expect(report.n).toBe(173);
  });

  it('meets the accuracy targets on gold/dev.jsonl', () => {
    const f = report.fields;
    const scores = Object.fromEntries(Object.entries(f).map(([k, v]) => [k, Number(v.score.toFixed(3))]));
    console.log(
      `gold/dev.jsonl (n=${report.n}): ${JSON.stringify({ ...scores, covid19F1: Number(report.covid19F1.toFixed(3)) })}`,
    );
    expect(f.category.score, JSON.stringify(scores)).toBeGreaterThanOrEqual(0.95);
    expect(f.sources.score).toBeGreaterThanOrEqual(0.92);
    expect(f.donor.score).toBeGreaterThanOrEqual(0.9);
    expect(f.routes.score).toBeGreaterThanOrEqual(0.88);
    expect(f.modifications.score).toBeGreaterThanOrEqual(0.8);
    expect(f.biomaterial.score).toBeGreaterThanOrEqual(0.92);
    expect(report.covid19F1).toBeGreaterThanOrEqual(0.98);
    expect(f.specialty.score).toBeGreaterThanOrEqual(0.85);
  });

  it('every label value of all 1,535 studies quotes real spans of the named fields', () => {
    expect(labels.length).toBe(1535);
    const problems = studies.flatMap((s, i) => evidenceProblems(s, labels[i]!));
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('is deterministic and carries the ruleset version', () => {
    const again = studies.slice(0, 50).map(classify);
    expect(again).toEqual(labels.slice(0, 50));
    expect(new Set(labels.map((l) => l.rulesetVersion)).size).toBe(1);
  });
});
