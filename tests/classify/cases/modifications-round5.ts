/** Modifications, generalisation round 5: licensing, culture conditions, gene transfer and lineage induction said in other words; negation. */
import type { CaseTable } from './case.js';

const study = (title: string, description: string, conditions: string[]) => ({
  title,
  interventions: [{ name: 'Mesenchymal stromal cells', description }],
  conditions,
});

export const cases: CaseTable = [
  {
    name: 'MSCs "licensed with" a cytokine before administration are primed',
    guideline: 'primed: preconditioned/licensed before administration: cytokines such as IFN-γ',
    study: study(
      'Licensed Stromal Cells in Steroid-refractory GVHD',
      'Allogeneic umbilical cord MSCs licensed with interferon-gamma for two days, then infused intravenously.',
      ['Graft Versus Host Disease'],
    ),
    expect: { category: 'msc_cells', modifications: ['primed'], routes: ['intravenous'] },
  },
  {
    name: 'MSCs that "were pretreated with" a drug before the infusion are primed',
    guideline: 'primed: preconditioned ... drugs',
    study: study(
      'Pretreated Marrow Stromal Cells After Myocardial Infarction',
      'Bone marrow MSCs were pretreated with atorvastatin for 24 hours before intracoronary infusion.',
      ['Myocardial Infarction'],
    ),
    expect: { category: 'msc_cells', modifications: ['primed'] },
  },
  {
    name: 'MSCs "stimulated with" an inflammatory cytokine are primed',
    study: study(
      'Stimulated MSCs in Crohn Disease',
      'Adipose MSCs stimulated with TNF-alpha and IFN-gamma are injected into the fistula tract.',
      ['Perianal Fistula'],
    ),
    expect: { category: 'msc_cells', modifications: ['primed'] },
  },
  {
    name: 'MSCs grown "under hypoxia" are primed',
    guideline: 'primed: ... hypoxia',
    study: study(
      'Hypoxic Cord MSCs for Acute Lung Injury',
      'Umbilical cord MSCs cultured under hypoxia (2% O2) are given intravenously on day 1 and day 3.',
      ['Acute Respiratory Distress Syndrome'],
    ),
    expect: { category: 'msc_cells', modifications: ['primed'] },
  },
  {
    name: 'MSCs "3D-cultured" or grown as three-dimensional aggregates are primed',
    guideline: 'primed: ... 3D spheroid culture',
    study: study(
      'Aggregated Adipose Stem Cells for Knee Osteoarthritis',
      'Autologous adipose MSCs, 3D-cultured and grown as three-dimensional aggregates, are injected intra-articularly.',
      ['Knee Osteoarthritis'],
    ),
    expect: { category: 'msc_cells', modifications: ['primed'], routes: ['intra_articular'] },
  },
  {
    name: 'MSCs grown under normal oxygen are not primed',
    study: study(
      'Cord MSCs in Bronchopulmonary Dysplasia',
      'Umbilical cord MSCs cultured under normoxic conditions are given intratracheally.',
      ['Bronchopulmonary Dysplasia'],
    ),
    expect: { category: 'msc_cells', modifications: [] },
  },
  {
    name: 'MSCs "electroporated with mRNA" are genetically modified',
    guideline: 'genetically_modified: transfected/transduced/gene-edited MSCs',
    study: study(
      'mRNA-modified Stromal Cells for Ischemic Stroke',
      'Allogeneic MSCs electroporated with mRNA encoding a homing receptor, infused intra-arterially.',
      ['Ischemic Stroke'],
    ),
    expect: { category: 'msc_cells', modifications: ['genetically_modified'] },
  },
  {
    name: 'MSCs "carrying a suicide gene" are genetically modified',
    study: study(
      'Gene-carrying Stromal Cells in Head and Neck Cancer',
      'Allogeneic MSCs carrying a suicide gene are injected into the tumour, followed by ganciclovir.',
      ['Head and Neck Cancer'],
    ),
    expect: { category: 'msc_cells', modifications: ['genetically_modified'] },
  },
  {
    name: 'MSCs with a "knockdown of" a gene are genetically modified',
    study: study(
      'Modified Cord MSCs in Sepsis',
      'Umbilical cord MSCs with knockdown of an immune checkpoint gene are given intravenously.',
      ['Sepsis'],
    ),
    expect: { category: 'msc_cells', modifications: ['genetically_modified'] },
  },
];
