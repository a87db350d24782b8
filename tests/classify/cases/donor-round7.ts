/** Donor, generalisation round 7: donor words of a haematopoietic transplant, perinatal sources given to infants, donor facts of products the GUIDELINE does not name, and harvests done on the patients. */
import type { CaseTable } from './case.js';

/**
 * A donor word qualifying the patients' haematopoietic transplant or its cells is about the graft, not the MSC
 * product, wherever it sits (titles, interventions, descriptions).
 */
const transplant: CaseTable = [
  {
    name: 'MSCs for GVHD "after allogeneic haematopoietic stem cell transplantation" (title only): unspecified',
    guideline: 'when the record does not say something, use the "unspecified" value',
    study: {
      title: 'Stromal Cells for Chronic GVHD',
      officialTitle:
        'Mesenchymal Stromal Cells for Chronic Graft-versus-host Disease After Allogeneic Haematopoietic Stem Cell Transplantation',
      interventions: [
        { name: 'Mesenchymal stromal cells', description: 'One million cells per kg by vein, weekly.' },
      ],
      conditions: ['Chronic Graft-versus-host Disease'],
    },
    expect: { category: 'msc_cells', donor: 'unspecified', reasons: { donor: 'none_stated' } },
  },
  {
    name: 'a title naming the patients\' "allogeneic bone marrow transplantation" next to the MSC product: unspecified',
    guideline: 'when the record does not say something, use the "unspecified" value',
    study: {
      title:
        'Marrow Stromal Cell Infusion for Poor Graft Function Following Allogeneic Bone Marrow Transplantation',
      interventions: [
        { name: 'MSC infusion', description: 'Mesenchymal stem cells given intravenously on day 0.' },
      ],
      conditions: ['Poor Graft Function'],
    },
    expect: { category: 'msc_cells', donor: 'unspecified' },
  },
  {
    name: 'an intervention "MSCs co-infused during an allogeneic blood and marrow transplant": unspecified',
    guideline: 'when the record does not say something, use the "unspecified" value',
    study: {
      title: 'Co-infusion of Stromal Cells With the Graft',
      interventions: [
        {
          name: 'MSC co-infusion',
          description:
            'Mesenchymal stromal cells co-infused during an allogeneic blood and marrow transplant.',
        },
      ],
      conditions: ['Leukemia'],
    },
    expect: { category: 'msc_cells', donor: 'unspecified' },
  },
  {
    name: '"allogeneic HSCs and mesenchymal stem cells" (the word qualifies the haematopoietic cells): unspecified',
    guideline: 'when the record does not say something, use the "unspecified" value',
    study: {
      title:
        'Gut Microbiome Over Transplantation of Allogeneic Haematopoietic Stem Cells and Mesenchymal Stem Cells',
      summary:
        'Stool samples are followed over allogeneic HSCs and mesenchymal stem cells transplantation in the same patients.',
      interventions: [{ name: 'Mesenchymal stem cells', description: 'Given intravenously.' }],
      conditions: ['Graft-versus-host Disease'],
    },
    expect: { donor: 'unspecified' },
  },
  {
    name: '"third-party" MSCs given after an allogeneic HSCT: allogeneic (the MSC product\'s own donor word)',
    guideline: '"donor", "off-the-shelf", "third-party" ... = allogeneic',
    study: {
      title: 'Third-party Mesenchymal Stromal Cells for Steroid-refractory Acute GVHD After Allogeneic HSCT',
      interventions: [
        { name: 'Third-party mesenchymal stromal cells', description: 'Two million cells per kg by vein.' },
      ],
      conditions: ['Acute Graft-versus-host Disease'],
    },
    expect: { category: 'msc_cells', donor: 'allogeneic' },
  },
];

