import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/errors.js';
import { StudySchema, type Provenance } from '../../src/model/study.js';
import { mapV2Study } from '../../src/sources/v2/map.js';
import { FETCHED_AT, fixture, fixtureJson, readAll, readError, tmpFile } from './helpers.js';

const prov: Provenance = {
  format: 'ctgov-v2-live',
  file: 'https://example.test/api',
  record: 1,
  fetchedAt: FETCHED_AT,
  registryVersion: null,
};

/** The fixture study with another NCT id. */
function withId(id: string): Record<string, unknown> {
  const s = fixtureJson('v2-study.json');
  const ps = s.protocolSection as Record<string, Record<string, unknown>>;
  ps.identificationModule = { ...ps.identificationModule, nctId: id };
  return s;
}

describe('mapV2Study', () => {
  it('maps every field the v2 record carries', () => {
    const s = mapV2Study(fixtureJson('v2-study.json'), prov);
    expect(StudySchema.parse(s)).toBeTruthy();
    expect(s.nctId).toBe('NCT09000001');
    expect(s.orgStudyId).toBe('FIX-MSC-001');
    expect(s.secondaryIds).toEqual([
      { id: '2099-000111-22', type: 'EUDRACT_NUMBER', domain: null, registry: 'euctr' },
    ]);
    expect(s.acronym).toBe('FIXMSC');
    expect(s.overallStatus).toBe('RECRUITING');
    expect(s.startDate).toEqual({ value: '2022-03-14', precision: 'day', type: 'ACTUAL' });
    expect(s.primaryCompletionDate).toEqual({ value: '2024-12', precision: 'month', type: 'ESTIMATED' });
    expect(s.completionDate).toEqual({ value: '2025', precision: 'year', type: 'ESTIMATED' });
    expect(s.statusVerifiedDate).toEqual({ value: '2023-05', precision: 'month', type: null });
    expect(s.firstSubmittedDate?.value).toBe('2022-01-05');
    expect(s.leadSponsor).toEqual({ name: 'Fixture University Hospital', class: 'OTHER' });
    expect(s.collaborators).toEqual([{ name: 'Fixture Cell Therapeutics Inc.', class: 'INDUSTRY' }]);
    expect(s.conditions).toEqual(['Knee Osteoarthritis']);
    expect(s.keywords).toEqual(['MSC', 'cartilage']);
    expect(s.conditionMesh.meshes).toEqual([{ id: 'D000010003', term: 'Osteoarthritis' }]);
    expect(s.conditionMesh.browseLeaves[0]).toEqual({
      id: 'M12345',
      name: 'Osteoarthritis',
      asFound: 'Osteoarthritis',
      relevance: 'HIGH',
    });
    expect(s.interventionMesh.meshes).toEqual([]);
    expect(s.phases).toEqual(['PHASE1', 'PHASE2']);
    expect(s.allocation).toBe('RANDOMIZED');
    expect(s.interventionModel).toBe('PARALLEL');
    expect(s.masking).toBe('DOUBLE');
    expect(s.enrollment).toEqual({ count: 40, type: 'ESTIMATED' });
    expect(s.arms[1]).toEqual({
      label: 'Saline',
      type: 'PLACEBO_COMPARATOR',
      description: null,
      interventionNames: ['Other: Saline'],
    });
    expect(s.interventions[0]).toEqual({
      type: 'BIOLOGICAL',
      name: 'UC-MSC',
      description: '10 million cells',
      otherNames: ['FixCel'],
      armGroupLabels: ['UC-MSC'],
    });
    expect(s.primaryOutcomes).toEqual([
      { measure: 'WOMAC score', description: 'Pain and function', timeFrame: '12 months' },
    ]);
    expect(s.secondaryOutcomes[0]!.description).toBeNull();
    expect(s.eligibility).toEqual({
      criteria: 'Inclusion Criteria:\n\n* Knee OA',
      sex: 'ALL',
      minimumAge: '40 Years',
      maximumAge: '75 Years',
      stdAges: ['ADULT', 'OLDER_ADULT'],
      healthyVolunteers: false,
    });
    expect(s.locations[0]).toEqual({
      facility: 'Fixture Hospital',
      city: 'Lyon',
      state: null,
      country: 'France',
      geoPoint: { lat: 45.75, lon: 4.85 },
    });
    expect(s.locations[1]!.geoPoint).toBeNull();
    expect(s.references).toEqual([
      { pmid: '12345678', type: 'BACKGROUND', citation: 'Doe J. Fixture paper. 2020.' },
    ]);
    expect(s.hasResults).toBe(false);
    expect(s.provenance).toEqual(prov);
  });

  it('names the v2 field of bad values', () => {
    const s = fixtureJson('v2-study.json');
    (s.protocolSection as { designModule: { enrollmentInfo: unknown } }).designModule.enrollmentInfo = {
      count: 'forty',
    };
    expect(() => mapV2Study(s, prov)).toThrow(/field "protocolSection\.designModule\.enrollmentInfo\.count"/);
    const t = withId('NCT09000001');
    (t.protocolSection as { statusModule: { startDateStruct: unknown } }).statusModule.startDateStruct = {
      date: 'sometime',
    };
    expect(() => mapV2Study(t, prov)).toThrow(InputError);
    expect(() => mapV2Study(t, prov)).toThrow(/startDateStruct\.date.*not a date/);
  });

  it('names the type field of a bad date type', () => {
    const s = fixtureJson('v2-study.json');
    (s.protocolSection as { statusModule: { startDateStruct: unknown } }).statusModule.startDateStruct = {
      date: '2022-03',
      type: 'GUESSED',
    };
    expect(() => mapV2Study(s, prov)).toThrow(
      /field "protocolSection\.statusModule\.startDateStruct\.type": unknown date type/,
    );
  });

  it('rejects a record without an NCT id, naming the field', () => {
    const s = fixtureJson('v2-study.json');
    delete (s.protocolSection as { identificationModule: Record<string, unknown> }).identificationModule
      .nctId;
    expect(() => mapV2Study(s, prov)).toThrow(/protocolSection\.identificationModule\.nctId.*no NCT id/);
  });
});

