/** Validation statistics against hand-computed values, the queue order and reproducible samples. */
import { describe, expect, it } from 'vitest';
import {
  cohenKappa,
  interRater,
  microF1,
  validateClassifier,
  wilson,
  bootstrapMicroF1,
} from '../../src/analyze/validate.js';
import { drawSample, reviewPriority, reviewQueue, sampleRank } from '../../src/analyze/queue.js';
import type { Decision } from '../../src/model/decisions.js';
import type { Labels } from '../../src/model/labels.js';
import { fixtureLabels, fixtureStudies, nct } from '../server/fixture.js';

const rep = <T>(x: T, k: number): T[] => Array.from({ length: k }, () => x);

describe('Wilson score interval (hand-computed)', () => {
  // 8/10: p = .8, z² = 3.8415; centre (.8 + .19207)/1.38415 = .71673; half 1.96·√(.016 + .0096037)/1.38415 = .22658
  it('8 of 10 -> [0.4902, 0.9433]', () => {
    const ci = wilson(8, 10);
    expect(ci.low).toBeCloseTo(0.4902, 4);
    expect(ci.high).toBeCloseTo(0.9433, 4);
  });
  it('0 of 10 -> [0, 0.2775] and 10 of 10 -> [0.7225, 1]', () => {
    expect(wilson(0, 10).low).toBe(0);
    expect(wilson(0, 10).high).toBeCloseTo(0.2775, 4);
    expect(wilson(10, 10).low).toBeCloseTo(0.7225, 4);
    expect(wilson(10, 10).high).toBe(1);
  });
  it('45 of 50 -> [0.7864, 0.9565]', () => {
    // p = .9; centre (.9 + .038415)/1.076830 = .871463; half 1.96·√(.0018 + .00038415)/1.07683 = .085075
    const ci = wilson(45, 50);
    expect(ci.low).toBeCloseTo(0.7864, 4);
    expect(ci.high).toBeCloseTo(0.9565, 4);
  });
});

describe("Cohen's kappa (hand-computed)", () => {
  it('2×2: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no -> po .7, pe .5, kappa .4', () => {
    const pairs = [
      ...rep(['y', 'y'] as const, 20),
      ...rep(['y', 'n'] as const, 5),
      ...rep(['n', 'y'] as const, 10),
      ...rep(['n', 'n'] as const, 15),
    ];
    const k = cohenKappa(pairs);
    expect(k.po).toBeCloseTo(0.7, 10);
    expect(k.pe).toBeCloseTo(0.5, 10);
    expect(k.kappa).toBeCloseTo(0.4, 10);
  });
  it('3 categories: po .8, pe (5·4 + 4·4 + 1·2)/100 = .38, kappa .42/.62 = .677419', () => {
    const pairs = [
      ...rep(['a', 'a'] as const, 4),
      ...rep(['b', 'b'] as const, 3),
      ['c', 'c'] as const,
      ['a', 'b'] as const,
      ['b', 'c'] as const,
    ];
    const k = cohenKappa(pairs);
    expect(k.pe).toBeCloseTo(0.38, 10);
    expect(k.kappa).toBeCloseTo(0.677419, 6);
  });
  it('is undefined when both raters always give the same single category', () => {
    expect(cohenKappa(rep(['a', 'a'] as const, 5)).kappa).toBeNull();
  });
});

describe('micro-F1', () => {
  it('{a,b} vs {a} and {c} vs {c,d}: tp 2, fp 1, fn 1 -> 4/6', () => {
    const m = microF1([
      [['a', 'b'], ['a']],
      [['c'], ['c', 'd']],
    ]);
    expect([m.tp, m.fp, m.fn]).toEqual([2, 1, 1]);
    expect(m.f1).toBeCloseTo(2 / 3, 10);
    const ci = bootstrapMicroF1([
      [['a', 'b'], ['a']],
      [['c'], ['c', 'd']],
    ]);
    expect(ci.low).toBeLessThanOrEqual(m.f1);
    expect(ci.high).toBeGreaterThanOrEqual(m.f1);
  });
});

const dec = (id: string, field: Decision['field'], value: unknown, reviewer = 'ana', seq = 1): Decision => ({
  seq,
  nctId: id,
  field,
  value: value as Decision['value'],
  note: null,
  reviewer,
  decidedAt: `2026-12-01T00:00:${String(seq).padStart(2, '0')}Z`,
  classifierValue: null,
  rulesetVersion: 'v',
  snapshotId: 1,
});

