/** Hand-written fixture studies for the classifier tests. */
import type { Arm, Intervention, Study } from '../../src/model/study.js';
import { emptyStudy } from '../../src/model/study.js';

export interface Fixture {
  nct?: string;
  title?: string;
  officialTitle?: string;
  summary?: string;
  description?: string;
  conditions?: string[];
  keywords?: string[];
  studyType?: string;
  interventions?: Array<Partial<Intervention> & { name: string }>;
  arms?: Array<Partial<Arm> & { label: string }>;
  eligibility?: string;
  /** Primary outcome measures (measure text only). */
  outcomes?: string[];
  meshes?: string[];
  ancestors?: string[];
  stdAges?: string[];
  /** The eligibility's maximum age as written ("6 Months"); none by default. */
  maxAge?: string;
  /** The lead sponsor's name (an organisation). */
  sponsor?: string;
}

let n = 0;
export function makeStudy(f: Fixture): Study {
  const s = emptyStudy(f.nct ?? `NCT9${String(++n).padStart(7, '0')}`, {
    format: 'ctgov-v2-json',
    file: 'fixture',
    record: null,
    fetchedAt: '2026-01-01T00:00:00Z',
    registryVersion: null,
  });
  s.briefTitle = f.title ?? null;
  s.officialTitle = f.officialTitle ?? null;
  s.briefSummary = f.summary ?? null;
  s.detailedDescription = f.description ?? null;
  s.conditions = f.conditions ?? [];
  s.keywords = f.keywords ?? [];
  s.studyType = f.studyType ?? 'INTERVENTIONAL';
  s.interventions = (f.interventions ?? []).map((i) => ({
    type: 'BIOLOGICAL',
    description: null,
    otherNames: [],
    armGroupLabels: [],
    ...i,
  }));
  s.arms = (f.arms ?? []).map((a) => ({
    type: 'EXPERIMENTAL',
    description: null,
    interventionNames: [],
    ...a,
  }));
  s.eligibility.criteria = f.eligibility ?? null;
  s.primaryOutcomes = (f.outcomes ?? []).map((measure) => ({ measure, description: null, timeFrame: null }));
  s.eligibility.stdAges = f.stdAges ?? ['ADULT'];
  s.eligibility.maximumAge = f.maxAge ?? null;
  s.leadSponsor = f.sponsor ? { name: f.sponsor, class: 'INDUSTRY' } : null;
  s.conditionMesh.meshes = (f.meshes ?? []).map((term) => ({ id: null, term }));
  s.conditionMesh.ancestors = (f.ancestors ?? []).map((term) => ({ id: null, term }));
  return s;
}
