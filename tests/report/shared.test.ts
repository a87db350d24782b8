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
      'jovic2022',
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
