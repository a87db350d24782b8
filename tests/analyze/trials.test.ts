/**
 * One trial, many registrations (src/analyze/trials) on hand-written registrations: explicit links, probable
 * links with evidence, same-sponsor look-alike trials kept apart, one registration per registry per trial,
 * nothing lost, the field sources stated, and blocking that never compares registrations sharing only
 * common words.
 */
import { describe, expect, it } from 'vitest';
import {
  candidatePairs,
  groupTrials,
  MAX_POSTING,
  profile,
  trialOf,
} from '../../src/analyze/trials/index.js';
import { emptyStudy, type Study } from '../../src/model/study.js';

const PROV = {
  format: 'ctgov-v2-json',
  file: 'fixture',
  record: 1,
  fetchedAt: '2026-01-01T00:00:00Z',
  registryVersion: null,
} as const;

interface Spec {
  id: string;
  registry: string;
  title: string;
  official?: string;
  acronym?: string;
  sponsor?: string;
  n?: number;
  start?: string;
  phases?: string[];
  conditions?: string[];
  interventions?: string[];
  countries?: string[];
  names?: { id: string; registry: string }[];
  allocation?: string;
}

function study(x: Spec): Study {
  const s = emptyStudy(x.id, { ...PROV }, x.registry);
  s.briefTitle = x.title;
  s.officialTitle = x.official ?? null;
  s.acronym = x.acronym ?? null;
  s.leadSponsor = x.sponsor ? { name: x.sponsor, class: null } : null;
  s.enrollment = { count: x.n ?? null, type: null };
  s.startDate = x.start ? { value: x.start, precision: 'day', type: null } : null;
  s.firstPostedDate = s.startDate;
  s.phases = x.phases ?? [];
  s.allocation = x.allocation ?? null;
  s.conditions = x.conditions ?? [];
  s.interventions = (x.interventions ?? []).map((name) => ({
    type: null,
    name,
    description: null,
    otherNames: [],
    armGroupLabels: [],
  }));
  s.locations = (x.countries ?? []).map((country) => ({
    facility: null,
    city: null,
    state: null,
    country,
    geoPoint: null,
  }));
  s.secondaryIds = (x.names ?? []).map((n) => ({ id: n.id, type: null, domain: null, registry: n.registry }));
  return s;
}

const CLAD = {
  title: 'Bone marrow derived mesenchymal stromal cells for new onset chronic lung allograft dysfunction',
  sponsor: 'University of Queensland',
  n: 82,
  phases: ['PHASE2'],
  conditions: ['Chronic lung allograft dysfunction'],
  interventions: ['allogeneic bone marrow mesenchymal stromal cells'],
  countries: ['Australia'],
};

