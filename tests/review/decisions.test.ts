/**
 * Reviewer decisions: stored append-only in the database, independent of snapshots and rulesets; the effective
 * labels (decision wins) reach the report data and the exports; a version 1 database is migrated.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyDecisions,
  effectiveLabels,
  latestDecisions,
  reviewerConflicts,
  reviewSummary,
} from '../../src/analyze/review.js';
import { applyFilter } from '../../src/analyze/filter.js';
import type { Decision } from '../../src/model/decisions.js';
import { openStore, type NewDecision } from '../../src/store/index.js';
import { loadClassified } from '../../src/present/report/load.js';
import { buildReportData } from '../../src/present/report/data.js';
import { selectStudies } from '../../src/present/cli/util/select.js';
import { formatDecisions, parseDecisions } from '../../src/present/review/codec.js';
import { createFixtureDb, fixtureLabels, fixtureStudies, nct } from '../server/fixture.js';
import { labels } from '../fixtures/analyze/build.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mscope-decisions-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const dec = (over: Partial<NewDecision> & Pick<NewDecision, 'nctId' | 'field' | 'value'>): NewDecision => ({
  note: null,
  reviewer: 'ana',
  decidedAt: '2026-12-01T10:00:00.000Z',
  classifierValue: null,
  rulesetVersion: 'test-1',
  snapshotId: 1,
  ...over,
});

describe('decisions in the store', () => {
  it('are append-only with history, and survive a new snapshot and a ruleset change', async () => {
    const path = join(dir, 'survive.duckdb');
    await createFixtureDb(path);
    const store = await openStore(path);
    try {
      await store.addDecisions([
        dec({ nctId: nct(1001), field: 'category', value: 'stromal_mixture', classifierValue: 'msc_cells' }),
      ]);
      await store.addDecisions([
        dec({
          nctId: nct(1001),
          field: 'category',
          value: 'unrelated',
          classifierValue: 'msc_cells',
          decidedAt: '2026-12-02T10:00:00.000Z',
          note: 'second look',
        }),
      ]);
      const all = await store.listDecisions();
      expect(all.map((d) => [d.seq, d.value])).toEqual([
        [1, 'stromal_mixture'],
        [2, 'unrelated'],
      ]);
      // a new snapshot of the same studies, and labels of a new ruleset version for it
      async function* again() {
        for (const study of fixtureStudies()) yield { study, raw: {} };
      }
      const snap = await store.createSnapshot({ label: 'later', sources: ['x.json'] }, again());
      await store.saveLabels(snap.id, 'test-2', fixtureLabels('test-2'));
      const labels = await store.loadLabels(snap.id);
      const rows = [];
      for await (const study of store.iterStudies(snap.id))
        rows.push({ study, labels: labels.get(study.nctId) ?? null });
      const eff = applyDecisions(rows, await store.listDecisions());
      const row = eff.find((r) => r.study.nctId === nct(1001))!;
      expect(row.labels!.category).toBe('unrelated');
      expect(row.labels!.included).toBe(false);
      expect(row.labels!.screeningReason).toBe('exclude.reviewer');
      expect(row.labels!.rulesetVersion).toBe('test-2');
      expect(row.review!.classifier!.category).toBe('msc_cells');
      expect(row.review!.fields.category!.agrees).toBe(false);
      // unreviewed rows are the very same objects
      expect(eff.find((r) => r.study.nctId === nct(1002))).toBe(
        rows.find((r) => r.study.nctId === nct(1002)),
      );
    } finally {
      await store.close();
    }
  });

  it('rejects an invalid decision and stores nothing', async () => {
    const path = join(dir, 'invalid.duckdb');
    await createFixtureDb(path);
    const store = await openStore(path);
    try {
      await expect(
        store.addDecisions([
          dec({ nctId: nct(1001), field: 'donor', value: 'autologous' }),
          dec({ nctId: nct(1002), field: 'category', value: 'not_a_category' as never }),
        ]),
      ).rejects.toThrow(/decision 2 \(NCT00001002 category\): invalid value "not_a_category"/);
      expect(await store.listDecisions()).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('skips identical decisions on re-import', async () => {
    const path = join(dir, 'dedupe.duckdb');
    await createFixtureDb(path);
    const store = await openStore(path);
    try {
      const d = dec({ nctId: nct(1003), field: 'routes', value: ['intravenous'] });
      expect((await store.addDecisions([d])).added).toHaveLength(1);
      const again = await store.addDecisions([d, { ...d, reviewer: 'ben' }]);
      expect([again.added.length, again.skipped]).toEqual([1, 1]);
    } finally {
      await store.close();
    }
  });

  it('migrates a schema version 1 database, which read-only opens can still read', async () => {
    const path = join(dir, 'v1.duckdb');
    await createFixtureDb(path);
    // make it a version 1 file: drop the tables version 2 added
    const s0 = await openStore(path);
    await s0.connection().run('DROP TABLE decisions');
    await s0.connection().run('DROP TABLE review_samples');
    await s0.connection().run(`UPDATE meta SET value = '1' WHERE key = 'schema_version'`);
    await s0.close();
    const ro = await openStore(path, { readOnly: true });
    expect(await ro.listDecisions()).toEqual([]);
    expect(await ro.listSamples()).toEqual([]);
    await ro.close();
    const rw = await openStore(path);
    try {
      const v = await rw.connection().runAndReadAll(`SELECT value FROM meta WHERE key = 'schema_version'`);
      expect(v.getRows()[0]?.[0]).toBe('2');
      await rw.addDecisions([dec({ nctId: nct(1001), field: 'covid19', value: true })]);
      expect(await rw.listDecisions()).toHaveLength(1);
    } finally {
      await rw.close();
    }
  });
});

describe('effective labels everywhere', () => {
  it('report data, exports and the review filter use the decisions', async () => {
    const path = join(dir, 'effective.duckdb');
    await createFixtureDb(path);
    const store = await openStore(path);
    try {
      await store.addDecisions([
        // corrected: msc_cells -> unrelated (the classifier disagrees)
        dec({ nctId: nct(1001), field: 'category', value: 'unrelated', classifierValue: 'msc_cells' }),
        // accepted: the classifier agrees
        dec({ nctId: nct(1002), field: 'category', value: 'msc_cells', classifierValue: 'msc_cells' }),
        // a decision made when the classifier said something else: it changed since (rule change)
        dec({ nctId: nct(1003), field: 'donor', value: 'autologous', classifierValue: 'autologous' }),
      ]);
      const before = buildReportData(
        (await loadClassified(store, 'fixture')).rows.map((r) => ({
          study: r.study,
          labels: r.review?.classifier ?? r.labels,
        })),
        {
          snapshot: { id: 1, label: 'fixture', createdAt: null, sources: [], studyCount: 8 },
          rulesetVersion: 'test-1',
        },
      );
      const loaded = await loadClassified(store, 'fixture');
      const data = buildReportData(loaded.rows, {
        snapshot: { id: 1, label: 'fixture', createdAt: null, sources: [], studyCount: 8 },
        rulesetVersion: 'test-1',
      });
      expect(data.metrics.flow.included).toBe(before.metrics.flow.included - 1);
      expect(data.review).toMatchObject({ trialsReviewed: 3, fieldsReviewed: 3, fieldsDisagreeing: 2 });
      const classifierDonor = loaded.rows.find((r) => r.study.nctId === nct(1003))!.review!.classifier!.donor;
      expect(data.review!.changedSinceDecision.map((c) => c.nctId)).toEqual(
        classifierDonor === 'autologous' ? [] : [nct(1003)],
      );
      expect(data.notes.join(' ')).toMatch(/3 trials \(3 label fields\) were checked by a reviewer/);

      const exported = [];
      for await (const r of selectStudies(store, 1)) exported.push(r);
      expect(exported.find((r) => r.study.nctId === nct(1001))!.labels!.category).toBe('unrelated');

      expect(applyFilter(loaded.rows, { review: ['reviewed'] }).map((r) => r.study.nctId)).toEqual([
        nct(1001),
        nct(1002),
        nct(1003),
      ]);
      expect(applyFilter(loaded.rows, { review: ['disagrees'] }).map((r) => r.study.nctId)).toContain(
        nct(1001),
      );
      expect(applyFilter(loaded.rows, { review: ['unreviewed'] })).toHaveLength(loaded.rows.length - 3);
    } finally {
      await store.close();
    }
  });
});

describe('latest decision, conflicts and the exchange files', () => {
  const d = (seq: number, reviewer: string, value: string, decidedAt: string): Decision => ({
    seq,
    nctId: nct(1),
    field: 'category',
    value: value as Decision['value'],
    note: null,
    reviewer,
    decidedAt,
    classifierValue: 'msc_cells',
    rulesetVersion: 'v',
    snapshotId: 1,
  });

  it("an overridden value's reason code is the reviewer's; the others stay the classifier's", () => {
    const classifier = labels(nct(1), {
      donor: 'allogeneic',
      routes: ['intravenous'],
      reasons: {
        sources: 'none_stated',
        donor: 'perinatal_implied',
        modifications: 'none_stated',
        biomaterial: 'none_stated',
        routes: 'iv_default.intervention',
        covid19: 'none_stated',
        specialty: 'matched',
        product: 'none_named',
        dose: 'none_stated',
      },
    });
    const decided = new Map([
      ['donor', { ...d(1, 'ana', 'autologous', '2026-12-01T00:00:00Z'), field: 'donor' } as Decision],
      [
        'routes',
        { ...d(2, 'ana', ['intravenous'] as never, '2026-12-01T00:00:00Z'), field: 'routes' } as Decision,
      ],
    ] as const);
    const eff = effectiveLabels(classifier, decided);
    expect(eff.donor).toBe('autologous');
    // the routes decision agrees with the classifier: not overridden, its code stays
    expect(eff.reasons).toMatchObject({
      donor: 'reviewer',
      routes: 'iv_default.intervention',
      sources: 'none_stated',
    });
    expect(classifier.reasons!.donor).toBe('perinatal_implied');
    // labels stored before the codes existed get none
    const { reasons: _r, ...old } = classifier;
    expect(effectiveLabels(old, decided).reasons).toBeUndefined();
  });

  it('the latest by time wins, whoever appended last', () => {
    const ds = [
      d(1, 'ana', 'unrelated', '2026-12-02T00:00:00Z'),
      d(2, 'ben', 'msc_cells', '2026-12-01T00:00:00Z'),
    ];
    expect(latestDecisions(ds).get(nct(1))!.get('category')!.reviewer).toBe('ana');
  });

  it("lists conflicts between reviewers, using each reviewer's latest decision", () => {
    const ds = [
      d(1, 'ana', 'unrelated', '2026-12-01T00:00:00Z'),
      d(2, 'ben', 'unrelated', '2026-12-01T00:00:00Z'),
      d(3, 'ben', 'msc_cells', '2026-12-03T00:00:00Z'),
    ];
    const c = reviewerConflicts(ds);
    expect(c).toHaveLength(1);
    expect(c[0]!.decisions.map((x) => [x.reviewer, x.value])).toEqual([
      ['ana', 'unrelated'],
      ['ben', 'msc_cells'],
    ]);
    expect(reviewerConflicts(ds.slice(0, 2))).toEqual([]);
  });

  it('round-trips through JSON lines and CSV', () => {
    const ds: Decision[] = [
      { ...d(1, 'ana', 'unrelated', '2026-12-01T00:00:00.000Z'), note: 'a "quoted", note' },
      {
        seq: 2,
        nctId: nct(2),
        field: 'sources',
        value: [],
        note: null,
        reviewer: 'ben b',
        decidedAt: '2026-12-01T00:00:00.000Z',
        classifierValue: ['adipose', 'bone_marrow'],
        rulesetVersion: 'v',
        snapshotId: null,
      },
      {
        seq: 3,
        nctId: nct(3),
        field: 'product',
        value: null,
        note: null,
        reviewer: 'ana',
        decidedAt: '2026-12-01T00:00:00.000Z',
        classifierValue: null,
        rulesetVersion: null,
        snapshotId: 2,
      },
    ];
    const strip = (x: Decision[]) => x.map(({ seq: _seq, ...rest }) => rest);
    expect(parseDecisions(formatDecisions(ds, 'jsonl'), 'x.jsonl')).toEqual(strip(ds));
    expect(parseDecisions(formatDecisions(ds, 'csv'), 'x.csv')).toEqual(strip(ds));
  });

  it('names the file, line and field of a bad row', () => {
    const good = formatDecisions([d(1, 'ana', 'unrelated', '2026-12-01T00:00:00.000Z')], 'jsonl');
    const bad = good.replace('"unrelated"', '"msc_cellz"');
    expect(() => parseDecisions(good + bad, 'two.jsonl')).toThrow(
      /two\.jsonl: record 2 \(line 2\), field "value": invalid value "msc_cellz"/,
    );
    expect(() => parseDecisions('nct_id,field\nNCT00000001,category\n', 'x.csv')).toThrow(
      /x\.csv \(line 1\): not a decisions file: missing column\(s\) value, reviewer/,
    );
  });

  it('summarizes reviewed trials and fields', () => {
    expect(reviewSummary([]).trialsReviewed).toBe(0);
  });
});
