/**
 * The generic matcher: every term of the given rules files (and every product name) is compiled ONCE (one set
 * case-insensitive, one for the few case-sensitive acronyms). A single left-to-right pass over a field visits
 * each word start once; there a gate (a trie of the possible beginnings of every pattern, up to 16 characters)
 * names the few patterns that can match, and only those are tried, in the global order (longest first), each
 * as a sticky RegExp. The result is what one alternation of all patterns tried at every word start would give
 * (the reference path, `gated: false`, tested against the gate in tests/classify/fastpath.test.ts). Word
 * boundaries are ASCII letters/digits; text is normalized same-length (text.ts) so offsets are exact.
 */
import { MscopeError } from '../model/errors.js';
import type { Rules } from './rules.js';
import {
  captureGroups,
  effectiveLength,
  prefixesK,
  splitLookbehind,
  wordStartLiterals,
} from './firstchars.js';
import { isVariantCode, normalize } from './text.js';

export interface CompiledTerm {
  family: string;
  value: string;
  rule: string;
  also: Record<string, string>;
}

export interface Match extends CompiledTerm {
  field: string;
  start: number;
  end: number;
  text: string;
}

export interface Matcher {
  /** Like scan, memoized by text for short texts (conditions, MeSH terms and titles repeat across studies). */
  scanCached(text: string, field: string): Match[];
  /** Like scanCached, without copies: the matches (field '') are shared and must not be modified. */
  scanShared(text: string): readonly Match[];
  /** Number of compiled patterns. */
  size: number;
  /** Every match in `text`, appended to `out`; `make` builds each match object (default: a plain Match). */
  scan<M extends Match = Match>(text: string, field: string, out?: M[], make?: MakeMatch<M>): M[];
}

/** Builds a match object (callers may extend Match with fields of their own, set in one go). */
export type MakeMatch<M extends Match> = (
  term: CompiledTerm,
  field: string,
  start: number,
  end: number,
  text: string,
) => M;

interface Alt {
  source: string;
  term: CompiledTerm;
}

export const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A product name as a pattern: hyphens/spaces between parts optional and interchangeable. */
export function namePattern(name: string): string {
  return name
    .split(/[-\s]+/)
    .map(escapeRe)
    .join('[-\\s]?');
}

function checkPattern(p: string, where: string): void {
  try {
    new RegExp(p); // a syntax error is thrown here; the pattern is compiled only when first run
  } catch (e) {
    throw new MscopeError(`${where}: invalid pattern /${p}/: ${(e as Error).message}`);
  }
  if (captureGroups(p) !== 0)
    throw new MscopeError(`${where}: pattern /${p}/ must not use capturing groups; use (?:...)`);
}

/**
 * The patterns to try at a position, in the global order. Gated slots try them one by one (a sticky RegExp per
 * pattern, `test` only: no match array); the reference slot is one alternation with a capture group per pattern.
 * Both find the same match: the first pattern, in order, that matches followed by a word boundary, the way the
 * first matching alternative of the alternation would.
 */
interface Slot {
  terms: CompiledTerm[];
  each: RegExp[] | null;
  /** Per pattern of `each`: its leading lookbehind, tested after the rest matched (null: none split off). */
  behind: Array<RegExp | null> | null;
  /** Per pattern of `each`: its index in the gate's order when it has word-start literals (Gate.cue), else -1. */
  cue: Int32Array | null;
  all: RegExp | null;
}

/** A gated pattern: its sticky RegExp, and its leading positive lookbehind split off (firstchars.ts). */
interface Single {
  re: RegExp;
  behind: RegExp | null;
}

/** Table index of a character: ASCII as is (lower-cased when folding), every other character (and none) 0. */
const code = (c: number, fold: boolean): number => (!(c < 128) ? 0 : fold && c >= 65 && c <= 90 ? c + 32 : c);

/** How many leading characters of a word the gate looks at. */
const DEPTH = 16;

/**
 * The gate: a trie of the possible beginnings (up to DEPTH characters, firstchars.ts) of every pattern. Walking
 * it along the text at a word start reaches a node whose slot holds, in the global order, every pattern that can
 * match there; most word starts reach no pattern at all. Any alternation holding every alternative that can
 * match at a position finds what the full alternation finds there, so beginnings need only be over-estimated.
 */
