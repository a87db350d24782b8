/** Routes, generalisation round 4: the infarct border, wounds receiving the product, lesions, labelled routes, other drugs' routes. */
import type { CaseTable } from './case.js';

export const cases: CaseTable = [
  {
    name: 'cells injected at the border of the infarcted area during bypass surgery: intramyocardial',
    guideline: 'intramyocardial (incl. transendocardial, epicardial injection)',
    study: {
      title: 'Cord MSCs With Coronary Bypass in Ischemic Cardiomyopathy',
      interventions: [
        {
          name: 'Umbilical cord mesenchymal stem cells',
          description:
            'During CABG, 50 million cells are injected at the border of the infarcted myocardium.',
        },
      ],
      conditions: ['Ischemic Cardiomyopathy'],
    },
    expect: { category: 'msc_cells', routes: ['intramyocardial'] },
  },
  {
    name: 'a peri-infarct injection: intramyocardial',
    study: {
      title: 'Adipose MSCs After Myocardial Infarction',
      interventions: [
        {
          name: 'Adipose-derived MSCs',
          description: 'Peri-infarct injections of adipose-derived MSCs at 10 sites',
        },
      ],
      conditions: ['Myocardial Infarction'],
    },
    expect: { category: 'msc_cells', routes: ['intramyocardial'] },
  },
  {
    name: 'wounds that "receive direct application" of vesicles: topical',
    guideline: 'topical: applied on a wound/surface',
    study: {
      title: 'MSC Vesicles for Partial-Thickness Burns',
      interventions: [
        {
          name: 'MSC-EV gel',
          description:
            'Burn wounds will receive direct application of extracellular vesicles derived from bone marrow MSCs.',
        },
      ],
      conditions: ['Burns'],
    },
    expect: { category: 'msc_derived', routes: ['topical'] },
  },
  {
    name: 'the product administered "to the chronic wounds": topical',
    study: {
      title: 'Secretome for Chronic Wounds',
      interventions: [
        {
          name: 'MSC secretome',
          description:
            'The secretome of umbilical cord MSCs is administered to the chronic wounds twice a week.',
        },
      ],
      conditions: ['Chronic Wound'],
    },
    expect: { category: 'msc_derived', routes: ['topical'] },
  },
  {
    name: 'the product given intravenously "to patients with burns": no topical route from the condition',
    study: {
      title: 'Intravenous MSCs in Severe Burns',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description: 'Intravenous infusion of MSCs administered to patients with severe burns.',
        },
      ],
      conditions: ['Burns'],
    },
    expect: { category: 'msc_cells', routes: ['intravenous'] },
  },
  {
    name: 'an injection "to local skin lesions" beside an infusion: local injection and intravenous',
    guideline: 'local_injection: intralesional/perilesional',
    study: {
      title: 'Amniotic MSCs in Calciphylaxis',
      interventions: [
        {
          name: 'Amniotic mesenchymal stem cells',
          description:
            'Intravenous infusion of MSCs every 3 weeks. Injection of MSCs to local skin lesions every 3 weeks.',
        },
      ],
      conditions: ['Calciphylaxis'],
    },
    expect: { category: 'msc_cells', routes: ['intravenous', 'local_injection'] },
  },
  {
    name: 'a direct injection "into the ileal pouch fistula(s)": local injection',
    guideline: 'local_injection (e.g. perianal fistula tract)',
    study: {
      title: 'MSCs for Pouch Fistulas',
      arms: [
        {
          label: 'MSC',
          description:
            'Direct injection of bone marrow MSCs, 100 million cells, into the ileal pouch fistula(s).',
        },
      ],
      interventions: [{ name: 'Bone marrow MSC' }],
      conditions: ["Crohn's Disease of the Pouch"],
    },
    expect: { category: 'msc_cells', routes: ['local_injection'] },
  },
  {
    name: 'a fistula named as the condition in the title: no local injection from it',
    study: {
      title: 'Stem Cell Coated Plug in Cryptoglandular Perianal Fistulas',
      interventions: [
        { name: 'MSC plug', description: 'A fistula plug coated with autologous mesenchymal stromal cells.' },
      ],
      conditions: ['Anal Fistula'],
    },
    expect: { category: 'msc_cells', lacks: { routes: ['local_injection'] } },
  },
  {
    name: 'a form-like "Route: Intravenous" line of the administration block: intravenous',
    study: {
      title: 'Expanded Access of Adipose MSCs for Post-Viral Fatigue',
      description:
        'Investigational Product Administration:\n\nDrug Name: XYZ-MSC\nRoute: Intravenous\nDose: 200 million.\n' +
        'Adverse events are recorded after each visit.',
      interventions: [{ name: 'XYZ-MSC', description: 'Autologous adipose derived mesenchymal stem cells' }],
      conditions: ['Post-Viral Fatigue Syndrome'],
    },
    expect: { category: 'msc_cells', routes: ['intravenous'] },
  },
  {
    name: 'the route of a drug dosed by mass in the MSC intervention ("subcutaneous injection of 20 µg ...") is not the cells\'',
    study: {
      title: 'Wharton Jelly MSCs in Vertebral Compression Fractures',
      interventions: [
        {
          name: 'WJ-MSC',
          description:
            'Intraosseous injection of 40 million WJ-MSCs into the fractured vertebra, then subcutaneous injection ' +
            'of 20 µg teriparatide once daily for 6 months.',
        },
      ],
      conditions: ['Osteoporotic Vertebral Compression Fracture'],
    },
    expect: { category: 'msc_cells', routes: ['intraosseous'] },
  },
  {
    name: 'cells on a scaffold in a bone defect "covered with" a membrane at surgery: not topical',
    guideline: 'surgical_implantation: implanted during surgery on a scaffold/graft',
    study: {
      title: 'Cultured Marrow MSCs on a Scaffold for Osteochondral Defects',
      interventions: [
        {
          name: 'MSC scaffold implant',
          description:
            'Culture-expanded autologous bone marrow MSCs seeded on a collagen scaffold are placed in the ' +
            'osteochondral defect, which is covered with a periosteal flap and sealed with fibrin glue.',
        },
      ],
      conditions: ['Osteochondral Defect of the Knee'],
    },
    expect: { category: 'msc_cells', biomaterial: true, lacks: { routes: ['topical'] } },
  },
  {
    name: 'an ulcer "covered with" a cell-seeded membrane: still topical (a carrier on a skin surface)',
    guideline: 'topical: applied on a wound/surface',
    study: {
      title: 'Cell-Seeded Membrane for Diabetic Foot Ulcers',
      interventions: [
        {
          name: 'MSC membrane',
          description: 'The ulcer is covered with a collagen membrane seeded with allogeneic adipose MSCs.',
        },
      ],
      conditions: ['Diabetic Foot Ulcer'],
    },
    expect: { category: 'msc_cells', biomaterial: true, routes: ['topical'] },
  },
  {
    name: 'cells on a scaffold implanted at surgery in a bone cyst the condition names: intraosseous and surgical implantation',
    guideline: 'intraosseous: into bone/marrow cavity, ... bone defect filling',
    study: {
      title: 'Marrow MSCs on a Ceramic Scaffold After Curettage',
      interventions: [
        {
          name: 'MSC-seeded scaffold',
          description:
            'Autologous bone marrow MSCs expanded in culture, seeded on a tricalcium phosphate scaffold and implanted during surgery.',
        },
      ],
      conditions: ['Aneurysmal Bone Cyst'],
    },
    expect: { category: 'msc_cells', biomaterial: true, routes: ['intraosseous', 'surgical_implantation'] },
  },
  {
    name: 'cells on a scaffold implanted at surgery in a cartilage defect: surgical implantation only',
    study: {
      title: 'Marrow MSCs on a Collagen Scaffold for Cartilage Defects',
      interventions: [
        {
          name: 'MSC-seeded scaffold',
          description:
            'Autologous bone marrow MSCs expanded in culture, seeded on a collagen scaffold and implanted during surgery.',
        },
      ],
      conditions: ['Cartilage Defect of the Knee'],
    },
    expect: { category: 'msc_cells', biomaterial: true, routes: ['surgical_implantation'] },
  },
  {
    name: 'vesicles given "by stereotaxis" into the infarct area of the brain: intracerebral',
    guideline: 'intracerebral (intraparenchymal brain/spinal cord injection, stereotactic)',
    study: {
      title: 'MSC Exosomes in Acute Ischemic Stroke',
      interventions: [
        {
          name: 'MSC exosomes',
          description:
            'Exosomes derived from allogeneic MSCs, given once by stereotaxis in the week after the stroke.',
        },
      ],
      conditions: ['Acute Ischemic Stroke'],
    },
    expect: { category: 'msc_derived', routes: ['intracerebral'] },
  },
  {
    name: 'an intraventricular injection guided by stereotaxis: intrathecal only (stereotaxis is the technique)',
    guideline: 'intrathecal (incl. ... intracerebroventricular)',
    study: {
      title: 'Intraventricular Mesenchymal Stem Cells in ALS',
      interventions: [
        {
          name: 'Intraventricular injection',
          description: 'Intraventricular injection of autologous mesenchymal stem cells by stereotaxis.',
        },
      ],
      conditions: ['Amyotrophic Lateral Sclerosis'],
    },
    expect: { category: 'msc_cells', routes: ['intrathecal'] },
  },
];
