/**
 * Issue 16 #3: every CSV mscope writes (studies --format csv, report tables/*.csv, /api/export.csv) goes through one
 * writer that neutralises spreadsheet formulas, and report.md escapes HTML in registry text. Hand-made records whose
 * title, sponsor, condition and country start with formula characters or carry markup. Needs `npm run build`.
 */
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvText, safeCell } from '../../src/present/csv.js';
import { runCli } from '../helpers/cli.js';

const EVIL = ['=HYPERLINK("http://x")', '+1+2', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'];

/** True when a parsed CSV cell would be run by a spreadsheet as a formula. */
const dangerous = (cell: string): boolean =>
  /^[=+\-@\t\r]/.test(cell) && !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(cell);

function record(i: number, title: string, country: string): Record<string, unknown> {
  return {
    protocolSection: {
      identificationModule: { nctId: `NCT9600000${i}`, briefTitle: title },
      statusModule: {
        overallStatus: 'RECRUITING',
        startDateStruct: { date: '2020-05' },
        studyFirstPostDateStruct: { date: '2020-04-02' },
        lastUpdatePostDateStruct: { date: '2021-01-10' },
      },
      sponsorCollaboratorsModule: { leadSponsor: { name: title, class: 'OTHER' } },
      descriptionModule: {
        briefSummary: 'Umbilical cord mesenchymal stem cells given intravenously for COVID-19.',
      },
      conditionsModule: { conditions: ['COVID-19', title] },
      designModule: { studyType: 'INTERVENTIONAL', phases: ['PHASE2'], enrollmentInfo: { count: 40 } },
      armsInterventionsModule: {
        interventions: [
          {
            type: 'BIOLOGICAL',
            name: 'Umbilical cord MSCs',
            description: 'Allogeneic UC-MSCs, intravenous.',
          },
        ],
      },
      contactsLocationsModule: { locations: [{ facility: 'Site', city: 'X', country }] },
    },
  };
}

let dir: string;
let db: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mscope-inject-'));
  db = join(dir, 'm.duckdb');
  const recs = EVIL.map((e, i) =>
    record(i + 1, `${e} MSC trial <script>alert(1)</script><img src=x onerror=alert(2)>`, e),
  );
  const file = join(dir, 'evil.json');
  await writeFile(file, JSON.stringify(recs));
  const r = await runCli(['--db', db, 'run', '--from', file, '--out', join(dir, 'rep')]);
  expect(r.code, r.stderr).toBe(0);
});

describe('the one CSV writer', () => {
  it('neutralises formula starts and leaves plain numbers alone', () => {
    for (const e of EVIL) expect(safeCell(e)).toBe(`'${e}`);
    for (const n of ['-5', '+3', '-1.5e3', '42']) expect(safeCell(n)).toBe(n);
    expect(safeCell(null)).toBe('');
    expect(safeCell(true)).toBe('true');
    expect(parse(csvText([['a', '=1+1', -5]]))).toEqual([['a', "'=1+1", '-5']]);
  });

  it('studies --format csv writes no cell a spreadsheet would run', async () => {
    const r = await runCli(['--db', db, 'studies', '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = parse(r.stdout) as string[][];
    expect(rows.length).toBe(EVIL.length + 1);
    const bad = rows.flat().filter(dangerous);
    expect(bad).toEqual([]);
    expect(rows.flat().some((c) => c.startsWith("'=HYPERLINK"))).toBe(true);
  });

  it("the report's tables/*.csv write no cell a spreadsheet would run", async () => {
    const files = (await readdir(join(dir, 'rep', 'tables'))).filter((f) => f.endsWith('.csv'));
    expect(files.length).toBeGreaterThan(10);
    let neutralised = 0;
    for (const f of files) {
      const rows = parse(await readFile(join(dir, 'rep', 'tables', f), 'utf8'), {
        relax_column_count: true,
      }) as string[][];
      expect(rows.flat().filter(dangerous), f).toEqual([]);
      neutralised += rows.flat().filter((c) => c.startsWith("'")).length;
    }
    expect(neutralised).toBeGreaterThan(0);
  });

  it('report.md shows registry markup as text', async () => {
    const md = await readFile(join(dir, 'rep', 'report.md'), 'utf8');
    expect(md).not.toMatch(/<script|<img/i);
    expect(md).toContain('&lt;script&gt;');
  });
});
