/** The screening summary counted label by label (classify/screening.ts ScreeningTally) is screeningSummary's, key order too. */
import { describe, expect, it } from 'vitest';
import type { LabelConfidence, Labels } from '../../src/model/labels.js';
import { ScreeningTally, screeningSummary } from '../../src/classify/screening.js';
import { labels } from '../fixtures/analyze/build.js';

const high: LabelConfidence = {
  category: 'high',
  sources: 'high',
  donor: 'high',
  modifications: 'high',
  biomaterial: 'high',
  routes: 'high',
  covid19: 'high',
  specialty: 'high',
};

function sample(): Labels[] {
  const out: Labels[] = [];
  const kinds: Partial<Labels>[] = [
    {},
    { category: 'msc_derived', screeningReason: 'include.msc_derived' },
    { category: 'unrelated', included: false, screeningReason: 'exclude.no_msc_mention' },
    { category: 'ex_vivo_only', included: false, screeningReason: 'exclude.ex_vivo_only' },
    { category: 'undetermined', included: false, screeningReason: 'awaiting.record_lacks_text' },
    { confidence: { ...high, routes: 'low', donor: 'low' } },
    {
      confidence: { ...high, category: 'low' },
      category: 'stromal_mixture',
      screeningReason: 'include.stromal_mixture',
    },
  ];
  for (let i = 0; i < 60; i++)
    out.push(labels(`NCT${String(i).padStart(8, '0')}`, kinds[(i * 7) % kinds.length]));
  return out;
}

describe('ScreeningTally', () => {
  it('counts what screeningSummary counts, in the same key order', () => {
    const all = sample();
    const t = new ScreeningTally();
    for (const l of all) t.add(l);
    expect(JSON.stringify(t.summary())).toBe(JSON.stringify(screeningSummary(all)));
    expect(t.summary()).toMatchObject({ identified: 60, awaiting: screeningSummary(all).awaiting });
    expect(new ScreeningTally().summary()).toEqual(screeningSummary([]));
  });
});
