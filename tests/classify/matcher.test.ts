import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { captureGroups, prefixes2 } from '../../src/classify/firstchars.js';
import { compileMatcher, type Match } from '../../src/classify/matcher.js';
import { loadRules, RULE_FILES, TERM_FILES } from '../../src/classify/rules.js';
import { isVariantCode, normalize } from '../../src/classify/text.js';
import { PRODUCT_LAYER, RULESET_VERSION } from '../../src/classify/index.js';

const rules = loadRules();

describe('text normalization', () => {
  it('keeps offsets: same length, typographic variants mapped to ASCII', () => {
    const s = 'Wharton´s jelly – “hUC‑MSC” Wharton’s';
    const n = normalize(s);
    expect(n.length).toBe(s.length);
    expect(n).toBe("Wharton's jelly - “hUC-MSC” Wharton's");
  });
  it('isVariantCode names exactly the characters normalize replaces (every UTF-16 code unit)', () => {
    const replaced: number[] = [];
    const told: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (normalize(ch) !== ch) replaced.push(c);
      if (isVariantCode(c)) told.push(c);
    }
    expect(told).toEqual(replaced);
    expect(told.length).toBeGreaterThan(10);
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

  it('counts capture groups on the source as running the pattern would', () => {
    const tricky = [
      '(a|b)c',
      '(?:a|b)c',
      '(?<name>x)',
      '(?<=a)b',
      '(?<!a)b',
      '(?=a)(?!b)',
      '\\(a\\)',
      '[(]a[)]',
      '[\\](]x',
      '[]](y)',
      '[^]](y)',
      'a(?:b(c)d)?',
      '((a))',
    ];
    const all = [...tricky, ...rules.termFiles.flatMap((f) => f.terms.flatMap((t) => t.patterns))];
    for (const p of all) expect([p, captureGroups(p)]).toEqual([p, new RegExp('|' + p).exec('')!.length - 1]);
  });

  it('bucketed scan finds exactly what one combined regex finds (property test)', () => {
    const file = rules.termFiles.find((f) => f.family === 'route')!;
    const alts = file.terms.filter((t) => !t.caseSensitive).flatMap((t) => t.patterns.map((p) => ({ p, t })));
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
