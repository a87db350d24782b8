/**
 * The one ClinicalTrials.gov API v2 normalizer: a v2 study object (as served by /api/v2/studies, the website
 * JSON export, or a page element) -> Study. Used by the file readers and by the live client.
 * Fields not listed here stay in the raw record. Throws InputError (file, record, dotted v2 field) on bad input.
 */
import { misspeltV2Key } from '../keys.js';
import type {
  Arm,
  Intervention,
  Location,
  MeshBrowse,
  Outcome,
  Provenance,
  Reference,
  Study,
} from '../../model/study.js';
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
  lookupPhases,
} from '../../model/vocab.js';
import {
  arr,
  bool,
  date,
  enrollmentType,
  fail,
  count,
  isObj,
  nctId,
  num,
  obj,
  reqStr,
  str,
  strList,
  validated,
  vocab,
} from '../map-util.js';

const PS = 'protocolSection';

function mesh(prov: Provenance, field: string, v: unknown): MeshBrowse {
  const m = obj(prov, field, v);
  const f = (k: string): string => `${field}.${k}`;
  return {
    meshes: arr(prov, f('meshes'), m.meshes).map((x, i) => {
      const o = obj(prov, f(`meshes.${i}`), x);
      return { id: str(prov, f(`meshes.${i}.id`), o.id), term: reqStr(prov, f(`meshes.${i}.term`), o.term) };
    }),
    ancestors: arr(prov, f('ancestors'), m.ancestors).map((x, i) => {
      const o = obj(prov, f(`ancestors.${i}`), x);
      return {
        id: str(prov, f(`ancestors.${i}.id`), o.id),
        term: reqStr(prov, f(`ancestors.${i}.term`), o.term),
      };
    }),
    browseLeaves: arr(prov, f('browseLeaves'), m.browseLeaves).map((x, i) => {
      const o = obj(prov, f(`browseLeaves.${i}`), x);
      const g = (k: string): string => f(`browseLeaves.${i}.${k}`);
      return {
        id: str(prov, g('id'), o.id),
        name: reqStr(prov, g('name'), o.name),
        asFound: str(prov, g('asFound'), o.asFound),
        relevance: vocab(CONDITION_RELEVANCE, str(prov, g('relevance'), o.relevance)),
      };
    }),
    browseBranches: arr(prov, f('browseBranches'), m.browseBranches).map((x, i) => {
      const o = obj(prov, f(`browseBranches.${i}`), x);
      return {
        abbrev: str(prov, f(`browseBranches.${i}.abbrev`), o.abbrev),
        name: reqStr(prov, f(`browseBranches.${i}.name`), o.name),
      };
    }),
  };
}

function outcomes(prov: Provenance, field: string, v: unknown): Outcome[] {
  return arr(prov, field, v).map((x, i) => {
    const o = obj(prov, `${field}.${i}`, x);
    return {
      measure: reqStr(prov, `${field}.${i}.measure`, o.measure),
      description: str(prov, `${field}.${i}.description`, o.description),
      timeFrame: str(prov, `${field}.${i}.timeFrame`, o.timeFrame),
    };
  });
}

function dateStruct(prov: Provenance, field: string, v: unknown): Study['startDate'] {
  const o = obj(prov, field, v);
  return date(prov, `${field}.date`, o.date, o.type, `${field}.type`);
}

