/**
 * The generic matcher: every term of the given rules files (and every product name) is compiled ONCE into
 * sticky RegExps bucketed by first character (one set case-insensitive, one for the few case-sensitive
 * acronyms). Each pattern is a capture group, so a single left-to-right pass over a field, trying only the
 * patterns that can start at each word start, yields every match with the rule that fired. Word boundaries are
 * ASCII letters/digits; text is normalized same-length (text.ts) so offsets are exact.
 */
import { MscopeError } from '../model/errors.js';
import type { Rules } from './rules.js';
import { effectiveLength, prefixes2, prefixesK } from './firstchars.js';
import { normalize } from './text.js';

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
  /** Number of compiled patterns. */
  size: number;
  scan(text: string, field: string, out?: Match[]): Match[];
}

interface Alt {
  source: string;
  term: CompiledTerm;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A product name as a pattern: hyphens/spaces between parts optional and interchangeable. */
export function namePattern(name: string): string {
  return name
    .split(/[-\s]+/)
    .map(escapeRe)
    .join('[-\\s]?');
}

function checkPattern(p: string, where: string): void {
  let groups: number;
  try {
    groups = (new RegExp('|' + p).exec('') ?? []).length - 1;
  } catch (e) {
    throw new MscopeError(`${where}: invalid pattern /${p}/: ${(e as Error).message}`);
  }
  if (groups !== 0) throw new MscopeError(`${where}: pattern /${p}/ must not use capturing groups; use (?:...)`);
}

interface Slot {
  re: RegExp;
  terms: CompiledTerm[];
  /** Allowed third characters (lower-cased when folding), or null when any may follow. */
  third: Uint8Array | null;
}

interface Bucketed {
  /**
   * Slot per ASCII character pair (index c1 * 128 + c2, lower-cased when folding): the patterns that can begin
   * with those two characters, else those whose second character is open, else those with unknown beginnings.
   */
  table: Array<Slot | null>;
  size: number;
}

/**
 * Sticky RegExps bucketed by the two first characters a match can have, each holding (in the global order)
 * only the alternatives that can start that way: at a word start only a handful of patterns are tried, and
 * none at most word starts.
 */
function build(alts: Alt[], fold: boolean): Bucketed {
  // Longer patterns first (lookarounds not counted): at one position the first alternative that matches wins.
  const sorted = [...alts].sort((a, b) => effectiveLength(b.source) - effectiveLength(a.source));
  const pre = sorted.map((a) => prefixes2(a.source, fold));
  const pre3 = sorted.map((a) => prefixesK(a.source, fold, 3));
  const slot = (idx: number[], pair: string): Slot => {
    let third: Uint8Array | null = new Uint8Array(128);
    for (const i of idx) {
      const p3 = pre3[i];
      if (!third || !p3) {
        third = null;
        break;
      }
      for (const x of p3) {
        if (x.length < 3 && pair.startsWith(x)) {
          third = null;
          break;
        }
        if (x.length === 3 && x.startsWith(pair)) {
          const c = x.charCodeAt(2);
          if (c < 128) third[c] = 1;
          else third = null;
          if (!third) break;
        }
      }
    }
    return {
      re: new RegExp('(?:' + idx.map((i) => '(' + sorted[i]!.source + ')').join('|') + ')(?![A-Za-z0-9])', fold ? 'iy' : 'y'),
      terms: idx.map((i) => sorted[i]!.term),
      third,
    };
  };
  const table: Array<Slot | null> = new Array<Slot | null>(128 * 128).fill(null);
  const cache = new Map<string, Slot>();
  for (let a = 48; a < 123; a++) {
    if (!isAlnum(a)) continue;
    for (let b = 0; b < 128; b++) {
      const pair = String.fromCharCode(a, b);
      const first = String.fromCharCode(a);
      const idx = sorted.map((_, i) => i).filter((i) => pre[i] === null || pre[i]!.has(pair) || pre[i]!.has(first));
      if (idx.length === 0) continue;
      const k = pair + ':' + idx.join(',');
      let sl = cache.get(k);
      if (!sl) cache.set(k, (sl = slot(idx, pair)));
      table[a * 128 + b] = sl;
    }
  }
  return { table, size: sorted.length };
}

const ALNUM = new Uint8Array(128);
for (let c = 0; c < 128; c++) ALNUM[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;

const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * Compile the term files of the given families (and, if `withProducts`, the product names) into one matcher.
 * Families whose vocabularies overlap (e.g. "COVID-19" is both a covid19 and a specialty term) go in
 * separate matchers, since one span yields one match.
 */
export function compileMatcher(rules: Rules, families: readonly string[], withProducts = false): Matcher {
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
  for (const p of withProducts ? rules.products : []) {
    const term: CompiledTerm = { family: 'product', value: p.id, rule: `product.${p.id}`, also: {} };
    for (const n of p.names) ci.push({ source: namePattern(n), term });
    const weak: CompiledTerm = { ...term, rule: `product.${p.id}.weak`, also: { weak: '1' } };
    for (const n of p.weakNames ?? []) cs.push({ source: namePattern(n), term: weak });
  }
  const a = build(ci, true);
  const b = build(cs, false);
  /** Left-to-right, non-overlapping, matches starting at word starts only (as with a leading \b). */
  const run = (bk: Bucketed, fold: boolean, norm: string, text: string, field: string, out: Match[]): void => {
    if (bk.size === 0) return;
    const n = norm.length;
    const table = bk.table;
    let i = 0;
    while (i < n) {
      let c = norm.charCodeAt(i);
      while (c >= 128 || ALNUM[c] === 0) {
        if (++i >= n) return;
        c = norm.charCodeAt(i);
      }
      // i is a word start
      const c1 = fold && c >= 65 && c <= 90 ? c + 32 : c;
      const d = i + 1 < n ? norm.charCodeAt(i + 1) : 0;
      const c2 = d >= 128 ? 0 : fold && d >= 65 && d <= 90 ? d + 32 : d;
      const slot = table[c1 * 128 + c2];
      let third = 0;
      if (slot && slot.third) {
        const t = i + 2 < n ? norm.charCodeAt(i + 2) : 0;
        third = t >= 128 ? 0 : fold && t >= 65 && t <= 90 ? t + 32 : t;
      }
      if (slot && (slot.third === null || slot.third[third] === 1)) {
        slot.re.lastIndex = i;
        const m = slot.re.exec(norm);
        if (m !== null && m[0].length > 0) {
          let g = 1;
          while (g < m.length && m[g] === undefined) g++;
          const term = slot.terms[g - 1];
          const end = i + m[0].length;
          if (term) out.push({ family: term.family, value: term.value, rule: term.rule, also: term.also, field, start: i, end, text: text.slice(i, end) });
          i = end;
          continue;
        }
      }
      // skip the rest of the word
      i++;
      while (i < n) {
        const e = norm.charCodeAt(i);
        if (e >= 128 || ALNUM[e] === 0) break;
        i++;
      }
    }
  };
  const cache = new Map<string, Match[]>();
  const scan = (text: string, field: string, out: Match[] = []): Match[] => {
    const norm = normalize(text);
    const from = out.length;
    run(a, true, norm, text, field, out);
    const mid = out.length;
    run(b, false, norm, text, field, out);
    // Case-sensitive acronyms never overlap a longer case-insensitive match.
    if (out.length > mid && mid > from) {
      const ciHits = out.slice(from, mid);
      const kept = out.slice(mid).filter((m) => !ciHits.some((h) => m.start < h.end && h.start < m.end));
      out.length = mid;
      out.push(...kept);
    }
    return out;
  };
  return {
    size: a.size + b.size,
    scan,
    scanCached(text, field) {
      if (text.length > 300) return scan(text, field);
      let hit = cache.get(text);
      if (!hit) {
        if (cache.size > 50_000) cache.clear();
        cache.set(text, (hit = scan(text, '')));
      }
      return hit.map((m) => ({ ...m, field }));
    },
  };
}
