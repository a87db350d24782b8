/**
 * Everything counts trials (issue 12, item 5): a ClinicalTrials.gov record and an ANZCTR / ICTRP registration of
 * the same trial count once in the metrics, the report (flow, tables, figures), the exports and /api/metrics.
 * Fixture: tests/fixtures/trials/count (hand-written; see its SOURCES.md): six registrations of four trials.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyFilter, filterFromQuery } from '../../src/analyze/filter.js';
import { computeMetrics } from '../../src/analyze/metrics.js';
import { collapseTrials } from '../../src/analyze/trials/index.js';
import type { ClassifiedStudy } from '../../src/analyze/types.js';
import {
  classifySnapshot,
  expandInputs,
  ingestSnapshot,
  loadClassifiedRows,
} from '../../src/pipeline/index.js';
import { loadTrialGrouping } from '../../src/pipeline/trials.js';
import { generateReport } from '../../src/present/report/index.js';
import { startServer, type RunningServer } from '../../src/present/server/index.js';
import { openStore } from '../../src/store/index.js';
import { REPO_ROOT } from '../helpers/shared.js';

const FIXTURE = join(REPO_ROOT, 'tests', 'fixtures', 'trials', 'count');
const TRIALS = ['ACTRN12620099999924', 'NCT09999921', 'NCT09999922', 'NCT09999923'];

let dir: string;
let db: string;
let rows: ClassifiedStudy[];
let snapshot: { id: number; label: string | null; createdAt: string; sources: string[]; studyCount: number };
let skipped: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mscope-count-'));
  db = join(dir, 'count.duckdb');
  skipped = [];
  const files = await expandInputs([FIXTURE], skipped);
  const store = await openStore(db);
  try {
    const info = await ingestSnapshot(store, { files }, { label: 'count', worker: false });
    await classifySnapshot(store, info.id, { save: true });
    const loaded = await loadClassifiedRows(store, info.id);
    rows = loaded.rows;
    snapshot = { ...loaded.info };
  } finally {
    await store.close();
  }
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a trial registered in several registries counts once', () => {
  it('the folder holds six registrations; its SOURCES.md is skipped, not read', () => {
    expect(rows).toHaveLength(6);
    expect(skipped.map((p) => p.split(/[\\/]/).pop())).toEqual(['SOURCES.md']);
    expect(rows.every((r) => r.labels?.included === true)).toBe(true);
  });

  it('collapses six registrations into four trials, stating which registration supplied what', () => {
    const { rows: trials, counts } = collapseTrials(rows);
    expect(counts).toEqual({
      registrations: 6,
      trials: 4,
      multiRegistered: 2,
      byRegistry: { anzctr: 2, chictr: 1, ctgov: 3 },
    });
    expect(trials.map((r) => r.study.nctId).sort()).toEqual(TRIALS);
    const knee = trials.find((r) => r.study.nctId === 'NCT09999921')!;
    expect(knee.trial!.registrations).toEqual([
      { registry: 'ctgov', trialId: 'NCT09999921' },
      { registry: 'anzctr', trialId: 'ACTRN12619099999921' },
    ]);
    // the trial is known from its first registration (ANZCTR, 18 April 2019; ClinicalTrials.gov 25 April)
    expect(knee.study.firstPostedDate?.value).toBe('2019-04-18');
    expect(knee.trial!.fieldsFrom.firstPostedDate).toBe('ACTRN12619099999921');
    expect(knee.trial!.fieldsFrom.briefTitle).toBe('NCT09999921');
    expect(knee.trial!.labelsFrom).toBe('NCT09999921');
    const gvhd = trials.find((r) => r.study.nctId === 'NCT09999922')!;
    expect(gvhd.trial!.registrations.map((x) => x.trialId)).toEqual(['NCT09999922', 'ChiCTR1900099922']);
  });

  it('metrics count trials: flow, participants, registries', () => {
    const m = computeMetrics(collapseTrials(rows).rows);
    expect(m.flow.identified).toBe(4);
    expect(m.summary.counted).toBe(4);
    // 60 + 30 + 12 + 16: the second registration's target size is not added again
    expect(m.summary.participants.total).toBe(118);
    expect(m.tables.phases.rows.reduce((a, r) => a + r.count, 0)).toBe(4);
    expect(m.tables.registries.rows.map((r) => [r.key, r.count])).toEqual([
      ['ctgov', 3],
      ['anzctr', 2],
      ['chictr', 1],
    ]);
    expect(m.tables.registryOverTime.rows.map((r) => [r.key, r.count])).toEqual([
      ['2019|anzctr', 1],
      ['2019|chictr', 1],
      ['2019|ctgov', 2],
      ['2020|anzctr', 1],
      ['2022|ctgov', 1],
    ]);
    // registered in: a trial matches each registry of its registrations
    const anz = applyFilter(collapseTrials(rows).rows, filterFromQuery({ registry: 'anzctr' }));
    expect(anz.map((r) => r.study.nctId).sort()).toEqual(['ACTRN12620099999924', 'NCT09999921']);
  });

  it('the grouping read from the database is the one of the rows', async () => {
    const store = await openStore(db, { readOnly: true });
    try {
      const g = await loadTrialGrouping(store, snapshot.id);
      expect(g!.trials.map((t) => t.id).sort()).toEqual(TRIALS);
      expect(collapseTrials(rows, g).counts?.trials).toBe(4);
    } finally {
      await store.close();
    }
  });

  it('the report counts trials in its flow, tables, figures and exports', async () => {
    const out = join(dir, 'report');
    const r = await generateReport(rows, { outDir: out, snapshot, rulesetVersion: 'test' });
    expect(r.data.trials).toEqual({
      registrations: 6,
      trials: 4,
      multiRegistered: 2,
      byRegistry: { anzctr: 2, chictr: 1, ctgov: 3 },
    });
    expect(r.data.metrics.flow.identified).toBe(4);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).toContain('6 registrations in 3 registries merged into 4 trials');
    expect(md).toContain('- Trials after the report filter: 4');
    expect(readFileSync(join(out, 'figures', 'screening-flow.svg'), 'utf8')).toContain(
      'merged into 4 trials',
    );
    const csv = (name: string) =>
      parse(readFileSync(join(out, 'tables', `${name}.csv`), 'utf8'), { columns: true, bom: true }) as Record<
        string,
        string
      >[];
    const sum = (rs: Record<string, string>[]) => rs.reduce((a, x) => a + Number(x.trials), 0);
    expect(sum(csv('phases'))).toBe(4);
    expect(sum(csv('trialsPerFirstPostedYear'))).toBe(4);
    expect(csv('registries').map((x) => [x.registry, x.trials])).toEqual([
      ['ctgov', '3'],
      ['anzctr', '2'],
      ['chictr', '1'],
    ]);
    // a named trial table lists the trial once, under its primary registration
    const ids = new Set(csv('sources').flatMap((x) => x.nct_ids!.split('; ')));
    expect([...ids].sort()).toEqual(TRIALS);
    expect(r.files).toContain('figures/registry-over-time.svg');
    expect(readFileSync(join(out, 'figures', 'registry-over-time.svg'), 'utf8')).toContain('ANZCTR');
  });
});

describe('the dashboard API counts trials', () => {
  let server: RunningServer;
  let base: string;
  beforeAll(async () => {
    server = await startServer({ dbPath: db, port: 0 });
    base = server.url.replace(/\/$/, '');
  }, 60_000);
  afterAll(async () => server?.close());

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies are checked field by field
  const json = async (path: string): Promise<any> => (await fetch(base + path)).json();

  it('/api/metrics and /api/meta', async () => {
    const m = (await json('/api/metrics?ids=true')).metrics;
    expect(m.flow.identified).toBe(4);
    expect(m.summary.counted).toBe(4);
    expect(m.summary.participants.total).toBe(118);
    expect(m.tables.registries.rows.map((r: { key: string; count: number }) => [r.key, r.count])).toEqual([
      ['ctgov', 3],
      ['anzctr', 2],
      ['chictr', 1],
    ]);
    expect((await json('/api/metrics?registry=chictr')).metrics.summary.counted).toBe(1);
    const meta = await json('/api/meta');
    expect(meta.studies).toBe(4);
    expect(meta.trials).toEqual({
      registrations: 6,
      trials: 4,
      multiRegistered: 2,
      byRegistry: { anzctr: 2, chictr: 1, ctgov: 3 },
    });
  });

  it('lists, the CSV export and the study view are per trial; any registration id finds its trial', async () => {
    const list = await json('/api/studies?pageSize=100');
    expect(list.total).toBe(4);
    const csv = parse(await (await fetch(`${base}/api/export.csv`)).text(), {
      columns: true,
      bom: true,
    }) as Record<string, string>[];
    expect(csv.map((r) => r.nct_id).sort()).toEqual(TRIALS);
    expect(csv.find((r) => r.nct_id === 'NCT09999921')!.registrations).toBe(
      'NCT09999921; ACTRN12619099999921',
    );
    const view = await json('/api/studies/ACTRN12619099999921');
    expect(view.summary.nctId).toBe('NCT09999921');
  });
});
