/**
 * Classic API (v1) *full study* records: the PascalCase tree
 * `{ProtocolSection:{IdentificationModule,StatusModule,…}, DerivedSection:{…}, ResultsSection?}` as served in
 * `{"FullStudiesResponse":{"FullStudies":[{"Rank":1,"Study":{…}}]}}`, `{"FullStudy":{"Study":…}}` or `{"Study":…}`.
 * Lists are wrapped: `ConditionList:{Condition:[…]}`; numbers are strings ("EnrollmentCount":"30").
 */
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
} from '../../model/vocab.js';
import {
  arr,
  date,
  enrollmentType,
  fail,
  healthyVolunteers,
  count,
  isObj,
  nctId,
  obj,
  reqStr,
  str,
  strList,
  validated,
  type Obj,
} from '../map-util.js';

/** `Parent.ListKey.ItemKey` as an array of objects (classic wraps every list in an object). */
function items(prov: Provenance, field: string, parent: Obj, listKey: string, itemKey: string): Obj[] {
  const l = obj(prov, `${field}.${listKey}`, parent[listKey]);
  return arr(prov, `${field}.${listKey}.${itemKey}`, l[itemKey]).map((x, i) =>
    obj(prov, `${field}.${listKey}.${itemKey}.${i}`, x),
  );
}

function texts(prov: Provenance, field: string, parent: Obj, listKey: string, itemKey: string): string[] {
  const l = obj(prov, `${field}.${listKey}`, parent[listKey]);
  return strList(prov, `${field}.${listKey}.${itemKey}`, l[itemKey]);
}

function mesh(prov: Provenance, ds: Obj, p: 'Condition' | 'Intervention'): MeshBrowse {
  const F = `DerivedSection.${p}BrowseModule`;
  const m = obj(prov, F, ds[`${p}BrowseModule`]);
  const g = (o: Obj, k: string, i: number, list: string): string | null =>
    str(prov, `${F}.${list}.${i}.${k}`, o[k]);
  return {
    meshes: items(prov, F, m, `${p}MeshList`, `${p}Mesh`).map((o, i) => ({
      id: g(o, `${p}MeshId`, i, `${p}MeshList`),
      term: reqStr(prov, `${F}.${p}MeshList.${i}.${p}MeshTerm`, o[`${p}MeshTerm`]),
    })),
    ancestors: items(prov, F, m, `${p}AncestorList`, `${p}Ancestor`).map((o, i) => ({
      id: g(o, `${p}AncestorId`, i, `${p}AncestorList`),
      term: reqStr(prov, `${F}.${p}AncestorList.${i}.${p}AncestorTerm`, o[`${p}AncestorTerm`]),
    })),
    browseLeaves: items(prov, F, m, `${p}BrowseLeafList`, `${p}BrowseLeaf`).map((o, i) => ({
      id: g(o, `${p}BrowseLeafId`, i, `${p}BrowseLeafList`),
      name: reqStr(prov, `${F}.${p}BrowseLeafList.${i}.${p}BrowseLeafName`, o[`${p}BrowseLeafName`]),
      asFound: g(o, `${p}BrowseLeafAsFound`, i, `${p}BrowseLeafList`),
      relevance: lookup(CONDITION_RELEVANCE, g(o, `${p}BrowseLeafRelevance`, i, `${p}BrowseLeafList`)),
    })),
    browseBranches: items(prov, F, m, `${p}BrowseBranchList`, `${p}BrowseBranch`).map((o, i) => ({
      abbrev: g(o, `${p}BrowseBranchAbbrev`, i, `${p}BrowseBranchList`),
      name: reqStr(prov, `${F}.${p}BrowseBranchList.${i}.${p}BrowseBranchName`, o[`${p}BrowseBranchName`]),
    })),
  };
}

function outcomes(prov: Provenance, om: Obj, p: 'Primary' | 'Secondary'): Outcome[] {
  const F = 'ProtocolSection.OutcomesModule';
  return items(prov, F, om, `${p}OutcomeList`, `${p}Outcome`).map((o, i) => {
    const f = (k: string): string => `${F}.${p}OutcomeList.${p}Outcome.${i}.${k}`;
    return {
      measure: reqStr(prov, f(`${p}OutcomeMeasure`), o[`${p}OutcomeMeasure`]),
      description: str(prov, f(`${p}OutcomeDescription`), o[`${p}OutcomeDescription`]),
      timeFrame: str(prov, f(`${p}OutcomeTimeFrame`), o[`${p}OutcomeTimeFrame`]),
    };
  });
}

