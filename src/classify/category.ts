/**
 * category: what kind of MSC product (if any) the study gives to people.
 *
 * Reads: titles, interventions (name, description, other names), arms, brief summary, detailed description,
 * primary outcome measures, study type (eligibility criteria only to name the exclusion reason).
 * Vocabulary: rules/category.json (family "msc": cell / derived / mixture terms and the cues expanded,
 * not_expanded, invitro, admin, hsc) plus compound source terms (sources.json, facet msc=cell) and products.
 *
 * Decision (first that applies):
 * 1. Observational studies: MSC product in a sentence with an administration cue and no in-vitro cue ->
 *    patients were given it (followed-up cohort); any other MSC mention -> ex_vivo_only; none -> unrelated.
 * 2. Interventional: MSC terms in the intervention zone (MSC interventions/arms, titles) decide:
 *    derived product terms in a field override the MSC "source" words of that field (MSC-derived exosomes);
 *    cells anywhere -> msc_cells (but cells next to a mixture with "no expansion" stated -> stromal_mixture);
 *    derived only -> msc_derived; mixture only -> stromal_mixture unless culture expansion is stated.
 * 3. No MSC term in the intervention zone: an MSC sentence of the description with an administration cue and
 *    no background cue is used as the zone; else in-vitro cues -> ex_vivo_only; else unrelated (mention only in
 *    background, eligibility, or passing mention beside another cell therapy).
 */
import type { Category, Evidence, ScreeningReason } from '../model/labels.js';
import { evidenceOf } from './evidence.js';
import type { Hit, StudyView } from './view.js';
import { cueSet } from './cuesets.js';

const CONTROL_INTERVENTION = cueSet('category.control_intervention');
const DOSE_LEVEL_SUFFIX = cueSet('category.dose_level_suffix');
const ELIGIBILITY_MSC = cueSet('category.eligibility_msc');
const GLOSS_BREAKERS = cueSet('category.gloss_breakers');
const HYPOTHETICAL = cueSet('category.hypothetical');
const LITERATURE_WORDS = cueSet('category.literature_words');
const NAMES_MSC = cueSet('category.names_msc');
const PLAIN_BLOOD = cueSet('category.plain_blood');

export type Kind = 'cell' | 'derived' | 'mixture';

export interface CategoryResult {
  category: Category;
  reason: ScreeningReason;
  evidence: Evidence[];
  /** The MSC hits the decision rests on (used by other families to find the product text). */
  basis: Hit[];
}

const BACKGROUND = cueSet('category.background');
const GENERAL_STATEMENT = cueSet('category.general_statement');

function kindOf(v: StudyView, h: Hit): Kind | null {
  if (h.family === 'msc' && (h.value === 'cell' || h.value === 'derived' || h.value === 'mixture'))
    return h.value;
  const m = h.also.msc;
  if (m === 'cell' || m === 'derived' || m === 'mixture') return m;
  if (h.family === 'product') {
    const p = v.products.find((x) => x.hit === h)?.product;
    if (p?.category === 'msc_cells') return 'cell';
    if (p?.category === 'msc_derived') return 'derived';
    if (p?.category === 'stromal_mixture') return 'mixture';
  }
  return null;
}

const textOf = (v: StudyView, field: string): string => v.text(field);

/** "MSC-derived exosomes", "MSC secretome" (cell word right before the product). */
const CELL_THEN_DERIVED = cueSet('category.cell_then_derived');
/** "MSCs enriched with/by EVs", "MSCs and exosomes", "MSCs plus secretome": both products, not the source of one. */
const CELLS_WITH = cueSet('category.cells_with');
/** "exosomes derived from allogeneic MSCs", "secretome of MSCs", "Exosome-MSC" (product, then its cell source). */
const DERIVED_THEN_CELL = cueSet('category.derived_then_cell');

/**
 * Exosomes / EVs / conditioned medium are MSC products only in a study that speaks of MSCs at all (a compound
 * naming the cells itself, "MSC-Exos", "MSC-sEV", speaks of them; so does a named product).
 */
function speaksOfMsc(v: StudyView): boolean {
  return v.hits.some(
    (h) => h.msc && h.family !== 'product' && (kindOf(v, h) !== 'derived' || NAMES_MSC.test(h.text)),
  );
}

/** MSC product mentions: every MSC hit, but EV/secretome words of a study that never speaks of MSCs. */
function mscMentions(v: StudyView): Hit[] {
  const speaks = speaksOfMsc(v);
  return v.hits.filter((h) => v.isMsc(h) && (speaks || h.family === 'product' || kindOf(v, h) !== 'derived'));
}

