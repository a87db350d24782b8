import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../src/analyze/diff.js';
import { namedTables, NAMED_TABLES } from '../../src/analyze/tables.js';
import { corpus, id } from '../fixtures/analyze/corpus.js';
import { cs, date } from '../fixtures/analyze/build.js';

describe('diffSnapshots', () => {
  it('finds added, removed, status changes, newly posted results and label changes', () => {
    const a = corpus();
    const b = corpus()
      .filter((r) => r.study.nctId !== id(8)) // #8 removed
      .map((r) => {
        if (r.study.nctId === id(2)) {
          // #2: recruiting -> completed with results; a source added
          return {
            study: {
              ...r.study,
              overallStatus: 'COMPLETED',
              hasResults: true,
              resultsFirstPostedDate: date('2023-01-05'),
            },
            labels: {
              ...r.labels!,
              sources: ['umbilical_cord', 'adipose'] as NonNullable<typeof r.labels>['sources'],
            },
          };
        }
        if (r.study.nctId === id(7))
          return { ...r, labels: { ...r.labels!, included: true, category: 'msc_cells' as const } };
        if (r.study.nctId === id(9)) return cs(9, { study: r.study }); // now labelled
        return r;
      });
    b.push(cs(10, { study: { overallStatus: 'NOT_YET_RECRUITING' } }));

    const d = diffSnapshots(a, b);
    expect(d.added.map((x) => x.nctId)).toEqual([id(10)]);
    expect(d.removed.map((x) => x.nctId)).toEqual([id(8)]);
    expect(d.statusChanges).toEqual([
      expect.objectContaining({ nctId: id(2), from: 'RECRUITING', to: 'COMPLETED' }),
    ]);
    expect(d.resultsNewlyPosted).toEqual([
      expect.objectContaining({ nctId: id(2), resultsFirstPosted: '2023-01-05' }),
    ]);
    expect(d.labelChanges.map((c) => [c.nctId, c.field, c.from, c.to])).toEqual([
      [id(2), 'sources', 'umbilical_cord', 'adipose;umbilical_cord'],
      [id(7), 'category', 'unrelated', 'msc_cells'],
      [id(7), 'included', 'false', 'true'],
      [id(9), 'included', '(unclassified)', 'true'],
    ]);
    expect(d.summary).toMatchObject({
      studiesA: 9,
      studiesB: 9,
      added: 1,
      removed: 1,
      statusChanges: 1,
      resultsNewlyPosted: 1,
      labelChanges: 4,
      studiesWithLabelChanges: 3,
      inclusionChanges: 2,
    });
  });

  it('identical snapshots have no differences', () => {
    const d = diffSnapshots(corpus(), corpus());
    expect(d.summary).toMatchObject({
      added: 0,
      removed: 0,
      statusChanges: 0,
      resultsNewlyPosted: 0,
      labelChanges: 0,
    });
  });
});

describe('named tables', () => {
  const tables = Object.fromEntries(namedTables(corpus()).map((t) => [t.id, t]));

  it('has the four review tables', () => {
    expect(Object.keys(tables)).toEqual(NAMED_TABLES.map((t) => t.id));
  });

  it('completed trials are included + COMPLETED with the results flag, by first-posted date', () => {
    // included & completed: #1 (2010, results), #3 (2020-06), #6 (2021-09); #7 #8 are excluded
    expect(tables.completedTrials!.rows.map((r) => [r.nctId, r.hasResults])).toEqual([
      [id(1), true],
      [id(3), false],
      [id(6), false],
    ]);
  });

  it('EV, COVID-19 and genetically modified tables carry the columns and evidence', () => {
    expect(tables.evSecretomeTrials!.rows.map((r) => r.nctId)).toEqual([id(4)]);
    expect(tables.covid19Trials!.rows.map((r) => r.nctId)).toEqual([id(2), id(4)]);
    const gm = tables.geneticallyModifiedTrials!.rows;
    expect(gm).toHaveLength(1);
    expect(gm[0]).toMatchObject({
      nctId: id(3),
      phase: 'PHASE2',
      status: 'COMPLETED',
      enrollment: 30,
      source: 'adipose; bone_marrow',
      route: 'intra_articular',
      evidence: 'transfected',
      link: `https://clinicaltrials.gov/study/${id(3)}`,
    });
  });
});
