/**
 * donor: autologous / allogeneic / both / unspecified.
 * Reads: the MSC intervention and its arms (tier 1), titles (tier 2), MSC sentences of the description (tier 3).
 * Vocabulary: rules/donor.json.
 * A donor word is "bound" when it qualifies an MSC term: the next MSC term within 60 characters with no other
 * donor word in between ("autologous chondrons with allogeneic ADSCs" binds only "allogeneic"), or an MSC term
 * just before it ("MSCs from the patient's own marrow"), or a phrase that needs no product term ("cultured
 * and transplanted back to the knee"). Bound words of the first tier that has any decide;
 * else unbound words of tiers 1-2. Both types -> both.
 * Nothing stated: the donor fact of a product the GUIDELINE names (rules/products.json `guideline`; other products'
 * donors are general knowledge the guideline forbids); else a perinatal source given to patients older than
 * infants (a maximum age over a year: a newborn's own cord may be the source) (umbilical cord, cord blood,
 * placenta/amnion) implies allogeneic (GUIDELINE), quoting the source;
 * autologous words plus an unqualified perinatal source -> both.
 * Last resort, nothing of the above: the donor words of the summary/description wherever they sit ("third party
 * human cultured cells", "autologous stem cell transplantation") outside background sentences and sentences about
 * an animal model or laboratory work (except a cell bank the cells come from, donor.allogeneic.bank: "MSCs from a
 * master cell bank, characterized in vitro") or (unless bound to an MSC term) a haematopoietic transplant;
 * autologous and allogeneic words together decide nothing there; nor does a donor word qualifying a haematopoietic
 * transplant ("GVHD after allogeneic HSCT", "following allogeneic bone marrow transplantation": the patient's graft).
 * A donor word qualifying the patients' haematopoietic transplant or its cells ("after allogeneic HSCT", "allogeneic
 * bone marrow transplantation", "allogeneic HSCs and MSCs") decides no step: it is about the graft, not the product;
 * nor does one qualifying the medium or an added blood product ("in autologous serum", "autologous PRP"). Where a
 * step states both types and every word of one type qualifies co-given mononuclear cells ("autologous BM-MNCs and
 * allogeneic UC-MSCs"), the other type decides.
 * Eligibility criteria are read last, only for a section written for the product's donors (see stated.eligibility).
 * Cue sets (rules/contexts.json): donor.after_product, donor.background, donor.own_before_perinatal,
 * donor.other_phrase, donor.hematopoietic_transplant, donor.allogeneic_transplant, donor.hematopoietic_context, donor.animal,
 * donor.eligibility_donor, donor.generic_cells, donor.infant_max_age, donor.vehicle, donor.mononuclear,
 * donor.harvest_marrow, donor.harvest_fat, donor.own_fat_graft, donor.fat_graft, donor.fat_graft_after.
 * Returns: donor, its reason code and its evidence (each quote with the rule id that gave it).
 * Reason codes (FAMILY_REASONS.donor), in decision order: stated.bound (bound words of the MSC interventions/arms
 *   and titles), stated.unbound (any donor word of the MSC interventions/arms), stated.bound.description (bound
 *   words of MSC sentences of the description), stated.unbound.title (any donor word of the titles),
 *   stated.bound.other_sentence (the first bound word of another description sentence), stated.bound.keyword_or_outcome
 *   (words qualifying an MSC term in a keyword or a primary outcome measure, "Allogeneic bone marrow MSCs", "safety
 *   of autologous MSCs", not a haematopoietic transplant's); autologous_plus_perinatal
 *   (any of these saying autologous, plus an unqualified perinatal source -> both); product_fact;
 *   perinatal_implied (a perinatal source -> allogeneic); stated.unbound.description (the last resort above);
 *   stated.experimental_arm (nothing else decides, and an experimental arm naming no MSC term gives cells a donor
 *   word qualifies: "allogeneic stem cells"); stated.eligibility (nothing else decides, and the eligibility criteria are written for the product's donors:
 *   a donor section heading, "MSC donor", "healthy donors" -> allogeneic); harvest_in_procedure (nothing else decides,
 *   the product's tissue is harvested in the study's procedure from a site of a body, "bone marrow is aspirated from
 *   the posterior iliac crest", "fat is harvested from the lower abdomen", or an eligibility criterion names the
 *   harvest the patients undergo, "contraindication to bone marrow aspiration", or the product is given with a fat
 *   graft the record calls the patient's own, "autologous fat grafting", and nothing in the record speaks of a
 *   donor -> autologous); none_stated.
 */
