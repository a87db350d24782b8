/** Category, generalisation round 4: a product given without culture, said as "unprocessed" or "immediately returned". */
import type { CaseTable } from './case.js';

export const cases: CaseTable = [
  {
    name: 'marrow "injected unprocessed" into a vein, called stem cells: a non-expanded mixture',
    guideline:
      'stromal_mixture: a minimally manipulated, non-expanded cell mixture ... unless culture-expanded',
    study: {
      title: 'Autologous Bone Marrow Stem Cells for Premature Ovarian Insufficiency',
      interventions: [
        {
          name: 'Bone marrow mesenchymal stem cells',
          description:
            'Bone marrow is aspirated from the iliac crest, filtered and injected unprocessed into a peripheral vein.',
        },
      ],
      conditions: ['Premature Ovarian Insufficiency'],
    },
    expect: { category: 'stromal_mixture', included: true },
  },
  {
    name: '"unmanipulated" adipose cells: a non-expanded mixture',
    study: {
      title: 'Adipose Stem Cells in Knee Osteoarthritis',
      interventions: [
        {
          name: 'Adipose-derived stem cells',
          description: 'Unmanipulated adipose-derived stem cells are injected into the knee joint.',
        },
      ],
      conditions: ['Knee Osteoarthritis'],
    },
    expect: { category: 'stromal_mixture', routes: ['intra_articular'] },
  },
  {
    name: 'fat "crushed, filtered and immediately returned" to the joint, called ADSCs: a non-expanded mixture',
    study: {
      title: 'Autologous ADSCs for Knee Osteoarthritis',
      interventions: [
        {
          name: 'ADSCs',
          description:
            'Abdominal fat is harvested, crushed and filtered, and the adipose-derived stem cells are immediately ' +
            'returned to the articular cavity.',
        },
      ],
      conditions: ['Knee Osteoarthritis'],
    },
    expect: { category: 'stromal_mixture', donor: 'autologous' },
  },
  {
    name: 'cells expanded in culture and then "immediately injected" after thawing: still MSC cells',
    study: {
      title: 'Expanded Umbilical Cord MSCs in Knee Osteoarthritis',
      interventions: [
        {
          name: 'UC-MSC',
          description:
            'Umbilical cord MSCs are culture-expanded to passage 4, cryopreserved, thawed and immediately injected ' +
            'into the knee.',
        },
      ],
      conditions: ['Knee Osteoarthritis'],
    },
    expect: { category: 'msc_cells' },
  },
];
