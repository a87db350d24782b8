/** Routes: how the MSC product is given, from its own sentences, not from background, harvest or comparator text. */
import type { Labels } from '../../../src/model/labels.js';
import type { CaseTable, LabelCase } from './case.js';

/** A product whose route is said in one sentence of its intervention description. */
function described(name: string, description: string, routes: Labels['routes']): LabelCase {
  return {
    name,
    study: { title: 'MSC study', interventions: [{ name: 'Mesenchymal stem cells', description }] },
    expect: { routes },
  };
}

/** The same, in a study titled "MSC trial". */
function trial(name: string, description: string, routes: Labels['routes']): LabelCase {
  return {
    name,
    study: { title: 'MSC trial', interventions: [{ name: 'Mesenchymal stem cells', description }] },
    expect: { routes },
  };
}

/** An engineered MSC product injected into a site whose route depends on the organ of the condition. */
function organ(
  name: string,
  title: string,
  conditions: string[],
  description: string,
  routes: Labels['routes'],
): LabelCase {
  return {
    name,
    study: { title, conditions, interventions: [{ name: 'Engineered mesenchymal stem cells', description }] },
    expect: { routes },
  };
}

export const cases: CaseTable = [
  {
    name: '"i.v" without the final dot is intravenous',
    study: {
      title: 'MSC for condition X',
      interventions: [
        {
          name: 'Umbilical cord mesenchymal stem cells',
          description: 'Patients receive umbilical cord mesenchymal stem cells, i.v (weekly)',
        },
      ],
    },
    expect: { routes: ['intravenous'] },
  },
  {
    name: 'an injection "to the mesenteric artery" is intra-arterial, besides an intravenous infusion',
    guideline: 'intra_arterial: incl. intracoronary, hepatic artery, carotid',
    study: {
      title: 'MSC in colitis',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description:
            'Intravenous infusion of MSCs, then an angiographic procedure to inject MSCs to the superior mesenteric artery.',
        },
      ],
    },
    expect: { routes: ['intravenous', 'intra_arterial'] },
  },
  {
    name: 'an "IC infusion" (intracoronary) is intra-arterial, besides an "IV infusion"',
    guideline: 'intra_arterial: incl. intracoronary',
    study: {
      title: 'MSC in myocardial infarction',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description: 'The MSCs are given as one IC infusion and then one IV infusion.',
        },
      ],
    },
    expect: { routes: ['intravenous', 'intra_arterial'] },
  },
  {
    name: 'a product brought "up to the femoral head" through a drill tract is intraosseous',
    study: {
      title: 'MSC in osteonecrosis',
      interventions: [
        {
          name: 'Cultured mesenchymal stem cells',
          description:
            'Expanded mesenchymal stem cells are delivered through the drill tract up to the femoral head under fluoroscopy.',
        },
      ],
    },
    expect: { routes: ['intraosseous'] },
  },
  {
    name: 'cells injected around and inside a wound are a local injection',
    guideline: 'local_injection: intralesional/perilesional',
    study: {
      title: 'MSC for chronic ulcers',
      interventions: [{ name: 'Adipose mesenchymal stem cells' }],
      summary:
        'Treatment of chronic ulcers by injection of adipose mesenchymal stem cells around and inside the wound.',
    },
    expect: { routes: ['local_injection'] },
  },
  {
    name: 'a product applied to wounds is topical',
    guideline: 'topical: applied on a wound/surface',
    study: {
      title: 'MSC exosomes for skin wounds',
      interventions: [{ name: 'MSC exosomes' }],
      description:
        'The safety of applying two dose levels of MSC exosomes to chronic skin wounds will be studied.',
    },
    expect: { category: 'msc_derived', routes: ['topical'] },
  },
  {
    name: 'a background mention of bone ("home to the bone marrow") is not an intraosseous route',
    study: {
      title: 'MSC infusion in lupus',
      interventions: [{ name: 'Mesenchymal stem cells', description: 'Intravenous MSC infusion.' }],
      description: 'MSCs are cells that home to the bone marrow.',
    },
    expect: { routes: ['intravenous'] },
  },
  {
    name: '"<code> administered intravenously" gives the route even without an MSC word in the sentence',
    study: {
      title: 'Dermal stromal cells in a skin disease',
      interventions: [
        { name: 'abc-XY12-Z', description: 'Allogeneic mesenchymal stromal cells' },
        { name: 'Placebo', type: 'DRUG' },
      ],
      arms: [
        { label: 'Verum', interventionNames: ['abc-XY12-Z'] },
        { label: 'Placebo', type: 'PLACEBO_COMPARATOR', interventionNames: ['Placebo'] },
      ],
      summary:
        'The aim of this trial is to study abc-XY12-Z administered intravenously to subjects with the disease.',
    },
    expect: { routes: ['intravenous'] },
  },
  {
    name: '"intra articular" (spaced) is a route and "mesenchimal" an MSC term that marks the arm',
    study: {
      title: 'Umbilical Cord Mesenchymal Stem Cells for Knee Osteoarthritis',
      interventions: [
        {
          name: 'Umbilical cord mesenchymal stromal cells',
          description: 'Allogeneic UC-MSCs diluted in platelet rich plasma',
        },
      ],
      arms: [
        {
          label: 'Intervention group',
          description:
            'Intra articular injection of umbilical-cord mesenchimal stem cells with platelet rich plasma',
        },
      ],
    },
    expect: { routes: ['intra_articular'] },
  },
  {
    name: 'an injection "into the lesion area" in spinal cord injury is intracerebral (intraparenchymal), not local',
    guideline: 'intracerebral: intraparenchymal brain/spinal cord injection',
    study: {
      title: 'MSC in chronic spinal cord injury',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description: 'After laminectomy, autologous MSCs are injected into the lesion area.',
        },
      ],
      conditions: ['Spinal Cord Injury'],
    },
    expect: { routes: ['intracerebral'] },
  },
  {
    name: 'an injection "in the edge of injured spinal cord" is intracerebral',
    guideline: 'intracerebral: intraparenchymal brain/spinal cord injection',
    study: {
      title: 'MSC in spinal cord injury',
      interventions: [
        {
          name: 'UC-MSCs',
          description: 'UC-MSCs were injected at 4 points in the edge of injured spinal cord.',
        },
      ],
      conditions: ['Spinal Cord Injuries'],
    },
    expect: { routes: ['intracerebral'] },
  },
  {
    name: 'an intralesional injection outside the central nervous system stays a local injection',
    study: {
      title: 'MSC in a tendon disease',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description: 'Intralesional injection of MSCs under ultrasound guidance.',
        },
      ],
      conditions: ['Tendinopathy'],
    },
    expect: { routes: ['local_injection'] },
  },
  {
    name: 'MSCs fixed in a bone graft with core decompression are intraosseous and surgically implanted',
    guideline: 'intraosseous: core decompression; surgical_implantation: implanted during surgery on a graft',
    study: {
      title: 'Expanded MSCs Fixed in Allogeneic Bone Tissue in Osteonecrosis',
      interventions: [
        {
          name: 'Tissue-engineered product',
          description:
            'Core decompression plus expanded autologous mesenchymal stem cells fixed in allogeneic bone tissue',
        },
      ],
      conditions: ['Osteonecrosis of the Femoral Head'],
    },
    expect: { biomaterial: true, routes: ['intraosseous', 'surgical_implantation'] },
  },
  {
    name: 'a core decompression with MSCs in saline (no carrier) is intraosseous only',
    study: {
      title: 'MSC in osteonecrosis',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description: 'Core decompression and implantation of expanded MSCs in saline',
        },
      ],
    },
    expect: { routes: ['intraosseous'] },
  },
  {
    name: '"interstitial delivery" of the cells is a local injection',
    study: {
      title: 'MSC in a urological disease',
      interventions: [
        { name: 'Mesenchymal stem cells', description: 'Intravenous and interstitial delivery of MSCs' },
      ],
    },
    expect: { routes: ['intravenous', 'local_injection'] },
  },
  {
    name: 'bronchoscopic delivery is "other"',
    study: {
      title: 'MSC in emphysema',
      interventions: [
        {
          name: 'Mesenchymal stromal cells',
          description: 'MSCs delivered bronchoscopically before valve insertion',
        },
      ],
    },
    expect: { routes: ['other'] },
  },
  {
    name: 'an injection into ovarian tissue is intra-ovarian',
    study: {
      title: 'MSC in ovarian insufficiency',
      interventions: [
        {
          name: 'Bone marrow mesenchymal stem cells',
          description: 'MSCs injected into ovarian tissue by laparoscopy',
        },
      ],
    },
    expect: { routes: ['intrauterine_ovarian'] },
  },
  {
    name: 'an injection "in the site of the tibia fracture" is intraosseous',
    study: {
      title: 'MSC in fractures',
      interventions: [
        { name: 'Mesenchymal stem cells', description: 'Injection of MSCs in the site of tibia fracture' },
      ],
    },
    expect: { routes: ['intraosseous'] },
  },
  {
    name: 'injections "administered locally" at an ulcer are a local injection',
    study: {
      title: 'MSC in ulcers',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description: 'MSC injections administered locally at the target ulcer',
        },
      ],
    },
    expect: { routes: ['local_injection'] },
  },
  {
    name: 'injections "in the chronic wound bed" are a local injection',
    study: {
      title: 'MSC in wounds',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description: 'MSC injections will take place in the chronic wound bed',
        },
      ],
    },
    expect: { routes: ['local_injection'] },
  },
  {
    name: 'a route reported from earlier or animal work is not the route of the study product',
    study: {
      title: 'MSC exosomes after stroke',
      interventions: [{ name: 'MSC exosomes' }],
      description:
        'Based on previous literature, intravenous administration of MSC-generated exosomes improved recovery in rats. In this trial MSC exosomes are delivered stereotactically.',
    },
    expect: { routes: ['intracerebral'] },
  },
  {
    name: '"MSC infusions have been used to treat several disorders" (background) gives no route',
    study: {
      title: 'MSC in GVHD',
      interventions: [{ name: 'Mesenchymal stromal cells' }],
      description:
        'MSC infusions have been used to treat several disorders. The study product is given weekly.',
    },
    expect: { routes: [] },
  },
  {
    name: '"subcutaneous abdominal adipose tissue" harvested for the product is a source, not a route',
    study: {
      title: 'Adipose MSC for knee osteoarthritis',
      interventions: [
        {
          name: 'Adipose-derived mesenchymal stem cells',
          description:
            '150 mL subcutaneous abdominal adipose tissue will be harvested; the MSCs are injected intra-articularly.',
        },
      ],
    },
    expect: { routes: ['intra_articular'] },
  },
  {
    name: 'an injection "into the subcutaneous tissue" is subcutaneous',
    study: {
      title: 'Adipose MSC for a finger disease',
      interventions: [
        {
          name: 'Adipose-derived mesenchymal stem cells',
          description: 'The cells are injected into the subcutaneous tissue of each finger.',
        },
      ],
    },
    expect: { routes: ['subcutaneous_intradermal'] },
  },
  {
    name: '"intraocular pressure" measured at screening is not a route; a subconjunctival injection is intraocular',
    guideline: 'intraocular: intravitreal, subretinal, subconjunctival, sub-Tenon, suprachoroidal',
    study: {
      title: 'Adipose stem cells for corneal disease',
      interventions: [{ name: 'Adipose-derived mesenchymal stem cells' }],
      description:
        'Screening includes visual acuity and intraocular pressure. Patients then receive the mesenchymal stem cells by subconjunctival injection.',
    },
    expect: { routes: ['intraocular'] },
  },
  described(
    'an injection into the vocal fold is a local injection',
    'Autologous MSCs are injected into the vocal fold.',
    ['local_injection'],
  ),
  described('an injection into the rete testis is a local injection', 'MSCs are injected into rete testis.', [
    'local_injection',
  ]),
  described(
    'an injection "underneath the mucosal lesions" (submucosal) is a local injection',
    'MSCs are injected directly underneath the mucosal lesions.',
    ['local_injection'],
  ),
  described(
    'an injection "to fistula" is a local injection',
    'Injection of umbilical cord mesenchymal stem cells to fistula.',
    ['local_injection'],
  ),
  described(
    'a transdermal injection of a filler into wrinkles is subcutaneous/intradermal',
    'Transdermal injection of a filler composed of mesenchymal stem cells into the wrinkles.',
    ['subcutaneous_intradermal'],
  ),
  described(
    'an "articular injection" in the knee is intra-articular',
    'The MSCs are implanted in the knee by articular injection.',
    ['intra_articular'],
  ),
  {
    name: 'cells "implanted locally at the fracture site" are intraosseous',
    study: {
      title: 'Autologous implantation of mesenchymal stem cells for tibial fractures',
      interventions: [{ name: 'Mesenchymal stem cells implantation' }],
      summary:
        "The cells will be isolated from the patient's bone marrow and implanted locally at the fracture site.",
    },
    expect: { routes: ['intraosseous'] },
  },
  {
    name: 'a route far from the MSC term in a long sentence that administers the cells still counts (portal vein: other)',
    study: {
      title: 'Autologous MSC in liver cirrhosis',
      interventions: [{ name: 'Mesenchymal stem cells' }],
      summary:
        'In this study the investigators will separate mesenchymal stem cells from the bone marrow of patients with end stage liver disease, then these cells will be expanded in the laboratory for several weeks, and finally these cells will be injected into the portal vein under ultrasound guidance.',
    },
    expect: { routes: ['other'] },
  },
  {
    name: 'a title route and a "will receive ... intravenously" sentence of the description are both routes',
    study: {
      title: 'Intra-articular adipose MSCs for hip pain',
      interventions: [{ name: 'AB-77', description: 'Autologous adipose-derived mesenchymal stem cells.' }],
      description:
        'Hip pain limits walking. The participant will receive three intravenous infusions of autologous adipose MSCs and two intra-articular injections into the hip.',
    },
    expect: { routes: ['intravenous', 'intra_articular'] },
  },
  {
    name: 'a route of background or contrast sentences ("after intravenous injection in earlier reports") is not added to the title route',
    study: {
      title: 'Intraosseous mesenchymal stromal cells for poor graft function',
      interventions: [
        { name: 'Mesenchymal stromal cells', description: 'Cells are given under local anaesthesia.' },
      ],
      description:
        'Few MSCs reach the marrow after intravenous injection in earlier reports, so MSCs were placed directly into the iliac bone in pilot patients.',
    },
    expect: { routes: ['intraosseous'] },
  },
  {
    name: 'a percutaneous injection into a nonunion is intraosseous',
    guideline: 'intraosseous: into bone/marrow cavity, bone defect filling',
    study: {
      title: 'Marrow stromal cells for tibial nonunion',
      conditions: ['Nonunion of Tibia'],
      interventions: [
        {
          name: 'Bone marrow mesenchymal stromal cells',
          description: 'Expanded cells given by percutaneous injection under fluoroscopy.',
        },
      ],
    },
    expect: { routes: ['intraosseous'] },
  },
  {
    name: 'a percutaneous injection in a spinal cord injury study is not intraosseous',
    guideline:
      'the record does not say where the percutaneous injection goes; only "not into bone" is decided',
    study: {
      title: 'Mesenchymal stem cells after spinal cord injury',
      conditions: ['Spinal Cord Injury'],
      interventions: [
        { name: 'Mesenchymal stem cells', description: 'Cells delivered by percutaneous injection.' },
      ],
    },
    expect: { lacks: { routes: ['intraosseous'] } },
  },
  {
    name: 'a percutaneous injection with platelet lysate in a knee study is not intraosseous',
    study: {
      title: 'Bone marrow MSCs for knee osteoarthritis',
      conditions: ['Osteoarthritis, Knee'],
      interventions: [
        {
          name: 'Bone marrow MSCs',
          description:
            'Intra-articular MSCs; a second group gets MSCs by percutaneous injection with platelet lysate.',
        },
      ],
    },
    expect: { routes: ['intra_articular'] },
  },
  {
    name: '"i. m." (spaced) in the arm description is intramuscular',
    study: {
      title: 'Cord MSCs for diabetic neuropathy',
      interventions: [{ name: 'UC-MSCs', armGroupLabels: ['MSC arm'] }],
      arms: [{ label: 'MSC arm', description: 'Participants receive i. m. UC-MSCs in both calves.' }],
    },
    expect: { routes: ['intramuscular'] },
  },
  {
    name: '"i. v." (spaced) is intravenous',
    study: {
      title: 'Cord MSCs for lupus',
      interventions: [{ name: 'UC-MSCs', description: 'UC-MSCs given i. v. on day 1.' }],
    },
    expect: { routes: ['intravenous'] },
  },
  {
    name: 'cells applied "to the surface of the outflow vein" are topical, not intravenous',
    study: {
      title: 'Adipose MSCs for dialysis access',
      interventions: [
        {
          name: 'Adipose MSCs',
          description: 'Cells are applied topically to the surface of the outflow vein.',
        },
      ],
    },
    expect: { routes: ['topical'] },
  },
  {
    name: 'MSCs given "by vein" are intravenous',
    study: {
      title: 'MSCs for lung fibrosis',
      interventions: [
        { name: 'Mesenchymal stem cells', description: 'Participants receive MSCs by vein once.' },
      ],
    },
    expect: { routes: ['intravenous'] },
  },
  trial(
    'a central venous catheter is intravenous',
    'MSCs are given through a central venous catheter once a week.',
    ['intravenous'],
  ),
  trial(
    'a perilimbal injection is intraocular',
    'Cultured MSCs are injected perilimbally in the affected eye.',
    ['intraocular'],
  ),
  trial('an injection into the corneal stroma is intraocular', 'MSCs are injected into the corneal stroma.', [
    'intraocular',
  ]),
  trial("an injection to a Crohn's fistula is local", "Injection of adipose MSCs to Crohn's fistula.", [
    'local_injection',
  ]),
  {
    name: '"into lumbar intervertebral disc" is intradiscal',
    study: {
      title: 'Adipose MSCs for low back pain',
      interventions: [
        { name: 'Adipose MSCs', description: 'Into lumbar intervertebral disc infusion of adipose MSCs.' },
      ],
    },
    expect: { routes: ['intradiscal'] },
  },
  {
    name: '"in intervertebral disc degeneration" names the condition, not a route',
    study: {
      title: 'MSC implantation therapy in intervertebral disc degeneration',
      interventions: [{ name: 'Mesenchymal stem cells' }],
    },
    expect: { routes: [] },
  },
  organ(
    'an intratumoral injection in a head and neck cancer is a local injection',
    'Engineered MSCs in oral cancer',
    ['Head and Neck Squamous Cell Carcinoma'],
    'Intratumoral injection of MSCs.',
    ['local_injection'],
  ),
  organ(
    'an intratumoral injection in a glioblastoma is intracerebral',
    'Engineered MSCs in recurrent glioblastoma',
    ['Glioblastoma', 'Germ Cell Tumor'],
    'Intratumoral injection of MSCs.',
    ['intracerebral'],
  ),
  organ(
    'an intramedullary administration in spinal cord injury is intracerebral',
    'MSCs in spinal cord injury',
    ['Spinal Cord Injury'],
    'Intramedullary administration of MSCs.',
    ['intracerebral'],
  ),
  organ(
    'an intramedullary administration in a fracture nonunion is intraosseous',
    'MSCs in tibial nonunion',
    ['Tibial Nonunion'],
    'Intramedullary administration of MSCs.',
    ['intraosseous'],
  ),
  {
    name: 'an intraparenchymal injection into a kidney is a local injection',
    study: {
      title: 'Cord MSCs in diabetic kidney disease',
      conditions: ['Diabetic Nephropathy'],
      interventions: [
        { name: 'Cord MSCs', description: 'Intra-parenchymal injection of cord MSCs under ultrasound.' },
      ],
    },
    expect: { routes: ['local_injection'] },
  },
  {
    name: 'an intraparenchymal injection after a brain infarction is intracerebral',
    study: {
      title: 'Cord MSCs after brain infarction',
      conditions: ['Cerebral Infarction'],
      interventions: [{ name: 'Cord MSCs', description: 'Intra-parenchymal injection of cord MSCs.' }],
    },
    expect: { routes: ['intracerebral'] },
  },
  trial(
    'an artery reached through a catheter (gastroduodenal) is intra-arterial',
    'MSCs are injected into the left gastroduodenal artery by catheter.',
    ['intra_arterial'],
  ),
  trial(
    'a catheter advanced into the infarct-related artery is intra-arterial',
    'A catheter is advanced into the infarct-related artery and MSCs are given.',
    ['intra_arterial'],
  ),
  trial(
    'an injection "in the vertebral artery" is intra-arterial',
    'Single injection of the MSC product in the vertebral artery; three dose levels.',
    ['intra_arterial'],
  ),
  trial(
    'a lesion "in the middle cerebral artery" is not a route',
    'MSCs are given via the nasal route after a stroke in the middle cerebral artery.',
    ['intranasal'],
  ),
  trial(
    "an injection into the patient's myocardium is intramyocardial",
    "MSCs are injected into the patient's myocardium with a thin needle.",
    ['intramyocardial'],
  ),
  trial(
    'delivery into the LV endocardium is intramyocardial',
    'MSCs are delivered into the LV endocardium with a fine needle.',
    ['intramyocardial'],
  ),
  trial(
    'a transfer to the endometrial cavity is intrauterine',
    'MSCs are transferred to the endometrial cavity with a soft catheter.',
    ['intrauterine_ovarian'],
  ),
  trial(
    'placement in the colonic submucosa is a local injection',
    'MSCs are placed at several points of the colonic submucosa by colonoscopy.',
    ['local_injection'],
  ),
  trial(
    '"corpus cavernous" (misspelt) is intracavernous',
    'MSCs are injected into the corpus cavernous after isolation.',
    ['intracavernous'],
  ),
  {
    name: 'a visit schedule naming the injection route gives the route of an MSC intervention without one',
    study: {
      title: 'Adipose MSCs in knee arthritis',
      interventions: [
        { name: 'Adipose mesenchymal stem cells', description: 'Autologous adipose MSCs, 50 million.' },
      ],
      description:
        'Schedule: Day 1 - liposuction. Day 21 - treatment (intra-articular injection). Day 90 - visit.',
    },
    expect: { routes: ['intra_articular'] },
  },
  {
    name: 'a bare "infusion of MSCs" in the arm with an intratendinous infusion in the description: local, not intravenous',
    guideline: 'local_injection: injection into a named tissue (tendon)',
    study: {
      title: 'MSCs for tendinopathy',
      interventions: [{ name: 'Mesenchymal stem cells' }],
      arms: [
        {
          label: 'MSC',
          type: 'EXPERIMENTAL',
          description: 'One infusion of mesenchymal stem cells.',
          interventionNames: ['Biological: Mesenchymal stem cells'],
        },
      ],
      description:
        'The aim is to assess healing after the intratendinous infusion of the product under ultrasound.',
    },
    expect: { routes: ['local_injection'] },
  },
  {
    name: 'standard care given intravenously, or a graft transplanted between individuals, is not the route',
    study: {
      title: 'Gene-modified MSCs',
      interventions: [{ name: 'Gene-modified mesenchymal stem cells' }],
      description:
        'The current treatment is intravenous infusion of factor concentrates. A graft transplanted between two people needs immunosuppression.',
    },
    expect: { routes: [] },
  },
  trial(
    'a suspension infused into the peritoneal cavity is intraperitoneal, not intravenous',
    'The MSC suspension is infused into the peritoneal cavity with a syringe.',
    ['intraperitoneal'],
  ),
  trial(
    'MSCs infused into infarct-related blood vessels through a catheter are intra-arterial, not intravenous',
    'MSCs are slowly infused into infarct-related blood vessels through a catheter.',
    ['intra_arterial'],
  ),
];