/** Map one classic full-study record (the object holding ProtocolSection) to a validated Study. */
export function mapClassicFullStudy(raw: unknown, prov: Provenance): Study {
  if (!isObj(raw)) return fail(prov, '(record)', 'expected a study object');
  const P = 'ProtocolSection';
  const ps = obj(prov, P, raw.ProtocolSection);
  const mod = (k: string): Obj => obj(prov, `${P}.${k}`, ps[k]);

  const I = `${P}.IdentificationModule`;
  const im = mod('IdentificationModule');
  const s = emptyStudy(nctId(prov, `${I}.NCTId`, im.NCTId), prov);
  s.orgStudyId = str(
    prov,
    `${I}.OrgStudyIdInfo.OrgStudyId`,
    obj(prov, `${I}.OrgStudyIdInfo`, im.OrgStudyIdInfo).OrgStudyId,
  );
  s.secondaryIds = items(prov, I, im, 'SecondaryIdInfoList', 'SecondaryIdInfo').map((o, i) => {
    const f = (k: string): string => `${I}.SecondaryIdInfoList.SecondaryIdInfo.${i}.${k}`;
    return {
      id: reqStr(prov, f('SecondaryId'), o.SecondaryId),
      type: lookup(SECONDARY_ID_TYPE, str(prov, f('SecondaryIdType'), o.SecondaryIdType)),
      domain: str(prov, f('SecondaryIdDomain'), o.SecondaryIdDomain),
      registry: null,
    };
  });
  s.briefTitle = str(prov, `${I}.BriefTitle`, im.BriefTitle);
  s.officialTitle = str(prov, `${I}.OfficialTitle`, im.OfficialTitle);
  s.acronym = str(prov, `${I}.Acronym`, im.Acronym);

  const S = `${P}.StatusModule`;
  const sm = mod('StatusModule');
  s.overallStatus = lookup(OVERALL_STATUS, str(prov, `${S}.OverallStatus`, sm.OverallStatus));
  s.lastKnownStatus = lookup(OVERALL_STATUS, str(prov, `${S}.LastKnownStatus`, sm.LastKnownStatus));
  s.whyStopped = str(prov, `${S}.WhyStopped`, sm.WhyStopped);
  const ds = (name: string, hasStruct = true): Study['startDate'] => {
    if (!hasStruct) return date(prov, `${S}.${name}`, sm[name]);
    const o = obj(prov, `${S}.${name}Struct`, sm[`${name}Struct`]);
    return date(prov, `${S}.${name}Struct.${name}`, o[name], o[`${name}Type`]);
  };
  s.statusVerifiedDate = ds('StatusVerifiedDate', false);
  s.startDate = ds('StartDate');
  s.primaryCompletionDate = ds('PrimaryCompletionDate');
  s.completionDate = ds('CompletionDate');
  s.firstSubmittedDate = ds('StudyFirstSubmitDate', false);
  s.firstPostedDate = ds('StudyFirstPostDate');
  s.lastUpdatePostedDate = ds('LastUpdatePostDate');
  s.resultsFirstPostedDate = ds('ResultsFirstPostDate');

  const SP = `${P}.SponsorCollaboratorsModule`;
  const sp = mod('SponsorCollaboratorsModule');
  const lead = obj(prov, `${SP}.LeadSponsor`, sp.LeadSponsor);
  const leadName = str(prov, `${SP}.LeadSponsor.LeadSponsorName`, lead.LeadSponsorName);
  s.leadSponsor =
    leadName === null
      ? null
      : {
          name: leadName,
          class: lookup(AGENCY_CLASS, str(prov, `${SP}.LeadSponsor.LeadSponsorClass`, lead.LeadSponsorClass)),
        };
  s.collaborators = items(prov, SP, sp, 'CollaboratorList', 'Collaborator').map((o, i) => ({
    name: reqStr(prov, `${SP}.CollaboratorList.Collaborator.${i}.CollaboratorName`, o.CollaboratorName),
    class: lookup(
      AGENCY_CLASS,
      str(prov, `${SP}.CollaboratorList.Collaborator.${i}.CollaboratorClass`, o.CollaboratorClass),
    ),
  }));

  const D = `${P}.DescriptionModule`;
  const dm = mod('DescriptionModule');
  s.briefSummary = str(prov, `${D}.BriefSummary`, dm.BriefSummary);
  s.detailedDescription = str(prov, `${D}.DetailedDescription`, dm.DetailedDescription);

  const C = `${P}.ConditionsModule`;
  const cm = mod('ConditionsModule');
  s.conditions = texts(prov, C, cm, 'ConditionList', 'Condition');
  s.keywords = texts(prov, C, cm, 'KeywordList', 'Keyword');
  const der = obj(prov, 'DerivedSection', raw.DerivedSection);
  s.conditionMesh = mesh(prov, der, 'Condition');
  s.interventionMesh = mesh(prov, der, 'Intervention');

  const DE = `${P}.DesignModule`;
  const de = mod('DesignModule');
  s.studyType = lookup(STUDY_TYPE, str(prov, `${DE}.StudyType`, de.StudyType));
  s.phases = lookupPhases(texts(prov, DE, de, 'PhaseList', 'Phase'));
  const DI = `${DE}.DesignInfo`;
  const di = obj(prov, DI, de.DesignInfo);
  s.allocation = lookup(ALLOCATION, str(prov, `${DI}.DesignAllocation`, di.DesignAllocation));
  s.interventionModel = lookup(
    INTERVENTION_MODEL,
    str(prov, `${DI}.DesignInterventionModel`, di.DesignInterventionModel),
  );
  s.observationalModel = lookup(
    OBSERVATIONAL_MODEL,
    texts(prov, DI, di, 'DesignObservationalModelList', 'DesignObservationalModel')[0] ?? null,
  );
  s.primaryPurpose = lookup(
    PRIMARY_PURPOSE,
    str(prov, `${DI}.DesignPrimaryPurpose`, di.DesignPrimaryPurpose),
  );
  const mi = obj(prov, `${DI}.DesignMaskingInfo`, di.DesignMaskingInfo);
  s.masking = lookup(MASKING, str(prov, `${DI}.DesignMaskingInfo.DesignMasking`, mi.DesignMasking));
  const en = obj(prov, `${DE}.EnrollmentInfo`, de.EnrollmentInfo);
  const enTypeField = `${DE}.EnrollmentInfo.EnrollmentType`;
  const enType = enrollmentType(prov, enTypeField, str(prov, enTypeField, en.EnrollmentType));
  s.enrollment = {
    count: count(prov, `${DE}.EnrollmentInfo.EnrollmentCount`, en.EnrollmentCount),
    type: enType,
  };

  const A = `${P}.ArmsInterventionsModule`;
  const am = mod('ArmsInterventionsModule');
  s.arms = items(prov, A, am, 'ArmGroupList', 'ArmGroup').map((o, i) => {
    const F = `${A}.ArmGroupList.ArmGroup.${i}`;
    return {
      label: reqStr(prov, `${F}.ArmGroupLabel`, o.ArmGroupLabel),
      type: lookup(ARM_GROUP_TYPE, str(prov, `${F}.ArmGroupType`, o.ArmGroupType)),
      description: str(prov, `${F}.ArmGroupDescription`, o.ArmGroupDescription),
      interventionNames: texts(prov, F, o, 'ArmGroupInterventionList', 'ArmGroupInterventionName'),
    };
  });
  s.interventions = items(prov, A, am, 'InterventionList', 'Intervention').map((o, i) => {
    const F = `${A}.InterventionList.Intervention.${i}`;
    return {
      type: lookup(INTERVENTION_TYPE, str(prov, `${F}.InterventionType`, o.InterventionType)),
      name: reqStr(prov, `${F}.InterventionName`, o.InterventionName),
      description: str(prov, `${F}.InterventionDescription`, o.InterventionDescription),
      otherNames: texts(prov, F, o, 'InterventionOtherNameList', 'InterventionOtherName'),
      armGroupLabels: texts(prov, F, o, 'InterventionArmGroupLabelList', 'InterventionArmGroupLabel'),
    };
  });

  const om = mod('OutcomesModule');
  s.primaryOutcomes = outcomes(prov, om, 'Primary');
  s.secondaryOutcomes = outcomes(prov, om, 'Secondary');

  const E = `${P}.EligibilityModule`;
  const el = mod('EligibilityModule');
  const hv = healthyVolunteers(
    prov,
    `${E}.HealthyVolunteers`,
    str(prov, `${E}.HealthyVolunteers`, el.HealthyVolunteers),
  );
  s.eligibility = {
    criteria: str(prov, `${E}.EligibilityCriteria`, el.EligibilityCriteria),
    sex: lookup(SEX, str(prov, `${E}.Gender`, el.Gender)),
    minimumAge: str(prov, `${E}.MinimumAge`, el.MinimumAge),
    maximumAge: str(prov, `${E}.MaximumAge`, el.MaximumAge),
    stdAges: texts(prov, E, el, 'StdAgeList', 'StdAge').map((a) => lookup(STD_AGE, a) ?? a),
    healthyVolunteers: hv,
  };

  const L = `${P}.ContactsLocationsModule`;
  const lm = mod('ContactsLocationsModule');
  s.locations = items(prov, L, lm, 'LocationList', 'Location').map((o, i) => {
    const f = (k: string): string => `${L}.LocationList.Location.${i}.${k}`;
    return {
      facility: str(prov, f('LocationFacility'), o.LocationFacility),
      city: str(prov, f('LocationCity'), o.LocationCity),
      state: str(prov, f('LocationState'), o.LocationState),
      country: str(prov, f('LocationCountry'), o.LocationCountry),
      geoPoint: null,
    };
  });

  const R = `${P}.ReferencesModule`;
  const rm = mod('ReferencesModule');
  s.references = items(prov, R, rm, 'ReferenceList', 'Reference').map((o, i) => {
    const f = (k: string): string => `${R}.ReferenceList.Reference.${i}.${k}`;
    return {
      pmid: str(prov, f('ReferencePMID'), o.ReferencePMID),
      type: lookup(REFERENCE_TYPE, str(prov, f('ReferenceType'), o.ReferenceType)),
      citation: str(prov, f('ReferenceCitation'), o.ReferenceCitation),
    };
  });

  s.hasResults = isObj(raw.ResultsSection) || s.resultsFirstPostedDate !== null;
  return validated(s);
}