describe('v2 JSON files', () => {
  it('reads a single study and keeps unknown fields in raw', async () => {
    const recs = await readAll(fixture('v2-study.json'));
    expect(recs).toHaveLength(1);
    expect(recs[0]!.study.provenance).toMatchObject({
      format: 'ctgov-v2-json',
      file: fixture('v2-study.json'),
      record: 1,
      fetchedAt: FETCHED_AT,
    });
    expect((recs[0]!.raw as { someFutureField: unknown }).someFutureField).toEqual({ kept: true });
  });

  it('reads a page {studies, nextPageToken}', async () => {
    const page = { studies: [withId('NCT09000101'), withId('NCT09000102')], nextPageToken: 'abc' };
    const recs = await readAll(tmpFile(JSON.stringify(page)));
    expect(recs.map((r) => r.study.nctId)).toEqual(['NCT09000101', 'NCT09000102']);
    expect(recs.map((r) => r.study.provenance.record)).toEqual([1, 2]);
  });

  it('reads a website export array', async () => {
    const arr = [withId('NCT09000201'), withId('NCT09000202'), withId('NCT09000203')];
    const recs = await readAll(tmpFile(JSON.stringify(arr, null, 2)));
    expect(recs.map((r) => r.study.nctId)).toEqual(['NCT09000201', 'NCT09000202', 'NCT09000203']);
  });

  it('reads NDJSON of studies, with CRLF and blank lines', async () => {
    const text =
      [withId('NCT09000301'), withId('NCT09000302')].map((s) => JSON.stringify(s)).join('\r\n\r\n') + '\r\n';
    const recs = await readAll(tmpFile(text));
    expect(recs.map((r) => r.study.nctId)).toEqual(['NCT09000301', 'NCT09000302']);
  });

  it('streams a document larger than the sniff window (page and array)', async () => {
    const base = withId('NCT09000000');
    const n = 2600; // ~4 KB each -> > 8 M characters in total
    const ids = Array.from({ length: n }, (_, i) => `NCT${String(9100000 + i).padStart(8, '0')}`);
    const studies = ids.map((id) => {
      const s = structuredClone(base);
      (s.protocolSection as { identificationModule: { nctId: string } }).identificationModule.nctId = id;
      return s;
    });
    const pageText = JSON.stringify({ totalCount: n, studies, nextPageToken: 'x' }, null, 1);
    expect(pageText.length).toBeGreaterThan(8 << 20);
    const fromPage = await readAll(tmpFile(pageText));
    expect(fromPage.map((r) => r.study.nctId)).toEqual(ids);
    const fromArray = await readAll(tmpFile(JSON.stringify(studies, null, 1)));
    expect(fromArray).toHaveLength(n);
    expect(fromArray[n - 1]!.study.nctId).toBe(ids[n - 1]);
    expect(fromArray[n - 1]!.study.provenance.record).toBe(n);
  });

  it('reports a malformed large document as an InputError with a line', async () => {
    const studies = Array.from({ length: 2200 }, () => withId('NCT09000001'));
    const text = JSON.stringify(studies, null, 1);
    const broken = text.slice(0, text.length - 5000) + '}}}' + text.slice(text.length - 5000);
    const e = await readError(tmpFile(broken));
    expect(e.message).toMatch(/malformed JSON/);
    expect(e.location.line).toBeGreaterThan(1);
  });
});
