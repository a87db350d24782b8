/**
 * Reason codes (FAMILY_REASONS, README "Reason codes of the other label families"): for each family, wordings that
 * reach its decision branches, with the value AND the code of the branch that gave it.
 */
import type { CaseTable } from './case.js';

export const cases: CaseTable = [
  // sources
  {
    name: 'sources: a tissue named in the MSC intervention is stated.intervention',
    study: {
      title: 'Stem cell therapy in knee osteoarthritis',
      interventions: [
        { name: 'Adipose-derived mesenchymal stem cells', description: 'Intra-articular injection' },
      ],
      conditions: ['Knee Osteoarthritis'],
    },
    expect: {
      sources: ['adipose'],
      routes: ['intra_articular'],
      reasons: { sources: 'stated.intervention', routes: 'stated.intervention' },
    },
  },
  {
    name: 'sources: a tissue named only in the title is stated.title',
    study: {
      title: 'Bone Marrow Mesenchymal Stem Cells in Liver Cirrhosis',
      interventions: [{ name: 'MSC infusion', description: 'Cells given through a peripheral vein' }],
      conditions: ['Liver Cirrhosis'],
    },
    expect: { sources: ['bone_marrow'], reasons: { sources: 'stated.title' } },
  },
  {
    name: 'sources: nothing names a tissue: none_stated, and the donor too',
    study: {
      title: 'Mesenchymal stromal cells in Crohn disease',
      interventions: [{ name: 'Mesenchymal stromal cells', description: 'Intravenous infusion' }],
      conditions: ['Crohn Disease'],
    },
    expect: {
      sources: [],
      donor: 'unspecified',
      reasons: { sources: 'none_stated', donor: 'none_stated' },
    },
  },
  // donor
  {
    name: 'donor: "autologous" qualifying the MSC term of the intervention is stated.bound',
    study: {
      title: 'Cell therapy in spinal cord injury',
      interventions: [
        { name: 'Autologous bone marrow mesenchymal stem cells', description: 'Intrathecal injection' },
      ],
      conditions: ['Spinal Cord Injury'],
    },
    expect: { donor: 'autologous', routes: ['intrathecal'], reasons: { donor: 'stated.bound' } },
  },
  {
    name: 'donor: umbilical cord MSCs with no donor word are allogeneic by inference (perinatal_implied)',
    guideline: 'umbilical cord/placenta/cord blood products given to adults = allogeneic',
    study: {
      title: 'Umbilical cord MSCs in heart failure',
      interventions: [{ name: 'Umbilical cord mesenchymal stem cells', description: 'Intravenous infusion' }],
      conditions: ['Heart Failure'],
    },
    expect: {
      donor: 'allogeneic',
      sources: ['umbilical_cord'],
      reasons: { donor: 'perinatal_implied', sources: 'stated.intervention' },
      confidence: { donor: 'medium' },
    },
  },
  {
    name: 'donor: a named product with no donor word in the record gives its donor (product_fact)',
    study: {
      title: 'Remestemcel-L in steroid-refractory acute GVHD',
      interventions: [{ name: 'Remestemcel-L', description: 'Intravenous infusion twice weekly' }],
      conditions: ['Graft vs Host Disease'],
    },
    expect: { product: 'remestemcel-L', reasons: { product: 'named.intervention', donor: 'product_fact' } },
  },
  // modifications, biomaterial
  {
    name: 'modifications and biomaterial stated in the intervention',
    study: {
      title: 'Engineered MSCs in a scaffold for cartilage defects',
      interventions: [
        {
          name: 'Genetically modified mesenchymal stem cells',
          description: 'Cells seeded on a collagen scaffold and implanted into the defect',
        },
      ],
      conditions: ['Cartilage Defect'],
    },
    expect: {
      modifications: ['genetically_modified'],
      biomaterial: true,
      reasons: { modifications: 'stated', biomaterial: 'stated' },
    },
  },
  {
    name: 'modifications and biomaterial: none stated',
    study: {
      title: 'MSCs in ARDS',
      interventions: [{ name: 'Mesenchymal stem cells', description: 'Intravenous infusion' }],
      conditions: ['ARDS'],
    },
    expect: {
      modifications: [],
      biomaterial: false,
      reasons: { modifications: 'none_stated', biomaterial: 'none_stated' },
    },
  },
  // routes
  {
    name: 'routes: a bare "infusion" in the MSC intervention is intravenous by default (iv_default.intervention)',
    guideline: 'a bare infusion/transfusion means intravenous when no route is named',
    study: {
      title: 'MSCs in multiple sclerosis',
      interventions: [{ name: 'Mesenchymal stem cells', description: 'Infusion of 1 million cells/kg' }],
      conditions: ['Multiple Sclerosis'],
    },
    expect: {
      routes: ['intravenous'],
      reasons: { routes: 'iv_default.intervention', dose: 'stated.intervention' },
    },
  },
  {
    name: 'routes: a carrier-borne product with no route or injection named is implanted (carrier)',
    guideline: 'implanted during surgery on a scaffold/graft: surgical_implantation',
    study: {
      title: 'Mesenchymal stem cells on a collagen membrane for cartilage repair',
      interventions: [{ name: 'Mesenchymal stem cells on a collagen membrane' }],
      conditions: ['Cartilage Injury'],
    },
    expect: { biomaterial: true, routes: ['surgical_implantation'], reasons: { routes: 'carrier' } },
  },
  {
    name: 'routes: a record without descriptions names the MSC infusion in an outcome (iv_default.outcome)',
    study: {
      title: 'MSCs in severe pneumonia',
      interventions: [{ name: 'Mesenchymal stem cells' }],
      conditions: ['Pneumonia'],
      outcomes: ['Oxygenation index 24 hours after MSC infusion'],
    },
    expect: { routes: ['intravenous'], reasons: { routes: 'iv_default.outcome' } },
  },
  {
    name: 'routes: no route named anywhere is none_stated',
    study: {
      title: 'MSCs in lupus nephritis',
      interventions: [{ name: 'Mesenchymal stem cells', description: 'Cells from a cell bank' }],
      conditions: ['Lupus Nephritis'],
    },
    expect: { routes: [], reasons: { routes: 'none_stated' } },
  },
  // covid19, specialty
  {
    name: 'covid19 from the title; specialty pneumology because of COVID-19',
    guideline: 'COVID-19 -> pneumology',
    study: {
      title: 'MSCs for COVID-19 pneumonia',
      interventions: [{ name: 'Mesenchymal stem cells', description: 'Intravenous infusion' }],
      conditions: ['Pneumonia'],
    },
    expect: {
      covid19: true,
      specialty: 'pneumology',
      reasons: { covid19: 'stated.title', specialty: 'covid19' },
    },
  },
  {
    name: 'covid19 from a condition MeSH term only (stated.mesh)',
    study: {
      title: 'MSCs in viral pneumonia',
      interventions: [{ name: 'Mesenchymal stem cells', description: 'Intravenous infusion' }],
      conditions: ['Viral Pneumonia'],
      meshes: ['COVID-19'],
    },
    expect: { covid19: true, reasons: { covid19: 'stated.mesh' }, confidence: { covid19: 'high' } },
  },
  {
    name: 'specialty matched from the condition; no COVID-19 (none_stated)',
    study: {
      title: 'MSCs in knee osteoarthritis',
      interventions: [{ name: 'Mesenchymal stem cells', description: 'Intra-articular injection' }],
      conditions: ['Knee Osteoarthritis'],
    },
    expect: {
      covid19: false,
      specialty: 'musculoskeletal',
      reasons: { covid19: 'none_stated', specialty: 'matched' },
    },
  },
  {
    name: 'specialty: nothing matched is other (none_matched)',
    study: {
      title: 'MSCs in a rare condition',
      interventions: [{ name: 'Mesenchymal stem cells', description: 'Intravenous infusion' }],
      conditions: ['Zzyzx Syndrome'],
    },
    expect: { specialty: 'other', reasons: { specialty: 'none_matched' } },
  },
  // product, dose; a study not included
  {
    name: 'product and dose: none named or stated (none_named, none_stated)',
    study: {
      title: 'MSCs in type 1 diabetes',
      interventions: [{ name: 'Mesenchymal stem cells', description: 'Intravenous infusion' }],
      conditions: ['Type 1 Diabetes'],
    },
    expect: { product: null, reasons: { product: 'none_named', dose: 'none_stated' } },
  },
  {
    name: 'a study not included: the fact families are not decided (not_included); covid19 and specialty are',
    study: {
      title: 'Exercise training in heart failure',
      summary: 'A randomized trial of supervised exercise training in chronic heart failure.',
      interventions: [
        { name: 'Exercise training', type: 'BEHAVIORAL', description: 'Three sessions a week' },
      ],
      conditions: ['Heart Failure'],
    },
    expect: {
      included: false,
      reasons: {
        sources: 'not_included',
        donor: 'not_included',
        modifications: 'not_included',
        biomaterial: 'not_included',
        routes: 'not_included',
        product: 'not_included',
        dose: 'not_included',
        covid19: 'none_stated',
        specialty: 'matched',
      },
    },
  },
];
