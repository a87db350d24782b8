/**
 * Donor, generalisation round 10: the patient's possessive right before the product ("the patients' bone
 * marrow-derived MSCs", "each subject's MSCs") and the cells' auto-transplantation ("autotransplantation of MSCs",
 * "MSCs are auto-transplanted") are the patient's own; "non-self" cells are not. More wordings of another person's
 * cells: a donor's possessive ("donors' bone marrow"), "of donor origin", "donor-sourced", cadaveric or deceased
 * donors' tissue, tissue donations, a mother's or father's marrow or fat, the marrow of the HSCT donor, "non-self".
 * Perinatal products written as abbreviations the source vocabulary missed ("hP-MSCs", "PD-MSCs", "hAM-MSCs",
 * "AF-MSCs", "CV-MSCs", "hUC MSCs", "UC-derived MSCs", "hWJSCs"): their source, and so allogeneic when given to adults.
 * Cells going back to the person they came from ("injected into the knee of the same patient", "the MSCs are returned
 * to the patient", "re-implanted in the patient") and "self bone marrow-derived MSCs" are autologous. Cells from
 * healthy persons written in the plural without an article ("MSCs from young healthy individuals", "obtained from
 * healthy subjects"), "from healthy adult bone marrow" and "volunteer bone marrow" are allogeneic.
 */
import { study, type CaseTable, type LabelCase } from './case.js';

const OWN = '"From the patient\'s own ..." = autologous';
const DONOR = '"donor", "off-the-shelf", "third-party" ... = allogeneic';
const PERINATAL = 'umbilical cord/placenta/cord blood products given to adults ... = allogeneic';
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
    expect: { category: 'msc_cells', donor: 'allogeneic' },
  },
];

const other: CaseTable = [
  {
    name: '"donors\' bone marrow MSCs" (plural possessive): allogeneic',
    guideline: DONOR,
    study: study('Stromal Cells in Graft-versus-Host Disease', "Donors' bone marrow MSCs, two infusions.", [
      'Graft vs Host Disease',
    ]),
    expect: { category: 'msc_cells', donor: 'allogeneic' },
  },
  {
    name: '"MSCs of donor origin" and "donor-sourced MSCs": allogeneic',
    guideline: DONOR,
    study: {
      title: 'Donor-Sourced MSCs in Knee Osteoarthritis',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description: 'MSCs of donor origin, one intra-articular injection.',
        },
      ],
      conditions: ['Knee Osteoarthritis'],
    },
    expect: { donor: 'allogeneic' },
  },
  {
    name: 'MSCs "from cadaveric donors" / "deceased donor bone marrow" / "cadaver vertebral bodies": allogeneic',
    guideline: DONOR,
    study: study(
      'Stromal Cells in Acute Respiratory Distress Syndrome',
      'MSCs isolated from cadaveric donors: marrow recovered from cadaver vertebral bodies, expanded and infused.',
      ['ARDS'],
    ),
    expect: { donor: 'allogeneic' },
  },
  {
    name: 'MSCs "obtained from bone marrow donations": allogeneic',
    guideline: DONOR,
    study: {
      title: 'Stem Cells in Ischemic Stroke',
      summary: 'Mesenchymal stem cells obtained from bone marrow donations are infused intravenously.',
      interventions: [{ name: 'Mesenchymal stem cells', description: 'Intravenous infusion.' }],
      conditions: ['Ischemic Stroke'],
    },
    expect: { donor: 'allogeneic' },
  },
  {
    name: 'MSCs "from the mother\'s bone marrow" given to a child: allogeneic',
    guideline: DONOR,
    study: study(
      'Stromal Cells in Osteogenesis Imperfecta',
      "MSCs expanded from the mother's bone marrow, infused.",
      ['Osteogenesis Imperfecta'],
    ),
    expect: { donor: 'allogeneic' },
  },
  {
    name: 'MSCs "from the bone marrow of the HSCT donor": allogeneic',
    guideline: DONOR,
    study: study(
      'Stromal Cells After Transplant',
      'MSCs expanded from the bone marrow of the HSCT donor, given on day 21.',
      ['Graft Failure'],
    ),
    expect: { donor: 'allogeneic' },
  },
  {
    name: 'kidney recipients "of kidneys from deceased donors" given MSCs: the organ donor is not the product\'s',
    guideline: NOT_SAID,
    study: {
      title: 'Stem Cells in Kidney Transplantation',
      summary:
        'Patients receiving kidneys from deceased donors are given mesenchymal stem cells intravenously.',
      interventions: [{ name: 'Mesenchymal stem cells', description: 'Intravenous infusion.' }],
      conditions: ['Kidney Transplantation'],
    },
    expect: { category: 'msc_cells', donor: 'unspecified' },
  },
  {
    name: 'islets "from cadaver" in a background sentence, a "cadaveric kidney transplant": no donor',
    guideline: NOT_SAID,
    study: {
      title: 'Stem Cells in Type 1 Diabetes',
      summary:
        'Transplantation of islets from cadaver is limited by a shortage of organ donations. Recipients of cadaveric kidney transplants are excluded. Mesenchymal stem cells are infused.',
      interventions: [{ name: 'Mesenchymal stem cells', description: 'Intravenous infusion.' }],
      conditions: ['Type 1 Diabetes'],
    },
    expect: { category: 'msc_cells', donor: 'unspecified' },
  },
];

