/** Category and screening: which studies give an MSC product, and why the others do not. */
import type { CaseTable } from './case.js';

export const cases: CaseTable = [
  {
    name: 'MSC mentioned only in the eligibility criteria is unrelated',
    guideline: 'an MSC named only where patients are screened is not an intervention',
    study: {
      title: 'Platelet-rich plasma injection for knee osteoarthritis',
      interventions: [{ name: 'Platelet-rich plasma', description: 'Single intra-articular PRP injection' }],
      eligibility: 'Exclusion Criteria:\n- previous treatment with mesenchymal stem cells',
      conditions: ['Knee Osteoarthritis'],
    },
    expect: {
      category: 'unrelated',
      included: false,
      screeningReason: 'exclude.mention_only_in_eligibility',
      sources: [],
      routes: [],
    },
  },
  {
    name: 'a "stromal tumour" is a disease, not a stromal cell product',
    study: {
      title: 'Imatinib in Gastrointestinal Stromal Tumor',
      summary:
        'Patients with resected gastrointestinal stromal tumour take imatinib 400 mg daily for three years.',
      interventions: [{ name: 'Imatinib', type: 'DRUG' }],
      conditions: ['GIST'],
    },
    expect: { category: 'unrelated', screeningReason: 'exclude.no_msc_mention' },
  },
  {
    name: 'a title-only record that names no MSC product is undetermined, never unrelated',
    guideline: 'undetermined: the record names no MSC product but lacks the fields that could',
    study: { title: 'Cell therapy for knee osteoarthritis', conditions: ['Knee Osteoarthritis'] },
    expect: { category: 'undetermined', included: false, confidence: { category: 'low' } },
  },
  {
    name: 'an MSC named in passing (background) of a haematopoietic transplant is not an MSC intervention',
    guideline:
      'unrelated: the word appears only in background, or the study is about another cell type such as HSC',
    study: {
      title: 'Haploidentical Hematopoietic Stem Cell Transplantation in Acute Leukemia',
      interventions: [
        {
          name: 'Haploidentical HSCT',
          type: 'PROCEDURE',
          description: 'Peripheral blood stem cells from a haploidentical donor',
        },
      ],
      description:
        'Previous studies have shown that mesenchymal stem cells can reduce graft-versus-host disease. In this trial patients receive a haploidentical transplant.',
      conditions: ['Acute Myeloid Leukemia'],
    },
    expect: { category: 'unrelated', included: false },
  },
  {
    name: 'SVF isolated and injected the same day (no culture expansion) is a stromal mixture',
    guideline: 'stromal_mixture: SVF, unless the record says MSCs were culture-expanded',
    study: {
      title: 'Autologous Stromal Vascular Fraction for Knee Osteoarthritis',
      interventions: [
        {
          name: 'Stromal vascular fraction',
          description:
            'Adipose tissue is harvested by liposuction and the SVF is isolated by enzymatic digestion and injected the same day into the knee joint.',
        },
      ],
      conditions: ['Osteoarthritis, Knee'],
    },
    expect: {
      category: 'stromal_mixture',
      sources: ['adipose'],
      donor: 'autologous',
      routes: ['intra_articular'],
    },
  },
  {
    name: 'SVF-derived cells with a stated culture expansion are msc_cells',
    guideline:
      'stromal_mixture ... unless the record says MSCs were isolated and culture-expanded (then msc_cells)',
    study: {
      title: 'Expanded Adipose Stromal Cells for Knee Osteoarthritis',
      interventions: [
        {
          name: 'Stromal vascular fraction derived cells',
          description: 'The SVF is culture-expanded for three passages before an intra-articular injection.',
        },
      ],
      conditions: ['Osteoarthritis, Knee'],
    },
    expect: { category: 'msc_cells' },
  },
  {
    name: 'exosomes derived from MSCs are msc_derived (nebulized: inhalation)',
    study: {
      title: 'Exosomes Derived From Umbilical Cord Mesenchymal Stem Cells for COVID-19',
      interventions: [
        {
          name: 'MSC-derived exosomes',
          description:
            'Nebulized inhalation of exosomes derived from allogeneic umbilical cord MSCs, twice daily',
        },
      ],
      conditions: ['COVID-19'],
    },
    expect: {
      category: 'msc_derived',
      routes: ['inhalation'],
      sources: ['umbilical_cord'],
      covid19: true,
      specialty: 'pneumology',
    },
  },
  {
    name: 'MSCs and their secretome given together are msc_cells',
    guideline: 'If a study has both MSC cells and MSC-derived products as interventions, use msc_cells',
    study: {
      title: 'MSC and MSC Secretome in ARDS',
      interventions: [
        { name: 'Mesenchymal stromal cells', description: 'Intravenous infusion of MSCs' },
        { name: 'Conditioned medium', description: 'Secretome of MSCs given intravenously' },
      ],
      conditions: ['ARDS'],
    },
    expect: { category: 'msc_cells' },
  },
  {
    name: 'MSCs only isolated and characterized in vitro are ex_vivo_only, with no donor or source',
    guideline: 'ex_vivo_only: MSCs only laboratory material; donor unspecified for ex_vivo_only',
    study: {
      title: 'Characterization of Mesenchymal Stem Cells From Synovial Fluid',
      studyType: 'OBSERVATIONAL',
      summary:
        'Mesenchymal stem cells will be isolated from synovial fluid samples and characterized in vitro by flow cytometry.',
      conditions: ['Osteoarthritis'],
    },
    expect: { category: 'ex_vivo_only', donor: 'unspecified', sources: [] },
  },
  {
    name: 'an observational cohort of patients treated with MSCs counts as the product given',
    guideline: 'msc_cells: administers (or follows up patients given) living MSCs',
    study: {
      title: 'Long-term Follow-up of Patients Treated With Mesenchymal Stromal Cells',
      studyType: 'OBSERVATIONAL',
      arms: [
        {
          label: 'MSC cohort',
          type: null,
          description: 'Patients treated with mesenchymal stromal cells for steroid-refractory GVHD',
        },
      ],
      conditions: ['Graft vs Host Disease'],
    },
    expect: { category: 'msc_cells', specialty: 'hematology_transplant' },
  },
  {
    name: 'concentrated bone marrow (buffy coat) injected into a fracture is a stromal mixture',
    guideline: 'stromal_mixture: bone marrow aspirate concentrate; intraosseous: bone defect filling',
    study: {
      title: 'Injection of Concentrated Autologous Bone-marrow in Tibial Fractures',
      interventions: [
        {
          name: 'Concentrated autologous bone-marrow',
          type: 'PROCEDURE',
          description:
            'Marrow is aspirated and centrifuged to obtain a buffy coat, then injected percutaneously in the fracture site.',
        },
      ],
      conditions: ['Tibial Fractures'],
    },
    expect: {
      category: 'stromal_mixture',
      sources: ['bone_marrow'],
      donor: 'autologous',
      routes: ['intraosseous'],
    },
  },
  {
    name: 'a long-term follow-up study of patients given MSCs in an earlier trial is msc_cells',
    guideline: 'msc_cells: administers (or follows up patients given) living MSCs',
    study: {
      title:
        'Long-term Follow up of Autologous Bone Marrow Derived Mesenchymal Stem Cells in a Urological Disease',
      studyType: 'OBSERVATIONAL',
      interventions: [{ name: 'No intervention', type: 'OTHER' }],
      summary:
        'This is a long term follow up study to evaluate the safety of autologous bone marrow derived mesenchymal stem cells in subjects who completed the phase 1 trial.',
    },
    expect: { category: 'msc_cells' },
  },
  {
    name: 'an observational study characterising MSCs in the laboratory stays ex_vivo_only',
    study: {
      title: 'Properties of Mesenchymal Stem Cells in Lung Transplant',
      studyType: 'OBSERVATIONAL',
      summary: 'Mesenchymal stem cells will be isolated from lavage samples and characterized in vitro.',
    },
    expect: { category: 'ex_vivo_only' },
  },
  {
    name: 'a study of inhaled "MSC-Exos" (a case-sensitive compound around the acronym) is msc_derived',
    study: {
      title: 'Inhaled MSC-Exos in lung injury',
      interventions: [{ name: 'MSC-Exos', description: 'MSC-Exos are nebulized twice daily for five days.' }],
      summary: 'Patients with lung injury inhale MSC-Exos prepared from cultured umbilical cord MSCs.',
    },
    expect: { category: 'msc_derived', routes: ['inhalation'] },
  },
  {
    name: '"micro-fractured adipose tissue containing mesenchymal stromal cells" is a stromal mixture',
    guideline: 'stromal_mixture: micro-fragmented adipose tissue (e.g. Lipogems)',
    study: {
      title: 'Microfractured autologous fat containing mesenchymal stromal cells for ankle arthritis',
      interventions: [
        {
          name: 'Micro-fragmented adipose tissue',
          type: 'PROCEDURE',
          description: 'One ultrasound-guided intra-articular injection.',
        },
      ],
    },
    expect: { category: 'stromal_mixture' },
  },
  {
    name: '"a concentrate (BMAC) which contains marrow MSCs" is a stromal mixture',
    guideline: 'stromal_mixture: bone marrow aspirate concentrate (BMAC)',
    study: {
      title: 'Marrow concentrate in cartilage repair',
      interventions: [
        {
          name: 'BMAC',
          type: 'PROCEDURE',
          description:
            'Bone marrow aspirate concentrate (BMAC) which contains mesenchymal stem cells, placed in the defect.',
        },
      ],
    },
    expect: { category: 'stromal_mixture' },
  },
  {
    name: 'culture-expanded marrow MSCs placed in a defect stay cells',
    study: {
      title: 'Expanded marrow MSCs in cartilage repair',
      interventions: [
        {
          name: 'Bone marrow mesenchymal stem cells',
          description: 'Culture-expanded mesenchymal stem cells placed in the defect.',
        },
      ],
    },
    expect: { category: 'msc_cells' },
  },
  {
    name: '"requires no clonal expansion" denies expansion: a processed fat device is a stromal mixture',
    study: {
      title: 'Processed fat graft for knee pain',
      interventions: [
        {
          name: 'Autologous processed adipose tissue',
          type: 'DEVICE',
          description:
            'Fat is processed in a closed device that keeps pericytes and MSCs; the method requires no clonal expansion.',
        },
      ],
    },
    expect: { category: 'stromal_mixture' },
  },
  {
    name: 'an SVF intervention under a title "adipose-derived stromal cells" is a stromal mixture',
    study: {
      title: 'Autologous adipose-derived stromal cells injected in arthritic fingers',
      interventions: [
        {
          name: 'Stromal vascular fraction',
          description: 'SVF isolated from lipoaspirate and injected in the joint.',
        },
      ],
    },
    expect: { category: 'stromal_mixture' },
  },
  {
    name: '"bone marrow derived stem cells" under an MSC title stay msc_cells',
    study: {
      title: 'Bone marrow derived mesenchymal stem cells for dry eye',
      interventions: [
        {
          name: 'Autologous bone marrow derived stem cells',
          description: 'Cells injected under the conjunctiva.',
        },
      ],
    },
    expect: { category: 'msc_cells' },
  },
  {
    name: '"Exosome-MSC" (the cell-free product named before its source) is msc_derived',
    study: {
      title: 'Exosome-MSC infusion in sepsis',
      interventions: [{ name: 'Exosome-MSC', description: 'Intravenous Exosome-MSC on days 1 and 3.' }],
    },
    expect: { category: 'msc_derived' },
  },
  {
    name: '"secretome - mesenchymal stem cell" is msc_derived',
    study: {
      title: 'Secretome - mesenchymal stem cell for acute lung injury',
      interventions: [
        { name: 'Secretome - mesenchymal stem cell', description: 'Given once intravenously.' },
      ],
    },
    expect: { category: 'msc_derived' },
  },
  {
    name: 'trophic factors purified from MSCs are msc_derived',
    guideline: 'msc_derived: a cell-free product made from MSCs (secretome, conditioned medium, ...)',
    study: {
      title: 'A factor preparation for burn wounds',
      interventions: [
        {
          name: 'Wound factor',
          description:
            'Trophic factors purified from umbilical cord mesenchymal stem cells are spread on the wound.',
        },
      ],
    },
    expect: { category: 'msc_derived' },
  },
  {
    name: '"MSC-derived growth factors" are msc_derived',
    study: {
      title: 'MSC-derived growth factors for scars',
      interventions: [{ name: 'MSC-derived growth factors', description: 'Applied on the scar daily.' }],
    },
    expect: { category: 'msc_derived' },
  },
  {
    name: 'MSCs "which release growth factors" are still cells',
    study: {
      title: 'Mesenchymal stem cells in knee osteoarthritis',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description: 'Intra-articular MSCs, which release growth factors in the joint.',
        },
      ],
    },
    expect: { category: 'msc_cells' },
  },
  {
    name: 'a drug that "recruits endogenous MSCs" is not an MSC product',
    guideline: 'unrelated: no MSC product is given',
    study: {
      title: 'A bone-targeting peptide in osteoporosis',
      interventions: [
        {
          name: 'XY-peptide',
          type: 'DRUG',
          description:
            'A peptide that recruits endogenous mesenchymal stem cells to bone. Given intravenously once.',
        },
      ],
    },
    expect: { category: 'unrelated' },
  },
  {
    name: 'a membrane shown "to stimulate mesenchymal stem cell migration" is not an MSC product',
    study: {
      title: 'A placental membrane dressing for leg ulcers',
      interventions: [
        {
          name: 'Dried placental membrane',
          description: 'The membrane has been shown to stimulate mesenchymal stem cell migration.',
        },
      ],
    },
    expect: { category: 'unrelated' },
  },
  {
    name: 'an intervention named as MSCs keeps its description even with "have been shown to" words',
    study: {
      title: 'MSCs in knee osteoarthritis',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description:
            'Expanded mesenchymal stem cells have been shown to reduce pain; one injection into the knee.',
        },
      ],
    },
    expect: { category: 'msc_cells' },
  },
  {
    name: '"MSC collection for humanized xenograft studies" is laboratory material',
    guideline: 'ex_vivo_only: MSCs appear only as laboratory material',
    study: {
      title: 'Blood and mesenchymal stem cell collection for xenograft studies in sarcoma',
      interventions: [
        {
          name: 'Plerixafor',
          type: 'DRUG',
          description: 'Given subcutaneously to mobilize blood stem cells.',
        },
      ],
      summary: 'Cells will be used to build humanized mouse models.',
    },
    expect: { category: 'ex_vivo_only' },
  },
  {
    name: '"cord blood expansion on mesenchymal stem cells" (MSCs as a culture layer) is laboratory use of MSCs',
    guideline: 'ex_vivo_only: MSCs appear only as laboratory material',
    study: {
      title: 'Cord blood expansion on mesenchymal stem cells',
      interventions: [
        {
          name: 'Cord blood infusion',
          type: 'PROCEDURE',
          description: 'Cord blood transplantation on day 0.',
        },
      ],
    },
    expect: { category: 'ex_vivo_only' },
  },
  {
    name: 'the experimental code-named product is the MSC product when the summary says what it is',
    study: {
      title: 'Safety of QX-12 in muscular dystrophy',
      keywords: ['mesenchymal stem cells'],
      summary: 'QX-12 is an allogeneic umbilical cord mesenchymal stem cell product.',
      interventions: [
        { name: 'QX-12', type: 'DRUG', description: 'QX-12 given intravenously once on day 0.' },
        { name: 'Placebo', type: 'DRUG', description: 'Saline given intramuscularly.' },
      ],
    },
    expect: { category: 'msc_cells', routes: ['intravenous'] },
  },
  {
    name: '"exosomes derived from mesenchymal stromal cells (MSCs)" (acronym in parentheses) is msc_derived',
    study: {
      title: 'Nasal exosomes for preterm brain injury',
      interventions: [
        {
          name: 'Exosomes derived from mesenchymal stromal cells (MSCs)',
          description: 'Given intranasally on days 1 to 3.',
        },
      ],
    },
    expect: { category: 'msc_derived', routes: ['intranasal'] },
  },
  {
    name: 'a study speaking of MSCs only through "MSC-sEV" still speaks of MSCs (msc_derived)',
    study: {
      title: 'Nebulized MSC-sEV in lung injury',
      interventions: [{ name: 'MSC-sEV', description: 'Nebulized once daily.' }],
    },
    expect: { category: 'msc_derived' },
  },
  {
    name: 'an observational follow-up of patients given "MSC-Exos" is msc_derived, never an empty mixture',
    guideline: 'follow-ups of patients given the product count as the product given',
    study: {
      title: 'Follow-up of children treated with MSC-Exos',
      studyType: 'OBSERVATIONAL',
      summary:
        'Children who were given MSC-Exos by infusion are followed for one year. MSCs are multipotent cells with differentiation potential.',
    },
    expect: { category: 'msc_derived' },
  },
  {
    name: 'blood centrifuged for PRF beside fat-derived MSCs does not make a stromal mixture',
    study: {
      title: 'Fat pad derived mesenchymal stem cells on bone graft for jaw augmentation',
      interventions: [{ name: 'MSC + graft + PRF', type: 'PROCEDURE' }],
      description:
        'Stem cells are harvested from the buccal fat pad. They are loaded on a bone graft. Venous blood is centrifuged to prepare platelet rich fibrin (PRF).',
    },
    expect: { category: 'msc_cells' },
  },
  {
    name: 'allogeneic marrow MSCs "at the point of care" are still cells',
    study: {
      title: 'Marrow MSCs before amputation',
      interventions: [
        {
          name: 'Allogeneic bone marrow mesenchymal stem cells',
          otherNames: ['cBMA'],
          description: 'Intramuscular injection.',
        },
      ],
      description:
        'The treatment uses allogeneic bone marrow derived mesenchymal stem cells at the point of care.',
    },
    expect: { category: 'msc_cells' },
  },
  {
    name: 'an autologous marrow aspirate concentrated at the point of care stays a stromal mixture',
    study: {
      title: 'Marrow cells in knee cartilage defects',
      interventions: [
        {
          name: 'Bone marrow mesenchymal stem cells',
          description: 'Autologous bone marrow aspirate concentrated at the point of care and injected.',
        },
      ],
    },
    expect: { category: 'stromal_mixture' },
  },
  {
    name: '"Drug X and mesenchymal stem cells" in the title with only a drug intervention is not an MSC product',
    study: {
      title: 'Metformin and mesenchymal stem cells in prediabetes',
      interventions: [
        { name: 'Metformin', type: 'DRUG', description: '500 mg by mouth twice daily for 12 weeks.' },
      ],
      summary: 'Circulating progenitor numbers are measured before and after treatment.',
    },
    expect: { included: false },
  },
  {
    name: 'a "stem cell" intervention of type drug under an MSC title stays an MSC product',
    study: {
      title: 'Mesenchymal stem cells for knee osteoarthritis',
      interventions: [
        { name: 'Stem cell', type: 'DRUG', description: 'One intra-articular injection of stem cells.' },
      ],
    },
    expect: { category: 'msc_cells' },
  },
  {
    name: 'skin cells reprogrammed into MSCs and gene-edited in the lab (observational): ex_vivo_only, no modification',
    guideline: 'ex_vivo_only: MSCs only laboratory material; modifications are of a product given',
    study: {
      title: 'Gene editing in a rare syndrome',
      studyType: 'OBSERVATIONAL',
      interventions: [
        {
          name: 'Work on patient cells',
          type: 'GENETIC',
          description:
            'Skin cells of the patients are reprogrammed into mesenchymal stem cells and corrected with CRISPR.',
        },
      ],
      summary:
        'We will obtain MSCs from each patient and edit the mutated gene with CRISPR/Cas9 to restore its function.',
    },
    expect: { category: 'ex_vivo_only', modifications: [] },
  },
  {
    name: 'a derived product tested on tissue explants ("explants ... are treated with" it) is not given',
    study: {
      title: 'Secretome of stromal cells on cartilage explants',
      studyType: 'OBSERVATIONAL',
      interventions: [
        {
          name: 'MSC secretome',
          description: 'Cartilage explants isolated during knee surgery are treated with MSC secretome.',
        },
      ],
    },
    expect: { category: 'ex_vivo_only' },
  },
  {
    name: 'a follow-up study whose intervention names the MSC product still counts the patients as given it',
    guideline: 'msc_cells: administers (or follows up patients given) living MSCs',
    study: {
      title: 'Long-term follow-up of a knee trial',
      studyType: 'OBSERVATIONAL',
      interventions: [
        { name: 'Adipose mesenchymal stem cells', description: 'No intervention in this study.' },
      ],
    },
    expect: { category: 'msc_cells' },
  },
  {
    name: 'MSCs mobilized into the blood of patients and counted are measured, not given',
    guideline: 'ex_vivo_only: MSCs appear only as laboratory material (biomarker)',
    study: {
      title: 'Mobilization of mesenchymal stem cells after kidney transplantation',
      studyType: 'OBSERVATIONAL',
      interventions: [
        { name: 'blood draws', type: 'PROCEDURE', description: 'Blood drawn at four time points.' },
      ],
      description:
        'MSCs help the transplanted kidney. MSCs lower rejection after transplantation. The number of MSCs in blood is measured by flow cytometry.',
    },
    expect: { category: 'ex_vivo_only' },
  },
  {
    name: 'CD34+ cells given, with MSCs only in the literature of the summary: unrelated',
    guideline: 'unrelated: MSCs only in background, or the study is about another cell type',
    study: {
      title: 'Stem cell therapy for heart failure',
      interventions: [
        {
          name: 'CD34+ cell transplantation',
          description: 'Selected autologous cells given into the coronary artery.',
        },
      ],
      summary:
        'In a rat model, intramyocardial delivery of mesenchymal stem cells improved heart function. Intracoronary application of bone marrow mononuclear cells improved ejection fraction. We will test intracoronary CD34+ cells in heart failure.',
    },
    expect: { category: 'unrelated' },
  },
  {
    name: 'a code-named cell product said to contain MSCs among other cells is not an MSC product',
    study: {
      title: 'Cord blood cells for knee osteoarthritis',
      interventions: [
        {
          name: 'Cord Blood Nucleated Cells (CB-NC)',
          type: 'BIOLOGICAL',
          description: 'Injected into the knee joint.',
        },
      ],
      summary:
        'Cord Blood Nucleated Cells contain hematopoietic stem cells, mesenchymal stem cells and endothelial progenitors. Patients receive one injection.',
    },
    expect: { category: 'unrelated' },
  },
  {
    name: 'an arm labelled as a fat injection whose description names the MSCs in the fat is not an MSC product',
    study: {
      title: 'Fat injection versus plasma for scars',
      interventions: [
        {
          name: 'fat injection into the scar',
          type: 'PROCEDURE',
          description: 'Liposuction and injection of the washed fat.',
        },
      ],
      arms: [
        {
          label: 'Fat injection into the scar',
          type: 'ACTIVE_COMPARATOR',
          description:
            'The washed aspirate keeps the adipocytes and the mesenchymal stem cells it holds alive.',
        },
      ],
    },
    expect: { category: 'unrelated' },
  },
  {
    name: '"fat-derived stem cells (SVF)" in the title names the mixture given: stromal_mixture',
    study: {
      title: 'Fat-derived stem cells (SVF) for knee pain',
      interventions: [{ name: 'Adipose derived stem cells', description: 'Injected into the knee joint.' }],
    },
    expect: { category: 'stromal_mixture' },
  },
  {
    name: 'the "(SVF)" gloss with culture expansion stated stays msc_cells',
    guideline: 'stromal_mixture ... unless the record says MSCs were culture-expanded (then msc_cells)',
    study: {
      title: 'Fat-derived stem cells (SVF) for knee pain',
      interventions: [
        {
          name: 'Adipose derived stem cells',
          description: 'Culture-expanded for three weeks, then injected into the knee joint.',
        },
      ],
    },
    expect: { category: 'msc_cells' },
  },
  {
    name: '"non-expanded" stated for the product outweighs culture expansion reported from earlier work with a citation',
    study: {
      title: 'Adipose stem cells for kidney disease',
      interventions: [
        { name: 'Non-expanded autologous adipose stem cells', description: 'Injected intravenously once.' },
      ],
      description:
        'Kidney graft recipients in another trial received expanded autologous marrow MSCs [12]. Here the cells are given fresh.',
    },
    expect: { category: 'stromal_mixture' },
  },
  {
    name: '"this study will evaluate the infusion" outweighs one generic laboratory sentence',
    study: {
      title: 'MSC exosomes in children with sepsis',
      studyType: 'OBSERVATIONAL',
      summary:
        'This study will evaluate the effect of MSC-Exo infusion in children with sepsis. The technology for isolation and culture of MSCs is now mature.',
    },
    expect: { category: 'msc_derived' },
  },
  {
    name: 'a hypothetical ("if MSCs were given to patients") does not make a laboratory study a product given',
    study: {
      title: 'Properties of MSCs of lung disease patients',
      studyType: 'OBSERVATIONAL',
      summary:
        'MSCs will be isolated from the bone marrow of the candidates. This models what would happen if MSCs were given to patients who received a transplant.',
    },
    expect: { category: 'ex_vivo_only' },
  },
  {
    name: 'a bone marrow aspirate procedure for an MSC cell bank is laboratory material: ex_vivo_only',
    study: {
      title: 'Cell bank of stromal cells: a marrow donor protocol',
      interventions: [{ name: 'Marrow aspiration', type: 'PROCEDURE', otherNames: ['marrow-derived MSC'] }],
      summary: 'Healthy donors give marrow from which MSCs are grown in culture.',
    },
    expect: { category: 'ex_vivo_only' },
  },
  {
    name: 'MSCs named only in the titles, the only intervention a harvest of a marrow sample: ex_vivo_only',
    study: {
      title: 'Mesenchymal stem cells: genetic changes with age',
      interventions: [
        {
          name: 'harvest of a small bone marrow sample',
          type: 'PROCEDURE',
          description: 'Taken during heart surgery.',
        },
      ],
      summary: 'Genetic alterations of MSCs will be measured by sequencing of the marrow samples.',
    },
    expect: { category: 'ex_vivo_only' },
  },
  {
    name: 'arms of volunteers wanting to donate MSCs, titles about collection for production: ex_vivo_only',
    study: {
      title: 'Collection of marrow for the production of MSC products',
      arms: [{ label: 'Donors', description: 'Healthy people wanting to donate MSCs for other patients' }],
    },
    expect: { category: 'ex_vivo_only' },
  },
  {
    name: 'MSCs from marrow harvested during surgery, transfected with hTERT for an animal study: ex_vivo_only, no modification',
    study: {
      title: 'Cartilage engineering from surgical waste',
      interventions: [
        { name: 'hip replacement', type: 'OTHER', description: 'Cartilage is taken during the operation.' },
      ],
      summary:
        'The investigators will harvest the spare bone marrow from drilling during the surgery to obtain the mesenchymal stem cells. These mesenchymal stem cells will be transfected with hTERT for use in an animal study.',
    },
    expect: { category: 'ex_vivo_only', modifications: [] },
  },
  {
    name: '"MSCs enriched with extracellular vesicles" gives cells (both products: msc_cells), not MSC-derived EVs',
    guideline: 'If a study has both MSC cells and MSC-derived products as interventions, use msc_cells',
    study: {
      title: 'Bone defects treated with MSCs enriched with EVs',
      interventions: [
        {
          name: 'Mesenchymal stem cells enriched with extracellular vesicles',
          description: 'Placed in the defect.',
        },
      ],
    },
    expect: { category: 'msc_cells' },
  },
  {
    name: '"MSC-derived extracellular vesicles" stay msc_derived',
    study: {
      title: 'EVs for bone defects',
      interventions: [{ name: 'Mesenchymal stem cell derived extracellular vesicles' }],
    },
    expect: { category: 'msc_derived' },
  },
  {
    name: "brushing the synovium to release the patient's own MSCs (counted as the outcome) gives no MSC product",
    guideline:
      'no MSC product is given: ex_vivo_only if the counted MSCs are read as a biomarker, unrelated if not; either is defensible',
    study: {
      title: 'Synovial brushing for endogenous mesenchymal stem cell mobilisation in cartilage repair',
      interventions: [
        { name: 'Synovial brushing', type: 'DEVICE', description: 'A brush used during knee arthroscopy.' },
      ],
      arms: [
        {
          label: 'Brushing group',
          type: 'EXPERIMENTAL',
          description: 'Microfracture plus synovial brushing to release synovial MSCs into the joint.',
        },
      ],
      description: 'The procedure is minimally manipulated.',
    },
    expect: { oneOf: { category: ['ex_vivo_only', 'unrelated'] } },
  },
  {
    name: 'a passage code ("frozen at P2 culture") states culture expansion: msc_cells beside concentrate arms',
    study: {
      title: 'Three cell preparations for knee arthritis',
      interventions: [
        {
          name: 'Marrow MSCs',
          description:
            'Bone marrow aspirate concentrate prepared by centrifugation and injected into the knee.',
        },
        { name: 'Cord tissue MSCs', description: 'Frozen at P2 culture, thawed and injected into the knee.' },
      ],
    },
    expect: { category: 'msc_cells' },
  },
  {
    name: 'a marrow concentrate named "Marrow MSCs" alone stays stromal_mixture',
    guideline: 'stromal_mixture: bone marrow aspirate concentrate (BMAC)',
    study: {
      title: 'Marrow preparation for knee arthritis',
      interventions: [
        {
          name: 'Marrow MSCs',
          description:
            'Bone marrow aspirate concentrate prepared by centrifugation and injected into the knee.',
        },
      ],
    },
    expect: { category: 'stromal_mixture' },
  },
  {
    name: '"Mesenchymal StemCells" (no space) in the title are MSCs',
    study: {
      title: 'Transfer of marrow mononuclear and Mesenchymal StemCells into the heart',
      interventions: [
        { name: 'CombiCell', description: 'The two cell types are mixed and injected into the myocardium.' },
      ],
    },
    expect: { category: 'msc_cells' },
  },
  {
    name: '"mesenchymal stemcells" (no space) in an arm description are MSCs',
    study: {
      title: 'Islets in muscle',
      arms: [
        {
          label: 'Islets with cells',
          type: 'EXPERIMENTAL',
          description:
            'Islets mixed with autologous mesenchymal stemcells are transplanted into the arm muscle.',
        },
      ],
    },
    expect: { category: 'msc_cells' },
  },
  {
    name: '"The drug product is ... autologous mesenchymal cells" defines a code-named product: msc_cells',
    study: {
      title: 'Cell-coated plug for anal fistula',
      interventions: [{ name: 'XR-77', type: 'DRUG' }],
      arms: [{ label: 'Plug', type: 'EXPERIMENTAL', interventionNames: ['Drug: XR-77'] }],
      description:
        'Fistulas are hard to treat. The drug product is a plug coated with autologous mesenchymal cells grown on a bioabsorbable matrix.',
    },
    expect: { category: 'msc_cells' },
  },
];
