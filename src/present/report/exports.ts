/** Tabular exports: one CSV per table under tables/, and tables.xlsx with one sheet per table. */
import { csvText } from '../csv.js';
import ExcelJS from 'exceljs';
import type { DoseStat, MetricTable } from '../../analyze/metrics.js';
import { STUDY_TABLE_COLUMNS, type NamedTable } from '../../analyze/tables.js';
import type { ReportData } from './data.js';
import { LIST_SEPARATOR, nice, NOT_STATED } from '../names.js';
import type { TextSink } from '../stream-out.js';

export interface Sheet {
  /** File stem and sheet name. */
  name: string;
  title: string;
  columns: string[];
  rows: Array<Array<string | number | boolean | null>>;
  /** Columns holding stored codes (one, or a "; " list): shown by their display names in tables.xlsx. */
  codeColumns?: string[];
}

/**
 * The spreadsheet form of a sheet: codes as display names ("PHASE1|PHASE2" -> "Phase 1/2",
 * "TEMPORARILY_NOT_AVAILABLE" -> "Temporarily not available") and "not stated" for an empty cell. The CSV files
 * keep the stored codes and empty cells (what R/Python read back and filter on).
 */
export function readableSheet(s: Sheet): Sheet {
  const codes = new Set(s.codeColumns ?? []);
  const idx = s.columns.map((c) => codes.has(c));
  return {
    ...s,
    rows: s.rows.map((r) =>
      r.map((v, i) => {
        if (v === null || v === '') return NOT_STATED;
        if (idx[i] && typeof v === 'string') v = v.split(LIST_SEPARATOR).map(nice).join(LIST_SEPARATOR);
        if (typeof v === 'string' && v.length > EXCEL_CELL_MAX) return tooLongForExcel(s, s.columns[i]!, v);
        return v;
      }),
    ),
  };
}

/** The most characters one Excel cell holds; a longer text is cut (or the file refused) by Excel. */
export const EXCEL_CELL_MAX = 32_767;

/** v.split(sep).length, without making the parts (a registry-wide id list has hundreds of thousands). */
export function countParts(v: string, sep: string): number {
  let n = 1;
  for (let p = v.indexOf(sep); p >= 0; p = v.indexOf(sep, p + sep.length)) n++;
  return n;
}

/**
 * What tables.xlsx shows instead of a value longer than an Excel cell holds (in a registry-wide report, the NCT ids
 * of one metric row): says so and where the whole value is, never a silently cut list.
 */
function tooLongForExcel(s: Sheet, column: string, v: string): string {
  const items = countParts(v, LIST_SEPARATOR);
  const what =
    items > 1 ? `${items.toLocaleString('en-US')} entries` : `${v.length.toLocaleString('en-US')} characters`;
  return `${what}: longer than one Excel cell holds (32,767 characters); the whole ${column} value is in tables/${s.name}.csv`;
}

export function metricSheet(t: MetricTable): Sheet {
  const hasShare = t.rows.some((r) => r.share !== undefined);
  const hasValue = t.rows.some((r) => r.value !== undefined);
  return {
    name: t.id,
    title: t.title,
    columns: [
      ...t.dims,
      'trials',
      ...(hasShare ? ['share'] : []),
      ...(hasValue ? [t.valueLabel ?? 'value'] : []),
      'nct_ids',
    ],
    codeColumns: [...t.dims],
    rows: t.rows.map((r) => [
      ...r.keys,
      r.count,
      ...(hasShare ? [r.share ?? null] : []),
      ...(hasValue ? [r.value ?? null] : []),
      r.nctIds.join(LIST_SEPARATOR),
    ]),
  };
}

export function namedSheet(t: NamedTable): Sheet {
  return {
    name: t.id,
    title: t.title,
    columns: [...STUDY_TABLE_COLUMNS],
    codeColumns: ['phase', 'status', 'source', 'route', 'donor'],
    rows: t.rows.map((r) => STUDY_TABLE_COLUMNS.map((c) => r[c])),
  };
}

/** Dose (cells/kg) summary statistics grouped by one dimension. */
function doseSheet(name: string, dim: 'route' | 'phase', stats: readonly DoseStat[]): Sheet {
  return {
    name,
    title: `Dose (cells/kg) by ${dim}`,
    columns: [dim, 'n', 'min', 'q1', 'median', 'q3', 'max', 'nct_ids'],
    codeColumns: [dim],
    rows: stats.map((s) => [s.key, s.n, s.min, s.q1, s.median, s.q3, s.max, s.nctIds.join(LIST_SEPARATOR)]),
  };
}

/** A sheet of the report, made when it is written (a registry-wide report does not hold every sheet at once). */
export interface SheetMaker {
  name: string;
  make(): Sheet;
}

export function reportSheets(d: ReportData): Sheet[] {
  return reportSheetMakers(d).map((m) => m.make());
}

