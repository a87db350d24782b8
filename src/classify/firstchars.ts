/**
 * How can a regex pattern's match begin? A small analyser of pattern source (literals, escapes, character
 * classes, non-capturing groups with alternatives, quantifiers, zero-width lookarounds) giving the possible
 * first k characters. The matcher uses it to try, at each word start, only the patterns that can begin with
 * the characters found there. `null` means "cannot tell" (the pattern is then tried everywhere): always safe.
 */

/** What `\s` matches in a JavaScript RegExp (ASCII and Unicode white space, line terminators, BOM). */
export const WHITE_SPACE =
  '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

function classChars(body: string, fold: boolean): Set<string> | null {
  if (body.startsWith('^')) return null;
  const out = new Set<string>();
  let i = 0;
  while (i < body.length) {
    let c = body[i]!;
    if (c === '\\') {
      const e = body[i + 1] ?? '';
      if (e === 'd') for (const d of '0123456789') out.add(d);
      else if (e === 's') for (const w of WHITE_SPACE) out.add(w);
      else if ('wWSDbB'.includes(e) || !/[-\\^$.*+?()[\]{}|/]/.test(e)) return null;
      else out.add(e);
      i += 2;
      continue;
    }
    if (body[i + 1] === '-' && i + 2 < body.length && body[i + 2] !== ']') {
      const to = body[i + 2]!;
      for (let k = c.charCodeAt(0); k <= to.charCodeAt(0); k++) out.add(String.fromCharCode(k));
      i += 3;
      continue;
    }
    out.add(c);
    i++;
    c = '';
  }
  if (!fold) return out;
  const folded = new Set<string>();
  for (const c of out) {
    folded.add(c.toLowerCase());
  }
  return folded;
}

/** Index just past the group/class that starts at `i` (src[i] is '(' or '['). */
function skipTo(src: string, i: number): number {
  const open = src[i]!;
  if (open === '[') {
    let j = i + 1;
    while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
    return j + 1;
  }
  let depth = 0;
  let j = i;
  while (j < src.length) {
    const c = src[j]!;
    if (c === '\\') {
      j += 2;
      continue;
    }
    if (c === '[') {
      j = skipTo(src, j);
      continue;
    }
    if (c === '(') depth++;
    if (c === ')') {
      depth--;
      if (depth === 0) return j + 1;
    }
    j++;
  }
  return j;
}

/**
 * Capture groups of a valid pattern, counted on its source: `(` outside a class and not escaped, other than
 * `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!` (a named group `(?<name>` captures). The same count as running the pattern
 * (`new RegExp('|' + p).exec('')`) without compiling it: that cost ~0.1 s per classifier (matcher.ts).
 */
export function captureGroups(p: string): number {
  let n = 0;
  let i = 0;
  while (i < p.length) {
    const c = p[i]!;
    if (c === '\\') i += 2;
    else if (c === '[') i = skipTo(p, i);
    else {
      if (c === '(' && (p[i + 1] !== '?' || (p[i + 2] === '<' && p[i + 3] !== '=' && p[i + 3] !== '!'))) n++;
      i++;
    }
  }
  return n;
}

/** Split on top-level '|'. */
function alternatives(src: string): string[] {
  const out: string[] = [];
  let start = 0;
  let j = 0;
  while (j < src.length) {
    const c = src[j]!;
    if (c === '\\') {
      j += 2;
      continue;
    }
    if (c === '(' || c === '[') {
      j = skipTo(src, j);
      continue;
    }
    if (c === '|') {
      out.push(src.slice(start, j));
      start = j + 1;
    }
    j++;
  }
  out.push(src.slice(start));
  return out;
}

function quantifier(src: string, j: number): { nullable: boolean; next: number } {
  const c = src[j];
  let next = j;
  let nullable = false;
  if (c === '?' || c === '*') {
    nullable = true;
    next = j + 1;
  } else if (c === '+') next = j + 1;
  else if (c === '{') {
    const m = /^\{(\d+)(?:,\d*)?\}/.exec(src.slice(j));
    if (m) {
      nullable = Number(m[1]) === 0;
      next = j + m[0].length;
    }
  }
  if (next !== j && src[next] === '?') next++;
  return { nullable, next };
}

