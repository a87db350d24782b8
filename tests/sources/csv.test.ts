import { describe, expect, it } from 'vitest';
import { ages, countryOf, design, intervention } from '../../src/sources/csv-fields.js';
import { fixture, fixtureText, readAll, readError, tmpFile } from './helpers.js';

describe('CSV cell parsers', () => {
  it('parses ages in every export shape', () => {
    expect(ages('18 Years to 65 Years \u00a0 (Adult, Older Adult)')).toEqual({
      minimumAge: '18 Years',
      maximumAge: '65 Years',
      stdAges: ['ADULT', 'OLDER_ADULT'],
    });
    expect(ages('18 Years and older \u00a0 (Adult, Older Adult)')).toEqual({
      minimumAge: '18 Years',
      maximumAge: null,
      stdAges: ['ADULT', 'OLDER_ADULT'],
    });
    expect(ages('up to 17 Years   (Child)')).toEqual({
      minimumAge: null,
      maximumAge: '17 Years',
      stdAges: ['CHILD'],
    });
    expect(ages('Child, Adult, Older Adult')).toEqual({
      minimumAge: null,
      maximumAge: null,
      stdAges: ['CHILD', 'ADULT', 'OLDER_ADULT'],
    });
    expect(ages('ADULT, OLDER_ADULT')).toEqual({
      minimumAge: null,
      maximumAge: null,
      stdAges: ['ADULT', 'OLDER_ADULT'],
    });
    expect(ages('')).toEqual({ minimumAge: null, maximumAge: null, stdAges: [] });
  });

  it('parses interventions, designs and countries', () => {
    expect(intervention('Drug: Mesenchymal Stromal Stem Cells - KI-MSC-PL-205')).toMatchObject({
      type: 'DRUG',
      name: 'Mesenchymal Stromal Stem Cells - KI-MSC-PL-205',
    });
    expect(intervention('COMBINATION_PRODUCT: Scaffold: with cells')).toMatchObject({
      type: 'COMBINATION_PRODUCT',
      name: 'Scaffold: with cells',
    });
    expect(intervention('Ratio: 1 to 2')).toMatchObject({ type: null, name: 'Ratio: 1 to 2' });
    expect(
      design(
        'Allocation: N/A|Intervention Model: Single Group Assignment|Masking: None (Open Label)|Primary Purpose: Treatment',
      ),
    ).toEqual({
      allocation: 'NA',
      interventionModel: 'SINGLE_GROUP',
      observationalModel: null,
      masking: 'NONE',
      primaryPurpose: 'TREATMENT',
    });
    expect(design('Masking: TRIPLE (PARTICIPANT, CARE_PROVIDER)').masking).toBe('TRIPLE');
    expect(design('Observational Model: Case-Only|Time Perspective: Prospective').observationalModel).toBe(
      'CASE_ONLY',
    );
    expect(countryOf('Hospital, Wuhan, Hubei, 430000, China')).toBe('China');
  });
});

