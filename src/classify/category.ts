/**
 * category: what kind of MSC product (if any) the study gives to people, and the screening reason code.
 *
 * Reads: titles, keywords, interventions (name, description, other names, type, arm links), arms (label,
 * description, type), brief summary, detailed description, primary outcome measures, study type; eligibility
 * criteria only to name the exclusion reason.
 * Vocabulary: rules/category.json (family "msc": cell / derived / mixture terms and the cues expanded,
 * not_expanded, invitro, admin, hsc, other_product) plus compound source terms (sources.json, facet msc) and named
 * products (products.json); administration cues (cues.json); the "category.*" cue sets of rules/contexts.json,
 * listed in category-checks.ts where the checks use them.
 * Returns: category, screening reason code (ScreeningReason, an enum of src/model/labels.ts) and evidence (the
 * quoted spans, each with its rule id).
 *
 * Three decision tables, each read top to bottom, the first row whose check applies deciding:
 *   WHERE      where the study names the product it gives (-> KIND, with the variant of the include reason),
 *              or that it gives none (-> EXCLUSION);
 *   KIND       what that product is -> category + include reason;
 *   EXCLUSION  why no MSC product is given -> category + exclude reason.
 * The checks are small named functions of category-checks.ts.
 */
import type { Category, Evidence, ScreeningReason } from '../model/labels.js';
import { evidenceOf } from './evidence.js';
import type { Hit, StudyView } from './view.js';
import {
  always,
  backgroundMention,
  cellsGiven,
  cellsNotExpanded,
  contextOf,
  derivedGiven,
  eligibilityMention,
  laboratoryMaterial,
  mentionBesideOtherCellTherapy,
  mixtureExpanded,
  mixtureGiven,
  mscNamedNotGiven,
  noMention,
  observationalGivenProduct,
  observationalMobilizedTitle,
  observationalStudy,
  otherCellTherapy,
  productFacts,
  productInDescription,
  productInInterventions,
  samplingOnly,
  type Context,
  type KindHit,
  type ProductFacts,
  type Quote,
  type Span,
} from './category-checks.js';

export interface CategoryResult {
  category: Category;
  reason: ScreeningReason;
  evidence: Evidence[];
}

/** Where the product was found: the include reason of KIND as is, or its `.observational` / `.from_description` variant. */
type Variant = 'named' | 'observational' | 'from_description';

type WhereRow =
  | { when: string; test: (c: Context) => boolean; then: 'exclude' }
  | { when: string; find: (c: Context) => KindHit[] | null; then: Variant };

const WHERE: readonly WhereRow[] = [
  {
    when: "observational, a title about the patients' own MSCs",
    test: observationalMobilizedTitle,
    then: 'exclude',
  },
  {
    when: 'observational, patients given the product',
    find: observationalGivenProduct,
    then: 'observational',
  },
  { when: 'observational, no product given', test: observationalStudy, then: 'exclude' },
  { when: 'every intervention takes or analyses samples', test: samplingOnly, then: 'exclude' },
  { when: 'product named in titles or MSC interventions', find: productInInterventions, then: 'named' },
  { when: 'MSC terms there, none a product given', test: mscNamedNotGiven, then: 'exclude' },
  { when: 'product given in a description sentence', find: productInDescription, then: 'from_description' },
  { when: 'otherwise', test: always, then: 'exclude' },
];

type KindReason =
  | 'include.msc_cells'
  | 'include.msc_cells.expanded_mixture'
  | 'include.msc_derived'
  | 'include.stromal_mixture'
  | 'include.stromal_mixture.not_expanded';

interface KindRow {
  when: string;
  check: (f: ProductFacts) => Quote | null;
  category: Category;
  reason: KindReason;
  /** Rule id of the quoted cues (Quote.cues). */
  cueRule?: string;
}

const KIND: readonly KindRow[] = [
  {
    when: 'MSC cells, "not expanded" stated, no expansion',
    check: cellsNotExpanded,
    category: 'stromal_mixture',
    reason: 'include.stromal_mixture.not_expanded',
    cueRule: 'category.stromal_mixture.not_expanded',
  },
  { when: 'MSC cells', check: cellsGiven, category: 'msc_cells', reason: 'include.msc_cells' },
  {
    when: 'MSC-derived product',
    check: derivedGiven,
    category: 'msc_derived',
    reason: 'include.msc_derived',
  },
  {
    when: 'mixture, culture expansion stated',
    check: mixtureExpanded,
    category: 'msc_cells',
    reason: 'include.msc_cells.expanded_mixture',
    cueRule: 'category.msc_cells.culture_expanded',
  },
  { when: 'mixture', check: mixtureGiven, category: 'stromal_mixture', reason: 'include.stromal_mixture' },
];