/** Donor facts: only the products GUIDELINE.md names; any other product's donor is general knowledge. */
const products: CaseTable = [
  {
    name: 'a product the GUIDELINE does not name (Cellavita HD), no donor word: unspecified',
    guideline:
      'do not guess from general knowledge, EXCEPT for well-known named MSC products listed at the end',
    study: {
      title: 'Cellavita HD in Huntington Disease',
      interventions: [
        { name: 'Cellavita HD', description: 'Mesenchymal stem cells, three intravenous doses.' },
      ],
      conditions: ['Huntington Disease'],
    },
    expect: {
      category: 'msc_cells',
      product: 'Cellavita HD',
      donor: 'unspecified',
      reasons: { donor: 'none_stated' },
    },
  },
  {
    name: 'a product the GUIDELINE names (Lomecel-B), no donor word: its donor fact, allogeneic',
    guideline: 'Lomecel-B (Longeveron): allogeneic BM-MSC',
    study: {
      title: 'Lomecel-B for Aging Frailty',
      interventions: [{ name: 'Lomecel-B', description: 'One intravenous infusion.' }],
      conditions: ['Frailty'],
    },
    expect: { product: 'Lomecel-B', donor: 'allogeneic', reasons: { donor: 'product_fact' } },
  },
  {
    name: 'a product the GUIDELINE does not name, made from umbilical cord, given to adults: allogeneic (perinatal source)',
    guideline: 'umbilical cord/placenta/cord blood products given to adults ... = allogeneic',
    study: {
      title: 'Pneumostem in Adults With Lung Injury',
      interventions: [
        {
          name: 'Pneumostem',
          description: 'Umbilical cord blood-derived mesenchymal stem cells, intravenous.',
        },
      ],
      conditions: ['Acute Lung Injury'],
      maxAge: '80 Years',
    },
    expect: { donor: 'allogeneic', reasons: { donor: 'perinatal_implied' } },
  },
  {
    name: '"micro-fragmented autologous adipose tissue" (the donor word inside the mixture name), no product fact: autologous',
    guideline: '"From the patient\'s own ..." = autologous',
    study: {
      title: 'Micro-fragmented Autologous Adipose Tissue for Hip Osteoarthritis',
      interventions: [
        { name: 'Micro-fragmented adipose tissue', description: 'One intra-articular injection.' },
      ],
      conditions: ['Hip Osteoarthritis'],
    },
    expect: { category: 'stromal_mixture', donor: 'autologous', reasons: { donor: 'stated.bound' } },
  },
];

/** Perinatal sources: the guideline infers allogeneic for adults; newborns and infants may get their own cord. */
const infants: CaseTable = [
  {
    name: 'umbilical cord MSCs given to preterm newborns (maximum age 14 days), no donor word: unspecified',
    guideline:
      'umbilical cord/placenta/cord blood products given to adults ... = allogeneic; else do not guess',
    study: {
      title: 'Umbilical Cord Mesenchymal Stem Cells for Bronchopulmonary Dysplasia in Preterm Infants',
      interventions: [
        {
          name: 'UC-MSCs',
          description: 'Umbilical cord-derived MSCs instilled once through the endotracheal tube.',
        },
      ],
      conditions: ['Bronchopulmonary Dysplasia'],
      stdAges: ['CHILD'],
      maxAge: '14 Days',
    },
    expect: { category: 'msc_cells', sources: ['umbilical_cord'], donor: 'unspecified' },
  },
  {
    name: 'placental MSCs given to infants up to 6 months: unspecified',
    guideline:
      'umbilical cord/placenta/cord blood products given to adults ... = allogeneic; else do not guess',
    study: {
      title: 'Placental Stromal Cells for Infant Hypoxic Brain Injury',
      interventions: [
        { name: 'Placenta-derived mesenchymal stromal cells', description: 'Given intravenously.' },
      ],
      conditions: ['Hypoxic-Ischemic Encephalopathy'],
      stdAges: ['CHILD'],
      maxAge: '6 Months',
    },
    expect: { donor: 'unspecified' },
  },
  {
    name: 'umbilical cord MSCs given to children up to 14 years: allogeneic (older than infants)',
    guideline: 'umbilical cord/placenta/cord blood products given to adults ... = allogeneic',
    study: {
      title: 'Umbilical Cord Mesenchymal Stem Cells for Cerebral Palsy in Children',
      interventions: [{ name: 'UC-MSC', description: 'Umbilical cord MSCs by lumbar puncture, four times.' }],
      conditions: ['Cerebral Palsy'],
      stdAges: ['CHILD'],
      maxAge: '14 Years',
    },
    expect: { donor: 'allogeneic', reasons: { donor: 'perinatal_implied' } },
  },
  {
    name: 'cord MSCs "from healthy donors" given to newborns: allogeneic (stated)',
    guideline: '"donor" ... = allogeneic',
    study: {
      title: 'Cord Stromal Cells for Preterm Infants',
      interventions: [
        {
          name: 'Umbilical cord MSCs',
          description: 'Umbilical cord mesenchymal stem cells from healthy donors, given intravenously.',
        },
      ],
      conditions: ['Bronchopulmonary Dysplasia'],
      stdAges: ['CHILD'],
      maxAge: '28 Days',
    },
    expect: { donor: 'allogeneic' },
  },
];

