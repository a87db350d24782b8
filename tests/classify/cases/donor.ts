/** Donor: autologous, allogeneic, both or unspecified, from what the record says of the product given. */
import type { CaseTable } from './case.js';

export const cases: CaseTable = [
  {
    name: 'autologous and allogeneic arms of one study are "both"',
    guideline: 'both: different arms/parts use each',
    study: {
      title: 'Autologous or Allogeneic Bone Marrow MSC in Kidney Transplantation',
      interventions: [
        {
          name: 'Bone marrow MSC',
          description: 'Autologous MSCs (arm A) or allogeneic MSCs from the donor (arm B), intravenous',
        },
      ],
      conditions: ['Kidney Transplantation'],
    },
    expect: { donor: 'both', specialty: 'nephrology_urology' },
  },
  {
    name: 'a perinatal source (umbilical cord) given to patients implies allogeneic',
    guideline: 'umbilical cord/placenta/cord blood products given to adults = allogeneic',
    study: {
      title: 'Umbilical Cord MSC in Heart Failure',
      interventions: [{ name: 'Umbilical cord mesenchymal stem cells', description: 'Intravenous infusion' }],
      conditions: ['Heart Failure'],
    },
    expect: { donor: 'allogeneic' },
  },
  {
    name: 'cells "transplanted back" to the patient are autologous',
    study: {
      title: 'MSC for knee osteoarthritis',
      interventions: [{ name: 'Mesenchymal stem cells', description: 'Intra-articular injection.' }],
      description:
        'All subjects undergo marrow aspiration. Mesenchymal stem cells will be isolated from the aspirate, expanded in culture and transplanted back to the knee joint.',
    },
    expect: { donor: 'autologous' },
  },
  {
    name: 'haploidentical family-donor MSCs are allogeneic',
    study: {
      title: 'MSC infusions in a bone disease',
      interventions: [
        {
          name: 'Mesenchymal stromal cells',
          description:
            'Repeated infusions of expanded MSCs grown from the marrow of a haploidentical healthy parent.',
        },
      ],
    },
    expect: { donor: 'allogeneic' },
  },
  {
    name: '"conventionally treated by allogeneic fillers" is background: the product stays autologous',
    study: {
      title: 'Fat grafts enriched with adipose MSCs',
      interventions: [
        {
          name: 'Adipose mesenchymal stem cells',
          description: 'Autologous fat graft enriched with expanded adipose MSCs',
        },
      ],
      description: 'Conventionally, contour defects are treated by allogenic fillers and fat grafting.',
    },
    expect: { donor: 'autologous' },
  },
  {
    name: 'an animal-model comparison of allogeneic and autologous MSCs does not state the donor',
    study: {
      title: 'MSC in lupus nephritis',
      interventions: [{ name: 'Mesenchymal stem cells', description: 'MSC infusion' }],
      description:
        'The efficacy of allogeneic MSC transplantation was superior to autologous MSC transplantation in a mice model.',
    },
    expect: { donor: 'unspecified' },
  },
  {
    name: 'earlier autologous work cited ("in 2012 ...", "in a phase 1 study ...") does not make an allogeneic cord product "both"',
    study: {
      title: 'Umbilical Cord Mesenchymal Stem Cells for Cirrhosis',
      interventions: [{ name: 'Umbilical cord mesenchymal stem cells', description: 'UC-MSC infusion' }],
      description:
        'In 2012, a hospital carried out a study of autologous bone marrow stem cells. In a phase 1 study, autologous BM-MSC transplantation decreased the score.',
    },
    expect: { donor: 'allogeneic' },
  },
  {
    name: 'HLA-identical MSCs are allogeneic',
    study: {
      title: 'MSC in a bone disease',
      interventions: [{ name: 'Mesenchymal stem cells', description: 'Five infusions of HLA-identical MSC' }],
    },
    expect: { donor: 'allogeneic' },
  },
  {
    name: 'HLA-identical MSCs in a sentence reporting earlier work do not state the donor',
    study: {
      title: 'MSC in GVHD',
      interventions: [{ name: 'Mesenchymal stem cells', description: 'MSC infusion' }],
      description:
        'Others reported on patients who received culture-expanded MSCs from HLA-identical siblings.',
    },
    expect: { donor: 'unspecified' },
  },
  {
    name: 'tissue "harvested from the fat pad of the patients receiving" the treatment is autologous',
    study: {
      title: 'Adipose MSC for a dental procedure',
      interventions: [
        {
          name: 'Adipose mesenchymal stem cells',
          description:
            'Adipose mesenchymal stem cells harvested from the fat pad of the patients receiving the graft',
        },
      ],
    },
    expect: { donor: 'autologous' },
  },
];
