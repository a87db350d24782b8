/**
 * Property tests for the registry normalisers: any calendar date written in any registry spelling parses to
 * the same ISO date; any set of phases written in any registry style parses back to that set; per-group
 * target sizes sum.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clean,
  oneLine,
  parseLooseDate,
  parsePhases,
  parseTargetSize,
} from '../../src/sources/registry/normalize.js';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const pad = (n: number): string => String(n).padStart(2, '0');

const day = fc
  .record({
    y: fc.integer({ min: 1990, max: 2035 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
  })
  .filter(({ y, m, d }) => d <= new Date(Date.UTC(y, m, 0)).getUTCDate());

describe('parseLooseDate', () => {
  it('every spelling of a day gives the same ISO date', () => {
    fc.assert(
      fc.property(day, ({ y, m, d }) => {
        const iso = `${y}-${pad(m)}-${pad(d)}`;
        const spellings = [
          iso,
          `${iso}T10:20:30.123456789`,
          `${y}/${pad(m)}/${pad(d)}`,
          `${y}${pad(m)}${pad(d)}`,
          `${d}/${pad(m)}/${y}`,
          `${pad(d)}/${pad(m)}/${y}`,
          `${d} ${MONTHS[m - 1]} ${y}`,
          `${MONTHS[m - 1]} ${d}, ${y}`,
          `${MONTHS[m - 1]!.slice(0, 3)} ${d}, ${y}`,
        ];
        for (const s of spellings)
          expect(parseLooseDate(s), s).toEqual({ value: iso, precision: 'day', type: null });
      }),
    );
  });

  it('month precision is kept; impossible days are errors, never another date', () => {
    fc.assert(
      fc.property(day, ({ y, m }) => {
        expect(parseLooseDate(`${MONTHS[m - 1]} ${y}`)).toEqual({
          value: `${y}-${pad(m)}`,
          precision: 'month',
          type: null,
        });
        expect(() => parseLooseDate(`32/${pad(m)}/${y}`)).toThrow();
        expect(() => parseLooseDate(`${pad(m)}/13/${y}`)).toThrow();
      }),
    );
  });
});

const PHASES = ['PHASE1', 'PHASE2', 'PHASE3', 'PHASE4'] as const;
const ROMAN = ['I', 'II', 'III', 'IV'];

describe('parsePhases', () => {
  it('one or two adjacent phases, in every registry spelling', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.boolean(), (a, two) => {
        const b = two && a < 4 ? a + 1 : a;
        const want = a === b ? [PHASES[a - 1]] : [PHASES[a - 1], PHASES[b - 1]];
        const spellings =
          a === b
            ? [`Phase ${a}`, `Phase ${ROMAN[a - 1]}`, `${a}`, `phase${a}`]
            : [
                `Phase ${a}/Phase ${b}`,
                `Phase ${a} / Phase ${b}`,
                `Phase${a}/Phase${b}`,
                `Phase ${ROMAN[a - 1]}/${ROMAN[b - 1]}`,
                `${a}-${b}`,
              ];
        for (const s of spellings) expect(parsePhases(s), s).toEqual(want);
      }),
    );
  });

  it('the EUCTR yes/no block gives exactly the phases answered yes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        fc.constantFrom('\n', ' ', '\n                '),
        (yes, sep) => {
          const block = [
            `Human pharmacology (Phase I): ${yes[0] ? 'yes' : 'no'}`,
            `Therapeutic exploratory (Phase II): ${yes[1] ? 'yes' : 'no'}`,
            `Therapeutic confirmatory - (Phase III): ${yes[2] ? 'yes' : 'no'}`,
            `Therapeutic use (Phase IV): ${yes[3] ? 'yes' : 'no'}`,
          ].join(sep);
          expect(parsePhases(block)).toEqual(PHASES.filter((_p, i) => yes[i]));
        },
      ),
    );
  });

  it('statements of no phase', () => {
    for (const s of [
      'N/A',
      'Not Applicable',
      'not applicable',
      'Retrospective study',
      'New Treatment Measure Clinical Study',
      '0',
    ])
      expect(parsePhases(s), s).toEqual(['NA']);
    for (const s of ['', 'Not selected', 'something else']) expect(parsePhases(s), s).toEqual([]);
    expect(parsePhases('Early Phase 1')).toEqual(['EARLY_PHASE1']);
  });
});

describe('parseTargetSize', () => {
  it('per-group sizes are summed, plain numbers read as they are', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            label: fc.constantFrom('group', 'Experimental group', 'Case series', '2019 Y', 'control group '),
            n: fc.nat(100_000),
          }),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        fc.boolean(),
        (groups, trailing) => {
          const text = groups.map((g) => `${g.label}:${g.n}`).join(';') + (trailing ? ';' : '');
          expect(parseTargetSize(text)).toBe(groups.reduce((a, g) => a + g.n, 0));
          const n = groups[0]!.n;
          expect(parseTargetSize(String(n))).toBe(n);
          expect(parseTargetSize(n.toLocaleString('en-US'))).toBe(n);
        },
      ),
    );
    expect(parseTargetSize('')).toBeNull();
    expect(parseTargetSize('not stated')).toBeNull();
  });
});

describe('clean()', () => {
  /** The rule, written line by line: <br> to line breaks, entities decoded, blank runs to one space, every line trimmed. */
  const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };
  const byLines = (v: string): string | null => {
    const t = v
      .replace(/&lt;br\s*\/?&gt;|<br\s*\/?>/gi, '\n')
      .replace(/\r\n?/g, '\n')
      .replace(/&(amp|lt|gt|quot|apos|#39);/g, (m, e: string) => ENTITY[e] ?? m)
      .split('\n')
      .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    return t === '' ? null : t;
  };
  const piece = fc.constantFrom(' ', '  ', '\t', '\u00a0', '\n', '\r\n', '\r', 'a', 'MSC', '<br>', '<BR />',
    '&lt;br&gt;', '&amp;', '&lt;', '\u2003', '\v', '\ufeff', 'x y'); // prettier-ignore

  it('equals the line-by-line rule on any mix of text, blanks, breaks and markup', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (parts) => {
        const v = parts.join('');
        expect(clean(v)).toBe(byLines(v));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('oneLine()', () => {
  const piece = fc.constantFrom(
    ' ',
    '  ',
    '\t',
    '\u00a0',
    '\n',
    '\r\n',
    '\u2003',
    '\u3000',
    '\v',
    '\ufeff',
    'a',
    'x y',
  );
  it('equals .replace(/\\s+/g, " ") on any mix of text and whitespace', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (parts) => {
        const v = parts.join('');
        expect(oneLine(v)).toBe(v.replace(/\s+/g, ' '));
      }),
      { numRuns: 3000 },
    );
  });
});
