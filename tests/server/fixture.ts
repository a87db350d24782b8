/**
 * A small hand-made database for the server tests: 8 studies (written here, not copied from the registry)
 * with labels and evidence spans, ingested through the store API.
 */
import { emptyStudy, type Study } from '../../src/model/study.js';
import type { Labels } from '../../src/model/labels.js';
import type { StudyRecord } from '../../src/model/record.js';
import { openStore } from '../../src/store/index.js';

const prov = {
  format: 'ctgov-v2-json' as const,
  file: 'fixture.json',
  record: 1,
  fetchedAt: '2024-01-01T00:00:00Z',
  registryVersion: null,
};

interface Spec {
  n: number;
  title: string;
  summary: string;
  phases: string[];
  status: string;
  countries: string[];
  enrollment: number | null;
  posted: string;
  labels: Omit<
    Labels,
    | 'nctId'
    | 'rulesetVersion'
    | 'evidence'
    | 'included'
    | 'screeningReason'
    | 'modifications'
    | 'biomaterial'
    | 'product'
    | 'dose'
    | 'covid19'
  > & {
    covid19?: boolean;
    quote?: { word: string; label: string; value: string; rule: string };
  };
}

export const nct = (n: number): string => `NCT${String(n).padStart(8, '0')}`;

const SPECS: Spec[] = [
  {
    n: 1001,
    title: 'Umbilical cord MSC for knee osteoarthritis',
    summary: 'Intra-articular injection of umbilical cord mesenchymal stromal cells in knee osteoarthritis.',
    phases: ['PHASE1', 'PHASE2'],
    status: 'COMPLETED',
    countries: ['China'],
    enrollment: 40,
    posted: '2018-03-01',
    labels: {
      category: 'msc_cells',
      sources: ['umbilical_cord'],
      donor: 'allogeneic',
      routes: ['intra_articular'],
      specialty: 'musculoskeletal',
      quote: {
        word: 'umbilical cord',
        label: 'sources',
        value: 'umbilical_cord',
        rule: 'source.umbilical_cord.cord',
      },
    },
  },
  {
    n: 1002,
    title: 'Bone marrow MSC in ARDS',
    summary: 'Intravenous infusion of bone marrow derived mesenchymal stem cells for COVID-19 ARDS.',
    phases: ['PHASE2'],
    status: 'RECRUITING',
    countries: ['United States', 'Spain'],
    enrollment: 120,
    posted: '2020-05-10',
    labels: {
      category: 'msc_cells',
      sources: ['bone_marrow'],
      donor: 'allogeneic',
      routes: ['intravenous'],
      specialty: 'pneumology',
      covid19: true,
      quote: { word: 'bone marrow', label: 'sources', value: 'bone_marrow', rule: 'source.bone_marrow.bm' },
    },
  },
  {
    n: 1003,
    title: 'Adipose stromal cells for Crohn fistula',
    summary: 'Local injection of adipose derived stromal cells in perianal fistula.',
    phases: ['PHASE3'],
    status: 'COMPLETED',
    countries: ['Spain', 'Italy'],
    enrollment: 212,
    posted: '2015-07-20',
    labels: {
      category: 'msc_cells',
      sources: ['adipose'],
      donor: 'allogeneic',
      routes: ['local_injection'],
      specialty: 'gastroenterology',
      quote: { word: 'adipose', label: 'sources', value: 'adipose', rule: 'source.adipose.adipose' },
    },
  },
  {
    n: 1004,
    title: 'Exosomes from MSC for lung injury',
    summary: 'Inhaled exosomes derived from mesenchymal stem cells.',
    phases: ['PHASE1'],
    status: 'NOT_YET_RECRUITING',
    countries: ['China'],
    enrollment: 24,
    posted: '2021-02-02',
    labels: {
      category: 'msc_derived',
      sources: [],
      donor: 'unspecified',
      routes: ['inhalation'],
      specialty: 'pneumology',
      covid19: true,
      quote: { word: 'exosomes', label: 'category', value: 'msc_derived', rule: 'category.derived.exosome' },
    },
  },
  {
    n: 1005,
    title: 'Autologous bone marrow cells in heart failure',
    summary: 'Intramyocardial injection of autologous bone marrow mesenchymal cells.',
    phases: ['PHASE2'],
    status: 'TERMINATED',
    countries: ['Korea, Republic of'],
    enrollment: null,
    posted: '2012-11-30',
    labels: {
      category: 'msc_cells',
      sources: ['bone_marrow'],
      donor: 'autologous',
      routes: ['intramyocardial'],
      specialty: 'cardiovascular',
      quote: { word: 'autologous', label: 'donor', value: 'autologous', rule: 'donor.autologous' },
    },
  },
  {
    n: 1006,
    title: 'Hematopoietic transplant registry',
    summary: 'Observational registry of hematopoietic stem cell transplantation.',
    phases: [],
    status: 'COMPLETED',
    countries: [],
    enrollment: 500,
    posted: '2010-01-15',
    labels: {
      category: 'unrelated',
      sources: [],
      donor: 'unspecified',
      routes: [],
      specialty: 'hematology_transplant',
    },
  },
  {
    n: 1007,
    title: "Robert'); DROP TABLE studies; -- cord blood cells",
    summary: 'Cord blood derived cells in cerebral palsy.',
    phases: ['PHASE1'],
    status: 'COMPLETED',
    countries: ['United States'],
    enrollment: 30,
    posted: '2016-06-06',
    labels: {
      category: 'msc_cells',
      sources: ['cord_blood'],
      donor: 'allogeneic',
      routes: ['intravenous'],
      specialty: 'neurology',
      quote: { word: 'Cord blood', label: 'sources', value: 'cord_blood', rule: 'source.cord_blood.cb' },
    },
  },
  {
    n: 1008,
    title: '=HYPERLINK("x") Unlabelled study',
    summary: 'A study the classifier has not labelled.',
    phases: ['NA'],
    status: 'WITHDRAWN',
    countries: ['Iran, Islamic Republic of'],
    enrollment: 0,
    posted: '2022-09-09',
    labels: null as unknown as Spec['labels'],
  },
];

