import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyDocument, withId } from '../../src/model/document.js';
import {
  compileProducts,
  extractMentions,
  loadLiteratureRules,
  splitSentences,
} from '../../src/classify/literature/index.js';

const rules = loadLiteratureRules();
const products = compileProducts([{ id: 'p', names: ['Prochymal'] }]);
/** Prose-like text: words, numbers, abbreviations, punctuation, NCT ids, line breaks. */
const prose = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'The',
        'trial',
        'e.g.',
        'vs.',
        'et al.',
        '1.5',
        '24',
        'patients',
        '91%',
        '(n = 12)',
        'Prochymal',
      ),
      fc.constantFrom(
        '.',
        '. ',
        '? ',
        '! ',
        ' [3] . ',
        '\n',
        '\n\n',
        ' ',
        ', ',
        'NCT01234567',
        'NCT 0123-\n4567',
        'phase II',
      ),
      fc.stringMatching(/^[A-Za-z0-9 .,;:%()\-\n]{0,12}$/),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(' '));

describe('properties', () => {
  it('sentences are ordered, disjoint, trimmed, exact slices; only whitespace lies between them', () => {
    fc.assert(
      fc.property(prose, (text) => {
        const spans = splitSentences(text, rules);
        let prev = 0;
        for (const s of spans) {
          expect(s.start).toBeGreaterThanOrEqual(prev);
          expect(s.end).toBeGreaterThan(s.start);
          expect(text.slice(s.start, s.end)).toBe(s.text);
          expect(s.text).toBe(s.text.trim());
          expect(text.slice(prev, s.start).trim()).toBe('');
          prev = s.end;
        }
        expect(text.slice(prev).trim()).toBe('');
      }),
    );
  });

  it('every mention and fact quotes its section text exactly; extraction never throws', () => {
    fc.assert(
      fc.property(prose, prose, (a, b) => {
        const doc = emptyDocument('text', { file: 'p.txt', record: null });
        doc.sections = [
          { name: 'a', text: a },
          { name: 'b', text: b },
        ];
        const m = extractMentions(withId(doc), { rules, products });
        for (const t of m.trials) {
          const text = doc.sections[t.section]!.text;
          expect(text.slice(t.start, t.end)).toBe(t.raw);
          expect(text.slice(t.sentence.start, t.sentence.end)).toBe(t.sentence.text);
          expect(t.sentence.start <= t.start && t.end <= t.sentence.end).toBe(true);
          for (const f of t.facts) expect(text.slice(f.start, f.end)).toBe(f.text);
        }
        for (const p of m.products) expect(doc.sections[p.section]!.text.slice(p.start, p.end)).toBe(p.text);
      }),
    );
  });
});
