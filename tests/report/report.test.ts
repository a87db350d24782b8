/** The report on the hand-made corpus: every file written, report.json complete, comparison computed, HTML self-contained. */
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { METRIC_IDS } from '../../src/analyze/metrics.js';
import { NAMED_TABLES } from '../../src/analyze/tables.js';
import {
  generateReport,
  parseReview,
  resolvePublishedPath,
  type GenerateResult,
} from '../../src/present/report/index.js';
import { MscopeError, UsageError } from '../../src/model/errors.js';
import { REPO_ROOT } from '../helpers/shared.js';
import { corpus } from '../fixtures/analyze/corpus.js';

const PUBLISHED = join(REPO_ROOT, 'tests', 'fixtures', 'analyze', 'published-fake.json');
const snapshot = {
  id: 7,
  label: 'fixture',
  createdAt: '2024-01-01T00:00:00Z',
  sources: ['fixture.json'],
  studyCount: 9,
};

let dir: string;
let res: GenerateResult;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mscope-report-'));
  await writeFile(join(dir, 'keep-me.txt'), 'not ours');
  res = await generateReport(corpus(), {
    outDir: dir,
    snapshot,
    rulesetVersion: 'test-1',
    compare: ['jovic2022', 'zhou2021'],
    publishedFile: PUBLISHED,
  });
});

