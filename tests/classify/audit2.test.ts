/**
 * Second audit round (routes, modifications, category): hand-written cases for classes of error found by reading
 * unseen corpus studies against the GUIDELINE. Every fixture is invented text describing the general case.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/classify/index.js';
import { LabelsSchema } from '../../src/model/labels.js';
import { evidenceProblems } from './evidence-check.js';
import { makeStudy, type Fixture } from './make.js';

const run = (f: Fixture) => {
  const s = makeStudy(f);
  const l = classify(s);
  expect(LabelsSchema.safeParse(l).success).toBe(true);
  expect(evidenceProblems(s, l)).toEqual([]);
  return l;
};

describe('routes: vocabulary gaps of the second audit', () => {
  const routes = (description: string, conditions: string[] = []) =>
    run({ title: 'MSC trial', conditions, interventions: [{ name: 'Mesenchymal stem cells', description }] }).routes;
  it('any artery reached through a catheter is intra-arterial, and so is an injection "in the carotid artery"', () => {
    expect(routes('MSCs are injected into the left gastroduodenal artery by catheter.')).toEqual(['intra_arterial']);
    expect(routes('A catheter is advanced into the infarct-related artery and MSCs are given.')).toEqual(['intra_arterial']);
    expect(routes('Single injection of the MSC product in the vertebral artery; three dose levels.')).toEqual(['intra_arterial']);
  });
  it('a lesion "in the middle cerebral artery" is not a route', () => {
    expect(routes('MSCs are given via the nasal route after a stroke in the middle cerebral artery.')).toEqual(['intranasal']);
  });
  it("the patient's myocardium / the LV endocardium are intramyocardial", () => {
    expect(routes("MSCs are injected into the patient's myocardium with a thin needle.")).toEqual(['intramyocardial']);
    expect(routes('MSCs are delivered into the LV endocardium with a fine needle.')).toEqual(['intramyocardial']);
  });
  it('the endometrial cavity is intrauterine; the colonic submucosa is a local injection', () => {
    expect(routes('MSCs are transferred to the endometrial cavity with a soft catheter.')).toEqual(['intrauterine_ovarian']);
    expect(routes('MSCs are placed at several points of the colonic submucosa by colonoscopy.')).toEqual(['local_injection']);
  });
  it('"corpus cavernous" (misspelt) is intracavernous', () => {
    expect(routes('MSCs are injected into the corpus cavernous after isolation.')).toEqual(['intracavernous']);
  });
});
