/**
 * modifications: genetically_modified / primed / differentiated.
 * Reads: MSC interventions and arms, titles, MSC sentences of the description (close to the MSC term).
 * Vocabulary: rules/modifications.json; product facts (e.g. NurOwn -> differentiated).
 */
import type { Evidence, Modification } from '../model/labels.js';
import { MODIFICATIONS } from '../model/labels.js';
import { evidenceOf, firstPerValue } from './evidence.js';
import { productFact, type ProductResult } from './product.js';
import { nearMsc } from './tiers.js';
import type { StudyView } from './view.js';

export const MODIFICATIONS_FIELDS = ['briefTitle', 'officialTitle', 'acronym', 'interventions', 'arms', 'briefSummary', 'detailedDescription'] as const;

export function decideModifications(v: StudyView, product: ProductResult): { modifications: Modification[]; evidence: Evidence[] } {
  const hits = v.hits.filter(
    (h) => h.family === 'modification' && (v.tier(h) === 1 || h.zone === 'title' || (v.tier(h) === 3 && nearMsc(v, h, 80))),
  );
  const evidence: Evidence[] = hits.map((h) => evidenceOf('modifications', h.value, h));
  for (const m of product.product?.modifications ?? []) {
    if (!evidence.some((e) => e.value === m)) {
      const e = productFact('modifications', m, product, 'modification');
      if (e) evidence.push(e);
    }
  }
  const modifications = MODIFICATIONS.filter((m) => evidence.some((e) => e.value === m));
  return { modifications, evidence: firstPerValue(evidence) };
}