describe('groupTrials', () => {
  it('merges a dual registration that neither record cites, with its evidence and field sources', () => {
    const a = study({
      id: 'ACTRN12616099999901',
      registry: 'anzctr',
      acronym: 'ASSIST CLAD',
      start: '2017-04-01',
      ...CLAD,
    });
    const b = study({
      id: 'NCT09999901',
      registry: 'ctgov',
      acronym: 'ASSIST-CLAD',
      start: '2017-04-21',
      ...CLAD,
      title:
        'Trial of Bone-marrow Derived Mesenchymal Stromal Cells (MSC) for New Onset Chronic Lung Allograft Dysfunction',
      sponsor: 'The University of Queensland',
    });
    const g = groupTrials([a, b]);
    expect(g.trials).toHaveLength(1);
    const t = g.trials[0]!;
    expect(t.id).toBe('NCT09999901'); // ClinicalTrials.gov supplies the fields
    expect(t.registrations).toEqual([
      { registry: 'ctgov', trialId: 'NCT09999901' },
      { registry: 'anzctr', trialId: 'ACTRN12616099999901' },
    ]);
    expect(t.links[0]).toMatchObject({ kind: 'probable' });
    expect(t.links[0]!.score).toBeGreaterThanOrEqual(0.62);
    expect(t.links[0]!.evidence.join(' ')).toMatch(/same acronym "assistclad"/);
    expect(t.fieldsFrom.briefTitle).toBe('NCT09999901');
  });

  it('an explicit link merges whatever the texts say, and is stated as such', () => {
    const a = study({
      id: 'NCT09999902',
      registry: 'ctgov',
      title: 'Alpha study of something',
      names: [{ id: '2019-000123-45', registry: 'euctr' }],
    });
    const b = study({ id: '2019-000123-45', registry: 'euctr', title: 'Ein ganz anderer Titel' });
    const g = groupTrials([a, b]);
    expect(g.trials).toHaveLength(1);
    expect(g.trials[0]!.links).toEqual([
      {
        a: 'NCT09999902',
        b: '2019-000123-45',
        kind: 'explicit',
        score: 1,
        evidence: ['NCT09999902 names 2019-000123-45 as a secondary id'],
      },
    ]);
  });

  it('keeps apart trials of one sponsor with the same design: other product code, extension vs parent', () => {
    const base = {
      sponsor: 'Fixture Pharma',
      n: 150,
      start: '2014-06-01',
      phases: ['PHASE2'],
      conditions: ['Chronic hepatitis B'],
      countries: ['Australia'],
    };
    const g = groupTrials([
      study({
        id: 'ACTRN12614099999901',
        registry: 'anzctr',
        title: 'Randomised double-blind study of FX-9620 for virally suppressed chronic hepatitis B',
        ...base,
      }),
      study({
        id: 'NCT09999903',
        registry: 'ctgov',
        title: 'Randomised double-blind study of FX-4774 for virally suppressed chronic hepatitis B',
        ...base,
      }),
      study({
        id: '2014-000999-11',
        registry: 'euctr',
        title: 'Open-label extension study of FX-9620 for virally suppressed chronic hepatitis B',
        ...base,
      }),
    ]);
    expect(g.trials).toHaveLength(3);
    const evidence = g.review.flatMap((l) => l.evidence).join(' ');
    if (g.review.length > 0) expect(evidence).toMatch(/different codes|extension/);
  });

  it('one registration per registry per trial: look-alikes in one registry never chain into one trial', () => {
    const common = { ...CLAD, start: '2017-04-01', acronym: 'ASSIST CLAD' };
    const g = groupTrials([
      study({ id: 'NCT09999904', registry: 'ctgov', ...common }),
      study({ id: 'ACTRN12616099999902', registry: 'anzctr', ...common }),
      study({ id: 'ACTRN12616099999903', registry: 'anzctr', ...common }),
    ]);
    expect(g.trials).toHaveLength(2);
    expect(g.review.some((l) => l.evidence.some((e) => /same registry/.test(e)))).toBe(true);
    // nothing is lost: every registration is in exactly one trial
    expect(g.trials.flatMap((t) => t.registrations.map((r) => r.trialId)).sort()).toEqual([
      'ACTRN12616099999902',
      'ACTRN12616099999903',
      'NCT09999904',
    ]);
    expect(trialOf(g).size).toBe(3);
  });

  it('two registrations of one registry naming each other are listed for review, not merged', () => {
    const g = groupTrials([
      study({
        id: 'ACTRN12613000522718',
        registry: 'anzctr',
        title: 'Part A',
        names: [{ id: 'ACTRN12613000533796', registry: 'anzctr' }],
      }),
      study({ id: 'ACTRN12613000533796', registry: 'anzctr', title: 'Part B' }),
    ]);
    expect(g.trials).toHaveLength(2);
    expect(g.review[0]!.evidence[0]).toMatch(/same registry: related, not merged/);
  });

  it('blocking: registrations sharing only words held by many records are never compared', () => {
    const many = Array.from({ length: MAX_POSTING + 5 }, (_x, i) =>
      study({
        id: `NCT0${String(9000000 + i)}`,
        registry: i % 2 ? 'ctgov' : 'chictr',
        title: 'mesenchymal stem cells covid pneumonia',
      }),
    ).map((s, i) =>
      i % 2
        ? s
        : { ...s, nctId: `ChiCTR20000${String(90000 + i)}`, trialId: `ChiCTR20000${String(90000 + i)}` },
    );
    expect(candidatePairs(many.map(profile))).toEqual([]);
  });
});
