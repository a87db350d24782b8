import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/model/errors.js';
import {
  compactFieldList,
  fieldValue,
  getPath,
  parseFields,
  STUDY_FIELDS,
} from '../../src/present/cli/util/fields.js';
import { csvCell, exportObject } from '../../src/present/cli/util/format.js';
import { rec } from '../store/records.js';
import { labels } from '../fixtures/analyze/build.js';

describe('field paths', () => {
  it('are derived from the Study schema, nested ones dotted', () => {
    for (const f of [
      'nctId',
      'leadSponsor.name',
      'locations.geoPoint.lat',
      'enrollment.count',
      'provenance.file',
    ]) {
      expect(STUDY_FIELDS).toContain(f);
    }
    expect(STUDY_FIELDS).not.toContain('leadSponsor.name.x');
    expect(compactFieldList(['a', 'b.c', 'b.d.e', 'f'])).toBe('a, b{c,d{e}}, f');
  });

  it('parseFields validates names, dedupes, and refuses label fields without labels', () => {
    expect(parseFields(' nctId, phases ,nctId', false)).toEqual(['nctId', 'phases']);
    expect(parseFields('nctId,category', true)).toEqual(['nctId', 'category']);
    expect(() => parseFields('nctId,category', false)).toThrow(/category is a label field/);
    expect(() => parseFields('nope', true)).toThrow(UsageError);
    expect(() => parseFields(' , ', true)).toThrow(/no field names/);
  });

  it('getPath maps over arrays of objects and flattens nested lists', () => {
    const obj = { a: [{ b: 1, c: ['x', 'y'] }, { b: 2, c: ['z'] }, { c: [] }], d: null };
    expect(getPath(obj, 'a.b')).toEqual([1, 2, null]);
    expect(getPath(obj, 'a.c')).toEqual(['x', 'y', 'z']);
    expect(getPath(obj, 'd.e')).toBeNull();
    expect(getPath(obj, 'missing')).toBeNull();
  });

  it('fieldValue reads label keys from the labels (null when unlabelled)', () => {
    const { study } = rec('NCT00000001', { countries: ['Spain', 'Chile'] });
    expect(fieldValue(study, null, 'locations.country')).toEqual(['Spain', 'Chile']);
    expect(fieldValue(study, null, 'category')).toBeNull();
  });

  it('derived fields: distinct countries, the phase key, the dose in parts', () => {
    const { study } = rec('NCT00000001', { countries: ['Spain', 'Chile', 'Spain'] });
    study.phases = ['PHASE2', 'PHASE1'];
    expect(fieldValue(study, null, 'locations.country')).toEqual(['Spain', 'Chile', 'Spain']);
    expect(fieldValue(study, null, 'countries')).toEqual(['Spain', 'Chile']);
    expect(fieldValue(study, null, 'phase')).toBe('PHASE1|PHASE2');
    const l = labels('NCT00000001', {
      dose: {
        value: 1e6,
        valueHigh: 2e6,
        unit: 'cells/kg',
        administrations: 3,
        intervalDays: 7,
        text: '1-2 x 10^6/kg',
      },
    });
    expect(
      [
        'dose.value',
        'dose.valueHigh',
        'dose.unit',
        'dose.perKg',
        'dose.administrations',
        'dose.intervalDays',
      ].map((f) => fieldValue(study, l, f)),
    ).toEqual([1e6, 2e6, 'cells/kg', true, 3, 7]);
    expect(fieldValue(study, labels('NCT00000001'), 'dose.perKg')).toBeNull();
    expect(parseFields('countries,phase', false)).toEqual(['countries', 'phase']);
    expect(() => parseFields('dose.value', false)).toThrow(/label field.*no labels/);
  });
});

describe('export rendering', () => {
  it('csvCell: arrays joined with the one list separator "; ", dates as ISO value, objects as JSON', () => {
    expect(csvCell(['PHASE1', 'PHASE2'])).toBe('PHASE1; PHASE2');
    expect(csvCell(['Korea, Republic of', 'Spain'])).toBe('Korea, Republic of; Spain');
    expect(csvCell({ value: '2021-05', precision: 'month', type: null })).toBe('2021-05');
    expect(csvCell([{ value: '2021', precision: 'year', type: null }])).toBe('2021');
    expect(csvCell(null)).toBe('');
    expect(csvCell(false)).toBe('false');
    expect(csvCell(12)).toBe('12');
    expect(JSON.parse(csvCell([{ rule: 'r', start: 1 }]))).toEqual([{ rule: 'r', start: 1 }]);
    expect(JSON.parse(csvCell({ value: 1, unit: 'cells' }))).toEqual({ value: 1, unit: 'cells' });
  });

  it('exportObject: full study plus top-level label keys, or only the selected fields', () => {
    const { study } = rec('NCT00000001');
    const full = exportObject(study, null, null, true);
    expect(full.nctId).toBe('NCT00000001');
    expect(full).toHaveProperty('category', null);
    expect(exportObject(study, null, null, false)).not.toHaveProperty('category');
    expect(exportObject(study, null, ['nctId', 'enrollment.count'], false)).toEqual({
      nctId: 'NCT00000001',
      'enrollment.count': 10,
    });
  });
});
