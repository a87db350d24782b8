/**
 * Records that lack text: `undetermined` (awaiting classification) instead of `unrelated`, counted apart in the
 * screening flow; and the confidence every label carries (explicit vs inferred, background-only, few fields).
 */
import { describe, expect, it } from 'vitest';
import { applyFilter } from '../../src/analyze/filter.js';
import { screeningFlow } from '../../src/analyze/metrics/screening.js';
import { prepareAll } from '../../src/analyze/prepare.js';
import { classify } from '../../src/classify/index.js';
import { formatScreening, screeningSummary } from '../../src/classify/screening.js';
import { classifyChecked } from './checked.js';
import { makeStudy, type Fixture } from './make.js';

/** A title-level export row: title, conditions and intervention names only. */
const row = (title: string, intervention: string, conditions = ['Knee Osteoarthritis']): Fixture => ({
  title,
  conditions,
  interventions: [{ name: intervention, type: 'BIOLOGICAL' }],
});

const full = (over: Fixture): Fixture => ({
  title: 'A Trial in Knee Osteoarthritis',
  summary: 'This randomized trial evaluates safety and efficacy in patients with knee osteoarthritis.',
  conditions: ['Knee Osteoarthritis'],
  ...over,
});

describe('undetermined: the record names no MSC product but lacks the text that could', () => {
  const cases: Array<[string, Fixture, string, string]> = [
    [
      'title-level row with a code-named product',
      row('Safety of XYZ-101 in Knee Osteoarthritis', 'XYZ-101'),
      'undetermined',
      'awaiting.record_lacks_text',
    ],
    [
      'title-level row naming MSCs in the intervention',
      row('Stem Cells for Knee Osteoarthritis', 'Umbilical cord mesenchymal stem cells'),
      'msc_cells',
      'include.msc_cells',
    ],
    [
      'full record naming no MSC',
      full({
        interventions: [
          { name: 'Hyaluronic acid', type: 'DRUG', description: 'Three weekly intra-articular injections.' },
        ],
      }),
      'unrelated',
      'exclude.no_msc_mention',
    ],
  ];
  it.each(cases)('%s', (_name, f, category, reason) => {
    const l = classifyChecked(f);
    expect([l.category, l.screeningReason]).toEqual([category, reason]);
    if (category === 'undetermined') {
      expect(l.included).toBe(false);
      expect(l.confidence?.category).toBe('low');
    }
  });

  it('is counted apart in the screening flow: neither included nor excluded', () => {
    const labels = [
      row('XYZ-101 in Knee OA', 'XYZ-101'),
      row('MSCs for Knee OA', 'Adipose-derived mesenchymal stem cells'),
      full({
        interventions: [{ name: 'Exercise', type: 'BEHAVIORAL', description: 'Supervised exercise.' }],
      }),
    ].map(classifyChecked);
    const s = screeningSummary(labels);
    expect({
      identified: s.identified,
      awaiting: s.awaiting,
      excluded: s.excluded,
      included: s.included,
    }).toEqual({ identified: 3, awaiting: 1, excluded: 1, included: 1 });
    expect(formatScreening(s)).toMatch(/awaiting\s+1 /);
    const studies = labels.map((l, i) => ({ study: makeStudy({ nct: l.nctId, title: `t${i}` }), labels: l }));
    const flow = screeningFlow(prepareAll(studies));
    expect({
      awaiting: flow.awaiting,
      excluded: flow.excluded,
      included: flow.included,
      low: flow.lowConfidence,
    }).toEqual({ awaiting: 1, excluded: 1, included: 1, low: 1 });
    expect(applyFilter(studies, { confidence: ['low'] }).map((r) => r.labels!.category)).toEqual([
      'undetermined',
    ]);
  });
});

describe('confidence of each label', () => {
  const ucMsc = {
    name: 'Umbilical cord MSCs',
    type: 'BIOLOGICAL',
    description: 'Allogeneic umbilical cord MSCs, 1 x 10^7 cells, single intra-articular injection.',
  };
  const cases: Array<[string, Fixture, Record<string, string>]> = [
    [
      'product stated in the MSC intervention: high',
      full({ interventions: [ucMsc] }),
      { category: 'high', sources: 'high', donor: 'high', routes: 'high', specialty: 'high' },
    ],
    [
      'perinatal tissue, no donor word: allogeneic inferred (medium)',
      full({
        interventions: [{ ...ucMsc, description: 'Umbilical cord MSCs, single intra-articular injection.' }],
      }),
      { category: 'high', donor: 'medium' },
    ],
    [
      'product only in a description sentence: medium',
      full({
        interventions: [{ name: 'Cell therapy XR-3', type: 'BIOLOGICAL', description: 'Given once.' }],
        description: 'Patients will receive an intravenous infusion of bone marrow mesenchymal stem cells.',
      }),
      { category: 'medium' },
    ],
    [
      'MSCs only in background sentences: medium',
      full({
        interventions: [{ name: 'Platelet-rich plasma', type: 'BIOLOGICAL', description: 'PRP injection.' }],
        description: 'Mesenchymal stem cells have been reported to repair cartilage.',
      }),
      { category: 'medium' },
    ],
    [
      'full record without an MSC word: high',
      full({
        interventions: [{ name: 'Exercise', type: 'BEHAVIORAL', description: 'Supervised exercise.' }],
      }),
      { category: 'high' },
    ],
    [
      'title-level row: at most medium, empty facts low',
      row('MSCs for Knee OA', 'Mesenchymal stem cells'),
      { category: 'medium', donor: 'low', routes: 'low', sources: 'low' },
    ],
  ];
  it.each(cases)('%s', (_name, f, expected) => {
    const l = classifyChecked(f);
    expect(
      Object.fromEntries(
        Object.keys(expected).map((k) => [k, l.confidence?.[k as keyof typeof l.confidence]]),
      ),
    ).toEqual(expected);
  });

  it('every label of every family carries one', () => {
    const l = classify(makeStudy(full({ interventions: [ucMsc] })));
    expect(Object.keys(l.confidence ?? {}).sort()).toEqual([
      'biomaterial',
      'category',
      'covid19',
      'donor',
      'modifications',
      'routes',
      'sources',
      'specialty',
    ]);
  });
});
