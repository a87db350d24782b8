/** Modifications, generalisation round 3: engineering and preconditioning said in other words. */
import type { CaseTable } from './case.js';

export const cases: CaseTable = [
  {
    name: 'MSCs secreting a recombinant/bispecific protein are engineered (genetically modified)',
    guideline: 'genetically_modified: transfected/transduced/gene-edited MSCs',
    study: {
      title: 'Engineered stromal cells in refractory lymphoma',
      interventions: [
        {
          name: 'ZX-40',
          description:
            'ZX-40 is an allogeneic mesenchymal stromal cell product secreting a bispecific protein.',
        },
      ],
      conditions: ['Lymphoma'],
    },
    expect: { category: 'msc_cells', modifications: ['genetically_modified'] },
  },
  {
    name: 'MSCs changed by transfection of small RNAs are genetically modified',
    study: {
      title: 'Reprogrammed adipose stem cells in aplastic anaemia',
      interventions: [
        {
          name: 'Reprogrammed adipose MSCs',
          description:
            'Autologous adipose mesenchymal stem cells reprogrammed by transfection of small RNAs, infused once.',
        },
      ],
      conditions: ['Aplastic Anemia'],
    },
    expect: { category: 'msc_cells', modifications: ['genetically_modified'] },
  },
  {
    name: '"ischemia-tolerant" MSCs (grown in low oxygen) are preconditioned (primed)',
    guideline: 'primed: preconditioned before administration, e.g. hypoxia',
    study: {
      title: 'Ischemia-tolerant Mesenchymal Stem Cells in Acute Stroke',
      interventions: [
        {
          name: 'Ischemia-tolerant MSC',
          description: 'Allogeneic bone marrow mesenchymal stem cells, intravenous.',
        },
      ],
      conditions: ['Ischemic Stroke'],
    },
    expect: { category: 'msc_cells', modifications: ['primed'], routes: ['intravenous'] },
  },
  {
    name: "MSCs expanded in the patient's ischemic serum are preconditioned (primed)",
    study: {
      title: 'Preconditioned marrow stromal cells in heart failure',
      interventions: [
        {
          name: 'Autologous mesenchymal stem cells',
          description:
            'Bone marrow mesenchymal stem cells expanded in autologous ischemic serum, given intravenously.',
        },
      ],
      conditions: ['Heart Failure'],
    },
    expect: { category: 'msc_cells', modifications: ['primed'] },
  },
];
