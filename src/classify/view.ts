/**
 * The study as the classifier sees it: its text fields (with the zone each belongs to), every match of the
 * product-layer vocabulary, and which interventions/arms carry the MSC product. Built once per study and
 * shared by the label families, which then prefer evidence from the MSC intervention over titles over
 * MSC sentences of the description (`tier`), never from comparator arms or eligibility criteria.
 * Cue sets (rules/contexts.json): view.inn_cell_stem (INN stems of MSC products inside a word).
 */
import type { Study } from '../model/study.js';
import type { MakeMatch, Match, Matcher } from './matcher.js';
import type { Product } from './rules.js';
import { cueSet } from './cuesets.js';
import { literalsAfterGap } from './firstchars.js';
import { escapeRe } from './matcher.js';
import { indexedPaths, sentenceIn, sentenceStarts } from './text.js';

const INN_CELL_STEM = cueSet('view.inn_cell_stem');
const INN_TERM = {
  family: 'msc',
  value: 'cell',
  rule: 'msc.cell.inn_stem',
  also: {} as Record<string, string>,
};
/** Cheap pre-check for INN_CELL_STEM (every stem ends in "cel"). */
const hasCelSuffix = (t: string): boolean => t.includes('cel') || t.includes('CEL') || t.includes('Cel');
/** The stem endings every INN_CELL_STEM match holds (derived from the cue set), as one case-insensitive test. */
const INN_ENDINGS = ((lits) => (lits ? new RegExp(lits.map(escapeRe).join('|'), 'i') : null))(
  literalsAfterGap(INN_CELL_STEM.source, true),
);
/** Can INN_CELL_STEM match in `t`? ("cell" holds "cel": the endings rule most texts out.) */
const mayHoldInnStem = (t: string): boolean =>
  hasCelSuffix(t) && (INN_ENDINGS === null || INN_ENDINGS.test(t));
/** Zones where an INN stem names the product (not the description: background may name other products). */
const INN_ZONES: ReadonlySet<Zone> = new Set(['title', 'intervention', 'arm', 'keyword']);

export type Zone = 'title' | 'intervention' | 'arm' | 'summary' | 'keyword' | 'condition' | 'outcome';

export interface FieldRef {
  path: string;
  text: string;
  zone: Zone;
  /** Intervention or arm index for those zones, else -1. */
  owner: number;
}

export interface Hit extends Match {
  zone: Zone;
  owner: number;
  /** Filled by buildView: see StudyView.tier / isMsc. */
  tierValue: Tier;
  msc: boolean;
  /** Memo of StudyView.sentenceOf / sameSentence (null until asked). */
  sent: readonly [number, number] | null;
  same: readonly Hit[] | null;
}

/** 1 = MSC intervention/arm, 2 = titles/keywords, 3 = MSC sentence of the summary/description, 4 = elsewhere. */
export type Tier = 1 | 2 | 3 | 4;

export interface StudyView {
  study: Study;
  fields: FieldRef[];
  hits: Hit[];
  /** Valid product hits (weak names only with their company context). */
  products: Array<{ hit: Hit; product: Product }>;
  mscInterventions: Set<number>;
  mscArms: Set<number>;
  /** Field path -> text. */
  text(field: string): string;
  /** Does the text [start, end) of `field` hold an administration cue (rules/cues.json)? Cached. */
  adminCue(field: string, start: number, end: number): boolean;
  /** The sentence [start, end) of `field` holding the span [pos, end). */
  sentence(field: string, pos: number, end?: number): [number, number];
  /** The sentence of a hit (sentence(h.field, h.start, h.end), computed once per hit). */
  sentenceOf(h: Hit): readonly [number, number];
  /** The hits lying in the sentence of `h` (computed once per hit). */
  sameSentence(h: Hit): readonly Hit[];
  /** Hits of one field, in text order. */
  inField(field: string): Hit[];
  tier(h: Hit): Tier;
  /** Is this hit an MSC product mention (cell, derived, mixture, named product)? */
  isMsc(h: Hit): boolean;
}

const COMPARATOR_ARM = new Set(['PLACEBO_COMPARATOR', 'SHAM_COMPARATOR', 'NO_INTERVENTION']);
const keyCache = new Map<string, string>();
/** Comparable form of an arm/intervention name (memoized: the same names are compared many times). */
const key = (s: string): string => {
  let k = keyCache.get(s);
  if (k === undefined) {
    if (keyCache.size >= 20_000) keyCache.clear();
    keyCache.set(
      s,
      (k = s
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim()),
    );
  }
  return k;
};

