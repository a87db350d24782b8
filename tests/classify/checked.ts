/**
 * Classify a hand-written fixture and check what every case must hold: valid labels, evidence that really occurs,
 * a reason code per family that agrees with its value and evidence.
 */
import { expect } from 'vitest';
import { classify } from '../../src/classify/index.js';
import { LabelsSchema, type Labels } from '../../src/model/labels.js';
import { evidenceProblems } from './evidence-check.js';
import { makeStudy, type Fixture } from './make.js';
import { reasonProblems } from './reason-check.js';

export function classifyChecked(f: Fixture): Labels {
  const s = makeStudy(f);
  const l = classify(s);
  expect(LabelsSchema.safeParse(l).success).toBe(true);
  expect(evidenceProblems(s, l)).toEqual([]);
  expect(reasonProblems(l)).toEqual([]);
  return l;
}
