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

/**
 * The product's donors named by a plain noun with a quantifier or qualifier ("of a single donor", "from eight donors",
 * "from a screened, consenting donor", "MSC donor"), a healthy or unrelated volunteer the cells come from, parental
 * marrow: the GUIDELINE's "donor" = allogeneic. Not a donor's organ, blood or site, nor "lack of a donor".
 */
const donorNouns: CaseTable = [
  {
    name: 'MSCs "expanded from the bone marrow of a single donor": allogeneic',
    guideline: '"donor" ... = allogeneic',
    study: {
      title: 'Marrow Stromal Cells for Knee Cartilage Loss',
      interventions: [
        {
          name: 'Mesenchymal stromal cells',
          description: 'MSCs expanded from the bone marrow of a single donor, one intra-articular injection.',
        },
      ],
      conditions: ['Cartilage Loss'],
    },
    expect: { donor: 'allogeneic', reasons: { donor: 'stated.bound' } },
  },
  {
    name: 'MSCs "pooled from six donors": allogeneic',
    guideline: '"donor" ... = allogeneic',
    study: {
      title: 'Pooled Stromal Cells for Limb Ischaemia',
      interventions: [
        {
          name: 'Pooled MSCs',
          description: 'Mesenchymal stromal cells pooled from six donors, intramuscular.',
        },
      ],
      conditions: ['Critical Limb Ischemia'],
    },
    expect: { donor: 'allogeneic' },
  },
  {
    name: 'marrow "obtained from a screened, consenting donor" in the description: allogeneic',
    guideline: '"donor" ... = allogeneic',
    study: {
      title: 'Stromal Cells in Lung Fibrosis',
      summary:
        'Marrow was obtained from a screened, consenting donor and the mesenchymal stromal cells expanded to passage three.',
      interventions: [{ name: 'Mesenchymal stromal cells', description: 'Two intravenous doses.' }],
      conditions: ['Idiopathic Pulmonary Fibrosis'],
    },
    expect: { donor: 'allogeneic' },
  },
  {
    name: 'MSCs "from a healthy volunteer" / "from unrelated volunteers": allogeneic',
    guideline: '"donor" ... = allogeneic',
    study: {
      title: 'Stromal Cells for Septic Shock',
      interventions: [
        {
          name: 'Bone marrow MSCs',
          description: 'Bone marrow MSCs from a healthy volunteer, one million cells per kg by vein.',
        },
        { name: 'Adipose MSCs', description: 'Adipose MSCs from unrelated volunteers, by vein.' },
      ],
      conditions: ['Septic Shock'],
    },
    expect: { donor: 'allogeneic' },
  },
  {
    name: '"no HLA matching between the MSC donor and the recipient": allogeneic',
    guideline: '"donor" ... = allogeneic',
    study: {
      title: 'Stromal Cells for Lupus Nephritis',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description: 'No HLA matching between the MSC donor and the recipient is required; one infusion.',
        },
      ],
      conditions: ['Lupus Nephritis'],
    },
    expect: { donor: 'allogeneic' },
  },
  {
    name: 'MSCs "expanded from parental bone marrow" for a child: allogeneic',
    guideline: '"donor" ... = allogeneic',
    study: {
      title: 'Stromal Cells for Osteogenesis Imperfecta',
      interventions: [
        { name: 'Mesenchymal stem cells', description: 'MSCs expanded from parental bone marrow, by vein.' },
      ],
      conditions: ['Osteogenesis Imperfecta'],
      stdAges: ['CHILD'],
    },
    expect: { donor: 'allogeneic' },
  },
  {
    name: 'autologous MSCs in recipients "of kidneys from living donors", "lack of a donor" as background: autologous',
    guideline: OWN,
    study: {
      title: 'Autologous Stromal Cells in Kidney Transplantation',
      summary:
        'Recipients of kidneys from living donors receive autologous mesenchymal stromal cells. The lack of a donor organ limits transplantation.',
      interventions: [
        { name: 'Autologous MSCs', description: 'Two intravenous doses after transplantation.' },
      ],
      conditions: ['Kidney Transplantation'],
    },
    expect: { donor: 'autologous' },
  },
  {
    name: 'MSCs of no stated donor, "the shortage of donors" for liver transplantation in the description: unspecified',
    guideline: NOT_SAID,
    study: {
      title: 'Stromal Cells for Decompensated Cirrhosis',
      summary:
        'Liver transplantation is limited by the shortage of donors. Mesenchymal stem cells will be infused through a peripheral vein.',
      interventions: [{ name: 'Mesenchymal stem cells', description: 'One million cells per kg.' }],
      conditions: ['Liver Cirrhosis'],
    },
    expect: { donor: 'unspecified' },
  },
];

