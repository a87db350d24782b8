/**
 * Readers of the other registries (ICTRP XML/CSV, ANZCTR XML, ChiCTR XML, EUCTR full text, CTIS JSON) on
 * hand-written fixtures (tests/fixtures/registries), bad input per format, and the registration-number
 * patterns. The real samples in ../shared are read in registries-shared.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findRegistrationIds, parseRegistrationId, registryOfIctrpName } from '../../src/model/registries.js';
import type { StudyRecord } from '../../src/model/record.js';
import { StudySchema } from '../../src/model/study.js';
import { detectFormat, readStudies } from '../../src/sources/index.js';
import { readError, tmpFile, zip } from './helpers.js';

const DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'registries');
const fx = (n: string): string => join(DIR, n);

async function read(path: string): Promise<{ recs: StudyRecord[]; warnings: string[] }> {
  const recs: StudyRecord[] = [];
  const warnings: string[] = [];
  for await (const r of readStudies(path, { onWarning: (m) => warnings.push(m) })) recs.push(r);
  for (const r of recs) expect(StudySchema.safeParse(r.study).success).toBe(true);
  return { recs, warnings };
}

const CONTACT = /example\.org|\+86 |\+61 |\+1 000|Fixture Person|Fixture Contact|Fixture Name|Ethics Person/;
const noContacts = (recs: StudyRecord[]): void => {
  for (const r of recs) {
    expect(JSON.stringify(r.raw)).not.toMatch(CONTACT);
    expect(JSON.stringify(r.study)).not.toMatch(CONTACT);
  }
};

describe('registration numbers (rules/registries.json)', () => {
  it.each([
    ['NCT02709343', 'ctgov', 'NCT02709343'],
    ['ACTRN12616000338460', 'anzctr', 'ACTRN12616000338460'],
    ['ACTRN12615001225505p', 'anzctr', 'ACTRN12615001225505'],
    ['ChiCTR2000029990', 'chictr', 'ChiCTR2000029990'],
    ['ChiCTR-TRC-12002345', 'chictr', 'ChiCTR-TRC-12002345'],
    ['EUCTR2020-001162-12-FR', 'euctr', '2020-001162-12'],
    ['2021-002179-21', 'euctr', '2021-002179-21'],
    ['CTIS2023-507385-11-00', 'ctis', '2023-507385-11-00'],
    ['2025-523333-26-00', 'ctis', '2025-523333-26-00'],
    ['IRCT20200316046792N1', 'irct', 'IRCT20200316046792N1'],
    ['JPRN-UMIN000039686', 'jprn', 'JPRN-UMIN000039686'],
    ['JPRN-jRCTs031190227', 'jprn', 'JPRN-jRCTs031190227'],
    ['KCT0005678', 'cris', 'KCT0005678'],
    ['DRKS00021134', 'drks', 'DRKS00021134'],
    ['ISRCTN14966673', 'isrctn', 'ISRCTN14966673'],
    ['NL8490', 'ntr', 'NL8490'],
    ['NL-OMON52345', 'ntr', 'NL-OMON52345'],
    ['TCTR20200321001', 'tctr', 'TCTR20200321001'],
    ['CTRI/2020/05/025123', 'ctri', 'CTRI/2020/05/025123'],
  ])('%s is a %s number (%s)', (text, registry, id) => {
    expect(parseRegistrationId(text)).toEqual({ registry, id });
  });

  it('finds every number in free text, canonical, without reading a JPRN member twice', () => {
    expect(
      findRegistrationIds('ClinicalTrials.gov: NCT 00123456; EudraCT 2019-000123-45, JPRN-UMIN000012345'),
    ).toEqual([
      { registry: 'ctgov', id: 'NCT00123456' },
      { registry: 'euctr', id: '2019-000123-45' },
      { registry: 'jprn', id: 'JPRN-UMIN000012345' },
    ]);
    expect(parseRegistrationId('nil known')).toBeNull();
    expect(parseRegistrationId('NCT123')).toBeNull();
    expect(registryOfIctrpName('German Clinical Trials Register')).toBe('drks');
  });
});

describe('ICTRP exports', () => {
  it('XML: trial id, source register, cleaned text, phases, sizes, bridging, no contacts', async () => {
    expect((await detectFormat(fx('ictrp.xml'))).format).toBe('ictrp-xml');
    const { recs } = await read(fx('ictrp.xml'));
    expect(recs).toHaveLength(2);
    const [c, e] = recs.map((r) => r.study);
    expect(c).toMatchObject({
      nctId: 'ChiCTR2000099901',
      registry: 'chictr',
      trialId: 'ChiCTR2000099901',
      sourceRegister: 'ChiCTR',
      ictrpBridge: 'parent',
      briefTitle: 'Umbilical cord MSCs for knee osteoarthritis (fixture)',
      officialTitle: 'A trial of umbilical cord mesenchymal stem cells in knee osteoarthritis: a fixture',
      overallStatus: 'WITHDRAWN',
      whyStopped: 'Cancelled by the investigator',
      phases: ['PHASE1', 'PHASE2'],
      studyType: 'INTERVENTIONAL',
      enrollment: { count: 100, type: null },
      startDate: { value: '2020-02-17', precision: 'day', type: null },
      firstPostedDate: { value: '2020-02-17', precision: 'day', type: null },
      leadSponsor: { name: 'Fixture Hospital of Testing', class: null },
      secondaryIds: [{ id: 'NCT09999901', type: 'REGISTRY', domain: null, registry: 'ctgov' }],
    });
    expect(c!.interventions).toEqual([
      {
        type: null,
        name: 'intra-articular umbilical cord MSCs',
        description: null,
        otherNames: [],
        armGroupLabels: ['Experimental group'],
      },
    ]);
    expect(c!.eligibility.criteria).toBe(
      'Inclusion criteria:\nKnee pain for 6 months;\nKellgren-Lawrence grade 2-3\n\nExclusion criteria:\nInfection',
    );
    expect(c!.eligibility.minimumAge).toBe('18 Years');
    expect(c!.primaryOutcomes.map((o) => o.measure)).toEqual(['WOMAC score', 'VAS pain']);
    expect(e).toMatchObject({
      trialId: '2019-000123-45',
      registry: 'euctr',
      phases: ['PHASE2', 'PHASE3'],
      studyType: 'INTERVENTIONAL',
      firstPostedDate: { value: '2019-03-05' },
      overallStatus: 'AUTHORISED',
      eligibility: { sex: 'ALL' },
    });
    expect(e!.locations.map((l) => l.country)).toEqual(['Germany', 'Austria']);
    noContacts(recs);
  });

  it('CSV (website field names): same mapping, countries to one vocabulary', async () => {
    expect((await detectFormat(fx('ictrp.csv'))).format).toBe('ictrp-csv');
    const { recs } = await read(fx('ictrp.csv'));
    expect(recs.map((r) => [r.study.registry, r.study.trialId])).toEqual([
      ['ctgov', 'NCT09999902'],
      ['anzctr', 'ACTRN12620099999901'],
    ]);
    const [n, a] = recs.map((r) => r.study);
    expect(n).toMatchObject({
      acronym: 'FIXCROHN',
      phases: ['PHASE2', 'PHASE3'],
      allocation: 'RANDOMIZED',
      interventionModel: 'PARALLEL',
      primaryPurpose: 'TREATMENT',
      startDate: { value: '2020-01-25' },
      firstPostedDate: { value: '2020-01-27' },
      enrollment: { count: 24 },
    });
    expect(n!.interventions.map((i) => [i.type, i.name])).toEqual([
      ['BIOLOGICAL', 'adipose-derived MSCs'],
      ['DRUG', 'placebo'],
    ]);
    expect(n!.locations.map((l) => l.country)).toEqual(['Spain', 'Iran, Islamic Republic of']);
    expect(n!.eligibility.criteria).toBe('Inclusion Criteria:\n\nPerianal fistula');
    expect(a).toMatchObject({
      enrollment: { count: 1200 },
      phases: ['PHASE1', 'PHASE2'],
      startDate: { value: '2020-03-05' },
    });
    expect(a!.eligibility).toMatchObject({ minimumAge: '2 Years', maximumAge: '12 Years', sex: 'ALL' });
    noContacts(recs);
  });
});

describe('ANZCTR XML', () => {
  it('ANZCTR_Trial: D/MM/YYYY dates, free-text interventions, secondary ids from free text', async () => {
    const { recs } = await read(fx('anzctr.xml'));
    const s = recs[0]!.study;
    expect(s).toMatchObject({
      nctId: 'ACTRN12616099999901',
      registry: 'anzctr',
      sourceRegister: null,
      acronym: 'FIX-MSC',
      firstSubmittedDate: { value: '2016-03-07' },
      firstPostedDate: { value: '2016-03-16' },
      startDate: { value: '2017-04-01', type: 'ESTIMATED' },
      enrollment: { count: 82, type: 'ESTIMATED' },
      phases: ['PHASE2'],
      overallStatus: 'ACTIVE_NOT_RECRUITING',
      allocation: 'RANDOMIZED',
      leadSponsor: { name: 'University of Fixtures', class: 'OTHER' },
      collaborators: [{ name: 'Fixture Cells Pty Ltd', class: 'INDUSTRY' }],
      secondaryIds: [{ id: 'NCT09999903', type: 'REGISTRY', domain: null, registry: 'ctgov' }],
      eligibility: { minimumAge: '18 Years', maximumAge: null, sex: 'ALL', healthyVolunteers: false },
    });
    expect(s.interventions[0]).toMatchObject({ type: 'OTHER', armGroupLabels: [] });
    expect(s.interventions[0]!.description).toMatch(/bone marrow derived mesenchymal stromal cells/);
    expect(s.interventions[1]!.name).toBe('Placebo infusion of Plasmalyte.');
    expect(s.locations.map((l) => [l.facility, l.country])).toEqual([
      ['Fixture Hospital - Brisbane', 'Australia'],
      [null, 'New Zealand'],
    ]);
    noContacts(recs);
  });

  it('CT.GOV_Trial: a ClinicalTrials.gov registration as ANZCTR shows it', async () => {
    const { recs } = await read(fx('anzctr-ctgov.xml'));
    expect(recs[0]!.study).toMatchObject({
      nctId: 'NCT09999904',
      registry: 'ctgov',
      sourceRegister: 'ANZCTR',
      phases: ['PHASE1', 'PHASE2'],
      overallStatus: 'TERMINATED',
      enrollment: { count: 45, type: 'ACTUAL' },
      startDate: { value: '2012-11-03', type: 'ACTUAL' },
      interventions: [{ type: 'DRUG', name: 'Treatment: drugs - FIX225' }],
    });
  });

  it('a zip of ANZCTR files mixed with other formats', async () => {
    const z = tmpFile(
      zip({
        'a.xml': readFileSync(fx('anzctr.xml')),
        'b.xml': readFileSync(fx('anzctr-ctgov.xml')),
        'c.json': readFileSync(fx('ctis.json')),
      }),
    );
    const { recs } = await read(z);
    expect(recs.map((r) => r.study.registry)).toEqual(['anzctr', 'ctgov', 'ctis']);
  });
});

describe('ChiCTR XML', () => {
  it('per-trial download: summed target size, interventions, secondary ids; contacts dropped', async () => {
    const { recs } = await read(fx('chictr.xml'));
    expect(recs[0]!.study).toMatchObject({
      trialId: 'ChiCTR2000099902',
      registry: 'chictr',
      enrollment: { count: 42 },
      phases: ['NA'],
      overallStatus: 'COMPLETED',
      conditions: ['Fixture pneumonia'],
      secondaryIds: [{ id: 'ACTRN12620099999902', registry: 'anzctr' }],
      eligibility: { minimumAge: '18 Years', maximumAge: '70 Years', sex: 'ALL' },
    });
    expect(recs[0]!.study.interventions.map((i) => [i.name, i.armGroupLabels])).toEqual([
      ['nebulised MSC exosomes', ['Exosome group']],
      ['standard care', ['Control group']],
    ]);
    noContacts(recs);
  });
});

describe('EUCTR full-text download', () => {
  it('folds member-state blocks into one trial; a damaged block is reported with its position and skipped', async () => {
    expect((await detectFormat(fx('euctr.txt'))).format).toBe('euctr-text');
    const { recs, warnings } = await read(fx('euctr.txt'));
    expect(recs.map((r) => r.study.trialId)).toEqual(['2019-000123-45', '2018-000999-11']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /euctr\.txt: record 2 \(line \d+, EudraCT 2019-000123-45, France\): field A\.7 .* is not Yes\/No; block skipped/,
    );
    const s = recs[0]!.study;
    expect(s).toMatchObject({
      registry: 'euctr',
      officialTitle: 'Mesenchymal stromal cells in fixture liver cirrhosis',
      briefTitle: 'Stem cells for the fixture liver disease',
      acronym: 'LIVFIX',
      orgStudyId: 'FIX-01',
      phases: ['PHASE1', 'PHASE2'],
      overallStatus: 'ONGOING',
      enrollment: { count: 40, type: 'ESTIMATED' },
      leadSponsor: { name: 'Fixture Cells SA', class: 'INDUSTRY' },
      secondaryIds: [{ id: 'NCT09999905', registry: 'ctgov' }],
      firstPostedDate: { value: '2019-01-10' },
      eligibility: { sex: 'ALL', stdAges: ['ADULT'], healthyVolunteers: false },
    });
    expect(s.briefSummary).toBe('To test safety of\nrepeated infusions.');
    expect(s.locations.map((l) => l.country)).toEqual(['Spain', 'Italy']);
    expect(s.interventions).toEqual([
      {
        type: 'BIOLOGICAL',
        name: 'FixCel',
        description: 'Pharmaceutical form: Suspension for injection. Route: Intravenous use',
        otherNames: ['allogeneic bone marrow mesenchymal stromal cells'],
        armGroupLabels: [],
      },
    ]);
    noContacts(recs);
    expect(JSON.stringify(recs[0]!.raw)).not.toMatch(/B\.5/);
  });
});

describe('CTIS retrieve JSON', () => {
  it('maps the authorised part I', async () => {
    const { recs } = await read(fx('ctis.json'));
    expect(recs[0]!.study).toMatchObject({
      trialId: '2024-512345-12-00',
      registry: 'ctis',
      overallStatus: 'RECRUITING',
      phases: ['PHASE2', 'PHASE3'],
      enrollment: { count: 30, type: null },
      conditions: ['Knee osteoarthritis'],
      leadSponsor: { name: 'Fixture Biotech', class: 'INDUSTRY' },
      officialTitle: 'Allogeneic MSCs in knee osteoarthritis (fixture)',
      lastUpdatePostedDate: { value: '2024-08-08' },
      primaryOutcomes: [{ measure: 'WOMAC pain at 12 months' }],
    });
  });
});

describe('bad input: one clear line naming file and record', () => {
  const xml = readFileSync(fx('ictrp.xml'), 'utf8');
  it.each([
    [
      'ICTRP XML, a date that is no date in record 2',
      xml.replace('<Date_registration>05/03/2019', '<Date_registration>sometime in 2019'),
      /: record 2 \(line \d+\), field "Date_registration": not a date: "sometime in 2019"/,
    ],
    [
      'ICTRP XML, unclosed element',
      xml.replace('</Trial>\n  <Trial>', '\n  <Trial>'),
      /: record \d \(line \d+\): malformed XML/,
    ],
    [
      'ICTRP CSV, a trial id no registry issues',
      readFileSync(fx('ictrp.csv'), 'utf8').replace('ACTRN12620099999901', 'XYZ-42'),
      /: record 2 \(line \d+\), field "TrialID": "XYZ-42" is not a registration number of a known registry/,
    ],
    [
      'ANZCTR, no trial id',
      readFileSync(fx('anzctr.xml'), 'utf8').replace('ACTRN12616099999901p', ''),
      /: record 1, field "actrnumber": record has no trial id/,
    ],
    [
      'ChiCTR, a target size of the wrong form is kept out, a bad date is not',
      readFileSync(fx('chictr.xml'), 'utf8').replace('2020-07-02', '32/13/2020'),
      /: record 1 \(line \d+\), field "main\.date_registration": invalid month/,
    ],
    [
      'CTIS, a ctNumber that is none',
      readFileSync(fx('ctis.json'), 'utf8').replace('2024-512345-12-00', '2024-X'),
      /: record 1, field "ctNumber": "2024-X" is not a registration number/,
    ],
    [
      'EUCTR, no trial block at all',
      'Summary\nEudraCT Number: none\n',
      /record 1 .* is not a EudraCT number|no loadable trial/,
    ],
    ['unknown XML', '<?xml version="1.0"?><clinical_study/>', /XML with root <clinical_study>/],
  ])('%s', async (_what, content, message) => {
    const e = await readError(tmpFile(content));
    expect(e.message).toMatch(message);
    expect(e.message.split('\n')).toHaveLength(1);
  });
});
