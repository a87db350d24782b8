/**
 * Modifications, generalisation round 9. Primed counts only for the cells given (not the patients' drug, a newborn's
 * hypoxia, a blood sample's stimulation or an organ), and it covers more wordings of a priming step made before the
 * administration (an agent joined to "-treated", other MSC names before "primed with", "treated with ... before
 * transplantation", "three-dimensionally cultured"). Differentiated counts only for a lineage induction made before the
 * administration: not the cells' trilineage characterisation or differentiation potential, not what they become in the
 * body; it covers a lineage "differentiation ... before implantation" and cells named with an acronym before "derived
 * from MSCs".
 */
import { described, study, type CaseTable } from './case.js';

const GENETIC =
  'genetically_modified: transfected/transduced/gene-edited MSCs (the modification applies to the MSC product given)';

const DIFFERENTIATED = 'differentiated: induced toward another lineage before administration';

const PRIMED =
  'primed: preconditioned/licensed before administration: cytokines, hypoxia, drugs, 3D spheroid culture';

export const cases: CaseTable = [
  {
    name: 'the patients\' "anti-TNF treated" therapy is no priming of the MSCs',
    guideline: PRIMED,
    study: described(
      'Adipose Stromal Cells for Perianal Fistulas',
      'Adults with fistulising Crohn disease that failed anti-TNF treated courses receive donor adipose MSCs into each fistula tract.',
      ['Crohn Disease'],
    ),
    expect: { category: 'msc_cells', modifications: [] },
  },
  {
    name: 'newborns (or an organ) "exposed to hypoxia" are the patients, not a hypoxic priming of the cells',
    guideline: PRIMED,
    study: described(
      'Cord Stromal Cells After Birth Asphyxia',
      'Newborns exposed to hypoxia around delivery receive cord stromal cells through the nose. The heart exposed to low oxygen is examined by echo after the MSC dose.',
      ['Hypoxic-Ischemic Encephalopathy'],
    ),
    expect: { category: 'msc_cells', modifications: [] },
  },
  {
    name: 'a blood sample "stimulated with LPS" or donors "primed with G-CSF" near the MSCs: not the cells given',
    guideline: PRIMED,
    study: described(
      'Marrow Stromal Cells in Septic Shock',
      'After each MSC infusion, whole blood samples are stimulated with lipopolysaccharide to read cytokine output. Donors are primed with a growth factor before the marrow MSC harvest.',
      ['Septic Shock'],
    ),
    expect: { category: 'msc_cells', modifications: [] },
  },
  {
    name: 'MSCs "activated by cytokines" once they reach the injured tissue (in the body) are not primed',
    guideline: PRIMED,
    study: described(
      'Cord Stromal Cells in Acute Kidney Injury',
      'Infused MSCs travel to the injured tissue where they are activated by inflammatory cytokines. Cord MSCs are given by vein on day one.',
      ['Acute Kidney Injury'],
    ),
    expect: { category: 'msc_cells', modifications: [] },
  },
  {
    name: 'an agent joined to "-treated"/"-stimulated" before the MSC name ("statin-treated MSCs") is primed',
    guideline: PRIMED,
    study: study(
      'Statin Pretreatment of Marrow Stromal Cells in Heart Attack',
      'Rosuvastatin-treated autologous MSCs are delivered into the culprit coronary artery.',
      ['Myocardial Infarction'],
    ),
    expect: { category: 'msc_cells', modifications: ['primed'] },
  },
  {
    name: 'a steroid-, mock- or placebo-treated word before the MSC name is not a priming agent',
    guideline: PRIMED,
    study: described(
      'Marrow Stromal Cells in Steroid-refractory Graft-versus-host Disease',
      'Steroid-treated refractory GVHD MSC infusions are compared with mock-treated MSC cultures in vitro. MSCs are given by vein twice weekly.',
      ['Graft vs Host Disease'],
    ),
    expect: { category: 'msc_cells', modifications: [] },
  },
  {
    name: 'ADSCs/ASCs/MPCs "preconditioned with" an agent are primed like MSCs',
    guideline: PRIMED,
    study: study(
      'Preconditioned Adipose Cells in Diabetic Foot',
      'ADSCs preconditioned with a hormone for one day are injected around the ulcer.',
      ['Diabetic Foot'],
    ),
    expect: { category: 'msc_cells', modifications: ['primed'] },
  },
  {
    name: 'MSCs "treated/exposed with" a drug "for N hours before transplantation" are primed; labelling with iron oxide is not',
    guideline: PRIMED,
    study: {
      title: 'Marrow Stromal Cells in Ischemic Cardiomyopathy',
      interventions: [
        {
          name: 'Drug-preconditioned MSCs',
          description:
            'The MSCs are treated with a statin for 24 hours prior to transplantation into the myocardium.',
        },
        {
          name: 'Labelled MSCs',
          description:
            'The MSCs are incubated with superparamagnetic iron oxide for 24 hours before injection.',
        },
      ],
      conditions: ['Cardiomyopathy'],
    },
    expect: { category: 'msc_cells', modifications: ['primed'] },
  },
  {
    name: 'MSCs labelled by incubation with iron oxide nanoparticles before injection are not primed',
    guideline: PRIMED,
    study: study(
      'Tracking Marrow Stromal Cells in the Injured Cord',
      'The MSCs are incubated with superparamagnetic iron oxide for 24 hours before injection, then tracked by MRI.',
      ['Spinal Cord Injuries'],
    ),
    expect: { category: 'msc_cells', modifications: [] },
  },
  {
    name: 'MSCs that "undergo preconditioning with" an agent are primed; patients who undergo it are not',
    guideline: PRIMED,
    study: study(
      'Preconditioned Stromal Cells in Liver Failure',
      'Patients undergo preconditioning with an antihistamine. The stromal cells undergo preconditioning with a hormone for two days and are infused by vein.',
      ['Liver Failure'],
    ),
    expect: { category: 'msc_cells', modifications: ['primed'] },
  },
  {
    name: 'patients who "undergo pretreatment with" a drug before the MSCs: no priming',
    guideline: PRIMED,
    study: study(
      'Stromal Cells in Liver Failure',
      'All participants undergo pretreatment with an antihistamine before the MSCs are infused by vein.',
      ['Liver Failure'],
    ),
    expect: { category: 'msc_cells', modifications: [] },
  },
  {
    name: '"three-dimensionally cultured" MSCs or MSCs grown as "3D spheres" are primed',
    guideline: PRIMED,
    study: study(
      'Sphere-cultured Stromal Cells in Knee Arthritis',
      'Three-dimensionally cultured MSCs, grown as 3D spheres in suspension, are injected into the knee.',
      ['Knee Osteoarthritis'],
    ),
    expect: { category: 'msc_cells', modifications: ['primed'] },
  },
  {
    name: 'MSCs "differentiated into" osteoblasts, chondrocytes and adipocytes in a trilineage characterisation are not differentiated',
    guideline: DIFFERENTIATED,
    study: described(
      'Marrow Stromal Cells in Knee Arthritis',
      'Identity of each lot: the MSCs differentiated into osteocytes, chondrocytes and adipocytes in culture. The MSCs are injected into the knee.',
      ['Knee Osteoarthritis'],
    ),
    expect: { category: 'msc_cells', modifications: [] },
  },
  {
    name: 'a "differentiation potential/assay" of the MSC lot (a test of the cells, not a step in making them) is not differentiated',
    guideline: DIFFERENTIATED,
    study: study(
      'Cord Stromal Cells in Lupus Nephritis',
      'Cord MSCs, whose differentiation potential toward bone was confirmed when differentiated into osteoblasts in a release assay, are infused by vein.',
      ['Lupus Nephritis'],
    ),
    expect: { category: 'msc_cells', modifications: [] },
  },
  {
    name: 'MSCs that "differentiated into" bone cells after the injection (in the body) are not differentiated',
    guideline: DIFFERENTIATED,
    study: described(
      'Adipose Stromal Cells in Nonunion',
      'In earlier patients the MSCs differentiated into osteoblasts after implantation into the gap. Adipose MSCs are packed into the fracture gap.',
      ['Fractures, Ununited'],
    ),
    expect: { category: 'msc_cells', modifications: [] },
  },
  {
    name: 'adipose-derived MSCs "pre-differentiated into" bone-forming cells (the word adipose is no adipocyte lineage) stay differentiated',
    guideline: DIFFERENTIATED,
    study: study(
      'Bone-committed Adipose Stromal Cells in Nonunion',
      'Adipose-derived MSCs are pre-differentiated into osteoblasts for two weeks and packed into the fracture gap.',
      ['Fractures, Ununited'],
    ),
    expect: { category: 'msc_cells', modifications: ['differentiated'] },
  },
  {
    name: 'MSCs that undergo a lineage "differentiation ... before implantation" are differentiated',
    guideline: DIFFERENTIATED,
    study: study(
      'Bone-committed Marrow Stromal Cells in Jaw Defects',
      'Marrow MSCs undergo osteogenic differentiation for 10 days before implantation into the jaw defect.',
      ['Alveolar Bone Loss'],
    ),
    expect: { category: 'msc_cells', modifications: ['differentiated'] },
  },
  {
    name: 'lineage cells named with an acronym before "derived from MSCs" ("neural stem cells (NSCs) derived from") are differentiated',
    guideline: DIFFERENTIATED,
    study: study(
      'Marrow-derived Neural Cells in Spinal Cord Injury',
      'Induced neural stem cells (iNSCs) derived from autologous marrow MSCs are given by lumbar puncture.',
      ['Spinal Cord Injuries'],
    ),
    expect: { category: 'msc_cells', modifications: ['differentiated'] },
  },
  {
    name: '"NTF-secreting" MSCs (neurotrophic factor-secreting, induced before use) are differentiated',
    guideline: DIFFERENTIATED,
    study: study(
      'Neurotrophic Marrow Cells in Multiple System Atrophy',
      'Autologous NTF-secreting MSCs are injected by lumbar puncture.',
      ['Multiple System Atrophy'],
    ),
    expect: { category: 'msc_cells', modifications: ['differentiated'] },
  },
  {
    name: 'a description sentence on what so-treated MSCs do in general ("MSCs exposed to an inflammatory milieu upregulate IDO") is a mechanism, not a priming',
    guideline: PRIMED,
    study: described(
      'Cord Stromal Cells in Lung Injury',
      'MSCs exposed to an inflammatory milieu upregulate IDO and suppress T cells. Under hypoxic conditions MSCs secrete more VEGF. Spheroid culture enhances the anti-inflammatory output of MSCs. Cord MSCs are infused by vein twice.',
      ['Acute Respiratory Distress Syndrome'],
    ),
    expect: { category: 'msc_cells', modifications: [] },
  },
  {
    name: 'the same present-tense wording about this study\'s product ("the study product consists of MSCs primed with ... which express ...") stays primed',
    guideline: PRIMED,
    study: described(
      'Primed Cord Stromal Cells in Lung Injury',
      'The study product consists of cord MSCs primed with interferon gamma, which express high levels of IDO. They are infused by vein twice.',
      ['Acute Respiratory Distress Syndrome'],
    ),
    expect: { category: 'msc_cells', modifications: ['primed'] },
  },
  {
    name: 'an intervention description of primed MSCs with a present-tense effect is the product given (primed)',
    guideline: PRIMED,
    study: study(
      'Stromal Cells in Lung Injury',
      'Interferon gamma-primed cord MSCs express high levels of IDO; given by vein.',
      ['Acute Respiratory Distress Syndrome'],
    ),
    expect: { category: 'msc_cells', modifications: ['primed'] },
  },
  {
    name: 'aggregates or clusters of MSCs that must be filtered out or may lodge in capillaries are clumping, not a spheroid culture',
    guideline: PRIMED,
    study: described(
      'Marrow Stromal Cells in Sepsis',
      'Aggregates of MSCs in the bag are removed by filtration. Clusters of MSCs can lodge in lung capillaries, so the MSCs are given slowly by vein.',
      ['Sepsis'],
    ),
    expect: { category: 'msc_cells', modifications: [] },
  },
  {
    name: 'patients "with hypoxia treated with" MSCs, or immune cells "IFN-γ activated", are no priming of the MSCs',
    guideline: PRIMED,
    study: described(
      'Cord Stromal Cells in Viral Pneumonia',
      'Adults with pneumonia and hypoxia treated with cord MSCs are followed for 28 days. The MSCs lower the count of interferon-gamma activated macrophages and inflammatory activated microglia.',
      ['Pneumonia, Viral'],
    ),
    expect: { category: 'msc_cells', modifications: [] },
  },
  {
    name: 'MSCs "cultured in the presence of" / "in medium supplemented with" a cytokine are primed',
    guideline: PRIMED,
    study: {
      title: 'Cytokine-exposed Cord Stromal Cells in Colitis',
      interventions: [
        {
          name: 'Cord MSCs',
          description:
            'Cord MSCs are cultured in the presence of interferon gamma for two days, or in medium supplemented with tumor necrosis factor, and then infused.',
        },
      ],
      conditions: ['Ulcerative Colitis'],
    },
    expect: { category: 'msc_cells', modifications: ['primed'] },
  },
  {
    name: 'bone cells "derived from bone marrow stromal cells" (stromal cells without "mesenchymal") are differentiated',
    guideline: DIFFERENTIATED,
    study: study(
      'Marrow-derived Bone Cells in Osteonecrosis',
      'Osteoblasts derived from autologous bone marrow stromal cells are implanted into the femoral head.',
      ['Osteonecrosis of the Femoral Head'],
    ),
    expect: { category: 'msc_cells', modifications: ['differentiated'] },
  },
  {
    name: 'MSC exosomes "loaded with" a microRNA or "siRNA-loaded" (a nucleic acid put into the product) are genetically modified',
    guideline: GENETIC,
    study: {
      title: 'Loaded Stromal Cell Vesicles in Pancreatic Cancer',
      interventions: [
        { name: 'Exosomes of mesenchymal stromal cells loaded with miR-145' },
        { name: 'siRNA-loaded MSC exosomes' },
      ],
      conditions: ['Pancreatic Cancer'],
    },
    expect: { category: 'msc_derived', modifications: ['genetically_modified'] },
  },
  {
    name: 'MSC exosomes "naturally loaded with" microRNAs (what vesicles carry anyway) are not genetically modified',
    guideline: GENETIC,
    study: {
      title: 'Stromal Cell Vesicles in Lung Injury',
      description:
        'MSC exosomes are naturally loaded with microRNAs that calm inflammation. MSC exosomes are inhaled daily for a week.',
      interventions: [{ name: 'MSC exosomes' }],
      conditions: ['Acute Lung Injury'],
    },
    expect: { category: 'msc_derived', modifications: [] },
  },
  {
    name: 'a virus name that is the patients\' infection ("adenovirus pneumonia", "caused by BK virus or adenovirus") or "signal transduction" is no genetic modification',
    guideline: GENETIC,
    study: described(
      'Cord Stromal Cells for Severe Adenovirus Pneumonia in Children',
      'Children with hemorrhagic cystitis caused by BK virus or adenovirus also qualify. MSCs modulate signal transduction in T cells. Cord MSCs are given by vein.',
      ['Pneumonia, Viral'],
    ),
    expect: { category: 'msc_cells', modifications: [] },
  },
  {
    name: 'MSCs carrying an adenovirus or transduced with an adenoviral vector stay genetically modified',
    guideline: GENETIC,
    study: study(
      'Virus-carrying Marrow Stromal Cells in Solid Tumours',
      'Marrow MSCs carrying an oncolytic adenovirus, or transduced with an adenoviral vector, are infused weekly.',
      ['Solid Tumor'],
    ),
    expect: { category: 'msc_cells', modifications: ['genetically_modified'] },
  },
];