/** A donor word qualifying the fat graft the product is added to is the graft's, not the cells'. */
const graftWord: CaseTable = [
  {
    name: 'allogeneic ASCs "added to an autologous fat graft": allogeneic (the graft\'s word does not make "both")',
    guideline:
      '"donor", "off-the-shelf", "third-party" ... = allogeneic; "both" (different arms/parts use each)',
    study: {
      title: 'Allogeneic Adipose Stromal Cells in Facial Fat Grafting',
      interventions: [
        {
          name: 'Allogeneic adipose stromal cells',
          description: 'Ten million cells added to an autologous fat graft injected into the cheeks.',
        },
      ],
      conditions: ['Facial Lipoatrophy'],
    },
    expect: { donor: 'allogeneic', reasons: { donor: 'stated.bound' } },
  },
  {
    name: 'autologous fat graft enriched with autologous SVF in one arm, allogeneic ASCs in another: both',
    guideline: '`both` (different arms/parts use each)',
    study: {
      title: 'Enriched Fat Grafting With Own SVF or Donor ASCs',
      interventions: [
        {
          name: 'SVF-enriched graft',
          description: 'Autologous fat graft enriched with autologous SVF cells.',
        },
        {
          name: 'ASC-enriched graft',
          description: 'Fat graft enriched with allogeneic adipose stromal cells.',
        },
      ],
      conditions: ['Breast Deformity'],
    },
    expect: { donor: 'both' },
  },
];

/** Eligibility criteria with a section written for the product's donors, in more heading forms. */
const donorSection: CaseTable = [
  {
    name: 'eligibility "Inclusion criteria (donors):" / "For donors:" sections, no other donor word: allogeneic',
    guideline: '"donor" ... = allogeneic',
    study: {
      title: 'Stromal Cells for Bronchiolitis Obliterans',
      interventions: [{ name: 'Mesenchymal stromal cells', description: 'Two intravenous doses.' }],
      eligibility:
        'Inclusion criteria (recipients):\n- bronchiolitis obliterans\nInclusion criteria (donors):\n- aged 18 to 35\n- negative viral screen',
      conditions: ['Bronchiolitis Obliterans'],
    },
    expect: {
      donor: 'allogeneic',
      reasons: { donor: 'stated.eligibility' },
      confidence: { donor: 'medium' },
    },
  },
  {
    name: 'eligibility "For donors:" heading line: allogeneic',
    guideline: '"donor" ... = allogeneic',
    study: {
      title: 'Stromal Cells for Crohn Disease',
      interventions: [{ name: 'Mesenchymal stromal cells', description: 'Two intravenous doses.' }],
      eligibility:
        'Inclusion Criteria:\nFor patients:\n- active Crohn disease\nFor donors:\n- healthy adults',
      conditions: ['Crohn Disease'],
    },
    expect: { donor: 'allogeneic', reasons: { donor: 'stated.eligibility' } },
  },
  {
    name: 'eligibility "Exclusion criteria - donor-specific antibodies" (a kidney graft\'s donor): unspecified',
    guideline: NOT_SAID,
    study: {
      title: 'Stromal Cells After Kidney Transplantation',
      interventions: [{ name: 'Mesenchymal stromal cells', description: 'Two intravenous doses.' }],
      eligibility: 'Exclusion criteria - donor-specific antibodies present at transplantation',
      conditions: ['Kidney Transplantation'],
    },
    expect: { donor: 'unspecified' },
  },
];

/** The patient's own cells or tissue in more words: a bare "own", the subject's/participant's tissue, "self". */
const ownWords: CaseTable = [
  {
    name: 'MSCs "grown from own bone marrow": autologous',
    guideline: OWN,
    study: {
      title: 'Marrow Stromal Cells for Ankle Cartilage Defects',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description: 'MSCs grown from own bone marrow, injected into the ankle.',
        },
      ],
      conditions: ['Cartilage Defect'],
    },
    expect: { donor: 'autologous', reasons: { donor: 'stated.bound' } },
  },
  {
    name: 'MSCs "from the subject\'s bone marrow" / "from the participants themselves": autologous',
    guideline: OWN,
    study: {
      title: 'Marrow Stromal Cells for Multiple Sclerosis',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description: "MSCs from the subject's bone marrow, expanded and given by lumbar puncture.",
        },
      ],
      summary: 'The cells are obtained from the participants themselves.',
      conditions: ['Multiple Sclerosis'],
    },
    expect: { donor: 'autologous' },
  },
  {
    name: '"self-sourced" / "patient-specific" MSCs: autologous',
    guideline: OWN,
    study: {
      title: 'Self-sourced Stromal Cells for Heart Failure',
      interventions: [
        { name: 'Patient-specific mesenchymal stem cells', description: 'Injected into the myocardium.' },
      ],
      conditions: ['Heart Failure'],
    },
    expect: { donor: 'autologous' },
  },
  {
    name: 'MSCs "from healthy donors"; "the donor\'s own cells" is not the patient\'s: allogeneic',
    guideline: '"donor" ... = allogeneic',
    study: {
      title: 'Donor Stromal Cells for Lung Injury',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description: "MSCs from healthy donors; the donor's own cells are tested for viruses first.",
        },
      ],
      conditions: ['Acute Lung Injury'],
    },
    expect: { donor: 'allogeneic' },
  },
];

export const cases: CaseTable = [
  ...marrow,
  ...fat,
  ...donorNouns,
  ...graftWord,
  ...donorSection,
  ...ownWords,
];
