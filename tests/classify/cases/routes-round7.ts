/** Routes, generalisation round 7: variant spellings of the guideline's route names, "into the CSF", "endocardial" injection. */
import { study, type CaseTable } from './case.js';

export const cases: CaseTable = [
  {
    name: 'a misspelt "intrathechal"/"intratechally" injection "into the CSF" is intrathecal, beside the other route named',
    guideline: 'intrathecal (incl. lumbar puncture, subarachnoid, intracerebroventricular)',
    study: study(
      'Neurotrophic Stromal Cells in Motor Neuron Disease',
      'MSCs by intramuscular injections at 20 sites, in addition to a single intrathechal injection into the CSF.',
      ['Amyotrophic Lateral Sclerosis'],
    ),
    expect: { category: 'msc_cells', routes: ['intramuscular', 'intrathecal'] },
  },
  {
    name: '"intratechally" (another spelling) is intrathecal',
    guideline: 'intrathecal',
    study: study(
      'Adipose Stromal Cells in Multiple System Atrophy',
      'Group 1 receives 50 million autologous adipose MSCs intratechally, twice.',
      ['Multiple System Atrophy'],
    ),
    expect: { category: 'msc_cells', routes: ['intrathecal'] },
  },
  {
    name: 'a "subcnjunctival" (misspelt) injection is intraocular',
    guideline: 'intraocular (intravitreal, subretinal, subconjunctival, sub-Tenon, suprachoroidal)',
    study: study(
      'Adipose Stromal Cells in Ocular Cicatricial Pemphigoid',
      'Allogeneic adipose MSCs given by subcnjunctival injection in one eye.',
      ['Ocular Cicatricial Pemphigoid'],
    ),
    expect: { category: 'msc_cells', routes: ['intraocular'] },
  },
  {
    name: '"intradermic" (the Romance-language form of intradermal) application around an ulcer is intradermal',
    guideline: 'subcutaneous_intradermal',
    study: study(
      'Stromal Cells in Diabetic Foot Ulcers',
      'Intradermic application of MSCs (1 mL) in four equidistant points around the ulcer.',
      ['Diabetic Foot Ulcer'],
    ),
    expect: { category: 'msc_cells', routes: ['subcutaneous_intradermal'] },
  },
  {
    name: '"endovenous(ly)" and "intra venus" (variant spellings) are intravenous',
    guideline: 'intravenous',
    study: study(
      'Wharton Jelly Stromal Cells in Respiratory Distress',
      'Two doses of Wharton jelly MSCs given endovenously on day 1 and day 3.',
      ['Respiratory Distress Syndrome'],
    ),
    expect: { category: 'msc_cells', routes: ['intravenous'] },
  },
  {
    name: '"intraparanchymal" and "intraosseal" (misspelt) keep their routes',
    guideline: 'intracerebral (intraparenchymal brain/spinal cord injection, stereotactic); intraosseous',
    study: study(
      'Stromal Cells After Spinal Cord Injury',
      'MSCs are injected into the injured cord via an intraparanchymal route; a second dose is given intraosseal.',
      ['Spinal Cord Injuries'],
    ),
    expect: { category: 'msc_cells', contains: { routes: ['intracerebral', 'intraosseous'] } },
  },
  {
    name: '"endocardial" stem cell implantation (catheter-guided, into the heart wall) is intramyocardial',
    guideline: 'intramyocardial (incl. transendocardial, epicardial injection)',
    study: {
      title: 'Endocardial Mesenchymal Stem Cells Implantation After Myocardial Infarction',
      interventions: [{ name: 'Autologous bone marrow MSCs' }],
      conditions: ['Myocardial Infarction'],
    },
    expect: { category: 'msc_cells', routes: ['intramyocardial'] },
  },
  {
    name: 'a measurement "in the CSF" and G-CSF (a colony-stimulating factor) are no route into the CSF',
    study: study(
      'Marrow Stromal Cells and G-CSF in Aplastic Anemia',
      'MSCs infused intravenously with G-CSF support; cytokine levels are measured in the CSF and in blood.',
      ['Aplastic Anemia'],
    ),
    expect: { category: 'msc_cells', lacks: { routes: ['intrathecal'] } },
  },
  {
    name: 'a cell-coated plug placed in the fistula tract (not injected) is surgical implantation, not local injection',
    guideline:
      'surgical_implantation (implanted during surgery on a scaffold/graft); local_injection (... perianal fistula tract)',
    study: {
      title: 'Stromal Cell Coated Fistula Plug in Crohn Perianal Fistulas',
      interventions: [
        {
          name: 'MSC-coated fistula plug',
          description:
            'A bioabsorbable plug coated with autologous adipose MSCs is placed in the perianal fistula tract.',
        },
      ],
      conditions: ['Perianal Fistula'],
    },
    expect: { category: 'msc_cells', biomaterial: true, routes: ['surgical_implantation'] },
  },
  {
    name: 'MSCs in fibrin glue injected into the fistula tract stay a local injection',
    guideline: 'local_injection (... perianal fistula tract)',
    study: study(
      'Adipose Stromal Cells With Fibrin Glue in Perianal Fistulas',
      'Expanded adipose MSCs mixed with fibrin glue are injected into the fistula tract.',
      ['Perianal Fistula'],
    ),
    expect: { category: 'msc_cells', routes: ['local_injection'] },
  },
  {
    name: 'cells "injected directly into bilateral ovaries" / an "ovary injection" are intra-ovarian',
    guideline: 'intrauterine_ovarian (intrauterine, intra-ovarian, intra-endometrial)',
    study: study(
      'Stromal Cells in Premature Ovarian Insufficiency',
      'Ovary injection with MSCs under transvaginal ultrasound: the cells are injected directly into bilateral ovaries.',
      ['Primary Ovarian Insufficiency'],
    ),
    expect: { category: 'msc_cells', routes: ['intrauterine_ovarian'] },
  },
  {
    name: '"into a spinal cord injection" beside intrathecal and intravenous doses is intracerebral too',
    guideline: 'intracerebral (intraparenchymal brain/spinal cord injection, stereotactic)',
    study: study(
      'Adipose Stromal Cells in Spinal Cord Injury',
      'Intravenous injection of 1x10e8 MSCs; intrathecal injection of 5x10e7 MSCs; into a spinal cord injection of 2x10e7 MSCs.',
      ['Spinal Cord Injuries'],
    ),
    expect: { category: 'msc_cells', routes: ['intravenous', 'intrathecal', 'intracerebral'] },
  },
  {
    name: 'patients "in a brain injury unit" give no intracerebral route',
    study: study(
      'Stromal Cells After Traumatic Brain Injury',
      'MSCs are infused intravenously to patients treated in a brain injury unit.',
      ['Brain Injuries, Traumatic'],
    ),
    expect: { category: 'msc_cells', routes: ['intravenous'] },
  },
  {
    name: 'MSCs on a carrier filling (infra/intrabony) periodontal defects at flap surgery go into bone and are implanted',
    guideline:
      'intraosseous (into bone/marrow cavity, core decompression, bone defect filling); surgical_implantation',
    study: study(
      'Alveolar Marrow Stromal Cells in Periodontitis',
      'Expanded autologous MSCs in fibrin glue on a collagen fleece are implanted into infrabony periodontal defects at flap surgery.',
      ['Periodontitis'],
    ),
    expect: { category: 'msc_cells', routes: ['intraosseous', 'surgical_implantation'] },
  },
];
