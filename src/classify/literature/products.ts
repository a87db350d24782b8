/**
 * Named MSC products in text, from the classifier's product dictionary (rules/products.json:
 * `[{ id, names: [...], ... }]`). Only the unambiguous `names` are used (the dictionary's weak names need
 * study context the literature does not give). One combined, case-insensitive RegExp per dictionary.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { MscopeError } from '../../model/errors.js';
import { namePattern } from '../matcher.js';
import { defaultLiteratureRulesFile } from './rules.js';

export const ProductEntrySchema = z.object({
  id: z.string().min(1),
  names: z.array(z.string().min(1)).min(1),
});
export type ProductEntry = z.infer<typeof ProductEntrySchema>;

export interface ProductMatch {
  productId: string;
  /** As written. */
  text: string;
  start: number;
  end: number;
}

export interface ProductMatcher {
  size: number;
  find(text: string): ProductMatch[];
}

/**
 * The dictionary as one sticky RegExp, tried only where a word starts that can begin a name: a text word
 * at a match start is the concatenation of the name's first k alphanumeric runs (separators in names are
 * optional), so those prefixes, lower-cased, are the only words worth trying. Much faster than scanning
 * every position of a long text with a large alternation.
 */
export function compileProducts(entries: ProductEntry[]): ProductMatcher {
  const alts: Array<{ source: string; id: string }> = [];
  const starts = new Set<string>();
  let anyPosition = false;
  for (const e of entries)
    for (const n of e.names) {
      alts.push({ source: namePattern(n), id: e.id });
      if (/^[^A-Za-z0-9]/.test(n)) anyPosition = true;
      const runs = n.split(/[^A-Za-z0-9]+/).filter(Boolean);
      for (let k = 1; k <= runs.length; k++) starts.add(runs.slice(0, k).join('').toLowerCase());
    }
  if (alts.length === 0) return { size: 0, find: () => [] };
  alts.sort((a, b) => b.source.length - a.source.length);
  const body = `(?<![A-Za-z0-9])(?:${alts.map((a) => `(${a.source})`).join('|')})(?![A-Za-z0-9])`;
  const sticky = new RegExp(body, 'iy');
  const global = new RegExp(body, 'gi');
  const WORD = /[A-Za-z0-9]+/g;
  const hit = (m: RegExpExecArray): ProductMatch => {
    const g = m.findIndex((v, i) => i > 0 && v !== undefined);
    return { productId: alts[g - 1]!.id, text: m[0], start: m.index, end: m.index + m[0].length };
  };
  return {
    size: entries.length,
    find(text: string): ProductMatch[] {
      const out: ProductMatch[] = [];
      if (anyPosition) {
        global.lastIndex = 0;
        for (let m = global.exec(text); m; m = global.exec(text)) out.push(hit(m));
        return out;
      }
      WORD.lastIndex = 0;
      for (let w = WORD.exec(text); w; w = WORD.exec(text)) {
        if (!starts.has(w[0].toLowerCase())) continue;
        sticky.lastIndex = w.index;
        const m = sticky.exec(text);
        if (!m) continue;
        out.push(hit(m));
        WORD.lastIndex = m.index + m[0].length;
      }
      return out;
    },
  };
}

/** Load a product dictionary file (default: rules/products.json next to rules/literature.json); none -> empty. */
export function loadProducts(file?: string): ProductMatcher {
  const path = file ?? join(defaultLiteratureRulesFile(), '..', 'products.json');
  if (!file && !existsSync(path)) return compileProducts([]);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new MscopeError(`${path}: cannot read product dictionary: ${(e as Error).message}`, 1, {
      cause: e,
    });
  }
  const r = z.array(ProductEntrySchema.passthrough()).safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new MscopeError(`${path}: invalid product dictionary at ${i.path.join('.')}: ${i.message}`);
  }
  return compileProducts(r.data);
}
