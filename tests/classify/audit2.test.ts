/**
 * Second audit round (routes, modifications, category): hand-written cases for classes of error found by reading
 * unseen corpus studies against the GUIDELINE. Every fixture is invented text describing the general case.
 */
import { describe, expect, it } from 'vitest';
import { classifyChecked } from './checked.js';

const run = classifyChecked;

describe('routes: vocabulary gaps of the second audit', () => {
  const routes = (description: string, conditions: string[] = []) =>
    run({ title: 'MSC trial', conditions, interventions: [{ name: 'Mesenchymal stem cells', description }] })
      .routes;
  it('any artery reached through a catheter is intra-arterial, and so is an injection "in the carotid artery"', () => {
    expect(routes('MSCs are injected into the left gastroduodenal artery by catheter.')).toEqual([
      'intra_arterial',
    ]);
    expect(routes('A catheter is advanced into the infarct-related artery and MSCs are given.')).toEqual([
      'intra_arterial',
    ]);
    expect(routes('Single injection of the MSC product in the vertebral artery; three dose levels.')).toEqual(
      ['intra_arterial'],
    );
  });
  it('a lesion "in the middle cerebral artery" is not a route', () => {
    expect(
      routes('MSCs are given via the nasal route after a stroke in the middle cerebral artery.'),
    ).toEqual(['intranasal']);
  });
  it("the patient's myocardium / the LV endocardium are intramyocardial", () => {
    expect(routes("MSCs are injected into the patient's myocardium with a thin needle.")).toEqual([
      'intramyocardial',
    ]);
    expect(routes('MSCs are delivered into the LV endocardium with a fine needle.')).toEqual([
      'intramyocardial',
    ]);
  });
  it('the endometrial cavity is intrauterine; the colonic submucosa is a local injection', () => {
    expect(routes('MSCs are transferred to the endometrial cavity with a soft catheter.')).toEqual([
      'intrauterine_ovarian',
    ]);
    expect(routes('MSCs are placed at several points of the colonic submucosa by colonoscopy.')).toEqual([
      'local_injection',
    ]);
  });
  it('"corpus cavernous" (misspelt) is intracavernous', () => {
    expect(routes('MSCs are injected into the corpus cavernous after isolation.')).toEqual([
      'intracavernous',
    ]);
  });
});

describe('routes: a bare infusion is intravenous only when no sentence names the route of the injection', () => {
  it('a visit schedule naming the injection route gives the route of an MSC intervention without one', () => {
    const l = run({
      title: 'Adipose MSCs in knee arthritis',
      interventions: [
        { name: 'Adipose mesenchymal stem cells', description: 'Autologous adipose MSCs, 50 million.' },
      ],
      description:
        'Schedule: Day 1 - liposuction. Day 21 - treatment (intra-articular injection). Day 90 - visit.',
    });
    expect(l.routes).toEqual(['intra_articular']);
  });
  it('"infusion of MSCs" in the arm and an intratendinous infusion in the description: local, not intravenous', () => {
    const l = run({
      title: 'MSCs for tendinopathy',
      interventions: [{ name: 'Mesenchymal stem cells' }],
      arms: [
        {
          label: 'MSC',
          type: 'EXPERIMENTAL',
          description: 'One infusion of mesenchymal stem cells.',
          interventionNames: ['Biological: Mesenchymal stem cells'],
        },
      ],
      description:
        'The aim is to assess healing after the intratendinous infusion of the product under ultrasound.',
    });
    expect(l.routes).toEqual(['local_injection']);
  });
  it('standard care given intravenously, or a graft transplanted between individuals, is not the route', () => {
    const l = run({
      title: 'Gene-modified MSCs',
      interventions: [{ name: 'Gene-modified mesenchymal stem cells' }],
      description:
        'The current treatment is intravenous infusion of factor concentrates. A graft transplanted between two people needs immunosuppression.',
    });
    expect(l.routes).toEqual([]);
  });
  it('infused into the peritoneal cavity / into infarct-related vessels are not intravenous', () => {
    const routes = (description: string) =>
      run({ title: 'MSC trial', interventions: [{ name: 'Mesenchymal stem cells', description }] }).routes;
    expect(routes('The MSC suspension is infused into the peritoneal cavity with a syringe.')).toEqual([
      'intraperitoneal',
    ]);
    expect(routes('MSCs are slowly infused into infarct-related blood vessels through a catheter.')).toEqual([
      'intra_arterial',
    ]);
  });
});

describe('modifications: priming is of the cells, by any agent', () => {
  it('MSCs preconditioned with a drug are primed', () => {
    const l = run({
      title: 'Drug-preconditioned MSCs in dementia',
      interventions: [
        {
          name: 'ABC-STEM',
          description: 'Mesenchymal stem cells preconditioned with a small molecule before injection.',
        },
      ],
    });
    expect(l.modifications).toEqual(['primed']);
  });
  it("priming the patient's skin with a cream is not a modification of the cells", () => {
    const l = run({
      title: 'Microneedling with MSC conditioned medium',
      interventions: [
        {
          name: 'MSC conditioned medium',
          description:
            'Two weeks of nightly priming with a vitamin A cream, then microneedling with the medium.',
        },
      ],
    });
    expect(l.modifications).toEqual([]);
  });
});
