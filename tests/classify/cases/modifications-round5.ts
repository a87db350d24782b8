/** Modifications, generalisation round 5: licensing, culture conditions, gene transfer and lineage induction said in other words; negation. */
import { study, type CaseTable } from './case.js';

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
  {
    name: 'MSCs said "not genetically modified" have no modification',
    guideline: 'modifications: empty if none stated',
    study: study(
      'Unmodified Marrow MSCs in Multiple Sclerosis',
      'The MSCs are expanded ex vivo and are not genetically modified; they are infused intravenously.',
      ['Multiple Sclerosis'],
    ),
    expect: { category: 'msc_cells', modifications: [] },
  },
  {
    name: 'MSCs "induced into" neural stem cells before use are differentiated',
    guideline:
      'differentiated: induced toward another lineage before administration, e.g. neural progenitors',
    study: study(
      'Induced Neural Cells From Marrow MSCs in Spinal Cord Injury',
      'Autologous bone marrow MSCs induced into neural stem cells are injected intrathecally.',
      ['Spinal Cord Injury'],
    ),
    expect: { category: 'msc_cells', modifications: ['differentiated'], routes: ['intrathecal'] },
  },
  {
    name: 'MSCs "chondrogenically differentiated" before implantation are differentiated',
    guideline: 'differentiated: chondrogenic/osteogenic pre-differentiation',
    study: study(
      'Cartilage Repair With Pre-committed Adipose MSCs',
      'Autologous adipose MSCs chondrogenically differentiated on a collagen scaffold, implanted at arthrotomy.',
      ['Cartilage Defect'],
    ),
    expect: { category: 'msc_cells', modifications: ['differentiated'] },
  },
  {
    name: 'hepatocyte-like cells derived from MSCs ("MSC-derived hepatocytes") are differentiated MSCs',
    guideline: 'msc_cells includes MSCs induced/differentiated before use',
    study: study(
      'MSC-derived Hepatocytes in Acute Liver Failure',
      'Umbilical cord MSC-derived hepatocytes are infused through the hepatic artery.',
      ['Acute Liver Failure'],
    ),
    expect: { category: 'msc_cells', modifications: ['differentiated'] },
  },
  {
    name: 'a general statement that MSCs "can be induced into" other lineages is no modification',
    study: study(
      'Marrow MSCs in Osteonecrosis',
      'MSCs can be induced into osteoblasts. Autologous bone marrow MSCs are injected into the femoral head.',
      ['Osteonecrosis of the Femoral Head'],
    ),
    expect: { category: 'msc_cells', modifications: [] },
  },
];