/** Map one API v2 study object to a validated Study. */
export function mapV2Study(raw: unknown, prov: Provenance): Study {
  if (!isObj(raw)) return fail(prov, '(record)', 'expected a study object');
  const ps = obj(prov, PS, raw.protocolSection);
  const typo = misspeltV2Key(ps);
  if (typo) fail(prov, typo.path, `unknown key: did you mean "${typo.meant}"? (the field would be lost)`);
  const p = (m: string): string => `${PS}.${m}`;
  const idm = obj(prov, p('identificationModule'), ps.identificationModule);
  const s = emptyStudy(nctId(prov, p('identificationModule.nctId'), idm.nctId), prov);

  const F = p('identificationModule');
  s.orgStudyId = str(prov, `${F}.orgStudyIdInfo.id`, obj(prov, `${F}.orgStudyIdInfo`, idm.orgStudyIdInfo).id);
  s.secondaryIds = arr(prov, `${F}.secondaryIdInfos`, idm.secondaryIdInfos).map((x, i) => {
    const o = obj(prov, `${F}.secondaryIdInfos.${i}`, x);
    return {
      id: reqStr(prov, `${F}.secondaryIdInfos.${i}.id`, o.id),
      type: vocab(SECONDARY_ID_TYPE, str(prov, `${F}.secondaryIdInfos.${i}.type`, o.type)),
      domain: str(prov, `${F}.secondaryIdInfos.${i}.domain`, o.domain),
      registry: null,
    };
  });
  s.briefTitle = str(prov, `${F}.briefTitle`, idm.briefTitle);
  s.officialTitle = str(prov, `${F}.officialTitle`, idm.officialTitle);
  s.acronym = str(prov, `${F}.acronym`, idm.acronym);

  const S = p('statusModule');
  const st = obj(prov, S, ps.statusModule);
  s.overallStatus = vocab(OVERALL_STATUS, str(prov, `${S}.overallStatus`, st.overallStatus));
  s.lastKnownStatus = vocab(OVERALL_STATUS, str(prov, `${S}.lastKnownStatus`, st.lastKnownStatus));
  s.whyStopped = str(prov, `${S}.whyStopped`, st.whyStopped);
  s.statusVerifiedDate = date(prov, `${S}.statusVerifiedDate`, st.statusVerifiedDate);
  s.startDate = dateStruct(prov, `${S}.startDateStruct`, st.startDateStruct);
  s.primaryCompletionDate = dateStruct(
    prov,
    `${S}.primaryCompletionDateStruct`,
    st.primaryCompletionDateStruct,
  );
  s.completionDate = dateStruct(prov, `${S}.completionDateStruct`, st.completionDateStruct);
  s.firstSubmittedDate = date(prov, `${S}.studyFirstSubmitDate`, st.studyFirstSubmitDate);
  s.firstPostedDate = dateStruct(prov, `${S}.studyFirstPostDateStruct`, st.studyFirstPostDateStruct);
  s.lastUpdatePostedDate = dateStruct(prov, `${S}.lastUpdatePostDateStruct`, st.lastUpdatePostDateStruct);
  s.resultsFirstPostedDate = dateStruct(
    prov,
    `${S}.resultsFirstPostDateStruct`,
    st.resultsFirstPostDateStruct,
  );

  const SP = p('sponsorCollaboratorsModule');
  const sp = obj(prov, SP, ps.sponsorCollaboratorsModule);
  const org = (field: string, v: unknown): Study['leadSponsor'] => {
    const o = obj(prov, field, v);
    const name = str(prov, `${field}.name`, o.name);
    return name === null ? null : { name, class: vocab(AGENCY_CLASS, str(prov, `${field}.class`, o.class)) };
  };
  s.leadSponsor = org(`${SP}.leadSponsor`, sp.leadSponsor);
  s.collaborators = arr(prov, `${SP}.collaborators`, sp.collaborators).flatMap((x, i) => {
    const o = org(`${SP}.collaborators.${i}`, x);
    return o === null ? [] : [o];
  });

  const D = p('descriptionModule');
  const dm = obj(prov, D, ps.descriptionModule);
  s.briefSummary = str(prov, `${D}.briefSummary`, dm.briefSummary);
  s.detailedDescription = str(prov, `${D}.detailedDescription`, dm.detailedDescription);

  const C = p('conditionsModule');
  const cm = obj(prov, C, ps.conditionsModule);
  s.conditions = strList(prov, `${C}.conditions`, cm.conditions);
  s.keywords = strList(prov, `${C}.keywords`, cm.keywords);

  const ds = obj(prov, 'derivedSection', raw.derivedSection);
  s.conditionMesh = mesh(prov, 'derivedSection.conditionBrowseModule', ds.conditionBrowseModule);
  s.interventionMesh = mesh(prov, 'derivedSection.interventionBrowseModule', ds.interventionBrowseModule);

  const DE = p('designModule');
  const de = obj(prov, DE, ps.designModule);
  s.studyType = vocab(STUDY_TYPE, str(prov, `${DE}.studyType`, de.studyType));
  s.phases = lookupPhases(strList(prov, `${DE}.phases`, de.phases));
  const di = obj(prov, `${DE}.designInfo`, de.designInfo);
  s.allocation = vocab(ALLOCATION, str(prov, `${DE}.designInfo.allocation`, di.allocation));
  s.interventionModel = vocab(
    INTERVENTION_MODEL,
    str(prov, `${DE}.designInfo.interventionModel`, di.interventionModel),
  );
  s.observationalModel = vocab(
    OBSERVATIONAL_MODEL,
    str(prov, `${DE}.designInfo.observationalModel`, di.observationalModel),
  );
  s.primaryPurpose = vocab(PRIMARY_PURPOSE, str(prov, `${DE}.designInfo.primaryPurpose`, di.primaryPurpose));
  const mi = obj(prov, `${DE}.designInfo.maskingInfo`, di.maskingInfo);
  s.masking = vocab(MASKING, str(prov, `${DE}.designInfo.maskingInfo.masking`, mi.masking));
  const en = obj(prov, `${DE}.enrollmentInfo`, de.enrollmentInfo);
  const enTypeField = `${DE}.enrollmentInfo.type`;
  const enType = enrollmentType(prov, enTypeField, str(prov, enTypeField, en.type), 'as-written');
  s.enrollment = { count: count(prov, `${DE}.enrollmentInfo.count`, en.count), type: enType };

  const A = p('armsInterventionsModule');
  const am = obj(prov, A, ps.armsInterventionsModule);
  s.arms = arr(prov, `${A}.armGroups`, am.armGroups).map((x, i): Arm => {
    const o = obj(prov, `${A}.armGroups.${i}`, x);
    const f = (k: string): string => `${A}.armGroups.${i}.${k}`;
    return {
      label: reqStr(prov, f('label'), o.label),
      type: vocab(ARM_GROUP_TYPE, str(prov, f('type'), o.type)),
      description: str(prov, f('description'), o.description),
      interventionNames: strList(prov, f('interventionNames'), o.interventionNames),
    };
  });
  s.interventions = arr(prov, `${A}.interventions`, am.interventions).map((x, i): Intervention => {
    const o = obj(prov, `${A}.interventions.${i}`, x);
    const f = (k: string): string => `${A}.interventions.${i}.${k}`;
    return {
      type: vocab(INTERVENTION_TYPE, str(prov, f('type'), o.type)),
      name: reqStr(prov, f('name'), o.name),
      description: str(prov, f('description'), o.description),
      otherNames: strList(prov, f('otherNames'), o.otherNames),
      armGroupLabels: strList(prov, f('armGroupLabels'), o.armGroupLabels),
    };
  });

  const O = p('outcomesModule');
  const om = obj(prov, O, ps.outcomesModule);
  s.primaryOutcomes = outcomes(prov, `${O}.primaryOutcomes`, om.primaryOutcomes);
  s.secondaryOutcomes = outcomes(prov, `${O}.secondaryOutcomes`, om.secondaryOutcomes);

  const E = p('eligibilityModule');
  const el = obj(prov, E, ps.eligibilityModule);
  s.eligibility = {
    criteria: str(prov, `${E}.eligibilityCriteria`, el.eligibilityCriteria),
    sex: vocab(SEX, str(prov, `${E}.sex`, el.sex)),
    minimumAge: str(prov, `${E}.minimumAge`, el.minimumAge),
    maximumAge: str(prov, `${E}.maximumAge`, el.maximumAge),
    stdAges: strList(prov, `${E}.stdAges`, el.stdAges).map((a) => vocab(STD_AGE, a) ?? a),
    healthyVolunteers: bool(prov, `${E}.healthyVolunteers`, el.healthyVolunteers),
  };

  const L = p('contactsLocationsModule');
  const lm = obj(prov, L, ps.contactsLocationsModule);
  s.locations = arr(prov, `${L}.locations`, lm.locations).map((x, i): Location => {
    const o = obj(prov, `${L}.locations.${i}`, x);
    const f = (k: string): string => `${L}.locations.${i}.${k}`;
    const gp = o.geoPoint === undefined || o.geoPoint === null ? null : obj(prov, f('geoPoint'), o.geoPoint);
    const lat = gp ? num(prov, f('geoPoint.lat'), gp.lat) : null;
    const lon = gp ? num(prov, f('geoPoint.lon'), gp.lon) : null;
    return {
      facility: str(prov, f('facility'), o.facility),
      city: str(prov, f('city'), o.city),
      state: str(prov, f('state'), o.state),
      country: str(prov, f('country'), o.country),
      geoPoint: lat !== null && lon !== null ? { lat, lon } : null,
    };
  });

  const R = p('referencesModule');
  const rm = obj(prov, R, ps.referencesModule);
  s.references = arr(prov, `${R}.references`, rm.references).map((x, i): Reference => {
    const o = obj(prov, `${R}.references.${i}`, x);
    const f = (k: string): string => `${R}.references.${i}.${k}`;
    return {
      pmid: str(prov, f('pmid'), o.pmid),
      type: vocab(REFERENCE_TYPE, str(prov, f('type'), o.type)),
      citation: str(prov, f('citation'), o.citation),
    };
  });

  s.hasResults = bool(prov, 'hasResults', raw.hasResults) ?? raw.resultsSection !== undefined;
  return validated(s);
}
