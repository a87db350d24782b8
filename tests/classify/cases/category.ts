/** Category and screening: which studies give an MSC product, and why the others do not. */
import type { CaseTable } from './case.js';

export const cases: CaseTable = [
  {
    name: 'MSC mentioned only in the eligibility criteria is unrelated',
    guideline: 'an MSC named only where patients are screened is not an intervention',
    study: {
      title: 'Platelet-rich plasma injection for knee osteoarthritis',
      interventions: [{ name: 'Platelet-rich plasma', description: 'Single intra-articular PRP injection' }],
      eligibility: 'Exclusion Criteria:\n- previous treatment with mesenchymal stem cells',
      conditions: ['Knee Osteoarthritis'],
    },
    expect: {
      category: 'unrelated',
      included: false,
      screeningReason: 'exclude.mention_only_in_eligibility',
      sources: [],
      routes: [],
    },
  },
  {
    name: 'a "stromal tumour" is a disease, not a stromal cell product',
    study: {
      title: 'Imatinib in Gastrointestinal Stromal Tumor',
      summary:
        'Patients with resected gastrointestinal stromal tumour take imatinib 400 mg daily for three years.',
      interventions: [{ name: 'Imatinib', type: 'DRUG' }],
      conditions: ['GIST'],
    },
    expect: { category: 'unrelated', screeningReason: 'exclude.no_msc_mention' },
  },
  {
    name: 'a title-only record that names no MSC product is undetermined, never unrelated',
    guideline: 'undetermined: the record names no MSC product but lacks the fields that could',
    study: { title: 'Cell therapy for knee osteoarthritis', conditions: ['Knee Osteoarthritis'] },
    expect: { category: 'undetermined', included: false, confidence: { category: 'low' } },
  },
  {
    name: 'an MSC named in passing (background) of a haematopoietic transplant is not an MSC intervention',
    guideline:
      'unrelated: the word appears only in background, or the study is about another cell type such as HSC',
    study: {
      title: 'Haploidentical Hematopoietic Stem Cell Transplantation in Acute Leukemia',
      interventions: [
        {
          name: 'Haploidentical HSCT',
          type: 'PROCEDURE',
          description: 'Peripheral blood stem cells from a haploidentical donor',
        },
      ],
      description:
        'Previous studies have shown that mesenchymal stem cells can reduce graft-versus-host disease. In this trial patients receive a haploidentical transplant.',
      conditions: ['Acute Myeloid Leukemia'],
    },
    expect: { category: 'unrelated', included: false },
  },
  {
    name: 'SVF isolated and injected the same day (no culture expansion) is a stromal mixture',
    guideline: 'stromal_mixture: SVF, unless the record says MSCs were culture-expanded',
    study: {
      title: 'Autologous Stromal Vascular Fraction for Knee Osteoarthritis',
      interventions: [
        {
          name: 'Stromal vascular fraction',
          description:
            'Adipose tissue is harvested by liposuction and the SVF is isolated by enzymatic digestion and injected the same day into the knee joint.',
        },
      ],
      conditions: ['Osteoarthritis, Knee'],
    },
    expect: {
      category: 'stromal_mixture',
      sources: ['adipose'],
      donor: 'autologous',
      routes: ['intra_articular'],
    },
  },
  {
    name: 'SVF-derived cells with a stated culture expansion are msc_cells',
    guideline:
      'stromal_mixture ... unless the record says MSCs were isolated and culture-expanded (then msc_cells)',
    study: {
      title: 'Expanded Adipose Stromal Cells for Knee Osteoarthritis',
      interventions: [
        {
          name: 'Stromal vascular fraction derived cells',
          description: 'The SVF is culture-expanded for three passages before an intra-articular injection.',
        },
      ],
      conditions: ['Osteoarthritis, Knee'],
    },
    expect: { category: 'msc_cells' },
  },
  {
    name: 'exosomes derived from MSCs are msc_derived (nebulized: inhalation)',
    study: {
      title: 'Exosomes Derived From Umbilical Cord Mesenchymal Stem Cells for COVID-19',
      interventions: [
        {
          name: 'MSC-derived exosomes',
          description:
            'Nebulized inhalation of exosomes derived from allogeneic umbilical cord MSCs, twice daily',
        },
      ],
      conditions: ['COVID-19'],
    },
    expect: {
      category: 'msc_derived',
      routes: ['inhalation'],
      sources: ['umbilical_cord'],
      covid19: true,
      specialty: 'pneumology',
    },
  },
  {
    name: 'MSCs and their secretome given together are msc_cells',
    guideline: 'If a study has both MSC cells and MSC-derived products as interventions, use msc_cells',
    study: {
      title: 'MSC and MSC Secretome in ARDS',
      interventions: [
        { name: 'Mesenchymal stromal cells', description: 'Intravenous infusion of MSCs' },
        { name: 'Conditioned medium', description: 'Secretome of MSCs given intravenously' },
      ],
      conditions: ['ARDS'],
    },
    expect: { category: 'msc_cells' },
  },
  {
    name: 'MSCs only isolated and characterized in vitro are ex_vivo_only, with no donor or source',
    guideline: 'ex_vivo_only: MSCs only laboratory material; donor unspecified for ex_vivo_only',
    study: {
      title: 'Characterization of Mesenchymal Stem Cells From Synovial Fluid',
      studyType: 'OBSERVATIONAL',
      summary:
        'Mesenchymal stem cells will be isolated from synovial fluid samples and characterized in vitro by flow cytometry.',
      conditions: ['Osteoarthritis'],
    },
    expect: { category: 'ex_vivo_only', donor: 'unspecified', sources: [] },
  },
  {
    name: 'an observational cohort of patients treated with MSCs counts as the product given',
    guideline: 'msc_cells: administers (or follows up patients given) living MSCs',
    study: {
      title: 'Long-term Follow-up of Patients Treated With Mesenchymal Stromal Cells',
      studyType: 'OBSERVATIONAL',
      arms: [
        {
          label: 'MSC cohort',
          type: null,
          description: 'Patients treated with mesenchymal stromal cells for steroid-refractory GVHD',
        },
      ],
      conditions: ['Graft vs Host Disease'],
    },
    expect: { category: 'msc_cells', specialty: 'hematology_transplant' },
  },
  {
    name: 'concentrated bone marrow (buffy coat) injected into a fracture is a stromal mixture',
    guideline: 'stromal_mixture: bone marrow aspirate concentrate; intraosseous: bone defect filling',
    study: {
      title: 'Injection of Concentrated Autologous Bone-marrow in Tibial Fractures',
      interventions: [
        {
          name: 'Concentrated autologous bone-marrow',
          type: 'PROCEDURE',
          description:
            'Marrow is aspirated and centrifuged to obtain a buffy coat, then injected percutaneously in the fracture site.',
        },
      ],
      conditions: ['Tibial Fractures'],
    },
    expect: {
      category: 'stromal_mixture',
      sources: ['bone_marrow'],
      donor: 'autologous',
      routes: ['intraosseous'],
    },
  },
  {
    name: 'a long-term follow-up study of patients given MSCs in an earlier trial is msc_cells',
    guideline: 'msc_cells: administers (or follows up patients given) living MSCs',
    study: {
      title:
        'Long-term Follow up of Autologous Bone Marrow Derived Mesenchymal Stem Cells in a Urological Disease',
      studyType: 'OBSERVATIONAL',
      interventions: [{ name: 'No intervention', type: 'OTHER' }],
      summary:
        'This is a long term follow up study to evaluate the safety of autologous bone marrow derived mesenchymal stem cells in subjects who completed the phase 1 trial.',
    },
    expect: { category: 'msc_cells' },
  },
  {
    name: 'an observational study characterising MSCs in the laboratory stays ex_vivo_only',
    study: {
      title: 'Properties of Mesenchymal Stem Cells in Lung Transplant',
      studyType: 'OBSERVATIONAL',
      summary: 'Mesenchymal stem cells will be isolated from lavage samples and characterized in vitro.',
    },
    expect: { category: 'ex_vivo_only' },
  },
];