type Pre = Set<string> | null;

/**
 * Marks a beginning after which the pattern goes on with something the analyser cannot tell (`\w`, `.`, a
 * negated class): nothing is appended to it, and it reads "this, then anything".
 */
const OPEN = '\u0000';
const done = (x: string, k: number): boolean => x.length >= k || x.endsWith(OPEN);

const LIMIT = 4000;

/**
 * Every beginning of `a` followed by every one of `b`, cut to k characters; null as soon as there are more than
 * LIMIT (the caller gives up on this k then: building the whole product first cost ~0.5 s per classifier).
 */
const cat = (a: Set<string>, b: Set<string>, k: number): Set<string> | null => {
  const out = new Set<string>();
  for (const x of a) {
    if (done(x, k)) {
      out.add(x);
      continue;
    }
    for (const y of b) out.add((x + y).slice(0, k));
    if (out.size > LIMIT) return null;
  }
  return out.size > LIMIT ? null : out;
};

/** Beginnings of one or more repetitions of `item` (any count: a superset of what the quantifier allows). */
function repeated(item: Set<string>, k: number): Set<string> | null {
  const out = new Set(item);
  let cur = item;
  for (let r = 2; r <= k; r++) {
    const next = cat(cur, item, k);
    if (next === null) return null;
    cur = next;
    const before = out.size;
    for (const x of cur) out.add(x);
    if (out.size > LIMIT) return null;
    if (out.size === before) break;
  }
  return out;
}

/** The item at `i`: its possible texts (null: cannot tell) and where it ends; zero-width items give `skip`. */
function itemAt(
  src: string,
  i: number,
  fold: boolean,
  k: number,
): { item: Pre; end: number } | { skip: number } {
  const c = src[i]!;
  if (c === '(') {
    const end = skipTo(src, i);
    const inner = src.slice(i + 1, end - 1);
    if (/^\?(?:<=|<!|=|!)/.test(inner)) return { skip: end };
    return { item: altPre(inner.startsWith('?:') ? inner.slice(2) : inner, fold, k), end };
  }
  if (c === '[') {
    const end = skipTo(src, i);
    return { item: classChars(src.slice(i + 1, end - 1), fold), end };
  }
  if (c === '\\') {
    const e = src[i + 1] ?? '';
    if (e === 'b' || e === 'B') return { skip: i + 2 };
    // \d and \s are known sets; other escapes count only when they stand for the punctuation itself.
    const item =
      e === 'd'
        ? new Set('0123456789')
        : e === 's'
          ? new Set(WHITE_SPACE)
          : /[-\\^$.*+?()[\]{}|/]/.test(e)
            ? new Set([e])
            : null;
    return { item, end: i + 2 };
  }
  if (c === '^' || c === '$') return { skip: i + 1 };
  if (c === '.') return { item: null, end: i + 1 };
  return { item: new Set([fold ? c.toLowerCase() : c]), end: i + 1 };
}

function seqPre(src: string, fold: boolean, k: number): Pre {
  let acc = new Set<string>(['']);
  let i = 0;
  while (i < src.length) {
    if ([...acc].every((x) => done(x, k))) return acc;
    const it = itemAt(src, i, fold, k);
    if ('skip' in it) {
      i = it.skip;
      continue;
    }
    const q = quantifier(src, it.end);
    const rep = src[it.end] === '*' || src[it.end] === '+' || src[it.end] === '{';
    // Unknown item: every beginning so far goes on with "anything". A repetition is spelled out only as far as the
    // shortest unfinished beginning still needs (after "by" and k = 3, one character of `\s+`, not k of them).
    let need = 0;
    for (const x of acc) if (!done(x, k)) need = Math.max(need, k - x.length);
    let options: Pre = it.item === null ? new Set([OPEN]) : rep ? repeated(it.item, need) : new Set(it.item);
    if (options === null) return null;
    if (q.nullable) options = new Set([...options, '']);
    const next = cat(acc, options, k);
    if (next === null) return null;
    acc = next;
    i = q.next;
  }
  return acc;
}

