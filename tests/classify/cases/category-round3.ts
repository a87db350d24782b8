/** Category, generalisation round 3: product-naming classes that decide cells vs cell-free products vs none. */
import type { CaseTable } from './case.js';

export const cases: CaseTable = [
  {
    name: '"MSc" (Master of Science) in a registry text is a degree, not MSCs',
    guideline: 'unrelated: no MSC product is given and MSCs are not studied',
    study: {
      title: 'Group exercise for balance after hip fracture',
      interventions: [
        {
          name: 'Balance training',
          type: 'BEHAVIORAL',
          description:
            'Sessions are run by a physiotherapist (BSc, MSc) with ten years of experience in falls prevention.',
        },
      ],
      conditions: ['Hip Fractures'],
    },
    expect: { category: 'unrelated', included: false },
  },
  {
    name: 'the upper-case acronym "MSCs" still names the cells',
    study: {
      title: 'Cell therapy for knee osteoarthritis',
      interventions: [
        { name: 'Autologous MSCs', description: 'A single intra-articular injection of MSCs.' },
      ],
      conditions: ['Knee Osteoarthritis'],
    },
    expect: { category: 'msc_cells', routes: ['intra_articular'] },
  },
  {
    name: 'a "stromal cell tumour" is a disease, not a stromal cell product',
    study: {
      title: 'Surgery of residual disease in metastatic stromal tumours',
      summary:
        'Patients with metastatic gastrointestinal stromal cell tumours responding to imatinib are randomised to surgery or no surgery.',
      interventions: [{ name: 'Resection of residual disease', type: 'PROCEDURE' }],
      conditions: ['Gastrointestinal Stromal Tumour'],
    },
    expect: { category: 'unrelated', included: false },
  },
  {
    name: 'a compound "MSCs-Exos" names exosomes, not cells',
    guideline: 'msc_derived: extracellular vesicles, exosomes ... made from MSCs',
    study: {
      title: 'Nebulised MSCs-Exos in acute lung injury',
      interventions: [{ name: 'MSCs-Exos', description: 'Nebulised MSCs-Exos twice daily for five days.' }],
      conditions: ['Acute Lung Injury'],
    },
    expect: { category: 'msc_derived', routes: ['inhalation'] },
  },
  {
    name: 'vesicles "that are secreted from" MSCs: the cells are their source',
    study: {
      title: 'Vesicle therapy in preterm infants',
      interventions: [
        {
          name: 'ABC-7',
          description:
            'ABC-7 is a preparation of extracellular vesicles that are secreted from human umbilical cord mesenchymal stromal cells.',
        },
      ],
      conditions: ['Bronchopulmonary Dysplasia'],
    },
    expect: { category: 'msc_derived', sources: ['umbilical_cord'] },
  },
  {
    name: 'trophic factors from MSCs are a cell-free product',
    study: {
      title: 'Trophic factor therapy for chronic asthma',
      interventions: [{ name: 'Trophic factors from adipose mesenchymal stem cells' }],
      conditions: ['Asthma'],
    },
    expect: { category: 'msc_derived', sources: ['adipose'] },
  },
  {
    name: 'mitochondria isolated from MSCs are a cell-free product',
    study: {
      title: 'Mitochondrial transfer for poor embryo quality',
      interventions: [
        {
          name: 'Mitochondria transfer',
          type: 'PROCEDURE',
          description:
            'Mitochondria isolated from autologous bone marrow mesenchymal stem cells are injected.',
        },
      ],
      conditions: ['Infertility'],
    },
    expect: { category: 'msc_derived', sources: ['bone_marrow'] },
  },
  {
    name: 'EVs named as the product, MSCs only as earlier work in the intervention text: derived',
    guideline: 'msc_cells only if cells and derived products are both interventions',
    study: {
      title: 'Mesenchymal Stem Cell Extracellular Vesicles for Chronic Wounds',
      interventions: [
        {
          name: 'XV-301',
          type: 'DRUG',
          description:
            'Wounds receive XV-301, vesicles derived from bone marrow MSCs. We treated wounds with MSCs in earlier work and saw faster healing.',
        },
      ],
      conditions: ['Chronic Wound'],
    },
    expect: { category: 'msc_derived', routes: [] },
  },
  {
    name: 'a short title naming the cells, the full title and intervention the secretome: derived',
    study: {
      title: 'Adipose Stem Cells in Severe Pneumonia',
      officialTitle: 'Secretome of Allogeneic Adipose Mesenchymal Stem Cells in Severe Pneumonia',
      interventions: [
        {
          name: 'Adipose mesenchymal stem cell secretome',
          description: 'Intravenous secretome daily for 3 days.',
        },
      ],
      conditions: ['Pneumonia'],
    },
    expect: { category: 'msc_derived', routes: ['intravenous'] },
  },
  {
    name: 'an arm naming the cells beside an arm naming their exosomes: cells',
    guideline: 'If a study has both MSC cells and MSC-derived products as interventions, use msc_cells',
    study: {
      title: 'Mesenchymal Stem Cell Exosomes or Cells in Knee Osteoarthritis',
      interventions: [
        { name: 'MSC exosomes', description: 'Intra-articular exosomes' },
        { name: 'Mesenchymal stem cells', description: 'Intra-articular cells' },
      ],
      conditions: ['Knee Osteoarthritis'],
    },
    expect: { category: 'msc_cells' },
  },
  {
    name: 'menstrual blood-derived stem cells are MSC-like cells (endometrial/menstrual source)',
    study: {
      title: 'Stem cells in severe viral pneumonia',
      interventions: [
        {
          name: 'Menstrual blood-derived stem cells',
          description: 'Intravenous infusion of 1 million cells/kg.',
        },
      ],
      conditions: ['Pneumonia, Viral'],
    },
    expect: { category: 'msc_cells', sources: ['endometrial_menstrual'], routes: ['intravenous'] },
  },
  {
    name: 'a follow-up record listing no intervention: the title code defined in the summary as MSCs is the product',
    guideline: 'msc_cells: the study administers (or follows up patients given) living MSCs',
    study: {
      title: 'Long-term Follow-up of the Phase 1 Trial of QX12AB07',
      summary:
        'Subjects of the phase 1 trial of autologous adipose-derived mesenchymal stem cells (QX12AB07) in knee osteoarthritis are followed for 5 years after administration.',
      conditions: ['Knee Osteoarthritis'],
    },
    expect: { category: 'msc_cells', included: true, sources: ['adipose'], donor: 'autologous' },
  },
  {
    name: 'a title code never defined as MSCs names no MSC product',
    study: {
      title: 'Long-term Follow-up of the Phase 1 Trial of QX12AB07',
      summary:
        'Subjects of the phase 1 trial of QX12AB07, a small-molecule kinase inhibitor, are followed for 5 years. Mesenchymal stem cells were studied in other trials.',
      conditions: ['Knee Osteoarthritis'],
    },
    expect: { category: 'unrelated', included: false },
  },
  {
    name: 'an interventional study whose interventions only take biopsies to characterise MSCs: ex vivo only',
    guideline: 'ex_vivo_only: MSCs appear only as laboratory material, nobody receives them',
    study: {
      title: 'Characterization of Mesenchymal Stromal Cells From Gastric Mucosa in Chronic Gastritis',
      summary: 'Mesenchymal stromal cells are isolated from gastric biopsies and characterized in vitro.',
      interventions: [
        {
          name: 'Gastric biopsies during endoscopy',
          type: 'OTHER',
          description: 'Four biopsies of the antrum',
        },
      ],
      conditions: ['Gastritis'],
    },
    expect: { category: 'ex_vivo_only', included: false },
  },
  {
    name: 'a harvest intervention beside a description that gives the cells back is not sampling only',
    study: {
      title: 'Autologous Mesenchymal Stem Cells in Knee Osteoarthritis',
      interventions: [
        {
          name: 'Bone marrow harvest',
          type: 'PROCEDURE',
          description:
            'Marrow is harvested; the expanded mesenchymal stem cells are injected into the knee 3 weeks later.',
        },
      ],
      conditions: ['Knee Osteoarthritis'],
    },
    expect: { category: 'msc_cells', included: true },
  },
];
