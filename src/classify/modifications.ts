/**
 * modifications: genetically_modified / primed / differentiated.
 * Reads: MSC interventions and arms, titles, MSC sentences of the description (close to the MSC term; not
 * sentences about MSCs in general: "MSCs can be induced to differentiate into ...").
 * Vocabulary: rules/modifications.json; product facts (e.g. NurOwn -> differentiated).
 * A modification word negated in its clause ("not genetically modified") is not stated (GUIDELINE: empty if none
 * stated).
 * A priming word ("primed", "preconditioned", "stimulated with IFN-γ", ...) counts only as a step in making the product
 * given here (GUIDELINE: primed = "preconditioned/licensed before administration"): not in a sentence about a
 * laboratory assay, an animal or preclinical study or the body ("in vivo", "in the inflamed tissue", "in the patients'
 * lungs", "of the injured tissue"), not after a condition ("when exposed to ...": MSCs in general) or an introductory
 * clause placing the cells in the body ("After infusion, MSCs are activated by ...", "Once in the lungs, ...") and not
 * with the patients as its subject ("patients are pretreated with ...").
 * Nor is a priming word in a description sentence that says, in the present tense, what so-treated MSCs do in general
 * ("MSCs exposed to an inflammatory milieu upregulate IDO", "under hypoxia MSCs secrete more VEGF") unless the sentence
 * speaks of this study's product (this study, we, a hypothesis, cells being given); nor aggregates/clusters of cells in
 * a sentence on unwanted clumping (filtered out, lodging in capillaries, embolism).
 * A three-dimensional culture is primed as the GUIDELINE's "3D spheroid culture": "3D culture" in a sentence that
 * grows the cells on or in a carrier (scaffold, matrix, hydrogel, microcarriers, bioreactor) and names no spheroid,
 * aggregate or cluster is the product's carrier or expansion method, not a priming.
 * A differentiation word counts only as a step in making the product given here (GUIDELINE: differentiated = "induced
 * toward another lineage before administration"): not in a sentence on the cells' tested or innate ability to
 * differentiate (trilineage/multilineage characterisation, "differentiation potential", adipocytes named beside bone or
 * cartilage lineages) or on what they become in the body ("in vivo", "after the injection").
 * A bare virus name (adenovirus, lentiviral, retrovirus) is the patients' infection, not a vector, when disease words
 * follow it ("adenovirus pneumonia") or an infection wording precedes it ("caused by BK virus or adenovirus").
 * Cue sets (rules/contexts.json): modifications.background, modifications.negated,
 *   modifications.primed_not_product, modifications.primed_after_delivery, modifications.differentiated_not_product, modifications.primed_generic_effect,
 *   modifications.primed_this_study, modifications.clumps, modifications.clumping, modifications.virus_word,
 *   modifications.virus_disease_after, modifications.virus_disease_before, modifications.primed_lead, modifications.three_d, modifications.spheroid,
 *   modifications.three_d_carrier.
 * Returns: modifications (a set), its reason code and its evidence (each quote with the rule id that gave it).
 * Reason codes (FAMILY_REASONS.modifications): stated (quoted from the record; a named product's modifications are
 *   added), product_fact (the record states none: the named product's), none_stated.
 */
import type { Evidence, FamilyReason, Modification } from '../model/labels.js';
import { MODIFICATIONS } from '../model/labels.js';
import { evidenceOf, firstPerValue } from './evidence.js';
import { productFact, type ProductResult } from './product.js';
import { nearMsc } from './tiers.js';
import type { Hit, StudyView } from './view.js';
import { cueSet } from './cuesets.js';

/** A description sentence about MSCs in general (definitions, literature), not about the study's product. */
const BACKGROUND = cueSet('modifications.background');

/** A negation shortly before the word, in the same clause. */
const NEGATED = cueSet('modifications.negated');

/** A sentence about an assay, animals or the body: a priming word there is not the product's. */
const PRIMED_NOT_PRODUCT = cueSet('modifications.primed_not_product');

/** A sentence on the cells' ability to differentiate (characterisation) or on what they become in the body. */
const DIFFERENTIATED_NOT_PRODUCT = cueSet('modifications.differentiated_not_product');

/** The clause before a priming word: a condition ("when exposed to") or the patients as its subject. */
const PRIMED_LEAD = cueSet('modifications.primed_lead');

/** An introductory clause before a priming word placing the cells in the body ("After infusion, ..."). */
const PRIMED_AFTER_DELIVERY = cueSet('modifications.primed_after_delivery');

