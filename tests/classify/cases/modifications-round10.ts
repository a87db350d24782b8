/**
 * Modifications, generalisation round 10. A priming word about what happens to the cells in the patient after their
 * administration is not a priming of the product: an introductory clause placing the cells in the body ("After
 * infusion, MSCs are activated by ...", "Once in the lungs, ..."), the body itself ("in the body", "in the patients'
 * lungs", "the hypoxic conditions of the injured tissue").
 */
import { described, type CaseTable } from './case.js';

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

export const cases: CaseTable = [...inBody];
