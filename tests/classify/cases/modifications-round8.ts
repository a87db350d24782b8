/**
 * Modifications, generalisation round 8. Primed counts only as a step in making the product given here: not a
 * laboratory assay, an animal study or what MSCs do in the body, not the patients' own pretreatment.
 */
import { described, study, type CaseTable } from './case.js';

export const cases: CaseTable = [
  {
    name: 'what MSCs do "when exposed to" inflammatory cytokines (MSCs in general) is not a priming of the product',
    guideline: 'primed: preconditioned/licensed before administration',
    study: described(
      'Marrow Stromal Cells in Refractory Colitis',
      'Stromal cells are multipotent. When exposed to inflammatory cytokines, MSCs release factors that calm T cells. Participants are given marrow MSCs by vein every week for a month.',
      ['Ulcerative Colitis'],
    ),
    expect: { category: 'msc_cells', modifications: [] },
  },
  {
    name: 'MSCs "activated by IFN-γ in the inflamed tissue" (in the body) are not primed',
    guideline: 'primed: preconditioned/licensed before administration',
    study: described(
      'Cord Stromal Cells in Psoriatic Disease',
      'After infusion the MSCs are activated by interferon-gamma in the inflamed tissue and dampen inflammation. Cord MSCs are given twice by vein.',
      ['Psoriasis'],
    ),
    expect: { category: 'msc_cells', modifications: [] },
  },
  {
    name: 'a potency assay that stimulates a sample of the MSCs with IFN-γ is a laboratory test, not a priming',
    guideline: 'primed: preconditioned/licensed before administration',
    study: described(
      'Marrow Stromal Cells for Chronic Graft-versus-host Disease',
      'Each lot is released after a potency assay in which an aliquot of the MSCs is stimulated with interferon gamma and indoleamine dioxygenase is measured. The lots are infused by vein.',
      ['Graft vs Host Disease'],
    ),
    expect: { category: 'msc_cells', modifications: [] },
  },
  {
    name: 'preconditioned MSCs in a preclinical (animal) sentence are background',
    guideline: 'primed: preconditioned/licensed before administration',
    study: described(
      'Adipose Stromal Cells in Lower Limb Ischemia',
      'In preclinical work hypoxia-preconditioned MSCs restored perfusion in ischemic hind limbs of rats. Here standard adipose MSCs are injected into the calf muscles.',
      ['Peripheral Arterial Disease'],
    ),
    expect: { category: 'msc_cells', modifications: [] },
  },
  {
    name: 'patients "pretreated with" a drug before the MSC infusion: the patients, not the cells, are pretreated',
    guideline: 'primed: preconditioned/licensed before administration (of the MSC product)',
    study: study(
      'Cord Stromal Cells in Kidney Transplant Tolerance',
      'Patients are pretreated with an antihistamine and paracetamol before MSC infusion; cord MSCs are then infused over an hour.',
      ['Kidney Transplant Rejection'],
    ),
    expect: { category: 'msc_cells', modifications: [] },
  },
  {
    name: 'a "preconditioning regimen" of the patients given before the MSCs is not a priming of the cells',
    guideline: 'primed: preconditioned/licensed before administration (of the MSC product)',
    study: study(
      'Marrow Stromal Cells With Haploidentical Grafts',
      'A preconditioning regimen of busulfan is given before mesenchymal stromal cell co-infusion with the graft.',
      ['Severe Aplastic Anemia'],
    ),
    expect: { lacks: { modifications: ['primed'] } },
  },
  {
    name: 'patients who "receive hypoxia-preconditioned MSCs" still get a primed product',
    guideline: 'primed: preconditioned/licensed before administration: ... hypoxia',
    study: described(
      'Stromal Cells in Ischemic Stroke',
      'Patients will receive hypoxia-preconditioned MSCs by vein within a week of the stroke. The cells are grown from donated marrow.',
      ['Ischemic Stroke'],
    ),
    expect: { category: 'msc_cells', modifications: ['primed'] },
  },
  {
    name: 'MSCs grown in animal-free medium under hypoxia are primed ("animal-free" is no animal study)',
    guideline: 'primed: preconditioned/licensed before administration: ... hypoxia',
    study: study(
      'Low-oxygen Grown Marrow Stromal Cells in Limb Ischemia',
      'Donor marrow MSCs expanded under hypoxic conditions in an animal-free medium, injected into the ischemic muscle.',
      ['Limb Ischemia'],
    ),
    expect: { category: 'msc_cells', modifications: ['primed'] },
  },
  {
    name: 'MSCs "treated/incubated/cultured with" IFN-γ, TNF-α or IL-1β (optionally "in vitro", "for 48 hours") are primed',
    guideline: 'primed: preconditioned/licensed before administration: cytokines such as IFN-γ',
    study: study(
      'Marrow Stromal Cells in Steroid-refractory Colitis',
      'Donor marrow MSCs are incubated in vitro for 48 hours with interferon-gamma and tumour necrosis factor, washed and infused by vein.',
      ['Ulcerative Colitis'],
    ),
    expect: { category: 'msc_cells', modifications: ['primed'] },
  },
  {
    name: 'MSCs "stimulated with a cocktail of" inflammatory cytokines are primed',
    guideline: 'primed: preconditioned/licensed before administration: cytokines such as IFN-γ',
    study: study(
      'Cord Stromal Cells for Lung Injury',
      'Cord MSCs stimulated with a cocktail of pro-inflammatory cytokines the day before they are given by vein.',
      ['Acute Lung Injury'],
    ),
    expect: { category: 'msc_cells', modifications: ['primed'] },
  },
  {
    name: '"IL-1β-treated" / "LPS-preconditioned" MSCs (an agent joined to the participle) are primed',
    guideline: 'primed: preconditioned/licensed before administration: cytokines ..., drugs',
    study: study(
      'Interleukin-treated Stromal Cells in Knee Arthrosis',
      'IL-1beta-treated adipose MSCs injected into the knee joint under ultrasound.',
      ['Knee Osteoarthritis'],
    ),
    expect: { category: 'msc_cells', modifications: ['primed'] },
  },
  {
    name: '"IFN-γ licensing of the MSCs" (licensing as a noun) is primed',
    guideline: 'primed: preconditioned/licensed before administration',
    study: study(
      'Licensed Stromal Cells in Crohn Disease',
      'Interferon-gamma licensing of the MSCs is done one day before the infusion.',
      ['Crohn Disease'],
    ),
    expect: { category: 'msc_cells', modifications: ['primed'] },
  },
  {
    name: 'MSCs "expanded in a hypoxic environment" / "conditioned with" a cytokine are primed',
    guideline: 'primed: preconditioned/licensed before administration: ... hypoxia',
    study: study(
      'Umbilical Stromal Cells in Heart Failure',
      'Umbilical cord MSCs expanded in a hypoxic environment and given by intracoronary infusion.',
      ['Heart Failure'],
    ),
    expect: { category: 'msc_cells', modifications: ['primed'] },
  },
  {
    name: 'T cells "stimulated with IFN-γ" in a test beside MSCs: the T cells, not the MSCs, are stimulated',
    study: described(
      'Marrow Stromal Cells in Lupus',
      'Blood T cells were stimulated with interferon-gamma in the presence of the MSCs to read their suppression. Participants receive marrow MSCs by vein.',
      ['Lupus Erythematosus, Systemic'],
    ),
    expect: { category: 'msc_cells', modifications: [] },
  },
  {
    name: 'patients "treated with TNF inhibitors" before MSCs are no priming; MSCs grown "with platelet lysate" neither',
    study: described(
      'Adipose Stromal Cells in Crohn Fistula',
      'Participants previously treated with TNF-alpha inhibitors are eligible. The MSCs are cultured with platelet lysate and injected around the fistula.',
      ['Rectal Fistula'],
    ),
    expect: { lacks: { modifications: ['primed'] } },
  },
  {
    name: '"cardiopoietic" MSCs / MSCs "guided to a cardiac lineage" are differentiated',
    guideline: 'differentiated: induced toward another lineage before administration',
    study: study(
      'Lineage-guided Marrow Stromal Cells in Ischaemic Heart Failure',
      'Cardiopoietic mesenchymal stem cells: the patient’s marrow MSCs are guided to a cardiac lineage with a cocktail of growth factors, then injected into the heart muscle through a catheter.',
      ['Heart Failure'],
    ),
    expect: { category: 'msc_cells', modifications: ['differentiated'] },
  },
  {
    name: '"<lineage>-differentiated MSCs" and MSCs "differentiated in vitro into" a lineage are differentiated',
    guideline: 'differentiated: ... chondrogenic/osteogenic pre-differentiation',
    study: study(
      'Cartilage-committed Stromal Cells in Focal Knee Defects',
      'Chondrocyte-differentiated adipose MSCs are placed in the defect at arthroscopy.',
      ['Cartilage Injury'],
    ),
    expect: { category: 'msc_cells', modifications: ['differentiated'] },
  },
  {
    name: 'smooth muscle cells "derived from" MSCs (a lineage beyond the listed ones) are differentiated',
    guideline: 'differentiated: induced toward another lineage before administration',
    study: study(
      'Muscle Cells Grown From Stromal Cells in Stress Incontinence',
      'Smooth muscle cells derived from autologous MSCs are injected around the urethral sphincter.',
      ['Urinary Incontinence, Stress'],
    ),
    expect: { category: 'msc_cells', modifications: ['differentiated'] },
  },
  {
    name: 'MSCs "neurally induced" / kept in a "neural induction medium" before injection are differentiated',
    guideline: 'differentiated: ... neural progenitors',
    study: study(
      'Neurally Induced Marrow Stromal Cells in Spinal Cord Injury',
      'Marrow MSCs are kept three days in neural induction medium, then injected into the spinal fluid by lumbar puncture.',
      ['Spinal Cord Injuries'],
    ),
    expect: { category: 'msc_cells', modifications: ['differentiated'] },
  },
  {
    name: 'MSCs "converted/transformed into" Schwann-type cells are differentiated; "can be directed toward" a lineage is background',
    guideline: 'differentiated: induced toward another lineage before administration',
    study: {
      title: 'Stromal Cells in Peripheral Nerve Gaps',
      summary:
        'MSCs can be directed toward many lineages. In this study marrow MSCs are transformed into Schwann cells and placed in a nerve conduit.',
      interventions: [{ name: 'Autologous mesenchymal stem cells' }],
      conditions: ['Peripheral Nerve Injuries'],
    },
    expect: { category: 'msc_cells', modifications: ['differentiated'] },
  },
  {
    name: 'MSCs that are "able to differentiate into" bone or cartilage (what MSCs can do) are not differentiated',
    study: described(
      'Marrow Stromal Cells in Knee Arthrosis',
      'MSCs are able to differentiate into osteoblasts, chondrocytes and adipocytes. Participants receive one knee injection of marrow MSCs.',
      ['Knee Osteoarthritis'],
    ),
    expect: { category: 'msc_cells', modifications: [] },
  },
  {
    name: 'MSCs "modified to express" a protein / "modified with" a gene are genetically modified',
    guideline: 'genetically_modified: transfected/transduced/gene-edited MSCs',
    study: study(
      'Engineered Marrow Stromal Cells in Advanced Lung Cancer',
      'Allogeneic marrow MSCs modified to express a tumour-killing ligand, given by vein on day 1.',
      ['Lung Neoplasms'],
    ),
    expect: { category: 'msc_cells', modifications: ['genetically_modified'] },
  },
  {
    name: 'MSCs "infected with" a (measles) virus, or "virus-infected MSCs", are genetically modified carriers',
    guideline: 'genetically_modified: transfected/transduced/gene-edited MSCs',
    study: study(
      'Virus-infected Stromal Cells in Recurrent Ovarian Cancer',
      'Adipose MSCs infected with an attenuated measles virus are instilled into the peritoneal cavity.',
      ['Ovarian Neoplasms'],
    ),
    expect: { category: 'msc_cells', modifications: ['genetically_modified'] },
  },
  {
    name: 'MSCs "carrying/containing" a (suicide, reporter) gene named in several words are genetically modified',
    guideline: 'genetically_modified: transfected/transduced/gene-edited MSCs',
    study: study(
      'Stromal Cells Carrying a Suicide Gene in Gastrointestinal Cancer',
      'Autologous MSCs containing the herpes simplex virus thymidine kinase gene, followed by ganciclovir.',
      ['Gastrointestinal Neoplasms'],
    ),
    expect: { category: 'msc_cells', modifications: ['genetically_modified'] },
  },
  {
    name: 'MSCs expressing/producing a protein MSCs do not make (TRAIL, HSV-TK, IFN-β, IL-12) and "MSC-IFNβ" are genetically modified',
    guideline: 'genetically_modified: transfected/transduced/gene-edited MSCs',
    study: {
      title: 'MSC-IFNβ in Peritoneal Carcinomatosis',
      interventions: [
        {
          name: 'MSC-IFNβ',
          description: 'Marrow mesenchymal stem cells producing interferon beta, given into the peritoneum.',
        },
      ],
      conditions: ['Peritoneal Neoplasms'],
    },
    expect: { category: 'msc_cells', modifications: ['genetically_modified'] },
  },
  {
    name: 'immune cells "IL-12-producing" or "TRAIL-expressing" in a mechanism sentence make no genetically modified MSCs',
    study: described(
      'Marrow Stromal Cells in Lupus',
      'MSCs lower IL-12-producing dendritic cells and TRAIL-expressing NK cells. Participants receive marrow MSCs by vein.',
      ['Lupus Erythematosus, Systemic'],
    ),
    expect: { category: 'msc_cells', modifications: [] },
  },
  {
    name: 'MSCs kept "in 3D culture" on a collagen scaffold before implantation: a carrier, not a spheroid culture (not primed)',
    guideline: 'primed: ... 3D spheroid culture; biomaterial: scaffold, hydrogel, matrix',
    study: study(
      'Scaffold-borne Marrow Stromal Cells in Cartilage Defects',
      'Autologous MSCs are seeded on a collagen scaffold and kept in 3D culture for two weeks before implantation into the defect.',
      ['Cartilage Injury'],
    ),
    expect: { category: 'msc_cells', modifications: [] },
  },
  {
    name: 'MSCs grown as 3D spheroids/aggregates (no carrier) are still primed',
    guideline: 'primed: ... 3D spheroid culture',
    study: study(
      'Spheroid Stromal Cells in Knee Arthrosis',
      'Three-dimensional cultured MSC spheroids, free of any scaffold, are injected into the knee joint.',
      ['Knee Osteoarthritis'],
    ),
    expect: { category: 'msc_cells', modifications: ['primed'] },
  },
];
