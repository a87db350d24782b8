/**
 * Every metric on the hand-made corpus (tests/fixtures/analyze/corpus.ts). Expected values are worked out by hand
 * from the corpus table in that file; the comments show the arithmetic.
 */
import { describe, expect, it } from 'vitest';
import { computeMetrics, METRIC_IDS, type MetricTable } from '../../src/analyze/metrics.js';
import { quantile } from '../../src/analyze/metrics/dose.js';
import { corpus, id } from '../fixtures/analyze/corpus.js';

const m = computeMetrics(corpus());
/** key -> count (or value) of a table. */
const counts = (t: MetricTable) => Object.fromEntries(t.rows.map((r) => [r.key, r.count]));
const values = (t: MetricTable) => Object.fromEntries(t.rows.map((r) => [r.key, r.value]));

describe('computeMetrics on the hand-made corpus', () => {
  it('has every metric table and is JSON-serializable', () => {
    expect(Object.keys(m.tables).sort()).toEqual([...METRIC_IDS].sort());
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
  });

  it('screening flow: 9 identified, 1 unclassified, 2 excluded by reason, 6 included by category', () => {
    expect(m.flow.identified).toBe(9);
    expect(m.flow.unclassified).toBe(1);
    expect(m.flow.unclassifiedNctIds).toEqual([id(9)]);
    expect(m.flow.excluded).toBe(2);
    expect(counts({ rows: m.flow.excludedByReason } as MetricTable)).toEqual({
      'exclude.mention_only_in_eligibility': 1,
      'exclude.ex_vivo_only': 1,
    });
    expect(m.flow.included).toBe(6);
    // msc_cells: #1 #2 #3 #6 ; msc_derived: #4 ; stromal_mixture: #5
    expect(counts({ rows: m.flow.includedByCategory } as MetricTable)).toEqual({
      msc_cells: 4,
      msc_derived: 1,
      stromal_mixture: 1,
    });
    expect(m.summary.counted).toBe(6);
  });

  it('phases keep combinations distinct, in reading order', () => {
    // PHASE1: #1 #4 ; PHASE1|PHASE2: #2 ; PHASE2: #3 ; NA: #5 ; NONE: #6
    expect(m.tables.phases.rows.map((r) => [r.key, r.count])).toEqual([
      ['PHASE1', 2],
      ['PHASE1|PHASE2', 1],
      ['PHASE2', 1],
      ['NA', 1],
      ['NONE', 1],
    ]);
    expect(m.tables.phases.rows[0]!.nctIds).toEqual([id(1), id(4)]);
    expect(m.tables.phases.rows[0]!.share).toBeCloseTo(2 / 6, 4);
  });

  it('status, study type, sponsor class', () => {
    expect(counts(m.tables.statuses)).toEqual({ COMPLETED: 3, RECRUITING: 2, UNKNOWN: 1 });
    expect(counts(m.tables.studyTypes)).toEqual({ INTERVENTIONAL: 5, OBSERVATIONAL: 1 });
    // #1 #3 OTHER, #2 INDUSTRY, #4 #5 #6 no sponsor -> unknown
    expect(counts(m.tables.sponsorClasses)).toEqual({ OTHER: 2, INDUSTRY: 1, unknown: 3 });
  });

  it('trials per year (first posted and start) stacked by one source group per trial', () => {
    // #3 has adipose + bone_marrow -> "multiple"; #6 no source -> "unspecified"; #5 has no start date -> "unknown"
    expect(counts(m.tables.trialsPerFirstPostedYear)).toEqual({
      '2010|bone_marrow': 1,
      '2015|adipose': 1,
      '2020|umbilical_cord': 1,
      '2020|multiple': 1,
      '2021|umbilical_cord': 1,
      '2021|unspecified': 1,
    });
    expect(counts(m.tables.trialsPerStartYear)).toEqual({
      '2009|bone_marrow': 1,
      '2019|multiple': 1,
      '2020|umbilical_cord': 1,
      '2021|umbilical_cord': 1,
      '2021|unspecified': 1,
      'unknown|adipose': 1,
    });
    // stacked bars add up to the counted trials
    expect(m.tables.trialsPerStartYear.rows.reduce((s, r) => s + r.count, 0)).toBe(6);
  });

  it('tissue source shares count multi-source trials under each source', () => {
    // bone_marrow #1 #3, adipose #3 #5, umbilical_cord #2 #4, unspecified #6
    expect(counts(m.tables.sources)).toEqual({
      bone_marrow: 2,
      adipose: 2,
      umbilical_cord: 2,
      unspecified: 1,
    });
    expect(counts(m.tables.sourceGroups)).toEqual({
      bone_marrow: 1,
      adipose: 1,
      umbilical_cord: 2,
      multiple: 1,
      unspecified: 1,
    });
    expect(m.tables.sources.rows.find((r) => r.key === 'adipose')!.nctIds).toEqual([id(3), id(5)]);
  });

  it('countries: trials, participants full count and split evenly', () => {
    // China #1 #2 #4 ; US #2 #6 ; Spain #3 ; #5 no location
    expect(counts(m.tables.trialsByCountry)).toEqual({
      China: 3,
      'United States': 2,
      Spain: 1,
      '(no location)': 1,
    });
    // total 20 + 100 + 30 + 24 + 40 = 214 (#5 has no enrollment)
    expect(m.summary.participants.total).toBe(214);
    expect(m.summary.participants.trialsWithoutEnrollment).toBe(1);
    // full: China 20+100+24 = 144 ; US 100+40 = 140 ; Spain 30 ; none 0
    expect(values(m.tables.participantsByCountryFull)).toEqual({
      China: 144,
      'United States': 140,
      Spain: 30,
      '(no location)': 0,
    });
    // split: #2's 100 is split over its 2 distinct countries -> China 20+50+24 = 94 ; US 50+40 = 90
    expect(values(m.tables.participantsByCountrySplit)).toEqual({
      China: 94,
      'United States': 90,
      Spain: 30,
      '(no location)': 0,
    });
    const splitSum = m.tables.participantsByCountrySplit.rows.reduce((s, r) => s + (r.value ?? 0), 0);
    expect(splitSum).toBe(m.summary.participants.total);
    expect(m.summary.countries).toBe(3);
    // only #6 is observational
    expect(counts(m.tables.observationalByCountry)).toEqual({ 'United States': 1 });
  });

  it('routes, specialty, donor, product form, modifications, COVID-19, products', () => {
    expect(counts(m.tables.routes)).toEqual({
      intravenous: 2,
      intra_articular: 1,
      inhalation: 1,
      local_injection: 1,
      unspecified: 1,
    });
    expect(counts(m.tables.specialties)).toEqual({ musculoskeletal: 3, pneumology: 2, neurology: 1 });
    expect(counts(m.tables.specialtyOverTime)).toEqual({
      '2010|musculoskeletal': 1,
      '2015|musculoskeletal': 1,
      '2020|musculoskeletal': 1,
      '2020|pneumology': 1,
      '2021|pneumology': 1,
      '2021|neurology': 1,
    });
    expect(counts(m.tables.donors)).toEqual({ autologous: 3, allogeneic: 2, unspecified: 1 });
    expect(counts(m.tables.donorOverTime)['2020|allogeneic']).toBe(1);
    expect(counts(m.tables.productForms)).toEqual({ cells: 4, derived: 1, mixture: 1 });
    expect(counts(m.tables.modifications)).toEqual({ none: 5, genetically_modified: 1 });
    expect(counts(m.tables.covid19)).toEqual({ 'COVID-19': 2, other: 4 });
    expect(counts(m.tables.covid19OverTime)).toEqual({
      '2010|other': 1,
      '2015|other': 1,
      '2020|COVID-19': 1,
      '2020|other': 1,
      '2021|COVID-19': 1,
      '2021|other': 1,
    });
    expect(counts(m.tables.products)).toEqual({ 'remestemcel-L': 1 });
    expect(m.summary).toMatchObject({ covid19: 2, evSecretome: 1, geneticallyModified: 1, observational: 1 });
  });

  it('results posted vs completed', () => {
    // completed #1 (results), #3, #6 (no results)
    expect(counts(m.tables.resultsByStatus)).toEqual({
      'COMPLETED|results posted': 1,
      'COMPLETED|no results posted': 2,
      'RECRUITING|no results posted': 2,
      'UNKNOWN|no results posted': 1,
    });
    expect(m.summary).toMatchObject({ completed: 3, completedWithResults: 1, withResults: 1 });
  });

  it('dose distribution (cells/kg) by route and phase', () => {
    // #1 1e6/kg IV PHASE1 ; #2 2e6/kg (low end of 2-3e6) IV PHASE1|PHASE2 ; 4 others without dose
    expect(m.dose.perKgTrials).toBe(2);
    expect(m.dose.noDoseTrials).toBe(4);
    expect(m.dose.overall).toMatchObject({ n: 2, min: 1e6, median: 1.5e6, max: 2e6 });
    expect(m.dose.byRoute).toEqual([
      expect.objectContaining({ key: 'intravenous', n: 2, median: 1.5e6, nctIds: [id(1), id(2)] }),
    ]);
    expect(m.dose.byPhase.map((s) => [s.key, s.n, s.median])).toEqual([
      ['PHASE1', 1, 1e6],
      ['PHASE1|PHASE2', 1, 2e6],
    ]);
    // type-7 quantiles: [1,2,3,4] -> q1 = 1 + 0.75*(2-1) = 1.75
    expect(quantile([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75);
  });

  it('onlyIncluded=false counts excluded and unlabelled studies too', () => {
    const all = computeMetrics(corpus(), { onlyIncluded: false });
    // adds #7 PHASE2, #8 no phase, #9 PHASE3
    expect(counts(all.tables.phases)).toEqual({
      PHASE1: 2,
      'PHASE1|PHASE2': 1,
      PHASE2: 2,
      PHASE3: 1,
      NA: 1,
      NONE: 2,
    });
    expect(all.summary.counted).toBe(9);
  });

  it('omitNctIds drops the id lists but keeps the counts', () => {
    const slim = computeMetrics(corpus(), { omitNctIds: true });
    expect(slim.tables.phases.rows.every((r) => r.nctIds.length === 0)).toBe(true);
    expect(counts(slim.tables.phases)).toEqual(counts(m.tables.phases));
  });

  it('empty input gives empty tables, not errors', () => {
    const e = computeMetrics([]);
    expect(e.summary.counted).toBe(0);
    expect(e.tables.phases.rows).toEqual([]);
    expect(e.dose.overall).toBeNull();
  });
});
