/** Donor, generalisation round 4: donors described at length, and tissue harvested from the patient in the same procedure. */
import type { CaseTable } from './case.js';

export const cases: CaseTable = [
  {
    name: 'MSCs "from related or unrelated HLA-identical or mismatched donors": allogeneic',
    guideline: '"donor" ... = allogeneic',
    study: {
      title: 'Stromal Cells for Chronic Lung Allograft Dysfunction',
      summary:
        'This study tests repeated infusions of mesenchymal stromal cells (MSC) from related or unrelated human ' +
        'leukocyte antigen (HLA) identical or HLA mismatched donors in lung transplant recipients.',
      interventions: [
        { name: 'MSC', description: 'Mesenchymal stromal cells, 2 x 10^6 per kg, twice weekly' },
      ],
      conditions: ['Chronic Lung Allograft Dysfunction'],
    },
    expect: { category: 'msc_cells', donor: 'allogeneic' },
  },
  {
    name: 'a stromal vascular fraction applied on the same day as the liposuction: autologous',
    guideline: '"From the patient\'s own ..." = autologous (tissue harvested and given back at once)',
    study: {
      title: 'Adipose Stromal Vascular Fraction for Hip Osteoarthritis',
      interventions: [
        {
          name: 'SVF injection',
          description:
            'Abdominal liposuction is performed under local anaesthesia. The stromal vascular fraction is isolated ' +
            'by enzymatic digestion and injected into the hip joint on the same day as the liposuction.',
        },
      ],
      conditions: ['Hip Osteoarthritis'],
    },
    expect: { category: 'stromal_mixture', donor: 'autologous', routes: ['intra_articular'] },
  },
  {
    name: 'marrow cells collected and concentrated in a single surgical session: autologous',
    study: {
      title: 'Marrow Concentrate on a Membrane for Talar Cartilage Lesions',
      interventions: [
        {
          name: 'Bone marrow concentrate on collagen membrane',
          description:
            'Bone marrow is collected from the iliac crest and concentrated in a single surgical session, then ' +
            'placed on a collagen membrane over the lesion.',
        },
      ],
      conditions: ['Osteochondral Lesion of Talus'],
    },
    expect: { category: 'stromal_mixture', donor: 'autologous' },
  },
  {
    name: 'patients undergo bone marrow aspiration, then receive the expanded MSCs: autologous',
    study: {
      title: 'Mesenchymal Stem Cells in Multiple System Atrophy',
      description:
        'Enrolled patients undergo bone marrow aspiration; mesenchymal stem cells are isolated, expanded for three ' +
        'weeks and given intrathecally.',
      interventions: [{ name: 'Mesenchymal stem cells', description: 'Intrathecal injection of MSCs' }],
      conditions: ['Multiple System Atrophy'],
    },
    expect: { category: 'msc_cells', donor: 'autologous', routes: ['intrathecal'] },
  },
  {
    name: 'healthy volunteers undergoing marrow aspiration are donors: no autologous inferred',
    study: {
      title: 'Bone Marrow MSCs for Steroid-Refractory GVHD',
      description:
        'Healthy volunteer donors undergo bone marrow aspiration; mesenchymal stem cells are expanded and infused ' +
        'intravenously into the patients.',
      interventions: [{ name: 'Mesenchymal stem cells', description: 'Intravenous infusion' }],
      conditions: ['Graft Versus Host Disease'],
    },
    expect: { category: 'msc_cells', donor: 'allogeneic' },
  },
];