describe('validateClassifier and interRater', () => {
  const labels = new Map<string, Labels>(fixtureLabels().map((l) => [l.nctId, l]));
  it('scores the classifier against the decisions on the sample only', () => {
    const ids = [nct(1001), nct(1002), nct(1004), nct(1006)];
    const ds = [
      dec(nct(1001), 'category', 'msc_cells'), // agrees
      dec(nct(1002), 'category', 'stromal_mixture'), // classifier msc_cells
      dec(nct(1004), 'category', 'msc_derived'), // agrees
      dec(nct(1006), 'category', 'unrelated'), // agrees
      dec(nct(1005), 'category', 'unrelated'), // not in the sample: ignored
      dec(nct(1001), 'sources', ['umbilical_cord', 'adipose']), // classifier [umbilical_cord]: tp 1 fn 1
    ];
    const r = validateClassifier(ds, labels, ids);
    const cat = r.fields.find((f) => f.field === 'category')!;
    expect([cat.agree, cat.n, cat.score]).toEqual([3, 4, 0.75]);
    expect(cat.ci.low).toBeCloseTo(wilson(3, 4).low, 12);
    expect(r.confusion).toEqual({
      msc_cells: { msc_cells: 1 },
      stromal_mixture: { msc_cells: 1 },
      msc_derived: { msc_derived: 1 },
      unrelated: { unrelated: 1 },
    });
    // kappa by hand: reviewer marginals msc_cells 1, stromal 1, derived 1, unrelated 1; classifier msc_cells 2, derived 1, unrelated 1
    // pe = (1·2 + 1·0 + 1·1 + 1·1)/16 = .25; po = .75; kappa = .5/.75 = .6667
    expect(cat.kappa.kappa).toBeCloseTo(2 / 3, 10);
    const src = r.fields.find((f) => f.field === 'sources')!;
    expect(src.micro).toEqual({ tp: 1, fp: 0, fn: 1 });
    expect(src.score).toBeCloseTo(2 / 3, 10);
  });
  it('kappa between two reviewers per field', () => {
    const ds = [
      dec(nct(1), 'category', 'msc_cells', 'ana', 1),
      dec(nct(1), 'category', 'msc_cells', 'ben', 2),
      dec(nct(2), 'category', 'unrelated', 'ana', 3),
      dec(nct(2), 'category', 'unrelated', 'ben', 4),
      dec(nct(3), 'category', 'msc_cells', 'ana', 5),
      dec(nct(3), 'category', 'unrelated', 'ben', 6),
      dec(nct(4), 'category', 'unrelated', 'ana', 7),
      dec(nct(4), 'category', 'unrelated', 'ben', 8),
    ];
    const [cat] = interRater(ds, 'ana', 'ben');
    // po = 3/4; ana msc 2 unrel 2, ben msc 1 unrel 3: pe = (2·1 + 2·3)/16 = .5; kappa = .25/.5 = .5
    expect(cat).toMatchObject({ field: 'category', n: 4, agree: 3 });
    expect(cat!.kappa.kappa).toBeCloseTo(0.5, 10);
  });
});

describe('queue and samples', () => {
  const rows = fixtureStudies().map((study) => ({
    study,
    labels: fixtureLabels().find((l) => l.nctId === study.nctId) ?? null,
  }));
  it('puts unlabelled / evidence-less trials first, reading confidence when labels carry it', () => {
    const q = reviewQueue(rows);
    expect(q.map((x) => x.priority.tier)).toEqual([...q.map((x) => x.priority.tier)].sort());
    const l = { ...fixtureLabels()[0]!, confidence: { category: 'high', routes: 'low' } } as Labels;
    expect(reviewPriority(l)).toMatchObject({ tier: 0, reason: 'low confidence: routes' });
    const sure = { ...fixtureLabels()[0]!, confidence: { category: 'high' } } as Labels;
    expect(reviewPriority(sure).tier).toBe(2);
  });
  it('draws the same sample for the same seed whatever the row order, and a stratified one proportionally', () => {
    const a = drawSample(rows, 4, 7);
    const b = drawSample([...rows].reverse(), 4, 7);
    expect(a).toEqual(b);
    expect(a).toHaveLength(4);
    expect(drawSample(rows, 4, 8)).not.toEqual(a);
    expect(sampleRank(7, nct(1001))).toBe(sampleRank(7, nct(1001)));
    const s = drawSample(rows, 4, 7, 'included');
    // 8 rows: 6 included, 1 excluded, 1 unlabelled -> 3 + 0.5 + 0.5 -> 3, then the remainders by name
    const inc = s.filter((id) => fixtureLabels().find((l) => l.nctId === id)?.included === true);
    expect(inc).toHaveLength(3);
  });
});
