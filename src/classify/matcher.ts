/**
 * The generic matcher: every term of every rules file (and every product name) is compiled ONCE into one
 * combined RegExp (plus one for the few case-sensitive acronyms). Each pattern is a capture group, so a
 * single left-to-right scan of a field yields every match with the rule that fired. Word boundaries are
 * ASCII letters/digits; text is normalized same-length (text.ts) so offsets are exact.
 */
import { MscopeError } from '../model/errors.js';
import type { Rules } from './rules.js';
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
  terms: { ci: CompiledTerm[]; cs: CompiledTerm[] };
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

function build(alts: Alt[], flags: string): { re: RegExp | null; terms: CompiledTerm[] } {
  if (alts.length === 0) return { re: null, terms: [] };
  // Longer pattern sources first: at one position the first alternative that matches wins.
  const sorted = [...alts].sort((a, b) => b.source.length - a.source.length);
  const body = sorted.map((a) => '(' + a.source + ')').join('|');
  const re = new RegExp('(?<![A-Za-z0-9])(?:' + body + ')(?![A-Za-z0-9])', flags);
  return { re, terms: sorted.map((a) => a.term) };
}

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
  const a = build(ci, 'gi');
  const b = build(cs, 'g');
  const run = (re: RegExp | null, terms: CompiledTerm[], norm: string, text: string, field: string, out: Match[]): void => {
    if (!re) return;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(norm)) !== null) {
      let g = 1;
      while (g < m.length && m[g] === undefined) g++;
      const term = terms[g - 1];
      if (term) out.push({ ...term, field, start: m.index, end: m.index + m[0].length, text: text.slice(m.index, m.index + m[0].length) });
      if (m[0].length === 0) re.lastIndex++;
    }
  };
  return {
    terms: { ci: a.terms, cs: b.terms },
    scan(text, field, out = []) {
      const norm = normalize(text);
      run(a.re, a.terms, norm, text, field, out);
      run(b.re, b.terms, norm, text, field, out);
      return out;
    },
  };
}