const P = {
  keyword: indexedPaths((i) => `keywords.${i}`),
  ivName: indexedPaths((i) => `interventions.${i}.name`),
  ivDescription: indexedPaths((i) => `interventions.${i}.description`),
  ivOther: indexedPaths((i) => `interventions.${i}.otherNames.`),
  armLabel: indexedPaths((i) => `arms.${i}.label`),
  armDescription: indexedPaths((i) => `arms.${i}.description`),
  outcome: indexedPaths((i) => `primaryOutcomes.${i}.measure`),
};
const otherNamePaths: Array<(j: number) => string> = [];
const otherNamePath = (i: number, j: number): string =>
  (otherNamePaths[i] ??= indexedPaths((k) => P.ivOther(i) + k))(j);

/** Text fields the product layer reads (eligibility criteria are deliberately absent). */
export function productFields(study: Study): FieldRef[] {
  const out: FieldRef[] = [];
  const add = (path: string, text: string | null | undefined, zone: Zone, owner = -1): void => {
    if (text) out.push({ path, text, zone, owner });
  };
  add('briefTitle', study.briefTitle, 'title');
  add('officialTitle', study.officialTitle, 'title');
  add('acronym', study.acronym, 'title');
  study.keywords.forEach((k, i) => add(P.keyword(i), k, 'keyword'));
  study.interventions.forEach((iv, i) => {
    add(P.ivName(i), iv.name, 'intervention', i);
    add(P.ivDescription(i), iv.description, 'intervention', i);
    iv.otherNames.forEach((n, j) => add(otherNamePath(i, j), n, 'intervention', i));
  });
  study.arms.forEach((a, i) => {
    add(P.armLabel(i), a.label, 'arm', i);
    add(P.armDescription(i), a.description, 'arm', i);
  });
  add('briefSummary', study.briefSummary, 'summary');
  add('detailedDescription', study.detailedDescription, 'summary');
  study.primaryOutcomes.forEach((o, i) => add(P.outcome(i), o.measure, 'outcome'));
  return out;
}

const MSC_VALUES = new Set(['cell', 'derived', 'mixture']);

