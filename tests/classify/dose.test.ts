/** The dose label of a whole classified study: the usual number forms, administrations and interval, or none. */
import { describe, expect, it } from 'vitest';
import { classifyChecked } from './checked.js';

const dose = (text: string) =>
  classifyChecked({
    title: 'MSC for GVHD',
    interventions: [{ name: 'MSC', description: text }],
    conditions: ['GVHD'],
  }).dose;

describe('dose', () => {
  it('parses the usual forms', () => {
    expect(dose('1 × 10^6 cells/kg intravenously')).toMatchObject({
      value: 1e6,
      valueHigh: null,
      unit: 'cells/kg',
    });
    expect(dose('1x10e6/kg body weight')).toMatchObject({ value: 1e6, unit: 'cells/kg' });
    expect(dose('2.0 x 10(6) MSC/kg')).toMatchObject({ value: 2e6, unit: 'cells/kg' });
    expect(dose('a total of 100 million cells')).toMatchObject({ value: 1e8, unit: 'cells' });
    expect(dose('1-2 × 10^6 cells/kg')).toMatchObject({ value: 1e6, valueHigh: 2e6, unit: 'cells/kg' });
    expect(dose('1.0E+6 cells/kg')).toMatchObject({ value: 1e6, unit: 'cells/kg' });
  });
  it('counts administrations and the interval', () => {
    expect(dose('two infusions of 1 × 10^6 cells/kg, 4 weeks apart')).toMatchObject({
      administrations: 2,
      intervalDays: 28,
    });
    expect(dose('3 doses of 2x10^6 cells/kg given weekly')).toMatchObject({
      administrations: 3,
      intervalDays: 7,
    });
    expect(dose('1 x 10^6 cells/kg on days 1 and 8')).toMatchObject({ intervalDays: 7 });
    expect(dose('a single infusion of 1 x 10^6 cells/kg')).toMatchObject({
      administrations: 1,
      intervalDays: null,
    });
  });
  it('is null when no cell dose is stated', () => {
    expect(dose('MSC infusion, dose to be determined')).toBeNull();
    expect(dose('100 mg of methylprednisolone')).toBeNull();
  });
});