import type { Donor, Evidence, FamilyReason, TissueSource } from '../model/labels.js';
import { evidenceOf, firstPerValue } from './evidence.js';
import { productFact, type ProductResult } from './product.js';
import type { FieldRef, Hit, StudyView } from './view.js';
import { cueSet } from './cuesets.js';

const OWN_BEFORE_PERINATAL = cueSet('donor.own_before_perinatal');
/** Where one noun phrase ends and another begins ("and", "plus", ",", "+"). */
const OTHER_PHRASE = cueSet('donor.other_phrase');

const PERINATAL = new Set<TissueSource>(['umbilical_cord', 'cord_blood', 'placenta_amnion']);
const BACKGROUND = cueSet('donor.background');
const HEMATOPOIETIC_TRANSPLANT = cueSet('donor.hematopoietic_transplant');
const HEMATOPOIETIC_CONTEXT = cueSet('donor.hematopoietic_context');
const ALLOGENEIC_TRANSPLANT = cueSet('donor.allogeneic_transplant');
const ANIMAL = cueSet('donor.animal');
/** Donor words naming a cell bank the product comes from (rules/donor.json). */
const BANK_RULE = 'donor.allogeneic.bank';
const ELIGIBILITY_DONOR = cueSet('donor.eligibility_donor');
const GENERIC_CELLS = cueSet('donor.generic_cells');
const INFANT_MAX_AGE = cueSet('donor.infant_max_age');
const VEHICLE = cueSet('donor.vehicle');
const MONONUCLEAR = cueSet('donor.mononuclear');
/** Tissue harvested from the patient in the study's procedure, per product source (see harvestInProcedure). */
const HARVEST_IN_PROCEDURE: ReadonlyArray<readonly [TissueSource, RegExp]> = [
  ['bone_marrow', cueSet('donor.harvest_marrow')],
  ['adipose', cueSet('donor.harvest_fat')],
];
/** Eligibility criteria naming the tissue harvest the patients undergo, per product source (see harvestInProcedure). */
const HARVEST_IN_ELIGIBILITY: ReadonlyArray<readonly [TissueSource, RegExp]> = [
  ['bone_marrow', cueSet('donor.eligibility_harvest_marrow')],
  ['adipose', cueSet('donor.eligibility_harvest_fat')],
];
const ELIGIBILITY_DIAGNOSTIC = cueSet('donor.eligibility_diagnostic');
/** The end of an eligibility criterion: a line break, a full stop or a semicolon. */
const CRITERION_END = /[\n.;]+/;

/**
 * A criterion of the eligibility (one line or sentence) naming the harvest `re` the patients undergo, not one about a
 * diagnosis or a finding ("bone marrow aspiration showing blasts").
 */
function eligibilityHarvest(v: StudyView, re: RegExp): Evidence | null {
  const text = v.study.eligibility.criteria ?? '';
  let from = 0;
  for (const line of text.split(CRITERION_END)) {
    const at = text.indexOf(line, from);
    from = at + line.length;
    const m = re.exec(line);
    if (!m || ELIGIBILITY_DIAGNOSTIC.test(line)) continue;
    const start = at + m.index;
    const end = start + m[0].length;
    const rule = 'donor.autologous.harvest_in_eligibility';
    return {
      label: 'donor',
      value: 'autologous',
      field: 'eligibility.criteria',
      start,
      end,
      text: m[0],
      rule,
    };
  }
  return null;
}

/** The patient's own fat graft ("autologous fat grafting", "their own lipofilling"), and any fat graft. */
const OWN_FAT_GRAFT = cueSet('donor.own_fat_graft');
const FAT_GRAFT = cueSet('donor.fat_graft');
const FAT_GRAFT_AFTER = cueSet('donor.fat_graft_after');

/**
 * Nothing else decides, and no word anywhere speaks of a donor or another person's cells (no allogeneic word,
 * perinatal source or donor eligibility section): the product's tissue is the patient's own (GUIDELINE: "From the
 * patient's own ..." = autologous) when the record describes it harvested in the study's procedure from a site of a
 * body ("bone marrow is aspirated from the posterior iliac crest", "fat is harvested from the lower abdomen"), or
 * when the product is given with a fat graft (an MSC intervention/arm names the graft) and the record calls
 * that graft the patient's own ("autologous fat grafting"; the cells are added to the patient's own fat). Read in
 * the titles, the summary/description outside background and animal sentences, and the MSC interventions/arms (the
 * own fat graft: any intervention/arm). An inference: confidence medium.
 */