interface Gate {
  /** ASCII character code -> symbol, folded when folding (0: no pattern has that character). */
  symbolOf: Uint8Array;
  /** Symbol of every other character (non-ASCII, or past the end of the text). */
  other: number;
  symbols: number;
  /**
   * Node * symbols + symbol -> (child << 2) | (2 when the child has cues, see `cueAt`) | (1 when it has a slot), or 0
   * (no child; node 0 is the root). The flags spare the walk a load of `cueAt` and `slots` per step.
   */
  next: Int32Array;
  /** 1 when the root has a slot (a pattern whose beginnings could not be bounded), else 0. */
  rootFlags: number;
  /** Slot per node (null: no pattern can match on this path). */
  slots: Array<Slot | null>;
  /** ASCII character code -> 1 when some pattern (or word-start literal, see `cueAt`) may begin with it. */
  first: Uint8Array;
  /**
   * Node -> indexes (in the global order) of the patterns one of whose word-start literals (firstchars.ts
   * wordStartLiterals) ends at that node, or null. Such a pattern cannot match at a word start past the last
   * word start where the walk met one of its literals: it is not tried there.
   */
  cueAt: Array<Int32Array | null>;
  /** Per pattern: the last word start where one of its literals was met, valid when `cueRun` is the scan's run. */
  cuePos: Int32Array;
  cueRun: Int32Array;
  size: number;
}

function beginnings(source: string, fold: boolean): Set<string> | null {
  for (let k = DEPTH; k >= 1; k--) {
    const p = prefixesK(source, fold, k);
    if (p !== null) return p;
  }
  return null;
}

const WORD_END = '(?![A-Za-z0-9])';

function slotOf(
  sorted: Alt[],
  idx: number[],
  fold: boolean,
  single: Single[] | null,
  cued: ReadonlyArray<readonly string[] | null>,
): Slot {
  const terms = idx.map((i) => sorted[i]!.term);
  if (single !== null) {
    const chosen = idx.map((i) => single[i]!);
    const behind = chosen.some((x) => x.behind !== null) ? chosen.map((x) => x.behind) : null;
    const cue = idx.some((i) => cued[i] !== null) ? Int32Array.from(idx, (i) => (cued[i] ? i : -1)) : null;
    return { terms, each: chosen.map((x) => x.re), behind, cue, all: null };
  }
  const all = new RegExp(
    '(?:' + idx.map((i) => '(' + sorted[i]!.source + ')').join('|') + ')' + WORD_END,
    fold ? 'iy' : 'y',
  );
  return { terms, each: null, behind: null, cue: null, all };
}

function single(source: string, fold: boolean): Single {
  const flags = fold ? 'iy' : 'y';
  const split = splitLookbehind(source);
  if (split === null) return { re: new RegExp('(?:' + source + ')' + WORD_END, flags), behind: null };
  return {
    re: new RegExp('(?:' + split.body + ')' + WORD_END, flags),
    behind: new RegExp('(?<=' + split.behind + ')', flags),
  };
}