describe('classic website CSV export', () => {
  it('reads the hand-made fixture', async () => {
    const recs = await readAll(fixture('classic-export.csv'));
    expect(recs).toHaveLength(2);
    const [a, b] = recs.map((r) => r.study);
    expect(a!.provenance).toMatchObject({ format: 'ctgov-classic-csv', record: 1 });
    expect(a).toMatchObject({
      nctId: 'NCT09000004',
      briefTitle: "Adipose MSC for Crohn's Fistula (fixture)",
      acronym: 'ADFIX',
      overallStatus: 'ACTIVE_NOT_RECRUITING',
      hasResults: false,
      conditions: ['Crohn Disease', 'Perianal Fistula'],
      leadSponsor: { name: 'Fixture Biotech SA', class: 'INDUSTRY' },
      collaborators: [{ name: 'Fixture University', class: null }],
      phases: ['PHASE1', 'PHASE2'],
      enrollment: { count: 24, type: null },
      studyType: 'INTERVENTIONAL',
      allocation: 'RANDOMIZED',
      masking: 'DOUBLE',
      orgStudyId: 'FB-2020-01',
      secondaryIds: [{ id: '2020-004455-66', type: null, domain: null, registry: 'euctr' }],
      startDate: { value: '2020-03-03', precision: 'day', type: null },
      primaryCompletionDate: { value: '2022-06', precision: 'month', type: null },
      resultsFirstPostedDate: null,
    });
    expect(a!.interventions.map((i) => [i.type, i.name])).toEqual([
      ['BIOLOGICAL', 'Adipose-derived MSC'],
      ['DRUG', 'Placebo'],
    ]);
    expect(a!.eligibility).toMatchObject({
      sex: 'MALE',
      minimumAge: '18 Years',
      maximumAge: '65 Years',
      stdAges: ['ADULT', 'OLDER_ADULT'],
    });
    expect(a!.locations.map((l) => l.country)).toEqual(['Spain', 'France']);
    expect(b).toMatchObject({
      nctId: 'NCT09000005',
      hasResults: true,
      studyType: 'OBSERVATIONAL',
      observationalModel: 'COHORT',
      phases: [],
      enrollment: { count: null, type: null },
      startDate: { value: '2018', precision: 'year', type: null },
      interventions: [],
    });
    expect((recs[1]!.raw as Record<string, string>)['URL']).toBe(
      'https://ClinicalTrials.gov/show/NCT09000005',
    );
  });

  it('names file, row, line and column for bad cells', async () => {
    const text = fixtureText('classic-export.csv').replace('"March 3, 2020"', '"Marchish 3, 2020"');
    const e = await readError(tmpFile(text));
    expect(e.location).toMatchObject({ record: 1, line: 2, field: 'Start Date' });
    const noId = fixtureText('classic-export.csv').replace('"NCT09000005"', '""');
    const e2 = await readError(tmpFile(noId));
    expect(e2.location).toMatchObject({ record: 2, field: 'NCT Number' });
    expect(e2.message).toMatch(/no NCT id/);
  });

  it('reports malformed CSV with its line', async () => {
    const lines = fixtureText('classic-export.csv').split('\n');
    const broken = [lines[0], lines[1], '"3","NCT09000099","unterminated'].join('\n');
    const e = await readError(tmpFile(broken));
    expect(e.message).toMatch(/malformed CSV/);
    expect(e.location.line).toBeGreaterThanOrEqual(3);
    const short = [lines[0], '"1","NCT09000098","too few"'].join('\n');
    const e2 = await readError(tmpFile(short));
    expect(e2.message).toMatch(/malformed CSV/);
    expect(e2.location.line).toBe(2);
  });
});

describe('v2 website CSV export', () => {
  it('reads the hand-made fixture', async () => {
    const recs = await readAll(fixture('v2-export.csv'));
    expect(recs.map((r) => r.study.provenance.format)).toEqual(['ctgov-v2-csv', 'ctgov-v2-csv']);
    const [a, b] = recs.map((r) => r.study);
    expect(a).toMatchObject({
      nctId: 'NCT09000006',
      briefTitle: "Wharton's Jelly MSC in ARDS, a fixture",
      acronym: 'WJ-ARDS',
      overallStatus: 'COMPLETED',
      briefSummary: 'Intravenous infusion of WJ-MSCs, twice.',
      hasResults: true,
      conditions: ['ARDS', 'COVID-19'],
      leadSponsor: { name: 'Fixture Medical University', class: 'OTHER_GOV' },
      collaborators: [
        { name: 'Fixture Hospital', class: null },
        { name: 'Fixture Foundation', class: null },
      ],
      phases: ['PHASE2', 'PHASE3'],
      enrollment: { count: 120, type: null },
      studyType: 'INTERVENTIONAL',
      masking: 'TRIPLE',
      orgStudyId: 'FMU-ARDS-1',
      startDate: { value: '2020-05-01', precision: 'day', type: null },
      primaryCompletionDate: { value: '2021-06', precision: 'month', type: null },
      resultsFirstPostedDate: { value: '2022-01-10', precision: 'day', type: null },
    });
    expect(a!.interventions.map((i) => [i.type, i.name])).toEqual([
      ['BIOLOGICAL', 'WJ-MSC'],
      ['DRUG', 'Placebo'],
    ]);
    expect(a!.primaryOutcomes).toEqual([
      { measure: '28-day mortality, Deaths from any cause, 28 days', description: null, timeFrame: null },
    ]);
    expect(a!.eligibility).toMatchObject({ sex: 'ALL', stdAges: ['ADULT', 'OLDER_ADULT'] });
    expect(a!.locations.map((l) => l.country)).toEqual(['China']);
    expect(b).toMatchObject({
      overallStatus: 'NOT_YET_RECRUITING',
      hasResults: false,
      phases: ['NA'],
      allocation: 'NA',
      masking: 'NONE',
      primaryPurpose: 'BASIC_SCIENCE',
      locations: [],
    });
    expect(b!.eligibility).toMatchObject({
      sex: 'FEMALE',
      minimumAge: '18 Years',
      maximumAge: '45 Years',
      stdAges: ['ADULT'],
    });
  });
});
