import { describe, expect, it } from 'vitest';
import type { Provenance } from '../../src/model/study.js';
import { mapClassicFieldsStudy } from '../../src/sources/classic/fields.js';
import { FETCHED_AT, classicRecord, fixture, readAll, readError, tmpFile } from './helpers.js';

const prov: Provenance = {
  format: 'ctgov-classic-fields',
  file: 'x.ndjson',
  record: 7,
  fetchedAt: FETCHED_AT,
  registryVersion: null,
};

describe('classic study-fields records', () => {
  it('maps single-valued fields, vocab and dates with precision and type', () => {
    const s = mapClassicFieldsStudy(classicRecord(), prov);
    expect(s.nctId).toBe('NCT09000010');
    expect(s.overallStatus).toBe('RECRUITING');
    expect(s.phases).toEqual(['PHASE1', 'PHASE2']);
    expect(s.studyType).toBe('INTERVENTIONAL');
    expect(s.startDate).toEqual({ value: '2021-07', precision: 'month', type: 'ESTIMATED' });
    expect(s.firstPostedDate).toEqual({ value: '2021-06-03', precision: 'day', type: 'ESTIMATED' });
    expect(s.enrollment).toEqual({ count: 20, type: 'ESTIMATED' });
    expect(s.leadSponsor).toEqual({ name: 'Fixture Sponsor', class: 'INDUSTRY' });
    expect(s.hasResults).toBe(false);
  });

  it('zips parallel lists of equal length and never aligns shorter ones', () => {
    const s = mapClassicFieldsStudy(
      classicRecord({
        LocationFacility: ['A Hospital', 'B Clinic', 'C Center'],
        LocationCity: ['Paris', 'Lyon', 'Nice'],
        LocationState: ['Texas'],
        LocationCountry: ['France', 'France', 'France'],
        InterventionName: ['MSC', 'Placebo'],
        InterventionType: ['Biological', 'Drug'],
        InterventionDescription: ['only one description'],
        InterventionArmGroupLabel: ['Arm A', 'Arm B'],
        ArmGroupLabel: ['Arm A', 'Arm B'],
        ArmGroupType: ['Experimental', 'Placebo Comparator'],
        ArmGroupInterventionName: ['Biological: MSC', 'Drug: Placebo'],
        ReferenceCitation: ['Cite 1', 'Cite 2'],
        ReferenceType: ['background', 'derived'],
        ReferencePMID: ['111'],
        HealthyVolunteers: ['Accepts Healthy Volunteers'],
        StdAge: ['Adult', 'Older Adult'],
      }),
      prov,
    );
    expect(s.locations).toEqual([
      { facility: 'A Hospital', city: 'Paris', state: null, country: 'France', geoPoint: null },
      { facility: 'B Clinic', city: 'Lyon', state: null, country: 'France', geoPoint: null },
      { facility: 'C Center', city: 'Nice', state: null, country: 'France', geoPoint: null },
    ]);
    expect(s.interventions.map((i) => [i.type, i.name, i.description, i.armGroupLabels])).toEqual([
      ['BIOLOGICAL', 'MSC', null, []],
      ['DRUG', 'Placebo', null, []],
    ]);
    expect(s.arms.map((a) => [a.label, a.type, a.interventionNames])).toEqual([
      ['Arm A', 'EXPERIMENTAL', []],
      ['Arm B', 'PLACEBO_COMPARATOR', []],
    ]);
    expect(s.references).toEqual([
      { pmid: null, type: 'BACKGROUND', citation: 'Cite 1' },
      { pmid: null, type: 'DERIVED', citation: 'Cite 2' },
    ]);
    expect(s.eligibility.healthyVolunteers).toBe(true);
    expect(s.eligibility.stdAges).toEqual(['ADULT', 'OLDER_ADULT']);
  });

  it('assigns flattened nested lists only when there is a single item', () => {
    const s = mapClassicFieldsStudy(
      classicRecord({
        InterventionName: ['MSC'],
        InterventionArmGroupLabel: ['Low dose', 'High dose'],
        InterventionOtherName: ['Remestemcel-L'],
        ArmGroupLabel: ['Only arm'],
        ArmGroupInterventionName: ['Biological: MSC', 'Drug: Heparin'],
      }),
      prov,
    );
    expect(s.interventions[0]!.armGroupLabels).toEqual(['Low dose', 'High dose']);
    expect(s.interventions[0]!.otherNames).toEqual(['Remestemcel-L']);
    expect(s.arms[0]!.interventionNames).toEqual(['Biological: MSC', 'Drug: Heparin']);
  });

  it('derives hasResults from the results posting date', () => {
    const s = mapClassicFieldsStudy(
      classicRecord({ ResultsFirstPostDate: ['May 5, 2020'], ResultsFirstPostDateType: ['Actual'] }),
      prov,
    );
    expect(s.hasResults).toBe(true);
    expect(s.resultsFirstPostedDate).toEqual({ value: '2020-05-05', precision: 'day', type: 'ACTUAL' });
  });

  it('errors name the field and the record', () => {
    expect(() => mapClassicFieldsStudy(classicRecord({ StartDate: ['Someday 2021'] }), prov)).toThrow(
      'x.ndjson: record 7, field "StartDate": not a date: "Someday 2021"',
    );
    expect(() => mapClassicFieldsStudy(classicRecord({ BriefTitle: 'not a list' }), prov)).toThrow(
      /field "BriefTitle"/,
    );
    expect(() => mapClassicFieldsStudy(classicRecord({ NCTId: [] }), prov)).toThrow(
      /field "NCTId": record has no NCT id/,
    );
    expect(() => mapClassicFieldsStudy(classicRecord({ EnrollmentCount: ['many'] }), prov)).toThrow(
      /EnrollmentCount/,
    );
  });

  it('reads NDJSON and the wrapped StudyFieldsResponse form', async () => {
    const a = classicRecord({ NCTId: ['NCT09000011'] });
    const b = classicRecord({ NCTId: ['NCT09000012'], Rank: 2 });
    const nd = await readAll(tmpFile(`${JSON.stringify(a)}\n${JSON.stringify(b)}\n`));
    expect(nd.map((r) => [r.study.nctId, r.study.provenance.format, r.study.provenance.record])).toEqual([
      ['NCT09000011', 'ctgov-classic-fields', 1],
      ['NCT09000012', 'ctgov-classic-fields', 2],
    ]);
    expect(nd[0]!.raw).toEqual(a);
    const wrapped = {
      StudyFieldsResponse: {
        APIVrs: '1.01.05',
        DataVrs: '2022:10:10 01:02:03.456',
        NStudiesReturned: 2,
        StudyFields: [a, b],
      },
    };
    const w = await readAll(tmpFile(JSON.stringify(wrapped)));
    expect(w.map((r) => r.study.nctId)).toEqual(['NCT09000011', 'NCT09000012']);
    expect(w[0]!.study.provenance.registryVersion).toBe('2022:10:10 01:02:03.456');
  });

  it('NDJSON errors carry the line number', async () => {
    const good = JSON.stringify(classicRecord());
    const e1 = await readError(tmpFile(`${good}\n${good}\n{"NCTId": ["NCT0900`));
    expect(e1.location.line).toBe(3);
    expect(e1.message).toMatch(/malformed JSON/);
    const e2 = await readError(tmpFile(`${good}\n${JSON.stringify(classicRecord({ NCTId: [] }))}\n`));
    expect(e2.location).toMatchObject({ record: 2, line: 2, field: 'NCTId' });
    expect(e2.message).toMatch(/no NCT id/);
  });
});

