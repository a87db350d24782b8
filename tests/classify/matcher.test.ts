import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prefixes2 } from '../../src/classify/firstchars.js';
import { compileMatcher, withoutLead, type Match } from '../../src/classify/matcher.js';
import { loadRules, RULE_FILES, TERM_FILES } from '../../src/classify/rules.js';
import { normalize } from '../../src/classify/text.js';
import { PRODUCT_LAYER, RULESET_VERSION } from '../../src/classify/index.js';

const rules = loadRules();

describe('text normalization', () => {
  it('keeps offsets: same length, typographic variants mapped to ASCII', () => {
    const s = 'Wharton´s jelly – “hUC‑MSC” Wharton’s';
    const n = normalize(s);
    expect(n.length).toBe(s.length);
    expect(n).toBe("Wharton's jelly - “hUC-MSC” Wharton's");
  });
});

describe('matcher', () => {
  const m = compileMatcher(rules, PRODUCT_LAYER, true);
  const find = (text: string): Match[] => m.scan(text, 'f');

  it('matches spelling variants with exact evidence spans in the original text', () => {
    const text = 'Cells from Wharton´s jelly (hUC‑MSC) and AD-MSCs';
    for (const h of find(text)) expect(text.slice(h.start, h.end)).toBe(h.text);
    const src = find(text)
      .filter((h) => h.family === 'source')
      .map((h) => h.value);
    expect(src).toEqual(['umbilical_cord', 'umbilical_cord', 'adipose']);
  });

  it('respects word boundaries and case rules for acronyms', () => {
    expect(find('MSCs and msc').filter((h) => h.value === 'cell')).toHaveLength(2);
    expect(find('gimsc xMSC MSCx').filter((h) => h.value === 'cell')).toHaveLength(0);
    // "SHED" is a case-sensitive dental-pulp acronym; the verb "shed" is not.
    expect(
      find('cells shed from SHED')
        .filter((h) => h.value === 'dental')
        .map((h) => h.text),
    ).toEqual(['SHED']);
  });

  it('rejects capturing groups in rule patterns', () => {
    const bad = {
      ...rules,
      termFiles: [{ family: 'x', terms: [{ id: 'x.y', value: 'y', patterns: ['(a|b)c'] }] }],
    };
    expect(() => compileMatcher(bad, ['x'])).toThrow(/capturing/);
  });

  it('a pattern with a lead is found where its body begins and matches from where its lead begins', () => {
    const own = {
      ...rules,
      termFiles: [
        {
          family: 'route',
          terms: [
            {
              id: 'route.t.fistula',
              value: 'local_injection',
              patterns: ['(?<=(?<lead>(?<![A-Za-z0-9])(?:into|in|to) (?:the )?(?:\\w+ )?))fistula'],
            },
            {
              id: 'route.t.wound',
              value: 'topical',
              patterns: ['(?<=\\bapply\\b[^.;]{0,20}(?<lead>(?<![A-Za-z0-9])to (?:the )?))wounds?'],
            },
            { id: 'route.t.gland', value: 'local_injection', patterns: ['(?:into|in) the gland', 'fistula'] },
            { id: 'route.t.perianal', value: 'x', patterns: ['perianal'] },
            { id: 'route.t.injected', value: 'x', patterns: ['injected into'] },
          ],
        },
      ],
    };
    const m = compileMatcher(own, ['route']);
    const spans = (t: string): string[] => m.scan(t, 'f').map((h) => `${h.start}:${h.text}:${h.rule}`);
    // the span covers the lead; a match inside the lead ("perianal") is the lead's
    expect(spans('cells given into the perianal fistula.')).toEqual([
      '12:into the perianal fistula:route.t.fistula',
    ]);
    // the lead's context guards without being part of the span
    expect(spans('apply them to the wound')).toEqual(['11:to the wound:route.t.wound']);
    expect(spans('give them to the wound')).toEqual([]);
    // a match beginning where the lead begins is inside it too
    expect(spans('into the gland fistula')).toEqual(['0:into the gland fistula:route.t.fistula']);
    // an earlier match that takes the lead's first word: the lead does not match, the next pattern at the body does
    expect(spans('injected into the fistula')).toEqual([
      '0:injected into:route.t.injected',
      '18:fistula:route.t.gland',
    ]);
    expect(withoutLead(own.termFiles[0]!.terms[1]!.patterns[0]!)).toBe(
      '(?<=\\bapply\\b[^.;]{0,20})(?<![A-Za-z0-9])to (?:the )?wounds?',
    );
    // gated and ungated agree
    const ref = compileMatcher(own, ['route'], { gated: false });
    for (const t of [
      'into the perianal fistula',
      'into the gland fistula',
      'apply to the wound in the fistula',
    ])
      expect(m.scan(t, 'f')).toEqual(ref.scan(t, 'f'));
  });

  it('rejects a lead that does not close the guarding lookbehind', () => {
    const bad = {
      ...rules,
      termFiles: [{ family: 'x', terms: [{ id: 'x.y', value: 'y', patterns: ['(?<=(?<lead>a) )b'] }] }],
    };
    expect(() => compileMatcher(bad, ['x'])).toThrow(/lead/);
  });

  it('bucketed scan finds exactly what one combined regex finds (property test)', () => {
    const file = rules.termFiles.find((f) => f.family === 'route')!;
    // a pattern with a lead stands for its lead and body matched where the lead begins
    const alts = file.terms
      .filter((t) => !t.caseSensitive)
      .flatMap((t) => t.patterns.map((p) => ({ p: withoutLead(p), t })));
    alts.sort((a, b) => b.p.length - a.p.length);
    const naive = new RegExp(
      '(?<![A-Za-z0-9])(?:' + alts.map((a) => '(' + a.p + ')').join('|') + ')(?![A-Za-z0-9])',
      'gi',
    );
    const one = compileMatcher(
      { ...rules, termFiles: [{ ...file, terms: file.terms.filter((t) => !t.caseSensitive) }] },
      ['route'],
    );
    const words = [
      'intravenous',
      'intra-articular',
      'into the knee joint',
      'infusion',
      'via the hepatic artery',
      'MSC',
      'cells',
      'lumbar puncture',
      'topically',
      'IV',
      'the',
      'x',
      '-',
      ' ',
      '.',
      'A',
      '1',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 12 }), (parts) => {
        const text = parts.join(' ');
        const expected: string[] = [];
        naive.lastIndex = 0;
        let r: RegExpExecArray | null;
        while ((r = naive.exec(text)) !== null) expected.push(`${r.index}:${r[0]}`);
        const got = one.scan(text, 'f').map((h) => `${h.start}:${h.text}`);
        expect(got).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('knows the possible beginnings of every rule pattern', () => {
    for (const f of rules.termFiles)
      for (const t of f.terms)
        for (const p of t.patterns) expect(prefixes2(p, !t.caseSensitive), `${t.id} /${p}/`).not.toBeNull();
    expect([...(prefixes2('(?:h|hu)?MSC', true) ?? [])].sort()).toEqual(['hm', 'hu', 'ms']);
  });
});

describe('rules files', () => {
  it('the ruleset version carries the rules version and a content hash', () => {
    expect(RULESET_VERSION).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{8}\.[0-9a-f]{8}$/);
    expect(RULE_FILES.length).toBe(TERM_FILES.length + 5);
  });
  it('products: every guideline product with its facts', () => {
    const ids = new Set(rules.products.map((p) => p.id));
    for (const id of [
      'remestemcel-L',
      'TEMCELL',
      'darvadstrocel',
      'Cartistem',
      'Cupistem',
      'Cellgram',
      'lenzumestrocel',
      'Stempeucel',
      'NurOwn',
      'rexlemestrocel-L',
      'Lomecel-B',
      'PLX-PAD',
      'PLX-R18',
      'ExoFlo',
      'JointStem',
      'AstroStem',
      'OTI-010',
      'MultiStem',
      'CYP-001',
      'CYP-004',
      'Elixcyte',
    ])
      expect(ids.has(id), id).toBe(true);
    const exo = rules.products.find((p) => p.id === 'ExoFlo');
    expect(exo?.category).toBe('msc_derived');
    const names = rules.products.flatMap((p) => p.names.map((n) => n.toLowerCase()));
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('matcher: the most specific match wins whatever its case sensitivity', () => {
  const m = compileMatcher(loadRules(), PRODUCT_LAYER, true);
  it('a case-sensitive compound ("MSC-Exos", "MSC-sEV") beats the case-insensitive acronym it contains', () => {
    const hits = m
      .scan('Nebulized MSC-Exos and MSC-sEV were compared with MSCs.', 'f')
      .filter((h) => h.family === 'msc');
    expect(hits.map((h) => [h.text, h.value])).toEqual(
      expect.arrayContaining([
        ['MSC-Exos', 'derived'],
        ['MSC-sEV', 'derived'],
        ['MSCs', 'cell'],
      ]),
    );
    expect(hits.filter((h) => h.text === 'MSC')).toHaveLength(0);
  });
  it('synthetic rules: longer contains shorter wins, either way; partial overlaps keep the case-insensitive match', () => {
    const rules = loadRules();
    const x = {
      ...rules,
      termFiles: [
        {
          family: 'x',
          terms: [
            { id: 'x.ci', value: 'ci', patterns: ['alpha beta gamma', 'kappa', 'delta epsilon'] },
            { id: 'x.cs', value: 'cs', caseSensitive: true, patterns: ['BETA', 'KAPPA-Z', 'EPSILON-Q'] },
          ],
        },
      ],
    };
    const mx = compileMatcher(x, ['x']);
    const texts = (t: string): string[] => mx.scan(t, 'f').map((h) => h.text);
    expect(texts('alpha BETA gamma')).toEqual(['alpha BETA gamma']);
    expect(texts('a KAPPA-Z b kappa')).toEqual(['kappa', 'KAPPA-Z']);
    expect(texts('delta EPSILON-Q')).toEqual(['delta EPSILON']);
  });
});
