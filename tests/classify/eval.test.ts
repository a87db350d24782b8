import { describe, expect, it } from 'vitest';
import { evaluate, parseGold, prf, type GoldRow } from '../../src/classify/eval.js';
import { screeningSummary } from '../../src/classify/screening.js';
import type { Labels } from '../../src/model/labels.js';

const gold = (nct: string, over: Partial<GoldRow> = {}): GoldRow => ({
  nct,
  category: 'msc_cells',
  sources: ['bone_marrow'],
  donor: 'autologous',
  modifications: [],
  biomaterial: false,
  routes: ['intravenous'],
  covid19: false,
  specialty: 'neurology',
  ...over,
});
const pred = (nct: string, over: Partial<Labels> = {}): Labels => ({
  nctId: nct,
  rulesetVersion: 't',
  category: 'msc_cells',
  included: true,
  screeningReason: 'include.msc_cells',
  sources: ['bone_marrow'],
  donor: 'autologous',
  modifications: [],
  biomaterial: false,
  routes: ['intravenous'],
  covid19: false,
  specialty: 'neurology',
  product: null,
  dose: null,
  evidence: [],
  ...over,
});

describe('evaluate', () => {
  it('accuracy, micro-F1, per-value P/R/F1, confusion and disagreements', () => {
    const g = [
      gold('NCT00000001'),
      gold('NCT00000002', { routes: ['intravenous', 'intrathecal'] }),
      gold('NCT00000003', { category: 'ex_vivo_only' }),
      gold('NCT00000004'),
    ];
    const p = [
      pred('NCT00000001'),
      pred('NCT00000002', { routes: ['intrathecal', 'intramuscular'] }),
      pred('NCT00000003', {
        category: 'unrelated',
        evidence: [
          {
            label: 'category',
            value: 'unrelated',
            field: 'briefTitle',
            start: 0,
            end: 3,
            text: 'MSC',
            rule: 'r',
          },
        ],
      }),
    ];
    const r = evaluate(g, p);
    expect(r.n).toBe(3);
    expect(r.missing).toEqual(['NCT00000004']);
    expect(r.fields.category.score).toBeCloseTo(2 / 3);
    // routes: tp = iv(1) + it(1) + iv(1) = 3, fp = im = 1, fn = iv of study 2 = 1
    expect(r.fields.routes.micro).toMatchObject({ tp: 3, fp: 1, fn: 1 });
    expect(r.fields.routes.score).toBeCloseTo(0.75);
    expect(r.fields.category.perValue['ex_vivo_only']).toMatchObject({ tp: 0, fn: 1 });
    expect(r.confusion.category['ex_vivo_only']).toEqual({ unrelated: 1 });
    const d = r.disagreements.find((x) => x.field === 'category');
    expect(d?.nct).toBe('NCT00000003');
    expect(d?.evidence[0]?.text).toBe('MSC');
  });
  it('prf edge cases', () => {
    expect(prf(0, 0, 0).f1).toBe(1);
    expect(prf(0, 1, 1).f1).toBe(0);
  });
  it('parseGold names the line and field of a bad row', () => {
    expect(() => parseGold('{"nct":"NCT00000001"}\n', 'g.jsonl')).toThrow(
      /g\.jsonl: record 1 \(line 1\), field "category"/,
    );
    expect(() => parseGold('not json', 'g.jsonl')).toThrow(/g\.jsonl: record 1/);
    const ok = JSON.stringify(gold('NCT00000001'));
    expect(parseGold(`${ok}\n\n${ok}\n`, 'g')).toHaveLength(2);
  });
});

describe('screeningSummary', () => {
  it('counts identified, excluded by reason, included by category', () => {
    const s = screeningSummary([
      pred('NCT00000001'),
      pred('NCT00000002', { category: 'stromal_mixture', screeningReason: 'include.stromal_mixture' }),
      pred('NCT00000003', {
        category: 'unrelated',
        included: false,
        screeningReason: 'exclude.mention_only_in_eligibility',
      }),
      pred('NCT00000004', {
        category: 'ex_vivo_only',
        included: false,
        screeningReason: 'exclude.ex_vivo_only',
      }),
      pred('NCT00000005', {
        category: 'ex_vivo_only',
        included: false,
        screeningReason: 'exclude.ex_vivo_only',
      }),
    ]);
    expect(s).toMatchObject({ identified: 5, included: 2, excluded: 3 });
    expect(s.excludedByReason).toEqual({
      'exclude.ex_vivo_only': 2,
      'exclude.mention_only_in_eligibility': 1,
    });
    expect(s.includedByCategory).toEqual({ msc_cells: 1, stromal_mixture: 1 });
  });
});