describe('classic full studies', () => {
  it('reads FullStudiesResponse with the PascalCase tree', async () => {
    const recs = await readAll(fixture('classic-full.json'));
    expect(recs).toHaveLength(2);
    const s = recs[0]!.study;
    expect(s.provenance).toMatchObject({
      format: 'ctgov-classic-full',
      record: 1,
      registryVersion: '2022:10:10 23:14:56.321',
    });
    expect(s.nctId).toBe('NCT09000002');
    expect(s.orgStudyId).toBe('FIX-BM-02');
    expect(s.secondaryIds).toEqual([{ id: 'R01-FIX', type: 'NIH', domain: null, registry: null }]);
    expect(s.overallStatus).toBe('UNKNOWN');
    expect(s.lastKnownStatus).toBe('RECRUITING');
    expect(s.statusVerifiedDate).toEqual({ value: '2021-03', precision: 'month', type: null });
    expect(s.startDate).toEqual({ value: '2019-07-14', precision: 'day', type: 'ACTUAL' });
    expect(s.primaryCompletionDate).toEqual({ value: '2021-12', precision: 'month', type: 'ESTIMATED' });
    expect(s.lastUpdatePostedDate).toEqual({ value: '2021-03-05', precision: 'day', type: 'ESTIMATED' });
    expect(s.collaborators).toEqual([{ name: 'National Fixture Agency', class: 'NIH' }]);
    expect(s.conditions).toEqual(['Heart Failure', 'Ischemic Cardiomyopathy']);
    expect(s.phases).toEqual(['PHASE2']);
    expect(s.allocation).toBe('NON_RANDOMIZED');
    expect(s.interventionModel).toBe('SINGLE_GROUP');
    expect(s.masking).toBe('NONE');
    expect(s.enrollment).toEqual({ count: 30, type: 'ESTIMATED' });
    expect(s.arms).toEqual([
      { label: 'BM-MSC', type: 'EXPERIMENTAL', description: null, interventionNames: ['Biological: BM-MSC'] },
    ]);
    expect(s.interventions[0]).toMatchObject({
      type: 'BIOLOGICAL',
      name: 'BM-MSC',
      armGroupLabels: ['BM-MSC'],
    });
    expect(s.primaryOutcomes).toEqual([{ measure: 'LVEF', description: null, timeFrame: '6 months' }]);
    expect(s.eligibility).toMatchObject({
      sex: 'ALL',
      minimumAge: '18 Years',
      maximumAge: null,
      stdAges: ['ADULT', 'OLDER_ADULT'],
      healthyVolunteers: false,
    });
    expect(s.locations).toEqual([
      { facility: 'Fixture Heart Center', city: 'Madrid', state: null, country: 'Spain', geoPoint: null },
    ]);
    expect(s.references).toEqual([
      { pmid: '23456789', type: 'RESULT', citation: 'Roe R. Fixture result. 2021.' },
    ]);
    expect(s.conditionMesh.meshes).toEqual([{ id: 'D000006333', term: 'Heart Failure' }]);
    expect(s.conditionMesh.browseLeaves[0]!.relevance).toBe('HIGH');
    expect(s.hasResults).toBe(false);
    expect(recs[1]!.study.nctId).toBe('NCT09000003');
    expect(recs[1]!.study.overallStatus).toBe('COMPLETED');
    expect(recs[1]!.study.hasResults).toBe(true);
  });

  it('reads the single {FullStudy:{Study}} and {Study} forms', async () => {
    const doc = JSON.parse(
      await import('node:fs').then((fs) => fs.readFileSync(fixture('classic-full.json'), 'utf8')),
    ) as {
      FullStudiesResponse: { FullStudies: { Rank: number; Study: unknown }[] };
    };
    const first = doc.FullStudiesResponse.FullStudies[0]!;
    const a = await readAll(tmpFile(JSON.stringify({ FullStudy: first })));
    const b = await readAll(tmpFile(JSON.stringify({ Study: first.Study })));
    expect(a.map((r) => r.study.nctId)).toEqual(['NCT09000002']);
    expect(b.map((r) => r.study.nctId)).toEqual(['NCT09000002']);
    expect(b[0]!.study.provenance.format).toBe('ctgov-classic-full');
  });
});
