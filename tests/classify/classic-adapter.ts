/**
 * Minimal local adapter: classic study-fields record (every field an array) -> Study, for classifier tests only.
 * Used until/unless src/sources/index.ts `readStudies` is available (see corpus.ts).
 */
import { emptyStudy, type Study } from '../../src/model/study.js';

type Rec = Record<string, unknown>;
const arr = (r: Rec, k: string): string[] => (Array.isArray(r[k]) ? (r[k] as unknown[]).map(String) : []);
const one = (r: Rec, k: string): string | null => arr(r, k)[0] ?? null;
const up = (s: string | null): string | null => (s === null ? null : s.toUpperCase().replace(/[\s-]+/g, '_'));

export function classicToStudy(r: Rec, record: number, file = 'studies.ndjson'): Study {
  const nct = one(r, 'NCTId') ?? 'NCT00000000';
  const s = emptyStudy(nct, { format: 'ctgov-classic-fields', file, record, fetchedAt: new Date(0).toISOString(), registryVersion: null });
  s.briefTitle = one(r, 'BriefTitle');
  s.officialTitle = one(r, 'OfficialTitle');
  s.acronym = one(r, 'Acronym');
  s.briefSummary = one(r, 'BriefSummary');
  s.detailedDescription = one(r, 'DetailedDescription');
  s.conditions = arr(r, 'Condition');
  s.keywords = arr(r, 'Keyword');
  s.studyType = up(one(r, 'StudyType'));
  s.primaryPurpose = up(one(r, 'DesignPrimaryPurpose'));
  s.phases = arr(r, 'Phase').map((p) => up(p) ?? p);
  s.conditionMesh = {
    meshes: arr(r, 'ConditionMeshTerm').map((term, i) => ({ id: arr(r, 'ConditionMeshId')[i] ?? null, term })),
    ancestors: arr(r, 'ConditionAncestorTerm').map((term, i) => ({ id: arr(r, 'ConditionAncestorId')[i] ?? null, term })),
    browseLeaves: [],
    browseBranches: arr(r, 'ConditionBrowseBranchName').map((name, i) => ({ abbrev: arr(r, 'ConditionBrowseBranchAbbrev')[i] ?? null, name })),
  };
  const labels = arr(r, 'ArmGroupLabel');
  const types = arr(r, 'ArmGroupType');
  const descs = arr(r, 'ArmGroupDescription');
  const armInts = arr(r, 'ArmGroupInterventionName');
  s.arms = labels.map((label, i) => ({
    label,
    type: up(types[i] ?? null),
    description: descs[i] ?? null,
    interventionNames: (armInts[i] ?? '').split('|').filter(Boolean).map((x) => x.replace(/^[^:]*:\s*/, '')),
  }));
  const inames = arr(r, 'InterventionName');
  const itypes = arr(r, 'InterventionType');
  const idescs = arr(r, 'InterventionDescription');
  const iother = arr(r, 'InterventionOtherName');
  const iarms = arr(r, 'InterventionArmGroupLabel');
  s.interventions = inames.map((name, i) => ({
    type: up(itypes[i] ?? null),
    name,
    description: idescs[i] ?? null,
    otherNames: (iother[i] ?? '').split('|').filter(Boolean),
    armGroupLabels: (iarms[i] ?? '').split('|').filter(Boolean),
  }));
  s.eligibility.criteria = one(r, 'EligibilityCriteria');
  s.primaryOutcomes = arr(r, 'PrimaryOutcomeMeasure').map((measure) => ({ measure, description: null, timeFrame: null }));
  return s;
}
