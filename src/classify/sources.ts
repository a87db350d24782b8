/**
 * sources: tissue origins of the MSC product.
 * Reads: MSC interventions and their arms (tier 1), titles/keywords (tier 2), else MSC sentences of the
 * summary/description (tier 3). Vocabulary: rules/sources.json (+ mixture terms' implied source in
 * category.json, + product facts). A sentence naming 3 or more different sources is a background
 * enumeration ("MSCs can be isolated from bone marrow, fat and cord") and is ignored, and so is, in the description,
 * a sentence about MSCs in general ("MSCs reside in the bone marrow and can be ...", "studies have shown ...").
 */
import type { Evidence, TissueSource } from '../model/labels.js';
import { SOURCES } from '../model/labels.js';
import { evidenceOf, firstPerValue } from './evidence.js';
import { productFact, type ProductResult } from './product.js';
import { firstTier, nearMsc } from './tiers.js';
import type { Hit, StudyView } from './view.js';

export const SOURCES_FIELDS = ['briefTitle', 'officialTitle', 'acronym', 'keywords', 'interventions', 'arms', 'briefSummary', 'detailedDescription'] as const;

const KNOWN = new Set<string>(SOURCES);
export const sourceOf = (h: Hit): TissueSource | null => {
  const s = h.family === 'source' ? h.value : h.also.source;
  return s !== undefined && KNOWN.has(s) ? (s as TissueSource) : null;
};

function dropEnumerations(v: StudyView, hits: Hit[]): Hit[] {
  // Groups of hits by sentence (field, bounds), in order of first appearance.
  const groups: Hit[][] = [];
  for (const h of hits) {
    const [s, e] = v.sentenceOf(h);
    const group = groups.find((g) => g[0]!.field === h.field && v.sentenceOf(g[0]!)[0] === s && v.sentenceOf(g[0]!)[1] === e);
    if (group) group.push(h);
    else groups.push([h]);
  }
  if (groups.length === hits.length) return hits; // one hit per sentence: nothing to drop, same order
  const out: Hit[] = [];
  for (const group of groups) {
    if (group.length >= 3 && new Set(group.map(sourceOf)).size >= 3) continue;
    for (const h of group) out.push(h);
  }
  return out;
}

/** A description sentence about MSCs in general (definitions, literature), not about the study's product. */
const BACKGROUND = /\b(?:can be|could be|may be|might be|ha(?:ve|s|d) (?:also )?(?:been|shown|showed|demonstrated)|were shown|was shown|studies|studied|previous(?:ly)?|recent(?:ly)?|reported|literature|known to|reside)\b/i;

function background(v: StudyView, h: Hit): boolean {
  const [a, b] = v.sentence(h.field, h.start, h.end);
  return BACKGROUND.test(v.text(h.field).slice(a, b));
}

export function decideSources(v: StudyView, product: ProductResult): { sources: TissueSource[]; evidence: Evidence[] } {
  const all = v.hits.filter((h) => sourceOf(h) !== null);
  const cand = dropEnumerations(v, all);
  const t12 = firstTier(v, cand, [[1], [2]]);
  const chosen = t12.length > 0 ? t12 : cand.filter((h) => v.tier(h) === 3 && nearMsc(v, h, 80) && !background(v, h));
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
  return { sources, evidence: firstPerValue(evidence) };
}
