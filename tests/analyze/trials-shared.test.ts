/**
 * Duplicate detection measured on real registrations (../shared; skipped when absent): the registry samples and
 * the 2022 ClinicalTrials.gov corpus together, grouped into trials, scored against the hand-checked pairs of
 * tests/fixtures/trials/pairs.jsonl (ids, same trial or not, and the reason, written by hand from the
 * records). Pair precision and recall are printed (README, "Registries").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { groupTrials, trialOf, type TrialGrouping } from '../../src/analyze/trials/index.js';
import type { Study } from '../../src/model/study.js';
import { readStudies } from '../../src/sources/index.js';
import { REPO_ROOT, describeShared, sharedPath } from '../helpers/shared.js';

const FILES = [
  sharedPath('data', 'ctgov-classic-msc-2022', 'studies.ndjson'),
  sharedPath('data', 'ictrp', 'ICTRP-Results_18Mar2020.xml'),
  sharedPath('data', 'ictrp', 'ICTRP-Results_export-2024-06-09.xml'),
  sharedPath('data', 'ictrp', 'COVID19-927-trials_7Apr2020.csv'),
  sharedPath('data', 'ictrp', 'COVID19-1135-trials.csv'),
  sharedPath('data', 'anzctr-2017', 'anzctr-sample.zip'),
  sharedPath('data', 'chictr', 'ChiCTR2000034346.xml'),
  sharedPath('data', 'euctr', 'test_error_trials_euctr.txt'),
  sharedPath('data', 'ctis', 'ctis_retrieve_sample.json'),
];

interface Pair {
  a: string;
  b: string;
  same: boolean;
  reason: string;
}

const PAIRS = readFileSync(join(REPO_ROOT, 'tests', 'fixtures', 'trials', 'pairs.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as Pair);

describeShared('trials across registries (real registrations)', () => {
  let studies: Study[] = [];
  let g: TrialGrouping;

  beforeAll(async () => {
    // one record per registration, as one snapshot keeps it: the registry's own record over a copy
    const byId = new Map<string, Study>();
    for (const f of FILES) {
      for await (const r of readStudies(f)) {
        const old = byId.get(r.study.trialId);
        if (!old || (old.sourceRegister !== null && r.study.sourceRegister === null))
          byId.set(r.study.trialId, r.study);
      }
    }
    studies = [...byId.values()];
    g = groupTrials(studies);
  }, 600_000);

  it('the hand-checked pairs are real registrations, both verdicts represented', () => {
    const ids = new Set(studies.map((s) => s.trialId));
    for (const p of PAIRS) expect(ids.has(p.a) && ids.has(p.b), `${p.a} ${p.b}`).toBe(true);
    expect(PAIRS.filter((p) => p.same).length).toBeGreaterThanOrEqual(50);
    expect(PAIRS.filter((p) => !p.same).length).toBeGreaterThanOrEqual(50);
  });

  it('pair precision >= 0.95 and recall >= 0.85; ASSIST CLAD (ACTRN12616000338460 / NCT02709343) merges', () => {
    const of = trialOf(g);
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let tn = 0;
    const wrong: string[] = [];
    for (const p of PAIRS) {
      const merged = of.get(p.a) === of.get(p.b);
      if (merged && p.same) tp++;
      else if (merged) {
        fp++;
        wrong.push(`false merge ${p.a} ${p.b}: ${p.reason}`);
      } else if (p.same) {
        fn++;
        wrong.push(`missed ${p.a} ${p.b}: ${p.reason}`);
      } else tn++;
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    console.log(
      `trials: ${g.registrations} registrations -> ${g.trials.length} trials; ${g.candidatePairs} candidate pairs; ` +
        `hand-checked pairs ${PAIRS.length} (same ${tp + fn}, different ${fp + tn}): precision ${precision.toFixed(3)}, ` +
        `recall ${recall.toFixed(3)} (tp ${tp}, fp ${fp}, fn ${fn}, tn ${tn})\n  ${wrong.join('\n  ')}`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.85);
    expect(of.get('ACTRN12616000338460')).toBe(of.get('NCT02709343'));
  });

  it('merging never loses a registration; every merged trial states its links and field sources', () => {
    const all = g.trials.flatMap((t) => t.registrations.map((r) => r.trialId));
    expect(all.length).toBe(studies.length);
    expect(new Set(all).size).toBe(studies.length);
    for (const t of g.trials.filter((x) => x.registrations.length > 1)) {
      expect(t.links.length).toBeGreaterThanOrEqual(t.registrations.length - 1);
      expect(t.fieldsFrom.briefTitle).toBeDefined();
      // one registration per registry per trial
      expect(new Set(t.registrations.map((r) => r.registry)).size).toBe(t.registrations.length);
    }
  });
});
