/** Modifications, generalisation round 7: MSC clusters and activated MSCs (primed), osteoblastic cells and differentiation media (differentiated), a method sentence that mentions what was "previously used". */
import { study, type CaseTable } from './case.js';

export const cases: CaseTable = [
  {
    name: '"clusters of MSCs" / "MSC aggregates" (3D multicellular bodies) are primed',
    guideline: 'primed: preconditioned/licensed before administration: ... 3D spheroid culture',
    study: study(
      'Stromal Cell Clusters in Peripheral Artery Disease',
      'Clusters of allogeneic adipose-derived MSCs, 500 clusters per vial, injected into the calf muscles.',
      ['Peripheral Arterial Disease'],
    ),
    expect: { category: 'msc_cells', modifications: ['primed'] },
  },
  {
    name: '"mesenchymal stem cell aggregates" named in the title are primed',
    guideline: 'primed: ... 3D spheroid culture',
    study: study(
      'Mesenchymal Stem Cell Aggregates for Knee Cartilage Defects',
      'Autologous bone marrow MSCs are implanted into the cartilage defect at arthroscopy.',
      ['Cartilage Injury'],
    ),
    expect: { category: 'msc_cells', modifications: ['primed'] },
  },
  {
    name: '"clusters of differentiation" (CD markers) next to MSCs is no modification',
    study: study(
      'CD Marker-selected Stromal Cells in Azoospermia',
      'Purified autologous clusters of differentiation 34+ cells and mesenchymal stem cells injected into the testis.',
      ['Azoospermia'],
    ),
    expect: { modifications: [] },
  },
  {
    name: 'MSCs that "aggregate in the lungs" after infusion (a verb, in the body) are not primed',
    study: study(
      'Umbilical Cord Stromal Cells in Viral Pneumonia',
      'After intravenous infusion, umbilical cord MSCs aggregate in the lungs and improve the lung microenvironment.',
      ['Pneumonia, Viral'],
    ),
    expect: { category: 'msc_cells', modifications: [] },
  },
  {
    name: '"activated" MSCs (activated before they are given) are primed',
    guideline: 'primed: preconditioned/licensed before administration',
    study: study(
      'Activated Marrow Stromal Cells for Knee Arthrosis',
      'Transplantation of activated bone marrow mesenchymal stem cells into the knee under arthroscopy.',
      ['Knee Osteoarthritis'],
    ),
    expect: { category: 'msc_cells', modifications: ['primed'] },
  },
  {
    name: '"activated platelet-rich plasma" given with MSCs is not a priming of the MSCs',
    study: study(
      'Stromal Cells and Platelet-rich Plasma in Knee Osteoarthritis',
      'Intra-articular injection of activated PRP and MSCs from the patient’s bone marrow.',
      ['Knee Osteoarthritis'],
    ),
    expect: { category: 'msc_cells', modifications: [] },
  },
  {
    name: 'a method sentence saying what was "previously used" is about this product: "priming MSCs" there is primed',
    guideline: 'primed: preconditioned/licensed before administration',
    study: {
      title: 'Autologous Stromal Cells in Multiple Sclerosis',
      summary:
        'Expanding and priming bone marrow MSCs to a clinical scale in xeno-free media instead of the previously used fetal serum. Assessing the safety of intrathecal MSCs.',
      interventions: [{ name: 'Autologous mesenchymal stem cells' }],
      conditions: ['Multiple Sclerosis'],
    },
    expect: { category: 'msc_cells', modifications: ['primed'] },
  },
  {
    name: 'a literature sentence ("previously shown") about priming MSCs is background, not this product',
    study: {
      title: 'Umbilical Cord Stromal Cells in Lupus Nephritis',
      summary:
        'Priming of MSCs with interferon-gamma was previously shown to increase their immunosuppression. Here, unmodified umbilical cord MSCs are infused intravenously.',
      interventions: [{ name: 'Umbilical cord mesenchymal stem cells' }],
      conditions: ['Lupus Nephritis'],
    },
    expect: { category: 'msc_cells', modifications: [] },
  },
  {
    name: '"preosteoblastic cells" / "bone marrow-derived osteoblastic cells" are differentiated',
    guideline:
      'differentiated: induced toward another lineage before administration, e.g. ... osteogenic pre-differentiation',
    study: {
      title: 'Implantation of Preosteoblastic Cells in Osteonecrosis of the Femoral Head',
      interventions: [
        {
          name: 'Osteoblastic cell implantation',
          description:
            'Autologous bone marrow-derived osteoblastic cells, grown from the patient’s mesenchymal stromal cells, implanted into the necrotic lesion at core decompression.',
        },
      ],
      conditions: ['Osteonecrosis of the Femoral Head'],
    },
    expect: { modifications: ['differentiated'] },
  },
  {
    name: 'MSCs kept in an "osteogenic differentiation medium" before implantation are differentiated',
    guideline: 'differentiated: ... chondrogenic/osteogenic pre-differentiation',
    study: study(
      'Bone Marrow Stromal Cells on a Plasma Matrix for Jaw Cysts',
      'Autologous MSCs are seeded in the matrix and cultured for three weeks in osteogenic differentiation medium, then implanted into the cyst cavity.',
      ['Jaw Cysts'],
    ),
    expect: { category: 'msc_cells', modifications: ['differentiated'] },
  },
  {
    name: 'the trilineage test of the cells ("osteogenic, chondrogenic and adipogenic differentiation media") is quality control, not a modification',
    study: study(
      'Umbilical Cord Stromal Cells in Knee Osteoarthritis',
      'Umbilical cord MSCs released after testing their growth in osteogenic, chondrogenic and adipogenic differentiation media; injected into the knee.',
      ['Knee Osteoarthritis'],
    ),
    expect: { category: 'msc_cells', modifications: [] },
  },
  {
    name: 'MSCs given "endothelial pre-induction" (and hypoxic preconditioning) are differentiated (and primed)',
    guideline: 'differentiated: induced toward another lineage before administration; primed: ... hypoxia',
    study: study(
      'Preconditioned Marrow Stromal Cells in Critical Limb Ischemia',
      'Autologous bone marrow MSCs with hypoxia preconditioning and endothelial pre-induction, infused intravenously.',
      ['Critical Limb Ischemia'],
    ),
    expect: { category: 'msc_cells', modifications: ['differentiated', 'primed'] },
  },
  {
    name: 'MSCs "without hepatic pre-induction" are not differentiated',
    study: study(
      'Umbilical Cord Stromal Cells in Liver Failure',
      'Umbilical cord MSCs without hepatic pre-induction are infused via the peripheral vein.',
      ['Liver Failure'],
    ),
    expect: { category: 'msc_cells', modifications: [] },
  },
];
