/**
 * A word index over the studies' lower-cased search texts, for the dashboard's text filter (a substring search):
 * it finds the studies that can contain a needle by looking up words, not by reading every text, and the caller
 * then checks each candidate with the exact substring test (`text.includes(needle)`), so results are unchanged.
 *
 * A word is a maximal run of word characters (ASCII letters and digits, and every code unit above 127); everything
 * else separates words. A text holding the needle holds each word-character run of the needle: a run strictly
 * inside the needle as a whole word, a run at the needle's start as the end of a word, one at its end as the start
 * of a word, and a run that is the whole needle anywhere inside a word. The vocabulary is one string,
 * "\nword\nword\n...", and the words are grouped by their character mask (a bit per letter, per group of digits,
 * one for the code units above 127): a word can hold a run only when its mask covers the run's, so a lookup reads
 * the distinct masks (a few thousand) and compares characters only in the words of the masks that pass. (An
 * `indexOf` scan of the vocabulary costs its length in characters and, for a short pattern, a restart at every
 * occurrence of its first letter: at 600,000 studies the NCT ids alone are 7 MB of vocabulary with a "c" and an
 * "n" in each.) When the masks that pass hold most words (a digit, "n", "c" …), the vocabulary is scanned instead:
 * one `indexOf` per pattern ("\nrun\n", "run\n", "\nrun", "run"). The studies are the union of the matching words'
 * posting lists. Of the needle's runs, the one whose words have the fewest postings is used.
 *
 * Memory: the vocabulary string, two Int32 per distinct word (its offset, its place in the mask groups), one per
 * distinct mask, and one per (study, distinct word) posting.
 * Studies whose text changed after the build (a reviewer decision rebuilding a row) are kept in a small list and
 * are always candidates.
 */
import { IntList } from './int-list.js';
import { lastAtMost } from './sorted-search.js';

/** 1 for the code units that belong to words. */
const WORD = new Uint8Array(128);
for (let c = 48; c <= 57; c++) WORD[c] = 1;
for (let c = 65; c <= 90; c++) WORD[c] = 1;
for (let c = 97; c <= 122; c++) WORD[c] = 1;
const isWord = (c: number): boolean => c >= 128 || WORD[c] === 1;

/**
 * The mask bit of a word character: letters one bit each (either case, as the texts are lower-cased), digits in
 * four groups, code units above 127 one bit. Any fixed map is correct (a word holding a run holds its characters).
 */
function bitOf(c: number): number {
  if (c >= 128) return 1 << 30;
  if (c <= 57) return 1 << (26 + ((c - 48) & 3));
  return 1 << ((c | 32) - 97);
}

/** The mask of `t`'s characters [from, to) (all word characters). */
function maskOf(t: string, from: number, to: number): number {
  let m = 0;
  for (let k = from; k < to; k++) m |= bitOf(t.charCodeAt(k));
  return m;
}

export interface WordIndex {
  /** Studies indexed. */
  size: number;
  /** "\n" + the distinct words joined by "\n" + "\n" (word w starts at wordStart[w]). */
  vocab: string;
  wordStart: Int32Array;
  /** The distinct masks of the words' characters (bitOf); the words of masks[k]: byMask[maskFrom[k] .. maskFrom[k+1]). */
  masks: Int32Array;
  maskFrom: Int32Array;
  byMask: Int32Array;
  /** Postings of word w: studies[offsets[w] .. offsets[w+1]), ascending. */
  offsets: Int32Array;
  studies: Int32Array;
  /** Studies whose text was replaced after the build: always candidates. */
  stale: Set<number>;
}

