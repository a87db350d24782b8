/**
 * Loading of the data-defined rules in the top-level `rules/` folder (resolved from the package root, so it
 * works from src/ under vitest and from dist/ under node), and the ruleset version: the version in
 * rules/ruleset.json plus a short hash of the content of every rules file, so any rule change is visible.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { MscopeError } from '../model/errors.js';
import {
  CategorySchema,
  DonorSchema,
  ModificationSchema,
  RouteSchema,
  TissueSourceSchema,
} from '../model/labels.js';

/** One vocabulary term: regex sources (non-capturing, matched case-insensitively unless `caseSensitive`). */
const TermRuleSchema = z.object({
  id: z.string(),
  value: z.string(),
  patterns: z.array(z.string()).min(1),
  caseSensitive: z.boolean().optional(),
  /** Extra facets of the same span, e.g. "UC-MSC" is a source term that is also an MSC cell term. */
  also: z.record(z.string(), z.string()).optional(),
});
export type TermRule = z.infer<typeof TermRuleSchema>;

const TermFileSchema = z.object({
  family: z.string(),
  description: z.string().optional(),
  terms: z.array(TermRuleSchema),
});
export type TermFile = z.infer<typeof TermFileSchema>;

const ProductSchema = z.object({
  id: z.string(),
  names: z.array(z.string()).min(1),
  /** Short/ambiguous names that count only when one of `weakContext` occurs in the study text. */
  weakNames: z.array(z.string()).optional(),
  weakContext: z.array(z.string()).optional(),
  category: CategorySchema,
  sources: z.array(TissueSourceSchema),
  donor: DonorSchema,
  modifications: z.array(ModificationSchema),
  biomaterial: z.boolean(),
  routes: z.array(RouteSchema),
  company: z.string(),
  /**
   * Listed in GUIDELINE.md "Named products (facts you may use)": its donor is a fact a reader may use. The donor of
   * any other product is general knowledge the guideline forbids ("do not guess from general knowledge"), so it
   * decides no donor label (its other facts still name the product's category and source).
   */
  guideline: z.boolean().optional(),
});
export type Product = z.infer<typeof ProductSchema>;

const SpecialtyTableSchema = z.object({
  /** Specialties in precedence order: when several match with equal weight, the earlier one wins. */
  precedence: z.array(z.string()),
  /** MeSH term (exact, case-insensitive) -> specialty. */
  mesh: z.record(z.string(), z.string()),
  /** specialty -> specialties it overrides when both match (scores of the latter are discounted). */
  dominates: z.record(z.string(), z.array(z.string())).optional(),
  /** specialty -> specialties it replaces outright when it matches with at least weight 2 (a condition or the brief title). */
  overrides: z.record(z.string(), z.array(z.string())).optional(),
  /** Browse-branch names that deliberately map to no specialty. */
  ignore: z.array(z.string()).optional(),
});
export type SpecialtyTable = z.infer<typeof SpecialtyTableSchema>;

const RulesetSchema = z.object({ version: z.string() });

const DoseVocabSchema = z.object({
  numberWords: z.record(z.string(), z.number()),
  multipliers: z.record(z.string(), z.number()),
  intervals: z.record(z.string(), z.number()),
});
export type DoseVocab = z.infer<typeof DoseVocabSchema>;

/** The term files of the label families, each `{ family, terms }`. Other files in rules/ are not ours. */
export const TERM_FILES = [
  'category.json',
  'sources.json',
  'donor.json',
  'modifications.json',
  'biomaterial.json',
  'routes.json',
  'covid19.json',
  'specialty.json',
  'cues.json',
] as const;
/** Every file the classifier reads (all of them feed the version hash). */
export const RULE_FILES = [
  'ruleset.json',
  'products.json',
  'specialty-mesh.json',
  'dose.json',
  'contexts.json',
  ...TERM_FILES,
] as const;

export interface Rules {
  dir: string;
  version: string;
  hash: string;
  termFiles: TermFile[];
  products: Product[];
  specialty: SpecialtyTable;
  dose: DoseVocab;
}

/** The package root: the nearest ancestor of this module holding package.json and rules/. */
export function defaultRulesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'rules', 'ruleset.json'))) return join(dir, 'rules');
    dir = resolve(dir, '..');
  }
  throw new MscopeError(
    'classifier rules not found: no rules/ruleset.json above ' + fileURLToPath(import.meta.url),
  );
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new MscopeError(`${file}: cannot read rules file: ${(e as Error).message}`, 1, { cause: e });
  }
}

function parse<T>(schema: z.ZodType<T>, file: string): T {
  const r = schema.safeParse(readJson(file));
  if (!r.success) {
    const i = r.error.issues[0];
    throw new MscopeError(`${file}: invalid rules file at ${i?.path.join('.') ?? ''}: ${i?.message ?? ''}`);
  }
  return r.data;
}

/** Load the classifier's rules files (RULE_FILES) from `dir` (default: the package's rules/). */
export function loadRules(dir = defaultRulesDir()): Rules {
  const hash = createHash('sha256');
  for (const f of RULE_FILES) {
    const file = join(dir, f);
    if (!existsSync(file)) throw new MscopeError(`${file}: classifier rules file missing`);
    hash.update(f).update('\0').update(readFileSync(file)).update('\0');
  }
  const ruleset = parse(RulesetSchema, join(dir, 'ruleset.json'));
  const products = parse(z.array(ProductSchema), join(dir, 'products.json'));
  const specialty = parse(SpecialtyTableSchema, join(dir, 'specialty-mesh.json'));
  const dose = parse(DoseVocabSchema, join(dir, 'dose.json'));
  const termFiles: TermFile[] = [];
  for (const f of TERM_FILES) termFiles.push(parse(TermFileSchema, join(dir, f)));
  const digest = hash.digest('hex').slice(0, 8);
  return { dir, version: ruleset.version, hash: digest, termFiles, products, specialty, dose };
}