/** `gated` false: one full alternation at every word start (the reference the gate is tested against). */
function build(alts: Alt[], fold: boolean, gated: boolean): Gate {
  // Longer patterns first (lookarounds not counted): at one position the first alternative that matches wins.
  const sorted = [...alts].sort((a, b) => effectiveLength(b.source) - effectiveLength(a.source));
  const entries = sorted.map((a) => (gated ? beginnings(a.source, fold) : null));
  const cued = sorted.map((a) => (gated ? wordStartLiterals(a.source, fold) : null));
  const alphabet = new Uint8Array(128);
  let symbols = 1;
  for (const e of [...entries, ...cued]) {
    for (const x of e ?? []) {
      for (let j = 0; j < x.length; j++) {
        const c = code(x.charCodeAt(j), fold);
        if (alphabet[c] === 0) alphabet[c] = symbols++;
      }
    }
  }
  // Trie of the beginnings; accept[node]: patterns whose beginning ends at that node. The word-start literals
  // are paths of the same trie; cues[node]: patterns one of whose literals ends there (such nodes may accept no
  // pattern: the slots stay the same).
  const children: number[][] = [[]];
  const accept: number[][] = [[]];
  const cues: number[][] = [[]];
  /** The node at the end of the path of `x`, created as needed. */
  const pathOf = (x: string): number => {
    let node = 0;
    for (let j = 0; j < x.length; j++) {
      const sym = alphabet[code(x.charCodeAt(j), fold)]!;
      let child = children[node]![sym];
      if (child === undefined) {
        child = children.length;
        children.push([]);
        accept.push([]);
        cues.push([]);
        children[node]![sym] = child;
      }
      node = child;
    }
    return node;
  };
  entries.forEach((e, i) => {
    if (e === null) accept[0]!.push(i);
    else for (const x of e) accept[pathOf(x)]!.push(i);
  });
  cued.forEach((literals, i) => {
    for (const x of literals ?? []) {
      const node = pathOf(x);
      if (!cues[node]!.includes(i)) cues[node]!.push(i);
    }
  });
  const next = new Int32Array(children.length * symbols);
  // A node's slot: the patterns accepted on the path from the root to it, in the global order.
  const slots: Array<Slot | null> = new Array<Slot | null>(children.length).fill(null);
  const singles = gated ? sorted.map((a) => single(a.source, fold)) : null;
  const cache = new Map<string, Slot>();
  const visit = (node: number, inherited: number[]): void => {
    const own = accept[node]!;
    const idx = own.length === 0 ? inherited : [...new Set([...inherited, ...own])].sort((a, b) => a - b);
    if (idx.length > 0) {
      const key = idx.join(',');
      let sl = cache.get(key);
      if (!sl) cache.set(key, (sl = slotOf(sorted, idx, fold, singles, cued)));
      slots[node] = sl;
    }
    children[node]!.forEach((child) => visit(child, idx));
  };
  visit(0, []);
  children.forEach((ch, node) =>
    ch.forEach(
      (child, sym) =>
        (next[node * symbols + sym] =
          (child << 2) | (cues[child]!.length > 0 ? 2 : 0) | (slots[child] !== null ? 1 : 0)),
    ),
  );
  // Raw character code -> symbol, folding included (both cases of a letter share the symbol when folding).
  const symbolOf = new Uint8Array(128);
  for (let c = 0; c < 128; c++) symbolOf[c] = alphabet[code(c, fold)]!;
  // Word-start characters worth walking from: the root has a child for them, or accepts patterns itself.
  const first = new Uint8Array(128);
  for (let c = 0; c < 128; c++)
    first[c] = slots[0] !== null || (symbolOf[c]! !== 0 && next[symbolOf[c]!]! !== 0) ? 1 : 0;
  return {
    symbolOf,
    other: alphabet[0]!,
    symbols,
    next,
    rootFlags: slots[0] !== null ? 1 : 0,
    slots,
    first,
    cueAt: cues.map((c) => (c.length > 0 ? Int32Array.from(c) : null)),
    cuePos: new Int32Array(sorted.length),
    cueRun: new Int32Array(sorted.length),
    size: sorted.length,
  };
}

