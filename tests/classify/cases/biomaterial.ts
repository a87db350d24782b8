/** Biomaterial: the MSC product combined with a scaffold, gel, matrix, membrane or graft (not saline, albumin, PRP). */
import type { CaseTable } from './case.js';

export const cases: CaseTable = [
  {
    name: 'MSCs seeded on a collagen scaffold and implanted in a bone defect: carrier, intraosseous and surgical',
    guideline:
      'intraosseous: bone defect filling; surgical_implantation: implanted during surgery on a scaffold/graft',
    study: {
      title: 'BM-MSC on a collagen scaffold for bone defects',
      interventions: [
        {
          name: 'BM-MSC seeded on a collagen scaffold',
          description: 'surgically implanted into the bone defect',
        },
      ],
      conditions: ['Bone Defect'],
    },
    expect: { biomaterial: true, routes: ['intraosseous', 'surgical_implantation'] },
  },
  {
    name: 'MSCs diluted in platelet-rich plasma are not on a carrier',
    guideline: 'saline/albumin/plasma-lyte/PRP do not count as carrier material',
    study: {
      title: 'UC-MSC in PRP for knee OA',
      interventions: [{ name: 'UC-MSC', description: 'diluted in platelet-rich plasma, intra-articular' }],
      conditions: ['Knee Osteoarthritis'],
    },
    expect: { biomaterial: false },
  },
  {
    name: 'MSCs cultured on an amniotic membrane transplant: carrier, surgical implantation, no placental source',
    guideline: 'biomaterial: membrane carrier; the membrane is not the tissue the MSCs come from',
    study: {
      title: 'Ocular surface reconstruction',
      interventions: [
        {
          name: 'Bone marrow mesenchymal stem cells',
          description:
            'Allogeneic bone marrow mesenchymal stem cells cultured on amniotic membrane transplant',
        },
      ],
      conditions: ['Limbal Stem Cell Deficiency'],
    },
    expect: { biomaterial: true, sources: ['bone_marrow'], routes: ['surgical_implantation'] },
  },
  {
    name: '"umbilical cord matrix" is a tissue source, not a carrier matrix',
    study: {
      title: 'MSC in psoriasis',
      interventions: [
        {
          name: 'Umbilical cord mesenchymal stem cells',
          description: 'MSCs isolated from umbilical cord matrix, given intravenously',
        },
      ],
    },
    expect: { biomaterial: false, sources: ['umbilical_cord'] },
  },
  {
    name: '"human albumin (HA)" is a suspension medium, not a hyaluronic acid carrier',
    guideline: 'saline/albumin do not count',
    study: {
      title: 'MSC in xerostomia',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description: 'MSCs suspended in saline and human albumin (HA) 1%, injected into the gland',
        },
      ],
    },
    expect: { biomaterial: false },
  },
  {
    name: 'mechanism sentences ("source of extracellular matrix", "membrane antigens") are not carriers',
    study: {
      title: 'MSC in liver disease',
      interventions: [{ name: 'Mesenchymal stem cells', description: 'Intravenous MSC infusion' }],
      description:
        'MSCs may also inhibit stellate cells, the main source of extracellular matrix. In vitro, MSCs express membrane antigens.',
    },
    expect: { biomaterial: false },
  },
  {
    name: 'MSCs mixed with HA (hyaluronic acid) are on a carrier',
    guideline: 'hyaluronic acid hydrogel counts',
    study: {
      title: 'MSC in knee OA',
      interventions: [
        { name: 'Mesenchymal stem cells', description: 'MSCs mixed with HA, intra-articular injection' },
      ],
    },
    expect: { biomaterial: true },
  },
  {
    name: 'an extracellular-matrix patch placed with the cells is a carrier',
    study: {
      title: 'MSC with an epicardial extracellular matrix',
      interventions: [
        {
          name: 'WJ-MSCs',
          description: 'Injection of WJ-MSCs and placement of an epicardial extracellular matrix',
        },
      ],
    },
    expect: { biomaterial: true },
  },
  {
    name: '"MSCs versus hyaluronic acid" with hyaluronic acid as its own intervention is a comparator, not a carrier',
    study: {
      title: 'Adipose MSCs versus hyaluronic acid in hip osteoarthritis',
      interventions: [
        {
          name: 'Adipose mesenchymal stem cells',
          description: 'One intra-articular injection of MSCs in saline.',
        },
        {
          name: 'Hyaluronic acid',
          type: 'DRUG',
          description: 'One intra-articular injection of hyaluronic acid.',
        },
      ],
    },
    expect: { biomaterial: false },
  },
  {
    name: 'MSCs in a hyaluronic acid gel stay on a carrier even when a control gets the gel alone',
    guideline: 'hyaluronic acid hydrogel counts',
    study: {
      title: 'MSCs in hyaluronic acid gel for cartilage defects',
      interventions: [
        {
          name: 'MSCs in hyaluronic acid hydrogel',
          description: 'Cord MSCs mixed with hyaluronic acid hydrogel, implanted in the defect.',
        },
        { name: 'Hyaluronic acid', type: 'DRUG' },
      ],
    },
    expect: { biomaterial: true },
  },
];