function harvestInProcedure(
  v: StudyView,
  sources: { sources: TissueSource[]; evidence: Evidence[] },
  isBackgroundText: (text: string) => boolean,
): Evidence | null {
  if (v.hits.some((h) => h.family === 'donor' && h.value === 'allogeneic')) return null;
  if (sources.sources.some((s) => PERINATAL.has(s)) || eligibilityDonor(v)) return null;
  const product = (f: FieldRef): boolean =>
    f.zone === 'title' ||
    f.zone === 'summary' ||
    (f.zone === 'intervention' && v.mscInterventions.has(f.owner)) ||
    (f.zone === 'arm' && v.mscArms.has(f.owner));
  const find = (re: RegExp, read: (f: FieldRef) => boolean, rule: string): Evidence | null => {
    for (const f of v.fields) {
      if (!read(f)) continue;
      const m = re.exec(f.text);
      if (!m) continue;
      const [a, b] = v.sentence(f.path, m.index, m.index + m[0].length);
      if (f.zone === 'summary' && isBackgroundText(f.text.slice(a, b))) continue;
      const end = m.index + m[0].length;
      return { label: 'donor', value: 'autologous', field: f.path, start: m.index, end, text: m[0], rule };
    }
    return null;
  };
  for (const [source, re] of HARVEST_IN_PROCEDURE) {
    if (!sources.sources.includes(source)) continue;
    const e = find(re, product, 'donor.autologous.harvest_in_procedure');
    if (e) return e;
  }
  for (const [source, re] of HARVEST_IN_ELIGIBILITY) {
    if (!sources.sources.includes(source)) continue;
    const e = eligibilityHarvest(v, re);
    if (e) return e;
  }
  const withGraft = v.fields.some(
    (f) => (f.zone === 'intervention' || f.zone === 'arm') && product(f) && FAT_GRAFT.test(f.text),
  );
  if (!withGraft) return null;
  return find(
    OWN_FAT_GRAFT,
    (f) => f.zone === 'title' || f.zone === 'summary' || f.zone === 'intervention' || f.zone === 'arm',
    'donor.autologous.own_fat_graft',
  );
}

/**
 * Eligibility criteria written for donors of the product (GUIDELINE: "donor" = allogeneic): a donor section
 * heading ("Donor inclusion criteria:"), "MSC donor", "healthy donors". Read only when nothing else decides.
 */
function eligibilityDonor(v: StudyView): Evidence | null {
  const text = v.study.eligibility.criteria ?? '';
  const m = ELIGIBILITY_DONOR.exec(text);
  if (!m) return null;
  const start = m.index + (m[0].length - m[0].trimStart().length);
  const end = m.index + m[0].trimEnd().length;
  return {
    label: 'donor',
    value: 'allogeneic',
    field: 'eligibility.criteria',
    start,
    end,
    text: text.slice(start, end),
    rule: 'donor.allogeneic.eligibility_donor',
  };
}

/**
 * A donor word that qualifies a haematopoietic transplant ("after allogeneic HSCT": the patient's graft) or the
 * medium / an added blood product ("diluted in autologous serum", "with autologous platelet-rich plasma").
 */
function aboutTransplant(v: StudyView, h: Hit): boolean {
  const after = v.text(h.field).slice(h.end, h.end + 120);
  return (
    HEMATOPOIETIC_TRANSPLANT.test(after) ||
    VEHICLE.test(after) ||
    (h.value === 'allogeneic' && ALLOGENEIC_TRANSPLANT.test(after))
  );
}

/**
 * Autologous and allogeneic words together, where every word of one type qualifies mononuclear cells given with the
 * MSC product, the other type qualifying that product in the same text ("autologous BM-MNCs and allogeneic
 * UC-MSCs"), or a fat graft the product is added to ("allogeneic ASCs added to an autologous fat graft": the graft's
 * donor, not the cells'): the other type is the MSC product's. Separate arms of each stay "both". Else the words as
 * they are.
 */
function withoutMononuclear(v: StudyView, sel: Hit[]): Hit[] {
  const after = (h: Hit): string => v.text(h.field).slice(h.end, h.end + 80);
  const mnc = (h: Hit): boolean => MONONUCLEAR.test(after(h));
  const graft = (h: Hit): boolean => FAT_GRAFT_AFTER.test(after(h));
  for (const side of ['autologous', 'allogeneic'] as const) {
    const mine = sel.filter((h) => h.value === side);
    const other = sel.filter((h) => h.value !== side && !mnc(h) && !graft(h));
    const coGiven = (h: Hit): boolean =>
      (mnc(h) && other.some((o) => o.field === h.field)) || (graft(h) && other.length > 0);
    if (mine.length > 0 && other.length > 0 && mine.every(coGiven)) return other;
  }
  return sel;
}