describe('generateReport on the fixture corpus', () => {
  it('writes every file, and leaves other files in the directory alone', async () => {
    for (const f of ['report.html', 'report.md', 'report.json', 'tables.xlsx', 'figures/screening-flow.svg'])
      expect(existsSync(join(dir, f)), f).toBe(true);
    for (const f of res.data.figures) expect(existsSync(join(dir, f.file)), f.file).toBe(true);
    const csvs = await readdir(join(dir, 'tables'));
    for (const id of [
      ...METRIC_IDS,
      ...NAMED_TABLES.map((t) => t.id),
      'compare-jovic2022',
      'compare-zhou2021',
      'doseByRoute',
    ]) {
      expect(csvs, id).toContain(`${id}.csv`);
    }
    expect(await readFile(join(dir, 'keep-me.txt'), 'utf8')).toBe('not ours');
    expect((await readdir(dir)).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('report.json holds every metric, the named tables, the comparison, snapshot, filter and ruleset', async () => {
    const j = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'));
    expect(Object.keys(j.metrics.tables).sort()).toEqual([...METRIC_IDS].sort());
    expect(j.metrics.flow.identified).toBe(9);
    expect(j.metrics.summary.counted).toBe(6);
    expect(j.metrics.dose.perKgTrials).toBe(2);
    expect(j.namedTables.map((t: { id: string }) => t.id)).toEqual(NAMED_TABLES.map((t) => t.id));
    expect(j.snapshot).toEqual(snapshot);
    expect(j.rulesetVersion).toBe('test-1');
    expect(j.filter).toEqual({});
    expect(j.comparisons.map((c: { review: string }) => c.review)).toEqual(['jovic2022', 'zhou2021']);
    expect(j.figures.length).toBeGreaterThanOrEqual(10);
  });

  it('comparison: published values read from the file, ours from the metrics, difference and reasons', () => {
    const rows = Object.fromEntries(res.data.comparisons[0]!.rows.map((r) => [r.label, r]));
    // fake file says 4 trials; the corpus has 6 included -> +2
    expect(rows['Total trials']).toMatchObject({ published: 4, ours: 6, difference: 2, qualifier: null });
    // "about 3" -> 3 with qualifier; ours: first posted 2006..2015 = #1 (2010), #5 (2015) = 2
    expect(rows['Registered 2006–2015']).toMatchObject({
      publishedRaw: 'about 3',
      published: 3,
      qualifier: 'about',
      ours: 2,
      difference: -1,
    });
    // PHASE1_PHASE2 -> our "PHASE1|PHASE2" key (#2 only); the phases note is carried along
    expect(rows['Phase: PHASE1/PHASE2']).toMatchObject({
      published: 1,
      ours: 1,
      difference: 0,
      publishedNote: 'invented note about phases',
    });
    // "more than 2" completed; ours 3 (#1 #3 #6)
    expect(rows['Status: COMPLETED']).toMatchObject({ published: 2, qualifier: 'more than', ours: 3 });
    // participants full count: China 20+100+24 = 144; US 100+40 = 140 ; split: China 94
    expect(rows['Participants: China (full count)']).toMatchObject({
      published: 100,
      ours: 144,
      difference: 44,
    });
    expect(rows['Participants: China (split evenly)']).toMatchObject({ ours: 94 });
    // entries the file does not have are kept, marked as such
    expect(rows['Phase: PHASE3']).toMatchObject({
      publishedRaw: null,
      difference: null,
      reason: 'the review prints no number for this; registry phase as registered',
    });
    expect(rows['Phase: PHASE3']!.ours).toBe(0);
    const zhou = Object.fromEntries(res.data.comparisons[1]!.rows.map((r) => [r.label, r]));
    // EV trials: #4 only, recruiting -> completed EV = 0
    expect(zhou['MSC-EV trials registered']).toMatchObject({ published: 2, ours: 1 });
    expect(zhou['MSC-EV trials completed']).toMatchObject({ published: 0, ours: 0 });
    // CRISPR counts only genetic modifications whose evidence names CRISPR/Cas9 (none in the fixture)
    expect(zhou['CRISPR-modified MSC trials']).toMatchObject({ published: 1, ours: 0 });
    expect(zhou['Genetically modified MSC trials (any method)']).toMatchObject({
      publishedRaw: null,
      ours: 1,
    });
    // the fake file names no seed text: no named trials, and the report still writes
    expect(res.data.comparisons[1]!.namedTrials).toEqual([]);
    expect(res.data.comparisons[0]!.notes.join(' ')).toMatch(/as of 2021-07-14.*--as-of 2021-07-14/);
  });

  it('HTML is self-contained: inline SVG charts, no scripts or external resources, unique SVG ids', async () => {
    const html = await readFile(join(dir, 'report.html'), 'utf8');
    expect(html).not.toMatch(/<script|<link |<iframe|<img /i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\/(?!clinicaltrials\.gov\/study\/)/);
    const svgs = html.match(/<svg[\s>]/g) ?? [];
    expect(svgs.length).toBe(res.data.figures.length + 1); // + the PRISMA flow
    const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(html).toContain('Published vs this snapshot');
    expect(html).toContain('https://clinicaltrials.gov/study/NCT00000003');
  });

  it('figures are SVG with drawn marks, titles and axis labels', async () => {
    const svg = await readFile(join(dir, 'figures', 'phases.svg'), 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Trials by registry phase');
    expect(svg).toContain('Phase 1/2'); // readable phase names on the axis
    expect((svg.match(/role-mark/g) ?? []).length).toBeGreaterThan(0);
    const flow = await readFile(join(dir, 'figures', 'screening-flow.svg'), 'utf8');
    expect(flow).toContain('Included: 6 studies');
    expect(flow).toContain('mention only in eligibility');
  });

  it('CSV and XLSX tables carry the same numbers as report.json', async () => {
    const rows = parse(await readFile(join(dir, 'tables', 'phases.csv'), 'utf8'), { columns: true }) as Array<
      Record<string, string>
    >;
    expect(rows.map((r) => [r.phase, Number(r.trials)])).toEqual(
      res.data.metrics.tables.phases.rows.map((r) => [r.key, r.count]),
    );
    expect(rows[0]!.nct_ids).toBe('NCT00000001; NCT00000004');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'tables.xlsx'));
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toContain('phases');
    expect(names).toContain('completedTrials');
    expect(names.every((n) => n.length <= 31)).toBe(true);
    const ws = wb.getWorksheet('completedTrials')!;
    expect(ws.getRow(1).values).toContain('hasResults');
    expect(ws.rowCount).toBe(1 + 3); // header + #1 #3 #6
  });

  it('report.md has the flow, the comparison and figure links', async () => {
    const md = await readFile(join(dir, 'report.md'), 'utf8');
    expect(md).toContain('![Screening flow](figures/screening-flow.svg)');
    expect(md).toContain('| Total trials | 4 | 6 | +2 |');
    for (const f of res.data.figures) expect(md).toContain(`](${f.file})`);
  });
});

describe('report options and errors', () => {
  it('--as-of keeps studies first posted on or before the date and says so', async () => {
    const d = await mkdtemp(join(tmpdir(), 'mscope-report-'));
    const r = await generateReport(corpus(), {
      outDir: d,
      snapshot,
      rulesetVersion: 't',
      filter: { asOf: '2020-12-31' },
    });
    // posted on/before 2020-12-31: #1 #2 #3 #5 (+ excluded #7 #8) -> 6 identified, 4 included
    expect(r.data.metrics.flow.identified).toBe(6);
    expect(r.data.metrics.summary.counted).toBe(4);
    expect(r.data.asOf).toBe('2020-12-31');
    expect(r.data.notes.join(' ')).toMatch(/first posted on or before 2020-12-31.*statuses have drifted/);
    // the flow starts from the 9 snapshot records: 3 (#4 #6 #9) are outside the filter
    const flow = await readFile(join(d, 'figures', 'screening-flow.svg'), 'utf8');
    expect(flow).toContain('9 registry records in the snapshot');
    expect(flow).toContain('3  outside the report filter (first posted after 2020-12-31)');
  });

  it('a missing published file is a clear error, and nothing is written', async () => {
    const d = join(await mkdtemp(join(tmpdir(), 'mscope-report-')), 'out');
    await expect(
      generateReport(corpus(), {
        outDir: d,
        snapshot,
        rulesetVersion: 't',
        compare: ['jovic2022'],
        publishedFile: '/nonexistent/published.json',
      }),
    ).rejects.toThrow(/published figures file not found: \/nonexistent\/published.json/);
    expect(existsSync(d)).toBe(false);
    // without --published: found next to the repo (../shared) or a clear error asking for --published
    try {
      expect(resolvePublishedPath(undefined, '/nonexistent-dir')).toMatch(
        /reference\/published-figures\.json$/,
      );
    } catch (e) {
      expect((e as Error).message).toMatch(/published figures file not found .*pass --published FILE/);
    }
  });

  it('releaseRows: the rows given are emptied after the metrics, and every file is the same', async () => {
    const files = async (d: string): Promise<Map<string, string>> => {
      const out = new Map<string, string>();
      for (const sub of ['', 'figures', 'tables'])
        for (const name of await readdir(join(d, sub), { withFileTypes: true }))
          if (name.isFile() && !name.name.endsWith('.xlsx'))
            out.set(join(sub, name.name), await readFile(join(d, sub, name.name), 'utf8'));
      return out;
    };
    const made = async (releaseRows: boolean) => {
      const d = await mkdtemp(join(tmpdir(), 'mscope-report-'));
      const rows = corpus();
      const r = await generateReport(rows, {
        outDir: d,
        snapshot,
        rulesetVersion: 't',
        compare: ['jovic2022', 'zhou2021'],
        publishedFile: PUBLISHED,
        generatedAt: '2026-12-07T00:00:00.000Z',
        releaseRows,
      });
      return { rows, files: await files(d), r };
    };
    const kept = await made(false);
    const released = await made(true);
    expect(kept.rows.length).toBe(9);
    expect(released.rows.length).toBe(0);
    expect(released.r.data.metrics.flow.identified).toBe(9);
    expect([...released.files.keys()].sort()).toEqual([...kept.files.keys()].sort());
    expect(released.files.size).toBeGreaterThan(40);
    for (const [name, text] of kept.files) expect(released.files.get(name), name).toBe(text);
  });

  it('unknown reviews are usage errors', () => {
    expect(() => parseReview('smith2020')).toThrow(UsageError);
    expect(parseReview('zhou2021')).toBe('zhou2021');
  });

  it('a broken published file names the file', async () => {
    const d = await mkdtemp(join(tmpdir(), 'mscope-report-'));
    const bad = join(d, 'bad.json');
    await writeFile(bad, '{"jovic2022": ');
    const compareWithBad = () =>
      generateReport(corpus(), {
        outDir: d,
        snapshot,
        rulesetVersion: 't',
        compare: ['jovic2022'],
        publishedFile: bad,
      });
    await expect(compareWithBad()).rejects.toThrow(new RegExp(`${bad}: not valid published-figures JSON`));
    await expect(compareWithBad()).rejects.toBeInstanceOf(MscopeError);
  });
});
