/**
 * Trial and product mentions of a Document. Each trial mention keeps the sentence naming it and the
 * context it owns (the following sentences, see rules/literature.json `context`), and the facts those
 * sentences state. Offsets are into `doc.sections[section].text` (field `sections.<i>.text`).
 */
import type { Document } from '../../model/document.js';
import { extractFacts, type Fact } from './facts.js';
import { findNctIds, type NctMatch } from './nct.js';
import type { ProductMatch, ProductMatcher } from './products.js';
import { loadProducts } from './products.js';
import { loadLiteratureRules, type LiteratureRules } from './rules.js';
import { sentenceAt, splitSentences, type Span } from './sentences.js';

export interface TrialMention {
  nctId: string;
  /** As written ("NCT 0123-\n4567"). */
  raw: string;
  section: number;
  sectionName: string;
  start: number;
  end: number;
  sentence: Span;
  /** Following sentences attributed to this mention (may be empty). */
  context: Span[];
  /** Other trial ids named in the same sentence: the facts may be about any of them. */
  coMentioned: string[];
  facts: Fact[];
  /** Product ids named in the sentence or its context. */
  products: string[];
}

export interface ProductMention {
  productId: string;
  text: string;
  section: number;
  sectionName: string;
  start: number;
  end: number;
  sentence: Span;
  /** Trial ids named in the same sentence. */
  trials: string[];
}

export interface DocumentMentions {
  docId: string;
  /** Distinct trial ids, in order of first mention. */
  trialIds: string[];
  trials: TrialMention[];
  products: ProductMention[];
}

export interface ExtractOptions {
  rules?: LiteratureRules;
  products?: ProductMatcher;
}

export function extractMentions(doc: Document, opts: ExtractOptions = {}): DocumentMentions {
  const rules = opts.rules ?? loadLiteratureRules();
  const productMatcher = opts.products ?? loadProducts();
  const trials: TrialMention[] = [];
  const products: ProductMention[] = [];
  doc.sections.forEach((sec, section) => {
    const ncts = findNctIds(sec.text);
    const prods = productMatcher.find(sec.text);
    if (ncts.length === 0 && prods.length === 0) return;
    const sentences = splitSentences(sec.text, rules);
    const idsBySentence = new Map<number, string[]>();
    for (const n of ncts) {
      const si = sentenceAt(sentences, n.start);
      const list = idsBySentence.get(si) ?? [];
      if (!list.includes(n.nctId)) list.push(n.nctId);
      idsBySentence.set(si, list);
    }
    const prodsBySentence = new Map<number, ProductMatch[]>();
    for (const p of prods) {
      const si = sentenceAt(sentences, p.start);
      prodsBySentence.set(si, [...(prodsBySentence.get(si) ?? []), p]);
    }
    for (const n of ncts)
      trials.push(trialMention(n, section, sec.name, sentences, idsBySentence, prodsBySentence, rules));
    for (const [si, list] of prodsBySentence)
      for (const p of list)
        products.push({
          productId: p.productId,
          text: p.text,
          section,
          sectionName: sec.name,
          start: p.start,
          end: p.end,
          sentence: sentences[si] ?? { start: p.start, end: p.end, text: p.text },
          trials: idsBySentence.get(si) ?? [],
        });
  });
  products.sort((a, b) => a.section - b.section || a.start - b.start);
  const trialIds: string[] = [];
  for (const t of trials) if (!trialIds.includes(t.nctId)) trialIds.push(t.nctId);
  return { docId: doc.id, trialIds, trials, products };
}

function trialMention(
  n: NctMatch,
  section: number,
  sectionName: string,
  sentences: Span[],
  idsBySentence: Map<number, string[]>,
  prodsBySentence: Map<number, ProductMatch[]>,
  rules: LiteratureRules,
): TrialMention {
  const si = sentenceAt(sentences, n.start);
  const sentence = sentences[si] ?? { start: n.start, end: n.end, text: n.raw };
  const owned = [si, ...contextOf(si, sentences, idsBySentence, rules)];
  const facts = owned.flatMap((idx, k) => extractFacts(sentences[idx] ?? sentence, k, rules));
  const products: string[] = [];
  for (const idx of owned)
    for (const p of prodsBySentence.get(idx) ?? [])
      if (!products.includes(p.productId)) products.push(p.productId);
  return {
    nctId: n.nctId,
    raw: n.raw,
    section,
    sectionName,
    start: n.start,
    end: n.end,
    sentence,
    context: owned.slice(1).map((i) => sentences[i]!),
    coMentioned: (idsBySentence.get(si) ?? []).filter((id) => id !== n.nctId),
    facts,
    products,
  };
}

/**
 * Sentences after `si` that still speak of the trial: stop before one naming a trial, before one citing
 * only references the mention sentence does not cite, and after one whose citation closes an uncited
 * mention; at most maxFollowingSentences.
 */
function contextOf(
  si: number,
  sentences: Span[],
  idsBySentence: Map<number, string[]>,
  rules: LiteratureRules,
): number[] {
  if (si < 0) return [];
  const own = citations(sentences[si]!.text, rules);
  const out: number[] = [];
  for (let j = si + 1; j < sentences.length && out.length < rules.maxFollowingSentences; j++) {
    if (idsBySentence.has(j)) break;
    const cites = citations(sentences[j]!.text, rules);
    if (cites.size > 0) {
      if (own.size === 0) {
        out.push(j);
        break;
      }
      if (![...cites].some((c) => own.has(c))) break;
    }
    out.push(j);
  }
  return out;
}

/** Reference numbers cited in a sentence ("[12]", "[3, 5-7]" -> 3,5,6,7). */
function citations(text: string, rules: LiteratureRules): Set<number> {
  const out = new Set<number>();
  rules.citation.lastIndex = 0;
  for (let m = rules.citation.exec(text); m; m = rules.citation.exec(text)) {
    for (const part of (m[1] ?? '').split(/\s*,\s*/)) {
      const [a, b] = part.split(/\s*[-–]\s*/).map(Number);
      if (a === undefined || !Number.isFinite(a)) continue;
      const hi = b !== undefined && Number.isFinite(b) && b >= a && b - a < 100 ? b : a;
      for (let k = a; k <= hi; k++) out.add(k);
    }
  }
  return out;
}
