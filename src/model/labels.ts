/**
 * Classification labels: the vocabulary of ../shared/gold/GUIDELINE.md (the taxonomy spec), as zod schemas.
 * Every label value that is not empty/unspecified carries evidence: the Study field it was read from,
 * the character span and the quoted text, and the id of the rule that fired.
 */
import { z } from 'zod';

export const CATEGORIES = [
  'msc_cells',
  'msc_derived',
  'stromal_mixture',
  'ex_vivo_only',
  'unrelated',
  'undetermined',
] as const;
/** The five categories of the guideline (gold labels); `undetermined` is the software's "awaiting classification". */
export const GOLD_CATEGORIES = [
  'msc_cells',
  'msc_derived',
  'stromal_mixture',
  'ex_vivo_only',
  'unrelated',
] as const;
export const SOURCES = [
  'bone_marrow',
  'adipose',
  'umbilical_cord',
  'cord_blood',
  'placenta_amnion',
  'dental',
  'endometrial_menstrual',
  'synovial',
  'peripheral_blood',
  'pluripotent_derived',
  'other_tissue',
] as const;
export const DONORS = ['autologous', 'allogeneic', 'both', 'unspecified'] as const;
export const MODIFICATIONS = ['genetically_modified', 'primed', 'differentiated'] as const;
export const ROUTES = [
  'intravenous',
  'intra_arterial',
  'intra_articular',
  'intrathecal',
  'intramyocardial',
  'intramuscular',
  'subcutaneous_intradermal',
  'topical',
  'local_injection',
  'intradiscal',
  'intraperitoneal',
  'intranasal',
  'inhalation',
  'intraocular',
  'intracerebral',
  'intraosseous',
  'intrauterine_ovarian',
  'intracavernous',
  'surgical_implantation',
  'other',
] as const;
export const SPECIALTIES = [
  'musculoskeletal',
  'neurology',
  'pneumology',
  'cardiovascular',
  'immunology_rheumatology',
  'hematology_transplant',
  'hepatology',
  'gastroenterology',
  'nephrology_urology',
  'endocrinology',
  'dermatology_wound',
  'ophthalmology',
  'reproductive',
  'oncology',
  'other',
] as const;

export const CategorySchema = z.enum(CATEGORIES);
export const GoldCategorySchema = z.enum(GOLD_CATEGORIES);
export const TissueSourceSchema = z.enum(SOURCES);
export const DonorSchema = z.enum(DONORS);
export const ModificationSchema = z.enum(MODIFICATIONS);
export const RouteSchema = z.enum(ROUTES);
export const SpecialtySchema = z.enum(SPECIALTIES);

export type Category = z.infer<typeof CategorySchema>;
export type TissueSource = z.infer<typeof TissueSourceSchema>;
export type Donor = z.infer<typeof DonorSchema>;
export type Modification = z.infer<typeof ModificationSchema>;
export type Route = z.infer<typeof RouteSchema>;
export type Specialty = z.infer<typeof SpecialtySchema>;

