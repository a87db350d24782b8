/**
 * The named checks of the category decision tables (category.ts). Each check reads the study view (or the facts
 * of one table, computed once per study) and says whether its row applies, returning what the row needs: the MSC
 * hits that name the product (WHERE), the hits to quote (KIND and EXCLUSION).
 *
 * Cue sets (rules/contexts.json, family "category"): background, cell_then_derived, cell_words, cells_with,
 * contains, control_intervention, definition, derived_then_cell, dose_level_suffix, eligibility_msc, fat_graft,
 * general_statement, gloss_breakers, harvest, hypothetical, literature_words, loose_mixture, mixture_content,
 * mobilized, names_msc, plain_blood, product_definition, sampling_intervention, target_of_effect, this_study_gives.
 */
import type { StudyView, Hit } from './view.js';
import { cueSet } from './cuesets.js';

const CONTROL_INTERVENTION = cueSet('category.control_intervention');
const DOSE_LEVEL_SUFFIX = cueSet('category.dose_level_suffix');
const ELIGIBILITY_MSC = cueSet('category.eligibility_msc');
const GLOSS_BREAKERS = cueSet('category.gloss_breakers');
const HYPOTHETICAL = cueSet('category.hypothetical');
const LITERATURE_WORDS = cueSet('category.literature_words');
const NAMES_MSC = cueSet('category.names_msc');
const PLAIN_BLOOD = cueSet('category.plain_blood');

type Kind = 'cell' | 'derived' | 'mixture';

