/** Donor, generalisation round 5: donor wording the rules missed, and donor words that are not about the product. */
import type { CaseTable } from './case.js';

export const cases: CaseTable = [
  {
    name: 'fat taken "from a healthy donor site" of the patient: autologous, not allogeneic',
    guideline: '"From the patient\'s own ..." = autologous (a donor site is where the own tissue is taken)',
    study: {
      title: 'Autologous Stromal Vascular Fraction for Venous Leg Ulcers',
      interventions: [
        {
          name: 'Stromal vascular fraction',
          description:
            'Lipoaspirate is collected by syringe aspiration from a healthy donor site on the thigh; the stromal ' +
            'vascular fraction is isolated and injected into the ulcer bed.',
        },
      ],
      conditions: ['Venous Leg Ulcer'],
    },
    expect: { category: 'stromal_mixture', donor: 'autologous' },
  },
  {
    name: '"non-autologous" MSCs: allogeneic, not autologous',
    guideline: '"donor" ... = allogeneic (cells that are not the patient\'s own)',
    study: {
      title: 'Stromal Cells in Refractory Lupus Nephritis',
      interventions: [
        {
          name: 'Mesenchymal stromal cells',
          description:
            'Non-autologous mesenchymal stromal cells, 1 x 10^6 cells/kg, one intravenous infusion.',
        },
      ],
      conditions: ['Lupus Nephritis'],
    },
    expect: { category: 'msc_cells', donor: 'allogeneic' },
  },
  {
    name: '"HLA-unmatched" MSCs: allogeneic',
    guideline: '"donor", "third-party" ... = allogeneic',
    study: {
      title: 'HLA-Unmatched Mesenchymal Stromal Cells for Perianal Crohn Fistula',
      interventions: [{ name: 'MSC injection', description: 'Local injection into the fistula tract.' }],
      conditions: ['Perianal Crohn Disease'],
    },
    expect: { category: 'msc_cells', donor: 'allogeneic' },
  },
  {
    name: 'a cellular bone allograft holding MSCs (beside an autologous graft comparator): allogeneic',
    guideline: '"donor" ... = allogeneic (an allograft is donor tissue)',
    study: {
      title: 'Fusion With a Viable Cellular Bone Matrix Versus Autologous Bone Graft',
      arms: [
        {
          label: 'Viable cellular allograft',
          description: 'Bone matrix with mesenchymal stem cells placed in the fusion bed.',
        },
        { label: 'Iliac crest autograft', type: 'ACTIVE_COMPARATOR', description: 'Standard bone graft.' },
      ],
      interventions: [{ name: 'Cellular bone matrix', description: 'Implanted at surgery.' }],
      conditions: ['Ankle Arthritis'],
    },
    expect: { donor: 'allogeneic' },
  },
  {
    name: 'MSCs "isolated from the bone marrow of healthy volunteers": allogeneic',
    guideline: '"donor" ... = allogeneic (the volunteers who give the marrow are donors)',
    study: {
      title: 'Mesenchymal Stem Cells for Acute Respiratory Distress Syndrome',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description:
            'MSCs isolated from the bone marrow of healthy adult volunteers and expanded in culture; 2 x 10^6 ' +
            'cells/kg intravenously.',
        },
      ],
      conditions: ['ARDS'],
    },
    expect: { category: 'msc_cells', donor: 'allogeneic' },
  },
  {
    name: 'marrow aspirated with a needle passed through the arthroscopy portal of the operation: autologous',
    guideline: '"From the patient\'s own ..." = autologous (harvested in the patient\'s own procedure)',
    study: {
      title: 'Marrow Aspirate Concentrate at Shoulder Arthroscopy',
      interventions: [
        {
          name: 'Bone marrow aspirate concentrate',
          description:
            'A marrow needle is inserted through an arthroscopic portal into the greater tuberosity. Marrow is ' +
            'aspirated, centrifuged, and the concentrate applied to the repaired tendon.',
        },
      ],
      conditions: ['Rotator Cuff Tear'],
    },
    expect: { category: 'stromal_mixture', donor: 'autologous' },
  },
  {
    name: 'MSCs "expanded from the bone marrow of each patient": autologous',
    guideline: '"From the patient\'s own ..." = autologous',
    study: {
      title: 'Mesenchymal Stem Cells in Progressive Multiple Sclerosis',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description: 'MSCs expanded from the bone marrow of each patient, given intrathecally.',
        },
      ],
      conditions: ['Multiple Sclerosis'],
    },
    expect: { category: 'msc_cells', donor: 'autologous' },
  },
];
