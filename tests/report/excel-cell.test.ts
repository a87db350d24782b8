/**
 * tables.xlsx and Excel's cell limit: a value longer than one cell holds (32,767 characters; in a registry-wide
 * report the NCT ids of one metric row) is written as a note naming how many entries it has and the CSV that holds
 * it, never cut silently; the CSV keeps the whole value. Values within the limit are unchanged.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, expect, it } from 'vitest';
import {
  countParts,
  EXCEL_CELL_MAX,
  readableSheet,
  sheetCsv,
  XlsxFileWriter,
  type Sheet,
} from '../../src/present/report/exports.js';
import { LIST_SEPARATOR } from '../../src/present/names.js';

const DIR = mkdtempSync(join(tmpdir(), 'mscope-excel-cell-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

const many = Array.from({ length: 5_000 }, (_, i) => `NCT${String(80_000_000 + i)}`).join(LIST_SEPARATOR);
const few = ['NCT00000001', 'NCT00000002'].join(LIST_SEPARATOR);
const sheet: Sheet = {
  name: 'phases',
  title: 'Phases',
  columns: ['phase', 'trials', 'nct_ids'],
  codeColumns: ['phase'],
  rows: [
    ['PHASE2', 5_000, many],
    ['PHASE1', 2, few],
  ],
};

it('a value longer than an Excel cell becomes a note naming its size and the CSV; the CSV keeps it whole', async () => {
  expect(many.length).toBeGreaterThan(EXCEL_CELL_MAX);
  const r = readableSheet(sheet);
  expect(r.rows[0]![2]).toBe(
    '5,000 entries: longer than one Excel cell holds (32,767 characters); the whole nct_ids value is in tables/phases.csv',
  );
  expect(r.rows[1]![2]).toBe(few);
  expect(r.rows[0]![0]).toBe('Phase 2');
  expect(sheetCsv(sheet)).toContain(many);

  const path = join(DIR, 'tables.xlsx');
  const xlsx = new XlsxFileWriter(path);
  await xlsx.add(r);
  await xlsx.close();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet('phases')!;
  const cells = [2, 3].map((row) => String(ws.getRow(row).getCell(3).value));
  expect(cells[0]).toMatch(/^5,000 entries: longer than one Excel cell/);
  expect(cells[1]).toBe(few);
  for (const c of cells) expect(c.length).toBeLessThanOrEqual(EXCEL_CELL_MAX);
});

it('countParts counts what split would make, without making the parts', () => {
  for (const v of ['', 'a', 'a; b', '; ', 'a; ; b', '; a; ', 'a;b', ';; ;  ; ', 'NCT1; NCT2; NCT3'])
    expect(countParts(v, LIST_SEPARATOR), JSON.stringify(v)).toBe(v.split(LIST_SEPARATOR).length);
});
