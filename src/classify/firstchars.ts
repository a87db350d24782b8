/**
 * How can a regex pattern's match begin? A small analyser of pattern source (literals, escapes, character
 * classes, non-capturing groups with alternatives, quantifiers, zero-width lookarounds) giving the possible
 * first k characters. The matcher uses it to try, at each word start, only the patterns that can begin with
 * the characters found there. `null` means "cannot tell" (the pattern is then tried everywhere): always safe.
 */

function classChars(body: string, fold: boolean): Set<string> | null {
  if (body.startsWith('^')) return null;
  const out = new Set<string>();
  let i = 0;
  while (i < body.length) {
    let c = body[i]!;
    if (c === '\\') {
      const e = body[i + 1] ?? '';
      if (e === 'd') for (const d of '0123456789') out.add(d);
      else if ('wWsSDbB'.includes(e)) return null;
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

const cat = (a: Set<string>, b: Set<string>, k: number): Set<string> => {
  const out = new Set<string>();
  for (const x of a) {
    if (x.length >= k) {
      out.add(x);
      continue;
    }
    for (const y of b) out.add((x + y).slice(0, k));
  }
  return out;
};

const LIMIT = 4000;

function seqPre(src: string, fold: boolean, k: number): Pre {
  let acc = new Set<string>(['']);
  let i = 0;
  while (i < src.length) {
    if ([...acc].every((x) => x.length >= k)) return acc;
    const c = src[i]!;
    let item: Pre;
    let end: number;
    if (c === '(') {
      end = skipTo(src, i);
      const inner = src.slice(i + 1, end - 1);
      if (/^\?(?:<=|<!|=|!)/.test(inner)) {
        i = end;
        continue;
      }
      item = altPre(inner.startsWith('?:') ? inner.slice(2) : inner, fold, k);
    } else if (c === '[') {
      end = skipTo(src, i);
      item = classChars(src.slice(i + 1, end - 1), fold);
    } else if (c === '\\') {
      const e = src[i + 1] ?? '';
      end = i + 2;
      if (e === 'b' || e === 'B') {
        i = end;
        continue;
      }
      item = e === 'd' ? new Set('0123456789') : /[wWsSD]/.test(e) ? null : new Set([fold ? e.toLowerCase() : e]);
    } else if (c === '^' || c === '$') {
      i++;
      continue;
    } else if (c === '.') {
      end = i + 1;
      item = null;
    } else {
      end = i + 1;
      item = new Set([fold ? c.toLowerCase() : c]);
    }
    if (item === null) return null;
    const q = quantifier(src, end);
    const rep = src[end] === '*' || src[end] === '+' || src[end] === '{' ? cat(item, item, k) : item;
    const options = new Set(rep);
    for (const x of item) options.add(x);
    if (q.nullable) options.add('');
    acc = cat(acc, options, k);
    if (acc.size > LIMIT) return null;
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
  if (r === null || r.has('')) return null;
  return r;
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