/** A hit with the kind of MSC product it names. */
export interface KindHit {
  hit: Hit;
  kind: Kind;
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
function resolveKinds(v: StudyView, hits: Hit[]): KindHit[] {
  const out: KindHit[] = [];
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
function cellsAroundDerivedProduct(zone: KindHit[]): KindHit[] {
  const derived = zone.filter((z) => z.kind === 'derived' && (z.hit.zone === 'title' || isNameField(z.hit)));
  const cells = zone.filter((z) => z.kind === 'cell');
  if (derived.length === 0 || cells.length === 0) return zone;
  if (cells.some((c) => isNameField(c.hit))) return zone;
  const derivedTitles = new Set(derived.filter((d) => d.hit.zone === 'title').map((d) => d.hit.field));
  if (cells.some((c) => c.hit.zone === 'title' && derivedTitles.has(c.hit.field))) return zone;
  return zone.filter((z) => z.kind !== 'cell');
}

/** An intervention named as another cell product (CD34+ cells, HSCT, NK cells, PRP ...). */
function otherNamedIntervention(v: StudyView): boolean {
  return v.study.interventions.some((_, i) =>
    v.inField(`interventions.${i}.name`).some((x) => isCue(x, 'hsc') || isCue(x, 'other_product')),
  );
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
    const labelField = `arms.${h.owner}.label`;
    if (label.some((x) => isCue(x, 'other_product')) || graftAlone(v, labelField, label, h)) return true;
    // "microfracture with synovial brushing to release and recruit the patient's MSCs": MSCs acted upon, not given.
    const [a, b] = v.sentenceOf(h);
    return TARGET_OF_EFFECT.test(v.text(h.field).slice(a, b));
  }
  if (h.zone !== 'intervention') return false;
  const nameField = `interventions.${h.owner}.name`;
  const inName = v.inField(nameField);
  if (
    (inName.some((x) => isCue(x, 'other_product')) || graftAlone(v, nameField, inName, h)) &&
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
/** A fat graft carrying added cells ("cell-assisted lipotransfer", "fat graft enriched with ASCs"). */
const ENRICHED_GRAFT = cueSet('category.enriched_graft');

/**
 * An intervention/arm named as a fat graft (`name`, its hits `inName`) that is the graft alone: not one whose name
 * says cells are added ("cell-assisted lipotransfer", "enriched fat graft"; a name naming another product, "fat graft
 * supplemented with PRP", stays the other product) nor one whose MSC sentence `h` says so ("fat graft enriched with
 * adipose-derived stem cells"): cells added to the graft are a product given (GUIDELINE msc_cells / stromal_mixture).
 */
function graftAlone(v: StudyView, name: string, inName: Hit[], h: Hit): boolean {
  const text = v.text(name);
  if (!FAT_GRAFT.test(text)) return false;
  if (ENRICHED_GRAFT.test(text) && !inName.some((x) => isCue(x, 'other_product'))) return false;
  if (h.field === name) return true;
  const [a, b] = v.sentenceOf(h);
  return !ENRICHED_GRAFT.test(v.text(h.field).slice(a, b));
}

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

function titleCodes(v: StudyView): string[] {
  const words = `${v.study.briefTitle ?? ''} ${v.study.officialTitle ?? ''}`.split(/[\s(),;:]+/);
  const codes = words.filter((w) => w.length >= 4 && /^[A-Z][A-Z0-9-]*[0-9][A-Z0-9-]*$/.test(w));
  return [...new Set(codes.map((w) => w.replace(/-+$/, '')))];
}

/**
 * The product is named by a code ("EN001", "SMUP-IA-01") and the MSC term is in a description sentence naming it
 * ("EN001 is an allogeneic umbilical cord-derived MSC") or in the keywords: MSC hits that describe the studied
 * intervention. Interventions of experimental arms only; never laboratory sentences.
 */
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
function titleBesideNonCellProducts(v: StudyView, zone: KindHit[]): boolean {
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

const SAMPLING_INTERVENTION = cueSet('category.sampling_intervention');

/**
 * An interventional study whose every intervention is named as sampling ("Intestinal biopsies during
 * colonoscopy", "flow cytometry"), none naming an MSC product or saying anything is administered.
 */
export function samplingOnly({ v }: Context): boolean {
  const ivs = v.study.interventions;
  if (ivs.length === 0 || !ivs.every((iv) => SAMPLING_INTERVENTION.test(iv.name))) return false;
  if (v.hits.some((h) => v.isMsc(h) && isNameField(h))) return false;
  return ivs.every((iv, i) => {
    const d = iv.description ?? '';
    return !v.adminCue(`interventions.${i}.description`, 0, d.length);
  });
}

/** What the where-table checks read, computed once per study. */
export interface Context {
  v: StudyView;
  /** MSC product mentions (EV/secretome words only in a study that speaks of MSCs). */
  msc: Hit[];
  /** A study type other than interventional or expanded access (an unknown type counts as interventional). */
  observational: boolean;
  /** MSC mentions in the titles or in the MSC interventions/arms. */
  primary: Hit[];
  /**
   * Those of `primary` that may name a product given: not laboratory work, not in the description of another
   * product, not a general statement about MSCs, not a title about the patients' own MSCs.
   */
  administered: Hit[];
}

export function contextOf(v: StudyView): Context {
  const msc = mscMentions(v);
  const observational =
    v.study.studyType !== null &&
    v.study.studyType !== 'INTERVENTIONAL' &&
    v.study.studyType !== 'EXPANDED_ACCESS';
  const primary = msc.filter((h) => h.zone === 'title' || v.tier(h) === 1);
  // A title about the patients' own MSCs ("synovial brushing for endogenous MSC mobilisation") names no product.
  const administered = primary.filter(
    (h) =>
      !laboratoryOnly(v, h) &&
      !otherProductIntervention(v, h) &&
      !generalStatement(v, h) &&
      !(h.zone === 'title' && MOBILIZED.test(v.text(h.field))),
  );
  return { v, msc, observational, primary, administered };
}

// Where the product is named (table WHERE of category.ts).

/** Observational, "Mobilization of MSCs during ..." in a title: a study of the patients' own MSCs gives none. */
export function observationalMobilizedTitle({ v, observational, primary }: Context): boolean {
  return observational && primary.some((h) => h.zone === 'title' && MOBILIZED.test(v.text(h.field)));
}

/**
 * Observational, patients given the product: an MSC sentence (titles, description, arms) saying it is given, or a
 * follow-up study listing the MSC product as its (non-laboratory) intervention. The product's kind is read from
 * the titles and MSC interventions when they name it, else from those sentences.
 */
export function observationalGivenProduct({
  v,
  msc,
  observational,
  administered,
}: Context): KindHit[] | null {
  if (!observational) return null;
  const { given: said } = adminBalance(
    v,
    msc.filter((h) => h.zone === 'title' || h.zone === 'summary' || h.zone === 'arm'),
  );
  const given =
    said.length > 0 ? said : administered.filter((h) => h.zone === 'intervention' && namesGivenProduct(v, h));
  if (given.length === 0) return null;
  const zone = resolveKinds(v, administered.length > 0 ? administered : given);
  const z = zone.length > 0 ? zone : resolveKinds(v, given);
  return z.length > 0 ? z : null;
}

export const observationalStudy = (c: Context): boolean => c.observational;

/** The MSC product named in the titles or the MSC interventions/arms (not beside drugs only, see below). */
export function productInInterventions({ v, administered }: Context): KindHit[] | null {
  const zone = resolveKinds(v, administered);
  return zone.length > 0 && !titleBesideNonCellProducts(v, zone) ? zone : null;
}

/** MSC terms in the titles or the MSC intervention, none of them a product given (laboratory work only ...). */
export const mscNamedNotGiven = (c: Context): boolean => c.primary.length > 0;

/**
 * A description sentence giving the MSC product (administration said, no background cue), or naming the code-named
 * product of the interventions. Not beside interventions named as another cell product (CD34+ cells, HSCT, NK
 * cells, PRP) with no MSC term: MSC sentences of the description are then background to that product.
 */
export function productInDescription({ v, msc }: Context): KindHit[] | null {
  const { given } = otherNamedIntervention(v)
    ? { given: [] }
    : adminBalance(
        v,
        msc.filter((h) => h.zone === 'summary'),
      );
  const zone = resolveKinds(v, [...given, ...namingSentences(v, msc)]);
  return zone.length > 0 ? zone : null;
}

export const always = (): boolean => true;

// What the product is (table KIND of category.ts).

/** The product named where it is given, by kind, and the expansion cues about it. */
export interface ProductFacts {
  cells: Hit[];
  derived: Hit[];
  mixtures: Hit[];
  /** "Not expanded" cues (point of care, Ficoll in a marrow/fat field ...) and cell words glossed as a mixture. */
  notExpanded: Hit[];
  /** "Culture-expanded" cues in an MSC intervention/arm, a field naming the product, or an MSC sentence. */
  expanded: Hit[];
}

export function productFacts(v: StudyView, zone: KindHit[]): ProductFacts {
  zone = cellsAroundDerivedProduct(zone);
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
  const of = (k: Kind): Hit[] => zone.filter((z) => z.kind === k).map((z) => z.hit);
  const notExpanded = [
    ...v.hits.filter(
      (h) => isCue(h, 'not_expanded') || (isCue(h, 'not_expanded_weak') && autologousTissueField(v, h)),
    ),
    ...glossed,
  ];
  // Expansion stated for the product: in an MSC intervention/arm, or in a field that names the product.
  const productFields = new Set(zone.map((z) => z.hit.field));
  // A description sentence reporting earlier work ("patients who received expanded MSCs [21]") is no statement about
  // this product.
  const expanded = v.hits.filter(
    (h) =>
      isCue(h, 'expanded') &&
      (v.tier(h) === 1 || productFields.has(h.field) || v.tier(h) === 3) &&
      !(h.zone === 'summary' && literatureSentence(v, h)),
  );
  return { cells: of('cell'), derived: of('derived'), mixtures: of('mixture'), notExpanded, expanded };
}

/** The hits a kind row quotes: the product's words, then the cues that decided (quoted under the row's cue rule). */
export interface Quote {
  product: Hit[];
  cues?: Hit[];
}

/** MSC cells with "not expanded" stated and no expansion: a minimally manipulated preparation. */
export function cellsNotExpanded(f: ProductFacts): Quote | null {
  if (f.cells.length === 0 || f.notExpanded.length === 0 || f.expanded.length > 0) return null;
  return { product: f.mixtures.length > 0 ? f.mixtures : f.cells, cues: f.notExpanded };
}

export const cellsGiven = (f: ProductFacts): Quote | null =>
  f.cells.length > 0 ? { product: f.cells } : null;

export const derivedGiven = (f: ProductFacts): Quote | null =>
  f.derived.length > 0 ? { product: f.derived } : null;

/** A mixture term, but culture expansion stated (and no "not expanded" cue). */
export const mixtureExpanded = (f: ProductFacts): Quote | null =>
  f.expanded.length > 0 && f.notExpanded.length === 0 ? { product: f.mixtures, cues: f.expanded } : null;

export const mixtureGiven = (f: ProductFacts): Quote => ({ product: f.mixtures });

// Why no product is given (table EXCLUSION of category.ts).

/** A span of a study field to quote. */
export interface Span {
  field: string;
  start: number;
  end: number;
  text: string;
}

/**
 * MSCs as laboratory material: an MSC mention in a sentence with an in-vitro cue, or in an outcome measure. Beside
 * an intervention named as another cell product, laboratory sentences reporting earlier work ("in a rat model, MSCs
 * improved ...") are background to that product, not the study's laboratory work.
 */
export function laboratoryMaterial({ v, msc }: Context): Span[] | null {
  const otherNamed = otherNamedIntervention(v);
  const inVitro = msc.find(
    (h) =>
      sameSentence(v, h).some((x) => isCue(x, 'invitro')) &&
      !(otherNamed && h.zone === 'summary' && BACKGROUND.test(v.text(h.field).slice(...v.sentenceOf(h)))),
  );
  const h = inVitro ?? msc.find((x) => x.zone === 'outcome');
  return h ? [h] : null;
}

/** Another cell product (HSCs, NK cells, PRP ...) in the titles or the MSC interventions/arms. */
const otherCellProduct = (v: StudyView): Hit | undefined =>
  v.hits.find((h) => (isCue(h, 'hsc') || isCue(h, 'other_product')) && v.tier(h) <= 2);

/** MSCs mentioned, and another cell product is what the study gives. */
export function mentionBesideOtherCellTherapy({ v, msc }: Context): Span[] | null {
  const other = msc.length > 0 ? otherCellProduct(v) : undefined;
  return other ? [other] : null;
}

/** MSCs mentioned, none of the mentions a product given (background, passing mention). */
export const backgroundMention = ({ msc }: Context): Span[] | null => (msc.length > 0 ? [msc[0]!] : null);

/** MSCs named in the eligibility criteria only. */
export function eligibilityMention({ v }: Context): Span[] | null {
  const elig = v.study.eligibility.criteria ?? '';
  const m = ELIGIBILITY_MSC.exec(elig);
  if (!m) return null;
  return [
    {
      field: 'eligibility.criteria',
      start: m.index,
      end: m.index + m[0].length,
      text: elig.slice(m.index, m.index + m[0].length),
    },
  ];
}

/** No MSC mention, and another cell product named. */
export function otherCellTherapy({ v }: Context): Span[] | null {
  const other = otherCellProduct(v);
  return other ? [other] : null;
}

/** No MSC mention at all: nothing to quote. */
export const noMention = (): Span[] => [];
