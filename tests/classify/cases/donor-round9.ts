/**
 * Donor, generalisation round 9: cells from a cell bank (also where the same span is an in-vitro cue of the category
 * and in a sentence on the cells' laboratory testing), products called "universal" cells, and a product term
 * before a "manufactured from" / "provided by" source.
 */
import type { CaseTable } from './case.js';

const DONOR = '"donor", "off-the-shelf", "third-party" ... = allogeneic';

export const cases: CaseTable = [
  {
    name: 'an intervention named "Working cell bank MSCs": allogeneic (the bank words are not lost to the in-vitro cue)',
    guideline: DONOR,
    study: {
      title: 'Stromal Cells for Perianal Fistula',
      interventions: [
        {
          name: 'Working cell bank MSCs',
          description: 'Grown in vitro under GMP and injected around the tract.',
        },
      ],
      conditions: ['Perianal Fistula'],
    },
    expect: { category: 'msc_cells', donor: 'allogeneic', reasons: { donor: 'stated.bound' } },
  },
  {
    name: 'MSCs "manufactured from a master cell bank, characterized in vitro" then infused: allogeneic',
    guideline: DONOR,
    study: {
      title: 'Stromal Cell Infusion in Dilated Cardiomyopathy',
      summary:
        'Stromal cells manufactured from a master cell bank, characterized in vitro for potency, are infused through a peripheral vein.',
      interventions: [{ name: 'Mesenchymal stromal cells', description: 'One infusion.' }],
      conditions: ['Dilated Cardiomyopathy'],
    },
    expect: { category: 'msc_cells', donor: 'allogeneic' },
  },
  {
    name: 'marrow MSCs "cultured in vitro and stored in a cell bank", given intravenously: allogeneic',
    guideline: DONOR,
    study: {
      title: 'Marrow Stromal Cells in Lupus Nephritis',
      description: 'The marrow stromal cells were cultured in vitro and stored in a cell bank until use.',
      interventions: [{ name: 'Bone marrow MSC', description: 'Intravenous, once.' }],
      conditions: ['Lupus Nephritis'],
    },
    expect: { category: 'msc_cells', donor: 'allogeneic' },
  },
  {
    name: '"cell bank-derived stromal cells": allogeneic',
    guideline: DONOR,
    study: {
      title: 'Cell Bank-Derived Stromal Cells in Osteoarthritis of the Hip',
      interventions: [{ name: 'Stromal cells', description: 'Intra-articular injection.' }],
      conditions: ['Hip Osteoarthritis'],
    },
    expect: { category: 'msc_cells', donor: 'allogeneic' },
  },
  {
    name: 'a study that only builds a master cell bank (nobody receives cells) stays ex vivo, donor unspecified',
    guideline: 'Use `unspecified` for `ex_vivo_only`',
    study: {
      title: 'Building a Master Cell Bank of Cord Stromal Cells',
      studyType: 'OBSERVATIONAL',
      summary:
        'Cords from healthy deliveries are collected; the stromal cells are isolated, expanded and frozen in a master cell bank. No cells are given to anyone.',
      interventions: [{ name: 'Cord collection', type: 'OTHER' }],
      conditions: ['Healthy'],
    },
    expect: { category: 'ex_vivo_only', donor: 'unspecified' },
  },
  {
    name: 'a product of "universal adult cells" (not the patient\'s, given to any patient): allogeneic',
    guideline: DONOR,
    study: {
      title: 'Stem Cells After Partial Meniscus Removal',
      officialTitle: 'Universal Adult Cells Injected Into the Knee After Partial Meniscectomy',
      summary: 'The product is a suspension of adult mesenchymal stem cells in hyaluronan.',
      interventions: [{ name: 'Mesenchymal stem cells', description: 'Single injection into the knee.' }],
      conditions: ['Meniscus Tear'],
    },
    expect: { category: 'msc_cells', donor: 'allogeneic' },
  },
  {
    name: '"universal precautions" in a study of the patient\'s own cells is no donor word: autologous',
    guideline: '"From the patient\'s own ..." = autologous',
    study: {
      title: 'Autologous Stromal Cells for Knee Cartilage',
      summary: 'Staff follow universal precautions while handling the autologous MSCs.',
      interventions: [{ name: 'Autologous MSC', description: 'Injected into the knee.' }],
      conditions: ['Cartilage Defect'],
    },
    expect: { donor: 'autologous' },
  },
];