/** What may stand between a product term and a donor word that qualifies it ("MSCs from the patient's own"). */
const AFTER_PRODUCT = cueSet('donor.after_product');

/**
 * Donor phrases that speak of the product by themselves wherever they sit in an MSC sentence: cells "transplanted
 * back" / "re-injected into the patient", tissue "harvested from the fat pad of the patients", tissue harvested and
 * processed in the same procedure ("on the same day as the liposuction", "in a single surgical time"), or
 * "patients undergo bone marrow aspiration", can only be the patient's own.
 */
const SELF_BOUND = new Set([
  'donor.autologous.back',
  'donor.autologous.harvested',
  'donor.autologous.same_procedure',
]);

function bound(v: StudyView, d: Hit, donors: Hit[]): boolean {
  const msc = v.inField(d.field).filter((h) => h.msc || h.family === 'source' || h.also.source !== undefined);
  // the nearest following MSC term (the first of several at the same offset)
  let next: Hit | undefined;
  for (const m of msc)
    if (m.start >= d.end && m.start - d.end <= 60 && (next === undefined || m.start < next.start)) next = m;
  if (next && !donors.some((o) => o !== d && o.field === d.field && o.start >= d.end && o.end <= next.start))
    return true;
  const text = v.text(d.field);
  return msc.some(
    (m) => m.end <= d.start && d.start - m.end <= 30 && AFTER_PRODUCT.test(text.slice(m.end, d.start)),
  );
}

export interface DonorResult {
  donor: Donor;
  reason: FamilyReason<'donor'>;
  evidence: Evidence[];
}

function decide(sel: Hit[]): { donor: Donor; evidence: Evidence[] } | null {
  const auto = sel.filter((h) => h.value === 'autologous');
  const allo = sel.filter((h) => h.value === 'allogeneic');
  if (auto.length > 0 && allo.length > 0)
    return {
      donor: 'both',
      evidence: firstPerValue(
        [...auto.slice(0, 1), ...allo.slice(0, 1)].map((h) => evidenceOf('donor', 'both', h)),
        2,
      ),
    };
  if (auto.length > 0)
    return {
      donor: 'autologous',
      evidence: firstPerValue(auto.map((h) => evidenceOf('donor', 'autologous', h))),
    };
  if (allo.length > 0)
    return {
      donor: 'allogeneic',
      evidence: firstPerValue(allo.map((h) => evidenceOf('donor', 'allogeneic', h))),
    };
  return null;
}

/**
 * The donor words of the summary and description as a last resort (see the header): one donor type stated there, in
 * a sentence that may speak of the product given to patients, decides; both types decide nothing.
 */
function described(
  v: StudyView,
  donorWords: Hit[],
  isBackground: (h: Hit) => boolean,
): { donor: Donor; evidence: Evidence[] } | null {
  const words = donorWords.filter((h) => {
    if (h.zone !== 'summary' || aboutTransplant(v, h)) return false;
    const text = v.text(h.field);
    const [a, b] = v.sentenceOf(h);
    const sentence = text.slice(a, b);
    // A cell bank is where the product's cells come from, also in a sentence on their laboratory testing ("MSCs
    // from a master cell bank, characterized in vitro").
    const lab = ANIMAL.test(sentence) && h.rule !== BANK_RULE;
    return !lab && (!HEMATOPOIETIC_CONTEXT.test(sentence) || bound(v, h, [h]));
  });
  const one = (sel: Hit[]): { donor: Donor; evidence: Evidence[] } | null => {
    const r = decide(sel);
    return r && r.donor !== 'both' ? r : null;
  };
  return one(words.filter((h) => !isBackground(h)));
}

/** Autologous product words plus a perinatal source no autologous word qualifies -> both (GUIDELINE). */
function withPerinatal(v: StudyView, r: DonorResult, sources: Evidence[]): DonorResult {
  const peri = sources.find((e) => PERINATAL.has(e.value as TissueSource) && e.rule.startsWith('source.'));
  if (!peri) return r;
  const text = v.text(peri.field);
  // Only an own/autologous word of the perinatal source's own phrase ("own banked cord blood"), not one before a
  // conjunction qualifying co-given cells ("autologous BM-MNCs and umbilical cord MSCs").
  const phrase =
    text
      .slice(Math.max(0, peri.start - 60), peri.start)
      .split(OTHER_PHRASE)
      .pop() ?? '';
  if (OWN_BEFORE_PERINATAL.test(phrase)) return r;
  return {
    donor: 'both',
    reason: 'autologous_plus_perinatal',
    evidence: [
      ...r.evidence.map((e) => ({ ...e, value: 'both' })),
      { ...peri, label: 'donor', value: 'both', rule: 'donor.allogeneic.perinatal_source' },
    ],
  };
}

