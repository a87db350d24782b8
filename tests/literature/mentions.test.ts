import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyDocument, withId, type Document } from '../../src/model/document.js';
import {
  compileProducts,
  extractFacts,
  extractMentions,
  findNctIds,
  loadLiteratureRules,
  normalizePhase,
  splitSentences,
} from '../../src/classify/literature/index.js';

const rules = loadLiteratureRules();
/** A small hand-made dictionary in the products.json format, so these tests do not depend on the real one. */
const products = compileProducts([
  { id: 'remestemcel-L', names: ['remestemcel-L', 'Prochymal', 'Ryoncil'] },
  { id: 'darvadstrocel', names: ['darvadstrocel', 'Cx601', 'Alofisel'] },
]);

function doc(...texts: string[]): Document {
  const d = emptyDocument('text', { file: 'inline.txt', record: null });
  d.sections = texts.map((text, i) => ({ name: `s${i}`, text }));
  return withId(d);
}

describe('NCT ids in all written forms', () => {
  it.each([
    ['NCT01234567', 'plain'],
    ['NCT 01234567', 'space'],
    ['NCT-01234567', 'hyphen'],
    ['NCT: 01234567', 'colon'],
    ['nct01234567', 'lowercase'],
    ['Nct01234567', 'mixed case'],
    ['NCT0123-\n4567', 'hyphenated across a line break'],
    ['NCT0123\n4567', 'split by a line break'],
    ['NCT01234567'.replace('NCT', 'NCT\n'), 'line break after NCT'],
    ['NCT-\n01234567', 'hyphen then line break'],
    ['https://clinicaltrials.gov/ct2/show/NCT01234567', 'classic URL'],
    ['https://clinicaltrials.gov/study/NCT01234567?tab=results', 'new URL'],
    ['(NCT01234567)', 'in parentheses'],
    ['NCT01234567.', 'before a full stop'],
  ])('%j (%s)', (written) => {
    const found = findNctIds(`The trial ${written} was cited.`);
    expect(found.map((m) => m.nctId)).toEqual(['NCT01234567']);
    expect(`The trial ${written} was cited.`.slice(found[0]!.start, found[0]!.end)).toBe(found[0]!.raw);
  });

  it.each([
    ['NCT012345678', 'nine digits'],
    ['NCT0123456', 'seven digits'],
    ['NCT 0123 4567', 'space inside the digits (no line break)'],
    ['DISTINCT01234567', 'letters before NCT'],
    ['distinct 12345678 cells', 'the word distinct'],
  ])('rejects %j (%s)', (written) => {
    expect(findNctIds(`x ${written} y`)).toEqual([]);
  });

  it('finds every id of a list, in order, with duplicates', () => {
    const ids = findNctIds('(NCT01377870, NCT01854957 NCT01730547 and NCT01377870)').map((m) => m.nctId);
    expect(ids).toEqual(['NCT01377870', 'NCT01854957', 'NCT01730547', 'NCT01377870']);
  });

  it('property: any id, written in any of the forms, inside any prose, is found exactly once', () => {
    const digits = fc.stringMatching(/^\d{8}$/);
    const sep = fc.constantFrom('', ' ', '-', ': ', '\n', '-\n');
    const split = fc.integer({ min: 1, max: 7 });
    const brk = fc.constantFrom('', '\n', '-\n');
    const prose = fc.stringMatching(/^[a-z ,.;()]{0,40}$/);
    fc.assert(
      fc.property(
        digits,
        sep,
        split,
        brk,
        fc.boolean(),
        prose,
        prose,
        (d, s, at, b, lower, before, after) => {
          const written = `${lower ? 'nct' : 'NCT'}${s}${d.slice(0, at)}${b}${d.slice(at)}`;
          const found = findNctIds(`${before} ${written} ${after}`);
          expect(found.map((m) => m.nctId)).toEqual([`NCT${d}`]);
        },
      ),
    );
  });
});

