/**
 * Donor, generalisation round 10: the patient's possessive right before the product ("the patients' bone
 * marrow-derived MSCs", "each subject's MSCs") and the cells' auto-transplantation ("autotransplantation of MSCs",
 * "MSCs are auto-transplanted") are the patient's own; "non-self" cells are not.
 */
import { study, type CaseTable } from './case.js';

const OWN = '"From the patient\'s own ..." = autologous';
const NOT_SAID = 'when the record does not say something, use the "unspecified" value';

const own: CaseTable = [
  {
    name: '"the patients\' bone marrow-derived MSCs": autologous',
    guideline: OWN,
    study: study(
      'Stromal Cells in Knee Osteoarthritis',
      "The patients' bone marrow-derived MSCs are injected into the knee.",
      ['Knee Osteoarthritis'],
    ),
    expect: { category: 'msc_cells', donor: 'autologous', reasons: { donor: 'stated.bound' } },
  },
  {
    name: '"each subject\'s adipose-derived stem cells": autologous',
    guideline: OWN,
    study: {
      title: 'Adipose Stem Cells for Lymphedema',
      summary:
        "Each subject's adipose-derived stem cells are expanded for three weeks and injected into the arm.",
      interventions: [
        { name: 'Adipose-derived stem cells', description: 'Injection into the affected arm.' },
      ],
      conditions: ['Lymphedema'],
    },
    expect: { category: 'msc_cells', donor: 'autologous' },
  },
  {
    name: '"the participant\'s MSCs" in an intervention: autologous',
    guideline: OWN,
    study: study(
      'Stromal Cells in Multiple Sclerosis',
      "The participant's MSCs, expanded under GMP, given intravenously.",
      ['Multiple Sclerosis'],
    ),
    expect: { donor: 'autologous' },
  },
  {
    name: 'a patient\'s possessive before a non-MSC word ("the patient\'s bone marrow cellularity") decides nothing',
    guideline: NOT_SAID,
    study: study(
      'Stromal Cells in Aplastic Anemia',
      "Mesenchymal stromal cells are infused; the patient's bone marrow cellularity is assessed at day 90.",
      ['Aplastic Anemia'],
    ),
    expect: { category: 'msc_cells', donor: 'unspecified' },
  },
  {
    name: '"autotransplantation of mesenchymal stem cells": autologous',
    guideline: OWN,
    study: {
      title: 'Autotransplantation of Mesenchymal Stem Cells in Liver Cirrhosis',
      interventions: [{ name: 'Mesenchymal stem cells', description: 'Infusion into the hepatic artery.' }],
      conditions: ['Liver Cirrhosis'],
    },
    expect: { category: 'msc_cells', donor: 'autologous' },
  },
  {
    name: '"auto-transplantation of cultured bone marrow MSCs": autologous',
    guideline: OWN,
    study: study(
      'Stromal Cells in Spinal Cord Injury',
      'Auto-transplantation of cultured bone marrow MSCs by lumbar puncture.',
      ['Spinal Cord Injury'],
    ),
    expect: { donor: 'autologous' },
  },
  {
    name: '"the MSCs are autotransplanted into the knee": autologous',
    guideline: OWN,
    study: study(
      'Stromal Cells in Cartilage Defects',
      'The MSCs are autotransplanted into the knee under arthroscopy.',
      ['Cartilage Defect'],
    ),
    expect: { donor: 'autologous' },
  },
  {
    name: 'a haematopoietic autotransplant the patients undergo does not make the MSC product autologous',
    guideline: NOT_SAID,
    study: study(
      'Stromal Cells After Autotransplant in Myeloma',
      'Patients scheduled for autotransplantation of peripheral blood stem cells receive one infusion of mesenchymal stromal cells.',
      ['Multiple Myeloma'],
    ),
    expect: { category: 'msc_cells', donor: 'unspecified' },
  },
  {
    name: '"non-self MSCs" are not the patient\'s own (no autologous reading of "self")',
    guideline: OWN,
    study: study('Stromal Cells in Crohn Disease', 'Non-self MSCs injected around the fistula tract.', [
      "Crohn's Disease",
    ]),
    expect: { category: 'msc_cells' },
  },
];

export const cases: CaseTable = [...own];
