/**
 * Modifications, generalisation round 10. A priming word about what happens to the cells in the patient after their
 * administration is not a priming of the product: an introductory clause placing the cells in the body ("After
 * infusion, MSCs are activated by ...", "Once in the lungs, ..."), the body itself ("in the body", "in the patients'
 * lungs", "the hypoxic conditions of the injured tissue"). A priming step written as a noun or an active verb
 * ("pre-treatment of MSCs with IFN-γ", "stimulation of MSCs with IFN-γ for 48 h before injection", "we precondition
 * the MSCs with hypoxia", "MSCs primed ex vivo") is primed. Gene editing named without "gene-edited" (genome
 * editing, TALEN, zinc finger nucleases, base editing, Cas9), a "genetic modification of MSCs", a viral or expression
 * vector, MSCs "expressing a recombinant/exogenous" protein and hTERT immortalisation are genetically_modified.
 */
import { described, study, type CaseTable } from './case.js';

const GENETIC =
  'genetically_modified: transfected/transduced/gene-edited MSCs, incl. CRISPR (the modification applies to the MSC product given)';

const PRIMED =
  'primed: preconditioned/licensed before administration: cytokines, hypoxia, drugs, 3D spheroid culture';

const inBody: CaseTable = [
  {
    name: '"After infusion, the MSCs are activated by the inflammatory cytokines of the patient": not primed',
    guideline: PRIMED,
    study: described(
      'Stromal Cells in ARDS',
      'After infusion, the MSCs will be activated by inflammatory cytokines in the patient and release anti-inflammatory factors.',
      ['ARDS'],
    ),
    expect: { category: 'msc_cells', modifications: [] },
  },
  {
    name: '"Once in the lungs, the MSCs become licensed by IFN-γ": not primed',
    guideline: PRIMED,
    study: described(
      'Stromal Cells in COVID-19 Pneumonia',
      'Once in the lungs, the MSCs become licensed by IFN-γ and TNF-α.',
      ['COVID-19 Pneumonia'],
    ),
    expect: { category: 'msc_cells', modifications: [] },
  },
  {
    name: 'MSCs "stimulated by cytokines in the patients\' lungs" / "in the body": not primed',
    guideline: PRIMED,
    study: described(
      'Stromal Cells in ARDS',
      "The MSCs will be stimulated by cytokines in the patients' lungs. In the body, MSCs are exposed to inflammatory cytokines, which license them.",
      ['ARDS'],
    ),
    expect: { category: 'msc_cells', modifications: [] },
  },
  {
    name: 'MSCs "activated by the hypoxic conditions of the injured tissue": not primed',
    guideline: PRIMED,
    study: described(
      'Stromal Cells in Myocardial Infarction',
      'The MSCs are activated by the hypoxic conditions of the injured tissue.',
      ['Myocardial Infarction'],
    ),
    expect: { category: 'msc_cells', modifications: [] },
  },
  {
    name: '"Following transplantation of hypoxia-preconditioned MSCs" (no comma clause) still names a primed product',
    guideline: PRIMED,
    study: described(
      'Hypoxic Stromal Cells in Heart Failure',
      'Following transplantation of hypoxia-preconditioned MSCs, patients are followed for 12 months.',
      ['Heart Failure'],
    ),
    expect: { category: 'msc_cells', modifications: ['primed'] },
  },
  {
    name: 'cells "primed with IFN-γ for 48 h"; patients followed "after infusion" in a later clause: primed',
    guideline: PRIMED,
    study: described(
      'Licensed Stromal Cells in Graft-versus-Host Disease',
      'In this study, the MSCs will be primed with IFN-γ for 48 h before infusion, and patients are monitored after infusion.',
      ['Graft vs Host Disease'],
    ),
    expect: { category: 'msc_cells', modifications: ['primed'] },
  },
];