/** One quoted span that justified a label value. `text === fieldValue.slice(start, end)`. */
export const EvidenceSchema = z.object({
  /** Which label this supports, e.g. "category", "sources", "routes", "product", "dose". */
  label: z.string(),
  /** The value it supports, e.g. "bone_marrow"; for dose/product the canonical string. */
  value: z.string(),
  /** Dotted path into the Study, e.g. "briefTitle", "interventions.0.description", "conditionMesh.ancestors.3.term". */
  field: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  /** Rule id from the rules data files, e.g. "source.umbilical_cord.wharton". */
  rule: z.string(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const DoseSchema = z.object({
  /** Per administration, in `unit`; for ranges the low and high ends. */
  value: z.number().nullable(),
  valueHigh: z.number().nullable(),
  unit: z.enum(['cells', 'cells/kg']),
  administrations: z.number().int().nullable(),
  /** Interval between administrations as written normalized to days, e.g. weekly -> 7. */
  intervalDays: z.number().nullable(),
  text: z.string(),
});
export type Dose = z.infer<typeof DoseSchema>;

/**
 * Screening reason codes (PRISMA-style flow): why a study is included, excluded or awaiting classification. The
 * include codes name the product kind and how it was found: in the MSC interventions/arms or titles (no suffix), in a
 * sentence of the description (`.from_description`), or, in an observational study, given to the followed patients
 * (`.observational`); `include.reviewer` / `exclude.reviewer` when a reviewer's decision overrode the category
 * (analyze/review.ts). README "Screening reason codes" documents each.
 */
export const SCREENING_REASONS = [
  'include.msc_cells',
  'include.msc_cells.expanded_mixture',
  'include.msc_derived',
  'include.stromal_mixture',
  'include.stromal_mixture.not_expanded',
  'include.msc_cells.from_description',
  'include.msc_cells.expanded_mixture.from_description',
  'include.msc_derived.from_description',
  'include.stromal_mixture.from_description',
  'include.stromal_mixture.not_expanded.from_description',
  'include.msc_cells.observational',
  'include.msc_cells.expanded_mixture.observational',
  'include.msc_derived.observational',
  'include.stromal_mixture.observational',
  'include.stromal_mixture.not_expanded.observational',
  'exclude.ex_vivo_only',
  'exclude.other_cell_therapy',
  'exclude.background_mention',
  'exclude.mention_only_in_eligibility',
  'exclude.no_msc_mention',
  'awaiting.record_lacks_text',
  'include.reviewer',
  'exclude.reviewer',
] as const;
export const ScreeningReasonSchema = z.enum(SCREENING_REASONS);
export type ScreeningReason = z.infer<typeof ScreeningReasonSchema>;

/**
 * Reason codes of the other label families: which decision branch of the family's module (its header lists them)
 * gave the value, one closed list per family. Common codes: `stated.<where>` (quoted from the record: `intervention`
 * = the MSC interventions and their arms, `title` = titles/keywords, `description` = MSC sentences of the
 * summary/description), `product_fact` (the named product's fact, the record stating none), `none_stated` (empty
 * value: nothing found), `not_included` (the fact families are decided only for included studies), `reviewer` (a
 * reviewer's decision overrode the classifier's value: analyze/review.ts). The category's reason is
 * `screeningReason`. README "Reason codes of the other label families" documents each.
 */
export const FAMILY_REASONS = {
  sources: [
    'stated.intervention',
    'stated.title',
    'stated.description',
    'general_statement',
    'product_fact',
    'none_stated',
    'not_included',
    'reviewer',
  ],
  donor: [
    'stated.bound',
    'stated.unbound',
    'stated.bound.description',
    'stated.unbound.title',
    'stated.bound.other_sentence',
    'stated.bound.keyword_or_outcome',
    'autologous_plus_perinatal',
    'product_fact',
    'perinatal_implied',
    'stated.unbound.description',
    'stated.experimental_arm',
    'stated.eligibility',
    'harvest_in_procedure',
    'none_stated',
    'not_included',
    'reviewer',
  ],
  modifications: ['stated', 'product_fact', 'none_stated', 'not_included', 'reviewer'],
  biomaterial: ['stated', 'product_fact', 'none_stated', 'not_included', 'reviewer'],
  routes: [
    'stated.intervention',
    'stated.title',
    'stated.plan',
    'stated.description',
    'stated.cell_sentence',
    'stated.administration',
    'iv_default.intervention',
    'iv_default.title',
    'iv_default.description',
    'iv_default.outcome',
    'implant_word',
    'joint_injection',
    'product_fact',
    'carrier',
    'none_stated',
    'not_included',
    'reviewer',
  ],
  covid19: [
    'stated.title',
    'stated.condition',
    'stated.keyword',
    'stated.mesh',
    'pandemic_setting',
    'none_stated',
    'reviewer',
  ],
  specialty: ['covid19', 'matched', 'mesh_tree', 'none_matched', 'reviewer'],
  product: [
    'named.intervention',
    'named.title',
    'named.description',
    'none_named',
    'not_included',
    'reviewer',
  ],
  dose: [
    'stated.intervention',
    'stated.title',
    'stated.description',
    'none_stated',
    'not_included',
    'reviewer',
  ],
} as const;
export type ReasonFamily = keyof typeof FAMILY_REASONS;
export const REASON_FAMILIES = Object.keys(FAMILY_REASONS) as ReasonFamily[];
/** The reason code type of one family, e.g. `FamilyReason<'donor'>`. */
export type FamilyReason<F extends ReasonFamily> = (typeof FAMILY_REASONS)[F][number];
export const LabelReasonsSchema = z.object({
  sources: z.enum(FAMILY_REASONS.sources),
  donor: z.enum(FAMILY_REASONS.donor),
  modifications: z.enum(FAMILY_REASONS.modifications),
  biomaterial: z.enum(FAMILY_REASONS.biomaterial),
  routes: z.enum(FAMILY_REASONS.routes),
  covid19: z.enum(FAMILY_REASONS.covid19),
  specialty: z.enum(FAMILY_REASONS.specialty),
  product: z.enum(FAMILY_REASONS.product),
  dose: z.enum(FAMILY_REASONS.dose),
});
export type LabelReasons = z.infer<typeof LabelReasonsSchema>;

/**
 * How a label was reached: `high` = stated explicitly where the product is described (MSC intervention/arm, named
 * product, conditions); `medium` = inferred (titles, description sentences, expansion cues, guideline inferences such
 * as perinatal -> allogeneic), background-only or conflicting cues, or an empty value on a full record; `low` = the
 * record lacks the fields that could say (a title-level export) or the category is undetermined.
 */
export const CONFIDENCES = ['high', 'medium', 'low'] as const;
export const ConfidenceSchema = z.enum(CONFIDENCES);
export type Confidence = z.infer<typeof ConfidenceSchema>;
export const LabelConfidenceSchema = z.object({
  category: ConfidenceSchema,
  sources: ConfidenceSchema,
  donor: ConfidenceSchema,
  modifications: ConfidenceSchema,
  biomaterial: ConfidenceSchema,
  routes: ConfidenceSchema,
  covid19: ConfidenceSchema,
  specialty: ConfidenceSchema,
});
export type LabelConfidence = z.infer<typeof LabelConfidenceSchema>;

export const LabelsSchema = z.object({
  nctId: z.string(),
  rulesetVersion: z.string(),
  category: CategorySchema,
  /** true for msc_cells, msc_derived, stromal_mixture. */
  included: z.boolean(),
  /** Reason code of the screening decision, e.g. "include.msc_cells", "exclude.mention_only_in_eligibility". */
  screeningReason: ScreeningReasonSchema,
  sources: z.array(TissueSourceSchema),
  donor: DonorSchema,
  modifications: z.array(ModificationSchema),
  biomaterial: z.boolean(),
  routes: z.array(RouteSchema),
  covid19: z.boolean(),
  specialty: SpecialtySchema,
  /** Canonical named product (e.g. "remestemcel-L"), null when none named. */
  product: z.string().nullable(),
  dose: DoseSchema.nullable(),
  /** Reason code of each other family's value (absent in labels stored by classifiers before the codes existed). */
  reasons: LabelReasonsSchema.optional(),
  /** Confidence of each label (absent in labels stored by rulesets before 1.1.0). */
  confidence: LabelConfidenceSchema.optional(),
  evidence: z.array(EvidenceSchema),
});
export type Labels = z.infer<typeof LabelsSchema>;