/** The report's sheets in order: named tables, metric tables, dose statistics, comparisons. */
export function reportSheetMakers(d: ReportData): SheetMaker[] {
  const makers: SheetMaker[] = [
    ...d.namedTables.map((t) => ({ name: t.id, make: () => namedSheet(t) })),
    ...Object.values(d.metrics.tables).map((t) => ({ name: t.id, make: () => metricSheet(t) })),
    { name: 'doseByRoute', make: () => doseSheet('doseByRoute', 'route', d.metrics.dose.byRoute) },
    { name: 'doseByPhase', make: () => doseSheet('doseByPhase', 'phase', d.metrics.dose.byPhase) },
  ];
  for (const c of d.comparisons) {
    makers.push({
      name: `compare-${c.review}`,
      make: () => ({
        name: `compare-${c.review}`,
        title: `Published vs this snapshot: ${c.citation}`,
        columns: [
          'metric',
          'published_key',
          'published_as_printed',
          'published',
          'this_snapshot',
          'difference',
          'reason',
          'published_note',
        ],
        rows: c.rows.map((r) => [
          r.label,
          r.publishedKey,
          r.publishedRaw,
          r.published,
          r.ours,
          r.difference,
          r.reason,
          r.publishedNote,
        ]),
      }),
    });
    if (c.namedTrials.length)
      makers.push({
        name: `compare-${c.review}-trials`,
        make: () => ({
          name: `compare-${c.review}-trials`,
          title: `Trials named by ${c.citation}`,
          columns: [
            'nct_id',
            'review_context',
            'in_snapshot',
            'first_posted',
            'counted_here',
            'category',
            'why',
          ],
          codeColumns: ['category'],
          rows: c.namedTrials.map((t) => [
            t.nctId,
            t.context,
            t.inSnapshot,
            t.firstPosted,
            t.counted,
            t.category,
            t.why,
          ]),
        }),
      });
  }
  return makers;
}

export function sheetCsv(s: Sheet): string {
  return csvText([s.columns, ...s.rows]);
}

/** sheetCsv(s) written to `out` a few thousand rows at a time (the same text: CSV records are independent). */
export function writeSheetCsv(out: TextSink, s: Sheet): void {
  out.write(csvText([s.columns]));
  const step = 2048;
  for (let i = 0; i < s.rows.length; i += step) out.write(csvText(s.rows.slice(i, i + step)));
}

/** An Excel sheet name: at most 31 characters, none of []:*?/\, unique (case-insensitive) among `used`. */
function sheetName(wanted: string, used: Set<string>): string {
  let name = wanted.replace(/[[\]:*?/\\]/g, '_').slice(0, 31);
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${wanted.slice(0, 28)}~${i}`;
  used.add(name.toLowerCase());
  return name;
}

/** Column widths of a sheet: its longest value among the header and the first 200 rows, + 2, at most 60. */
function columnWidths(s: Sheet): number[] {
  return s.columns.map((c, i) =>
    Math.min(60, Math.max(c.length, ...s.rows.slice(0, 200).map((r) => String(r[i] ?? '').length)) + 2),
  );
}

/** tables.xlsx; `provenance` ("field", "value" rows) becomes the first sheet, named "provenance". */
export async function sheetsXlsx(
  sheets: readonly Sheet[],
  provenance?: ReadonlyArray<readonly [string, string | number]>,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'mscope';
  const used = new Set<string>();
  if (provenance) {
    const ws = wb.addWorksheet(sheetName('provenance', used));
    ws.addRow(['field', 'value']).font = { bold: true };
    for (const [k, v] of provenance) ws.addRow([k, v]);
    ws.getColumn(1).width = 20;
    ws.getColumn(2).width = 100;
    ws.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  }
  for (const s of sheets) {
    const ws = wb.addWorksheet(sheetName(s.name, used));
    ws.addRow(s.columns).font = { bold: true };
    for (const r of s.rows) ws.addRow(r);
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    columnWidths(s).forEach((w, i) => (ws.getColumn(i + 1).width = w));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * tables.xlsx written to a file as the sheets are added (ExcelJS's streaming writer: each row is committed and
 * zipped as it is written), for a report whose tables do not fit in memory as one workbook. The same sheets,
 * names, header fonts, frozen header rows and column widths as sheetsXlsx.
 */
export class XlsxFileWriter {
  private readonly wb: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly used = new Set<string>();

  constructor(path: string, provenance?: ReadonlyArray<readonly [string, string | number]>) {
    this.wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true });
    this.wb.creator = 'mscope';
    if (provenance) {
      const ws = this.wb.addWorksheet(sheetName('provenance', this.used));
      ws.getColumn(1).width = 20;
      ws.getColumn(2).width = 100;
      ws.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
      const head = ws.addRow(['field', 'value']);
      head.font = { bold: true };
      head.commit();
      for (const [k, v] of provenance) ws.addRow([k, v]).commit();
      ws.commit();
    }
  }

  /** Add one sheet (its rows are written and released as they go). */
  async add(s: Sheet): Promise<void> {
    const ws = this.wb.addWorksheet(sheetName(s.name, this.used), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    columnWidths(s).forEach((w, i) => (ws.getColumn(i + 1).width = w));
    const head = ws.addRow(s.columns);
    head.font = { bold: true };
    head.commit();
    for (let i = 0; i < s.rows.length; i++) {
      ws.addRow(s.rows[i]!).commit();
      // let the zip stream drain now and then, so a large sheet is not held as one buffer
      if (i % 2000 === 1999) await new Promise((r) => setImmediate(r));
    }
    ws.commit();
  }

  async close(): Promise<void> {
    await this.wb.commit();
  }
}
