/**
 * Classic API (v1, retired 2023) *study-fields* records: every field is a list of strings, e.g.
 * `{"Rank":1,"NCTId":["NCT00081055"],"StartDate":["July 2021"],"LocationCountry":["China","China"],…}`.
 *
 * Parallel lists (Location*, Intervention*, ArmGroup*, Reference*, SecondaryId*, outcome and MeSH lists) hold
 * one entry per item, but the registry OMITS missing values instead of leaving a gap, so lists of one group can
 * have different lengths. Zipping rule (never invents data): the group has as many items as its longest list;
 * a list of exactly that length is zipped item by item; a shorter list cannot be aligned, so that attribute is
 * null for every item of the group (the values stay in `raw`). Lists that flatten a nested list over items
 * (InterventionArmGroupLabel, ArmGroupInterventionName, InterventionOtherName) are assigned only when the
 * group has a single item.
 *
 * This is the benchmark path: plain loops and table look-ups, no per-field regexes.
 */
import { misspeltClassicKey } from '../keys.js';
import type { MeshBrowse, Outcome, Provenance, Study } from '../../model/study.js';
import { emptyStudy } from '../../model/study.js';
import {
  AGENCY_CLASS,
  ALLOCATION,
  ARM_GROUP_TYPE,
  CONDITION_RELEVANCE,
  INTERVENTION_MODEL,
  INTERVENTION_TYPE,
  MASKING,
  OBSERVATIONAL_MODEL,
  OVERALL_STATUS,
  PRIMARY_PURPOSE,
  REFERENCE_TYPE,
  SECONDARY_ID_TYPE,
  SEX,
  STD_AGE,
  STUDY_TYPE,
  lookup,
  lookupPhases,
  type VocabTable,
} from '../../model/vocab.js';
import {
  date,
  enrollmentType,
  fail,
  healthyVolunteers,
  isObj,
  nctId,
  count,
  validated,
  type Obj,
} from '../map-util.js';

/** A field's list of strings ([] when absent); anything else is an InputError naming the field. */
function list(prov: Provenance, r: Obj, key: string): readonly string[] {
  const v = r[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v))
    return fail(prov, key, 'expected a list (classic study-fields records hold every field as a list)');
  for (let i = 0; i < v.length; i++) {
    if (typeof v[i] !== 'string') return fail(prov, `${key}.${i}`, 'expected text');
  }
  return v as string[];
}

/** First value of a single-valued field, null when empty. */
function one(prov: Provenance, r: Obj, key: string): string | null {
  const l = list(prov, r, key);
  const v = l[0];
  return v === undefined || v.trim() === '' ? null : v;
}

const mapped = (t: VocabTable, v: string | null): string | null => lookup(t, v);

/** Attribute list aligned to `n` items, or null when it cannot be aligned (see module comment). */
function aligned(l: readonly string[], n: number): readonly string[] | null {
  return l.length === n ? l : null;
}

const at = (l: readonly string[] | null, i: number): string | null => {
  if (l === null) return null;
  const v = l[i];
  return v === undefined || v === '' ? null : v;
};

function maxLen(...ls: (readonly string[])[]): number {
  let n = 0;
  for (const l of ls) if (l.length > n) n = l.length;
  return n;
}

function mesh(prov: Provenance, r: Obj, prefix: 'Condition' | 'Intervention'): MeshBrowse {
  const meshId = list(prov, r, `${prefix}MeshId`);
  const meshTerm = list(prov, r, `${prefix}MeshTerm`);
  const ancId = list(prov, r, `${prefix}AncestorId`);
  const ancTerm = list(prov, r, `${prefix}AncestorTerm`);
  const leafId = list(prov, r, `${prefix}BrowseLeafId`);
  const leafName = list(prov, r, `${prefix}BrowseLeafName`);
  const leafAsFound = list(prov, r, `${prefix}BrowseLeafAsFound`);
  const leafRel = list(prov, r, `${prefix}BrowseLeafRelevance`);
  const brAbbrev = list(prov, r, `${prefix}BrowseBranchAbbrev`);
  const brName = list(prov, r, `${prefix}BrowseBranchName`);
  const m: MeshBrowse = { meshes: [], ancestors: [], browseLeaves: [], browseBranches: [] };
  const idA = aligned(meshId, meshTerm.length);
  for (let i = 0; i < meshTerm.length; i++) m.meshes.push({ id: at(idA, i), term: meshTerm[i]! });
  const ancA = aligned(ancId, ancTerm.length);
  for (let i = 0; i < ancTerm.length; i++) m.ancestors.push({ id: at(ancA, i), term: ancTerm[i]! });
  const lId = aligned(leafId, leafName.length);
  const lAs = aligned(leafAsFound, leafName.length);
  const lRel = aligned(leafRel, leafName.length);
  for (let i = 0; i < leafName.length; i++) {
    m.browseLeaves.push({
      id: at(lId, i),
      name: leafName[i]!,
      asFound: at(lAs, i),
      relevance: mapped(CONDITION_RELEVANCE, at(lRel, i)),
    });
  }
  const bA = aligned(brAbbrev, brName.length);
  for (let i = 0; i < brName.length; i++) m.browseBranches.push({ abbrev: at(bA, i), name: brName[i]! });
  return m;
}