/** What so-treated MSCs do in general (after the priming word); a sentence on this study's product. */
const PRIMED_GENERIC_EFFECT = cueSet('modifications.primed_generic_effect');
const PRIMED_THIS_STUDY = cueSet('modifications.primed_this_study');

/** A priming quote naming aggregates/clusters; a sentence on unwanted clumping of the cells. */
const CLUMPS = cueSet('modifications.clumps');
const CLUMPING = cueSet('modifications.clumping');

/** A virus-name quote; words after or before it that make it the patients' infection. */
const VIRUS_WORD = cueSet('modifications.virus_word');
const VIRUS_DISEASE_AFTER = cueSet('modifications.virus_disease_after');
const VIRUS_DISEASE_BEFORE = cueSet('modifications.virus_disease_before');

/** A three-dimensional culture quote; spheroid-type words; a carrier the cells grow on or in. */
const THREE_D = cueSet('modifications.three_d');
const SPHEROID = cueSet('modifications.spheroid');
const THREE_D_CARRIER = cueSet('modifications.three_d_carrier');

function background(v: StudyView, h: Hit): boolean {
  const [a, b] = v.sentenceOf(h);
  return BACKGROUND.test(v.text(h.field).slice(a, b));
}

function negated(v: StudyView, h: Hit): boolean {
  const [a] = v.sentenceOf(h);
  return NEGATED.test(v.text(h.field).slice(Math.max(a, h.start - 40), h.start));
}

/** A priming word that is not a step in making the product given here (see the header). */
function primedNotProduct(v: StudyView, h: Hit): boolean {
  if (h.value !== 'primed') return false;
  const [a, b] = v.sentenceOf(h);
  const t = v.text(h.field);
  const sentence = t.slice(a, b);
  if (PRIMED_NOT_PRODUCT.test(sentence) || PRIMED_LEAD.test(t.slice(Math.max(a, h.start - 80), h.start)))
    return true;
  if (PRIMED_AFTER_DELIVERY.test(t.slice(a, h.start))) return true;
  if (
    h.zone === 'summary' &&
    PRIMED_GENERIC_EFFECT.test(t.slice(h.end, b)) &&
    !PRIMED_THIS_STUDY.test(sentence)
  )
    return true;
  if (CLUMPS.test(h.text) && CLUMPING.test(sentence)) return true;
  return THREE_D.test(h.text) && !SPHEROID.test(sentence) && THREE_D_CARRIER.test(sentence);
}

/**
 * A differentiation word that is not a step in making the product given here (see the header): a sentence on the
 * cells' tested or innate differentiation ability or on their fate in the body.
 */
function differentiatedNotProduct(v: StudyView, h: Hit): boolean {
  if (h.value !== 'differentiated') return false;
  const [a, b] = v.sentenceOf(h);
  return DIFFERENTIATED_NOT_PRODUCT.test(v.text(h.field).slice(a, b));
}

/** A virus name that is the patients' infection ("adenovirus pneumonia", "caused by ... adenovirus"), not a vector. */
function virusDisease(v: StudyView, h: Hit): boolean {
  if (h.value !== 'genetically_modified' || !VIRUS_WORD.test(h.text)) return false;
  const t = v.text(h.field);
  const [a, b] = v.sentenceOf(h);
  return (
    VIRUS_DISEASE_AFTER.test(t.slice(h.end, b)) ||
    VIRUS_DISEASE_BEFORE.test(t.slice(Math.max(a, h.start - 60), h.start))
  );
}

export interface ModificationsResult {
  modifications: Modification[];
  reason: FamilyReason<'modifications'>;
  evidence: Evidence[];
}

export function decideModifications(v: StudyView, product: ProductResult): ModificationsResult {
  const hits = v.hits.filter(
    (h) =>
      h.family === 'modification' &&
      !negated(v, h) &&
      !primedNotProduct(v, h) &&
      !differentiatedNotProduct(v, h) &&
      !virusDisease(v, h) &&
      (v.tier(h) === 1 || h.zone === 'title' || (v.tier(h) === 3 && nearMsc(v, h, 80) && !background(v, h))),
  );
  const evidence: Evidence[] = hits.map((h) => evidenceOf('modifications', h.value, h));
  for (const m of product.product?.modifications ?? []) {
    if (!evidence.some((e) => e.value === m)) {
      const e = productFact('modifications', m, product, 'modification');
      if (e) evidence.push(e);
    }
  }
  const modifications = MODIFICATIONS.filter((m) => evidence.some((e) => e.value === m));
  const reason = modifications.some((m) => hits.some((h) => h.value === m))
    ? 'stated'
    : modifications.length > 0
      ? 'product_fact'
      : 'none_stated';
  return { modifications, reason, evidence: firstPerValue(evidence) };
}
