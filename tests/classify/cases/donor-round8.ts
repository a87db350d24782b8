/**
 * Donor, generalisation round 8: tissue harvested from the patient in the study's procedure (marrow, fat) and cells
 * added to the patient's own fat graft, no donor named.
 */
import type { CaseTable } from './case.js';

const OWN = '"From the patient\'s own ..." = autologous';
const NOT_SAID = 'when the record does not say something, use the "unspecified" value';

/**
 * Marrow harvested in the procedure from a site of the patient's skeleton (iliac crest, fracture site), with a bone
 * marrow product and no donor word anywhere: the patient's own marrow (an inference, medium confidence).
 */
const marrow: CaseTable = [
  {
    name: 'a marrow concentrate "aspirated from the posterior iliac crest" and injected, no donor word: autologous (medium)',
    guideline: OWN,
    study: {
      title: 'Marrow Concentrate Injection for Knee Osteoarthritis',
      interventions: [
        {
          name: 'Bone marrow aspirate concentrate',
          description:
            'Under sedation, bone marrow is aspirated from the posterior iliac crest, spun down at the bedside and injected into the knee joint.',
        },
      ],
      conditions: ['Knee Osteoarthritis'],
    },
    expect: {
      category: 'stromal_mixture',
      donor: 'autologous',
      reasons: { donor: 'harvest_in_procedure' },
      confidence: { donor: 'medium' },
    },
  },
  {
    name: '"iliac crest bone marrow aspiration" before a core decompression, no donor word: autologous',
    guideline: OWN,
    study: {
      title: 'Core Decompression With Marrow Concentrate for Femoral Head Osteonecrosis',
      summary:
        'Iliac crest bone marrow aspiration is followed by concentration of the marrow, which fills the decompression track.',
      interventions: [
        { name: 'Bone marrow concentrate', description: 'Delivered through the core decompression track.' },
      ],
      conditions: ['Osteonecrosis of the Femoral Head'],
    },
    expect: { donor: 'autologous', reasons: { donor: 'harvest_in_procedure' } },
  },
  {
    name: 'marrow "aspirated from the fracture site" during reaming and reapplied, no donor word: autologous',
    guideline: OWN,
    study: {
      title: 'Reamed Marrow Concentrate in Tibial Nonunion',
      interventions: [
        {
          name: 'Bone marrow concentrate',
          description:
            'Marrow aspirated from the fracture site while reaming is concentrated and packed into the nonunion gap.',
        },
      ],
      conditions: ['Tibial Nonunion'],
    },
    expect: { donor: 'autologous', reasons: { donor: 'harvest_in_procedure' } },
  },
  {
    name: 'culture-expanded MSCs from marrow "drawn from the iliac crest" of the study procedure, no donor word: autologous',
    guideline: OWN,
    study: {
      title: 'Expanded Marrow Stromal Cells for Ischaemic Cardiomyopathy',
      interventions: [
        {
          name: 'Bone marrow mesenchymal stem cells',
          description:
            'Forty millilitres of bone marrow are drawn from the iliac crest; the MSCs are grown for four weeks and injected into the myocardium.',
        },
      ],
      conditions: ['Ischemic Cardiomyopathy'],
    },
    expect: { category: 'msc_cells', donor: 'autologous', reasons: { donor: 'harvest_in_procedure' } },
  },
  {
    name: 'marrow aspirated from the iliac crest "of healthy donors": allogeneic, not the procedure harvest',
    guideline: '"donor" ... = allogeneic',
    study: {
      title: 'Marrow Stromal Cells for Crohn Disease',
      interventions: [
        {
          name: 'Bone marrow mesenchymal stromal cells',
          description:
            'Bone marrow is aspirated from the iliac crest of healthy donors and the MSCs are expanded; two intravenous doses.',
        },
      ],
      conditions: ['Crohn Disease'],
    },
    expect: { donor: 'allogeneic' },
  },
  {
    name: 'an iliac crest marrow collection for MSCs, and a donor word elsewhere in the record: no harvest inference',
    guideline: NOT_SAID,
    study: {
      title: 'Cell Therapies for Severe Viral Pneumonia',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description:
            'Marrow is collected from the iliac crest and the MSCs expanded in flasks; one intravenous dose.',
        },
        {
          name: 'Convalescent plasma',
          description: 'Plasma from recovered persons who meet the healthy donor criteria.',
        },
      ],
      conditions: ['Viral Pneumonia'],
    },
    expect: { category: 'msc_cells', donor: 'unspecified' },
  },
  {
    name: 'MSCs "derived from iliac bone marrow" (a source named, no harvest described): unspecified',
    guideline: NOT_SAID,
    study: {
      title: 'Marrow Stromal Cells in Femoral Nonunion',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description: 'Cells derived from iliac bone marrow, injected into the nonunion under fluoroscopy.',
        },
      ],
      conditions: ['Femoral Nonunion'],
    },
    expect: { donor: 'unspecified', reasons: { donor: 'none_stated' } },
  },
  {
    name: "the comparator arm's bone graft harvested from the iliac crest, MSCs of no stated donor: unspecified",
    guideline: NOT_SAID,
    study: {
      title: 'Stromal Cells on a Ceramic Versus Bone Graft in Spinal Fusion',
      interventions: [
        {
          name: 'Bone marrow MSCs on ceramic',
          description: 'Expanded bone marrow MSCs seeded on a ceramic scaffold at the fusion site.',
        },
        {
          name: 'Iliac crest graft',
          description: 'Bone marrow aspiration and a bone graft harvested from the iliac crest.',
        },
      ],
      arms: [
        { label: 'MSC', type: 'EXPERIMENTAL', interventionNames: ['Bone marrow MSCs on ceramic'] },
        { label: 'Graft', type: 'ACTIVE_COMPARATOR', interventionNames: ['Iliac crest graft'] },
      ],
      conditions: ['Degenerative Disc Disease'],
    },
    expect: { donor: 'unspecified' },
  },
  {
    name: 'marrow aspiration from the iliac crest told as background ("has been reported"): unspecified',
    guideline: NOT_SAID,
    study: {
      title: 'Marrow Concentrate for Rotator Cuff Repair',
      summary:
        'Bone marrow aspiration from the iliac crest has been reported as well tolerated in earlier studies.',
      interventions: [
        { name: 'Bone marrow aspirate concentrate', description: 'Applied to the repaired tendon.' },
      ],
      conditions: ['Rotator Cuff Tear'],
    },
    expect: { donor: 'unspecified' },
  },
];

