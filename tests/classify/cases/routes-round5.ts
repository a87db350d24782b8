/** Routes, generalisation round 5: the routes of the study's other interventions, described in the MSC arm. */
import type { CaseTable } from './case.js';

export const cases: CaseTable = [
  {
    name: "an MSC arm's sentence about another intervention of the study (an ointment for topical use) gives no MSC route",
    guideline: 'routes: administration routes of the MSC product',
    study: {
      title: 'Cord MSCs Added to Standard Therapy in Plaque Psoriasis',
      interventions: [
        { name: 'Tacalcitol ointment', type: 'DRUG', description: 'Applied once daily.' },
        {
          name: 'Umbilical cord mesenchymal stem cells',
          description: 'UC-MSCs given intravenously, 1 million cells/kg, monthly for three months.',
        },
      ],
      arms: [
        {
          label: 'MSC group',
          description:
            'Umbilical cord MSCs by intravenous infusion every four weeks. All patients continue tacalcitol ointment for topical use once a day.',
          interventionNames: [
            'Drug: Tacalcitol ointment',
            'Biological: Umbilical cord mesenchymal stem cells',
          ],
        },
      ],
      conditions: ['Psoriasis'],
    },
    expect: { category: 'msc_cells', routes: ['intravenous'] },
  },
  {
    name: "an MSC arm's sentence naming another intervention and the cells keeps its route (the cells' own)",
    study: {
      title: 'Marrow MSCs With Steroids in Acute GVHD',
      interventions: [
        { name: 'Methylprednisolone', type: 'DRUG' },
        { name: 'Bone marrow mesenchymal stromal cells' },
      ],
      arms: [
        {
          label: 'MSC plus steroids',
          description: 'Methylprednisolone 2 mg/kg daily; the cells are given intravenously on days 1 and 8.',
          interventionNames: [
            'Drug: Methylprednisolone',
            'Biological: Bone marrow mesenchymal stromal cells',
          ],
        },
      ],
      conditions: ['Acute Graft Versus Host Disease'],
    },
    expect: { category: 'msc_cells', routes: ['intravenous'] },
  },
  {
    name: 'an arm sentence naming another intervention given subcutaneously, beside an intra-articular MSC injection',
    study: {
      title: 'Adipose MSCs and Teriparatide in Knee Osteoarthritis',
      interventions: [
        { name: 'Teriparatide', type: 'DRUG' },
        { name: 'Adipose-derived mesenchymal stem cells', description: 'Single intra-articular injection.' },
      ],
      arms: [
        {
          label: 'Combination',
          description:
            'Adipose MSCs injected intra-articularly at week 0. Teriparatide is self-administered subcutaneously each day.',
          interventionNames: ['Drug: Teriparatide', 'Biological: Adipose-derived mesenchymal stem cells'],
        },
      ],
      conditions: ['Knee Osteoarthritis'],
    },
    expect: { category: 'msc_cells', routes: ['intra_articular'] },
  },
];
