/**
 * The real corpus (../shared, skipped when absent): `mscope run` ingests + classifies studies.ndjson, then
 * `mscope report --as-of 2021-07-14 --compare jovic2022` writes every file; a sample of report.json counts is
 * reproduced independently by `mscope studies` with the same filter; the HTML renders in headless Chromium.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { METRIC_IDS } from '../../src/analyze/metrics.js';
import { runCli } from '../helpers/cli.js';
import { CLASSIC_NDJSON, PUBLISHED_FIGURES, REPO_ROOT, describeShared } from '../helpers/shared.js';
import { HAS_CHROMIUM, checkReportPage } from './page-check.js';
import ExcelJS from 'exceljs';
import { TABLE_ROWS_SHOWN } from '../../src/present/report/html.js';

const AS_OF = '2021-07-14';

describeShared('report on the real classic corpus', () => {
  let dir: string;
  let db: string;
  let out: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let rep: any;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mscope-shared-report-'));
    db = join(dir, 'm.duckdb');
    const run = await runCli([
      '--db',
      db,
      'run',
      '--from',
      CLASSIC_NDJSON,
      '--label',
      'classic',
      '--out',
      join(dir, 'run'),
    ]);
    expect(run.code, run.stderr).toBe(0);
    out = join(dir, 'report');
    const r = await runCli([
      '--db',
      db,
      'report',
      '--as-of',
      AS_OF,
      '--compare',
      'jovic2022,zhou2021',
      '--published',
      PUBLISHED_FIGURES,
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(join(out, 'report.html'));
    rep = JSON.parse(await readFile(join(out, 'report.json'), 'utf8'));
  }, 300_000);

  it('writes every file with every metric and the comparison', async () => {
    for (const f of ['report.html', 'report.md', 'report.json', 'tables.xlsx'])
      expect(existsSync(join(out, f)), f).toBe(true);
    const figs = await readdir(join(out, 'figures'));
    for (const f of rep.figures) expect(figs).toContain(f.file.replace('figures/', ''));
    expect(Object.keys(rep.metrics.tables).sort()).toEqual([...METRIC_IDS].sort());
    expect(rep.snapshot.studyCount).toBe(1535);
    expect(rep.asOf).toBe(AS_OF);
    expect(rep.metrics.summary.firstPostedMax <= AS_OF).toBe(true);
    const cmp = rep.comparisons[0];
    expect(cmp.review).toBe('jovic2022');
    expect(cmp.publishedAsOf).toBe(AS_OF);
    // every comparison row found its published value and our number
    for (const row of cmp.rows) {
      expect(row.publishedRaw, row.label).not.toBeNull();
      expect(row.ours, row.label).not.toBeNull();
    }
  });

  it('the comparisons cover what each review counts, and the trials it names with the reason', () => {
    const jovic = rep.comparisons.find((c: { review: string }) => c.review === 'jovic2022');
    const ms = jovic.rows.find(
      (r: { publishedKey: string }) => r.publishedKey === 'neurology_detail.multiple_sclerosis',
    );
    expect(ms).toMatchObject({ published: 34 });
    expect(ms.ours).toBeGreaterThan(0);
    expect(
      jovic.rows.find((r: { publishedKey: string }) => r.publishedKey === 'neurology_detail.parkinson')
        .qualifier,
    ).toBe('more than');
    const zhou = rep.comparisons.find((c: { review: string }) => c.review === 'zhou2021');
    const labels = zhou.rows.map((r: { label: string }) => r.label);
    for (const l of [
      'MSC-EV trials registered',
      'CRISPR-modified MSC trials',
      'Genetically modified MSC trials (any method)',
      'COVID-19 MSC trials',
    ])
      expect(labels).toContain(l);
    const crispr = zhou.namedTrials.find((t: { nctId: string }) => t.nctId === 'NCT03855631');
    expect(crispr, 'the CRISPR trial Zhou names').toBeDefined();
    expect(crispr.context).toMatch(/CRISPR/);
    expect(crispr.why.length).toBeGreaterThan(10);
    expect(zhou.namedTrials.length).toBeGreaterThanOrEqual(5);
    for (const t of zhou.namedTrials)
      expect(t.why, t.nctId).toMatch(/^(included|excluded|not in this snapshot|first posted|not classified)/);
  });

  /** `mscope studies` with the same filter as a report number -> number of studies listed. */
  async function studiesCount(filters: string[]): Promise<number> {
    const args = [
      '--db',
      db,
      'studies',
      '--as-of',
      AS_OF,
      '--filter',
      'included=true',
      '--format',
      'ndjson',
      '--fields',
      'nctId',
    ];
    for (const f of filters) args.push('--filter', f);
    const r = await runCli(args);
    expect(r.code, r.stderr).toBe(0);
    return r.stdout.trim() === '' ? 0 : r.stdout.trim().split('\n').length;
  }

  const row = (table: string, key: string) =>
    rep.metrics.tables[table].rows.find((r: { key: string }) => r.key === key)?.count ?? 0;

  it('a sample of report counts is reproduced by `mscope studies` with the same filter', async () => {
    expect(await studiesCount([])).toBe(rep.metrics.summary.counted);
    expect(await studiesCount(['status=COMPLETED'])).toBe(rep.metrics.summary.completed);
    expect(await studiesCount(['phase=PHASE1|PHASE2'])).toBe(row('phases', 'PHASE1|PHASE2'));
    expect(await studiesCount(['country=China'])).toBe(row('trialsByCountry', 'China'));
    expect(await studiesCount(['covid19=true'])).toBe(rep.metrics.summary.covid19);
    expect(await studiesCount(['source=umbilical_cord'])).toBe(row('sources', 'umbilical_cord'));
  }, 120_000);

  it('reads like a report: names not codes (page and spreadsheet), no blank cells, folded long tables, ×10ⁿ doses', async () => {
    const html = await readFile(join(out, 'report.html'), 'utf8');
    // the report's body (the metric tables' notes at the end explain the stored codes on purpose)
    const text = html.slice(0, html.indexOf('id="metrics"')).replace(/<[^>]+>/g, ' ');
    for (const code of ['TEMPORARILY_NOT_AVAILABLE', 'ACTIVE_NOT_RECRUITING', 'PHASE1|PHASE2', '1e+', 'e+6'])
      expect(text, code).not.toContain(code);
    expect(text).toContain('Temporarily not available');
    // the completed-trials table: its first rows, the rest folded, no (empty) Evidence column, no blank cells
    const completed = html.slice(
      html.indexOf('id="named-completedTrials"'),
      html.indexOf('id="named-', html.indexOf('id="named-completedTrials"') + 10),
    );
    expect(rep.metrics.summary.completed).toBeGreaterThan(TABLE_ROWS_SHOWN);
    expect(completed).toContain(`Show the other ${rep.metrics.summary.completed - TABLE_ROWS_SHOWN} trials`);
    expect(completed).not.toContain('<th>Evidence</th>');
    expect(completed).not.toMatch(/<td><\/td>/);
    expect(completed).toContain('not stated');
    // the modifications chart does not draw the unmodified majority; dose axis labels are powers of ten
    const mods = await readFile(join(out, 'figures', 'modifications.svg'), 'utf8');
    expect(mods).not.toContain('>None stated<');
    expect(mods).toMatch(/trials state none/);
    const dose = await readFile(join(out, 'figures', 'dose-by-route.svg'), 'utf8');
    expect(dose).toContain('10⁶');
    expect(dose).not.toMatch(/1e\+\d/);
    // the spreadsheet: readable names and "not stated"; the CSV keeps the codes
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'tables.xlsx'));
    const ws = wb.getWorksheet('completedTrials')!;
    const header = (ws.getRow(1).values as unknown[]).map(String);
    const phases = new Set<string>();
    const cells: string[] = [];
    ws.eachRow((r, i) => {
      if (i === 1) return;
      phases.add(String(r.getCell(header.indexOf('phase')).value));
      (r.values as unknown[]).slice(1).forEach((v) => cells.push(String(v ?? '')));
    });
    expect([...phases].some((p) => /^Phase \d\/\d$/.test(p))).toBe(true);
    for (const p of phases) expect(p).not.toMatch(/PHASE|_/);
    expect(cells).not.toContain('');
    expect(cells).toContain('not stated');
    const statuses = wb.getWorksheet('statuses')!;
    const sv: string[] = [];
    statuses.eachRow((r, i) => i > 1 && sv.push(String(r.getCell(1).value)));
    expect(sv).toContain('Completed');
    expect(sv.join(' ')).not.toMatch(/[A-Z]{3,}_[A-Z]/);
    expect(await readFile(join(out, 'tables', 'statuses.csv'), 'utf8')).toContain('COMPLETED');
  });

  it.skipIf(!HAS_CHROMIUM)(
    'the real report renders in headless Chromium with drawn charts',
    async () => {
      const check = await checkReportPage(
        join(out, 'report.html'),
        join(REPO_ROOT, 'artifacts', 'report-real.png'),
      );
      expect(check.errors).toEqual([]);
      expect(check.requests).toEqual([]);
      expect(check.figures.length).toBe(rep.figures.length);
      for (const f of check.figures) expect(f.marks, f.id).toBeGreaterThan(0);
    },
    60_000,
  );
});
