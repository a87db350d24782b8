/**
 * Dose numbers whose superscript was lost when the registry text was pasted ("3.3 * 107 cell" is 3.3 × 10^7:
 * the exponent follows "10" with no caret), next to the ordinary spellings they must agree with.
 */
import { describe, expect, it } from 'vitest';
import { parseDoseText } from '../../src/classify/dose.js';
import { loadRules } from '../../src/classify/rules.js';

const vocab = loadRules().dose;
const value = (t: string) => {
  const d = parseDoseText(t, vocab);
  return d && { value: d.value, unit: d.unit, text: t.slice(d.start, d.end) };
};

describe('dose text with a lost superscript', () => {
  it.each([
    ['UC-MSCs 3.3 * 107 cell number / 50ml / bag', 3.3e7, 'cells', '3.3 * 107 cell'],
    ['1 x 106 cells/kg', 1e6, 'cells/kg', '1 x 106 cells/kg'],
    ['2.5×108 MSCs', 2.5e8, 'cells', '2.5×108 MSCs'],
    ['1 x 1010 cells', 1e10, 'cells', '1 x 1010 cells'],
  ])('%s -> %d %s', (text, v, unit, quoted) => {
    expect(value(text)).toEqual({ value: v, unit, text: quoted });
  });

  it('agrees with the written-out forms of the same dose', () => {
    for (const t of ['3.3 × 10^7 cells', '3.3x10e7 cells', '3.3 * 10(7) cells', '33 million cells'])
      expect(value(t)?.value).toBeCloseTo(3.3e7, 0);
  });

  it('is no dose without a cell word or a per-kg unit', () => {
    expect(value('3.3 * 107 ml')).toBeNull();
  });
});
