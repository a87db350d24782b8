/**
 * Lines over continuous years from a (year, value) metric table, shared by the report's figure and the dashboard's
 * chart of trials per registry over time: every year from the first to the last, a zero where a value has no
 * trials that year (a line never jumps over a year), values in legend order (most trials first). Pure data:
 * no Node or DOM imports (the dashboard bundle imports this file).
 */
import { colourScaleFor, continuousYears, type ColourDimension } from './colours.js';

export interface LinePoint {
  year: string;
  /** The stored value (e.g. "anzctr") and its display name. */
  key: string;
  series: string;
  count: number;
}

export interface YearLines {
  years: string[];
  /** Stored values in legend order. */
  keys: string[];
  points: LinePoint[];
  scale: { domain: string[]; range: string[] };
}

/** `rows`: a table with dims [year, value]; rows of an unknown year are left out. */
export function yearLines(
  rows: ReadonlyArray<{ keys: readonly string[]; count: number }>,
  dim: ColourDimension,
  name: (key: string) => string,
): YearLines {
  const known = rows.filter((r) => /^\d{4}$/.test(r.keys[0] ?? ''));
  const years = continuousYears(known.map((r) => r.keys[0]!));
  const totals = new Map<string, number>();
  const cell = new Map<string, number>();
  for (const r of known) {
    const k = r.keys[1] ?? '';
    totals.set(k, (totals.get(k) ?? 0) + r.count);
    cell.set(`${r.keys[0]}|${k}`, (cell.get(`${r.keys[0]}|${k}`) ?? 0) + r.count);
  }
  const keys = [...totals.keys()].sort((a, b) => totals.get(b)! - totals.get(a)! || a.localeCompare(b));
  const points: LinePoint[] = [];
  for (const k of keys)
    for (const y of years)
      points.push({ year: y, key: k, series: name(k), count: cell.get(`${y}|${k}`) ?? 0 });
  return { years, keys, points, scale: colourScaleFor(dim, keys, name) };
}

/** The x encoding of every chart over continuous years (report and dashboard): ordinal, every year kept in order. */
export function yearAxis(field: string, title: string | null, years: string[]) {
  return {
    field,
    type: 'ordinal' as const,
    title,
    sort: years,
    scale: { domain: years },
    axis: { labelAngle: -45, labelOverlap: true },
  };
}
