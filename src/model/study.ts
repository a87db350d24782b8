/**
 * The one normalized Study type. Every reader in `sources/` yields this shape; the zod schema is both
 * the runtime validator and the static type (z.infer).
 *
 * Vocabulary: enumerated registry values use the ClinicalTrials.gov API v2 spelling
 * (e.g. overallStatus "RECRUITING", phases ["PHASE1","PHASE2"], studyType "INTERVENTIONAL",
 * sponsor class "INDUSTRY"). Readers of classic formats map their labels ("Phase 1", "Recruiting",
 * "Industry") onto it with the tables in `model/vocab.ts`. Values no table knows are kept verbatim
 * (upper-cased with underscores) rather than rejected: the registry grows new values.
 */
import { z } from 'zod';

/** A registry date normalized to ISO with its precision kept: "2021", "2021-07" or "2021-07-14". */
export const PartialDateSchema = z.object({
  /** ISO 8601 calendar date truncated to its precision: YYYY, YYYY-MM or YYYY-MM-DD. */
  value: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  precision: z.enum(['year', 'month', 'day']),
  /** ACTUAL / ESTIMATED (classic: "Actual"/"Anticipated"/"Estimate"), null when the registry gives none. */
  type: z.enum(['ACTUAL', 'ESTIMATED']).nullable(),
});
export type PartialDate = z.infer<typeof PartialDateSchema>;

const nullableDate = PartialDateSchema.nullable();

export const OrgSchema = z.object({
  name: z.string(),
  /** v2 agency class: INDUSTRY, NIH, FED, OTHER_GOV, INDIV, NETWORK, OTHER, AMBIG, UNKNOWN. */
  class: z.string().nullable(),
});
export type Org = z.infer<typeof OrgSchema>;

/** MeSH mapping computed by the registry (v2 derivedSection.conditionBrowseModule / interventionBrowseModule). */
export const MeshBrowseSchema = z.object({
  meshes: z.array(z.object({ id: z.string().nullable(), term: z.string() })),
  ancestors: z.array(z.object({ id: z.string().nullable(), term: z.string() })),
  browseLeaves: z.array(
    z.object({
      id: z.string().nullable(),
      name: z.string(),
      asFound: z.string().nullable(),
      relevance: z.string().nullable(),
    }),
  ),
  browseBranches: z.array(z.object({ abbrev: z.string().nullable(), name: z.string() })),
});
export type MeshBrowse = z.infer<typeof MeshBrowseSchema>;

export const ArmSchema = z.object({
  label: z.string(),
  /** EXPERIMENTAL, ACTIVE_COMPARATOR, PLACEBO_COMPARATOR, SHAM_COMPARATOR, NO_INTERVENTION, OTHER. */
  type: z.string().nullable(),
  description: z.string().nullable(),
  interventionNames: z.array(z.string()),
});
export type Arm = z.infer<typeof ArmSchema>;

export const InterventionSchema = z.object({
  /** DRUG, BIOLOGICAL, PROCEDURE, DEVICE, GENETIC, COMBINATION_PRODUCT, DIETARY_SUPPLEMENT, BEHAVIORAL, RADIATION, DIAGNOSTIC_TEST, OTHER. */
  type: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  otherNames: z.array(z.string()),
  armGroupLabels: z.array(z.string()),
});
export type Intervention = z.infer<typeof InterventionSchema>;

export const OutcomeSchema = z.object({
  measure: z.string(),
  description: z.string().nullable(),
  timeFrame: z.string().nullable(),
});
export type Outcome = z.infer<typeof OutcomeSchema>;

export const LocationSchema = z.object({
  facility: z.string().nullable(),
  city: z.string().nullable(),
  state: z.string().nullable(),
  country: z.string().nullable(),
  geoPoint: z.object({ lat: z.number(), lon: z.number() }).nullable(),
});
export type Location = z.infer<typeof LocationSchema>;

export const ReferenceSchema = z.object({
  pmid: z.string().nullable(),
  /** BACKGROUND, RESULT, DERIVED (classic: background/result/derived). */
  type: z.string().nullable(),
  citation: z.string().nullable(),
});
export type Reference = z.infer<typeof ReferenceSchema>;

