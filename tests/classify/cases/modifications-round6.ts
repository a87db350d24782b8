/** Modifications, generalisation round 6: hyphenated and passive spellings of engineering and priming, "-like" lineage cells, lineage cells named as made from MSCs in either order. */
import { study, type CaseTable } from './case.js';

export const cases: CaseTable = [
  {
    name: '"genetically-modified" (hyphenated) MSCs are genetically modified',
    guideline: 'genetically_modified: transfected/transduced/gene-edited MSCs',
    study: study(
      'Gene Therapy With Stromal Cells for Limb Ischemia',
      'Genetically-modified bone marrow MSCs secreting a growth factor, injected intramuscularly.',
      ['Critical Limb Ischemia'],
    ),
    expect: { category: 'msc_cells', modifications: ['genetically_modified'] },
  },
  {
    name: '"engineered MSCs" and MSCs "engineered with" a gene are genetically modified',
    guideline: 'genetically_modified: transfected/transduced/gene-edited MSCs',
    study: study(
      'Engineered Stromal Cells in Glioblastoma',
      'Engineered umbilical cord MSCs; the cells were engineered with a prodrug-converting enzyme gene.',
      ['Glioblastoma'],
    ),
    expect: { category: 'msc_cells', modifications: ['genetically_modified'] },
  },
  {
    name: 'a tissue-engineered construct seeded with MSCs is not a genetic modification',
    study: study(
      'Tissue-engineered Trachea',
      'A tissue-engineered scaffold seeded with autologous bone marrow MSCs, implanted at surgery.',
      ['Tracheal Stenosis'],
    ),
    expect: { category: 'msc_cells', modifications: [] },
  },
  {
    name: 'MSCs "nucleofected" with a plasmid or carrying a transgene are genetically modified',
    guideline: 'genetically_modified: transfected/transduced/gene-edited MSCs',
    study: study(
      'Modified Stromal Cells for Crohn Disease',
      'Adipose MSCs nucleofected to express an anti-inflammatory transgene, injected into the fistula.',
      ['Crohn Disease'],
    ),
    expect: { category: 'msc_cells', modifications: ['genetically_modified'] },
  },
  {
    name: 'a "transgene-free" reprogramming of the source cells is no genetic modification',
    study: study(
      'iPSC-derived Stromal Cells in GVHD',
      'MSCs derived from induced pluripotent stem cells reprogrammed with a transgene-free technique, given by vein.',
      ['Graft vs Host Disease'],
    ),
    expect: { category: 'msc_cells', modifications: [] },
  },
  {
    name: '"IFN-γ-treated" and "pre-treated" MSCs, "preconditioning of the MSCs" are primed',
    guideline:
      'primed: preconditioned/licensed before administration: cytokines such as IFN-γ, hypoxia, drugs',
    study: study(
      'Treated Stromal Cells in Lupus',
      'IFN-γ-treated umbilical cord MSCs; after preconditioning of the MSCs for 48 hours, pre-treated MSCs are infused.',
      ['Systemic Lupus Erythematosus'],
    ),
    expect: { category: 'msc_cells', modifications: ['primed'] },
  },
  {
    name: 'MSCs induced to "chondrocyte-like cells" or "Schwann-like cells" before implantation are differentiated',
    guideline: 'differentiated: induced toward another lineage before administration',
    study: study(
      'Induced Stromal Cells for Peripheral Nerve Repair',
      'Bone marrow MSCs are cultured to Schwann-like cells and placed in a nerve conduit at surgery.',
      ['Peripheral Nerve Injury'],
    ),
    expect: { category: 'msc_cells', modifications: ['differentiated'] },
  },
  {
    name: 'lineage cells named as made from MSCs in the other order ("hepatocytes derived from MSCs", "MSCs as a source of sweat gland cells") are differentiated',
    guideline:
      'differentiated: induced toward another lineage before administration (e.g. neural progenitors)',
    study: {
      title: 'Umbilical Cord MSCs as a Source of Sweat Gland Cells for Burn Wounds',
      interventions: [
        {
          name: 'Sweat gland cells',
          description: 'Sweat gland cells derived from umbilical cord MSCs are applied to the wound.',
        },
      ],
      conditions: ['Burns'],
    },
    expect: { category: 'msc_cells', modifications: ['differentiated'] },
  },
  {
    name: 'MSCs described as able to become hepatocytes (background) are not differentiated',
    study: {
      title: 'Stromal Cells in Liver Cirrhosis',
      summary:
        'MSCs can be differentiated into hepatocytes in the laboratory, as earlier studies have shown.',
      interventions: [
        { name: 'Mesenchymal stromal cells', description: 'Infused through the hepatic artery.' },
      ],
      conditions: ['Liver Cirrhosis'],
    },
    expect: { category: 'msc_cells', modifications: [] },
  },
];
