/**
 * mscope's classifier: explainable rules (data in the top-level rules/ folder) -> Labels with evidence.
 *
 *   classify(study)        one Study -> Labels (every non-empty value quotes at least one span of a Study field;
 *                          each family's value carries its reason code: screeningReason, reasons.<family>)
 *   RULESET_VERSION        "<rules/ruleset.json version>+<8-hex hash of rules/*.json>.<8-hex hash of the classifier code>"
 *   loadRules(dir?)        the parsed rules (re-exported)
 *   createClassifier(dir)  a classifier bound to another rules folder (tests, experiments)
 */
import type { Evidence, Labels } from '../model/labels.js';
import type { Study } from '../model/study.js';
import { decideBiomaterial } from './biomaterial.js';
import { decideCategory, undetermined } from './category.js';
import { decideConfidence, lacksText } from './confidence.js';
import { decideCovid19 } from './covid19.js';
import { decideDonor } from './donor.js';
import { decideDose } from './dose.js';
import { classifierCodeHash } from './codehash.js';
import { compileMatcher } from './matcher.js';
import { decideModifications } from './modifications.js';
import { decideProduct } from './product.js';
import { decideRoutes } from './routes.js';
import { loadRules, type Product, type Rules } from './rules.js';
import { decideSources } from './sources.js';
import { decideSpecialty } from './specialty.js';
import { buildView } from './view.js';

export { loadRules } from './rules.js';
export type { Rules, Product } from './rules.js';
export { getField } from './text.js';

/** Families whose vocabularies share the product-layer matcher (one scan of each field). */
export const PRODUCT_LAYER = ['msc', 'source', 'donor', 'modification', 'biomaterial', 'route'] as const;

export interface Classifier {
  rules: Rules;
  version: string;
  classify(study: Study): Labels;
}

function append<T>(to: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) to.push(items[i]!);
}

/** Everything that can change a label: the rules files (rules.hash) and the classifier code (codehash.ts). */
function versionOf(rules: Rules): string {
  return `${rules.version}+${rules.hash}.${classifierCodeHash().slice(0, 8)}`;
}

export function createClassifier(rules: Rules = loadRules()): Classifier {
  const version = versionOf(rules);
  const productMatcher = compileMatcher(rules, PRODUCT_LAYER, true);
  const specialtyMatcher = compileMatcher(rules, ['specialty']);
  const covidMatcher = compileMatcher(rules, ['covid']);
  const cueMatcher = compileMatcher(rules, ['cue']);
  const products = new Map<string, Product>(rules.products.map((p) => [p.id, p]));

  function classify(study: Study): Labels {
    const v = buildView(study, productMatcher, products, cueMatcher);
    const decided = decideCategory(v);
    // A record without descriptions that names no MSC product is awaiting classification, not unrelated.
    const cat = decided.category === 'unrelated' && lacksText(study) ? undetermined(v, decided) : decided;
    const included =
      cat.category === 'msc_cells' || cat.category === 'msc_derived' || cat.category === 'stromal_mixture';
    const covid = decideCovid19(study, covidMatcher);
    const spec = decideSpecialty(
      study,
      specialtyMatcher,
      rules.specialty,
      covid.covid19 ? covid.evidence[0] : undefined,
    );
    const evidence: Evidence[] = cat.evidence.slice();
    const labels: Labels = {
      nctId: study.nctId,
      rulesetVersion: version,
      category: cat.category,
      included,
      screeningReason: cat.reason,
      sources: [],
      donor: 'unspecified',
      modifications: [],
      biomaterial: false,
      routes: [],
      covid19: covid.covid19,
      specialty: spec.specialty,
      product: null,
      dose: null,
      reasons: {
        sources: 'not_included',
        donor: 'not_included',
        modifications: 'not_included',
        biomaterial: 'not_included',
        routes: 'not_included',
        covid19: covid.reason,
        specialty: spec.reason,
        product: 'not_included',
        dose: 'not_included',
      },
      evidence,
    };
    if (included) {
      const product = decideProduct(v);
      const p = product;
      const src = decideSources(v, p);
      const donor = decideDonor(v, p, src);
      const mods = decideModifications(v, p);
      const bio = decideBiomaterial(v, p);
      const routes = decideRoutes(v, p, bio.biomaterial, spec.specialty === 'dermatology_wound');
      const dose = decideDose(v, rules.dose);
      labels.product = p.product?.id ?? null;
      labels.sources = src.sources;
      labels.donor = donor.donor;
      labels.modifications = mods.modifications;
      labels.biomaterial = bio.biomaterial;
      labels.routes = routes.routes;
      labels.dose = dose.dose;
      labels.reasons = {
        sources: src.reason,
        donor: donor.reason,
        modifications: mods.reason,
        biomaterial: bio.reason,
        routes: routes.reason,
        covid19: covid.reason,
        specialty: spec.reason,
        product: p.reason,
        dose: dose.reason,
      };
      for (const list of [
        p.evidence,
        src.evidence,
        donor.evidence,
        mods.evidence,
        bio.evidence,
        routes.evidence,
        dose.evidence,
      ])
        append(evidence, list);
    }
    append(evidence, covid.evidence);
    append(evidence, spec.evidence);
    labels.confidence = decideConfidence(study, labels);
    return labels;
  }
  return { rules, version, classify };
}

let sharedRules: Rules | null = null;
const defaultRules = (): Rules => (sharedRules ??= loadRules());
let shared: Classifier | null = null;
/** The classifier of the package's rules, compiled on first use (not at import). */
function instance(): Classifier {
  shared ??= createClassifier(defaultRules());
  return shared;
}

/**
 * The ruleset version of the package's rules, known without compiling the classifier: a process that only saves
 * labels made on worker threads (pipeline/classify-pool.ts) does not pay for compiling the matchers.
 */
export const RULESET_VERSION: string = versionOf(defaultRules());

export function classify(study: Study): Labels {
  return instance().classify(study);
}

/** Classify many studies (the benchmark's entry point). */
export function classifyAll(studies: Iterable<Study>): Labels[] {
  const c = instance();
  const out: Labels[] = [];
  for (const s of studies) out.push(c.classify(s));
  return out;
}
