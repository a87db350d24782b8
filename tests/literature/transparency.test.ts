import { describe, expect, it } from 'vitest';
import { emptyStudy, type Study } from '../../src/model/study.js';
import { transparency } from '../../src/analyze/transparency.js';

const prov = {
  format: 'ctgov-v2-json' as const,
  file: 'mem',
  record: null,
  fetchedAt: '2024-01-01T00:00:00Z',
  registryVersion: null,
};

function study(n: number, o: Partial<Study>): { study: Study } {
  return {
    study: { ...emptyStudy(`NCT${String(n).padStart(8, '0')}`, prov), overallStatus: 'COMPLETED', ...o },
  };
}
const date = (value: string) => ({ value, precision: 'year' as const, type: 'ACTUAL' as const });
const loc = (country: string) => ({ facility: null, city: null, state: null, country, geoPoint: null });

describe('transparency', () => {
  const rows = [
    // results posted only
    study(1, {
      hasResults: true,
      completionDate: date('2018'),
      leadSponsor: { name: 'X', class: 'INDUSTRY' },
      locations: [loc('China')],
    }),
    // registry RESULT reference only (classic lower-case type)
    study(2, {
      references: [{ pmid: '9', type: 'result', citation: null }],
      completionDate: date('2018'),
      locations: [loc('China'), loc('Iran')],
    }),
    // literature link only; BACKGROUND reference does not count
    study(3, {
      references: [{ pmid: '8', type: 'BACKGROUND', citation: null }],
      primaryCompletionDate: date('2019'),
      leadSponsor: { name: 'U', class: 'OTHER' },
    }),
    // both
    study(4, {
      resultsFirstPostedDate: date('2020'),
      completionDate: date('2019'),
      leadSponsor: { name: 'X', class: 'INDUSTRY' },
      locations: [loc('Iran')],
    }),
    // neither
    study(5, {
      completionDate: date('2019'),
      leadSponsor: { name: 'U', class: 'OTHER' },
      locations: [loc('Iran')],
    }),
    // not completed: ignored even with results
    study(6, { overallStatus: 'RECRUITING', hasResults: true }),
  ];
  const links = [
    { nctId: 'NCT00000003', docId: 'cord:a' },
    { nctId: 'NCT00000004', docId: 'cord:a' },
    { nctId: 'NCT00000004', docId: 'cord:a' },
    { nctId: 'NCT00000006', docId: 'cord:b' },
  ];
  const t = transparency(rows, links);

  it('counts completed trials by results / publication / both / neither', () => {
    expect(t.total).toEqual({
      completed: 5,
      resultsPosted: 2,
      publication: 3,
      both: 1,
      resultsOnly: 1,
      publicationOnly: 2,
      neither: 1,
      resultsPostedPct: 40,
      publicationPct: 60,
      neitherPct: 20,
    });
  });

  it('groups by completion year (primary completion as fallback), sponsor class and each country', () => {
    expect(t.byCompletionYear.map((r) => [r.key, r.completed, r.neither])).toEqual([
      ['2018', 2, 0],
      ['2019', 3, 1],
    ]);
    expect(t.bySponsorClass.map((r) => [r.key, r.completed])).toEqual([
      ['INDUSTRY', 2],
      ['OTHER', 2],
      ['unknown', 1],
    ]);
    expect(t.byCountry.map((r) => [r.key, r.completed, r.resultsPosted, r.publication])).toEqual([
      ['Iran', 3, 1, 2],
      ['China', 2, 1, 1],
      ['(no location)', 1, 0, 1],
    ]);
  });

  it('keeps the evidence of each decision', () => {
    const byId = new Map(t.studies.map((s) => [s.nctId, s]));
    expect(byId.get('NCT00000002')!.evidence).toEqual(['registry reference RESULT PMID 9']);
    expect(byId.get('NCT00000004')!.evidence).toEqual([
      'registry results (first posted 2020)',
      'document cord:a',
    ]);
    expect(byId.get('NCT00000005')!.evidence).toEqual([]);
    expect(byId.has('NCT00000006')).toBe(false);
  });

  it('no completed trials: zero counts and null shares', () => {
    const empty = transparency([], []);
    expect(empty.total.completed).toBe(0);
    expect(empty.total.resultsPostedPct).toBeNull();
    expect(empty.byCountry).toEqual([]);
  });
});