const ALNUM = new Uint8Array(128);
for (let c = 0; c < 128; c++)
  ALNUM[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;

/** Number of the current pass over a text (Gate.cueRun), wrapping harmlessly: see `cueAhead`. */
let pass = 0;

/**
 * The slot of the deepest gate node the text at `i` leads to (null: no pattern can match at `i`). Word-start
 * literals met on the way are noted at `i` (Gate.cuePos).
 */
function gateAt(g: Gate, norm: string, i: number): Slot | null {
  const { symbolOf, symbols, next } = g;
  const stop = Math.min(i + DEPTH, norm.length);
  let node = 0;
  let flags = g.rootFlags;
  for (let j = i; j < stop; j++) {
    const c = norm.charCodeAt(j);
    const sym = c < 128 ? symbolOf[c]! : g.other;
    if (sym === 0) break;
    const x = next[node * symbols + sym]!;
    if (x === 0) break;
    node = x >>> 2;
    flags = x & 3;
    if (flags > 1) {
      const met = g.cueAt[node]!;
      for (let k = 0; k < met.length; k++) {
        g.cuePos[met[k]!] = i;
        g.cueRun[met[k]!] = pass;
      }
    }
  }
  return (flags & 1) !== 0 ? g.slots[node]! : null;
}

/**
 * Can pattern `p` (with word-start literals) match at `i`: did the pass meet one of its literals at `i` or after?
 * A stale entry of an earlier pass (when `pass` has wrapped) either says "yes" (the pattern is tried: safe) or
 * "none at or after `i`", true of this pass too since a literal met in this pass would have renewed the entry.
 */
const cueAhead = (g: Gate, p: number, i: number): boolean => g.cueRun[p] === pass && g.cuePos[p]! >= i;

/** The match of `slot` at `i` (non-empty, ending at a word boundary), or null. */
/** End of the match of `slot` at `i` (non-empty, ending at a word boundary), or -1; its term is `slot.terms[matched]`. */
let matched = 0;
function matchAt(g: Gate, slot: Slot, norm: string, i: number): number {
  const each = slot.each;
  if (each !== null) {
    const behind = slot.behind;
    const cue = slot.cue;
    for (let k = 0; k < each.length; k++) {
      if (cue !== null && cue[k]! >= 0 && !cueAhead(g, cue[k]!, i)) continue;
      const re = each[k]!;
      re.lastIndex = i;
      if (re.test(norm)) {
        const end = re.lastIndex;
        const lb = behind === null ? null : behind[k]!;
        if (lb !== null) {
          lb.lastIndex = i;
          if (!lb.test(norm)) continue;
        }
        matched = k;
        return end > i ? end : -1;
      }
    }
    return -1;
  }
  const re = slot.all!;
  re.lastIndex = i;
  const m = re.exec(norm);
  if (m === null || m[0].length === 0) return -1;
  let group = 1;
  while (group < m.length && m[group] === undefined) group++;
  matched = group - 1;
  return i + m[0].length;
}

/** Word starts where a gate slot was reached, in text order (buffers reused by every pass: scans do not nest). */
interface Candidates {
  pos: Int32Array;
  slot: Slot[];
}
const CAND_A: Candidates = { pos: new Int32Array(1024), slot: [] };
const CAND_B: Candidates = { pos: new Int32Array(1024), slot: [] };

/** Note candidate number `k` (position `i`, slot `slot`); returns the new count. */
function candidate(to: Candidates, k: number, i: number, slot: Slot): number {
  if (k === to.pos.length) {
    const grown = new Int32Array(2 * k);
    grown.set(to.pos);
    to.pos = grown;
  }
  to.pos[k] = i;
  to.slot[k] = slot;
  return k + 1;
}

/** Try the candidates in text order, each where no earlier match of the same set covers it; matches to `out`. */
function tryAll<M extends Match>(
  g: Gate,
  cand: Candidates,
  count: number,
  norm: string,
  text: string,
  field: string,
  out: M[],
  make: MakeMatch<M>,
): void {
  let free = 0;
  for (let k = 0; k < count; k++) {
    const i = cand.pos[k]!;
    if (i < free) continue;
    const slot = cand.slot[k]!;
    const end = matchAt(g, slot, norm, i);
    if (end > 0) {
      out.push(make(slot.terms[matched]!, field, i, end, text));
      free = end;
    }
  }
}

export interface MatcherOptions {
  /** Include the product names of rules/products.json (family "product"). */
  withProducts?: boolean;
  /** false: try the full alternation at every word start (reference path for tests; slow). */
  gated?: boolean;
}

/**
 * Compile the term files of the given families (and, if `withProducts`, the product names) into one matcher.
 * Families whose vocabularies overlap (e.g. "COVID-19" is both a covid19 and a specialty term) go in
 * separate matchers, since one span yields one match.
 */
export function compileMatcher(
  rules: Rules,
  families: readonly string[],
  options: boolean | MatcherOptions = {},
): Matcher {
  const opts: MatcherOptions = typeof options === 'boolean' ? { withProducts: options } : options;
  const ci: Alt[] = [];
  const cs: Alt[] = [];
  for (const file of rules.termFiles) {
    if (!families.includes(file.family)) continue;
    for (const t of file.terms) {
      const term: CompiledTerm = { family: file.family, value: t.value, rule: t.id, also: t.also ?? {} };
      for (const p of t.patterns) {
        checkPattern(p, `rules/${file.family}: ${t.id}`);
        (t.caseSensitive ? cs : ci).push({ source: p, term });
      }
    }
  }
  for (const p of opts.withProducts ? rules.products : []) {
    const term: CompiledTerm = { family: 'product', value: p.id, rule: `product.${p.id}`, also: {} };
    for (const n of p.names) ci.push({ source: namePattern(n), term });
    const weak: CompiledTerm = { ...term, rule: `product.${p.id}.weak`, also: { weak: '1' } };
    for (const n of p.weakNames ?? []) cs.push({ source: namePattern(n), term: weak });
  }
  const gated = opts.gated ?? true;
  const a = ci.length > 0 ? build(ci, true, gated) : null;
  const b = cs.length > 0 ? build(cs, false, gated) : null;
  const hit = (t: CompiledTerm, field: string, start: number, end: number, text: string): Match => ({
    family: t.family,
    value: t.value,
    rule: t.rule,
    also: t.also,
    field,
    start,
    end,
    text: text.slice(start, end),
  });
  /**
   * One left-to-right pass over the word starts for both pattern sets; each set's matches are non-overlapping
   * and begin at word starts only (as with a leading \b). Case-sensitive matches go to `late`. With `raw`, `norm`
   * is the text as given: the pass stops (false) at the first typographic variant, to be run on normalize(text).
   * The pass first walks the gate at every word start, noting where patterns may match and where word-start
   * literals lie; then it tries the patterns, in text order, skipping positions inside a match and patterns
   * none of whose literals lies ahead (most preposition-led phrases: "into ... lungs" is tried at every "in").
   */
  const run = <M extends Match>(
    norm: string,
    text: string,
    field: string,
    out: M[],
    late: M[],
    make: MakeMatch<M>,
    raw: boolean,
  ): boolean => {
    const n = norm.length;
    pass = (pass + 1) | 0;
    let nA = 0;
    let nB = 0;
    let i = 0;
    scan: while (i < n) {
      let c = norm.charCodeAt(i);
      while (c >= 128 || ALNUM[c] === 0) {
        // Every character that is not an ASCII letter or digit passes here, and every typographic variant
        // (text.ts) is one: a raw text without any is its own normalized form.
        if (raw && c >= 96 && isVariantCode(c)) return false;
        if (++i >= n) break scan;
        c = norm.charCodeAt(i);
      }
      // i is a word start
      if (a !== null && a.first[c] === 1) {
        const slot = gateAt(a, norm, i);
        if (slot !== null) nA = candidate(CAND_A, nA, i, slot);
      }
      if (b !== null && b.first[c] === 1) {
        const slot = gateAt(b, norm, i);
        if (slot !== null) nB = candidate(CAND_B, nB, i, slot);
      }
      // next word start
      i++;
      while (i < n) {
        const e = norm.charCodeAt(i);
        if (e >= 128 || ALNUM[e] === 0) break;
        i++;
      }
    }
    if (nA > 0) tryAll(a!, CAND_A, nA, norm, text, field, out, make);
    if (nB > 0) tryAll(b!, CAND_B, nB, norm, text, field, late, make);
    return true;
  };
  const scan = <M extends Match = Match>(
    text: string,
    field: string,
    out: M[] = [],
    make: MakeMatch<M> = hit as MakeMatch<M>,
  ): M[] => {
    const from = out.length;
    const late: M[] = [];
    // Scan the text as it is; only a text holding a typographic variant is normalized and scanned again.
    if (!run(text, text, field, out, late, make, true)) {
      out.length = from;
      late.length = 0;
      run(normalize(text), text, field, out, late, make, false);
    }
    // One span, one match, the most specific winning whatever its case sensitivity: a case-sensitive match is
    // dropped when it overlaps a case-insensitive match it does not strictly contain ("MSC" inside a longer
    // "mesenchymal ..." match), and replaces the case-insensitive matches it strictly contains ("MSC-Exos" over
    // "MSC", "BM-MNCs" over "BM").
    if (late.length === 0) return out;
    const mid = out.length;
    let dropped: Set<number> | null = null;
    const keep: M[] = [];
    // Both lists are in text order and each is free of overlaps, so the matches a late one overlaps are one run
    // of `out`, found by a pointer that only moves forward.
    let p = from;
    for (const m of late) {
      while (p < mid && out[p]!.end <= m.start) p++;
      const inside: number[] = [];
      let loses = false;
      for (let j = p; j < mid && !loses && out[j]!.start < m.end; j++) {
        const c = out[j]!;
        if (m.start <= c.start && c.end <= m.end && m.end - m.start > c.end - c.start) inside.push(j);
        else loses = true;
      }
      if (loses) continue;
      for (const j of inside) (dropped ??= new Set()).add(j);
      keep.push(m);
    }
    if (dropped !== null) {
      let w = from;
      for (let j = from; j < mid; j++) if (!dropped.has(j)) out[w++] = out[j]!;
      out.length = w;
    }
    for (const m of keep) out.push(m);
    return out;
  };
  // Bounded: cleared when full (short texts such as conditions and MeSH terms repeat across studies).
  const cache = new Map<string, Match[]>();
  const scanShared = (text: string): readonly Match[] => {
    if (text.length > 300) return scan(text, '');
    let hits = cache.get(text);
    if (!hits) {
      if (cache.size > 50_000) cache.clear();
      cache.set(text, (hits = scan(text, '')));
    }
    return hits;
  };
  return {
    size: (a?.size ?? 0) + (b?.size ?? 0),
    scan,
    scanShared,
    scanCached(text, field) {
      return scanShared(text).map((m) => hit(m, field, m.start, m.end, text));
    },
  };
}
