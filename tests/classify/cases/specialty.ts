/** Specialty: one principal medical area of the study's condition, from the registry MeSH or the condition text. */
import type { Labels } from '../../../src/model/labels.js';
import type { CaseTable, LabelCase } from './case.js';

/** An MSC study whose only decisive text is its condition list (and MeSH terms). */
function condition(
  name: string,
  conditions: string[],
  specialty: Labels['specialty'],
  meshes: string[] = [],
): LabelCase {
  return {
    name,
    study: { title: 'MSC therapy', interventions: [{ name: 'MSC' }], conditions, meshes },
    expect: { specialty },
  };
}

/** A study of MSCs beside a haematopoietic transplant in patients with many listed haematological cancers. */
function coTransplant(title: string): LabelCase {
  return {
    name: `"${title}" in patients with many listed leukaemias is hematology_transplant`,
    guideline: 'hematology_transplant: GVHD, aplastic anemia, HSC engraftment',
    study: {
      title,
      conditions: [
        'Acute Myeloid Leukemia',
        'Acute Lymphoblastic Leukemia',
        'Chronic Myeloid Leukemia',
        'Non-Hodgkin Lymphoma',
        'Multiple Myeloma',
        'Myelodysplastic Syndromes',
      ],
      meshes: ['Leukemia', 'Lymphoma', 'Multiple Myeloma'],
      interventions: [{ name: 'Mesenchymal stromal cells' }],
    },
    expect: { specialty: 'hematology_transplant' },
  };
}

/** An intravenous MSC study with its own title, whose condition decides the area. */
function titled(
  name: string,
  conditions: string[],
  title: string,
  specialty: Labels['specialty'],
): LabelCase {
  return {
    name,
    study: {
      title,
      conditions,
      interventions: [{ name: 'Mesenchymal stem cells', description: 'Given intravenously.' }],
    },
    expect: { specialty },
  };
}

export const cases: CaseTable = [
  {
    name: 'the registry MeSH decides when the condition text names no area',
    study: {
      title: 'MSC trial',
      interventions: [{ name: 'MSC' }],
      conditions: ['Condition X'],
      meshes: ['Liver Cirrhosis'],
      ancestors: ['Liver Diseases', 'Digestive System Diseases'],
    },
    expect: { specialty: 'hepatology' },
  },
  {
    name: 'without MeSH, the condition text decides (premature ovarian insufficiency is reproductive)',
    study: {
      title: 'MSC in Premature Ovarian Insufficiency',
      interventions: [{ name: 'MSC' }],
      conditions: ['Premature Ovarian Insufficiency'],
    },
    expect: { specialty: 'reproductive' },
  },
  {
    name: 'sepsis is "other"',
    guideline: 'other: sepsis, aging/frailty, healthy volunteers, ...',
    study: { title: 'MSC infusion', interventions: [{ name: 'MSC' }], conditions: ['Sepsis'] },
    expect: { specialty: 'other' },
  },
  {
    name: 'lupus nephritis goes to nephrology',
    guideline: 'lupus nephritis -> nephrology',
    study: { title: 'MSC', interventions: [{ name: 'MSC' }], conditions: ['Lupus Nephritis'] },
    expect: { specialty: 'nephrology_urology' },
  },
  {
    name: 'a diabetic foot ulcer goes to dermatology, not endocrinology',
    guideline: 'dermatology_wound: chronic wounds incl. diabetic foot ulcer',
    study: {
      title: 'MSC',
      interventions: [{ name: 'MSC' }],
      conditions: ['Diabetic Foot Ulcer', 'Diabetes Mellitus, Type 2'],
    },
    expect: { specialty: 'dermatology_wound' },
  },
  condition('frailty is "other"', ['Frailty'], 'other'),
  condition('multiple organ dysfunction is "other"', ['Multiple Organ Dysfunction Syndrome'], 'other', [
    'Multiple Organ Failure',
  ]),
  condition('urticaria is skin disease', ['Chronic Urticaria', 'Autoimmune Diseases'], 'dermatology_wound'),
  condition('a trophic ulcer is a chronic wound', ['Trophic Ulcer'], 'dermatology_wound'),
  condition(
    'the MeSH heading "Wounds and Injuries" does not make a testicular injury a wound',
    ['Testicular Injury', 'Oligospermia'],
    'reproductive',
    ['Oligospermia', 'Wounds and Injuries'],
  ),
  condition('central nervous system injury is neurology', ['Central Nervous System Injury'], 'neurology'),
  condition(
    'recovery after meniscectomy is musculoskeletal',
    ['Recovery Following Partial Meniscectomy'],
    'musculoskeletal',
  ),
  condition('bone atrophy is musculoskeletal', ['Bone Atrophy'], 'musculoskeletal'),
  condition(
    'bone marrow edema is musculoskeletal (bone), not haematology',
    ['Bone Marrow Edema'],
    'musculoskeletal',
  ),
  condition(
    'limb ischaemia in reversed wording ("ischemia of the lower limbs") is cardiovascular',
    ['Critical Ischemia of the Lower Limbs'],
    'cardiovascular',
  ),
  condition('postoperative air leaks are pneumology', ['Postoperative Air Leaks'], 'pneumology'),
  condition('injury of the facial nerve is neurology', ['Injury of Facial Nerve'], 'neurology'),
  condition('female sexual dysfunction is reproductive', ['Sexual Dysfunction, Female'], 'reproductive'),
  coTransplant('Co-transplant of UCB and mesenchymal stromal cells'),
  coTransplant('Umbilical cord blood transplantation with co-infusion of MSC'),
  coTransplant('MSC in haploidentical transplantation'),
  {
    name: 'MSCs given to treat a myelodysplastic syndrome itself are oncology',
    study: {
      title: 'Umbilical cord mesenchymal stem cells in the treatment of myelodysplastic syndrome',
      conditions: ['Myelodysplastic Syndromes'],
      interventions: [{ name: 'Umbilical cord mesenchymal stem cells' }],
    },
    expect: { specialty: 'oncology' },
  },
  titled(
    'facioscapulohumeral dystrophy is musculoskeletal (muscle)',
    ['Facioscapulohumeral Dystrophy'],
    'MSCs in FSH dystrophy',
    'musculoskeletal',
  ),
  titled(
    'an inflammatory myopathy is musculoskeletal (muscle)',
    ['Inflammatory Myopathy'],
    'MSCs in myositis patients',
    'musculoskeletal',
  ),
  titled(
    'lung allograft dysfunction is organ transplant tolerance (hematology_transplant)',
    ['Lung Allograft Dysfunction'],
    'MSCs after lung transplantation failure',
    'hematology_transplant',
  ),
  titled(
    'melasma (hyperpigmentation) is skin disease',
    ['Melasma'],
    'Stem cells for facial melasma',
    'dermatology_wound',
  ),
];
