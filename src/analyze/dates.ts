/**
 * Date helpers for partial registry dates ("2021", "2021-07", "2021-07-14").
 * A partial study date is placed at the START of its period ("2021-07" -> "2021-07-01");
 * a partial filter bound is widened to the whole period: lower bounds to its start, upper bounds to its end,
 * so `firstPostedTo=2021` keeps everything posted in 2021. All comparisons are plain string comparisons of
 * zero-padded ISO dates.
 */
import type { PartialDate } from '../model/study.js';

export const ISO_DATE_RE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Years a filter date may name: registry data starts in the 20th century (`0000` is a typing error). */
export const MIN_YEAR = 1800;
export const MAX_YEAR = 2999;

/** A real calendar date YYYY, YYYY-MM or YYYY-MM-DD (no 2021-02-30) of a year MIN_YEAR..MAX_YEAR. */
export function isIsoDate(s: string): boolean {
  if (!ISO_DATE_RE.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number);
  if (y === undefined || y < MIN_YEAR || y > MAX_YEAR) return false;
  if (m !== undefined && (m < 1 || m > 12)) return false;
  if (d !== undefined && (d < 1 || d > new Date(Date.UTC(y, m!, 0)).getUTCDate())) return false;
  return true;
}

/** A study date as a full ISO day, placed at the start of its period; null when absent. */
export function studyDay(d: PartialDate | null | undefined): string | null {
  if (!d) return null;
  return lowerBound(d.value);
}

export function lowerBound(s: string): string {
  if (s.length === 4) return `${s}-01-01`;
  if (s.length === 7) return `${s}-01`;
  return s;
}

export function upperBound(s: string): string {
  if (s.length === 4) return `${s}-12-31`;
  if (s.length === 7) return `${s}-31`;
  return s;
}

/** Calendar year of a partial date, or null. */
export function yearOf(d: PartialDate | null | undefined): string | null {
  return d ? d.value.slice(0, 4) : null;
}
