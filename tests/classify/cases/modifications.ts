/** Modifications: genetically modified, primed or differentiated, said of the MSC product before it is given. */
import type { Labels } from '../../../src/model/labels.js';
import type { CaseTable, LabelCase } from './case.js';

/** A product described by one sentence of its intervention. */
function described(name: string, description: string, modifications: Labels['modifications']): LabelCase {
  return {
    name,
    study: { title: 'MSC study', interventions: [{ name: 'Mesenchymal stem cells', description }] },
    expect: { modifications },
  };
}

export const cases: CaseTable = [
  {
    name: 'MSCs transduced with a lentiviral vector are genetically modified',
    study: {
      title: 'Gene-modified MSC',
      interventions: [{ name: 'MSC transduced with a lentiviral vector', description: 'Intravenous' }],
      conditions: ['Cancer'],
    },
    expect: { modifications: ['genetically_modified'] },
  },
  {
    name: 'IFN-γ-primed MSCs are primed; an injection into the fistula tract is local',
    study: {
      title: 'IFN-gamma primed MSC in Crohn disease',
      interventions: [{ name: 'IFN-γ-primed MSCs', description: 'local injection into the fistula tract' }],
      conditions: ["Crohn's Disease"],
    },
    expect: { modifications: ['primed'], routes: ['local_injection'], specialty: 'gastroenterology' },
  },
  {
    name: '"ex vivo gene therapy using autologous MSCs" is genetically modified',
    study: {
      title: 'Ex Vivo Gene Therapy Using Autologous Mesenchymal Stem Cells',
      interventions: [{ name: 'Autologous MSCs' }],
    },
    expect: { modifications: ['genetically_modified'] },
  },
  {
    name: 'MSCs expanded at a "Laboratory of Cell and Gene Therapy" are not genetically modified',
    study: {
      title: 'MSC therapy',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description: 'MSCs expanded at the Laboratory of Cell and Gene Therapy and injected intravenously',
        },
      ],
    },
    expect: { modifications: [] },
  },
  {
    name: '"preconditioned" directly qualifying the MSC product in the title is primed',
    study: {
      title: 'Preconditioned Autologous Bone Marrow MSCs for Heart Disease',
      interventions: [{ name: 'BM-MSCs', description: 'Intracoronary infusion' }],
    },
    expect: { modifications: ['primed'] },
  },
  {
    name: 'MSCs "primed prior to injection" are primed',
    study: {
      title: 'MSC for knee osteoarthritis',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description: 'Autologous mesenchymal stem cells primed prior to intra articular injection',
        },
      ],
    },
    expect: { modifications: ['primed'] },
  },
  {
    name: 'MSCs cultured under 1% oxygen (hypoxia) are primed',
    guideline: 'primed: preconditioned/licensed before administration: cytokines, hypoxia, drugs, 3D culture',
    study: {
      title: 'MSC for emphysema',
      interventions: [
        {
          name: 'Mesenchymal stromal cells',
          description: 'MSC suspension cultured under 1% oxygen, given intravenously',
        },
      ],
    },
    expect: { modifications: ['primed'] },
  },
  {
    name: '"ischemic preconditioning" of the patient, a hypoxic condition of the patient and "pre-conditioning" as an arm schedule are not primed',
    study: {
      title: 'MSC after myocardial infarction',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description: 'Intravenous MSC infusion immediately after randomization',
        },
      ],
      arms: [
        {
          label: 'Pre-conditioning',
          description: 'Patients receive secretome, then mesenchymal stem cells two weeks later',
        },
      ],
      summary:
        'Cells are infused early for the purpose of ischemic preconditioning in patients whose hypoxic condition persists.',
    },
    expect: { modifications: [] },
  },
  {
    name: 'a plasmid or "genetic material introduced" into the MSCs is genetically modified',
    study: {
      title: 'MSC secreting a cytokine in cancer',
      interventions: [{ name: 'MSC-cytokine', description: 'Intraperitoneal infusion' }],
      description:
        'The MSCs will have genetic material introduced to them by a plasmid that will help produce the cytokine.',
    },
    expect: { modifications: ['genetically_modified'] },
  },
  described(
    '"MSC differentiated to endometrium" is differentiated',
    'MSC differentiated to endometrium is deposited in the uterine cavity.',
    ['differentiated'],
  ),
  described(
    '"differentiated stem cells" are differentiated',
    'Differentiated stem cells are deposited in the uterine cavity.',
    ['differentiated'],
  ),
  described(
    '"neuroinduced MSCs" are differentiated',
    'Autologous neuroinduced MSCs are injected intrathecally.',
    ['differentiated'],
  ),
  described(
    'trans-differentiation confirmed before the infusion is differentiated',
    'After confirmation of the trans-differentiation into hepatocytes, the mesenchymal stem cells are infused.',
    ['differentiated'],
  ),
  {
    name: '"undifferentiated MSC" and "in vitro differentiation" as a quality test are not differentiated',
    study: {
      title: 'MSC study',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description:
            'Undifferentiated MSC are infused. Quality tests: cell viability, in vitro differentiation, sterility.',
        },
      ],
    },
    expect: { modifications: [] },
  },
  {
    name: '"delivery of an oncolytic virus by mesenchymal carrier cells" is an MSC product, genetically modified',
    study: {
      title: 'Phase I study of product Z in metastatic melanoma',
      interventions: [
        {
          name: 'Product Z',
          description:
            'Delivery of a virus by mesenchymal carrier cells in patients with hepatic metastases.',
        },
      ],
    },
    expect: { category: 'msc_cells', modifications: ['genetically_modified'] },
  },
  {
    name: 'MSCs preconditioned with a drug (small molecule) are primed',
    guideline: 'primed: preconditioned/licensed before administration: cytokines, hypoxia, drugs',
    study: {
      title: 'Drug-preconditioned MSCs in dementia',
      interventions: [
        {
          name: 'ABC-STEM',
          description: 'Mesenchymal stem cells preconditioned with a small molecule before injection.',
        },
      ],
    },
    expect: { modifications: ['primed'] },
  },
  {
    name: "priming the patient's skin with a cream is not a modification of the cells",
    study: {
      title: 'Microneedling with MSC conditioned medium',
      interventions: [
        {
          name: 'MSC conditioned medium',
          description:
            'Two weeks of nightly priming with a vitamin A cream, then microneedling with the medium.',
        },
      ],
    },
    expect: { modifications: [] },
  },
];
