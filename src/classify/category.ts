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
import type { Category, Evidence } from '../model/labels.js';
import { evidenceOf } from './evidence.js';
import { sentenceAround } from './text.js';
import type { Hit, StudyView } from './view.js';

export const CATEGORY_FIELDS = [
  'briefTitle', 'officialTitle', 'acronym', 'keywords', 'interventions', 'arms', 'briefSummary', 'detailedDescription',
  'primaryOutcomes', 'studyType', 'eligibility.criteria',
] as const;

export type Kind = 'cell' | 'derived' | 'mixture';

export interface CategoryResult {
  category: Category;
  reason: string;
  evidence: Evidence[];
  /** The MSC hits the decision rests on (used by other families to find the product text). */
  basis: Hit[];
}

const BACKGROUND = /\b(?:have been|has been|had been|were shown|was shown|studies|previous(?:ly)?|pre-?clinical|animal|mice|murine|rats?|reported|literature|known to|can be|may be|could be|might|promising|potential|evidence|review|meta-analysis)\b/i;

function kindOf(v: StudyView, h: Hit): Kind | null {
  if (h.family === 'msc' && (h.value === 'cell' || h.value === 'derived' || h.value === 'mixture')) return h.value;
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

const textOf = (v: StudyView, field: string): string => v.fields.find((f) => f.path === field)?.text ?? '';

/** Kinds of the given hits, with "cell" words that only name the source of a derived product in the same field dropped. */
function resolveKinds(v: StudyView, hits: Hit[]): Array<{ hit: Hit; kind: Kind }> {
  const out: Array<{ hit: Hit; kind: Kind }> = [];
  const derivedByField = new Map<string, Hit[]>();
  for (const h of hits) if (kindOf(v, h) === 'derived') derivedByField.set(h.field, [...(derivedByField.get(h.field) ?? []), h]);
  for (const h of hits) {
    const kind = kindOf(v, h);
    if (!kind) continue;
    if (kind === 'cell') {
      const ds = derivedByField.get(h.field) ?? [];
      if (ds.some((d) => Math.abs(d.start - h.end) <= 45 || Math.abs(h.start - d.end) <= 45)) continue;
    }
    out.push({ hit: h, kind });
  }
  return out;
}

const isCue = (h: Hit, value: string): boolean => h.family === 'msc' && h.value === value;
const isAdmin = (h: Hit): boolean => isCue(h, 'admin') || h.family === 'route';

/** Hits lying in the same sentence as `h`. */
function sameSentence(v: StudyView, h: Hit): Hit[] {
  const text = textOf(v, h.field);
  const [s, e] = sentenceAround(text, h.start, h.end);
  return v.hits.filter((x) => x.field === h.field && x.start >= s && x.end <= e);
}

function decideFromZone(v: StudyView, zone: Array<{ hit: Hit; kind: Kind }>, cueScope: Hit[]): CategoryResult {
  const cells = zone.filter((z) => z.kind === 'cell');
  const derived = zone.filter((z) => z.kind === 'derived');
  const mixtures = zone.filter((z) => z.kind === 'mixture');
  const expanded = cueScope.filter((h) => isCue(h, 'expanded'));
  const notExpanded = cueScope.filter((h) => isCue(h, 'not_expanded'));
  const ev = (cat: Category, hs: Hit[], rule?: string): Evidence[] => hs.slice(0, 3).map((h) => evidenceOf('category', cat, h, rule ?? h.rule));
  if (cells.length > 0) {
    if (mixtures.length > 0 && notExpanded.length > 0 && expanded.length === 0) {
      return { category: 'stromal_mixture', reason: 'include.stromal_mixture', evidence: [...ev('stromal_mixture', mixtures.map((m) => m.hit)), ...ev('stromal_mixture', notExpanded, 'category.stromal_mixture.not_expanded')], basis: mixtures.map((m) => m.hit) };
    }
    return { category: 'msc_cells', reason: 'include.msc_cells', evidence: ev('msc_cells', cells.map((c) => c.hit)), basis: zone.map((z) => z.hit) };
  }
  if (derived.length > 0) {
    return { category: 'msc_derived', reason: 'include.msc_derived', evidence: ev('msc_derived', derived.map((d) => d.hit)), basis: zone.map((z) => z.hit) };
  }
  if (expanded.length > 0 && notExpanded.length === 0) {
    return { category: 'msc_cells', reason: 'include.msc_cells.expanded_mixture', evidence: [...ev('msc_cells', mixtures.map((m) => m.hit)), ...ev('msc_cells', expanded, 'category.msc_cells.culture_expanded')], basis: mixtures.map((m) => m.hit) };
  }
  return { category: 'stromal_mixture', reason: 'include.stromal_mixture', evidence: ev('stromal_mixture', mixtures.map((m) => m.hit)), basis: mixtures.map((m) => m.hit) };
}

function notAdministered(v: StudyView, mscHits: Hit[]): CategoryResult {
  const anchor = mscHits[0];
  const inVitro = mscHits.find((h) => sameSentence(v, h).some((x) => isCue(x, 'invitro')));
  if (inVitro || mscHits.some((h) => h.zone === 'outcome')) {
    const h = inVitro ?? mscHits.find((x) => x.zone === 'outcome') ?? anchor!;
    return { category: 'ex_vivo_only', reason: 'exclude.ex_vivo_only', evidence: [evidenceOf('category', 'ex_vivo_only', h, 'category.ex_vivo_only.in_vitro')], basis: [] };
  }
  const other = v.hits.find((h) => isCue(h, 'hsc') && v.tier(h) <= 2);
  if (other) return { category: 'unrelated', reason: 'exclude.other_cell_therapy', evidence: [evidenceOf('category', 'unrelated', other, 'category.unrelated.other_cell_therapy')], basis: [] };
  if (anchor) return { category: 'unrelated', reason: 'exclude.background_mention', evidence: [evidenceOf('category', 'unrelated', anchor, 'category.unrelated.background_mention')], basis: [] };
  const elig = v.study.eligibility.criteria ?? '';
  const m = /mesenchymal|\bMSCs?\b/i.exec(elig);
  if (m) {
    return { category: 'unrelated', reason: 'exclude.mention_only_in_eligibility', evidence: [{ label: 'category', value: 'unrelated', field: 'eligibility.criteria', start: m.index, end: m.index + m[0].length, text: elig.slice(m.index, m.index + m[0].length), rule: 'category.unrelated.eligibility_only' }], basis: [] };
  }
  return { category: 'unrelated', reason: 'exclude.no_msc_mention', evidence: [], basis: [] };
}

export function decideCategory(v: StudyView): CategoryResult {
  const msc = v.hits.filter((h) => v.isMsc(h));
  const cueScope = v.hits.filter((h) => v.tier(h) <= 3 || h.zone === 'summary');
  const observational = v.study.studyType !== null && v.study.studyType !== 'INTERVENTIONAL' && v.study.studyType !== 'EXPANDED_ACCESS';
  if (observational) {
    const given = msc.filter(
      (h) => (h.zone === 'title' || h.zone === 'summary') && (() => {
        const s = sameSentence(v, h);
        return s.some(isAdmin) && !s.some((x) => isCue(x, 'invitro'));
      })(),
    );
    if (given.length > 0) {
      const r = decideFromZone(v, resolveKinds(v, given), cueScope);
      return { ...r, reason: r.reason + '.observational' };
    }
    return notAdministered(v, msc);
  }
  const zone = resolveKinds(v, msc.filter((h) => (h.zone === 'title' || v.tier(h) === 1)));
  if (zone.length > 0) return decideFromZone(v, zone, cueScope);
  const narrative = msc.filter((h) => {
    if (h.zone !== 'summary') return false;
    const s = sameSentence(v, h);
    if (!s.some(isAdmin)) return false;
    const text = textOf(v, h.field);
    const [a, b] = sentenceAround(text, h.start, h.end);
    return !BACKGROUND.test(text.slice(a, b));
  });
  const nz = resolveKinds(v, narrative);
  if (nz.length > 0) {
    const r = decideFromZone(v, nz, cueScope);
    return { ...r, reason: r.reason + '.from_description' };
  }
  return notAdministered(v, msc);
}