export const SourceFormatSchema = z.enum([
  'ctgov-v2-json',
  'ctgov-v2-csv',
  'ctgov-classic-fields',
  'ctgov-classic-full',
  'ctgov-classic-csv',
  'ctgov-v2-live',
  'ictrp-xml',
  'ictrp-csv',
  'anzctr-xml',
  'chictr-xml',
  'euctr-text',
  'ctis-json',
]);
export type SourceFormat = z.infer<typeof SourceFormatSchema>;

export const ProvenanceSchema = z.object({
  format: SourceFormatSchema,
  /** The file (or URL for live fetches) the record came from; for a zip member: "archive.zip!member.json". */
  file: z.string(),
  /** 1-based record number (or CSV data row / NDJSON line) inside that file. */
  record: z.number().int().nullable(),
  /** When the record was read or fetched (ISO timestamp). */
  fetchedAt: z.string(),
  /** The registry's data version date when known (v2 `dataTimestamp` / API version), else null. */
  registryVersion: z.string().nullable(),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

/**
 * A registration's own id as the store keys it: an NCT number, ACTRN…, ChiCTR…, an EudraCT number
 * (2020-001234-56), a CTIS number (2023-501234-12-00), JPRN-…, CTRI/2020/05/012345, … (always with a digit).
 */
export const TRIAL_ID_RE = /^(?:NCT\d{8}|(?!NCT)(?=[A-Za-z0-9/-]*\d)[A-Za-z0-9][A-Za-z0-9/-]{3,39})$/;

export const SecondaryIdSchema = z.object({
  id: z.string(),
  type: z.string().nullable(),
  domain: z.string().nullable(),
  /** The registry whose registration number `id` is (rules/registries.json id), null for other ids. */
  registry: z.string().nullable(),
});
export type SecondaryId = z.infer<typeof SecondaryIdSchema>;

export const StudySchema = z.object({
  // identification
  /**
   * The store key: the registration's own trial id, equal to `trialId` (an NCT number for ClinicalTrials.gov;
   * named for history: every registry's id is kept here so every layer keys studies the same way).
   */
  nctId: z.string().regex(TRIAL_ID_RE),
  /** The registry holding this registration (rules/registries.json id: ctgov, anzctr, chictr, euctr, ctis, …). */
  registry: z.string(),
  /** The registration's own id in that registry (canonical spelling; EUCTR: the EudraCT number). */
  trialId: z.string().regex(TRIAL_ID_RE),
  /** The register the record was read from when it is not `registry` itself (ICTRP: its Source_Register). */
  sourceRegister: z.string().nullable(),
  /**
   * ICTRP's bridging of records of one trial in several registers (Bridging_flag_truefalse/Bridged_type):
   * parent, child, or bridged without a type; null when not flagged or not an ICTRP record.
   */
  ictrpBridge: z.enum(['parent', 'child', 'bridged']).nullable(),
  orgStudyId: z.string().nullable(),
  /** Other ids of the study; registration numbers of other registries are typed by `registry`. */
  secondaryIds: z.array(SecondaryIdSchema),
  briefTitle: z.string().nullable(),
  officialTitle: z.string().nullable(),
  acronym: z.string().nullable(),

  // status
  overallStatus: z.string().nullable(),
  lastKnownStatus: z.string().nullable(),
  whyStopped: z.string().nullable(),
  statusVerifiedDate: nullableDate,
  startDate: nullableDate,
  primaryCompletionDate: nullableDate,
  completionDate: nullableDate,
  firstSubmittedDate: nullableDate,
  firstPostedDate: nullableDate,
  lastUpdatePostedDate: nullableDate,
  resultsFirstPostedDate: nullableDate,

  // sponsor
  leadSponsor: OrgSchema.nullable(),
  collaborators: z.array(OrgSchema),

  // description
  briefSummary: z.string().nullable(),
  detailedDescription: z.string().nullable(),

  // conditions
  conditions: z.array(z.string()),
  keywords: z.array(z.string()),
  conditionMesh: MeshBrowseSchema,
  interventionMesh: MeshBrowseSchema,

  // design
  studyType: z.string().nullable(),
  phases: z.array(z.string()),
  allocation: z.string().nullable(),
  interventionModel: z.string().nullable(),
  observationalModel: z.string().nullable(),
  masking: z.string().nullable(),
  primaryPurpose: z.string().nullable(),
  enrollment: z.object({
    count: z.number().int().nullable(),
    type: z.enum(['ACTUAL', 'ESTIMATED']).nullable(),
  }),

  // arms and interventions
  arms: z.array(ArmSchema),
  interventions: z.array(InterventionSchema),

  // outcomes
  primaryOutcomes: z.array(OutcomeSchema),
  secondaryOutcomes: z.array(OutcomeSchema),

  // eligibility
  eligibility: z.object({
    criteria: z.string().nullable(),
    /** ALL, FEMALE, MALE */
    sex: z.string().nullable(),
    /** As written, e.g. "18 Years"; null when not limited. */
    minimumAge: z.string().nullable(),
    maximumAge: z.string().nullable(),
    /** CHILD, ADULT, OLDER_ADULT */
    stdAges: z.array(z.string()),
    healthyVolunteers: z.boolean().nullable(),
  }),

  locations: z.array(LocationSchema),
  references: z.array(ReferenceSchema),
  hasResults: z.boolean(),

  provenance: ProvenanceSchema,
});
export type Study = z.infer<typeof StudySchema>;

/** Field names a classifier can quote evidence from (dotted paths into Study, with array indices). */
export type StudyFieldPath = string;

export function emptyMesh(): MeshBrowse {
  return { meshes: [], ancestors: [], browseLeaves: [], browseBranches: [] };
}

/** A Study with every optional part empty: a base for readers and hand-written test fixtures. */
export function emptyStudy(nctId: string, provenance: Provenance, registry = 'ctgov'): Study {
  return {
    nctId,
    registry,
    trialId: nctId,
    sourceRegister: null,
    ictrpBridge: null,
    orgStudyId: null,
    secondaryIds: [],
    briefTitle: null,
    officialTitle: null,
    acronym: null,
    overallStatus: null,
    lastKnownStatus: null,
    whyStopped: null,
    statusVerifiedDate: null,
    startDate: null,
    primaryCompletionDate: null,
    completionDate: null,
    firstSubmittedDate: null,
    firstPostedDate: null,
    lastUpdatePostedDate: null,
    resultsFirstPostedDate: null,
    leadSponsor: null,
    collaborators: [],
    briefSummary: null,
    detailedDescription: null,
    conditions: [],
    keywords: [],
    conditionMesh: emptyMesh(),
    interventionMesh: emptyMesh(),
    studyType: null,
    phases: [],
    allocation: null,
    interventionModel: null,
    observationalModel: null,
    masking: null,
    primaryPurpose: null,
    enrollment: { count: null, type: null },
    arms: [],
    interventions: [],
    primaryOutcomes: [],
    secondaryOutcomes: [],
    eligibility: {
      criteria: null,
      sex: null,
      minimumAge: null,
      maximumAge: null,
      stdAges: [],
      healthyVolunteers: null,
    },
    locations: [],
    references: [],
    hasResults: false,
    provenance,
  };
}

/**
 * A Study stored before registries were modelled (no `registry`/`trialId`): a ClinicalTrials.gov study.
 * Applied when studies are read back from the store, so old snapshots read as the current shape.
 */
export function withRegistryFields(s: Study): Study {
  const o = s as Partial<Study> & Study;
  if (o.registry === undefined) o.registry = 'ctgov';
  if (o.trialId === undefined) o.trialId = o.nctId;
  if (o.sourceRegister === undefined) o.sourceRegister = null;
  if (o.ictrpBridge === undefined) o.ictrpBridge = null;
  for (const id of o.secondaryIds)
    if ((id as Partial<SecondaryId>).registry === undefined) id.registry = null;
  return o;
}
