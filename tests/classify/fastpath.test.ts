/**
 * The classifier's fast paths against simple reference paths, on generated text:
 *  - the matcher's gate (a trie of pattern beginnings choosing which patterns to try at a word start) against
 *    the full alternation tried at every word start (compileMatcher's `gated: false`);
 *  - the beginnings analyser (firstchars.ts) against strings the rule patterns really match;
 *  - sentence bounds found by looking around a span (text.ts sentenceAt) against the list of all sentence starts.
 * Texts are built from strings generated to match the rule patterns (lookarounds dropped for generation), with
 * case changes, typographic variants, glued neighbours and filler, so that matches, near misses and overlaps occur.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prefixesK, splitLookbehind, WHITE_SPACE, wordStartLiterals } from '../../src/classify/firstchars.js';
import { compileMatcher, namePattern, type Match } from '../../src/classify/matcher.js';
import { loadRules } from '../../src/classify/rules.js';
import { PRODUCT_LAYER } from '../../src/classify/index.js';
import { sentenceAt, sentenceIn, sentenceStarts } from '../../src/classify/text.js';

const rules = loadRules();

/** A rule pattern without its lookarounds (fast-check cannot generate for them), as a whole-string RegExp. */
function generatorFor(pattern: string): fc.Arbitrary<string> | null {
  let src = pattern;
  for (;;) {
    const i = src.search(/\(\?<?[=!]/);
    if (i < 0) break;
    let depth = 0;
    let j = i;
    for (; j < src.length; j++) {
      if (src[j] === '\\') {
        j++;
        continue;
      }
      if (src[j] === '(') depth++;
      if (src[j] === ')' && --depth === 0) break;
    }
    src = src.slice(0, i) + src.slice(j + 1);
  }
  try {
    const re = new RegExp(`^(?:${src})$`);
    const arb = fc.stringMatching(re);
    fc.sample(arb, 1);
    return arb;
  } catch {
    return null;
  }
}

interface Family {
  name: string;
  families: readonly string[];
  products: boolean;
}

const FAMILIES: Family[] = [
  { name: 'product layer', families: PRODUCT_LAYER, products: true },
  { name: 'specialty', families: ['specialty'], products: false },
  { name: 'covid', families: ['covid'], products: false },
  { name: 'cue', families: ['cue'], products: false },
];

function patternsOf(f: Family): Array<{ source: string; caseSensitive: boolean }> {
  const out: Array<{ source: string; caseSensitive: boolean }> = [];
  for (const file of rules.termFiles) {
    if (!f.families.includes(file.family)) continue;
    for (const t of file.terms)
      for (const p of t.patterns) out.push({ source: p, caseSensitive: t.caseSensitive ?? false });
  }
  if (f.products) {
    for (const p of rules.products) {
      for (const n of p.names) out.push({ source: namePattern(n), caseSensitive: false });
      for (const n of p.weakNames ?? []) out.push({ source: namePattern(n), caseSensitive: true });
    }
  }
  return out;
}

const FILLER = [
  'the',
  'cells',
  'of',
  'and',
  'stem',
  'patients',
  'into',
  'in',
  'a',
  'x',
  '1',
  '10^6',
  'MSC',
  'I',
  'IV',
  'II',
  'grade',
];
const SEPARATORS = [
  ' ',
  ' ',
  ' ',
  '-',
  '. ',
  ', ',
  '\n',
  '/',
  '(',
  ')',
  "'",
  '\u2019',
  '\u2013',
  '\u00a0',
  '',
  'é',
];

const recase = (s: string, how: number): string => {
  if (how === 1) return s.toUpperCase();
  if (how === 2) return s.toLowerCase();
  if (how === 3) return s.charAt(0).toUpperCase() + s.slice(1);
  return s;
};

/** Spaces written as another white-space character (they survive normalization; `\s` matches them). */
const respace = (s: string, ws: number): string =>
  ws < WHITE_SPACE.length ? s.replace(/ /g, WHITE_SPACE[ws]!) : s;

function textArbitrary(patterns: Array<{ source: string }>): fc.Arbitrary<string> {
  const generated = (ps: Array<{ source: string }>): fc.Arbitrary<string> => {
    const gens = ps.map((p) => generatorFor(p.source)).filter((g): g is fc.Arbitrary<string> => g !== null);
    return fc
      .tuple(
        fc.oneof(...gens),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 3 * WHITE_SPACE.length }),
      )
      .map(([s, how, ws]) => respace(recase(s, how), ws));
  };
  // patterns with non-ASCII characters or white space classes, where the gate's character mapping is coarsest
  const special = patterns.filter((p) => /[^ -~]|\\s/.test(p.source));
  const piece = fc.oneof(
    { weight: 3, arbitrary: generated(patterns) },
    { weight: special.length > 0 ? 1 : 0, arbitrary: generated(special.length > 0 ? special : patterns) },
    { weight: 2, arbitrary: fc.constantFrom(...FILLER) },
    {
      weight: 1,
      arbitrary: fc.string({ unit: fc.constantFrom('a', 'b', 'C', '-', ' ', '1', 's', 'M'), maxLength: 4 }),
    },
  );
  return fc
    .array(fc.tuple(piece, fc.constantFrom(...SEPARATORS)), { maxLength: 10 })
    .map((parts) => parts.map(([p, s]) => p + s).join(''));
}