/** Donor words of what is given with the cells: the medium, a blood product, co-given mononuclear cells. */
const coGiven: CaseTable = [
  {
    name: 'allogeneic MSCs "suspended in autologous platelet-rich plasma": allogeneic, not both',
    guideline:
      'donor of the MSC product; platelet-rich plasma is not the product (category: "PRP alone" is unrelated)',
    study: {
      title: 'Allogeneic Mesenchymal Stem Cells for Dental Pulp Necrosis',
      interventions: [
        {
          name: 'MSC in PRP',
          description:
            'Allogeneic mesenchymal stem cells resuspended in autologous platelet-rich plasma; the MSC pellet is placed in the canal.',
        },
      ],
      conditions: ['Pulp Necrosis'],
    },
    expect: { donor: 'allogeneic' },
  },
  {
    name: 'MSCs "diluted in autologous serum", no other donor word: not autologous from the serum',
    guideline: 'when the record does not say something, use the "unspecified" value',
    study: {
      title: 'Mesenchymal Stem Cells for Spinal Cord Injury',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description:
            'Bone marrow MSCs, 50 million cells diluted in autologous serum, injected intrathecally.',
        },
      ],
      conditions: ['Spinal Cord Injuries'],
    },
    expect: { category: 'msc_cells', donor: 'unspecified' },
  },
  {
    name: '"autologous BM-MNCs and allogeneic umbilical cord MSCs" in one intervention: allogeneic (the MSC product)',
    guideline: 'donor of the MSC product ("sources": "the tissue origins of the MSC product")',
    study: {
      title: 'Cell Therapy for Type 2 Diabetes',
      interventions: [
        {
          name: 'BM-MNC plus UC-MSC',
          description:
            'Autologous bone marrow mononuclear cells and allogeneic umbilical cord mesenchymal stem cells infused into the pancreatic artery.',
        },
      ],
      conditions: ['Type 2 Diabetes'],
    },
    expect: { donor: 'allogeneic' },
  },
  {
    name: 'an arm of autologous BM-MNCs and another arm of allogeneic UC-MSCs: both (different arms use each)',
    guideline: '"both" (different arms/parts use each)',
    study: {
      title: 'Scaffold With Cells for Chronic Spinal Cord Injury',
      arms: [
        {
          label: 'MNC',
          type: 'EXPERIMENTAL',
          description: 'Patients receive autologous bone marrow mononuclear cells on a scaffold.',
        },
        {
          label: 'MSC',
          type: 'EXPERIMENTAL',
          description: 'Patients receive allogeneic umbilical cord mesenchymal stem cells on a scaffold.',
        },
      ],
      conditions: ['Spinal Cord Injuries'],
    },
    expect: { donor: 'both' },
  },
];