/** The screening reason of an included study: its KIND reason in the variant of where the product was found. */
const INCLUDE_REASON: Record<KindReason, Record<Variant, ScreeningReason>> = {
  'include.msc_cells': {
    named: 'include.msc_cells',
    observational: 'include.msc_cells.observational',
    from_description: 'include.msc_cells.from_description',
  },
  'include.msc_cells.expanded_mixture': {
    named: 'include.msc_cells.expanded_mixture',
    observational: 'include.msc_cells.expanded_mixture.observational',
    from_description: 'include.msc_cells.expanded_mixture.from_description',
  },
  'include.msc_derived': {
    named: 'include.msc_derived',
    observational: 'include.msc_derived.observational',
    from_description: 'include.msc_derived.from_description',
  },
  'include.stromal_mixture': {
    named: 'include.stromal_mixture',
    observational: 'include.stromal_mixture.observational',
    from_description: 'include.stromal_mixture.from_description',
  },
  'include.stromal_mixture.not_expanded': {
    named: 'include.stromal_mixture.not_expanded',
    observational: 'include.stromal_mixture.not_expanded.observational',
    from_description: 'include.stromal_mixture.not_expanded.from_description',
  },
};

interface ExclusionRow {
  when: string;
  check: (c: Context) => Span[] | null;
  category: Category;
  reason: ScreeningReason;
  /** Rule id of the quoted spans. */
  rule: string;
}

const EXCLUSION: readonly ExclusionRow[] = [
  {
    when: 'MSCs as laboratory material (in-vitro sentence, outcome measure)',
    check: laboratoryMaterial,
    category: 'ex_vivo_only',
    reason: 'exclude.ex_vivo_only',
    rule: 'category.ex_vivo_only.in_vitro',
  },
  {
    when: 'MSCs mentioned beside another cell product given',
    check: mentionBesideOtherCellTherapy,
    category: 'unrelated',
    reason: 'exclude.other_cell_therapy',
    rule: 'category.unrelated.other_cell_therapy',
  },
  {
    when: 'MSCs mentioned, no product given',
    check: backgroundMention,
    category: 'unrelated',
    reason: 'exclude.background_mention',
    rule: 'category.unrelated.background_mention',
  },
  {
    when: 'MSCs in the eligibility criteria only',
    check: eligibilityMention,
    category: 'unrelated',
    reason: 'exclude.mention_only_in_eligibility',
    rule: 'category.unrelated.eligibility_only',
  },
  {
    when: 'no MSC mention, another cell product given',
    check: otherCellTherapy,
    category: 'unrelated',
    reason: 'exclude.other_cell_therapy',
    rule: 'category.unrelated.other_cell_therapy',
  },
  {
    when: 'no MSC mention',
    check: noMention,
    category: 'unrelated',
    reason: 'exclude.no_msc_mention',
    rule: 'category.unrelated.no_msc_mention',
  },
];

/** The first row of `table` whose check applies, with what the check found (the tables end with a catch-all row). */
function firstRow<I, R extends { check: (input: I) => unknown }>(
  table: readonly R[],
  input: I,
): [R, NonNullable<ReturnType<R['check']>>] {
  for (const row of table) {
    const found = row.check(input);
    if (found !== null) return [row, found as NonNullable<ReturnType<R['check']>>];
  }
  throw new Error('category: no row of a decision table applies (the last row must always apply)');
}

function included(v: StudyView, zone: KindHit[], variant: Variant): CategoryResult {
  const [row, quote] = firstRow(KIND, productFacts(v, zone));
  const quoted = (hs: readonly Hit[], rule?: string): Evidence[] =>
    hs.slice(0, 3).map((h) => evidenceOf('category', row.category, h, rule ?? h.rule));
  return {
    category: row.category,
    reason: INCLUDE_REASON[row.reason][variant],
    evidence: [...quoted(quote.product), ...(quote.cues ? quoted(quote.cues, row.cueRule) : [])],
  };
}

function excluded(c: Context): CategoryResult {
  const [row, spans] = firstRow(EXCLUSION, c);
  return {
    category: row.category,
    reason: row.reason,
    evidence: spans.map((s) => ({
      label: 'category',
      value: row.category,
      field: s.field,
      start: s.start,
      end: s.end,
      text: s.text,
      rule: row.rule,
    })),
  };
}

export function decideCategory(v: StudyView): CategoryResult {
  const c = contextOf(v);
  for (const row of WHERE) {
    if (row.then === 'exclude') {
      if (row.test(c)) return excluded(c);
      continue;
    }
    const zone = row.find(c);
    if (zone) return included(v, zone, row.then);
  }
  throw new Error('category: no row of WHERE applies (the last row must always apply)');
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
  return { category: 'undetermined', reason: 'awaiting.record_lacks_text', evidence };
}
