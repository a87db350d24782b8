/** The "registered in" facet and filter: `registry=…` (query, CLI --filter) selects registrations by registry. */
import { describe, expect, it } from 'vitest';
import { applyFilter, filterFromQuery } from '../../src/analyze/filter.js';
import type { ClassifiedStudy } from '../../src/analyze/types.js';
import { emptyStudy } from '../../src/model/study.js';
import { facetCounts } from '../../src/present/server/facets.js';

const PROV = {
  format: 'ictrp-xml',
  file: 'fixture',
  record: 1,
  fetchedAt: '2026-01-01T00:00:00Z',
  registryVersion: null,
} as const;
const row = (id: string, registry: string): ClassifiedStudy => ({
  study: emptyStudy(id, { ...PROV }, registry),
  labels: null,
});
const ROWS = [
  row('NCT09999911', 'ctgov'),
  row('ChiCTR2000099911', 'chictr'),
  row('ChiCTR2000099912', 'chictr'),
  row('ACTRN12620099999911', 'anzctr'),
];

describe('registry filter and facet', () => {
  it('filters by registry (values OR-ed, case-insensitive)', () => {
    const f = filterFromQuery({ registry: 'chictr,ANZCTR' }, { strict: true });
    expect(applyFilter(ROWS, f).map((r) => r.study.trialId)).toEqual([
      'ChiCTR2000099911',
      'ChiCTR2000099912',
      'ACTRN12620099999911',
    ]);
    expect(applyFilter(ROWS, filterFromQuery({ registry: 'euctr' }))).toEqual([]);
  });

  it('the facet counts registrations per registry', () => {
    expect(facetCounts(ROWS).registry).toEqual([
      { value: 'chictr', count: 2 },
      { value: 'anzctr', count: 1 },
      { value: 'ctgov', count: 1 },
    ]);
  });
});

describe('report screening flow across registries', () => {
  it('says how many registrations merge into how many trials', async () => {
    const { trialCounts } = await import('../../src/present/report/data.js');
    const a = row('NCT09999912', 'ctgov');
    a.study.secondaryIds = [{ id: 'ChiCTR2000099911', type: null, domain: null, registry: 'chictr' }];
    expect(trialCounts([a, ...ROWS.slice(1)])).toEqual({
      registrations: 4,
      trials: 3,
      multiRegistered: 1,
      byRegistry: { ctgov: 1, chictr: 2, anzctr: 1 },
    });
    expect(trialCounts([ROWS[0]!])).toBeNull();
  });
});
