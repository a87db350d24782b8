/**
 * The documented views (src/store/views.ts, README "The database as an interface"): studies with the labels
 * saved LAST for their snapshot, one row per study, and long tables; read from a plain DuckDB connection to the
 * file, as R or Python would open it. The README's SQL block is run as written.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Labels } from '../../src/model/labels.js';
import { openStore } from '../../src/store/index.js';
import { VIEWS } from '../../src/store/views.js';
import { labels } from '../fixtures/analyze/build.js';
import { REPO_ROOT } from '../helpers/shared.js';
import { fromArray, nct, rec } from './records.js';

let dir: string;
let db: string;
let instance: DuckDBInstance;
let conn: DuckDBConnection;

const rows = async (sql: string) =>
  JSON.parse(
    JSON.stringify((await conn.runAndReadAll(sql)).getRowObjectsJS(), (_k, v) =>
      typeof v === 'bigint' ? Number(v) : v,
    ),
  ) as Array<Record<string, unknown>>;

const v1 = (id: string, l: Partial<Labels> = {}) => labels(id, { rulesetVersion: 'old', ...l });
const v2 = (id: string, l: Partial<Labels> = {}) => labels(id, { rulesetVersion: 'new', ...l });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mscope-views-'));
  db = join(dir, 'mscope.duckdb');
  const store = await openStore(db);
  try {
    const a = await store.createSnapshot(
      { label: 'a', sources: ['a.json'] },
      fromArray([
        rec(nct(1), { countries: ['China', 'United States', 'China'], phases: ['PHASE1', 'PHASE2'] }),
        rec(nct(2), { countries: [], phases: [] }),
        rec(nct(3), { countries: ['Spain'] }),
      ]),
    );
    // an older label set, then the current one: the views must show the second
    await store.saveLabels(a.id, 'old', [
      v1(nct(1), { category: 'unrelated', included: false }),
      v1(nct(2)),
      v1(nct(3)),
    ]);
    await store.saveLabels(a.id, 'new', [
      v2(nct(1), {
        sources: ['umbilical_cord', 'adipose'],
        routes: ['intravenous'],
        dose: {
          value: 1e6,
          valueHigh: 2e6,
          unit: 'cells/kg',
          administrations: 2,
          intervalDays: 7,
          text: '1-2 x 10^6/kg',
        },
      }),
      v2(nct(2), { category: 'unrelated', included: false }),
      v2(nct(3), { sources: ['bone_marrow'], routes: ['intra_articular', 'intravenous'] }),
    ]);
    // a newer snapshot that was never classified
    await store.createSnapshot(
      { label: 'b', sources: ['b.json'] },
      fromArray([rec(nct(4), { countries: ['France'] })]),
    );
  } finally {
    await store.close();
  }
  // as R's duckdb::duckdb(dbdir, read_only = TRUE) or Python's duckdb.connect(path, read_only=True) opens it
  instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
  conn = await instance.connect();
});

afterAll(() => {
  conn?.closeSync();
  instance?.closeSync();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('views of the database', () => {
  it('study_labels: one row per study, with the labels saved last, NULL labels when never classified', async () => {
    const r = await rows(
      `SELECT snapshot_id, nct_id, phase, ruleset_version, included, sources, dose_value, dose_value_high,
              dose_unit, dose_per_kg, dose_administrations, dose_interval_days, countries
       FROM study_labels ORDER BY snapshot_id, nct_id`,
    );
    expect(r).toHaveLength(4);
    expect(r[0]).toMatchObject({
      snapshot_id: 1,
      nct_id: nct(1),
      phase: 'PHASE1|PHASE2',
      ruleset_version: 'new',
      included: true,
      sources: ['umbilical_cord', 'adipose'],
      dose_value: 1e6,
      dose_value_high: 2e6,
      dose_unit: 'cells/kg',
      dose_per_kg: true,
      dose_administrations: 2,
      dose_interval_days: 7,
      countries: ['China', 'United States'],
    });
    expect(r[1]).toMatchObject({ nct_id: nct(2), phase: 'NONE', included: false, dose_value: null });
    expect(r[3]).toMatchObject({ snapshot_id: 2, nct_id: nct(4), ruleset_version: null, included: null });
  });

  it('latest_study_labels is the newest CLASSIFIED snapshot; long tables have one row per value', async () => {
    expect(
      (await rows(`SELECT DISTINCT snapshot_id FROM latest_study_labels`)).map((x) => x.snapshot_id),
    ).toEqual([1]);
    expect(await rows(`SELECT nct_id, source FROM study_sources ORDER BY nct_id, source`)).toEqual([
      { nct_id: nct(1), source: 'adipose' },
      { nct_id: nct(1), source: 'umbilical_cord' },
      { nct_id: nct(3), source: 'bone_marrow' },
    ]);
    expect(await rows(`SELECT route, count(*) AS n FROM study_routes GROUP BY 1 ORDER BY 1`)).toEqual([
      { route: 'intra_articular', n: 1 },
      { route: 'intravenous', n: 2 },
    ]);
    expect(
      await rows(`SELECT snapshot_id, nct_id, included, country FROM study_countries ORDER BY ALL`),
    ).toEqual([
      { snapshot_id: 1, nct_id: nct(1), included: true, country: 'China' },
      { snapshot_id: 1, nct_id: nct(1), included: true, country: 'United States' },
      { snapshot_id: 1, nct_id: nct(3), included: true, country: 'Spain' },
      { snapshot_id: 2, nct_id: nct(4), included: null, country: 'France' },
    ]);
  });

  it('the README names every view, and its SQL runs as written with the expected answers', async () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## The database as an interface'));
    for (const v of VIEWS) expect(section, v.name).toContain(`\`${v.name}\``);
    const sql = /```sql\n([\s\S]*?)```/.exec(section)?.[1];
    expect(sql, 'a ```sql block').toBeDefined();
    const statements = sql!
      .split(';')
      .map((s) => s.replace(/--[^\n]*\n/g, '').trim())
      .filter(Boolean);
    expect(statements.length).toBeGreaterThanOrEqual(4);
    const answers = [];
    for (const st of statements) answers.push(await rows(st));
    expect(answers[0]).toEqual([{ trials: 2 }]);
    expect(answers[1]).toEqual(
      [
        { source: 'adipose', trials: 1 },
        { source: 'bone_marrow', trials: 1 },
        { source: 'umbilical_cord', trials: 1 },
      ].sort((a, b) => b.trials - a.trials),
    );
    expect(answers[2]).toHaveLength(3);
    expect(answers[3]).toEqual([{ route: 'intravenous', median_cells_per_kg: 1e6, trials: 1 }]);
  });
});
