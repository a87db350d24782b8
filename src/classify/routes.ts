/**
 * routes: administration routes of the MSC product.
 * Reads: MSC interventions and arms (tier 1), else titles (tier 2), else MSC sentences of the description
 * (tier 3, route word close to the MSC term). Vocabulary: rules/routes.json.
 * A bare "infusion"/"transfusion" (value intravenous_weak) means intravenous only when no explicit route is
 * found in any tier (GUIDELINE gold practice); a bare "implantation"/"graft" (surgical_weak) means surgical
 * implantation only for a product on a carrier material. Product facts (e.g. Cx601 -> local injection) fill in
 * when the record names no route.
 */
import type { Evidence, Route } from '../model/labels.js';
import { ROUTES } from '../model/labels.js';
import { evidenceOf, firstPerValue } from './evidence.js';
import { productFact, type ProductResult } from './product.js';
import { nearMsc } from './tiers.js';
import type { Hit, StudyView } from './view.js';

export const ROUTES_FIELDS = ['briefTitle', 'officialTitle', 'acronym', 'interventions', 'arms', 'briefSummary', 'detailedDescription'] as const;

const KNOWN = new Set<string>(ROUTES);

export function decideRoutes(v: StudyView, product: ProductResult, biomaterial: boolean): { routes: Route[]; evidence: Evidence[] } {
  const hits = v.hits.filter((h) => h.family === 'route');
  const inTier = (h: Hit, t: number): boolean => (t === 3 ? v.tier(h) === 3 && nearMsc(v, h, 120) : v.tier(h) === t);
  let chosen: Hit[] = [];
  for (const t of [1, 2, 3]) {
    chosen = hits.filter((h) => KNOWN.has(h.value) && inTier(h, t));
    if (chosen.length > 0) break;
  }
  if (chosen.length === 0) {
    for (const t of [1, 2, 3]) {
      const weak = hits.filter((h) => inTier(h, t) && (h.value === 'intravenous_weak' || (h.value === 'surgical_weak' && biomaterial)));
      if (weak.length > 0) {
        const w = weak.find((h) => h.value === 'intravenous_weak') ?? weak[0]!;
        const value = w.value === 'intravenous_weak' ? 'intravenous' : 'surgical_implantation';
        return { routes: [value], evidence: [evidenceOf('routes', value, w)] };
      }
    }
    const evidence: Evidence[] = [];
    for (const r of product.product?.routes ?? []) {
      const e = productFact('routes', r, product, 'route');
      if (e) evidence.push(e);
    }
    return { routes: ROUTES.filter((r) => evidence.some((e) => e.value === r)), evidence };
  }
  const evidence = chosen.map((h) => evidenceOf('routes', h.value, h));
  return { routes: ROUTES.filter((r) => evidence.some((e) => e.value === r)), evidence: firstPerValue(evidence) };
}
