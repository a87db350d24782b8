/**
 * donor: autologous / allogeneic / both / unspecified.
 * Reads: the MSC intervention and its arms (tier 1), else titles/keywords (tier 2), else donor words close to an
 * MSC term in the description (tier 3). Vocabulary: rules/donor.json. Both types in the chosen tier -> both.
 * Nothing stated: the named product's donor fact; else a perinatal source (umbilical cord, cord blood,
 * placenta/amnion) given to patients implies allogeneic (GUIDELINE), quoting the source span.
 */
import type { Donor, Evidence, TissueSource } from '../model/labels.js';
import { evidenceOf, firstPerValue } from './evidence.js';
import { productFact, type ProductResult } from './product.js';
import { firstTier, nearMsc } from './tiers.js';
import type { StudyView } from './view.js';

export const DONOR_FIELDS = ['briefTitle', 'officialTitle', 'acronym', 'keywords', 'interventions', 'arms', 'briefSummary', 'detailedDescription'] as const;

const PERINATAL = new Set<TissueSource>(['umbilical_cord', 'cord_blood', 'placenta_amnion']);

export function decideDonor(v: StudyView, product: ProductResult, sources: { sources: TissueSource[]; evidence: Evidence[] }): { donor: Donor; evidence: Evidence[] } {
  const hits = v.hits.filter((h) => h.family === 'donor');
  const chosen = firstTier(v, hits, [[1], [2]]);
  const sel = chosen.length > 0 ? chosen : hits.filter((h) => v.tier(h) === 3 && nearMsc(v, h, 100));
  const auto = sel.filter((h) => h.value === 'autologous');
  const allo = sel.filter((h) => h.value === 'allogeneic');
  if (auto.length > 0 && allo.length > 0) {
    return { donor: 'both', evidence: firstPerValue([...auto, ...allo].map((h) => evidenceOf('donor', 'both', h)), 2) };
  }
  if (auto.length > 0) return { donor: 'autologous', evidence: firstPerValue(auto.map((h) => evidenceOf('donor', 'autologous', h))) };
  if (allo.length > 0) return { donor: 'allogeneic', evidence: firstPerValue(allo.map((h) => evidenceOf('donor', 'allogeneic', h))) };
  if (product.product && product.product.donor !== 'unspecified') {
    const e = productFact('donor', product.product.donor, product, 'donor');
    if (e) return { donor: product.product.donor, evidence: [e] };
  }
  const peri = sources.evidence.find((e) => PERINATAL.has(e.value as TissueSource));
  if (peri) return { donor: 'allogeneic', evidence: [{ ...peri, label: 'donor', value: 'allogeneic', rule: 'donor.allogeneic.perinatal_source' }] };
  return { donor: 'unspecified', evidence: [] };
}