/** Confidence: a donor label reached by inference is never high. */
const calibration: CaseTable = [
  {
    name: "a donor word on an experimental arm's cells that names no MSC term: allogeneic with medium confidence",
    guideline: '"donor" ... = allogeneic; the product is inferred from the arm, so not high',
    study: {
      title: 'Mesenchymal Stromal Cells on a Patch After Bypass Surgery',
      arms: [
        {
          label: 'Patch',
          type: 'EXPERIMENTAL',
          description: 'A patch grown with allogeneic stem cells is sutured on.',
        },
        { label: 'Surgery', type: 'ACTIVE_COMPARATOR', description: 'Bypass surgery only.' },
      ],
      conditions: ['Ischemic Heart Disease'],
    },
    expect: {
      donor: 'allogeneic',
      reasons: { donor: 'stated.experimental_arm' },
      confidence: { donor: 'medium' },
    },
  },
  {
    name: 'a perinatal source given to infants, nothing stated: unspecified, never high',
    guideline: 'when the record does not say something, use the "unspecified" value',
    study: {
      title: 'Cord Stromal Cells for Newborn Lung Disease',
      interventions: [{ name: 'Umbilical cord MSCs', description: 'Given through the endotracheal tube.' }],
      conditions: ['Bronchopulmonary Dysplasia'],
      stdAges: ['CHILD'],
      maxAge: '3 Months',
    },
    expect: { donor: 'unspecified', confidence: { donor: 'medium' } },
  },
];

/** Harvests done on the patients themselves: the cells are their own. */
const harvest: CaseTable = [
  {
    name: 'cells cultured from a marrow biopsy, then "infused ... to the same patient": autologous',
    guideline: '"From the patient\'s own ..." = autologous',
    study: {
      title: 'Mesenchymal Stem Cells for Diabetic Neuropathy',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description:
            'Marrow biopsy from the iliac crest, culture for four weeks, then two infusions to the same patient.',
        },
      ],
      conditions: ['Diabetic Neuropathies'],
    },
    expect: { category: 'msc_cells', donor: 'autologous' },
  },
  {
    name: '"participants will be exposed to an abdominal liposuction" for the stem cells: autologous',
    guideline: '"From the patient\'s own ..." = autologous',
    study: {
      title: 'Adipose-derived Stem Cells for Knee Osteoarthritis',
      summary:
        'Participants will be exposed to a simple abdominal liposuction under local anaesthesia to harvest the adipose stem cells.',
      interventions: [{ name: 'Adipose-derived stem cells', description: 'One intra-articular injection.' }],
      conditions: ['Knee Osteoarthritis'],
    },
    expect: { category: 'msc_cells', donor: 'autologous' },
  },
  {
    name: '"bone marrow will be harvested from the participants" and the MSCs expanded: autologous',
    guideline: '"From the patient\'s own ..." = autologous',
    study: {
      title: 'Marrow Stromal Cells for Heart Failure',
      interventions: [
        {
          name: 'Mesenchymal stromal cells',
          description:
            'Bone marrow will be harvested from the participants; MSCs are expanded and injected into the myocardium.',
        },
      ],
      conditions: ['Heart Failure'],
    },
    expect: { donor: 'autologous' },
  },
  {
    name: 'blood "collected from patients" next to an MSC infusion says nothing of the donor',
    guideline: 'when the record does not say something, use the "unspecified" value',
    study: {
      title: 'Mesenchymal Stromal Cells for Septic Shock',
      interventions: [
        {
          name: 'Mesenchymal stromal cells',
          description:
            'MSCs infused once; blood samples are collected from patients before the MSC infusion.',
        },
      ],
      conditions: ['Septic Shock'],
    },
    expect: { donor: 'unspecified' },
  },
];

export const cases: CaseTable = [
  ...transplant,
  ...products,
  ...infants,
  ...coGiven,
  ...calibration,
  ...harvest,
];