/**
 * Fat harvested in the procedure from a site of the body, or a fat graft the record calls the patient's own that the
 * product is added to, with no donor word anywhere: the patient's own tissue (an inference, medium confidence).
 */
const fat: CaseTable = [
  {
    name: 'an SVF from "fat harvested from the lower abdomen" by syringe, no donor word: autologous (medium)',
    guideline: OWN,
    study: {
      title: 'Stromal Vascular Fraction for Hand Osteoarthritis',
      interventions: [
        {
          name: 'Stromal vascular fraction',
          description:
            'Fat is harvested from the lower abdomen with a small syringe, digested, and the SVF is injected into the finger joints.',
        },
      ],
      conditions: ['Hand Osteoarthritis'],
    },
    expect: {
      category: 'stromal_mixture',
      donor: 'autologous',
      reasons: { donor: 'harvest_in_procedure' },
      confidence: { donor: 'medium' },
    },
  },
  {
    name: 'expanded adipose MSCs after "liposuction of the abdomen" in the study, no donor word: autologous',
    guideline: OWN,
    study: {
      title: 'Adipose Stromal Cells for Lumbar Disc Degeneration',
      interventions: [
        {
          name: 'Adipose-derived mesenchymal stem cells',
          description:
            'Liposuction of the abdomen under local anaesthesia; the ADSCs are expanded for three weeks and injected into the disc.',
        },
      ],
      conditions: ['Intervertebral Disc Degeneration'],
    },
    expect: { category: 'msc_cells', donor: 'autologous', reasons: { donor: 'harvest_in_procedure' } },
  },
  {
    name: 'adipose tissue "obtained from healthy donors" at abdominoplasty: allogeneic, not the procedure harvest',
    guideline: '"donor" ... = allogeneic',
    study: {
      title: 'Adipose Stromal Cells for Lupus',
      interventions: [
        {
          name: 'Adipose-derived mesenchymal stromal cells',
          description:
            'Adipose tissue was obtained from the abdomen of healthy donors at abdominoplasty; ADSCs expanded, given by vein.',
        },
      ],
      conditions: ['Systemic Lupus Erythematosus'],
    },
    expect: { donor: 'allogeneic' },
  },
  {
    name: 'adipose MSCs from tissue "obtained by liposuction" (no site, no patient named): unspecified',
    guideline: NOT_SAID,
    study: {
      title: 'Adipose Stromal Cells for Knee Osteoarthritis',
      interventions: [
        {
          name: 'Adipose-derived mesenchymal stem cells',
          description:
            'ADSCs from adipose tissue obtained by liposuction, expanded and injected into the knee.',
        },
      ],
      conditions: ['Knee Osteoarthritis'],
    },
    expect: { donor: 'unspecified', reasons: { donor: 'none_stated' } },
  },
  {
    name: 'cultured adipose stem cells added to a lipofilling the record calls "autologous lipofilling": autologous',
    guideline: OWN,
    study: {
      title: 'Cultured Adipose Stem Cells in Breast Lipofilling',
      interventions: [
        { name: 'Lipofilling', description: 'Autologous lipofilling of the breast after lumpectomy.' },
        {
          name: 'Adipose stem cells',
          description: 'Cultured adipose stem cells mixed into the lipofilling.',
        },
      ],
      arms: [
        {
          label: 'Enriched',
          type: 'EXPERIMENTAL',
          description: 'Lipofilling plus cultured adipose stem cells.',
          interventionNames: ['Lipofilling', 'Adipose stem cells'],
        },
        {
          label: 'Plain',
          type: 'ACTIVE_COMPARATOR',
          description: 'Lipofilling alone.',
          interventionNames: ['Lipofilling'],
        },
      ],
      conditions: ['Breast Deformity'],
    },
    expect: { category: 'msc_cells', donor: 'autologous', reasons: { donor: 'harvest_in_procedure' } },
  },
  {
    name: 'MSCs injected in one arm, "autologous fat grafting" only as the comparator (the product not given with it): unspecified',
    guideline: NOT_SAID,
    study: {
      title: 'Stromal Cell Injection or Fat Grafting for Facial Lipoatrophy',
      interventions: [
        { name: 'Mesenchymal stromal cells', description: 'Expanded MSCs injected into the cheeks.' },
        { name: 'Fat grafting', description: 'Autologous fat grafting to the cheeks.' },
      ],
      arms: [
        { label: 'MSC', type: 'EXPERIMENTAL', interventionNames: ['Mesenchymal stromal cells'] },
        { label: 'Fat', type: 'ACTIVE_COMPARATOR', interventionNames: ['Fat grafting'] },
      ],
      conditions: ['Lipoatrophy'],
    },
    expect: { category: 'msc_cells', donor: 'unspecified' },
  },
];

export const cases: CaseTable = [...marrow, ...fat];
