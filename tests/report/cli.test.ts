/**
 * CLI: `mscope run`, `report`, `diff` and the `studies` filter options on hand-made v2 fixtures
 * (tests/fixtures/analyze/trials-{a,b}.json: A has 4 studies, B drops NCT95000004, adds NCT95000005,
 * completes NCT95000002 with results, and changes NCT95000003's route). Needs `npm run build`.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { zip } from '../sources/helpers.js';
import ExcelJS from 'exceljs';
import { REPO_ROOT } from '../helpers/shared.js';

const FX = join(REPO_ROOT, 'tests', 'fixtures', 'analyze');
const PUBLISHED = join(FX, 'published-fake.json');
let dir: string;
let db: string;

/** `report --compare jovic2022` with a --published file that does not exist. */
const missingPublishedArgs = (out: string): string[] => [
  '--db',
  db,
  'report',
  '--compare',
  'jovic2022',
  '--published',
  join(dir, 'nope.json'),
  '--out',
  out,
];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mscope-cli-report-'));
  db = join(dir, 'm.duckdb');
  const a = await runCli([
    '--db',
    db,
    'run',
    '--from',
    join(FX, 'trials-a.json'),
    '--label',
    'a',
    '--out',
    join(dir, 'run-a'),
  ]);
  expect(a.code, a.stderr).toBe(0);
  const b = await runCli([
    '--db',
    db,
    'run',
    '--from',
    join(FX, 'trials-b.json'),
    '--label',
    'b',
    '--out',
    join(dir, 'run-b'),
    '--json',
  ]);
  expect(b.code, b.stderr).toBe(0);
});