const worded: CaseTable = [
  {
    name: '"Pre-treatment of MSCs with IFN-γ and TNF-α before infusion": primed',
    guideline: PRIMED,
    study: study(
      'Stromal Cells in Graft-versus-Host Disease',
      'Pre-treatment of MSCs with IFN-γ and TNF-α before infusion.',
      ['Graft vs Host Disease'],
    ),
    expect: { category: 'msc_cells', modifications: ['primed'] },
  },
  {
    name: '"Pretreatment of the cells with melatonin" (a drug): primed',
    guideline: PRIMED,
    study: study(
      'Stromal Cells in Kidney Injury',
      'Pretreatment of the cells with melatonin, then one infusion.',
      ['Acute Kidney Injury'],
    ),
    expect: { modifications: ['primed'] },
  },
  {
    name: '"Stimulation of MSCs with IFN-γ for 48 h before injection" in the description: primed',
    guideline: PRIMED,
    study: described(
      'Stromal Cells in Crohn Disease',
      'Stimulation of MSCs with IFN-γ for 48 h before injection into the fistula.',
      ["Crohn's Disease"],
    ),
    expect: { modifications: ['primed'] },
  },
  {
    name: '"Exposure of MSCs to hypoxia (1% O2) for 24 h before transplantation": primed',
    guideline: PRIMED,
    study: study(
      'Stromal Cells in Limb Ischemia',
      'Exposure of MSCs to hypoxia (1% O2) for 24 h before transplantation into the calf.',
      ['Critical Limb Ischemia'],
    ),
    expect: { modifications: ['primed'] },
  },
  {
    name: '"We precondition the MSCs with hypoxia before transplantation": primed',
    guideline: PRIMED,
    study: described(
      'Stromal Cells in Heart Failure',
      'We precondition the MSCs with hypoxia before transplantation.',
      ['Heart Failure'],
    ),
    expect: { modifications: ['primed'] },
  },
  {
    name: '"MSCs primed ex vivo": primed',
    guideline: PRIMED,
    study: study('Stromal Cells in Sepsis', 'MSCs primed ex vivo, one infusion.', ['Sepsis']),
    expect: { modifications: ['primed'] },
  },
  {
    name: 'a pretreatment of the cells with trypsin or SPIO nanoparticles (detaching, labelling) is no priming',
    guideline: PRIMED,
    study: study(
      'Stromal Cells in Stroke',
      'Pretreatment of the MSCs with trypsin to detach them; pre-incubation of the MSCs with SPIO nanoparticles for MRI tracking.',
      ['Stroke'],
    ),
    expect: { category: 'msc_cells', modifications: [] },
  },
  {
    name: 'a mechanism sentence ("Stimulation of MSCs with IFN-γ induces IDO", "Activation of MSCs by inflammatory cytokines is necessary ...") is no priming',
    guideline: PRIMED,
    study: described(
      'Stromal Cells in Lupus',
      'Stimulation of MSCs with IFN-γ induces IDO expression. Activation of MSCs by inflammatory cytokines is necessary for their immunosuppressive function.',
      ['Systemic Lupus Erythematosus'],
    ),
    expect: { category: 'msc_cells', modifications: [] },
  },
  {
    name: 'a co-culture potency assay ("Incubation of MSCs with patient PBMCs for 5 days") and the patients\' treatment are no priming',
    guideline: PRIMED,
    study: described(
      'Stromal Cells in Lupus',
      'Incubation of MSCs with patient PBMCs for 5 days in a potency assay. Treatment of patients with IFN-γ is not allowed.',
      ['Systemic Lupus Erythematosus'],
    ),
    expect: { category: 'msc_cells', modifications: [] },
  },
];

const genetic = (name: string, description: string): CaseTable[number] => ({
  name: `${name}: genetically_modified`,
  guideline: GENETIC,
  study: study('Stromal Cells in Glioblastoma', description, ['Glioblastoma']),
  expect: { category: 'msc_cells', modifications: ['genetically_modified'] },
});

const edited: CaseTable = [
  genetic('"genome-edited MSCs"', 'Genome-edited MSCs, one intravenous infusion.'),
  genetic('MSCs "modified by TALEN"', 'MSCs modified by TALEN to knock out HLA class I.'),
  genetic('"zinc finger nuclease-modified MSCs"', 'Zinc finger nuclease-modified MSCs, infused.'),
  genetic('"base-edited" MSCs', 'MSCs base-edited at the B2M locus.'),
  genetic(
    '"Genetic modification of MSCs with the HGF gene"',
    'Genetic modification of MSCs with the HGF gene before infusion.',
  ),
  genetic('MSCs "carrying a viral vector encoding TRAIL"', 'MSCs carrying a viral vector encoding TRAIL.'),
  genetic('"MSCs expressing a recombinant IL-10"', 'MSCs expressing a recombinant IL-10.'),
  genetic('"hTERT-immortalized MSCs"', 'hTERT-immortalized MSCs.'),
  {
    name: 'negated or background gene-editing words ("No viral vectors are used", "not genome-edited", "reported in mice") are not stated',
    guideline: GENETIC,
    study: described(
      'Stromal Cells in Heart Failure',
      'No viral vectors are used. The MSCs are not genome-edited. Genome editing of MSCs has been reported in mice.',
      ['Heart Failure'],
    ),
    expect: { category: 'msc_cells', modifications: [] },
  },
];

export const cases: CaseTable = [...inBody, ...worded, ...edited];
