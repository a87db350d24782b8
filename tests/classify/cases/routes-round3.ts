/** Routes, generalisation round 3: carrier-borne products, registry abbreviations, description-less records. */
import type { CaseTable } from './case.js';

export const cases: CaseTable = [
  {
    name: 'a cell sheet on a carrier for a skin ulcer, no route named: applied on the wound (topical)',
    guideline: 'topical: applied on a wound/surface',
    study: {
      title: 'Cell Sheet for Venous Leg Ulcers',
      interventions: [
        {
          name: 'XYZ-SHEET',
          description: 'Collagen membrane carrying allogeneic adipose-derived mesenchymal stem cells',
        },
      ],
      conditions: ['Venous Leg Ulcer'],
    },
    expect: {
      category: 'msc_cells',
      biomaterial: true,
      routes: ['topical'],
      confidence: { routes: 'medium' },
    },
  },
  {
    name: 'cells coated on a plug placed in a fistula, no route named: surgical implantation',
    guideline: 'surgical_implantation: implanted during surgery on a scaffold/graft',
    study: {
      title: 'Cell-Coated Plug for Rectovaginal Fistula',
      interventions: [
        {
          name: 'Cell-coated plug',
          description: 'A bioabsorbable matrix plug coated with autologous mesenchymal stromal cells',
        },
      ],
      conditions: ['Rectovaginal Fistula'],
    },
    expect: { category: 'msc_cells', biomaterial: true, routes: ['surgical_implantation'] },
  },
  {
    name: 'cells mixed with an injectable collagen solution, no route named: no route is guessed',
    study: {
      title: 'Adipose Stem Cells for Stress Urinary Incontinence',
      interventions: [
        {
          name: 'Adipose-derived mesenchymal stem cells',
          description: 'Autologous adipose-derived mesenchymal stem cells mixed with a collagen solution',
        },
      ],
      conditions: ['Stress Urinary Incontinence'],
    },
    expect: { category: 'msc_cells', biomaterial: true, routes: [] },
  },
  {
    name: 'a carrier-borne product whose record says it is injected: no implantation inferred',
    study: {
      title: 'Cells in Hydrogel for Knee Cartilage',
      interventions: [
        {
          name: 'MSC in hydrogel',
          description: 'Umbilical cord mesenchymal stem cells in a hyaluronic acid hydrogel, injected once',
        },
      ],
      conditions: ['Cartilage Injury'],
    },
    // (round 8: the injection in this knee cartilage study is inferred intra-articular, see routes-round8.ts)
    expect: {
      category: 'msc_cells',
      biomaterial: true,
      lacks: { routes: ['surgical_implantation', 'topical'] },
    },
  },
  {
    name: 'sentence-case "Iv injection" in a registry intervention field is intravenous',
    study: {
      title: 'Umbilical cord MSCs in severe viral pneumonia',
      interventions: [
        { name: 'Iv injection of umbilical cord mesenchymal stem cells (1x10^6/kg)' },
        { name: 'Iv saline', type: 'OTHER' },
      ],
      conditions: ['Viral Pneumonia'],
    },
    expect: { category: 'msc_cells', routes: ['intravenous'] },
  },
  {
    name: 'a record with no description: an outcome naming the MSC infusion says intravenous',
    guideline: 'ICTRP/registry records with one short intervention field',
    study: {
      title: 'Umbilical cord mesenchymal stem cells in acute respiratory distress syndrome',
      interventions: [{ name: 'Two cell doses', type: 'OTHER' }],
      outcomes: ['Days free of ventilation at day 28 after receiving MSCs infusion'],
      conditions: ['ARDS'],
    },
    expect: { category: 'msc_cells', routes: ['intravenous'] },
  },
  {
    name: 'a record with descriptions that name no route: an outcome infusion alone does not decide',
    study: {
      title: 'Umbilical cord mesenchymal stem cells in acute respiratory distress syndrome',
      summary: 'Patients with ARDS receive umbilical cord mesenchymal stem cells or placebo on day 1.',
      interventions: [
        { name: 'Umbilical cord mesenchymal stem cells', description: 'One dose of 1 million cells/kg' },
      ],
      outcomes: ['Adverse events within 24 hours of MSCs infusion'],
      conditions: ['ARDS'],
    },
    expect: { category: 'msc_cells', routes: [] },
  },
  {
    name: 'an intra-facet injection is intra-articular (facet joints are joints)',
    study: {
      title: 'Allogeneic MSCs for facet joint pain',
      interventions: [
        {
          name: 'Allogeneic mesenchymal stem cells',
          description: '10 million cells delivered intra-facet at two lumbar levels under fluoroscopy',
        },
      ],
      conditions: ['Low Back Pain'],
    },
    expect: { category: 'msc_cells', routes: ['intra_articular'] },
  },
  {
    name: 'an endolumbal injection is intrathecal',
    study: {
      title: 'MSCs in refractory epilepsy',
      interventions: [
        {
          name: 'Autologous mesenchymal stem cells',
          description: 'Endolumbal injection of autologous mesenchymal stem cells on day 1',
        },
      ],
      conditions: ['Epilepsy'],
    },
    expect: { category: 'msc_cells', routes: ['intrathecal'] },
  },
  {
    name: '"in the site of the fracture" is into bone (intraosseous)',
    study: {
      title: 'Stem cells for delayed union of the humerus',
      interventions: [
        {
          name: 'Adipose mesenchymal stem cells',
          description: 'Injection of adipose derived mesenchymal stem cells in the site of humerus fracture',
        },
      ],
      conditions: ['Delayed Union'],
    },
    expect: { category: 'msc_cells', routes: ['intraosseous'] },
  },
];