const perinatal = (name: string, source: 'umbilical_cord' | 'placenta_amnion'): LabelCase => ({
  name: `"${name}" given to adults: ${source}, allogeneic`,
  guideline: PERINATAL,
  study: {
    title: `Infusion of ${name} in Chronic Heart Failure`,
    interventions: [{ name, description: 'Intravenous infusion of 1 million cells/kg.' }],
    conditions: ['Heart Failure'],
  },
  expect: {
    category: 'msc_cells',
    sources: [source],
    donor: 'allogeneic',
    reasons: { donor: 'perinatal_implied' },
  },
});

const abbreviations: CaseTable = [
  perinatal('hP-MSCs', 'placenta_amnion'),
  perinatal('PD-MSCs', 'placenta_amnion'),
  perinatal('hAM-MSCs', 'placenta_amnion'),
  perinatal('AF-MSCs', 'placenta_amnion'),
  perinatal('CV-MSCs', 'placenta_amnion'),
  perinatal('hUC MSCs', 'umbilical_cord'),
  perinatal('UC-derived MSCs', 'umbilical_cord'),
  perinatal('hWJSCs', 'umbilical_cord'),
  {
    name: 'ulcerative colitis abbreviated "UC" next to "MSCs" across a comma is no cord source',
    guideline: NOT_SAID,
    study: {
      title: 'Stromal Cells in Ulcerative Colitis',
      summary: 'In UC, MSCs may restore the mucosa. Patients with UC receive mesenchymal stromal cells.',
      interventions: [{ name: 'Mesenchymal stromal cells', description: 'Intravenous infusion.' }],
      conditions: ['Ulcerative Colitis'],
    },
    expect: { category: 'msc_cells', sources: [], donor: 'unspecified' },
  },
];

const back: CaseTable = [
  {
    name: 'cultured cells "injected into the knee of the same patient": autologous',
    guideline: OWN,
    study: study(
      'Stem Cells in Knee Osteoarthritis',
      'Cultured MSCs are injected into the knee of the same patient.',
      ['Knee Osteoarthritis'],
    ),
    expect: { category: 'msc_cells', donor: 'autologous' },
  },
  {
    name: '"the MSCs are returned to the patient" / "re-implanted in the patient": autologous',
    guideline: OWN,
    study: study(
      'Stem Cells in Cartilage Defects',
      'After expansion the MSCs are returned to the patient; any remaining cells are re-implanted in the patient at month 6.',
      ['Cartilage Defect'],
    ),
    expect: { donor: 'autologous' },
  },
  {
    name: '"self bone marrow-derived MSCs": autologous',
    guideline: OWN,
    study: study(
      'Stem Cells in Liver Cirrhosis',
      'Self bone marrow-derived MSCs infused into the hepatic artery.',
      ['Liver Cirrhosis'],
    ),
    expect: { donor: 'autologous' },
  },
  {
    name: 'questionnaire "results are returned to the patient" is no return of the cells',
    guideline: NOT_SAID,
    study: {
      title: 'Stem Cell Therapy in Knee Osteoarthritis',
      summary:
        'Mesenchymal stem cells are injected and the questionnaire results are returned to the patient.',
      interventions: [{ name: 'Mesenchymal stem cells', description: 'Intra-articular injection.' }],
      conditions: ['Knee Osteoarthritis'],
    },
    expect: { category: 'msc_cells', donor: 'unspecified' },
  },
];

const healthy: CaseTable = [
  {
    name: '"MSCs from young healthy individuals" / "obtained from healthy subjects": allogeneic',
    guideline: DONOR,
    study: study(
      'Stromal Cells in Knee Osteoarthritis',
      'MSCs from young healthy individuals; bone marrow MSCs obtained from healthy subjects.',
      ['Knee Osteoarthritis'],
    ),
    expect: { category: 'msc_cells', donor: 'allogeneic' },
  },
  {
    name: 'MSCs "from healthy adult bone marrow" / "volunteer bone marrow": allogeneic',
    guideline: DONOR,
    study: study(
      'Stromal Cells in Lupus',
      'MSCs from healthy adult bone marrow (volunteer bone marrow), infused.',
      ['Systemic Lupus Erythematosus'],
    ),
    expect: { donor: 'allogeneic' },
  },
  {
    name: 'healthy subjects as laboratory comparators or blood-test controls, and "volunteer patients", decide nothing',
    guideline: NOT_SAID,
    study: {
      title: 'Stem Cell Therapy in Knee Osteoarthritis',
      summary:
        'Mesenchymal stem cells of patients will be compared with cells of healthy subjects in vitro. Healthy volunteers will serve as controls for blood tests. Volunteer patients receive mesenchymal stem cells.',
      interventions: [{ name: 'Mesenchymal stem cells', description: 'Intra-articular injection.' }],
      conditions: ['Knee Osteoarthritis'],
    },
    expect: { category: 'msc_cells', donor: 'unspecified' },
  },
];

export const cases: CaseTable = [...own, ...other, ...abbreviations, ...back, ...healthy];
