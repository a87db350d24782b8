/**
 * A Study written back as an API v2 study object (the inverse of sources/v2/map.ts for the fields a Study
 * holds), so the classic 2022 corpus can be replicated as per-study v2 JSON files, the shape of
 * ClinicalTrials.gov's full download. `mapV2Study(studyToV2(s))` gives `s` again (provenance aside).
 */
import type { MeshBrowse, Org, PartialDate, Study } from '../model/study.js';

type Obj = Record<string, unknown>;

/** Drop null/undefined values and empty objects, as the registry omits absent fields. */
function clean(o: Obj): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === null || v === undefined) continue;
    if (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) continue;
    out[k] = v;
  }
  return out;
}

const dateStruct = (d: PartialDate | null): Obj | null =>
  d === null ? null : clean({ date: d.value, type: d.type });

const org = (o: Org | null): Obj | null => (o === null ? null : clean({ name: o.name, class: o.class }));

const list = <T>(xs: T[]): T[] | null => (xs.length === 0 ? null : xs);

function mesh(m: MeshBrowse): Obj {
  return clean({
    meshes: list(m.meshes.map((x) => clean({ id: x.id, term: x.term }))),
    ancestors: list(m.ancestors.map((x) => clean({ id: x.id, term: x.term }))),
    browseLeaves: list(
      m.browseLeaves.map((x) =>
        clean({ id: x.id, name: x.name, asFound: x.asFound, relevance: x.relevance }),
      ),
    ),
    browseBranches: list(m.browseBranches.map((x) => clean({ abbrev: x.abbrev, name: x.name }))),
  });
}

/** The v2 study object of `s`, with `nctId` as its id (identificationModule.nctId comes first in the text). */
export function studyToV2(s: Study, nctId = s.nctId): Obj {
  const outcome = (o: Study['primaryOutcomes'][number]): Obj =>
    clean({ measure: o.measure, description: o.description, timeFrame: o.timeFrame });
  return clean({
    protocolSection: clean({
      identificationModule: clean({
        nctId,
        orgStudyIdInfo: clean({ id: s.orgStudyId }),
        secondaryIdInfos: list(
          s.secondaryIds.map((x) => clean({ id: x.id, type: x.type, domain: x.domain })),
        ),
        briefTitle: s.briefTitle,
        officialTitle: s.officialTitle,
        acronym: s.acronym,
      }),
      statusModule: clean({
        statusVerifiedDate: s.statusVerifiedDate?.value,
        overallStatus: s.overallStatus,
        lastKnownStatus: s.lastKnownStatus,
        whyStopped: s.whyStopped,
        startDateStruct: dateStruct(s.startDate),
        primaryCompletionDateStruct: dateStruct(s.primaryCompletionDate),
        completionDateStruct: dateStruct(s.completionDate),
        studyFirstSubmitDate: s.firstSubmittedDate?.value,
        studyFirstPostDateStruct: dateStruct(s.firstPostedDate),
        resultsFirstPostDateStruct: dateStruct(s.resultsFirstPostedDate),
        lastUpdatePostDateStruct: dateStruct(s.lastUpdatePostedDate),
      }),
      sponsorCollaboratorsModule: clean({
        leadSponsor: org(s.leadSponsor),
        collaborators: list(s.collaborators.map(org)),
      }),
      descriptionModule: clean({ briefSummary: s.briefSummary, detailedDescription: s.detailedDescription }),
      conditionsModule: clean({ conditions: list(s.conditions), keywords: list(s.keywords) }),
      designModule: clean({
        studyType: s.studyType,
        phases: list(s.phases),
        designInfo: clean({
          allocation: s.allocation,
          interventionModel: s.interventionModel,
          observationalModel: s.observationalModel,
          primaryPurpose: s.primaryPurpose,
          maskingInfo: clean({ masking: s.masking }),
        }),
        enrollmentInfo: clean({ count: s.enrollment.count, type: s.enrollment.type }),
      }),
      armsInterventionsModule: clean({
        armGroups: list(
          s.arms.map((a) =>
            clean({
              label: a.label,
              type: a.type,
              description: a.description,
              interventionNames: list(a.interventionNames),
            }),
          ),
        ),
        interventions: list(
          s.interventions.map((i) =>
            clean({
              type: i.type,
              name: i.name,
              description: i.description,
              otherNames: list(i.otherNames),
              armGroupLabels: list(i.armGroupLabels),
            }),
          ),
        ),
      }),
      outcomesModule: clean({
        primaryOutcomes: list(s.primaryOutcomes.map(outcome)),
        secondaryOutcomes: list(s.secondaryOutcomes.map(outcome)),
      }),
      eligibilityModule: clean({
        eligibilityCriteria: s.eligibility.criteria,
        healthyVolunteers: s.eligibility.healthyVolunteers,
        sex: s.eligibility.sex,
        minimumAge: s.eligibility.minimumAge,
        maximumAge: s.eligibility.maximumAge,
        stdAges: list(s.eligibility.stdAges),
      }),
      contactsLocationsModule: clean({
        locations: list(
          s.locations.map((l) =>
            clean({
              facility: l.facility,
              city: l.city,
              state: l.state,
              country: l.country,
              geoPoint: l.geoPoint,
            }),
          ),
        ),
      }),
      referencesModule: clean({
        references: list(
          s.references.map((r) => clean({ pmid: r.pmid, type: r.type, citation: r.citation })),
        ),
      }),
    }),
    derivedSection: clean({
      conditionBrowseModule: mesh(s.conditionMesh),
      interventionBrowseModule: mesh(s.interventionMesh),
    }),
    hasResults: s.hasResults,
  });
}
