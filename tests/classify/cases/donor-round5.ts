/** Donor, generalisation round 5: donor wording the rules missed, and donor words that are not about the product. */
import type { CaseTable } from './case.js';

/** Donor wording the vocabulary missed or misread. */
const vocabulary: CaseTable = [
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

/** The last resort: donor words of the summary/description when nothing bound, no product fact and no perinatal source decide. */
const lastResort: CaseTable = [
  {
    name: 'a summary-only record: "therapy using third party human cultured cells" for an MSC product: allogeneic',
    guideline: '"third-party" = allogeneic',
    study: {
      title: 'Stromal Cell Therapy for Refractory Ulcerative Colitis',
      summary:
        'This trial asks whether mesenchymal stromal cell therapy, using third party human cultured cells given ' +
        'by vein, is safe in refractory ulcerative colitis.',
      conditions: ['Ulcerative Colitis'],
    },
    expect: { category: 'msc_cells', donor: 'allogeneic', reasons: { donor: 'stated.unbound.description' } },
  },
  {
    name: '"autologous stem cell transplantation"" in the summary of an MSC study: autologous',
    guideline: '"From the patient\'s own ..." = autologous',
    study: {
      title: 'Mesenchymal Stem Cells for Critical Limb Ischaemia',
      summary:
        'Mesenchymal stem cells promote new vessels; in this study autologous stem cell transplantation into the ' +
        'ischaemic calf is compared with standard care.',
      interventions: [{ name: 'Mesenchymal stem cells', description: 'Injections into the calf muscles' }],
      conditions: ['Critical Limb Ischemia'],
    },
    expect: { category: 'msc_cells', donor: 'autologous', reasons: { donor: 'stated.unbound.description' } },
  },
  {
    name: 'donor words of an animal model or of a laboratory assay: unspecified',
    guideline: 'judge only from the record: these donors are not the product given to patients',
    study: {
      title: 'Mesenchymal Stromal Cells at Kidney Transplantation',
      summary:
        'Patients receive mesenchymal stromal cells intravenously on the day of kidney transplantation.',
      description:
        'In a pig model, allogeneic cells prolonged graft survival. T cell responses versus third party antigens ' +
        'are measured at 6 months.',
      interventions: [{ name: 'Mesenchymal stromal cells', description: 'One intravenous infusion' }],
      conditions: ['Kidney Transplantation'],
    },
    expect: { category: 'msc_cells', donor: 'unspecified' },
  },
  {
    name: 'autologous and allogeneic words both loose in the description: unspecified',
    guideline: '`both` only when arms/parts use each; loose words of both types state neither',
    study: {
      title: 'Mesenchymal Stem Cells in Knee Osteoarthritis',
      summary: 'Patients receive mesenchymal stem cells into the knee.',
      description:
        'Autologous and allogeneic stem cell sources are debated. This study measures cartilage volume at one year.',
      interventions: [{ name: 'Mesenchymal stem cells', description: 'One intra-articular injection' }],
      conditions: ['Knee Osteoarthritis'],
    },
    expect: { category: 'msc_cells', donor: 'unspecified' },
  },
];

export const cases: CaseTable = [...vocabulary, ...lastResort];