describe('sentence splitting', () => {
  const texts = (t: string): string[] => splitSentences(t, rules).map((s) => s.text);

  it('keeps abbreviations, decimals and initials inside a sentence', () => {
    expect(
      texts(
        'Cells, e.g. MSCs, were given vs. placebo at 1.5 million per kg. The dose was set by J. Smith et al. in 2019. Fig. 2 shows it.',
      ),
    ).toEqual([
      'Cells, e.g. MSCs, were given vs. placebo at 1.5 million per kg.',
      'The dose was set by J. Smith et al. in 2019.',
      'Fig. 2 shows it.',
    ]);
  });

  it('splits before digits and brackets, after citations, and at blank lines', () => {
    expect(texts('It was safe [12] . 91% survived! (A note.) Next\n\nNew paragraph without stop')).toEqual([
      'It was safe [12] .',
      '91% survived!',
      '(A note.)',
      'Next',
      'New paragraph without stop',
    ]);
  });

  it('spans are exact offsets into the text', () => {
    const t = 'First one.  Second one?  Third.';
    for (const s of splitSentences(t, rules)) expect(t.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('facts', () => {
  const facts = (t: string) => extractFacts({ start: 0, end: t.length, text: t }, 0, rules);
  const values = (t: string, kind: string) =>
    facts(t)
      .filter((f) => f.kind === kind)
      .map((f) => f.value);

  it('enrollment in its written forms', () => {
    expect(values('We enrolled 100 participants.', 'enrollment')).toEqual(['100']);
    expect(values('A cohort (n = 24) was followed.', 'enrollment')).toEqual(['24']);
    expect(values('In 1,250 adult patients and 12 children.', 'enrollment')).toEqual(['1250', '12']);
    expect(values('The trial randomized 60 to two arms.', 'enrollment')).toEqual(['60']);
    expect(values('In all, the sites enrolled 24.', 'enrollment')).toEqual(['24']);
    expect(
      values('A randomized 48-week trial; we treated 3 months later; COVID-19 patients.', 'enrollment'),
    ).toEqual([]);
    expect(values('91% subjects survived for 28 days at 4 × 10 7 cells.', 'enrollment')).toEqual([]);
  });

  it('phase, normalized to registry spelling', () => {
    expect(values('a phase I/II trial', 'phase')).toEqual(['PHASE1/PHASE2']);
    expect(values('a Phase 1/2a trial', 'phase')).toEqual(['PHASE1/PHASE2']);
    expect(values('in phase III', 'phase')).toEqual(['PHASE3']);
    expect(values('phase-2 study', 'phase')).toEqual(['PHASE2']);
    expect(normalizePhase('II and III', rules.phaseNumerals)).toEqual(['PHASE2', 'PHASE3']);
  });

  it('design words', () => {
    expect(values('A randomised, double-blind, placebo-controlled, multicentre trial.', 'design')).toEqual([
      'randomized',
      'double-blind',
      'placebo-controlled',
      'multicenter',
    ]);
    expect(values('An open label, single-arm study.', 'design')).toEqual(['open-label', 'single-arm']);
    expect(values('a doubleblind controlled trial', 'design')).toEqual(['double-blind', 'controlled']);
  });

  it('outcome words with the numbers next to them', () => {
    const f = facts('Survival at day 28 was 91% versus 42% in controls (p = 0.03); 3/10 died.');
    const survival = f.find((x) => x.value === 'survival')!;
    expect(survival.numbers.map((n) => [n.kind, n.value])).toEqual([
      ['percent', 91],
      ['percent', 42],
      ['p_value', 0.03],
      ['fraction', 3],
    ]);
    expect(f.find((x) => x.value === 'mortality')?.text).toBe('died');
    expect(facts('It was safe in COVID-19 patients.')[0]!.numbers).toEqual([]);
    expect(values('It was safe and well tolerated, with improved efficacy.', 'outcome')).toEqual([
      'safety',
      'tolerability',
      'improvement',
      'efficacy',
    ]);
  });

  it('numbers further than the window are not attached', () => {
    const pad = ' and'.repeat(60);
    const f = facts(`Survival was reported${pad} 50% later.`);
    expect(f.find((x) => x.value === 'survival')!.numbers).toEqual([]);
  });
});

describe('extractMentions', () => {
  it('gives each mention its sentence, the context it owns, facts and products', () => {
    const text =
      'Background sentence [1] . One trial NCT01234567 was a phase 2, open-label study [2] . ' +
      'It enrolled 30 patients who received Prochymal. Survival was 80% at one year. ' +
      'Another topic entirely [3] . Not part of the trial context.';
    const m = extractMentions(doc(text), { rules, products });
    expect(m.trialIds).toEqual(['NCT01234567']);
    const t = m.trials[0]!;
    expect(t.sentence.text).toBe('One trial NCT01234567 was a phase 2, open-label study [2] .');
    expect(t.context.map((c) => c.text)).toEqual([
      'It enrolled 30 patients who received Prochymal.',
      'Survival was 80% at one year.',
    ]);
    expect(t.facts.map((f) => `${f.sentence}:${f.kind}=${f.value}`)).toEqual([
      '0:phase=PHASE2',
      '0:design=open-label',
      '1:enrollment=30',
      '2:outcome=survival',
    ]);
    expect(t.facts.at(-1)!.numbers.map((n) => n.text)).toEqual(['80%']);
    expect(t.products).toEqual(['remestemcel-L']);
    expect(m.products.map((p) => [p.productId, p.text])).toEqual([['remestemcel-L', 'Prochymal']]);
    expect(text.slice(t.start, t.end)).toBe('NCT01234567');
  });

  it('context stops at the next sentence naming a trial; list sentences record co-mentions', () => {
    const m = extractMentions(
      doc(
        'Trials NCT00000001 and NCT00000002 were safe. The first had 10 patients. A third, NCT00000003, had 20 patients.',
      ),
      { rules, products },
    );
    const [a, b, c] = m.trials;
    expect(a!.coMentioned).toEqual(['NCT00000002']);
    expect(b!.coMentioned).toEqual(['NCT00000001']);
    expect(a!.context.map((x) => x.text)).toEqual(['The first had 10 patients.']);
    expect(c!.context).toEqual([]);
    expect(c!.facts.filter((f) => f.kind === 'enrollment').map((f) => f.number)).toEqual([20]);
  });

  it('an uncited mention owns sentences up to and including the first citation', () => {
    const m = extractMentions(doc('See NCT00000009. It was fine. It was safe [7] . Unrelated sentence.'), {
      rules,
      products,
    });
    expect(m.trials[0]!.context.map((x) => x.text)).toEqual(['It was fine.', 'It was safe [7] .']);
  });

  it('offsets point into the right section; product-only sections are reported too', () => {
    const m = extractMentions(doc('Nothing here.', 'Alofisel (Cx601) only.', 'Registered as nct 00000005.'), {
      rules,
      products,
    });
    expect(m.trials.map((t) => [t.section, t.sectionName, t.nctId])).toEqual([[2, 's2', 'NCT00000005']]);
    expect(m.products.map((p) => [p.section, p.productId, p.text])).toEqual([
      [1, 'darvadstrocel', 'Alofisel'],
      [1, 'darvadstrocel', 'Cx601'],
    ]);
  });

  it('product names match case-insensitively with optional separators, whole words only', () => {
    const dict = compileProducts([{ id: 'cx', names: ['Cx-601'] }]);
    expect(dict.find('cx601, CX 601 and Cx-601 but not Cx6010 or aCx601').map((p) => p.text)).toEqual([
      'cx601',
      'CX 601',
      'Cx-601',
    ]);
  });

  it('an empty dictionary finds no products', () => {
    expect(
      extractMentions(doc('Prochymal NCT00000001.'), { rules, products: compileProducts([]) }).products,
    ).toEqual([]);
  });
});
