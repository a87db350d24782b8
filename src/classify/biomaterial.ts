/**
 * biomaterial: the MSC product is combined with a scaffold, hydrogel, matrix, membrane, bone substitute,
 * fibrin glue or other carrier (saline, albumin, PRP, platelet lysate are not).
 * Reads: MSC interventions and arms, titles, MSC sentences of the description (carrier word near the MSC term; not
 * sentences about MSCs in general: "MSCs act through ... extracellular matrix").
 * Outside the MSC intervention, a material that is the name of another (comparator) intervention does not count.
 * Vocabulary: rules/biomaterial.json; product facts (e.g. Cartistem).
 * Cue sets (rules/contexts.json): biomaterial.background.
 * Returns: biomaterial (true/false), its reason code and its evidence (each quote with the rule id that gave it).
 * Reason codes (FAMILY_REASONS.biomaterial): stated (a carrier word quoted from the record), product_fact (the
 *   named product's fact), none_stated (false).
 */
import type { Evidence, FamilyReason } from '../model/labels.js';
import { evidenceOf } from './evidence.js';
import { productFact, type ProductResult } from './product.js';
import { nearMsc } from './tiers.js';
import type { Hit, StudyView } from './view.js';
import { cueSet } from './cuesets.js';

/** A description sentence about MSCs in general (mechanisms, literature), not about the study's product. */
const BACKGROUND = cueSet('biomaterial.background');

function background(v: StudyView, h: Hit): boolean {
  const [a, b] = v.sentenceOf(h);
  return BACKGROUND.test(v.text(h.field).slice(a, b));
}

export interface BiomaterialResult {
  biomaterial: boolean;
  reason: FamilyReason<'biomaterial'>;
  evidence: Evidence[];
}

export function decideBiomaterial(v: StudyView, product: ProductResult): BiomaterialResult {
  // A material that is itself another intervention of the study (hyaluronate as the control injection) is the
  // comparator when titles or the description name it, not the MSC product's carrier.
  const others = v.study.interventions
    .filter((_, i) => !v.mscInterventions.has(i))
    .map((iv) => iv.name.toLowerCase());
  const comparator = (h: Hit): boolean =>
    v.tier(h) !== 1 && others.some((n) => n.includes(h.text.toLowerCase()));
  const hits = v.hits.filter(
    (h) =>
      h.family === 'biomaterial' &&
      (v.tier(h) === 1 ||
        h.zone === 'title' ||
        (v.tier(h) === 3 && nearMsc(v, h, 80) && !background(v, h))) &&
      !comparator(h),
  );
  if (hits.length > 0)
    return {
      biomaterial: true,
      reason: 'stated',
      evidence: hits.slice(0, 2).map((h) => evidenceOf('biomaterial', 'true', h)),
    };
  if (product.product?.biomaterial) {
    const e = productFact('biomaterial', 'true', product, 'biomaterial');
    if (e) return { biomaterial: true, reason: 'product_fact', evidence: [e] };
  }
  return { biomaterial: false, reason: 'none_stated', evidence: [] };
}