function outcomes(prov: Provenance, r: Obj, prefix: 'Primary' | 'Secondary'): Outcome[] {
  const measure = list(prov, r, `${prefix}OutcomeMeasure`);
  const desc = aligned(list(prov, r, `${prefix}OutcomeDescription`), measure.length);
  const tf = aligned(list(prov, r, `${prefix}OutcomeTimeFrame`), measure.length);
  const out: Outcome[] = [];
  for (let i = 0; i < measure.length; i++)
    out.push({ measure: measure[i]!, description: at(desc, i), timeFrame: at(tf, i) });
  return out;
}

/** Map one classic study-fields record to a validated Study. */
export function mapClassicFieldsStudy(raw: unknown, prov: Provenance): Study {
  if (!isObj(raw)) return fail(prov, '(record)', 'expected a study-fields object');
  const r = raw;
  const typo = misspeltClassicKey(r);
  if (typo) fail(prov, typo.path, `unknown field: did you mean "${typo.meant}"? (the field would be lost)`);
  const ids = list(prov, r, 'NCTId');
  if (new Set(ids.map((x) => x.trim())).size > 1) {
    return fail(
      prov,
      'NCTId',
      `holds ${ids.length} NCT ids (${ids.slice(0, 3).join(', ')}); one record is one study`,
    );
  }
  const s = emptyStudy(nctId(prov, 'NCTId', ids[0]), prov);

  s.orgStudyId = one(prov, r, 'OrgStudyId');
  const secId = list(prov, r, 'SecondaryId');
  const secType = aligned(list(prov, r, 'SecondaryIdType'), secId.length);
  const secDomain = aligned(list(prov, r, 'SecondaryIdDomain'), secId.length);
  for (let i = 0; i < secId.length; i++) {
    s.secondaryIds.push({
      id: secId[i]!,
      type: mapped(SECONDARY_ID_TYPE, at(secType, i)),
      domain: at(secDomain, i),
      registry: null,
    });
  }
  s.briefTitle = one(prov, r, 'BriefTitle');
  s.officialTitle = one(prov, r, 'OfficialTitle');
  s.acronym = one(prov, r, 'Acronym');

  s.overallStatus = mapped(OVERALL_STATUS, one(prov, r, 'OverallStatus'));
  s.lastKnownStatus = mapped(OVERALL_STATUS, one(prov, r, 'LastKnownStatus'));
  s.whyStopped = one(prov, r, 'WhyStopped');
  const d = (key: string, typeKey?: string): Study['startDate'] =>
    date(prov, key, one(prov, r, key), typeKey === undefined ? null : one(prov, r, typeKey));
  s.statusVerifiedDate = d('StatusVerifiedDate');
  s.startDate = d('StartDate', 'StartDateType');
  s.primaryCompletionDate = d('PrimaryCompletionDate', 'PrimaryCompletionDateType');
  s.completionDate = d('CompletionDate', 'CompletionDateType');
  s.firstSubmittedDate = d('StudyFirstSubmitDate');
  s.firstPostedDate = d('StudyFirstPostDate', 'StudyFirstPostDateType');
  s.lastUpdatePostedDate = d('LastUpdatePostDate', 'LastUpdatePostDateType');
  s.resultsFirstPostedDate = d('ResultsFirstPostDate', 'ResultsFirstPostDateType');

  const leadName = one(prov, r, 'LeadSponsorName');
  s.leadSponsor =
    leadName === null
      ? null
      : { name: leadName, class: mapped(AGENCY_CLASS, one(prov, r, 'LeadSponsorClass')) };
  const colName = list(prov, r, 'CollaboratorName');
  const colClass = aligned(list(prov, r, 'CollaboratorClass'), colName.length);
  for (let i = 0; i < colName.length; i++)
    s.collaborators.push({ name: colName[i]!, class: mapped(AGENCY_CLASS, at(colClass, i)) });

  s.briefSummary = one(prov, r, 'BriefSummary');
  s.detailedDescription = one(prov, r, 'DetailedDescription');
  s.conditions = list(prov, r, 'Condition').slice();
  s.keywords = list(prov, r, 'Keyword').slice();
  s.conditionMesh = mesh(prov, r, 'Condition');
  s.interventionMesh = mesh(prov, r, 'Intervention');

  s.studyType = mapped(STUDY_TYPE, one(prov, r, 'StudyType'));
  s.phases = lookupPhases(list(prov, r, 'Phase'));
  s.allocation = mapped(ALLOCATION, one(prov, r, 'DesignAllocation'));
  s.interventionModel = mapped(INTERVENTION_MODEL, one(prov, r, 'DesignInterventionModel'));
  s.observationalModel = mapped(OBSERVATIONAL_MODEL, one(prov, r, 'DesignObservationalModel'));
  s.masking = mapped(MASKING, one(prov, r, 'DesignMasking'));
  s.primaryPurpose = mapped(PRIMARY_PURPOSE, one(prov, r, 'DesignPrimaryPurpose'));
  const enType = enrollmentType(prov, 'EnrollmentType', one(prov, r, 'EnrollmentType'));
  s.enrollment = { count: count(prov, 'EnrollmentCount', one(prov, r, 'EnrollmentCount')), type: enType };

  const armLabel = list(prov, r, 'ArmGroupLabel');
  const armType = aligned(list(prov, r, 'ArmGroupType'), armLabel.length);
  const armDesc = aligned(list(prov, r, 'ArmGroupDescription'), armLabel.length);
  const armIv = list(prov, r, 'ArmGroupInterventionName');
  for (let i = 0; i < armLabel.length; i++) {
    s.arms.push({
      label: armLabel[i]!,
      type: mapped(ARM_GROUP_TYPE, at(armType, i)),
      description: at(armDesc, i),
      interventionNames: armLabel.length === 1 ? armIv.slice() : [],
    });
  }
  const ivName = list(prov, r, 'InterventionName');
  const ivType = aligned(list(prov, r, 'InterventionType'), ivName.length);
  const ivDesc = aligned(list(prov, r, 'InterventionDescription'), ivName.length);
  const ivArms = list(prov, r, 'InterventionArmGroupLabel');
  const ivOther = list(prov, r, 'InterventionOtherName');
  for (let i = 0; i < ivName.length; i++) {
    const single = ivName.length === 1;
    s.interventions.push({
      type: mapped(INTERVENTION_TYPE, at(ivType, i)),
      name: ivName[i]!,
      description: at(ivDesc, i),
      otherNames: single ? ivOther.slice() : [],
      armGroupLabels: single ? ivArms.slice() : [],
    });
  }

  s.primaryOutcomes = outcomes(prov, r, 'Primary');
  s.secondaryOutcomes = outcomes(prov, r, 'Secondary');

  const hv = healthyVolunteers(prov, 'HealthyVolunteers', one(prov, r, 'HealthyVolunteers'));
  s.eligibility = {
    criteria: one(prov, r, 'EligibilityCriteria'),
    sex: mapped(SEX, one(prov, r, 'Gender')),
    minimumAge: one(prov, r, 'MinimumAge'),
    maximumAge: one(prov, r, 'MaximumAge'),
    stdAges: list(prov, r, 'StdAge').map((a) => lookup(STD_AGE, a) ?? a),
    healthyVolunteers: hv,
  };

  const locCountry = list(prov, r, 'LocationCountry');
  const locFacility = list(prov, r, 'LocationFacility');
  const locCity = list(prov, r, 'LocationCity');
  const locState = list(prov, r, 'LocationState');
  const nLoc = maxLen(locCountry, locFacility, locCity);
  const lf = aligned(locFacility, nLoc);
  const lc = aligned(locCity, nLoc);
  const ls = aligned(locState, nLoc);
  const lk = aligned(locCountry, nLoc);
  for (let i = 0; i < nLoc; i++) {
    s.locations.push({
      facility: at(lf, i),
      city: at(lc, i),
      state: at(ls, i),
      country: at(lk, i),
      geoPoint: null,
    });
  }

  const refCitation = list(prov, r, 'ReferenceCitation');
  const refType = list(prov, r, 'ReferenceType');
  const refPmid = list(prov, r, 'ReferencePMID');
  const nRef = maxLen(refCitation, refType);
  const rc = aligned(refCitation, nRef);
  const rt = aligned(refType, nRef);
  const rp = aligned(refPmid, nRef);
  for (let i = 0; i < nRef; i++) {
    s.references.push({ pmid: at(rp, i), type: mapped(REFERENCE_TYPE, at(rt, i)), citation: at(rc, i) });
  }

  // The study-fields API has no HasResults field; results were posted iff ResultsFirstPostDate is set.
  s.hasResults = s.resultsFirstPostedDate !== null;
  return validated(s);
}
