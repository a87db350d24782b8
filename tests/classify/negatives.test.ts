/**
 * Negative controls: registry exports that hold no MSC intervention (per ../shared/README.md: the API v2 samples)
 * must all be excluded, and a hand-written look-alike (an "EV" that is a drug) too.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/classify/index.js';
import { readStudies } from '../../src/sources/index.js';
import { V2_SAMPLES, describeShared } from '../helpers/shared.js';
import { makeStudy } from './make.js';

describe('look-alikes', () => {
  it('"EV" without any MSC context (enfortumab vedotin) is not an MSC-derived product', () => {
    const l = classify(
      makeStudy({
        title: 'Pembrolizumab and EV With Radiation Therapy for Bladder Cancer',
        interventions: [
          {
            name: 'Enfortumab vedotin (EV)',
            type: 'DRUG',
            description: 'EV given intravenously on days 1 and 8',
          },
        ],
        conditions: ['Bladder Cancer'],
      }),
    );
    expect(l.category).toBe('unrelated');
    expect(l.included).toBe(false);
  });
});

describeShared('API v2 samples (no MSC intervention)', () => {
  it('are all excluded', async () => {
    const included: string[] = [];
    let n = 0;
    for (const f of readdirSync(V2_SAMPLES)) {
      for await (const r of readStudies(`${V2_SAMPLES}/${f}`)) {
        n++;
        const l = classify(r.study);
        if (l.included) included.push(`${l.nctId} ${l.category}`);
      }
    }
    expect(n).toBeGreaterThan(100);
    expect(included).toEqual([]);
  }, 60_000);
});
