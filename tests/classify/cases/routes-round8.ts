/**
 * Routes, generalisation round 8: a joint named after "into"/"injected in" (with its side or state words), a bare
 * "into the joint", and a bare injection of the product in a study of a joint's surface disease (intra-articular).
 */
import { study, type CaseTable } from './case.js';

export const cases: CaseTable = [
  {
    name: 'an injection "into the right knee" / "into both knees" (a side word before the joint) is intra-articular',
    guideline: 'intra_articular',
    study: study(
      'Stromal Cells for Gonarthrosis',
      'Forty million MSCs in 4 mL are injected into the right knee; a second dose goes into both knees at month 6.',
      ['Gonarthrosis'],
    ),
    expect: {
      category: 'msc_cells',
      routes: ['intra_articular'],
      reasons: { routes: 'stated.intervention' },
    },
  },
  {
    name: 'cells "injected in the index knee joint" (an injection verb, then "in" and the joint) are intra-articular',
    guideline: 'intra_articular',
    study: study(
      'Umbilical Cord Stromal Cells and Cartilage Loss',
      'MSCs (25 million) are injected under ultrasound guidance in the index knee joint.',
      ['Chondromalacia'],
    ),
    expect: { category: 'msc_cells', routes: ['intra_articular'] },
  },
  {
    name: 'a bare "into the joint" and an "intra-joint" injection are intra-articular',
    guideline: 'intra_articular',
    study: study(
      'Adipose Stromal Cells in Ankle Arthrosis',
      'After lavage the cell suspension is injected directly into the joint. An intra-joint booster follows at week 8.',
      ['Arthrosis of the Ankle'],
    ),
    expect: { category: 'msc_cells', routes: ['intra_articular'] },
  },
  {
    name: 'a "hip joint injection" of the cells is intra-articular',
    guideline: 'intra_articular',
    study: study(
      'Bone Marrow Stromal Cells for Hip Arthrosis',
      'One hip joint injection of 30 million bone marrow MSCs under fluoroscopy.',
      ['Coxarthrosis'],
    ),
    expect: { category: 'msc_cells', routes: ['intra_articular'] },
  },
  {
    name: '"into the affected area" names no joint: not intra-articular',
    guideline: 'intra_articular is the route into a joint; local_injection covers a named tissue',
    study: study(
      'Stromal Cells in Localized Scleroderma',
      'MSCs are given into the affected area of the forearm once.',
      ['Morphea'],
    ),
    expect: { category: 'msc_cells', lacks: { routes: ['intra_articular'] } },
  },
  {
    name: 'a bare injection of the product in a knee osteoarthritis study goes into the knee (intra-articular, inferred: medium)',
    guideline: 'intra_articular: the joint the study names is where the injection goes',
    study: {
      title: 'Allogeneic Stromal Cell Injection for Knee Osteoarthritis',
      interventions: [
        {
          name: 'Umbilical cord MSCs',
          description: 'A single injection of 50 million cells in 3 mL saline.',
        },
      ],
      conditions: ['Osteoarthritis, Knee'],
    },
    expect: {
      category: 'msc_cells',
      routes: ['intra_articular'],
      reasons: { routes: 'joint_injection' },
      confidence: { routes: 'medium' },
    },
  },
  {
    name: 'a bare injection in a cartilage-defect study of the shoulder is intra-articular',
    guideline: 'intra_articular',
    study: study(
      'Cultured Stromal Cells for Glenoid Cartilage Defects of the Shoulder',
      'Patients receive one injection of autologous MSCs after debridement.',
      ['Cartilage Defect'],
    ),
    expect: { category: 'msc_cells', routes: ['intra_articular'], reasons: { routes: 'joint_injection' } },
  },
  {
    name: 'a bare injection in a study of the hip bone (osteonecrosis, no joint-surface disease) is not inferred intra-articular',
    guideline: 'routes: empty if not stated',
    study: study(
      'Stromal Cells in Osteonecrosis of the Hip',
      'A single injection of 50 million bone marrow MSCs.',
      ['Osteonecrosis of the Femoral Head'],
    ),
    expect: { category: 'msc_cells', routes: [] },
  },
  {
    name: 'a bare injection in an arthritis study that names no joint is not inferred intra-articular',
    guideline: 'routes: empty if not stated',
    study: study(
      'Stromal Cells in Osteoarthritis',
      'Patients receive a single injection of 40 million adipose MSCs.',
      ['Osteoarthritis'],
    ),
    expect: { category: 'msc_cells', routes: [] },
  },
  {
    name: 'a "portal venous" infusion and a "transportal" delivery are other (not intravenous)',
    guideline: 'routes: other (the portal vein feeds the liver; not a listed route)',
    study: study(
      'Stromal Cells in Decompensated Cirrhosis',
      'MSCs (1 million/kg) by portal venous infusion under ultrasound; a second dose is delivered transportally.',
      ['Liver Cirrhosis'],
    ),
    expect: { category: 'msc_cells', routes: ['other'] },
  },
  {
    name: 'an "endobronchial" instillation and cells instilled "into the segmental bronchus" are other',
    guideline: 'routes: other (bronchoscopic/endobronchial delivery is not a listed route)',
    study: study(
      'Bone Marrow Stromal Cells in Emphysema',
      'Endobronchial delivery of MSCs; the suspension is instilled with a catheter into the segmental bronchus.',
      ['Emphysema'],
    ),
    expect: { category: 'msc_cells', routes: ['other'] },
  },
  {
    name: 'stromal cells held in a renal replacement therapy circuit (extracorporeal) are other, not intravenous',
    guideline: 'routes: other',
    study: study(
      'Extracorporeal Stromal Cell Device in Acute Kidney Injury',
      'A cartridge of allogeneic MSCs is placed in the dialysis circuit of continuous renal replacement therapy.',
      ['Acute Kidney Injury'],
    ),
    expect: { category: 'msc_cells', routes: ['other'] },
  },
  {
    name: 'cell-enriched "lipofilling of the cheeks" and "facial lipofilling" are subcutaneous',
    guideline: 'subcutaneous_intradermal (a fat injection fills the subcutis)',
    study: study(
      'Stromal Cell Enriched Lipofilling in Facial Lipoatrophy',
      'Lipofilling of the cheeks with fat enriched with cultured adipose MSCs; a touch-up facial lipofilling at month 3.',
      ['Lipoatrophy'],
    ),
    expect: { category: 'msc_cells', routes: ['subcutaneous_intradermal'] },
  },
  {
    name: 'enriched fat "injected into the left cheek" and cells injected "under the skin" are subcutaneous',
    guideline: 'subcutaneous_intradermal',
    study: study(
      'Adipose Stromal Cells in Hemifacial Atrophy',
      'The MSC-enriched fat is injected into the left cheek; a second group has the cells injected under the skin.',
      ['Hemifacial Atrophy'],
    ),
    expect: { category: 'msc_cells', routes: ['subcutaneous_intradermal'] },
  },
  {
    name: 'cells "s.c." once a week are subcutaneous',
    guideline: 'subcutaneous_intradermal',
    study: study(
      'Umbilical Cord Stromal Cells in Frailty',
      'Umbilical cord MSCs, 1 million/kg s.c. once a week for 4 weeks.',
      ['Frailty'],
    ),
    expect: { category: 'msc_cells', routes: ['subcutaneous_intradermal'] },
  },
  {
    name: 'a "fat grafting" enriched with MSCs is a graft, not an injection: no subcutaneous route read from it',
    guideline: 'surgical_implantation (implanted during surgery on a scaffold/graft)',
    study: study(
      'Stromal Cells in Fat Grafting',
      'Fat grafting for contour deformities of the face, the graft enriched with cultured adipose MSCs.',
      ['Contour Deformity'],
    ),
    expect: { category: 'msc_cells', lacks: { routes: ['subcutaneous_intradermal'] } },
  },
  {
    name: 'an injection "to the facial nerve" is not a facial (subcutaneous) injection',
    guideline: 'local_injection (injection into a named tissue not covered elsewhere)',
    study: study(
      'Adipose Stromal Cells After Nerve Decompression',
      'Adipose MSCs are injected to the facial nerve after decompression.',
      ['Facial Palsy'],
    ),
    expect: { category: 'msc_cells', lacks: { routes: ['subcutaneous_intradermal'] } },
  },
  {
    name: 'cells "injected on the wound" / "placed over the burn" (delivered onto the surface) are topical',
    guideline: 'topical (applied on a wound/surface, eye drops, spray on skin)',
    study: study(
      'Stromal Cells for Deep Partial-Thickness Burns',
      'After excision the MSC suspension is injected on the wound bed; in arm B it is placed over the burn under a film.',
      ['Burns'],
    ),
    expect: { category: 'msc_cells', routes: ['topical'] },
  },
  {
    name: '"depending on the wound size" after an injection names no surface route',
    guideline: 'routes: empty if not stated',
    study: study(
      'Stromal Cells in Chronic Leg Ulcers',
      'Up to 20 million MSCs are injected, depending on the wound size.',
      ['Leg Ulcer'],
    ),
    expect: { category: 'msc_cells', lacks: { routes: ['topical'] } },
  },
  {
    name: 'a carrier-borne product implanted at surgery (no route word) for a nonunion named in the conditions also fills bone: intraosseous',
    guideline:
      'intraosseous (into bone/marrow cavity, core decompression, bone defect filling); surgical_implantation',
    study: {
      title:
        'Expanded Adipose Stromal Cells on a Ceramic Carrier in the Surgical Treatment of Tibial Shaft Failures',
      interventions: [
        {
          name: 'Adipose MSCs on beta-tricalcium phosphate granules',
          description: 'One application during a single surgical intervention.',
        },
      ],
      conditions: ['Nonunion of Fracture'],
    },
    expect: {
      category: 'msc_cells',
      biomaterial: true,
      routes: ['intraosseous', 'surgical_implantation'],
      reasons: { routes: 'implant_word' },
    },
  },
  {
    name: 'a carrier-borne product with no route named for a "jaw bone reconstruction" (title) fills bone: intraosseous and surgical implantation',
    guideline: 'intraosseous (bone defect filling); a carrier-borne product is put in place, not injected',
    study: {
      title: 'Jaw Bone Reconstruction With Stromal Cells and a Ceramic Scaffold',
      interventions: [
        {
          name: 'Bone marrow MSCs with hydroxyapatite scaffold',
          description: 'Narrow ridges are widened before dental implants.',
        },
      ],
      conditions: ['Bone Atrophy'],
    },
    expect: {
      category: 'msc_cells',
      biomaterial: true,
      routes: ['intraosseous', 'surgical_implantation'],
      reasons: { routes: 'carrier' },
    },
  },
  {
    name: 'a bare "infusion" of cells in a heart-failure study states no route (intracoronary or intramyocardial as often)',
    guideline: 'routes: empty if not stated; intra_arterial (incl. intracoronary), intramyocardial',
    study: study(
      'Bone Marrow Stromal Cells in Ischaemic Heart Failure',
      'One infusion of 100 million MSCs during the index catheterisation.',
      ['Heart Failure'],
    ),
    expect: { category: 'msc_cells', routes: [], reasons: { routes: 'none_stated' } },
  },
  {
    name: 'an explicit intravenous infusion in a myocardial infarction study stays intravenous',
    guideline: 'intravenous',
    study: study(
      'Umbilical Cord Stromal Cells After Myocardial Infarction',
      'A single intravenous infusion of 1 million MSCs/kg on day 5.',
      ['ST Elevation Myocardial Infarction'],
    ),
    expect: { category: 'msc_cells', routes: ['intravenous'] },
  },
  {
    name: 'a bare "infusion" of cells in a graft-versus-host disease study is still intravenous (gold practice)',
    guideline: 'intravenous',
    study: study(
      'Third-Party Stromal Cells for Steroid-Refractory Acute GVHD',
      'Two infusions of 2 million MSCs/kg one week apart.',
      ['Graft Versus Host Disease'],
    ),
    expect: {
      category: 'msc_cells',
      routes: ['intravenous'],
      reasons: { routes: 'iv_default.intervention' },
    },
  },
  {
    name: 'a title-level row (no descriptions) whose only route is a bare "infusion" in an intervention name: intravenous, confidence low',
    guideline:
      'routes: empty if not stated (the bare-infusion reading is an inference; the full record may name another)',
    study: {
      title: 'Stromal Cells for Steroid-Refractory Acute Graft-versus-Host Disease',
      interventions: [{ name: 'Mesenchymal stromal cell infusion' }],
      conditions: ['Graft Versus Host Disease'],
    },
    expect: {
      category: 'msc_cells',
      routes: ['intravenous'],
      reasons: { routes: 'iv_default.intervention' },
      confidence: { routes: 'low' },
    },
  },
  {
    name: 'a title-level row whose title names the route ("Intravenous ...") keeps medium confidence',
    guideline: 'intravenous',
    study: {
      title: 'Intravenous Stromal Cells for Steroid-Refractory Acute Graft-versus-Host Disease',
      interventions: [{ name: 'Mesenchymal stromal cells' }],
      conditions: ['Graft Versus Host Disease'],
    },
    expect: { category: 'msc_cells', routes: ['intravenous'], confidence: { routes: 'medium' } },
  },
];