/**
 * "Mesenchymal stem cells exhibit immunomodulatory properties" in the description of an intervention: a general
 * statement about MSCs (no administration said) names no product of its own.
 */
function generalStatement(v: StudyView, h: Hit): boolean {
  if (h.zone !== 'intervention' || !h.field.endsWith('.description') || adminSentence(v, h)) return false;
  const [a, b] = v.sentenceOf(h);
  const t = v.text(h.field).slice(a, b);
  return GENERAL_STATEMENT.test(t) || DEFINITION.test(t);
}

/** Kinds of the given hits, with "cell" words that only name the source of a derived product dropped. */
function resolveKinds(v: StudyView, hits: Hit[]): Array<{ hit: Hit; kind: Kind }> {
  const out: Array<{ hit: Hit; kind: Kind }> = [];
  const derived = v.hits.filter((h) => h.msc && kindOf(v, h) === 'derived');
  const sourceOfDerived = (h: Hit): boolean => {
    const text = textOf(v, h.field);
    return derived.some((d) => {
      if (d.field !== h.field) return false;
      if (d.start >= h.end && d.start - h.end <= 40)
        return (
          CELL_THEN_DERIVED.test(text.slice(h.end, d.start)) && !CELLS_WITH.test(text.slice(h.end, d.start))
        );
      if (h.start >= d.end && h.start - d.end <= 80)
        return DERIVED_THEN_CELL.test(text.slice(d.end, h.start));
      return false;
    });
  };
  for (const h of hits) {
    const kind = kindOf(v, h);
    if (!kind) continue;
    if (kind === 'cell' && sourceOfDerived(h)) continue;
    out.push({ hit: h, kind });
  }
  return out;
}

const isCue = (h: Hit, value: string): boolean => h.family === 'msc' && h.value === value;
const isRoute = (h: Hit): boolean => h.family === 'route' && !h.value.endsWith('_weak');

/** Administration said in the sentence of `h`: an explicit route, or an administration cue word. */
function adminSentence(v: StudyView, h: Hit): boolean {
  const [s, e] = v.sentenceOf(h);
  return sameSentence(v, h).some(isRoute) || v.adminCue(h.field, s, e);
}

/** Hits lying in the same sentence as `h`. */
function sameSentence(v: StudyView, h: Hit): readonly Hit[] {
  return v.sameSentence(h);
}

const AUTOLOGOUS_TISSUE = new Set(['bone_marrow', 'adipose', 'synovial']);
const PERINATAL = new Set(['umbilical_cord', 'cord_blood', 'placenta_amnion']);
const srcOf = (h: Hit): string | undefined => (h.family === 'source' ? h.value : h.also.source);

/** Weak "no expansion" cues (Ficoll, intraoperative, one-step...) count only in a field about marrow/fat tissue. */
function autologousTissueField(v: StudyView, cue: Hit): boolean {
  const hits = v.inField(cue.field);
  const inField = hits.map(srcOf);
  if (
    !inField.some((s) => s !== undefined && AUTOLOGOUS_TISSUE.has(s)) ||
    inField.some((s) => s !== undefined && PERINATAL.has(s))
  )
    return false;
  // Not for donor cells ("allogeneic marrow MSCs at the point of care"), nor in a sentence about another
  // preparation ("venous blood is centrifuged to obtain PRF") or about plain blood.
  if (hits.some((h) => h.family === 'donor' && h.value === 'allogeneic')) return false;
  const [a, b] = v.sentenceOf(cue);
  if (v.sameSentence(cue).some((h) => isCue(h, 'other_product'))) return false;
  return !PLAIN_BLOOD.test(v.text(cue.field).slice(a, b));
}

/** "micro-fragmented adipose tissue containing mesenchymal stromal cells": the cells are the mixture's content. */
const MIXTURE_CONTENT = cueSet('category.mixture_content');

/** A description sentence citing or reporting earlier work. */
function literatureSentence(v: StudyView, h: Hit): boolean {
  const [a, b] = v.sentenceOf(h);
  const t = v.text(h.field).slice(a, b);
  return /\[\d+(?:\s*[,–-]\s*\d+)*\]/.test(t) || LITERATURE_WORDS.test(t);
}

/** "fat-derived stem cells (SVF)": the mixture's name in parentheses right after says what the cell words name. */
function glossedAsMixture(text: string, cell: Hit, m: Hit): boolean {
  return (
    m.start >= cell.end &&
    m.start - cell.end <= 3 &&
    /^\s?\(\s?$/.test(text.slice(cell.end, m.start)) &&
    /^\s?\)/.test(text.slice(m.end, m.end + 2))
  );
}