export function decideDonor(
  v: StudyView,
  product: ProductResult,
  sources: { sources: TissueSource[]; evidence: Evidence[] },
): DonorResult {
  const donorWords = v.hits.filter((h) => h.family === 'donor');
  // A donor word qualifying a haematopoietic transplant or its cells ("after allogeneic HSCT", "allogeneic bone
  // marrow transplantation", "allogeneic haematopoietic stem cells") is about the patient's graft in every step.
  const donors = donorWords.filter((h) => v.tier(h) <= 3 && h.zone !== 'keyword' && !aboutTransplant(v, h));
  const isBackground = (h: Hit): boolean => {
    if (h.zone !== 'summary') return false;
    const text = v.text(h.field);
    const [a, b] = v.sentenceOf(h);
    return BACKGROUND.test(text.slice(a, b));
  };
  const b = donors.filter((d) => (bound(v, d, donors) || SELF_BOUND.has(d.rule)) && !isBackground(d));
  const summary = donorWords.filter((h) => h.zone === 'summary' && v.tier(h) === 4);
  // The first step whose words decide, in order (each step's reason code names it).
  const steps: ReadonlyArray<readonly [FamilyReason<'donor'>, () => Hit[]]> = [
    ['stated.bound', () => b.filter((h) => v.tier(h) <= 2)],
    ['stated.unbound', () => donors.filter((h) => v.tier(h) === 1)],
    ['stated.bound.description', () => b.filter((h) => v.tier(h) === 3)],
    ['stated.unbound.title', () => donors.filter((h) => v.tier(h) === 2)],
    [
      'stated.bound.other_sentence',
      () =>
        summary.filter((d) => bound(v, d, summary) && !isBackground(d) && !aboutTransplant(v, d)).slice(0, 1),
    ],
    [
      'stated.bound.keyword_or_outcome',
      () => {
        const other = donorWords.filter((h) => h.zone === 'keyword' || h.zone === 'outcome');
        return other.filter((h) => bound(v, h, other) && !aboutTransplant(v, h));
      },
    ],
  ];
  for (const [reason, select] of steps) {
    const d = decide(withoutMononuclear(v, select()));
    if (!d) continue;
    const r: DonorResult = { donor: d.donor, reason, evidence: d.evidence };
    return r.donor === 'autologous' ? withPerinatal(v, r, sources.evidence) : r;
  }
  if (product.product?.guideline && product.product.donor !== 'unspecified') {
    const e = productFact('donor', product.product.donor, product, 'donor');
    if (e) return { donor: product.product.donor, reason: 'product_fact', evidence: [e] };
  }
  const peri = sources.evidence.find((e) => PERINATAL.has(e.value as TissueSource));
  if (peri && !INFANT_MAX_AGE.test(v.study.eligibility.maximumAge ?? ''))
    return {
      donor: 'allogeneic',
      reason: 'perinatal_implied',
      evidence: [{ ...peri, label: 'donor', value: 'allogeneic', rule: 'donor.allogeneic.perinatal_source' }],
    };
  const d = described(v, donorWords, isBackground);
  if (d) return { donor: d.donor, reason: 'stated.unbound.description', evidence: d.evidence };
  const arm = decide(
    donorWords.filter(
      (h) =>
        h.zone === 'arm' &&
        v.tier(h) === 4 &&
        v.study.arms[h.owner]?.type === 'EXPERIMENTAL' &&
        !aboutTransplant(v, h) &&
        GENERIC_CELLS.test(v.text(h.field).slice(h.end, h.end + 60)),
    ),
  );
  if (arm && arm.donor !== 'both')
    return { donor: arm.donor, reason: 'stated.experimental_arm', evidence: arm.evidence };
  const e = eligibilityDonor(v);
  if (e) return { donor: 'allogeneic', reason: 'stated.eligibility', evidence: [e] };
  const h = harvestInProcedure(v, sources, (t) => BACKGROUND.test(t) || ANIMAL.test(t));
  if (h) return { donor: 'autologous', reason: 'harvest_in_procedure', evidence: [h] };
  return { donor: 'unspecified', reason: 'none_stated', evidence: [] };
}
