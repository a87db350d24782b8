/**
 * sources: tissue origins of the MSC product.
 * Reads: MSC interventions and their arms (tier 1), titles/keywords (tier 2), else MSC sentences of the
 * summary/description (tier 3). Vocabulary: rules/sources.json (+ mixture terms' implied source in
 * category.json, + product facts). A sentence naming 3 or more different sources is a background
 * enumeration ("MSCs can be isolated from bone marrow, fat and cord") and is ignored, and so is, in the description,
 * a sentence about MSCs in general ("MSCs reside in the bone marrow and can be ...", "studies have shown ...").
 * In any tier, a tissue named as the comparator of a contrast ("unlike bone marrow MSCs, cord MSCs ...") is not
 * a source, and a sentence saying where MSCs are found in general counts only when nothing else names a tissue.
 * Cord blood or peripheral blood named as the patients' haematopoietic graft ("cord blood recipients", "cord blood
 * transplantation") is that graft's tissue, not the MSC product's.
 * Cue sets (rules/contexts.json): sources.background, sources.contrast, sources.general, sources.hsc_graft,
 *   sources.negated.
 * Returns: sources (a set), its reason code and its evidence (each quote with the rule id that gave it).
 * Reason codes (FAMILY_REASONS.sources): stated.intervention / stated.title / stated.description (the first tier
 *   naming a tissue: MSC interventions and arms, titles/keywords, MSC sentences of the description; a named
 *   product's sources are added to them), general_statement (only sentences saying where MSCs are found in
 *   general name one), product_fact (the record names none: the named product's sources), none_stated.
 */
import type { Evidence, FamilyReason, TissueSource } from '../model/labels.js';
import { SOURCES } from '../model/labels.js';
import { evidenceOf, firstPerValue } from './evidence.js';
import { productFact, type ProductResult } from './product.js';
import { firstTier, nearMsc } from './tiers.js';
import type { Hit, StudyView, Tier } from './view.js';
import { cueSet } from './cuesets.js';

const KNOWN = new Set<string>(SOURCES);
const sourceOf = (h: Hit): TissueSource | null => {
  const s = h.family === 'source' ? h.value : h.also.source;
  return s !== undefined && KNOWN.has(s) ? (s as TissueSource) : null;
};

function dropEnumerations(v: StudyView, hits: Hit[], general: Set<Hit>): Hit[] {
  // Groups of hits by sentence (field, bounds), in order of first appearance.
  const groups: Hit[][] = [];
  for (const h of hits) {
    const [s, e] = v.sentenceOf(h);
    const group = groups.find(
      (g) => g[0]!.field === h.field && v.sentenceOf(g[0]!)[0] === s && v.sentenceOf(g[0]!)[1] === e,
    );
    if (group) group.push(h);
    else groups.push([h]);
  }
  const out: Hit[] = [];
  for (const group of groups) {
    const text = v.text(group[0]!.field);
    const [a, b] = v.sentenceOf(group[0]!);
    // "Unlike bone marrow MSCs, cord MSCs ...", "rather than adipose": the compared tissue is not the product's.
    const kept = group.filter((h) => !comparedWith(text, a, h));
    // "UC-MSCs were chosen because autologous cells are not possible (bone marrow ...)": in a sentence naming two
    // tissues, the one under a negation is the alternative, not the product.
    if (new Set(kept.map(sourceOf)).size >= 2) {
      const affirmed = kept.filter((h) => !NEGATED.test(text.slice(Math.max(a, h.start - 60), h.start)));
      if (affirmed.length > 0 && affirmed.length < kept.length) kept.splice(0, kept.length, ...affirmed);
    }
    if (kept.length >= 3 && new Set(kept.map(sourceOf)).size >= 3) continue;
    // "MSCs can be found in bone marrow and in fat": a general statement about MSCs, the last resort.
    if (GENERAL.test(text.slice(a, b))) for (const h of kept) general.add(h);
    out.push(...kept);
  }
  return out;
}

/** General statements about MSCs (where they are found, what they can do), not about the study product. */
const GENERAL = cueSet('sources.general');
/**
 * A contrast cue followed (within a few words) by the compared source. Not "versus"/"compared with": two-arm
 * trials compare two products that are both given.
 */
const CONTRAST = cueSet('sources.contrast');

/** A negation shortly before a tissue word, in the same clause. */
const NEGATED = cueSet('sources.negated');

function comparedWith(text: string, sentenceStart: number, h: Hit): boolean {
  return CONTRAST.test(text.slice(Math.max(sentenceStart, h.start - 60), h.start));
}

/** A description sentence about MSCs in general (definitions, literature), not about the study's product. */
const BACKGROUND = cueSet('sources.background');

function background(v: StudyView, h: Hit): boolean {
  const [a, b] = v.sentenceOf(h);
  return BACKGROUND.test(v.text(h.field).slice(a, b));
}

/** The reason code of sources quoted from one tier (pick reads tiers 1-3 only, one tier at a time). */
const STATED: Readonly<Record<Tier, FamilyReason<'sources'>>> = {
  1: 'stated.intervention',
  2: 'stated.title',
  3: 'stated.description',
  4: 'stated.description',
};

export interface SourcesResult {
  sources: TissueSource[];
  reason: FamilyReason<'sources'>;
  evidence: Evidence[];
}

/** What follows a blood tissue word that names the patients' haematopoietic graft. */
const HSC_GRAFT = cueSet('sources.hsc_graft');
const GRAFT_TISSUES = new Set<TissueSource>(['cord_blood', 'peripheral_blood']);

function hscGraft(v: StudyView, h: Hit): boolean {
  if (h.family !== 'source' || !GRAFT_TISSUES.has(sourceOf(h)!)) return false;
  return HSC_GRAFT.test(v.text(h.field).slice(h.end, h.end + 80));
}

export function decideSources(v: StudyView, product: ProductResult): SourcesResult {
  // Only tiers 1-3 are ever picked. A tier is the same for every hit of one sentence (of one field), the unit of
  // dropEnumerations, so leaving tier-4 hits out changes nothing but the work done on them.
  const all = v.hits.filter((h) => v.tier(h) <= 3 && sourceOf(h) !== null && !hscGraft(v, h));
  const general = new Set<Hit>();
  const cand = dropEnumerations(v, all, general);
  const pick = (hs: Hit[]): Hit[] => {
    const t12 = firstTier(v, hs, [[1], [2]]);
    return t12.length > 0 ? t12 : hs.filter((h) => v.tier(h) === 3 && nearMsc(v, h, 80) && !background(v, h));
  };
  // Sentences stating where MSCs are found in general count only when nothing else names the tissue.
  const specific = pick(cand.filter((h) => !general.has(h)));
  const chosen = specific.length > 0 ? specific : pick(cand);
  const evidence: Evidence[] = chosen.map((h) => evidenceOf('sources', sourceOf(h)!, h));
  if (product.product) {
    for (const s of product.product.sources) {
      if (!evidence.some((e) => e.value === s)) {
        const e = productFact('sources', s, product, 'source');
        if (e) evidence.push(e);
      }
    }
  }
  const sources = SOURCES.filter((s) => evidence.some((e) => e.value === s));
  const reason: FamilyReason<'sources'> =
    chosen.length > 0
      ? specific.length > 0
        ? STATED[v.tier(chosen[0]!)]
        : 'general_statement'
      : sources.length > 0
        ? 'product_fact'
        : 'none_stated';
  return { sources, reason, evidence: firstPerValue(evidence) };
}
