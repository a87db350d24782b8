/**
 * Registry date parsing. ClinicalTrials.gov writes dates as "July 14, 2021" / "July 2021" (classic API and
 * website) or "2021-07-14" / "2021-07" (API v2); some exports give a bare year. The precision written is kept.
 *
 * Rule (used consistently by every reader): empty / missing text -> null (no date). Non-empty text that is not
 * one of those shapes, or names an impossible calendar date, throws `DateParseError`; readers catch it and
 * re-throw an InputError naming the file, record and field. A date type the table does not know also throws.
 */
import type { PartialDate } from './study.js';
import { DATE_TYPE, lookup } from './vocab.js';

export class DateParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DateParseError';
  }
}

const MONTHS: Readonly<Record<string, number>> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const WRITTEN = /^([A-Za-z]+)\.?\s+(?:(\d{1,2}),?\s+)?(\d{4})$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

function build(
  year: number,
  month: number | null,
  day: number | null,
  text: string,
): Omit<PartialDate, 'type'> {
  if (year < 1800 || year > 2200) throw new DateParseError(`year out of range in date "${text}"`);
  if (month === null) return { value: String(year), precision: 'year' };
  if (month < 1 || month > 12) throw new DateParseError(`invalid month in date "${text}"`);
  if (day === null) return { value: `${year}-${pad(month)}`, precision: 'month' };
  if (day < 1 || day > daysIn(year, month)) throw new DateParseError(`invalid day in date "${text}"`);
  return { value: `${year}-${pad(month)}-${pad(day)}`, precision: 'day' };
}

/** Map a date type ("Actual", "Anticipated", "Estimate", "ACTUAL", "ESTIMATED") to the v2 enum; empty -> null. */
export function parseDateType(type: string | null | undefined): PartialDate['type'] {
  if (type === null || type === undefined) return null;
  const t = type.trim();
  if (t === '') return null;
  const v = lookup(DATE_TYPE, t);
  if (v === 'ACTUAL' || v === 'ESTIMATED') return v;
  throw new DateParseError(`unknown date type "${type}" (expected Actual, Anticipated/Estimated)`);
}

/**
 * Parse a registry date, keeping its precision. Returns null for null/undefined/blank text.
 * Throws DateParseError for non-empty text that is not a date (see the module comment).
 */
export function parseRegistryDate(text: string | null | undefined, type?: string | null): PartialDate | null {
  if (text === null || text === undefined) return null;
  const t = text.trim();
  if (t === '') return null;
  let parts: Omit<PartialDate, 'type'>;
  const iso = ISO.exec(t);
  if (iso) {
    parts = build(
      Number(iso[1]),
      iso[2] === undefined ? null : Number(iso[2]),
      iso[3] === undefined ? null : Number(iso[3]),
      t,
    );
  } else {
    const w = WRITTEN.exec(t);
    const month = w ? MONTHS[w[1]!.toLowerCase()] : undefined;
    if (!w || month === undefined) throw new DateParseError(`not a date: "${text}"`);
    parts = build(Number(w[3]), month, w[2] === undefined ? null : Number(w[2]), t);
  }
  return { ...parts, type: parseDateType(type) };
}
