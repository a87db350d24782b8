/**
 * Sentence splitting tuned for scientific prose: a boundary is a `.`, `!` or `?` (with closing quotes/
 * brackets) followed by whitespace and a capital, digit or opening bracket — except after a known
 * abbreviation ("e.g.", "vs.", "et al.", "no."), a single initial ("J. Smith") or inside numbers ("1.5");
 * a blank line (paragraph break) always ends a sentence.
 */
import type { LiteratureRules } from './rules.js';

export interface Span {
  start: number;
  end: number;
  text: string;
}

const CANDIDATE = /[.!?]+["'”’)\]]*(?=\s)/g;
const NEXT_START = /^\s+["'“‘([]?[A-Z0-9\u00C0-\u00DE]/;
const WORD_BEFORE = /([A-Za-z][A-Za-z.]*)$/;

export function splitSentences(
  text: string,
  rules: Pick<LiteratureRules, 'abbreviations' | 'paragraphBreak'>,
): Span[] {
  const cuts: number[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    const end = m.index + m[0].length;
    if (!NEXT_START.test(text.slice(end, end + 4))) continue;
    if (m[0][0] === '.' && m[0].length === 1 && isAbbreviation(text, m.index, rules.abbreviations)) continue;
    cuts.push(end);
  }
  const para = new RegExp(rules.paragraphBreak.source, 'g');
  for (let m = para.exec(text); m; m = para.exec(text)) cuts.push(m.index);
  cuts.sort((a, b) => a - b);
  const out: Span[] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    if (cut <= from) continue;
    pushTrimmed(text, from, cut, out);
    from = cut;
  }
  return out;
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) out.push({ start, end, text: text.slice(start, end) });
}

function isAbbreviation(text: string, dot: number, abbreviations: Set<string>): boolean {
  const before = WORD_BEFORE.exec(text.slice(Math.max(0, dot - 12), dot));
  if (!before) return false;
  const word = before[1]!;
  // "e.g" / "i.e" keep their inner dots; "et al" is two words
  if (abbreviations.has(word.toLowerCase())) return true;
  if (word.length === 1 && /[A-Z]/.test(word)) return true; // an initial: "J. Smith"
  const twoWords = /([A-Za-z]+\s+[A-Za-z]+)$/.exec(text.slice(Math.max(0, dot - 20), dot));
  return !!twoWords && abbreviations.has(twoWords[1]!.toLowerCase().replace(/\s+/g, ' '));
}

/** Index of the sentence containing `pos` (binary search over sorted spans); -1 if none. */
export function sentenceAt(sentences: Span[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return mid;
  }
  // a position in the whitespace between sentences belongs to the one before
  return hi >= 0 ? hi : -1;
}