function altPre(src: string, fold: boolean, k: number): Pre {
  const out = new Set<string>();
  for (const alt of alternatives(src)) {
    const r = seqPre(alt, fold, k);
    if (r === null) return null;
    for (const x of r) out.add(x);
  }
  return out;
}

/**
 * The possible 2-character beginnings of a match (lower-cased when `fold`); a 1-character entry means "any
 * second character". null when unknown (the pattern is then tried at every word start).
 */
export function prefixes2(pattern: string, fold: boolean): Set<string> | null {
  return prefixesK(pattern, fold, 2);
}

/** The possible k-character beginnings (shorter entries: the match may be shorter or continue with anything). */
export function prefixesK(pattern: string, fold: boolean, k: number): Set<string> | null {
  const r = altPre(pattern, fold, k);
  if (r === null) return null;
  const out = new Set<string>();
  for (const x of r) {
    const y = x.endsWith(OPEN) ? x.slice(0, -1) : x;
    if (y === '') return null;
    out.add(y);
  }
  return out;
}

/**
 * A pattern that begins with a positive lookbehind and has no top-level alternative after it, split in two:
 * `(?<=L)B` -> { behind: L, body: B }. The matcher tests the body first and the lookbehind only where the body
 * matches (the same result: the lookbehind is zero-width at the match start), which is much cheaper for a wide
 * lookbehind such as `(?<=inject\w*[^;]{0,60})` before a common beginning such as "in the". null otherwise.
 */
export function splitLookbehind(src: string): { behind: string; body: string } | null {
  if (!src.startsWith('(?<=')) return null;
  const end = skipTo(src, 0);
  const body = src.slice(end);
  if (end > src.length || body === '') return null;
  let j = 0;
  while (j < body.length) {
    const c = body[j]!;
    if (c === '\\') j += 2;
    else if (c === '(' || c === '[') j = skipTo(body, j);
    else if (c === '|') return null;
    else j++;
  }
  return { behind: src.slice(4, end - 1), body };
}

