/**
 * product: the canonical named MSC product (rules/products.json), and the facts it implies (source, donor,
 * modifications, biomaterial, routes) with the product-name span as evidence (rule product.<id>.<fact>).
 * Reads: every product-layer field (a product name anywhere but a comparator arm names the product).
 * Cue sets (rules/contexts.json): none.
 * Returns: product (or null), its reason code, its name hit and its evidence (each quote with the rule id that
 * gave it).
 * Reason codes (FAMILY_REASONS.product): where the chosen name is (the first tier with one): named.intervention
 *   (MSC interventions and arms), named.title (titles/keywords), named.description (MSC sentences of the
 *   description); none_named.
 */
import type { Evidence, FamilyReason } from '../model/labels.js';
import { evidenceOf } from './evidence.js';
import type { Product } from './rules.js';
import type { Hit, StudyView, Tier } from './view.js';

export interface ProductResult {
  product: Product | null;
  reason: FamilyReason<'product'>;
  hit: Hit | null;
  evidence: Evidence[];
}

/** The reason code of a product named in a tier (candidates are of tiers 1-3). */
const NAMED: Readonly<Record<Tier, FamilyReason<'product'>>> = {
  1: 'named.intervention',
  2: 'named.title',
  3: 'named.description',
  4: 'named.description',
};

export function decideProduct(v: StudyView): ProductResult {
  const cands = v.products.filter((p) => v.tier(p.hit) <= 3);
  if (cands.length === 0) return { product: null, reason: 'none_named', hit: null, evidence: [] };
  cands.sort((a, b) => v.tier(a.hit) - v.tier(b.hit));
  const best = cands[0]!;
  return {
    product: best.product,
    reason: NAMED[v.tier(best.hit)],
    hit: best.hit,
    evidence: [evidenceOf('product', best.product.id, best.hit)],
  };
}

export function productFact(label: string, value: string, r: ProductResult, fact: string): Evidence | null {
  if (!r.product || !r.hit) return null;
  return evidenceOf(label, value, r.hit, `product.${r.product.id}.${fact}`);
}
