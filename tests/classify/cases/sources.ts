/** Sources: the tissue origin of the MSC product, not of a comparator, of background or of a definition. */
import type { Labels } from '../../../src/model/labels.js';
import type { CaseTable, LabelCase } from './case.js';

/** An acronym that carries its tissue ("hUC-MSC") given by lumbar puncture in spinal cord injury. */
function acronym(name: string, source: Labels['sources'][number]): LabelCase {
  return {
    name: `the acronym "${name}" carries its tissue source`,
    study: {
      title: `${name} for Spinal Cord Injury`,
      interventions: [{ name, description: `${name} given by lumbar puncture` }],
      conditions: ['Spinal Cord Injuries'],
    },
    expect: { category: 'msc_cells', sources: [source], routes: ['intrathecal'] },
  };
}

export const cases: CaseTable = [
  {
    name: 'the comparator arm gives no source, route or carrier; Wharton´s / Wharton’s spellings resolve',
    guideline: 'sources/routes are those of the MSC product (the experimental arm), not of the comparator',
    study: {
      title: 'Wharton´s Jelly MSC Versus Bone Marrow Aspirate Concentrate in Knee Osteoarthritis',
      interventions: [
        {
          name: 'WJ-MSC',
          description: 'Allogeneic Wharton’s jelly MSCs injected intra-articularly',
          armGroupLabels: ['MSC'],
        },
        {
          name: 'Hyaluronic acid',
          type: 'DRUG',
          description: 'Intravenous paracetamol and hyaluronic acid',
          armGroupLabels: ['Control'],
        },
      ],
      arms: [
        { label: 'MSC', type: 'EXPERIMENTAL', interventionNames: ['WJ-MSC'] },
        {
          label: 'Control',
          type: 'ACTIVE_COMPARATOR',
          description: 'Bone marrow aspirate, intravenous',
          interventionNames: ['Hyaluronic acid'],
        },
      ],
      conditions: ['Knee Osteoarthritis'],
    },
    expect: {
      category: 'msc_cells',
      routes: ['intra_articular'],
      donor: 'allogeneic',
      biomaterial: false,
      specialty: 'musculoskeletal',
      sources: ['umbilical_cord'],
    },
  },
  acronym('hUC-MSC', 'umbilical_cord'),
  acronym('AD-MSC', 'adipose'),
  acronym('BM-MSC', 'bone_marrow'),
  acronym('ADSCs', 'adipose'),
  acronym('UCB-MSC', 'cord_blood'),
  {
    name: 'dermal MSCs are other_tissue',
    guideline: 'other_tissue: any other named tissue, e.g. skin',
    study: {
      title: 'Dermal MSCs in a skin disease',
      interventions: [
        {
          name: 'Dermal mesenchymal stromal cells',
          description: 'Allogeneic dermal ABC-positive mesenchymal stromal cells given intravenously',
        },
      ],
    },
    expect: { sources: ['other_tissue'] },
  },
  {
    name: '"Wharton gel" is umbilical cord and not a gel carrier',
    study: {
      title: 'MSC in an eye disease',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description: 'Sub-Tenon injection of Wharton gel-derived mesenchymal stem cells',
        },
      ],
    },
    expect: { sources: ['umbilical_cord'], biomaterial: false },
  },
  {
    name: 'amniotic membrane-derived MSCs are a placental source, not a membrane carrier',
    study: {
      title: 'Amniotic membrane MSCs',
      interventions: [
        { name: 'MSCs', description: 'MSCs isolated from amniotic membrane, given intravenously' },
      ],
    },
    expect: { sources: ['placenta_amnion'], biomaterial: false },
  },
  {
    name: 'a definition ("MSCs reside in the bone marrow and can be induced to differentiate") gives no source and no modification',
    guideline: 'judge the product from what the record says of it, not from a general statement about MSCs',
    study: {
      title: 'MSC transplantation in lupus',
      interventions: [{ name: 'Mesenchymal stem cells', description: 'Autologous MSC transplantation' }],
      description:
        'Mesenchymal stem cells are multipotent cells that reside in the bone marrow and can be induced to differentiate into bone and fat. Patients will receive expanded MSC infusions.',
    },
    expect: { sources: [], modifications: [], routes: ['intravenous'] },
  },
  {
    name: 'a description sentence about the product itself gives its source and modification',
    study: {
      title: 'MSC transplantation in a liver disease',
      interventions: [{ name: 'Mesenchymal stem cells', description: 'MSC infusion' }],
      description:
        'Mesenchymal stem cells isolated from the bone marrow of each patient will be differentiated into hepatocyte-like cells before the infusion.',
    },
    expect: { sources: ['bone_marrow'], modifications: ['differentiated'] },
  },
  {
    name: 'menstrual blood-derived stem cells (MenSCs) are MSC cells of endometrial/menstrual origin',
    study: {
      title: 'Stem cells in type 1 diabetes',
      interventions: [
        {
          name: 'MenSCs',
          description: 'MenSCs are infused through the pancreatic artery or by intravenous infusion',
        },
      ],
    },
    expect: {
      category: 'msc_cells',
      sources: ['endometrial_menstrual'],
      routes: ['intravenous', 'intra_arterial'],
    },
  },
  {
    name: '"derived from patients\' bone marrows" (plural) names the bone-marrow source',
    study: {
      title: 'Autologous MSC in cirrhosis',
      interventions: [
        { name: 'Autologous mesenchymal stem cells', description: 'Infused via peripheral vein' },
      ],
      description:
        "Autologous mesenchymal stem cells will be derived from patients' bone marrows and infused.",
    },
    expect: { sources: ['bone_marrow'] },
  },
  {
    name: '"the effects of bone marrow-derived MSCs have also been studied" is background, not the source',
    study: {
      title: 'MSC in heart failure',
      interventions: [
        { name: 'Human mesenchymal stem cells', description: 'Transendocardial injection of hMSCs' },
      ],
      description:
        'The effects of bone marrow-derived mesenchymal stem cells (MSCs) have also been studied in heart failure.',
    },
    expect: { sources: [] },
  },
  {
    name: 'nasal mucosa as a site of adverse events and "perinatal brain injury" are not MSC sources',
    study: {
      title: 'MSC EVs in neonates',
      interventions: [
        {
          name: 'MSC extracellular vesicles',
          description: 'Intranasal administration of EVs derived from mesenchymal stromal cells',
        },
      ],
      description:
        'Safety analyses will assess damage of the nasal mucosa after intranasal EVs derived from MSCs. Biomarkers of perinatal brain injury from MSC EV treated infants will be measured.',
    },
    expect: { sources: [] },
  },
  {
    name: 'MSCs isolated from nasal mucosa biopsies are other_tissue',
    study: {
      title: 'MSC from the nose',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description: 'MSCs isolated from nasal mucosa biopsies, injected locally',
        },
      ],
    },
    expect: { sources: ['other_tissue'] },
  },
  {
    name: 'MSCs isolated from a skin biopsy are other_tissue',
    study: {
      title: 'MSC in venous ulcers',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description: 'Autologous MSCs will be isolated from a small skin biopsy and expanded',
        },
      ],
    },
    expect: { sources: ['other_tissue'] },
  },
  {
    name: 'the tissue after "unlike"/"rather than" is the contrast, not the product source',
    study: {
      title: 'Cord MSCs for heart failure',
      interventions: [
        {
          name: 'Mesenchymal stromal cells',
          description:
            'Unlike bone marrow MSCs, the umbilical cord MSCs used here come from donated cords rather than adipose tissue.',
        },
      ],
    },
    expect: { sources: ['umbilical_cord'] },
  },
  {
    name: 'a two-arm comparison "cord MSCs versus bone marrow MSCs" keeps both sources',
    study: {
      title: 'Umbilical cord MSCs versus bone marrow MSCs in liver cirrhosis',
      interventions: [{ name: 'UC-MSC' }, { name: 'BM-MSC' }],
    },
    expect: { sources: ['bone_marrow', 'umbilical_cord'] },
  },
  {
    name: '"MSCs can be found in bone marrow" beside the named product tissue is not a second source',
    study: {
      title: 'Adipose stromal cells in a gel for cartilage defects',
      interventions: [
        {
          name: 'Allogeneic adipose-derived mesenchymal stromal cells in hydrogel',
          description:
            'MSCs can be found in bone marrow and many other tissues of the body. The adipose MSCs are mixed with the gel.',
        },
      ],
    },
    expect: { sources: ['adipose'] },
  },
  {
    name: '"MSCs are found in bone marrow" still counts when it is the only tissue named',
    study: {
      title: 'Autologous MSCs for tibial fracture',
      summary:
        'Mesenchymal stem cells are found in bone marrow and can become bone. The cells will be implanted at the fracture.',
      interventions: [{ name: 'Autologous mesenchymal stem cells' }],
    },
    expect: { sources: ['bone_marrow'] },
  },
  {
    name: 'in a sentence naming two tissues, the one under "not feasible"/"without" is not the product source',
    study: {
      title: 'Allogeneic MSCs for disc degeneration',
      interventions: [{ name: 'Mesenchymal stem cells' }],
      description:
        'Donor mesenchymal stem cells from umbilical cord are used because in older patients harvesting autologous cells is not feasible from the bone marrow.',
    },
    expect: { sources: ['umbilical_cord'] },
  },
  {
    name: 'an intervention whose only arm is an active comparator named after it is not the studied product',
    study: {
      title: 'Allogeneic cord MSCs for cartilage lesions',
      interventions: [
        { name: 'Umbilical cord mesenchymal stem cells', description: 'Cord MSCs implanted in the lesion.' },
        {
          name: 'Bone marrow aspirate concentrate',
          type: 'PROCEDURE',
          description: 'Usual care with marrow concentrate.',
        },
      ],
      arms: [
        { label: 'Umbilical cord mesenchymal stem cells', type: 'EXPERIMENTAL' },
        { label: 'Bone marrow aspirate concentrate (usual care)', type: 'ACTIVE_COMPARATOR' },
      ],
    },
    expect: { category: 'msc_cells', sources: ['umbilical_cord'] },
  },
  {
    name: '"MSCs are pluripotent stem cells" (a definition) does not make the source pluripotent-derived',
    guideline: 'pluripotent_derived: iPSC/ESC-derived MSCs, said of the product',
    study: {
      title: 'MSCs for knee arthritis',
      interventions: [{ name: 'Mesenchymal stem cells', description: 'Injected into the knee.' }],
      description: 'Mesenchymal stem cells are pluripotent stem cells with self-renewal ability.',
    },
    expect: { sources: [] },
  },
];