function mixtureContent(v: StudyView, cell: Hit, mixtures: Hit[]): boolean {
  const text = v.text(cell.field);
  return mixtures.some((m) => {
    if (m.field !== cell.field) return false;
    if (cell.end <= m.start) return glossedAsMixture(text, cell, m);
    // "stromal vascular fraction (autologous adipose-derived MSCs)": the cells in parentheses gloss the mixture.
    if (m.end > cell.start || cell.start - m.end > 80) return false;
    const between = text.slice(m.end, cell.start);
    return (
      MIXTURE_CONTENT.test(between) ||
      (/^\s?\((?:[a-z0-9-]+\s+){0,4}$/i.test(between) &&
        !GLOSS_BREAKERS.test(between) &&
        text.indexOf(')', cell.end) === cell.end)
    );
  });
}

/** Mixture words that may just as well name cultured MSCs ("bone marrow derived stem cells"). */
const LOOSE_MIXTURE = cueSet('category.loose_mixture');

/** The include reasons decideFromZone gives, and their variants when the product was found another way. */
type ZoneReason =
  | 'include.msc_cells'
  | 'include.msc_cells.expanded_mixture'
  | 'include.msc_derived'
  | 'include.stromal_mixture'
  | 'include.stromal_mixture.not_expanded';
const OBSERVATIONAL: Record<ZoneReason, ScreeningReason> = {
  'include.msc_cells': 'include.msc_cells.observational',
  'include.msc_cells.expanded_mixture': 'include.msc_cells.expanded_mixture.observational',
  'include.msc_derived': 'include.msc_derived.observational',
  'include.stromal_mixture': 'include.stromal_mixture.observational',
  'include.stromal_mixture.not_expanded': 'include.stromal_mixture.not_expanded.observational',
};
const FROM_DESCRIPTION: Record<ZoneReason, ScreeningReason> = {
  'include.msc_cells': 'include.msc_cells.from_description',
  'include.msc_cells.expanded_mixture': 'include.msc_cells.expanded_mixture.from_description',
  'include.msc_derived': 'include.msc_derived.from_description',
  'include.stromal_mixture': 'include.stromal_mixture.from_description',
  'include.stromal_mixture.not_expanded': 'include.stromal_mixture.not_expanded.from_description',
};

/** An intervention name, other name or arm label: where a record names the products it gives. */
const isNameField = (h: Hit): boolean =>
  (h.zone === 'intervention' &&
    (h.field === `interventions.${h.owner}.name` ||
      h.field.startsWith(`interventions.${h.owner}.otherNames`))) ||
  (h.zone === 'arm' && h.field === `arms.${h.owner}.label`);

/**
 * A derived product (EVs, exosomes, secretome ...) named where products are named (a title, an intervention or
 * arm name) and MSC cell words never named there as a product of their own: the cell words (a shortened title,
 * "MSCs" in a description of earlier work or of where the product comes from) are not a second product. Cells stay
 * when an intervention or arm name names them, or one title names both products ("MSCs and their exosomes").
 */
function cellsAroundDerivedProduct(
  v: StudyView,
  zone: Array<{ hit: Hit; kind: Kind }>,
): Array<{ hit: Hit; kind: Kind }> {
  const derived = zone.filter((z) => z.kind === 'derived' && (z.hit.zone === 'title' || isNameField(z.hit)));
  const cells = zone.filter((z) => z.kind === 'cell');
  if (derived.length === 0 || cells.length === 0) return zone;
  if (cells.some((c) => isNameField(c.hit))) return zone;
  const derivedTitles = new Set(derived.filter((d) => d.hit.zone === 'title').map((d) => d.hit.field));
  if (cells.some((c) => c.hit.zone === 'title' && derivedTitles.has(c.hit.field))) return zone;
  return zone.filter((z) => z.kind !== 'cell');
}

function decideFromZone(
  v: StudyView,
  zone: Array<{ hit: Hit; kind: Kind }>,
  cueScope: Hit[],
): CategoryResult & { reason: ZoneReason } {
  zone = cellsAroundDerivedProduct(v, zone);
  // Cells named only as what a minimally manipulated mixture contains are not a product of their own.
  const mixtureHits = v.hits.filter((h) => h.msc && kindOf(v, h) === 'mixture');
  // A study calling its cells a mixture ("fat-derived stem cells (SVF)") says they are not culture-expanded.
  const glossed = zone
    .filter((z) => z.kind === 'cell')
    .flatMap((z) =>
      mixtureHits.filter((m) => m.field === z.hit.field && glossedAsMixture(v.text(m.field), z.hit, m)),
    );
  zone = zone.filter((z) => z.kind !== 'cell' || !mixtureContent(v, z.hit, mixtureHits));
  // The MSC intervention is a mixture (SVF, BMAC) and cell words appear only in titles ("adipose-derived stromal
  // cells"): the titles name the mixture's cells; the intervention says what is given.
  if (
    zone.some((z) => z.kind === 'mixture' && v.tier(z.hit) === 1 && !LOOSE_MIXTURE.test(z.hit.text)) &&
    !zone.some((z) => z.kind !== 'mixture' && z.hit.zone !== 'title' && z.hit.zone !== 'keyword')
  ) {
    zone = zone.filter((z) => z.kind === 'mixture');
  }
  const cells = zone.filter((z) => z.kind === 'cell');
  const derived = zone.filter((z) => z.kind === 'derived');
  const mixtures = zone.filter((z) => z.kind === 'mixture');
  const notExpanded = [
    ...cueScope.filter(
      (h) => isCue(h, 'not_expanded') || (isCue(h, 'not_expanded_weak') && autologousTissueField(v, h)),
    ),
    ...glossed,
  ];
  // Expansion stated for the product: in an MSC intervention/arm, or in a field that names the product.
  const productFields = new Set(zone.map((z) => z.hit.field));
  // A description sentence reporting earlier work ("patients who received expanded MSCs [21]") is no statement about
  // this product.
  const expanded = cueScope.filter(
    (h) =>
      isCue(h, 'expanded') &&
      (v.tier(h) === 1 || productFields.has(h.field) || v.tier(h) === 3) &&
      !(h.zone === 'summary' && literatureSentence(v, h)),
  );
  const ev = (cat: Category, hs: Hit[], rule?: string): Evidence[] =>
    hs.slice(0, 3).map((h) => evidenceOf('category', cat, h, rule ?? h.rule));
  if (cells.length > 0) {
    if (notExpanded.length > 0 && expanded.length === 0) {
      const basis = mixtures.length > 0 ? mixtures.map((m) => m.hit) : cells.map((c) => c.hit);
      return {
        category: 'stromal_mixture',
        reason: 'include.stromal_mixture.not_expanded',
        evidence: [
          ...ev('stromal_mixture', basis),
          ...ev('stromal_mixture', notExpanded, 'category.stromal_mixture.not_expanded'),
        ],
        basis,
      };
    }
    return {
      category: 'msc_cells',
      reason: 'include.msc_cells',
      evidence: ev(
        'msc_cells',
        cells.map((c) => c.hit),
      ),
      basis: zone.map((z) => z.hit),
    };
  }
  if (derived.length > 0) {
    return {
      category: 'msc_derived',
      reason: 'include.msc_derived',
      evidence: ev(
        'msc_derived',
        derived.map((d) => d.hit),
      ),
      basis: zone.map((z) => z.hit),
    };
  }
  if (expanded.length > 0 && notExpanded.length === 0) {
    return {
      category: 'msc_cells',
      reason: 'include.msc_cells.expanded_mixture',
      evidence: [
        ...ev(
          'msc_cells',
          mixtures.map((m) => m.hit),
        ),
        ...ev('msc_cells', expanded, 'category.msc_cells.culture_expanded'),
      ],
      basis: mixtures.map((m) => m.hit),
    };
  }
  return {
    category: 'stromal_mixture',
    reason: 'include.stromal_mixture',
    evidence: ev(
      'stromal_mixture',
      mixtures.map((m) => m.hit),
    ),
    basis: mixtures.map((m) => m.hit),
  };
}

/** An intervention named as another cell product (CD34+ cells, HSCT, NK cells, PRP ...). */
function otherNamedIntervention(v: StudyView): boolean {
  return v.study.interventions.some((_, i) =>
    v.inField(`interventions.${i}.name`).some((x) => isCue(x, 'hsc') || isCue(x, 'other_product')),
  );
}

function notAdministered(v: StudyView, mscHits: Hit[]): CategoryResult {
  const anchor = mscHits[0];
  // Beside an intervention named as another cell product, laboratory sentences reporting earlier work ("in a rat
  // model, MSCs improved ...") are background to that product, not the study's laboratory work.
  const otherNamed = otherNamedIntervention(v);
  const inVitro = mscHits.find(
    (h) =>
      sameSentence(v, h).some((x) => isCue(x, 'invitro')) &&
      !(otherNamed && h.zone === 'summary' && BACKGROUND.test(v.text(h.field).slice(...v.sentenceOf(h)))),
  );
  if (inVitro || mscHits.some((h) => h.zone === 'outcome')) {
    const h = inVitro ?? mscHits.find((x) => x.zone === 'outcome') ?? anchor!;
    return {
      category: 'ex_vivo_only',
      reason: 'exclude.ex_vivo_only',
      evidence: [evidenceOf('category', 'ex_vivo_only', h, 'category.ex_vivo_only.in_vitro')],
      basis: [],
    };
  }
  const other = v.hits.find((h) => (isCue(h, 'hsc') || isCue(h, 'other_product')) && v.tier(h) <= 2);
  if (anchor) {
    if (other)
      return {
        category: 'unrelated',
        reason: 'exclude.other_cell_therapy',
        evidence: [evidenceOf('category', 'unrelated', other, 'category.unrelated.other_cell_therapy')],
        basis: [],
      };
    return {
      category: 'unrelated',
      reason: 'exclude.background_mention',
      evidence: [evidenceOf('category', 'unrelated', anchor, 'category.unrelated.background_mention')],
      basis: [],
    };
  }
  const elig = v.study.eligibility.criteria ?? '';
  const m = ELIGIBILITY_MSC.exec(elig);
  if (m) {
    return {
      category: 'unrelated',
      reason: 'exclude.mention_only_in_eligibility',
      evidence: [
        {
          label: 'category',
          value: 'unrelated',
          field: 'eligibility.criteria',
          start: m.index,
          end: m.index + m[0].length,
          text: elig.slice(m.index, m.index + m[0].length),
          rule: 'category.unrelated.eligibility_only',
        },
      ],
      basis: [],
    };
  }
  if (other)
    return {
      category: 'unrelated',
      reason: 'exclude.other_cell_therapy',
      evidence: [evidenceOf('category', 'unrelated', other, 'category.unrelated.other_cell_therapy')],
      basis: [],
    };
  return { category: 'unrelated', reason: 'exclude.no_msc_mention', evidence: [], basis: [] };
}

/** A mention in a sentence about laboratory work (in-vitro cue, no administration cue) is not a given product. */
function laboratoryOnly(v: StudyView, h: Hit): boolean {
  if (h.zone === 'intervention' && v.study.interventions[h.owner]?.type === 'DIAGNOSTIC_TEST') return true;
  // A procedure that only takes the tissue ("Bone marrow aspirate", other name "bone marrow-derived MSC").
  if (
    h.zone === 'intervention' &&
    v.study.interventions[h.owner]?.type === 'PROCEDURE' &&
    HARVEST.test(v.study.interventions[h.owner]!.name)
  )
    return true;
  return sameSentence(v, h).some((x) => isCue(x, 'invitro')) && !adminSentence(v, h);
}

const HARVEST = cueSet('category.harvest');

/** MSC sentences: those with an administration cue (and no in-vitro cue) vs those about laboratory work. */
function adminBalance(v: StudyView, hits: Hit[]): { given: Hit[]; lab: number } {
  const seen = new Set<string>();
  const given: Hit[] = [];
  let lab = 0;
  for (const h of hits) {
    const text = textOf(v, h.field);
    const [a, b] = v.sentenceOf(h);
    const k = `${h.field}:${a}`;
    const s = sameSentence(v, h);
    const admin = adminSentence(v, h);
    const vitro = s.some((x) => isCue(x, 'invitro'));
    const background = h.zone === 'summary' && BACKGROUND.test(text.slice(a, b));
    // "Mobilization of MSCs during liver transplantation": the patient's own circulating MSCs, not a product given.
    if (admin && !vitro && !background && !MOBILIZED.test(text.slice(a, b))) given.push(h);
    if (!seen.has(k)) {
      seen.add(k);
      // A definition of MSCs ("MSCs are multipotent cells with differentiation potential") is no laboratory work.
      if (vitro && !admin && !DEFINITION.test(text.slice(a, b))) lab++;
    }
  }
  // A sentence giving the product in this study ("this study will evaluate the infusion of MSC-Exo", "patients
  // treated with MSCs were followed") weighs two generic laboratory sentences ("the technology for isolation and
  // culture of MSCs is mature").
  const sentences = new Map<string, Hit>();
  for (const h of given) sentences.set(`${h.field}:${v.sentenceOf(h)[0]}`, h);
  let weight = 0;
  for (const h of sentences.values()) {
    const [a, b] = v.sentenceOf(h);
    const t = textOf(v, h.field).slice(a, b);
    weight += THIS_STUDY_GIVES.test(t) && !HYPOTHETICAL.test(t) ? 2 : 1;
  }
  return { given: weight > lab ? given : [], lab };
}

/** The present study (or its patients) gives the product, said in so many words. */
const THIS_STUDY_GIVES = cueSet('category.this_study_gives');

/** MSCs of the patient's body acted upon or counted (mobilized into the blood, circulating, endogenous). */
const MOBILIZED = cueSet('category.mobilized');

const DEFINITION = cueSet('category.definition');

const CODE_NAMED_TYPES = new Set(['BIOLOGICAL', 'GENETIC', 'COMBINATION_PRODUCT', 'DRUG', 'OTHER']);
const CELL_PRODUCT_TYPES = new Set(['BIOLOGICAL', 'GENETIC', 'COMBINATION_PRODUCT']);

/**
 * An MSC word in the description of an intervention NAMED as another product (PRP, platelet-rich fibrin,
 * HSC transplant, NK cells ...) with no MSC term in its name: a passing mention ("PRF contains a few MSCs").
 */
function otherProductIntervention(v: StudyView, h: Hit): boolean {
  // An arm labelled as another product ("fat injection in facial scars") whose description names the MSCs it holds.
  if (h.zone === 'arm' && h.field === `arms.${h.owner}.description`) {
    const label = v.inField(`arms.${h.owner}.label`);
    if (label.some((x) => x.msc)) return false;
    if (label.some((x) => isCue(x, 'other_product')) || FAT_GRAFT.test(v.text(`arms.${h.owner}.label`)))
      return true;
    // "microfracture with synovial brushing to release and recruit the patient's MSCs": MSCs acted upon, not given.
    const [a, b] = v.sentenceOf(h);
    return TARGET_OF_EFFECT.test(v.text(h.field).slice(a, b));
  }
  if (h.zone !== 'intervention') return false;
  const nameField = `interventions.${h.owner}.name`;
  const inName = v.inField(nameField);
  if (
    (inName.some((x) => isCue(x, 'other_product')) || FAT_GRAFT.test(v.text(nameField))) &&
    !inName.some((x) => x.msc)
  )
    return true;
  // "The membrane has been shown to stimulate MSC migration": MSCs as the target of another product's effect, in
  // the description of an intervention whose names hold no MSC term.
  if (h.field === nameField || h.field.startsWith(`interventions.${h.owner}.otherNames`)) return false;
  const named = v.hits.some(
    (x) =>
      x.msc &&
      x.zone === 'intervention' &&
      x.owner === h.owner &&
      (x.field === nameField || x.field.startsWith(`interventions.${h.owner}.otherNames`)),
  );
  if (named) return false;
  const [a, b] = v.sentenceOf(h);
  return TARGET_OF_EFFECT.test(v.text(h.field).slice(a, b));
}

/** A fat graft (lipofilling, fat injection, microfat): adipose tissue given as such, not an MSC product. */
const FAT_GRAFT = cueSet('category.fat_graft');

/** MSCs acted upon (stimulated, recruited, mobilized) or described from earlier work, not given. */
const TARGET_OF_EFFECT = cueSet('category.target_of_effect');

/**
 * An intervention whose text speaks of laboratory work (in-vitro cues) and never of giving anything outside a
 * laboratory sentence ("explants ... treated with ASC secretome", "primary cultured cells reprogrammed into MSCs").
 */
function laboratoryIntervention(v: StudyView, i: number): boolean {
  const hs = v.hits.filter((h) => h.zone === 'intervention' && h.owner === i);
  if (!hs.some((h) => isCue(h, 'invitro'))) return false;
  return !hs.some((h) => !sameSentence(v, h).some((x) => isCue(x, 'invitro')) && adminSentence(v, h));
}

/** An observational study's intervention gives the MSC product it names (name/other names), or says it is given. */
function namesGivenProduct(v: StudyView, h: Hit): boolean {
  if (laboratoryIntervention(v, h.owner)) return false;
  const name = `interventions.${h.owner}.name`;
  return v.hits.some(
    (x) =>
      x.zone === 'intervention' &&
      x.owner === h.owner &&
      v.isMsc(x) &&
      (x.field === name || x.field.startsWith(`interventions.${h.owner}.otherNames`) || adminSentence(v, x)),
  );
}

/**
 * The product is named by a code ("EN001", "SMUP-IA-01") and the MSC term is in a description sentence naming it
 * ("EN001 is an allogeneic umbilical cord-derived MSC") or in the keywords: MSC hits that describe the studied
 * intervention. Interventions of experimental arms only; never laboratory sentences.
 */
/** Product codes in the titles ("CS10BR05", "AB-201"): upper-case letters and digits, four characters or more. */
function titleCodes(v: StudyView): string[] {
  const words = `${v.study.briefTitle ?? ''} ${v.study.officialTitle ?? ''}`.split(/[\s(),;:]+/);
  const codes = words.filter((w) => w.length >= 4 && /^[A-Z][A-Z0-9-]*[0-9][A-Z0-9-]*$/.test(w));
  return [...new Set(codes.map((w) => w.replace(/-+$/, '')))];
}

function namingSentences(v: StudyView, msc: Hit[]): Hit[] {
  const candidates = v.study.interventions.filter(
    (iv) => CODE_NAMED_TYPES.has(iv.type ?? '') && !CONTROL_INTERVENTION.test(iv.name),
  );
  const cellProduct = candidates.some((iv) => CELL_PRODUCT_TYPES.has(iv.type ?? ''));
  const names = candidates
    .filter((iv) => {
      const arms = v.study.arms.filter((a) =>
        iv.armGroupLabels.some((l) => l.toLowerCase() === a.label.toLowerCase()),
      );
      return arms.length === 0 || arms.some((a) => a.type === 'EXPERIMENTAL');
    })
    .map((iv) =>
      iv.name
        .replace(/\s*\(.*$/, '')
        .replace(DOSE_LEVEL_SUFFIX, '')
        .trim(),
    )
    .filter((n) => n.length >= 3);
  // A record listing no intervention (a follow-up of an earlier trial) names its product by the code in its title.
  if (v.study.interventions.length === 0) names.push(...titleCodes(v));
  if (names.length === 0) return [];
  const out: Hit[] = [];
  for (const h of msc) {
    if (h.zone === 'keyword') {
      if (
        cellProduct &&
        !v.hits.some((x) => (isCue(x, 'hsc') || isCue(x, 'other_product')) && v.tier(x) <= 2)
      )
        out.push(h);
      continue;
    }
    if (h.zone !== 'summary' || laboratoryOnly(v, h)) continue;
    const [a, b] = v.sentenceOf(h);
    const sentence = v.text(h.field).slice(a, b).toLowerCase();
    // "The drug product is a mesenchymal cell substrate system ...": the sentence defines the studied product.
    if (PRODUCT_DEFINITION.test(sentence) && !BACKGROUND.test(sentence)) {
      out.push(h);
      continue;
    }
    // "Cord blood mononuclear cells contain HSCs, MSCs and EPCs": the MSCs are part of the named product.
    const at = h.start - a;
    if (
      names.some((n) => {
        const i = sentence.indexOf(n.toLowerCase());
        return i >= 0 && !(i < at && CONTAINS.test(sentence.slice(i + n.length, at)));
      })
    )
      out.push(h);
  }
  return out;
}

const PRODUCT_DEFINITION = cueSet('category.product_definition');

const CONTAINS = cueSet('category.contains');

const CELL_WORDS = cueSet('category.cell_words');

/** Intervention types that cannot be a cell product (a drug may be a code-named cell product, see namingSentences). */
const NON_CELL_TYPES = new Set([
  'DIETARY_SUPPLEMENT',
  'BEHAVIORAL',
  'RADIATION',
  'DEVICE',
  'DIAGNOSTIC_TEST',
]);

/**
 * "Linagliptin and mesenchymal stem cells": MSCs named only in the titles of a study whose interventions are all
 * drugs, supplements, behaviours or devices with no MSC term and no description sentence giving MSCs. The MSCs
 * are what the intervention acts on (mobilized, measured), not a product given.
 */
function titleBesideNonCellProducts(v: StudyView, zone: Array<{ hit: Hit; kind: Kind }>): boolean {
  if (!zone.every((z) => z.hit.zone === 'title' && z.kind === 'cell') || v.study.interventions.length === 0)
    return false;
  // (A procedure that only takes tissue, "harvest of a small bone marrow sample", gives nothing either.)
  if (
    !v.study.interventions.every(
      (iv) =>
        iv.type === 'DRUG' ||
        NON_CELL_TYPES.has(iv.type ?? '') ||
        (iv.type === 'PROCEDURE' && HARVEST.test(iv.name)),
    )
  )
    return false;
  if (
    v.study.interventions.some(
      (iv) => iv.type === 'DRUG' && !/^[a-z][a-z -]+$/i.test(iv.name.replace(/\s*\(.*$/, '')),
    )
  )
    return false;
  if (v.study.interventions.some((iv) => CELL_WORDS.test(`${iv.name} ${iv.description ?? ''}`))) return false;
  return (
    adminBalance(
      v,
      v.hits.filter((h) => v.isMsc(h) && h.zone === 'summary'),
    ).given.length === 0
  );
}

/**
 * "Awaiting classification": the record names no MSC product but lacks the text (descriptions) that could. The
 * evidence quotes what the record has: the spans the exclusion rested on, else its title or first intervention name.
 */
export function undetermined(v: StudyView, decided: CategoryResult): CategoryResult {
  const rule = 'category.undetermined.record_lacks_text';
  let evidence: Evidence[] = decided.evidence.map((e) => ({ ...e, value: 'undetermined', rule }));
  const title = v.study.briefTitle ?? '';
  const name = v.study.interventions[0]?.name ?? '';
  if (evidence.length === 0 && (title || name)) {
    const [field, text] = title ? ['briefTitle', title] : ['interventions.0.name', name];
    evidence = [{ label: 'category', value: 'undetermined', field, start: 0, end: text.length, text, rule }];
  }
  return { category: 'undetermined', reason: 'awaiting.record_lacks_text', evidence, basis: [] };
}

const SAMPLING_INTERVENTION = cueSet('category.sampling_intervention');

/**
 * An interventional study whose every intervention is named as sampling ("Intestinal biopsies during
 * colonoscopy", "flow cytometry"), none naming an MSC product or saying anything is administered.
 */
function samplingOnly(v: StudyView): boolean {
  const ivs = v.study.interventions;
  if (ivs.length === 0 || !ivs.every((iv) => SAMPLING_INTERVENTION.test(iv.name))) return false;
  if (v.hits.some((h) => v.isMsc(h) && isNameField(h))) return false;
  return ivs.every((iv, i) => {
    const d = iv.description ?? '';
    return !v.adminCue(`interventions.${i}.description`, 0, d.length);
  });
}

export function decideCategory(v: StudyView): CategoryResult {
  const msc = mscMentions(v);
  const cueScope = v.hits;
  const observational =
    v.study.studyType !== null &&
    v.study.studyType !== 'INTERVENTIONAL' &&
    v.study.studyType !== 'EXPANDED_ACCESS';
  const primary = msc.filter((h) => h.zone === 'title' || v.tier(h) === 1);
  // A title about the patients' own MSCs ("synovial brushing for endogenous MSC mobilisation") names no product.
  const administeredPrimary = primary.filter(
    (h) =>
      !laboratoryOnly(v, h) &&
      !otherProductIntervention(v, h) &&
      !generalStatement(v, h) &&
      !(h.zone === 'title' && MOBILIZED.test(v.text(h.field))),
  );
  if (observational) {
    // "Mobilization of MSCs during ...": a study of the patients' own MSCs (counted, a biomarker) gives none.
    if (primary.some((h) => h.zone === 'title' && MOBILIZED.test(v.text(h.field))))
      return notAdministered(v, msc);
    const { given: said } = adminBalance(
      v,
      msc.filter((h) => h.zone === 'title' || h.zone === 'summary' || h.zone === 'arm'),
    );
    // A follow-up study that lists the MSC product as its (non-laboratory) intervention.
    const given =
      said.length > 0
        ? said
        : administeredPrimary.filter((h) => h.zone === 'intervention' && namesGivenProduct(v, h));
    if (given.length > 0) {
      const zone = resolveKinds(v, administeredPrimary.length > 0 ? administeredPrimary : given);
      const z = zone.length > 0 ? zone : resolveKinds(v, given);
      if (z.length > 0) {
        const r = decideFromZone(v, z, cueScope);
        return { ...r, reason: OBSERVATIONAL[r.reason] };
      }
    }
    return notAdministered(v, msc);
  }
  // Every intervention takes or analyses samples (biopsies, flow cytometry) and none gives anything: the MSCs are
  // what the samples are studied for (laboratory material), not a product.
  if (samplingOnly(v)) return notAdministered(v, msc);
  const zone = resolveKinds(v, administeredPrimary);
  if (zone.length > 0 && !titleBesideNonCellProducts(v, zone)) return decideFromZone(v, zone, cueScope);
  // The MSC intervention is laboratory work only (sampling, characterization): not a product given.
  if (primary.length > 0) return notAdministered(v, msc);
  // Interventions named as another cell product (CD34+ cells, HSCT, NK cells, PRP) with no MSC term: MSC sentences
  // of the description are background to that product ("BMC transplantation improved LVEF"), not a product given.
  const otherNamed = otherNamedIntervention(v);
  const { given } = otherNamed
    ? { given: [] }
    : adminBalance(
        v,
        msc.filter((h) => h.zone === 'summary'),
      );
  const nz = resolveKinds(v, [...given, ...namingSentences(v, msc)]);
  if (nz.length > 0) {
    const r = decideFromZone(v, nz, cueScope);
    return { ...r, reason: FROM_DESCRIPTION[r.reason] };
  }
  return notAdministered(v, msc);
}
