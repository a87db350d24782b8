/**
 * Category, round 9 (classes that decide the donor too): fat grafts carrying added cells (cell-assisted
 * lipotransfer, a graft enriched with adipose stem cells) and osteoblastic cells derived from bone marrow (MSCs
 * differentiated toward bone before implantation), with the named products of that kind.
 */
import type { CaseTable } from './case.js';

const CELLS = 'msc_cells: ... MSCs induced/differentiated before use ... Also named MSC products';
const NOT_GIVEN = 'unrelated: no MSC product is given and MSCs are not studied (e.g. ... background)';

export const cases: CaseTable = [
  {
    name: 'a "cell-assisted lipotransfer" whose graft is "enriched with adipose-derived stem cells": included',
    guideline: 'msc_cells / stromal_mixture: the cells added to the graft are given',
    study: {
      title: 'Cell-Assisted Lipotransfer in Facial Hemiatrophy',
      interventions: [
        {
          name: 'Cell-assisted lipotransfer',
          type: 'PROCEDURE',
          description:
            'The fat graft is enriched with adipose-derived stem cells and injected into the cheek.',
        },
      ],
      conditions: ['Facial Hemiatrophy'],
    },
    expect: { included: true, category: 'msc_cells', sources: ['adipose'] },
  },
  {
    name: 'an arm "Enriched fat grafting" whose fat is "mixed with stromal vascular fraction": stromal mixture',
    guideline: 'stromal_mixture: stromal vascular fraction (SVF) administered',
    study: {
      title: 'Fat Grafting of the Fingers in Systemic Sclerosis',
      arms: [
        {
          label: 'Enriched fat grafting',
          description:
            'The harvested fat is mixed with stromal vascular fraction before injection into the fingers.',
        },
        { label: 'Fat grafting', type: 'ACTIVE_COMPARATOR', description: 'Fat alone.' },
      ],
      interventions: [{ name: 'Fat grafting', type: 'PROCEDURE' }],
      conditions: ['Systemic Sclerosis'],
    },
    expect: { category: 'stromal_mixture' },
  },
  {
    name: 'a plain fat graft whose description says fat "contains adipose-derived stem cells": unrelated',
    guideline: NOT_GIVEN,
    study: {
      title: 'Fat Grafting for Burn Scars',
      interventions: [
        {
          name: 'Fat grafting',
          type: 'PROCEDURE',
          description: 'Fat contains adipose-derived stem cells that may improve healing.',
        },
      ],
      conditions: ['Burn Scar'],
    },
    expect: { category: 'unrelated', donor: 'unspecified' },
  },
  {
    name: 'a fat graft "supplemented with PRP" (another product) beside a sentence on MSCs: not an MSC product',
    guideline: 'unrelated: ... platelet-rich plasma alone',
    study: {
      title: 'Fat Grafting With Platelet-Rich Plasma for Scars',
      interventions: [
        {
          name: 'Fat grafting supplemented with PRP',
          type: 'PROCEDURE',
          description: 'PRP is known to stimulate MSCs.',
        },
      ],
      conditions: ['Scar'],
    },
    expect: { included: false },
  },
  {
    name: 'a breast augmentation by "fat transfer" whose graft "contains adipose stem cells": unrelated',
    guideline: NOT_GIVEN,
    study: {
      title: 'Breast Augmentation With Fat Grafting',
      interventions: [
        {
          name: 'Fat transfer',
          type: 'PROCEDURE',
          description: 'Fat is harvested and injected; the graft contains adipose stem cells.',
        },
      ],
      conditions: ['Micromastia'],
    },
    expect: { category: 'unrelated' },
  },
  {
    name: '"bone marrow-derived osteoblastic cells" implanted: MSC cells, differentiated, bone marrow, donor unstated',
    guideline: CELLS,
    study: {
      title: 'Bone Marrow-Derived Osteoblastic Cells in Delayed Union of the Tibia',
      interventions: [
        { name: 'Osteoblastic cells', description: 'Implanted percutaneously into the fracture site.' },
      ],
      conditions: ['Delayed Union'],
    },
    expect: {
      category: 'msc_cells',
      sources: ['bone_marrow'],
      modifications: ['differentiated'],
      donor: 'unspecified',
    },
  },
  {
    name: '"osteoblastic cells cultured from the patient\'s own bone marrow": MSC cells, differentiated, autologous',
    guideline: CELLS,
    study: {
      title: 'Cell Therapy for Osteonecrosis of the Femoral Head',
      summary:
        "Osteoblastic cells cultured from the patient's own bone marrow are implanted into the necrotic lesion after core decompression.",
      interventions: [{ name: 'Osteoblastic cell implantation', description: 'Single implantation.' }],
      conditions: ['Osteonecrosis of the Femoral Head'],
    },
    expect: { category: 'msc_cells', modifications: ['differentiated'], donor: 'autologous' },
  },
  {
    name: '"osteoblast-like cells derived from allogeneic bone marrow" on a carrier: MSC cells, allogeneic',
    guideline: CELLS,
    study: {
      title: 'Osteoblast-Like Cells Derived From Allogeneic Bone Marrow in Spinal Fusion',
      interventions: [
        { name: 'Cell product', description: 'Applied on a ceramic carrier in the fusion bed.' },
      ],
      conditions: ['Spinal Fusion'],
    },
    expect: { category: 'msc_cells', sources: ['bone_marrow'], donor: 'allogeneic' },
  },
  {
    name: 'markers of osteoblastic cells measured under a drug: unrelated',
    guideline: NOT_GIVEN,
    study: {
      title: 'Bone Formation Under Teriparatide',
      summary: 'Serum markers of osteoblastic cells are measured every month.',
      interventions: [{ name: 'Teriparatide', type: 'DRUG' }],
      conditions: ['Osteoporosis'],
    },
    expect: { category: 'unrelated' },
  },
  {
    name: 'the named product PREOB (bone marrow osteoblastic cells): MSC cells, bone marrow, differentiated',
    guideline: CELLS,
    study: {
      title: 'PREOB Implantation in Atrophic Nonunion',
      interventions: [{ name: 'PREOB', description: 'Autologous cells implanted into the nonunion site.' }],
      conditions: ['Nonunion'],
    },
    expect: {
      category: 'msc_cells',
      product: 'PREOB',
      sources: ['bone_marrow'],
      modifications: ['differentiated'],
      donor: 'autologous',
    },
  },
  {
    name: 'the named product ALLOB with no donor word: MSC cells, donor unspecified (not a GUIDELINE product fact)',
    guideline:
      'do not guess from general knowledge, EXCEPT for well-known named MSC products listed at the end',
    study: {
      title: 'ALLOB in Lumbar Fusion',
      interventions: [{ name: 'ALLOB', description: 'Cells on a ceramic carrier placed in the fusion bed.' }],
      conditions: ['Degenerative Disc Disease'],
    },
    expect: {
      category: 'msc_cells',
      product: 'ALLOB',
      modifications: ['differentiated'],
      donor: 'unspecified',
    },
  },
];
