/**
 * The mappers' memos (sources/map-util.ts `date` and `vocab`) answer exactly what the functions they remember answer:
 * the same value or the same error for any text, on the first call and on every later one, and each date is a new
 * object (changing one never changes another).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DateParseError, parseDateType, parseRegistryDate } from '../../src/model/dates.js';
import { InputError } from '../../src/model/errors.js';
import type { PartialDate, Provenance } from '../../src/model/study.js';
import { AGENCY_CLASS, DATE_TYPE, lookup, OVERALL_STATUS, STD_AGE } from '../../src/model/vocab.js';
import { date, fail, str, vocab } from '../../src/sources/map-util.js';

const PROV: Provenance = {
  format: 'ctgov-v2-json',
  file: 'memo.json',
  record: 1,
  fetchedAt: '2026-01-01T00:00:00.000Z',
  registryVersion: null,
};

/** `date` as it was written before the memos: parseDateType and parseRegistryDate on every call. */
function dateUnremembered(text: unknown, type: unknown): PartialDate | null {
  const t = str(PROV, 'f', text);
  const ty = str(PROV, 'f.type', type);
  let parsedType: PartialDate['type'];
  try {
    parsedType = parseDateType(ty);
  } catch (e) {
    if (e instanceof DateParseError) return fail(PROV, 'f.type', e.message);
    throw e;
  }
  try {
    const d = parseRegistryDate(t);
    return d === null ? null : { ...d, type: parsedType };
  } catch (e) {
    if (e instanceof DateParseError) return fail(PROV, 'f', e.message);
    throw e;
  }
}

const outcome = (f: () => unknown): { ok: string } | { error: string; field?: string } => {
  try {
    return { ok: JSON.stringify(f()) };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { error: e.message, field: e.location.field };
  }
};

const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
const dateText = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 1790, max: 2210 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
    )
    .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  fc.tuple(digits(4), digits(2)).map(([y, m]) => `${y}-${m}`),
  digits(4),
  fc.constantFrom(
    'July 14, 2021',
    'Sept 2020',
    'Feb 29, 2023',
    'Feb 29, 2024',
    ' 2021-07 ',
    'soon',
    '',
    '   ',
  ),
  fc.string({ maxLength: 12 }),
  fc.constant(null),
  fc.constant(42),
);
const typeText = fc.oneof(
  fc.constantFrom('ACTUAL', 'ESTIMATED', 'Anticipated', 'Actual', ' actual ', 'Estimate', 'GUESSED', ''),
  fc.constant(undefined),
  fc.constant(null),
  fc.constant(7),
);

describe('mapper memos', () => {
  it('date: the same value or error as parseRegistryDate/parseDateType on every call', () => {
    fc.assert(
      fc.property(dateText, typeText, (text, type) => {
        const want = outcome(() => dateUnremembered(text, type));
        for (let i = 0; i < 3; i++)
          expect(outcome(() => date(PROV, 'f', text, type, 'f.type'))).toEqual(want);
      }),
      { numRuns: 3000 },
    );
  });

  it('date: each call returns a new object', () => {
    const a = date(PROV, 'f', '2021-07-14', 'ACTUAL', 'f.type')!;
    a.value = 'changed';
    expect(date(PROV, 'f', '2021-07-14', 'ACTUAL', 'f.type')).toEqual({
      value: '2021-07-14',
      precision: 'day',
      type: 'ACTUAL',
    });
    expect(Object.keys(a)).toEqual(['value', 'precision', 'type']);
  });

  it('vocab: the same value as lookup for any text, on every call', () => {
    const texts = fc.oneof(
      fc.constantFrom(
        'RECRUITING',
        'Active, not recruiting',
        'ACTIVE_NOT_RECRUITING',
        ' completed ',
        'OLDER_ADULT',
      ),
      fc.constantFrom('INDUSTRY', 'Other', 'nih', '', '  ', 'toString', '__proto__', 'constructor'),
      fc.string({ maxLength: 16 }),
      fc.constant(null),
      fc.constant(undefined),
    );
    fc.assert(
      fc.property(fc.constantFrom(OVERALL_STATUS, AGENCY_CLASS, STD_AGE, DATE_TYPE), texts, (table, text) => {
        const want = lookup(table, text);
        for (let i = 0; i < 3; i++) expect(vocab(table, text)).toBe(want);
      }),
      { numRuns: 3000 },
    );
  });
});
