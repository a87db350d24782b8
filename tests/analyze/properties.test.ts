/** Invariants of the metrics and the filter on random hand-built studies (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFilter, filterFromQuery } from '../../src/analyze/filter.js';
import { computeMetrics } from '../../src/analyze/metrics.js';
import { diffSnapshots } from '../../src/analyze/diff.js';
import { SOURCES, ROUTES, SPECIALTIES } from '../../src/model/labels.js';
import { cs, date } from '../fixtures/analyze/build.js';

const arbStudy = fc
  .record({
    n: fc.integer({ min: 1, max: 99_999 }),
    included: fc.boolean(),
    labelled: fc.boolean(),
    sources: fc.uniqueArray(fc.constantFrom(...SOURCES), { maxLength: 3 }),
    routes: fc.uniqueArray(fc.constantFrom(...ROUTES), { maxLength: 3 }),
    specialty: fc.constantFrom(...SPECIALTIES),
    phases: fc.uniqueArray(fc.constantFrom('EARLY_PHASE1', 'PHASE1', 'PHASE2', 'PHASE3', 'PHASE4', 'NA'), {
      maxLength: 2,
    }),
    countries: fc.array(fc.constantFrom('China', 'United States', 'Spain', 'Iran'), { maxLength: 4 }),
    enrollment: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }),
    year: fc.option(fc.integer({ min: 1999, max: 2023 }), { nil: null }),
    status: fc.constantFrom('COMPLETED', 'RECRUITING', 'UNKNOWN', 'TERMINATED'),
  })
  .map((r) =>
    cs(r.n, {
      study: {
        phases: r.phases,
        countries: r.countries,
        enrollment: { count: r.enrollment, type: 'ACTUAL' },
        firstPostedDate: r.year === null ? null : date(`${r.year}-06-15`),
        startDate: r.year === null ? null : date(`${r.year}`),
        overallStatus: r.status,
      },
      labels: r.labelled
        ? {
            included: r.included,
            category: r.included ? 'msc_cells' : 'unrelated',
            sources: r.sources,
            routes: r.routes,
            specialty: r.specialty,
          }
        : null,
    }),
  );
const arbRows = fc.uniqueArray(arbStudy, { selector: (r) => r.study.nctId, maxLength: 40 });

describe('metric invariants', () => {
  it('flow adds up; single-group tables sum to the counted trials; split participants sum to the total', () => {
    fc.assert(
      fc.property(arbRows, (rows) => {
        const m = computeMetrics(rows);
        const f = m.flow;
        expect(f.unclassified + f.excluded + f.included).toBe(f.identified);
        const sum = (id: keyof typeof m.tables) => m.tables[id].rows.reduce((s, r) => s + r.count, 0);
        for (const id of [
          'phases',
          'statuses',
          'studyTypes',
          'sourceGroups',
          'specialties',
          'donors',
          'trialsPerFirstPostedYear',
          'trialsPerStartYear',
          'specialtyOverTime',
        ] as const) {
          expect(sum(id), id).toBe(m.summary.counted);
        }
        // multi-valued tables: at least one row per trial
        expect(sum('sources')).toBeGreaterThanOrEqual(m.summary.counted);
        expect(sum('trialsByCountry')).toBeGreaterThanOrEqual(m.summary.counted);
        const split = m.tables.participantsByCountrySplit.rows.reduce((s, r) => s + (r.value ?? 0), 0);
        expect(split).toBeCloseTo(m.summary.participants.total, 0);
        const full = m.tables.participantsByCountryFull.rows.reduce((s, r) => s + (r.value ?? 0), 0);
        expect(full).toBeGreaterThanOrEqual(m.summary.participants.total);
        // traceability: every row lists exactly `count` ids
        for (const t of Object.values(m.tables))
          for (const r of t.rows) if (t.id !== 'screening') expect(r.nctIds.length).toBe(r.count);
      }),
      { numRuns: 150 },
    );
  });

  it('a metric row used as a filter selects exactly its trials', () => {
    fc.assert(
      fc.property(arbRows, (rows) => {
        const m = computeMetrics(rows);
        const included = rows.filter((r) => r.labels?.included);
        const checks: Array<[string, string]> = [
          ['phases', 'phase'],
          ['statuses', 'status'],
          ['sources', 'source'],
          ['routes', 'route'],
          ['trialsByCountry', 'country'],
          ['specialties', 'specialty'],
        ];
        for (const [table, param] of checks) {
          for (const row of m.tables[table as keyof typeof m.tables].rows) {
            const ids = applyFilter(included, filterFromQuery({ [param]: [row.key] }))
              .map((r) => r.study.nctId)
              .sort();
            expect(ids, `${table} ${row.key}`).toEqual(row.nctIds);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('asOf never keeps a study first posted later; diff of a snapshot with itself is empty', () => {
    fc.assert(
      fc.property(arbRows, fc.integer({ min: 1999, max: 2023 }), (rows, y) => {
        const asOf = `${y}-01-01`;
        for (const r of applyFilter(rows, { asOf }))
          expect(r.study.firstPostedDate!.value <= asOf).toBe(true);
        const kept = applyFilter(rows, { asOf }).length;
        const later = rows.filter(
          (r) => r.study.firstPostedDate === null || r.study.firstPostedDate.value > asOf,
        ).length;
        expect(kept + later).toBe(rows.length);
        expect(diffSnapshots(rows, rows).summary).toMatchObject({
          added: 0,
          removed: 0,
          statusChanges: 0,
          labelChanges: 0,
        });
      }),
      { numRuns: 100 },
    );
  });
});
