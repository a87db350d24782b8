/**
 * Donor, generalisation round 9: cells from a cell bank (also where the same span is an in-vitro cue of the category
 * and in a sentence on the cells' laboratory testing), products called "universal" cells, and a product term
 * before a "manufactured from" / "provided by" source.
 */
import type { CaseTable, LabelCase } from './case.js';

const DONOR = '"donor", "off-the-shelf", "third-party" ... = allogeneic';
const NOT_SAID = 'when the record does not say something, use the "unspecified" value';

const banks: CaseTable = [
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

const OWN = '"From the patient\'s own ..." = autologous';
const mk = (summary: string): LabelCase['study'] => ({
  title: 'Stromal Cells in Knee Osteoarthritis',
  summary,
  interventions: [{ name: 'Mesenchymal stem cells', description: 'Intra-articular injection.' }],
  conditions: ['Knee Osteoarthritis'],
});

/** The patient's own tissue said without "autologous" or "own"; a relative's tissue. */
export const worded: CaseTable = [
  {
    name: 'MSCs "obtained from the recipient" before a transplant: autologous',
    guideline: OWN,
    study: mk('The stromal cells are obtained from the recipient two months before surgery and expanded.'),
    expect: { donor: 'autologous' },
  },
  {
    name: 'MSCs from marrow "taken from the recipient\'s related donor": allogeneic, not the recipient\'s own',
    guideline: DONOR,
    study: mk("The stromal cells are expanded from marrow taken from the recipient's related donor."),
    expect: { donor: 'allogeneic' },
  },
  {
    name: '"each patient\'s adipose tissue is collected by liposuction": autologous',
    guideline: OWN,
    study: mk(
      "Each patient's adipose tissue is collected by liposuction and the stromal cells are expanded.",
    ),
    expect: { donor: 'autologous' },
  },
  {
    name: 'MSCs "isolated from bone marrow of the participants are injected": autologous',
    guideline: OWN,
    study: mk('Stromal cells isolated from bone marrow of the participants are injected after expansion.'),
    expect: { donor: 'autologous' },
  },
  {
    name: 'marrow "harvested from the mother of the patient": not the patient\'s own',
    guideline: NOT_SAID,
    study: mk('Bone marrow is harvested from the mother of the patient and the stromal cells are expanded.'),
    expect: { donor: 'unspecified' },
  },
  {
    name: 'MSCs "from the child\'s father": allogeneic',
    guideline: DONOR,
    study: mk("Stromal cells from the child's father are expanded and injected."),
    expect: { donor: 'allogeneic' },
  },
  {
    name: 'patients receive MSCs "expanded from their bone marrow": autologous',
    guideline: OWN,
    study: mk('Patients receive stromal cells expanded from their bone marrow.'),
    expect: { donor: 'autologous' },
  },
  {
    name: 'MSCs "from healthy volunteers, expanded from their bone marrow": allogeneic, not both',
    guideline: DONOR,
    study: mk('Stromal cells are obtained from healthy volunteers and expanded from their bone marrow.'),
    expect: { donor: 'allogeneic' },
  },
  {
    name: '"autologous bone marrow mononuclear cells and umbilical cord MSCs": both (the autologous word is the MNCs\')',
    guideline: '`both` (different arms/parts use each); umbilical cord products given to adults = allogeneic',
    study: {
      title: 'Marrow Cells and Cord Stromal Cells in Type 2 Diabetes',
      interventions: [
        {
          name: 'Autologous bone marrow mononuclear cells and umbilical cord mesenchymal stem cells',
          description: 'Both products are infused through the pancreatic artery.',
        },
      ],
      conditions: ['Type 2 Diabetes'],
    },
    expect: { donor: 'both', reasons: { donor: 'autologous_plus_perinatal' } },
  },
  {
    name: '"autologous umbilical cord blood" (the child\'s own banked cord): autologous',
    guideline: "unless the record says the patient's own banked cord",
    study: {
      title: 'Autologous Umbilical Cord Blood Stromal Cells in Cerebral Palsy',
      interventions: [
        { name: 'Autologous umbilical cord blood mesenchymal stem cells', description: 'Intravenous.' },
      ],
      conditions: ['Cerebral Palsy'],
      maxAge: '6 Years',
    },
    expect: { donor: 'autologous' },
  },
];

/** The harvest the patients undergo, named only in the eligibility criteria (an inference: medium confidence). */
const eligibility: CaseTable = [
  {
    name: 'marrow MSCs, "Contraindication to bone marrow aspiration" among the exclusion criteria: autologous (medium)',
    guideline: OWN,
    study: {
      title: 'Marrow Stromal Cells for Knee Osteoarthritis',
      interventions: [
        { name: 'Bone marrow mesenchymal stem cells', description: 'Intra-articular injection.' },
      ],
      conditions: ['Knee Osteoarthritis'],
      eligibility: 'Exclusion Criteria:\n- Contraindication to bone marrow aspiration\n- Pregnancy',
    },
    expect: {
      donor: 'autologous',
      reasons: { donor: 'harvest_in_procedure' },
      confidence: { donor: 'medium' },
    },
  },
  {
    name: 'adipose MSCs, "INR above 2 before liposuction" among the exclusion criteria: autologous',
    guideline: OWN,
    study: {
      title: 'Adipose Stromal Cells for Knee Osteoarthritis',
      interventions: [
        { name: 'Adipose-derived mesenchymal stem cells', description: 'Intra-articular injection.' },
      ],
      conditions: ['Knee Osteoarthritis'],
      eligibility: 'Exclusion Criteria:\n- INR above 2 before liposuction',
    },
    expect: { donor: 'autologous', reasons: { donor: 'harvest_in_procedure' } },
  },
  {
    name: '"bone marrow aspiration showing less than 5% blasts" (a diagnostic finding): donor unspecified',
    guideline: NOT_SAID,
    study: {
      title: 'Marrow Stromal Cells in Poor Graft Function',
      interventions: [{ name: 'Bone marrow mesenchymal stem cells', description: 'Intravenous infusion.' }],
      conditions: ['Poor Graft Function'],
      eligibility: 'Inclusion Criteria:\n- Bone marrow aspiration showing less than 5% blasts',
    },
    expect: { donor: 'unspecified' },
  },
  {
    name: 'a liposuction criterion beside a marrow product (no fat product): donor unspecified',
    guideline: NOT_SAID,
    study: {
      title: 'Marrow Stromal Cells for Knee Osteoarthritis',
      interventions: [
        { name: 'Bone marrow mesenchymal stem cells', description: 'Intra-articular injection.' },
      ],
      conditions: ['Knee Osteoarthritis'],
      eligibility: 'Exclusion Criteria:\n- Liposuction in the last 6 months',
    },
    expect: { donor: 'unspecified' },
  },
  {
    name: "a donor section of the criteria naming a marrow harvest: allogeneic (the donors' harvest)",
    guideline: DONOR,
    study: {
      title: 'Marrow Stromal Cells for Knee Osteoarthritis',
      interventions: [
        { name: 'Bone marrow mesenchymal stem cells', description: 'Intra-articular injection.' },
      ],
      conditions: ['Knee Osteoarthritis'],
      eligibility: 'Donor inclusion criteria:\n- Healthy adult\n- Fit for bone marrow harvest',
    },
    expect: { donor: 'allogeneic' },
  },
];

export const cases: CaseTable = [...banks, ...worded, ...eligibility];