export const FIXTURE_COUNT = SPECS.length;

export function fixtureStudies(): Study[] {
  return SPECS.map((s) => ({
    ...emptyStudy(nct(s.n), prov),
    briefTitle: s.title,
    briefSummary: s.summary,
    phases: s.phases,
    overallStatus: s.status,
    studyType: s.phases.length ? 'INTERVENTIONAL' : 'OBSERVATIONAL',
    enrollment: { count: s.enrollment, type: s.enrollment === null ? null : 'ACTUAL' },
    firstPostedDate: { value: s.posted, precision: 'day', type: 'ACTUAL' },
    startDate: { value: s.posted.slice(0, 7), precision: 'month', type: 'ACTUAL' },
    conditions: [s.title.split(' for ')[1] ?? 'condition'],
    locations: s.countries.map((country) => ({
      facility: null,
      city: null,
      state: null,
      country,
      geoPoint: null,
    })),
    references:
      s.n === 1003
        ? [{ pmid: '12345678', type: 'RESULT', citation: 'A hand-written citation for the fixture.' }]
        : [],
  }));
}

export function fixtureLabels(version = 'test-1'): Labels[] {
  return SPECS.filter((s) => s.labels).map((s) => {
    const { quote, covid19, ...l } = s.labels;
    const evidence = [];
    if (quote) {
      const start = s.summary.toLowerCase().indexOf(quote.word.toLowerCase());
      if (start < 0) throw new Error(`fixture quote "${quote.word}" not in summary of ${s.n}`);
      evidence.push({
        label: quote.label,
        value: quote.value,
        field: 'briefSummary',
        start,
        end: start + quote.word.length,
        text: s.summary.slice(start, start + quote.word.length),
        rule: quote.rule,
      });
    }
    const included = l.category !== 'unrelated' && l.category !== 'ex_vivo_only';
    return {
      ...l,
      nctId: nct(s.n),
      rulesetVersion: version,
      included,
      screeningReason: included
        ? (`include.${l.category}` as Labels['screeningReason'])
        : 'exclude.no_msc_mention',
      modifications: [],
      biomaterial: false,
      covid19: covid19 ?? false,
      product: null,
      dose: null,
      evidence,
    };
  });
}

async function* records(studies: Study[]): AsyncGenerator<StudyRecord> {
  for (const study of studies) yield { study, raw: { nct: study.nctId } };
}

/** Create the fixture database at `path`: snapshot 1 labelled "fixture", plus snapshot 2 ("small", 3 studies, no labels). */
export async function createFixtureDb(path: string): Promise<void> {
  const store = await openStore(path);
  try {
    const snap = await store.createSnapshot(
      { label: 'fixture', sources: ['fixture.json'], kind: 'ingest' },
      records(fixtureStudies()),
    );
    await store.saveLabels(snap.id, 'test-1', fixtureLabels());
    await store.createSnapshot(
      { label: 'small', sources: ['small.json'], kind: 'ingest' },
      records(fixtureStudies().slice(0, 3)),
    );
  } finally {
    await store.close();
  }
}