const key = (m: Match): string =>
  `${m.field}|${m.start}|${m.end}|${m.text}|${m.family}|${m.value}|${m.rule}|${JSON.stringify(m.also)}`;

describe('matcher gate vs full alternation (property test)', () => {
  for (const f of FAMILIES) {
    it(`${f.name}: the gated scan finds exactly what the ungated scan finds`, () => {
      const fast = compileMatcher(rules, f.families, { withProducts: f.products });
      const reference = compileMatcher(rules, f.families, { withProducts: f.products, gated: false });
      let matched = 0;
      fc.assert(
        fc.property(textArbitrary(patternsOf(f)), (text) => {
          const expected = reference.scan(text, 'f').map(key);
          matched += expected.length;
          expect(fast.scan(text, 'f').map(key)).toEqual(expected);
          expect(fast.scanCached(text, 'g').map(key)).toEqual(reference.scan(text, 'g').map(key));
        }),
        { numRuns: 250 },
      );
      // the generated texts do exercise the vocabulary
      expect(matched).toBeGreaterThan(100);
    });
  }
});

describe('beginnings analyser (firstchars)', () => {
  it('every string a rule pattern matches begins with one of the beginnings found for it', () => {
    const all = FAMILIES.flatMap(patternsOf);
    const cases = all
      .map((p) => ({
        ...p,
        gen: generatorFor(p.source),
        re: new RegExp(`^(?:${p.source})`, p.caseSensitive ? '' : 'i'),
      }))
      .filter((c) => c.gen !== null);
    expect(cases.length).toBeGreaterThan(all.length * 0.9);
    fc.assert(
      fc.property(
        fc.constantFrom(...cases),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 0, max: 3 }),
        fc.nat(),
        (c, k, how, seed) => {
          const [sample] = fc.sample(c.gen!, { seed, numRuns: 1 });
          const text = c.caseSensitive ? sample! : recase(sample!, how);
          const m = c.re.exec(text);
          if (m === null || m[0] === '') return;
          const fold = !c.caseSensitive;
          const begins = prefixesK(c.source, fold, k);
          // null ("cannot tell": too many beginnings) is always safe; the matcher then uses a smaller k
          if (begins === null) {
            expect(k, c.source).toBeGreaterThan(3);
            return;
          }
          const head = fold ? m[0].toLowerCase() : m[0];
          const covered = [...begins!].some((b) =>
            b.length === k ? head.slice(0, k) === b : head.startsWith(b),
          );
          expect(
            covered,
            `${c.source} on ${JSON.stringify(m[0])} (k=${k}): ${[...begins!].slice(0, 8).join(' | ')}`,
          ).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('every match of a rule pattern holds one of its word-start literals at a word start', () => {
    const all = FAMILIES.flatMap(patternsOf);
    const cases = all
      .map((p) => ({
        ...p,
        literals: wordStartLiterals(p.source, !p.caseSensitive),
        gen: generatorFor(p.source),
        re: new RegExp(`^(?:${p.source})`, p.caseSensitive ? '' : 'i'),
      }))
      .filter((c) => c.literals !== null && c.gen !== null);
    // the preposition-led route and donor phrases at least
    expect(cases.length).toBeGreaterThan(20);
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.integer({ min: 0, max: 3 }), fc.nat(), (c, how, seed) => {
        const [sample] = fc.sample(c.gen!, { seed, numRuns: 1 });
        const text = c.caseSensitive ? sample! : recase(sample!, how);
        const m = c.re.exec(text);
        if (m === null || m[0] === '') return;
        const t = c.caseSensitive ? text : text.toLowerCase();
        let found = false;
        for (let j = 0; j < m[0].length && !found; j++) {
          if (j > 0 && /[A-Za-z0-9]/.test(t[j - 1]!)) continue;
          found = c.literals!.some((l) => t.startsWith(l, j));
        }
        expect(found, `${c.source} on ${JSON.stringify(m[0])}: ${c.literals!.join(' | ')}`).toBe(true);
      }),
      { numRuns: 3000 },
    );
    // what precedes the literal must end outside a word ("[a-z-]+" may end inside one: no literals then)
    expect(wordStartLiterals('in (?:the )?(?:[a-z-]+ ){0,2}lungs?', true)).toEqual(['lung']);
    expect(wordStartLiterals('in (?:the )?[a-z-]*lungs?', true)).toBeNull();
    expect(wordStartLiterals('of\\s+(?:\\w+\\s+){0,3}donors?', true)).toEqual(['donor']);
  });

  it('knows the beginning of quantified, escaped and open-ended parts', () => {
    expect([...(prefixesK('a+b', false, 4) ?? [])].sort()).toEqual(['aaaa', 'aaab', 'aab', 'ab'].sort());
    expect([...(prefixesK('nephr\\w+', true, 8) ?? [])]).toEqual(['nephr']);
    expect([...(prefixesK('C[-\\s]?Cure', true, 2) ?? [])]).toContain('c\u00a0');
    expect(prefixesK('\\w+cell', true, 4)).toBeNull();
    expect(prefixesK('(?:x)?', true, 2)).toBeNull();
  });

  it('splits a leading positive lookbehind off only when it guards the whole pattern', () => {
    expect(splitLookbehind('(?<=\\binject\\w*[^;]{0,60})in the (?:hepatic|renal) artery')).toEqual({
      behind: '\\binject\\w*[^;]{0,60}',
      body: 'in the (?:hepatic|renal) artery',
    });
    expect(splitLookbehind('(?<=[(|)] )x\\|y')).toEqual({ behind: '[(|)] ', body: 'x\\|y' });
    // a top-level alternative after the lookbehind is not guarded by it; negative lookbehinds stay whole
    expect(splitLookbehind('(?<=a )b|c')).toBeNull();
    expect(splitLookbehind('(?<!non-)union')).toBeNull();
    expect(splitLookbehind('x(?<=x)')).toBeNull();
    expect(splitLookbehind('(?<=a)')).toBeNull();
  });
});

describe('matcher: a split lookbehind finds what the whole pattern finds', () => {
  it('on hand-written texts, gated (body first) and ungated (one alternation) agree', () => {
    const own = {
      ...rules,
      termFiles: [
        {
          family: 'route',
          terms: [
            {
              id: 'route.test.artery',
              value: 'intra_arterial',
              patterns: [
                '(?<=\\b(?:inject\\w*|infus\\w*)[^;]{0,40})in the (?:[a-z-]+ )?(?:hepatic|renal) arter(?:y|ies)',
                'in the (?:hepatic|renal) vein',
              ],
            },
            { id: 'route.test.vein', value: 'intravenous', patterns: ['in the hepatic'] },
          ],
        },
      ],
    } as typeof rules;
    const fast = compileMatcher(own, ['route']);
    const reference = compileMatcher(own, ['route'], { gated: false });
    const texts = [
      'Cells are injected in the hepatic artery.',
      'Cells are injected; then in the hepatic artery a stent.',
      'A tumour in the hepatic artery territory. Infusion in the right renal arteries!',
      'in the hepatic artery',
      'Stenosis in the hepatic vein and injection far away.',
    ];
    const found = texts.map((t) => fast.scan(t, 'f').map(key));
    expect(found).toEqual(texts.map((t) => reference.scan(t, 'f').map(key)));
    // the lookbehind really decides: artery matches only after an injection word
    expect(found.map((f) => f.filter((k) => k.split('|')[3]!.includes('arter')).length)).toEqual([
      1, 0, 1, 0, 0,
    ]);
  });
});

describe('sentence bounds', () => {
  it('sentenceAt (local look-around) equals sentenceIn over all sentence starts', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'B', '1', ' ', '.', '\n', '\r', ';', '!', '?', ','),
      maxLength: 40,
    });
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, p, q) => {
        const pos = p % (t.length + 1);
        const end = pos + (q % (t.length - pos + 1));
        expect(sentenceAt(t, pos, end)).toEqual(sentenceIn(sentenceStarts(t), t.length, pos, end));
        expect(sentenceAt(t, pos)).toEqual(sentenceIn(sentenceStarts(t), t.length, pos));
      }),
      { numRuns: 3000 },
    );
  });
});
