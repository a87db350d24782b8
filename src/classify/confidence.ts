/**
 * confidence: how each label was reached (README "Confidence"). Reads the labels, their reason codes and their
 * evidence (which field each value was quoted from) and how much text the record has.
 *
 *   category  high   the MSC product is named in an MSC intervention/arm or as a named product, or the record is
 *                    full and names no MSC at all (or only in the eligibility criteria)
 *             medium found in titles only, in a description sentence, given to followed patients (observational),
 *                    decided by expansion cues (mixture vs culture-expanded), or excluded on background mentions,
 *                    laboratory use or another cell therapy
 *             low    undetermined, or a record without descriptions (title-level export) not included from its
 *                    intervention names
 *   facts     high   every value quoted from the MSC interventions/arms or a named product's facts
 *   (sources, medium values from titles or the description, guideline inferences (reason codes
 *   donor,           perinatal_implied, autologous_plus_perinatal, carrier, stated.experimental_arm,
 *                    harvest_in_procedure; donor
 *                    "both"), or an empty value on a
 *                    full record
 *   routes,   low    an empty value on a record without descriptions; every fact of a low-confidence category;
 *                    routes inferred (iv_default.*, implant_word, carrier, joint_injection) on such a record
 *   modifications, biomaterial)  -- excluded studies: the confidence of their category
 *   covid19, specialty  high when read from the conditions (covid19: reason stated.condition / stated.mesh) (or a
 *                       full record without a COVID-19 mention),
 *                       medium otherwise (covid19: also false because the pandemic is only the setting), low without
 *                       conditions on a record without descriptions
 */
import type { Confidence, Evidence, LabelConfidence, Labels, ReasonFamily } from '../model/labels.js';
import type { Study } from '../model/study.js';

/**
 * Formats whose records are whole registry records with one free-text intervention field and often no summary by
 * design (ICTRP, ANZCTR, ChiCTR, EUCTR, CTIS): what they lack is not missing from the export, so they are judged as
 * they are, never left `undetermined`.
 */
const WHOLE_REGISTRY_RECORDS: ReadonlySet<string> = new Set([
  'ictrp-xml',
  'ictrp-csv',
  'anzctr-xml',
  'chictr-xml',
  'euctr-text',
  'ctis-json',
]);

/** A record with no narrative text: no summary, description, intervention or arm description (title-level export). */
export function lacksText(s: Study): boolean {
  if (WHOLE_REGISTRY_RECORDS.has(s.provenance.format)) return false;
  return (
    !s.briefSummary &&
    !s.detailedDescription &&
    s.interventions.every((iv) => !iv.description) &&
    s.arms.every((a) => !a.description)
  );
}

const inProductFields = (e: Evidence): boolean =>
  e.field.startsWith('interventions.') || e.field.startsWith('arms.') || e.rule.startsWith('product.');

/**
 * Guideline inferences: values not stated but derived (perinatal tissue given to adults -> allogeneic, a
 * carrier-borne product with no route named -> topical / surgical implantation, an experimental arm's unnamed cells
 * taken for the MSC product), by their reason codes.
 */
const INFERRED: ReadonlySet<string> = new Set([
  'perinatal_implied',
  'autologous_plus_perinatal',
  'carrier',
  // routes: a bare injection of the product in a joint study (knee osteoarthritis ...) -> intra-articular
  'joint_injection',
  // donor: a donor word on the cells of an experimental arm that names no MSC term (the product inferred)
  'stated.experimental_arm',
  // donor: the product's tissue harvested in the study's procedure, no donor named (the patient's own inferred)
  'harvest_in_procedure',
]);
/** COVID-19 read from the conditions or their MeSH terms. */
const COVID_FROM_CONDITIONS: ReadonlySet<string> = new Set(['stated.condition', 'stated.mesh']);

const lower = (a: Confidence, b: Confidence): Confidence =>
  a === 'low' || b === 'low' ? 'low' : a === 'medium' || b === 'medium' ? 'medium' : 'high';

function categoryConfidence(l: Labels, thin: boolean): Confidence {
  if (l.category === 'undetermined') return 'low';
  const r = l.screeningReason;
  if (l.included) {
    const named = l.evidence.some((e) => e.label === 'category' && inProductFields(e));
    if (thin) return named ? 'medium' : 'low';
    if (r.endsWith('.from_description') || r.endsWith('.observational')) return 'medium';
    if (
      r.startsWith('include.stromal_mixture.not_expanded') ||
      r.startsWith('include.msc_cells.expanded_mixture')
    )
      return 'medium';
    return named || l.product !== null ? 'high' : 'medium';
  }
  if (thin) return 'low';
  return r === 'exclude.no_msc_mention' || r === 'exclude.mention_only_in_eligibility' ? 'high' : 'medium';
}

/**
 * Routes inferred, not stated: a bare infusion (intravenous), a bare implantation word or a carrier (topical /
 * surgical implantation), a bare injection in a joint study (intra-articular). On a record without descriptions
 * (a title-level export row) such a route rests on a title or an intervention name alone, where the full record
 * often states another: low.
 */
const INFERRED_ROUTE: ReadonlySet<string> = new Set([
  'iv_default.intervention',
  'iv_default.title',
  'iv_default.description',
  'iv_default.outcome',
  'implant_word',
  'carrier',
  'joint_injection',
]);

function factConfidence(l: Labels, label: ReasonFamily, empty: boolean, thin: boolean): Confidence {
  if (empty) return thin ? 'low' : 'medium';
  if (thin && label === 'routes' && INFERRED_ROUTE.has(l.reasons?.routes ?? '')) return 'low';
  const evs = l.evidence.filter((e) => e.label === label);
  if (INFERRED.has(l.reasons?.[label] ?? '') || (label === 'donor' && l.donor === 'both')) return 'medium';
  return evs.length > 0 && evs.every(inProductFields) && !thin ? 'high' : 'medium';
}

const fromConditions = (l: Labels, label: string): boolean =>
  l.evidence.some(
    (e) => e.label === label && (e.field.startsWith('conditions') || e.field.startsWith('conditionMesh')),
  );

export function decideConfidence(study: Study, l: Labels): LabelConfidence {
  const thin = lacksText(study);
  const category = categoryConfidence(l, thin);
  const fact = (label: ReasonFamily, empty: boolean): Confidence =>
    l.included ? lower(category, factConfidence(l, label, empty, thin)) : category;
  const hasConditions = study.conditions.length > 0;
  const covid19: Confidence = l.covid19
    ? COVID_FROM_CONDITIONS.has(l.reasons?.covid19 ?? '')
      ? 'high'
      : 'medium'
    : l.reasons?.covid19 === 'pandemic_setting'
      ? 'medium'
      : hasConditions || !thin
        ? 'high'
        : 'low';
  const specialty: Confidence = fromConditions(l, 'specialty')
    ? 'high'
    : hasConditions || !thin
      ? 'medium'
      : 'low';
  return {
    category,
    sources: fact('sources', l.sources.length === 0),
    donor: fact('donor', l.donor === 'unspecified'),
    modifications: fact('modifications', l.modifications.length === 0),
    biomaterial: fact('biomaterial', !l.biomaterial),
    routes: fact('routes', l.routes.length === 0),
    covid19,
    specialty,
  };
}