/** Length of a pattern source without its lookaround groups: the ordering key "longer pattern first". */
export function effectiveLength(src: string): number {
  let n = 0;
  let i = 0;
  while (i < src.length) {
    if (src[i] === '\\') {
      n += 2;
      i += 2;
      continue;
    }
    if (src[i] === '(' && /^\(\?(?:<=|<!|=|!)/.test(src.slice(i, i + 4))) {
      i = skipTo(src, i);
      continue;
    }
    n++;
    i++;
  }
  return n;
}

/** Index just past the last gap of one alternative (see literalsAfterGap), or -1 when it has none. */
function lastGapEnd(src: string, fold: boolean, k: number): number {
  let gapEnd = -1;
  let i = 0;
  while (i < src.length) {
    const it = itemAt(src, i, fold, k);
    if ('skip' in it) {
      i = it.skip;
      continue;
    }
    const q = quantifier(src, it.end);
    const rep = src[it.end] === '*' || src[it.end] === '+' || src[it.end] === '{';
    const open = it.item === null || rep || [...it.item].some((x) => x.endsWith(OPEN));
    i = q.next;
    if (open) gapEnd = i;
  }
  return gapEnd;
}

/**
 * The beginnings of what follows the last gap of one alternative (see literalsAfterGap); null also when `head`
 * (if given) rejects what comes before that gap's end.
 */
function afterGap(
  src: string,
  fold: boolean,
  k: number,
  min: number,
  head?: (before: string) => boolean,
): Set<string> | null {
  const gapEnd = lastGapEnd(src, fold, k);
  if (gapEnd < 0 || gapEnd >= src.length) return null;
  if (head && !head(src.slice(0, gapEnd))) return null;
  const rest = prefixesK(src.slice(gapEnd), fold, k);
  if (rest === null || [...rest].some((x) => x.length < min)) return null;
  return rest;
}

/**
 * Literals one of which every match of `pattern` holds: the possible beginnings (lower-cased when `fold`, up to
 * k characters) of what follows the pattern's last gap, an item whose text the analyser cannot tell (`.`, `\w`,
 * a negated class) or a repetition (`[a-z]{2,}`). A cheap test for them tells where the pattern cannot match.
 * null when a top-level alternative has no gap or nothing after it, or when a beginning is shorter than `min`.
 * A literal that begins with another literal of the list is left out (finding the shorter one is enough).
 */
export function literalsAfterGap(pattern: string, fold: boolean, k = 8, min = 4): string[] | null {
  return gapLiterals(pattern, fold, k, min);
}

/** The literals after the last gap of every alternative (afterGap), shortest first, none beginning with another. */
function gapLiterals(
  pattern: string,
  fold: boolean,
  k: number,
  min: number,
  head?: (before: string) => boolean,
): string[] | null {
  const out = new Set<string>();
  for (const alt of alternatives(pattern)) {
    const r = afterGap(alt, fold, k, min, head);
    if (r === null) return null;
    for (const x of r) out.add(x);
  }
  const all = [...out].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  return all.filter((x, i) => !all.slice(0, i).some((y) => x.startsWith(y)));
}

const WORD_CHAR = /[A-Za-z0-9]/;
const PUNCTUATION_ESCAPE = /[-\\^$.*+?()[\]{}|/]/;

/**
 * Of a sequence (no top-level '|'): does every non-empty match end with a character that is not an ASCII letter
 * or digit (`ends`), and can it match the empty string (`nullable`)? `ends` false means "cannot tell".
 */
function endsOutsideWord(src: string, fold: boolean): { ends: boolean; nullable: boolean } {
  const items: Array<{ ends: boolean; nullable: boolean }> = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    let end = i + 1;
    let ends = false;
    let nullable = false;
    if (c === '(') {
      end = skipTo(src, i);
      const inner = src.slice(i + 1, end - 1);
      if (/^\?(?:<=|<!|=|!)/.test(inner)) {
        i = end; // zero-width
        continue;
      }
      const alts = alternatives(inner.startsWith('?:') ? inner.slice(2) : inner).map((a) =>
        endsOutsideWord(a, fold),
      );
      ends = alts.every((a) => a.ends);
      nullable = alts.some((a) => a.nullable);
    } else if (c === '[') {
      end = skipTo(src, i);
      const chars = classChars(src.slice(i + 1, end - 1), fold);
      ends = chars !== null && [...chars].every((x) => !WORD_CHAR.test(x));
    } else if (c === '\\') {
      const e = src[i + 1] ?? '';
      end = i + 2;
      if (e === 'b' || e === 'B') {
        i = end;
        continue;
      }
      ends = e === 's' || e === 'W' || PUNCTUATION_ESCAPE.test(e);
    } else if (c === '^' || c === '$') {
      i = end;
      continue;
    } else ends = c !== '.' && !WORD_CHAR.test(c);
    const q = quantifier(src, end);
    items.push({ ends, nullable: nullable || q.nullable });
    i = q.next;
  }
  // The last item that cannot be empty decides; every nullable item after it must end outside a word too.
  for (let j = items.length - 1; j >= 0; j--) {
    if (!items[j]!.ends) return { ends: false, nullable: items.every((x) => x.nullable) };
    if (!items[j]!.nullable) return { ends: true, nullable: false };
  }
  return { ends: true, nullable: true };
}

/**
 * Like literalsAfterGap, but only when each such literal begins a word in every match: what comes before it
 * in the pattern, when not empty, ends with a character that is not an ASCII letter or digit (as "into (?:the
 * )?(?:[a-z-]+ ){0,2}" before "lung"), else the literal begins the match. A matcher walking word starts then
 * finds every occurrence of the literals in passing; where none lies ahead of a position, the pattern cannot
 * match there. null when that cannot be told.
 */
export function wordStartLiterals(pattern: string, fold: boolean, k = 8, min = 3): string[] | null {
  return gapLiterals(pattern, fold, k, min, (before) => endsOutsideWord(before, fold).ends);
}