/** The word index of `n` texts (`text(i)`: study i's search text, lower-cased). */
export function buildWordIndex(n: number, text: (i: number) => string): WordIndex {
  // words found through an open-addressing table of their hashes (no string made per occurrence, only per word)
  let mask = 0xffff;
  let table = new Int32Array(mask + 1);
  const hashes = new IntList();
  const words: string[] = [];
  const count = new IntList();
  const last = new IntList();
  // per study, its distinct word ids (study i's are fwd[from[i] .. from[i+1]))
  const fwd = new IntList(Math.max(1024, n * 16));
  const from = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    from[i] = fwd.length;
    const t = text(i);
    const len = t.length;
    let k = 0;
    while (k < len) {
      while (k < len && !isWord(t.charCodeAt(k))) k++;
      if (k >= len) break;
      const s = k;
      let h = 0x811c9dc5;
      while (k < len) {
        const c = t.charCodeAt(k);
        if (!isWord(c)) break;
        h = Math.imul(h ^ c, 0x01000193);
        k++;
      }
      const wl = k - s;
      let slot = h & mask;
      let id = -1;
      for (;;) {
        const e = table[slot]!;
        if (e === 0) break;
        const w = e - 1;
        if (hashes.data[w] === h && words[w]!.length === wl && sameAt(words[w]!, t, s)) {
          id = w;
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (id < 0) {
        id = words.length;
        words.push(t.slice(s, k));
        hashes.push(h);
        count.push(0);
        last.push(-1);
        table[slot] = id + 1;
        if (words.length * 2 > mask) {
          mask = mask * 2 + 1;
          table = new Int32Array(mask + 1);
          for (let w = 0; w < words.length; w++) {
            let sl = hashes.data[w]! & mask;
            while (table[sl] !== 0) sl = (sl + 1) & mask;
            table[sl] = w + 1;
          }
        }
      }
      if (last.data[id] === i) continue;
      last.data[id] = i;
      count.data[id]!++;
      fwd.push(id);
    }
  }
  from[n] = fwd.length;
  const W = words.length;
  const offsets = new Int32Array(W + 1);
  for (let w = 0; w < W; w++) offsets[w + 1] = offsets[w]! + count.data[w]!;
  const studies = new Int32Array(fwd.length);
  const fill = offsets.slice(0, W);
  for (let i = 0; i < n; i++)
    for (let j = from[i]!; j < from[i + 1]!; j++) studies[fill[fwd.data[j]!]!++] = i;
  const wordStart = new Int32Array(W);
  const wordMask = new Int32Array(W);
  let at = 1;
  for (let w = 0; w < W; w++) {
    wordStart[w] = at;
    wordMask[w] = maskOf(words[w]!, 0, words[w]!.length);
    at += words[w]!.length + 1;
  }
  return {
    size: n,
    vocab: `\n${words.join('\n')}\n`,
    wordStart,
    ...maskGroups(wordMask),
    offsets,
    studies,
    stale: new Set(),
  };
}

/** The words grouped by mask (each group's words ascending). */
function maskGroups(wordMask: Int32Array): Pick<WordIndex, 'masks' | 'maskFrom' | 'byMask'> {
  const group = new Map<number, number>();
  for (let w = 0; w < wordMask.length; w++) group.set(wordMask[w]!, (group.get(wordMask[w]!) ?? 0) + 1);
  const masks = Int32Array.from(group.keys());
  const maskFrom = new Int32Array(masks.length + 1);
  masks.forEach((m, k) => {
    maskFrom[k + 1] = maskFrom[k]! + group.get(m)!;
    group.set(m, k);
  });
  const fill = maskFrom.slice(0, masks.length);
  const byMask = new Int32Array(wordMask.length);
  for (let w = 0; w < wordMask.length; w++) byMask[fill[group.get(wordMask[w]!)!]!++] = w;
  return { masks, maskFrom, byMask };
}

/** True when `t` holds `w` at position `at` (the caller checked there is room). */
function sameAt(w: string, t: string, at: number): boolean {
  for (let j = 0; j < w.length; j++) if (w.charCodeAt(j) !== t.charCodeAt(at + j)) return false;
  return true;
}

/**
 * The words matching one run of the needle and their total postings; null once the total passes `limit` (the run
 * says too little to be worth a lookup). A run inside the needle is a whole word; at the needle's start, a word's
 * end; at its end, a word's start; the whole needle, anywhere in a word.
 */
function runWords(
  ix: WordIndex,
  run: string,
  atStart: boolean,
  atEnd: boolean,
  limit: number,
): { words: number[]; postings: number } | null {
  const { masks, maskFrom, byMask } = ix;
  const m = maskOf(run, 0, run.length);
  // the words whose masks pass: few, each compared; most, the vocabulary scanned
  let passing = 0;
  for (let k = 0; k < masks.length; k++)
    if ((masks[k]! & m) === m) passing += maskFrom[k + 1]! - maskFrom[k]!;
  if (passing > byMask.length >>> 2) return scanWords(ix, run, atStart, atEnd, limit);
  const { vocab, offsets, wordStart } = ix;
  const W = wordStart.length;
  const len = run.length;
  const first = run.charCodeAt(0);
  const words: number[] = [];
  let postings = 0;
  for (let k = 0; k < masks.length; k++) {
    if ((masks[k]! & m) !== m) continue;
    for (let j = maskFrom[k]!; j < maskFrom[k + 1]!; j++) {
      const w = byMask[j]!;
      const s = wordStart[w]!;
      const e = w + 1 < W ? wordStart[w + 1]! - 1 : vocab.length - 1;
      let found = false;
      if (e - s < len) continue;
      if (!atStart && !atEnd) found = e - s === len && vocab.startsWith(run, s);
      else if (!atStart) found = vocab.startsWith(run, s);
      else if (!atEnd) found = vocab.startsWith(run, e - len);
      else
        for (let p = s; p <= e - len && !found; p++)
          found = vocab.charCodeAt(p) === first && vocab.startsWith(run, p);
      if (!found) continue;
      words.push(w);
      postings += offsets[w + 1]! - offsets[w]!;
      if (postings > limit) return null;
    }
  }
  return { words, postings };
}

/** runWords by `indexOf` scans of the vocabulary (the words in vocabulary order). */
function scanWords(
  ix: WordIndex,
  run: string,
  atStart: boolean,
  atEnd: boolean,
  limit: number,
): { words: number[]; postings: number } | null {
  const { vocab, offsets, wordStart } = ix;
  const pattern = (atStart ? '' : '\n') + run + (atEnd ? '' : '\n');
  const lead = atStart ? 0 : 1;
  const words: number[] = [];
  let postings = 0;
  let p = vocab.indexOf(pattern, 0);
  while (p >= 0) {
    // the word whose characters include vocabulary position p + lead
    const w = Math.max(0, lastAtMost(wordStart, p + lead));
    words.push(w);
    postings += offsets[w + 1]! - offsets[w]!;
    if (postings > limit) return null;
    // the next word: past this one's separator
    const next = w + 1 < wordStart.length ? wordStart[w + 1]! - 1 : vocab.length;
    p = vocab.indexOf(pattern, next);
  }
  return { words, postings };
}

/** The best run of the needle (fewest postings) and whether it is the whole needle; null as for wordCandidates. */
function bestRun(
  ix: WordIndex,
  needle: string,
  limit: number,
): { words: number[]; postings: number; whole: boolean } | null {
  let best: { words: number[]; postings: number; whole: boolean } | null = null;
  const len = needle.length;
  let k = 0;
  while (k < len) {
    while (k < len && !isWord(needle.charCodeAt(k))) k++;
    if (k >= len) break;
    const s = k;
    while (k < len && isWord(needle.charCodeAt(k))) k++;
    const r = runWords(ix, needle.slice(s, k), s === 0, k === len, best ? best.postings : limit);
    if (r && (!best || r.postings < best.postings)) best = { ...r, whole: s === 0 && k === len };
  }
  return best;
}

/**
 * Indices (ascending) of the studies that may contain `needle` (lower-cased, non-empty): every study that does is
 * among them. Null when the needle has no word character or only runs matching more than `limit` postings: the
 * caller then tests every study.
 */
export function wordCandidates(ix: WordIndex, needle: string, limit = ix.size): Int32Array | null {
  const work = new Int32Array(ix.size);
  const r = wordCandidatesInto(ix, needle, work, limit);
  return r === null ? null : work.slice(0, r.n);
}

/** Per index: a byte per study, all 0 between calls (wordCandidatesInto's union of several posting lists). */
const marks = new WeakMap<WordIndex, Uint8Array>();

/**
 * wordCandidates written into `work` (a slot per study, ix.size or more), allocating nothing per call: `n` of them,
 * ascending. `exact`: every one of them contains the needle, no substring test needed: the needle is one run of
 * word characters, so each word found holds it, and no study is stale (a stale study's words are not its text's).
 */
export function wordCandidatesInto(
  ix: WordIndex,
  needle: string,
  work: Int32Array,
  limit = ix.size,
): { n: number; exact: boolean } | null {
  const best = bestRun(ix, needle, limit);
  if (!best) return null;
  const { offsets, studies, stale } = ix;
  const exact = best.whole && stale.size === 0;
  if (best.words.length === 1 && stale.size === 0) {
    const w = best.words[0]!;
    work.set(studies.subarray(offsets[w]!, offsets[w + 1]!));
    return { n: offsets[w + 1]! - offsets[w]!, exact };
  }
  // a union: each study marked once, then read back in order (a study can hold several of the words)
  let mark = marks.get(ix);
  if (!mark || mark.length !== ix.size) {
    mark = new Uint8Array(ix.size);
    marks.set(ix, mark);
  }
  for (const w of best.words) for (let j = offsets[w]!; j < offsets[w + 1]!; j++) mark[studies[j]!] = 1;
  for (const i of stale) mark[i] = 1;
  let n = 0;
  if (best.postings + stale.size < ix.size >>> 5) {
    // few: the marked studies gathered unsorted, sorted, and unmarked
    for (const w of best.words)
      for (let j = offsets[w]!; j < offsets[w + 1]!; j++) {
        const i = studies[j]!;
        if (mark[i] === 1) {
          mark[i] = 0;
          work[n++] = i;
        }
      }
    for (const i of stale)
      if (mark[i] === 1) {
        mark[i] = 0;
        work[n++] = i;
      }
    work.subarray(0, n).sort();
  } else {
    // many: one pass over the marks, in order
    for (let i = 0; i < mark.length; i++)
      if (mark[i] === 1) {
        mark[i] = 0;
        work[n++] = i;
      }
  }
  return { n, exact };
}
