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
 * The dictionary as one case-insensitive RegExp with a capture group per name (longest first), so one
 * left-to-right scan finds every name and which product it belongs to. (Measured: faster than trying a
 * sticky RegExp at candidate word starts, whose per-word bookkeeping costs more than V8's scan.)
 */
export function compileProducts(entries: ProductEntry[]): ProductMatcher {
  const alts: Array<{ source: string; id: string }> = [];
  for (const e of entries) for (const n of e.names) alts.push({ source: namePattern(n), id: e.id });
  if (alts.length === 0) return { size: 0, find: () => [] };
  alts.sort((a, b) => b.source.length - a.source.length);
  const re = new RegExp(
    `(?<![A-Za-z0-9])(?:${alts.map((a) => `(${a.source})`).join('|')})(?![A-Za-z0-9])`,
    'gi',
  );
  return {
    size: entries.length,
    find(text: string): ProductMatch[] {
      const out: ProductMatch[] = [];
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const g = m.findIndex((v, i) => i > 0 && v !== undefined);
        out.push({ productId: alts[g - 1]!.id, text: m[0], start: m.index, end: m.index + m[0].length });
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