export function buildView(
  study: Study,
  matcher: Matcher,
  products: ReadonlyMap<string, Product>,
  cues: Matcher,
): StudyView {
  const fields = productFields(study);
  const hits: Hit[] = [];
  const byField = new Map<string, Hit[]>();
  const texts = new Map<string, string>();
  let zone: Zone = 'title';
  let owner = -1;
  const make: MakeMatch<Hit> = (t, field, start, end, text) => ({
    family: t.family,
    value: t.value,
    rule: t.rule,
    also: t.also,
    field,
    start,
    end,
    text: text.slice(start, end),
    zone,
    owner,
    tierValue: 4,
    msc: false,
    sent: null,
    same: null,
  });
  for (const f of fields) {
    texts.set(f.path, f.text);
    const from = hits.length;
    zone = f.zone;
    owner = f.owner;
    matcher.scan(f.text, f.path, hits, make);
    // INN stems sit inside a word ("amimestrocel"), where the word-start matcher does not look.
    if (INN_ZONES.has(f.zone) && mayHoldInnStem(f.text)) {
      INN_CELL_STEM.lastIndex = 0;
      let m: RegExpExecArray | null;
      let added = false;
      while ((m = INN_CELL_STEM.exec(f.text)) !== null) {
        const a = m.index;
        const b = a + m[0].length;
        if (hits.some((h, i) => i >= from && h.start < b && a < h.end)) continue;
        hits.push(make(INN_TERM, f.path, a, b, f.text));
        added = true;
      }
      if (added) hits.splice(from, hits.length - from, ...hits.slice(from).sort((x, y) => x.start - y.start));
    }
    if (hits.length > from) byField.set(f.path, hits.slice(from));
  }
  // Weak product names (e.g. "MPC") count only when the company context appears somewhere: in the text, or as the
  // record's sponsor or a collaborator (a Mesoblast-sponsored trial of "MPCs" gives Mesoblast's product).
  const allText = (): string =>
    [...fields.map((f) => f.text), study.leadSponsor?.name ?? '', ...study.collaborators.map((c) => c.name)]
      .join('\n')
      .toLowerCase();
  let lowered: string | null = null;
  const validProducts: Array<{ hit: Hit; product: Product }> = [];
  for (const h of hits) {
    if (h.family !== 'product') continue;
    const p = products.get(h.value);
    if (!p) continue;
    if (h.also.weak) {
      lowered ??= allText();
      if (!(p.weakContext ?? []).some((c) => lowered!.includes(c.toLowerCase()))) continue;
    }
    validProducts.push({ hit: h, product: p });
  }
  for (const h of hits)
    h.msc =
      (h.family === 'msc' && MSC_VALUES.has(h.value)) ||
      (h.also.msc !== undefined && MSC_VALUES.has(h.also.msc));
  for (const v of validProducts) v.hit.msc = true;
  const isMsc = (h: Hit): boolean => h.msc;

  const mscInterventions = new Set<number>();
  for (const h of hits) if (h.zone === 'intervention' && isMsc(h)) mscInterventions.add(h.owner);
  // Comparator rule: when an MSC intervention is given in an experimental arm, MSC-like interventions given
  // only in comparator arms (e.g. bone marrow concentrate as active control) are not the studied product.
  const armTypes = (i: number): string[] => {
    const iv = study.interventions[i];
    if (!iv) return [];
    const labels = new Set(iv.armGroupLabels.map(key));
    const linked = study.arms.filter(
      (a) => labels.has(key(a.label)) || a.interventionNames.some((n) => key(n) === key(iv.name)),
    );
    if (linked.length > 0 || labels.size > 0) return linked.map((a) => a.type ?? '');
    // No links recorded: an arm named after the intervention ("Marrow cellution (standard treatment)") is its arm.
    const name = key(iv.name);
    return name.length < 4
      ? []
      : study.arms
          .filter((a) => key(a.label) === name || key(a.label).startsWith(name + ' '))
          .map((a) => a.type ?? '');
  };
  const experimental = [...mscInterventions].filter((i) => armTypes(i).includes('EXPERIMENTAL'));
  if (experimental.length > 0) {
    for (const i of [...mscInterventions]) {
      const t = armTypes(i);
      if (t.length > 0 && t.every((x) => x !== 'EXPERIMENTAL' && x !== 'OTHER')) mscInterventions.delete(i);
    }
  }
  const mscNames = new Set([...mscInterventions].map((i) => key(study.interventions[i]?.name ?? '')));
  const mscArms = new Set<number>();
  study.arms.forEach((a, i) => {
    if (a.interventionNames.some((n) => mscNames.has(key(n)))) mscArms.add(i);
  });
  for (const i of mscInterventions) {
    for (const label of study.interventions[i]?.armGroupLabels ?? []) {
      const j = study.arms.findIndex((a) => key(a.label) === key(label));
      if (j >= 0) mscArms.add(j);
    }
  }
  for (const h of hits) {
    if (h.zone !== 'arm' || !isMsc(h)) continue;
    const type = study.arms[h.owner]?.type ?? '';
    if (!COMPARATOR_ARM.has(type) && !(experimental.length > 0 && type === 'ACTIVE_COMPARATOR'))
      mscArms.add(h.owner);
  }
  // Sentence starts of a field, found once (one native search) when its first sentence is asked for: hits share
  // sentences, and walking around each hit read more characters than the fields hold.
  const starts = new Map<string, number[]>();
  const sentence = (field: string, pos: number, end = pos): [number, number] => {
    const text = texts.get(field) ?? '';
    let st = starts.get(field);
    if (st === undefined) starts.set(field, (st = sentenceStarts(text)));
    return sentenceIn(st, text.length, pos, end);
  };
  const sentenceOf = (h: Hit): readonly [number, number] => (h.sent ??= sentence(h.field, h.start, h.end));
  // MSC sentences of the narrative fields (by sentence start).
  const sentences = new Map<string, Set<number>>();
  for (const h of hits) {
    if (h.zone !== 'summary' || !h.msc) continue;
    let set = sentences.get(h.field);
    if (!set) sentences.set(h.field, (set = new Set()));
    set.add(sentenceOf(h)[0]);
  }
  const computeTier = (h: Hit): Tier => {
    switch (h.zone) {
      case 'intervention':
        return mscInterventions.has(h.owner) ? 1 : 4;
      case 'arm':
        return mscArms.has(h.owner) ? 1 : 4;
      case 'title':
      case 'keyword':
        return 2;
      case 'summary':
        return sentences.get(h.field)?.has(sentenceOf(h)[0]) ? 3 : 4;
      default:
        return 4;
    }
  };
  for (const h of hits) h.tierValue = computeTier(h);
  const cueCache = new Map<string, boolean>();
  const adminCue = (field: string, start: number, end: number): boolean => {
    const k = `${field}:${start}:${end}`;
    let r = cueCache.get(k);
    if (r === undefined)
      cueCache.set(k, (r = cues.scan((texts.get(field) ?? '').slice(start, end), field).length > 0));
    return r;
  };
  const empty: Hit[] = [];
  return {
    study,
    fields,
    hits,
    products: validProducts,
    mscInterventions,
    mscArms,
    text: (field) => texts.get(field) ?? '',
    inField: (field) => byField.get(field) ?? empty,
    sentence,
    sentenceOf,
    sameSentence: (h) => {
      if (h.same === null) {
        const [s, e] = sentenceOf(h);
        h.same = (byField.get(h.field) ?? empty).filter((x) => x.start >= s && x.end <= e);
      }
      return h.same;
    },
    adminCue,
    tier: (h) => h.tierValue,
    isMsc,
  };
}
