/**
 * The prepared fast paths (prepare.ts, fused counts, filterIndices) against the plain paths, and list splitting
 * of names that contain ", ".
 */
import { describe, expect, it } from 'vitest';
import { applyFilter, filterFromQuery, filterIndices, type Filter } from '../../src/analyze/filter.js';
import { computeMetrics, computePreparedMetrics, type Metrics } from '../../src/analyze/metrics.js';
import { packCodes, prepareAll, prepared, SLOTS_PER_STUDY } from '../../src/analyze/prepare.js';
import type { ClassifiedStudy } from '../../src/analyze/types.js';
import { corpus, id } from '../fixtures/analyze/corpus.js';

/** The metrics with every NCT id list emptied, as omitNctIds returns them. */
function stripped(m: Metrics): Metrics {
  const c = structuredClone(m);
  for (const t of Object.values(c.tables)) for (const r of t.rows) r.nctIds = [];
  for (const r of [...c.flow.excludedByReason, ...c.flow.includedByCategory, ...c.flow.includedByReason])
    r.nctIds = [];
  c.flow.unclassifiedNctIds = [];
  for (const s of [...c.dose.byRoute, ...c.dose.byPhase]) s.nctIds = [];
  if (c.dose.overall) c.dose.overall.nctIds = [];
  // points without ids: trials with equal value, routes, phase and administrations pooled into one weighted point
  const pooled: Metrics['dose']['points'] = [];
  for (const p of c.dose.points) {
    const same = pooled.find(
      (q) =>
        q.value === p.value &&
        q.phase === p.phase &&
        q.administrations === p.administrations &&
        q.routes.join() === p.routes.join(),
    );
    if (same) same.trials += p.trials;
    else pooled.push({ ...p, nctId: null });
  }
  c.dose.points = pooled;
  return c;
}

const OPTIONS = [{}, { onlyIncluded: false }, { yearBasis: 'start' as const }];

describe('fast metrics (no NCT ids) equal the full metrics without their ids', () => {
  it('on the hand-made corpus, for every option', () => {
    for (const o of OPTIONS)
      expect(computeMetrics(corpus(), { ...o, omitNctIds: true })).toEqual(
        stripped(computeMetrics(corpus(), o)),
      );
  });

  it('when an NCT id occurs twice (a trial still counts once per table cell)', () => {
    const rows = [...corpus(), ...corpus().slice(0, 3)];
    const full = computeMetrics(rows, { onlyIncluded: false });
    expect(computeMetrics(rows, { onlyIncluded: false, omitNctIds: true })).toEqual(stripped(full));
    // #1 appears twice but the PHASE1 cell counts it once: #1 and #4
    expect(full.tables.phases.rows.find((r) => r.key === 'PHASE1')!.count).toBe(2);
  });

  it('computePreparedMetrics over prepared rows is computeMetrics', () => {
    const rows = corpus();
    expect(computePreparedMetrics(prepareAll(rows))).toEqual(computeMetrics(rows));
  });

  it('a selection counted from codes packed for the whole set equals the selection counted alone', () => {
    const all = prepareAll(corpus());
    const codes = packCodes(all);
    expect(codes.single.length).toBe(all.length * SLOTS_PER_STUDY);
    // every other row, and the rows in reverse: the packed index of each row is given, whatever the order
    const selections = [
      all.map((_, i) => i).filter((i) => i % 2 === 1),
      all.map((_, i) => all.length - 1 - i),
    ];
    for (const sel of selections) {
      const rows = sel.map((i) => all[i]!);
      for (const o of OPTIONS) {
        const opts = { ...o, omitNctIds: true };
        const packed = computePreparedMetrics(rows, opts, { codes, at: Int32Array.from(sel) });
        expect(packed).toEqual(computePreparedMetrics(rows, opts));
        expect(packed).toEqual(stripped(computePreparedMetrics(rows, o)));
      }
    }
  });
});

describe('prepared filter', () => {
  const filters: Filter[] = [
    {},
    { country: ['china', '(no location)'] },
    { text: 'covid' },
    { included: true, phase: ['PHASE1'] },
    { startFrom: '2019', startTo: '2021-03' },
    { product: ['none'] },
  ];

  it('filterIndices selects the rows applyFilter keeps', () => {
    const rows = corpus();
    const ps = prepareAll(rows, { text: true });
    for (const f of filters) {
      const kept = new Set(applyFilter(rows, f));
      const idx = [...filterIndices(ps, f)];
      expect(
        idx.map((i) => rows[i]!.study.nctId),
        JSON.stringify(f),
      ).toEqual(rows.filter((r) => kept.has(r)).map((r) => r.study.nctId));
    }
  });

  it('keys are cached per row and rebuilt when the labels object is replaced', () => {
    const rows: ClassifiedStudy[] = corpus();
    const r1 = rows[0]!;
    expect(prepared(r1)).toBe(prepared(r1));
    expect(applyFilter(rows, { included: true }).map((r) => r.study.nctId)).toContain(id(1));
    r1.labels = null;
    expect(applyFilter(rows, { included: true }).map((r) => r.study.nctId)).not.toContain(id(1));
  });
});

describe('filterFromQuery list splitting', () => {
  it('keeps ", " inside country and product names; splits on a comma without a space', () => {
    expect(filterFromQuery({ country: 'Korea, Republic of,China' }).country).toEqual([
      'Korea, Republic of',
      'China',
    ]);
    expect(filterFromQuery({ country: ['Iran, Islamic Republic of', 'Spain,France'] }).country).toEqual([
      'Iran, Islamic Republic of',
      'Spain',
      'France',
    ]);
  });

  it('other list fields still split on every comma', () => {
    expect(filterFromQuery({ status: 'COMPLETED, RECRUITING' }).status).toEqual(['COMPLETED', 'RECRUITING']);
  });
});
