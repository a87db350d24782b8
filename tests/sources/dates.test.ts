import { describe, expect, it } from 'vitest';
import { DateParseError, parseDateType, parseRegistryDate } from '../../src/model/dates.js';

describe('parseRegistryDate', () => {
  it.each([
    ['July 14, 2021', '2021-07-14', 'day'],
    ['July 2021', '2021-07', 'month'],
    ['2021-07', '2021-07', 'month'],
    ['2021-07-14', '2021-07-14', 'day'],
    ['2021', '2021', 'year'],
    ['September 5, 1999', '1999-09-05', 'day'],
    ['Sept 2020', '2020-09', 'month'],
    ['  March 1, 2020 ', '2020-03-01', 'day'],
    ['February 29, 2024', '2024-02-29', 'day'],
  ])('%s -> %s (%s)', (text, value, precision) => {
    expect(parseRegistryDate(text)).toEqual({ value, precision, type: null });
  });

  it('maps classic and v2 date types to ACTUAL / ESTIMATED', () => {
    expect(parseRegistryDate('July 2021', 'Actual')?.type).toBe('ACTUAL');
    expect(parseRegistryDate('July 2021', 'Anticipated')?.type).toBe('ESTIMATED');
    expect(parseRegistryDate('July 2021', 'Estimate')?.type).toBe('ESTIMATED');
    expect(parseRegistryDate('2021-07', 'ESTIMATED')?.type).toBe('ESTIMATED');
    expect(parseRegistryDate('2021-07', 'ACTUAL')?.type).toBe('ACTUAL');
    expect(parseRegistryDate('2021-07', '')?.type).toBeNull();
    expect(parseDateType(undefined)).toBeNull();
  });

  it('returns null for missing or blank text', () => {
    expect(parseRegistryDate(null)).toBeNull();
    expect(parseRegistryDate(undefined)).toBeNull();
    expect(parseRegistryDate('   ')).toBeNull();
  });

  it.each([
    'Julember 2021',
    '2021-13',
    '2021-02-30',
    'February 29, 2023',
    '14/07/2021',
    'soon',
    '21-07-14',
    'July 32, 2021',
  ])('rejects %s with DateParseError', (text) => {
    expect(() => parseRegistryDate(text)).toThrow(DateParseError);
  });

  it('rejects an unknown date type', () => {
    expect(() => parseRegistryDate('2021', 'Maybe')).toThrow(DateParseError);
  });
});
