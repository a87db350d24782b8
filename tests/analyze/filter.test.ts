import { describe, expect, it } from 'vitest';
import { applyFilter, filterFromQuery, isEmptyFilter } from '../../src/analyze/filter.js';
import { UsageError } from '../../src/model/errors.js';
import { corpus, id } from '../fixtures/analyze/corpus.js';

const ids = (f: Parameters<typeof applyFilter>[1]) => applyFilter(corpus(), f).map((r) => r.study.nctId);

describe('applyFilter', () => {
  it('empty filter keeps everything', () => {
    expect(ids({})).toHaveLength(9);
    expect(isEmptyFilter({ phase: [] })).toBe(true);
  });

  it('phase matches the exact combination key, order-insensitive', () => {
    // only #2 is PHASE1+PHASE2; PHASE1 alone = #1 and #4 (NOT #2)
    expect(ids({ phase: ['PHASE2|PHASE1'] })).toEqual([id(2)]);
    expect(ids({ phase: ['PHASE1'] })).toEqual([id(1), id(4)]);
    // NONE = no phase listed (#6, #8); NA = registry "not applicable" (#5)
    expect(ids({ phase: ['NONE'] })).toEqual([id(6), id(8)]);
    expect(ids({ phase: ['NA', 'phase3'] })).toEqual([id(5), id(9)]);
  });

  it('label fields need labels; multi-valued labels match any value', () => {
    // bone_marrow: #1 and #3 (adipose+bone_marrow)
    expect(ids({ source: ['bone_marrow'] })).toEqual([id(1), id(3)]);
    // unspecified source: included #6 and the excluded #7, #8 (labels with empty sources); not the unlabelled #9
    expect(ids({ source: ['unspecified'] })).toEqual([id(6), id(7), id(8)]);
    expect(ids({ productForm: ['derived', 'mixture'] })).toEqual([id(4), id(5)]);
    expect(ids({ covid19: true })).toEqual([id(2), id(4)]);
    expect(ids({ included: false })).toEqual([id(7), id(8)]);
    expect(ids({ modification: ['genetically_modified'] })).toEqual([id(3)]);
    expect(ids({ product: ['REMESTEMCEL-L'] })).toEqual([id(6)]);
  });

  it('fields combine with AND, values with OR', () => {
    // COMPLETED: 1,3,6,7,8 ; and included: 1,3,6 ; and source bone_marrow|umbilical_cord: 1,3
    expect(ids({ status: ['completed'], included: true, source: ['bone_marrow', 'umbilical_cord'] })).toEqual(
      [id(1), id(3)],
    );
  });

  it('country is case-insensitive and matches any location', () => {
    expect(ids({ country: ['united states'] })).toEqual([id(2), id(6), id(7)]);
    expect(ids({ country: ['(no location)'] })).toEqual([id(5), id(9)]);
  });

  it('text searches titles, conditions and ids', () => {
    expect(ids({ text: 'covid-19 PNEU' })).toEqual([id(4)]);
    expect(ids({ text: id(7) })).toEqual([id(7)]);
  });

  it('date bounds are inclusive; partial bounds cover their period', () => {
    // posted in 2020: #2 (2020-04-10), #3 (2020-06)
    expect(ids({ firstPostedFrom: '2020', firstPostedTo: '2020' })).toEqual([id(2), id(3)]);
    // started up to 2019-12-31: #1 (2009-11), #3 (2019), #7 (2011), #8 (2012); #5 and #9 have no start date
    expect(ids({ startTo: '2019' })).toEqual([id(1), id(3), id(7), id(8)]);
    // asOf 2020-06-01: #3 posted "2020-06" = 2020-06-01 is kept (on or before)
    expect(ids({ asOf: '2020-06-01' })).toEqual([id(1), id(2), id(3), id(5), id(7), id(8)]);
  });

  it('invalid filters throw UsageError', () => {
    expect(() => applyFilter(corpus(), { asOf: '2021-13-01' })).toThrow(UsageError);
  });
});

describe('filterFromQuery', () => {
  it('reads comma-separated and repeated values, aliases and booleans', () => {
    const f = filterFromQuery({
      phase: 'PHASE1|PHASE2,PHASE2',
      status: ['COMPLETED', 'RECRUITING'],
      'first-posted-from': '2019',
      as_of: '2021-07-14',
      covid19: 'true',
      included: '0',
      limit: '10',
    });
    expect(f).toEqual({
      phase: ['PHASE1|PHASE2', 'PHASE2'],
      status: ['COMPLETED', 'RECRUITING'],
      firstPostedFrom: '2019',
      asOf: '2021-07-14',
      covid19: true,
      included: false,
    });
  });

  it('names the offending parameter and the allowed values', () => {
    expect(() => filterFromQuery({ source: 'adipose,liver' })).toThrow(
      /parameter "source": invalid value "liver".*allowed: .*bone_marrow/,
    );
    expect(() => filterFromQuery({ 'as-of': 'yesterday' })).toThrow(
      /parameter "as-of": invalid value "yesterday"/,
    );
    expect(() => filterFromQuery({ covid19: 'maybe' })).toThrow(/parameter "covid19"/);
    expect(() => filterFromQuery({ text: ['a', 'b'] })).toThrow(/"text" given 2 times/);
    expect(() => filterFromQuery({ limit: '1' }, { strict: true })).toThrow(
      /unknown filter parameter "limit"/,
    );
  });

  it('round-trips into applyFilter', () => {
    expect(
      applyFilter(corpus(), filterFromQuery({ productForm: 'derived' })).map((r) => r.study.nctId),
    ).toEqual([id(4)]);
  });
});
