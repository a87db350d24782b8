/**
 * Text helpers for the classifier. `normalize` maps typographic variants (curly/acute apostrophes, unicode
 * hyphens and dashes, no-break spaces) to ASCII one code unit for one code unit, so offsets into the
 * normalized text ARE offsets into the original: evidence quotes `original.slice(start, end)`.
 */
import type { Study } from '../model/study.js';

const VARIANTS =
  /[\u2018\u2019\u201B\u00B4\u0060\u02BC\u2032\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00A0\u2009\u202F\u00AD]/g;
const TO: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201B': "'",
  '\u00B4': "'",
  '\u0060': "'",
  '\u02BC': "'",
  '\u2032': "'",
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u00A0': ' ',
  '\u2009': ' ',
  '\u202F': ' ',
  '\u00AD': '-',
};

/** Character code -> 1 when `normalize` replaces it (a table: the scan asks this of every non-ASCII character). */
const VARIANT_CODES = ((codes) => {
  const table = new Uint8Array(Math.max(...codes) + 1);
  for (const c of codes) table[c] = 1;
  return table;
})(Object.keys(TO).map((c) => c.charCodeAt(0)));
/** Is this character code one that `normalize` replaces? (All of them are 96 or above.) */
export const isVariantCode = (c: number): boolean => c < VARIANT_CODES.length && VARIANT_CODES[c] === 1;

/** Same-length normalization (every replacement is one UTF-16 unit for one). */
const HAS_VARIANT = new RegExp(VARIANTS.source);
let lastIn = '';
let lastOut = '';
export function normalize(text: string): string {
  // the same text is often normalized several times in a row (dose.ts reads one sentence three ways)
  if (text === lastIn) return lastOut;
  lastIn = text;
  lastOut = HAS_VARIANT.test(text) ? text.replace(VARIANTS, (c) => TO[c] ?? c) : text;
  return lastOut;
}

/** Field paths with an index ("keywords.3"), each built once (the same few indexes recur in every study). */
export function indexedPaths(path: (i: number) => string): (i: number) => string {
  const memo: string[] = [];
  return (i) => (memo[i] ??= path(i));
}

/** Value of a dotted path ("interventions.0.otherNames.1") in a Study; '' when absent or not a string. */
export function getField(study: Study, path: string): string {
  let cur: unknown = study;
  for (const key of path.split('.')) {
    if (cur === null || cur === undefined) return '';
    cur = (cur as Record<string, unknown>)[key];
  }
  return typeof cur === 'string' ? cur : '';
}

/** Bounds of the sentence (or line / list item) around `pos`. */
export function sentenceAround(text: string, pos: number, end = pos): [number, number] {
  let s = pos;
  while (s > 0) {
    const c = text.charCodeAt(s - 1);
    if (c === 10 || c === 13) break;
    if ((c === 46 || c === 59 || c === 33 || c === 63) && s < text.length && text.charCodeAt(s) === 32) break;
    s--;
  }
  let e = end;
  while (e < text.length) {
    const c = text.charCodeAt(e);
    if (c === 10 || c === 13) break;
    if (
      (c === 46 || c === 59 || c === 33 || c === 63) &&
      (e + 1 >= text.length || text.charCodeAt(e + 1) === 32 || text.charCodeAt(e + 1) === 10)
    )
      break;
    e++;
  }
  return [s, e];
}

/** A sentence boundary: a line break, or . ; ! ? followed by a space or a line feed (sentenceStarts). */
const BOUNDARY = /[\n\r]|[.;!?](?=[ \n])/g;

/** Sentence start offsets of a text (same boundaries as sentenceAround), for repeated look-ups. */
export function sentenceStarts(text: string): number[] {
  const starts = [0];
  BOUNDARY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BOUNDARY.exec(text)) !== null) starts.push(m.index + 1);
  return starts;
}

/** [start, end) of the sentence holding [pos, end) given `sentenceStarts` (binary search). */
export function sentenceIn(starts: number[], textLength: number, pos: number, end = pos): [number, number] {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  let j = lo + 1;
  while (j < starts.length && starts[j]! < end) j++;
  return [starts[lo]!, j < starts.length ? starts[j]! : textLength];
}

/** Is `i + 1` a sentence start (the boundaries of sentenceStarts)? */
function boundaryAfter(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 10 || c === 13) return true;
  if (c === 46 || c === 59 || c === 33 || c === 63) {
    const d = text.charCodeAt(i + 1);
    return d === 32 || d === 10;
  }
  return false;
}

/**
 * sentenceIn(sentenceStarts(text), text.length, pos, end), found by looking around the span only: the last
 * sentence start at or before `pos`, and the first one after `pos` at or past `end` (else the text's end).
 */
export function sentenceAt(text: string, pos: number, end = pos): [number, number] {
  let s = pos;
  while (s > 0 && !boundaryAfter(text, s - 1)) s--;
  let e = Math.max(pos + 1, end);
  while (e < text.length && !boundaryAfter(text, e - 1)) e++;
  return [s, Math.min(e, text.length)];
}
