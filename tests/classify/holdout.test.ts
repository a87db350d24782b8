/**
 * Generalization check: the classifier on the committed hold-out sets (tests/fixtures/classify/holdout*.jsonl; our
 * own labels, from the guideline alone, of random studies of ../shared's classic corpus that are not in
 * gold/dev.jsonl, each set labelled before the rules it first measured changed). They were blind when labelled;
 * since then rounds 3-6 listed their misses to find classes of wording, so they are SPENT: these figures are
 * regression guards, not an estimate for unseen studies. The blind sets (never looked at, scored in aggregate only)
 * live outside the repository; the README gives their figures. The floors are well below the measured figures
 * (printed).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { classify } from '../../src/classify/index.js';
import { evaluate, parseGold, type EvalReport, type GoldRow } from '../../src/classify/eval.js';
import type { Labels } from '../../src/model/labels.js';
import { readStudies } from '../../src/sources/index.js';
import { CLASSIC_NDJSON, REPO_ROOT, describeShared } from '../helpers/shared.js';

const FLOORS = {
  category: 0.85,
  sources: 0.8,
  donor: 0.75,
  routes: 0.75,
  modifications: 0.4,
  biomaterial: 0.85,
  covid19: 0.85,
  specialty: 0.75,
} as const;

/** The random 60-study sets (holdout.jsonl, an earlier and differently drawn set, is scored alone). */
const SPENT = [
  'holdout2.jsonl',
  'holdout3.jsonl',
  'holdout4.jsonl',
  'holdout5.jsonl',
  'holdout6.jsonl',
  'holdout7.jsonl',
];

describeShared('classifier on the spent hold-out sets', () => {
  const labels = new Map<string, Labels>();
  beforeAll(async () => {
    for await (const r of readStudies(CLASSIC_NDJSON)) labels.set(r.study.nctId, classify(r.study));
  }, 120_000);

  const score = (name: string, gold: GoldRow[]): void => {
    const report: EvalReport = evaluate(
      gold,
      gold.map((g) => labels.get(g.nct)).filter((l): l is Labels => l !== undefined),
    );
    expect(report.missing).toEqual([]);
    expect(report.n).toBe(gold.length);
    const scores = Object.fromEntries(
      Object.entries(report.fields).map(([k, v]) => [k, Number(v.score.toFixed(3))]),
    );
    console.log(
      `${name} (n=${report.n}): ${JSON.stringify({ ...scores, covid19F1: Number(report.covid19F1.toFixed(3)) })}`,
    );
    for (const [field, floor] of Object.entries(FLOORS)) {
      const value =
        field === 'covid19' ? report.covid19F1 : report.fields[field as keyof typeof report.fields].score;
      expect(value, `${name} ${field}`).toBeGreaterThanOrEqual(floor);
    }
  };
  const read = (name: string): GoldRow[] => {
    const file = join(REPO_ROOT, 'tests', 'fixtures', 'classify', name);
    return parseGold(readFileSync(file, 'utf8'), file);
  };

  for (const name of ['holdout.jsonl', ...SPENT]) {
    it(`${name}: every study scored, each field above its floor`, () => score(name, read(name)));
  }

  it('the spent sets pooled: one regression guard over holdout2-7', () => {
    const pooled = SPENT.flatMap(read);
    expect(new Set(pooled.map((g) => g.nct)).size).toBe(pooled.length);
    score(`spent pooled (${SPENT.join(' + ')})`, pooled);
  });
});
