/**
 * Every enumerated value the real files hold must be known to a vocabulary table (not merely kept by the
 * upper-snake fallback): a new registry label shows up here as a test failure listing it.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Study } from '../../src/model/study.js';
import * as V from '../../src/model/vocab.js';
import { CLASSIC_CSV, CLASSIC_NDJSON, V2_SAMPLES, describeShared } from '../helpers/shared.js';
import { readAll } from './helpers.js';

const known = (t: V.VocabTable): Set<string> => new Set(Object.values(t));

const FIELDS: [string, V.VocabTable, (s: Study) => (string | null)[]][] = [
  ['overallStatus', V.OVERALL_STATUS, (s) => [s.overallStatus, s.lastKnownStatus]],
  ['phases', V.PHASE, (s) => s.phases],
  ['studyType', V.STUDY_TYPE, (s) => [s.studyType]],
  [
    'agency class',
    V.AGENCY_CLASS,
    (s) => [s.leadSponsor?.class ?? null, ...s.collaborators.map((c) => c.class)],
  ],
  ['allocation', V.ALLOCATION, (s) => [s.allocation]],
  ['interventionModel', V.INTERVENTION_MODEL, (s) => [s.interventionModel]],
  ['observationalModel', V.OBSERVATIONAL_MODEL, (s) => [s.observationalModel]],
  ['masking', V.MASKING, (s) => [s.masking]],
  ['primaryPurpose', V.PRIMARY_PURPOSE, (s) => [s.primaryPurpose]],
  ['sex', V.SEX, (s) => [s.eligibility.sex]],
  ['stdAges', V.STD_AGE, (s) => s.eligibility.stdAges],
  ['intervention type', V.INTERVENTION_TYPE, (s) => s.interventions.map((i) => i.type)],
  ['arm type', V.ARM_GROUP_TYPE, (s) => s.arms.map((a) => a.type)],
  ['reference type', V.REFERENCE_TYPE, (s) => s.references.map((r) => r.type)],
  ['secondary id type', V.SECONDARY_ID_TYPE, (s) => s.secondaryIds.map((x) => x.type)],
  [
    'mesh relevance',
    V.CONDITION_RELEVANCE,
    (s) => [...s.conditionMesh.browseLeaves, ...s.interventionMesh.browseLeaves].map((l) => l.relevance),
  ],
];

describeShared('vocabulary covers the real files', () => {
  it('no enumerated value is left unmapped', async () => {
    const files = [CLASSIC_NDJSON, CLASSIC_CSV, ...readdirSync(V2_SAMPLES).map((f) => join(V2_SAMPLES, f))];
    const unmapped = new Set<string>();
    let checked = 0;
    for (const f of files) {
      for (const { study } of await readAll(f)) {
        for (const [name, table, get] of FIELDS) {
          const ok = known(table);
          for (const v of get(study)) {
            if (v === null) continue;
            checked++;
            if (!ok.has(v)) unmapped.add(`${name}: ${v}`);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000);
    expect([...unmapped].sort()).toEqual([]);
  }, 120_000);
});