describe('mscope run', () => {
  it('ingests, classifies, writes the report and says where it is', async () => {
    const a = JSON.parse(await readFile(join(dir, 'run-a', 'report.json'), 'utf8'));
    expect(a.snapshot).toMatchObject({ id: 1, label: 'a', studyCount: 4 });
    // the HSCT registry study is not an MSC trial: 3 included, 1 excluded
    expect(a.metrics.flow).toMatchObject({ identified: 4, included: 3, excluded: 1, unclassified: 0 });
    for (const f of ['report.html', 'report.md', 'tables.xlsx', 'figures/phases.svg', 'tables/phases.csv']) {
      expect(existsSync(join(dir, 'run-a', f)), f).toBe(true);
    }
  });

  it('exports carry their provenance: the first sheet of tables.xlsx and tables/provenance.json', async () => {
    const out = join(dir, 'run-prov');
    const r = await runCli([
      '--db',
      db,
      'report',
      '--snapshot',
      'a',
      '--as-of',
      '2021-07-14',
      '--filter',
      'phase=PHASE2',
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8'));
    const p = JSON.parse(await readFile(join(out, 'tables', 'provenance.json'), 'utf8'));
    expect(p).toMatchObject({
      generator: { name: 'mscope', version: report.generator.version },
      snapshot: { id: 1, label: 'a', createdAt: report.snapshot.createdAt, studyCount: 4 },
      rulesetVersion: report.rulesetVersion,
      asOf: '2021-07-14',
      filter: { asOf: '2021-07-14', phase: ['PHASE2'] },
    });
    expect(p.command).toBe(
      `mscope --db ${db} report --snapshot a --as-of 2021-07-14 --filter phase=PHASE2 --out ${out}`,
    );
    expect(p.files).toContain('phases.csv');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'tables.xlsx'));
    const first = wb.worksheets[0]!;
    expect(first.name).toBe('provenance');
    const cells = new Map<string, unknown>();
    first.eachRow((row) => cells.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(cells.get('snapshot id')).toBe(1);
    expect(cells.get('snapshot date')).toBe(report.snapshot.createdAt);
    expect(cells.get('ruleset version')).toBe(report.rulesetVersion);
    expect(cells.get('as-of date')).toBe('2021-07-14');
    expect(cells.get('filters')).toBe('phase=PHASE2; asOf=2021-07-14');
    expect(cells.get('mscope version')).toBe(report.generator.version);
    expect(cells.get('command')).toBe(p.command);
  });

  it('--json prints the created snapshot and the report location', async () => {
    const r = await runCli([
      '--db',
      join(dir, 'json.duckdb'),
      'run',
      '--from',
      join(FX, 'trials-a.json'),
      '--out',
      join(dir, 'run-json'),
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.snapshotCreated.studyCount).toBe(4);
    expect(j.report).toBe(join(dir, 'run-json', 'report.html'));
    expect(j.summary.included).toBe(3);
  });

  it('--from takes several files into one snapshot (newest record of an NCT id wins)', async () => {
    const r = await runCli([
      '--db',
      join(dir, 'multi.duckdb'),
      'run',
      '--from',
      join(FX, 'trials-a.json'),
      join(FX, 'trials-b.json'),
      '--out',
      join(dir, 'run-multi'),
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    // A: 95000001-4, B: 95000001-3 + 95000005 -> 5 distinct studies, 3 duplicates dropped
    expect(j.snapshotCreated).toMatchObject({ studyCount: 5, duplicatesDropped: 3 });
    expect(j.snapshotCreated.sources).toHaveLength(2);
  });

  it('--from follows the input rules of ingest: a directory expands to its files, zips included', async () => {
    const inputs = join(dir, 'inputs');
    await mkdir(join(inputs, 'nested'), { recursive: true });
    await copyFile(join(FX, 'trials-a.json'), join(inputs, 'a.json'));
    await writeFile(
      join(inputs, 'nested', 'b.zip'),
      zip({ 'b.json': await readFile(join(FX, 'trials-b.json'), 'utf8') }),
    );
    await writeFile(join(inputs, '.hidden.json'), 'not registry data');
    const r = await runCli([
      '--db',
      join(dir, 'dir.duckdb'),
      'run',
      '--from',
      inputs,
      '--out',
      join(dir, 'run-dir'),
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.snapshotCreated).toMatchObject({ studyCount: 5, duplicatesDropped: 3 });
    expect(j.snapshotCreated.sources).toEqual([join(inputs, 'a.json'), join(inputs, 'nested', 'b.zip')]);
    const ingest = await runCli(['--db', join(dir, 'dir-ingest.duckdb'), 'ingest', inputs, '--json']);
    expect(JSON.parse(ingest.stdout).snapshot.studyCount).toBe(5);
    const empty = join(dir, 'empty-inputs');
    await mkdir(empty);
    const e = await runCli([
      '--db',
      join(dir, 'empty.duckdb'),
      'run',
      '--from',
      empty,
      '--out',
      join(dir, 'z'),
    ]);
    expect(e.code).toBe(1);
    expect(e.stderr).toContain('directory holds no files');
    expect(existsSync(join(dir, 'empty.duckdb'))).toBe(false);
  });

  it('bad options fail before anything is created', async () => {
    const fresh = join(dir, 'never.duckdb');
    const r = await runCli([
      '--db',
      fresh,
      'run',
      '--from',
      join(FX, 'trials-a.json'),
      '--compare',
      'nobody2020',
      '--out',
      join(dir, 'x'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--compare: unknown review "nobody2020"/);
    expect(existsSync(fresh)).toBe(false);
    const bad = await runCli([
      '--db',
      fresh,
      'run',
      '--from',
      join(FX, 'trials-a.json'),
      '--as-of',
      '2021-02-30x',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/parameter "as-of": invalid value "2021-02-30x"/);
  });

  it('a missing input file is a clear error and creates no snapshot', async () => {
    const r = await runCli(['--db', db, 'run', '--from', join(dir, 'missing.json'), '--out', join(dir, 'y')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('missing.json');
    const snaps = await runCli(['--db', db, 'snapshots', '--json']);
    expect(JSON.parse(snaps.stdout)).toHaveLength(2);
  });
});

describe('mscope report', () => {
  it('reports a chosen snapshot with --as-of and --compare, JSON summary on stdout', async () => {
    const out = join(dir, 'rep');
    const r = await runCli([
      '--db',
      db,
      'report',
      '--snapshot',
      'a',
      '--as-of',
      '2019-12-31',
      '--compare',
      'jovic2022,zhou2021',
      '--published',
      PUBLISHED,
      '--out',
      out,
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    // first posted on/before 2019-12-31: NCT95000001 (2015), NCT95000003 (2018), NCT95000004 (2012, excluded)
    expect(j.summary).toMatchObject({ studies: 3, included: 2, excluded: 1 });
    expect(j.filter).toEqual({ asOf: '2019-12-31' });
    const rep = JSON.parse(await readFile(join(out, 'report.json'), 'utf8'));
    expect(rep.comparisons).toHaveLength(2);
    expect(rep.asOf).toBe('2019-12-31');
    const html = await readFile(join(out, 'report.html'), 'utf8');
    expect(html).toContain('first posted on or before 2019-12-31');
  });

  it('--filter restricts the studies', async () => {
    const r = await runCli([
      '--db',
      db,
      'report',
      '--snapshot',
      '1',
      '--filter',
      'country=China',
      '--out',
      join(dir, 'rep-china'),
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).summary.studies).toBe(2); // NCT95000001, NCT95000002
  });

  // args are functions: `dir` and `db` are set in beforeAll
  it.each([
    {
      name: 'unknown filter key',
      args: () => ['--db', db, 'report', '--filter', 'colour=red', '--out', join(dir, 'z')],
      code: 2,
      stderr: /unknown filter parameter "colour"/,
    },
    {
      name: 'bad filter value',
      args: () => ['--db', db, 'report', '--filter', 'route=by_mail', '--out', join(dir, 'z')],
      code: 2,
      stderr: /parameter "route": invalid value "by_mail"/,
    },
    {
      name: 'published figures file not found',
      args: () => missingPublishedArgs(join(dir, 'z')),
      code: 1,
      stderr: /published figures file not found: .*nope\.json/,
    },
    {
      name: 'unknown snapshot',
      args: () => ['--db', db, 'report', '--snapshot', '99', '--out', join(dir, 'z')],
      code: 1,
    },
    {
      name: 'absent database',
      args: () => ['--db', join(dir, 'absent.duckdb'), 'report', '--out', join(dir, 'z')],
      code: 1,
      stderr: /absent\.duckdb/,
    },
  ])('usage and input errors: $name', async ({ args, code, stderr }) => {
    const r = await runCli(args());
    expect(r.code).toBe(code);
    if (stderr) expect(r.stderr).toMatch(stderr);
    expect(existsSync(join(dir, 'z'))).toBe(false);
  });

  it('a failed report leaves an existing report untouched', async () => {
    const out = join(dir, 'run-a');
    const before = await stat(join(out, 'report.json'));
    const r = await runCli(missingPublishedArgs(out));
    expect(r.code).toBe(1);
    expect((await stat(join(out, 'report.json'))).mtimeMs).toBe(before.mtimeMs);
  });
});

describe('mscope diff', () => {
  it('lists new, removed, status, results and label changes', async () => {
    const r = await runCli(['--db', db, 'diff', 'a', 'b', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.added.map((x: { nctId: string }) => x.nctId)).toEqual(['NCT95000005']);
    expect(d.removed.map((x: { nctId: string }) => x.nctId)).toEqual(['NCT95000004']);
    expect(d.statusChanges).toEqual([
      expect.objectContaining({ nctId: 'NCT95000002', from: 'RECRUITING', to: 'COMPLETED' }),
    ]);
    expect(d.resultsNewlyPosted.map((x: { nctId: string }) => x.nctId)).toEqual(['NCT95000002']);
    expect(d.labelChanges).toContainEqual(
      expect.objectContaining({
        nctId: 'NCT95000003',
        field: 'routes',
        from: 'local_injection',
        to: 'intravenous',
      }),
    );
  });

  it('prints a readable summary and fails clearly on an unknown snapshot', async () => {
    const r = await runCli(['--db', db, 'diff', '1', '2']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/new studies: 1\n {2}\+ NCT95000005/);
    expect(r.stdout).toMatch(/status changes: 1\n {2}NCT95000002 {2}RECRUITING -> COMPLETED/);
    const bad = await runCli(['--db', db, 'diff', '1', 'nosuch']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/nosuch/);
  });
});

describe('mscope studies with the shared filter', () => {
  it('counts match the report for the same filter', async () => {
    const r = await runCli([
      '--db',
      db,
      'studies',
      '--snapshot',
      'b',
      '--filter',
      'included=true',
      '--filter',
      'status=COMPLETED',
      '--format',
      'ndjson',
      '--fields',
      'nctId',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const ids = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).nctId);
    const rep = JSON.parse(await readFile(join(dir, 'run-b', 'report.json'), 'utf8'));
    expect(ids.length).toBe(rep.metrics.summary.completed);
    expect(ids.sort()).toEqual(
      rep.namedTables
        .find((t: { id: string }) => t.id === 'completedTrials')
        .rows.map((x: { nctId: string }) => x.nctId)
        .sort(),
    );
  });
});
