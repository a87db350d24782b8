/**
 * The one CSV writer of mscope: `studies --format csv`, the report's tables/*.csv and the dashboard's
 * /api/export.csv all write through `csvText`, so every cell gets the same quoting and the same neutralising of
 * spreadsheet formulas (CSV injection): a text cell starting with `=`, `+`, `-`, `@`, tab or carriage return gets a
 * leading apostrophe, unless the whole cell is a plain number such as `-5` or `+1.5e3` (no spreadsheet runs that).
 */
import { stringify } from 'csv-stringify/sync';

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/** One cell as text: null/undefined empty, booleans true/false, formula-like text neutralised. */
export function safeCell(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const s = String(v);
  if (typeof v === 'string' && FORMULA_START.test(s) && !PLAIN_NUMBER.test(s)) return `'${s}`;
  return s;
}

/** CSV text of the given rows (RFC 4180 quoting, "\n" line ends), every cell through `safeCell`. */
export function csvText(rows: ReadonlyArray<ReadonlyArray<CsvValue>>): string {
  return stringify(rows.map((r) => r.map(safeCell)));
}
