/** Donor, generalisation round 6: donor facts said only in a donor section of the eligibility criteria, donor prefixes of cell acronyms, misspellings, donor words of keywords, outcome measures and experimental arms. */
import type { CaseTable } from './case.js';

const study = (title: string, description: string, conditions: string[], eligibility?: string) => ({
  title,
  interventions: [{ name: 'Cell therapy', description }],
  conditions,
  ...(eligibility === undefined ? {} : { eligibility }),
});

/** Eligibility criteria written for the donors of the product (read only when nothing else decides). */
const eligibility: CaseTable = [
  {
    name: 'a "Donor inclusion criteria:" section in the eligibility criteria, no donor word elsewhere: allogeneic',
    guideline: '"donor" ... = allogeneic (criteria for the people who give the cells)',
    study: study(
      'Stromal Cells for Knee Osteoarthritis',
      'Mesenchymal stromal cells, 40 million cells, one intra-articular injection.',
      ['Knee Osteoarthritis'],
      'Patient Inclusion Criteria:\n\n- Kellgren grade 2-3\n\nDonor Inclusion Criteria:\n\n- age 18 to 35 years\n' +
        '- negative for HIV and hepatitis B/C',
    ),
    expect: { category: 'msc_cells', donor: 'allogeneic', reasons: { donor: 'stated.eligibility' } },
  },
  {
    name: '"Inclusion criteria for healthy volunteer donors" in the eligibility criteria: allogeneic',
    guideline: '"donor" ... = allogeneic',
    study: study(
      'Marrow Stromal Cells in Pulmonary Fibrosis',
      'Bone marrow MSCs given by vein, two doses one month apart.',
      ['Idiopathic Pulmonary Fibrosis'],
      'Inclusion criteria for patients:\n- diagnosis of IPF\nInclusion criteria for healthy volunteer donors:\n- BMI under 30',
    ),
    expect: { category: 'msc_cells', donor: 'allogeneic', reasons: { donor: 'stated.eligibility' } },
  },
  {
    name: 'criteria for "the MSC donor" in the eligibility criteria: allogeneic',
    guideline: '"donor" ... = allogeneic',
    study: study(
      'Stromal Cells After Lung Transplantation',
      'Mesenchymal stromal cells infused intravenously on day 1.',
      ['Chronic Lung Allograft Dysfunction'],
      'Exclusion Criteria:\n- pregnancy\n- MSC donor positive for syphilis',
    ),
    expect: { category: 'msc_cells', donor: 'allogeneic' },
  },
  {
    name: 'a kidney or living donor heading of the eligibility criteria (the organ graft): unspecified',
    guideline: 'use "unspecified" when the record does not say (the organ donor gives no cells)',
    study: study(
      'Stromal Cells at Kidney Transplantation',
      'Mesenchymal stromal cells infused intravenously before transplantation.',
      ['Kidney Transplantation'],
      'Recipient Inclusion Criteria:\n- first transplant\nKidney Donor Inclusion Criteria:\n- living related donor\n' +
        'Living donor:\n- age under 65',
    ),
    expect: { category: 'msc_cells', donor: 'unspecified' },
  },
  {
    // Round 9: the liposuction the patients undergo (named in the criteria) now makes the fat their own.
    name: 'no suitable "donor site" for liposuction in the eligibility criteria: no donor, the patients\' own fat',
    guideline: '"From the patient\'s own ..." = autologous; a donor site is where own tissue is taken',
    study: study(
      'Fat-derived Stromal Cells for Scars',
      'Adipose-derived stromal cells injected into the scar.',
      ['Cicatrix'],
      'Exclusion Criteria:\n- no suitable donor site for liposuction\n- healthy donor site infection',
    ),
    expect: { category: 'msc_cells', donor: 'autologous', reasons: { donor: 'harvest_in_procedure' } },
  },
  {
    name: 'a donor section of the eligibility criteria does not override autologous cells stated in the intervention',
    guideline: '"From the patient\'s own ..." = autologous',
    study: study(
      'Autologous Stromal Cells Versus Donor Cells in Spinal Cord Injury',
      'Autologous bone marrow MSCs injected intrathecally.',
      ['Spinal Cord Injuries'],
      'Donor Exclusion Criteria:\n- active infection',
    ),
    expect: { category: 'msc_cells', donor: 'autologous' },
  },
];

/** Donor prefixes of cell acronyms, a source acronym with a one-letter prefix, and misspelled donor words. */
const vocabulary: CaseTable = [
  {
    name: '"allo-BMSCs" (a donor prefix on a source acronym): allogeneic',
    guideline: '"donor", "off-the-shelf", "third-party" ... = allogeneic (allo- is allogeneic)',
    study: study(
      'Stem Cells for Knee Cartilage Defects',
      'allo-BMSCs, 2 x 10^7 cells, intra-articular injection.',
      ['Cartilage Defect'],
    ),
    expect: { category: 'msc_cells', donor: 'allogeneic', sources: ['bone_marrow'] },
  },
  {
    name: '"auto-ADSCs" (an autologous prefix on a source acronym): autologous',
    guideline: '"From the patient\'s own ..." = autologous (auto- is autologous)',
    study: study('Fat Stem Cells for Lymphedema', 'auto-ADSCs injected subcutaneously into the arm.', [
      'Lymphedema',
    ]),
    expect: { category: 'msc_cells', donor: 'autologous', sources: ['adipose'] },
  },
  {
    name: '"allo-HSCT" and "auto-SCT" are haematopoietic transplants, not a donor prefix of the MSC product',
    study: study(
      'Stromal Cells for Steroid-refractory GVHD',
      'Bone marrow MSCs by intravenous infusion for acute GVHD after allo-HSCT or auto-SCT.',
      ['Graft vs Host Disease'],
    ),
    expect: { category: 'msc_cells', donor: 'unspecified' },
  },
  {
    name: 'a source acronym with a one-letter lowercase prefix ("aUCMSC"): the source, and a perinatal source given to adults is allogeneic',
    guideline:
      "umbilical_cord (incl. Wharton's jelly); umbilical cord/placenta/cord blood products given to adults = allogeneic",
    study: study(
      'Stem Cells in Chronic Brain Injury',
      'Intrathecal infusion of aUCMSC with conventional rehabilitation.',
      ['Brain Injuries'],
    ),
    expect: {
      category: 'msc_cells',
      sources: ['umbilical_cord'],
      donor: 'allogeneic',
      reasons: { donor: 'perinatal_implied' },
    },
  },
  {
    name: 'misspelled donor words ("alogeneic", "allogeinic", "autolgous") are the donor words',
    guideline: '"From the patient\'s own ..." = autologous; "donor" ... = allogeneic',
    study: {
      title: 'Alogeneic Versus Autolgous Stromal Cells in Crohn Fistula',
      arms: [
        { label: 'Allogeinic', description: 'allogeinic adipose MSCs injected into the fistula tract' },
        { label: 'Own cells', description: 'autolgous adipose MSCs injected into the fistula tract' },
      ],
      interventions: [
        { name: 'Adipose mesenchymal stem cells', armGroupLabels: ['Allogeinic', 'Own cells'] },
      ],
      conditions: ['Perianal Fistula'],
    },
    expect: { category: 'msc_cells', donor: 'both' },
  },
  {
    name: '"alogeneic" alone: allogeneic',
    guideline: '"donor" ... = allogeneic',
    study: study('Alogeneic Mesenchymal Stromal Cells in Heart Failure', 'Transendocardial injection.', [
      'Heart Failure',
    ]),
    expect: { category: 'msc_cells', donor: 'allogeneic' },
  },
  {
    name: '"donor mesenchymal stromal cells", MSCs "from normal donors", marrow "donated by healthy volunteers": allogeneic',
    guideline: '"donor" ... = allogeneic',
    study: {
      title: 'Stromal Cells in Acute Respiratory Distress',
      interventions: [
        {
          name: 'Donor mesenchymal stromal cells',
          description:
            'Bone marrow donated by healthy volunteers; MSCs from normal donors expanded and infused by vein.',
        },
      ],
      conditions: ['ARDS'],
    },
    expect: { category: 'msc_cells', donor: 'allogeneic' },
  },
  {
    name: 'a deceased-donor kidney and "donor tissue" of the patient\'s own donor site name no MSC donor',
    guideline: 'use "unspecified" when the record does not say',
    study: study(
      'Stromal Cells at Deceased-donor Kidney Transplantation',
      'Mesenchymal stromal cells infused by vein at transplantation of a kidney from a deceased donor; donor kidney biopsy.',
      ['Kidney Transplantation'],
    ),
    expect: { category: 'msc_cells', donor: 'unspecified' },
  },
  {
    name: 'MSCs "from the same HSCT donor": allogeneic',
    guideline: '"donor" ... = allogeneic (a relative or the transplant donor gives the cells)',
    study: {
      title: 'Co-transplantation of Stromal Cells in Severe Aplastic Anaemia',
      arms: [
        {
          label: 'Co-transplant',
          type: 'EXPERIMENTAL',
          description: 'Mesenchymal stromal cells expanded from the same HSCT donor, given on day +1.',
        },
      ],
      conditions: ['Aplastic Anemia'],
    },
    expect: { category: 'msc_cells', donor: 'allogeneic' },
  },
  {
    name: 'MSCs grown "from their siblings": allogeneic',
    guideline: '"donor" ... = allogeneic (a relative gives the cells)',
    study: study(
      'Stromal Cells in Osteogenesis Imperfecta',
      'Bone marrow MSCs grown from their siblings, infused by vein.',
      ['Osteogenesis Imperfecta'],
    ),
    expect: { category: 'msc_cells', donor: 'allogeneic' },
  },
  {
    name: '"MMSCs" (multipotent mesenchymal stromal cells) in arms: MSC arms, whose donor words decide ("allogeneic P-MMSCs", "autologous BM-MMSCs": both)',
    guideline: 'msc_cells: living mesenchymal stem/stromal cells; both: different arms use each',
    study: {
      title: 'Multipotent Mesenchymal Stromal Cells of Two Sources for Hip Osteoarthritis',
      arms: [
        {
          label: 'P-MMSCs',
          type: 'EXPERIMENTAL',
          description: 'Intra-articular injection of allogeneic P-MMSCs.',
        },
        {
          label: 'BM-MMSCs',
          type: 'EXPERIMENTAL',
          description: 'Intra-articular injection of autologous BM-MMSCs.',
        },
      ],
      conditions: ['Hip Osteoarthritis'],
    },
    expect: { category: 'msc_cells', donor: 'both' },
  },
];

/** Donor words qualifying the MSC term in a keyword or a primary outcome measure (read when nothing before decides). */
const keywordsOutcomes: CaseTable = [
  {
    name: 'a keyword "Allogeneic bone marrow mesenchymal stem cells", no donor word elsewhere: allogeneic',
    guideline: '"donor" ... = allogeneic; judge from the record text',
    study: {
      ...study(
        'Stromal Cells in Lupus Nephritis: Long-term Follow-up',
        'Follow-up of patients given the cells.',
        ['Lupus Nephritis'],
      ),
      keywords: ['Lupus', 'Allogeneic bone marrow mesenchymal stem cells'],
    },
    expect: { donor: 'allogeneic', reasons: { donor: 'stated.bound.keyword_or_outcome' } },
  },
  {
    name: 'a primary outcome "Safety of autologous MSCs", no donor word elsewhere: autologous',
    guideline: '"From the patient\'s own ..." = autologous',
    study: {
      ...study('Marrow Stromal Cells for Nonunion', 'Bone marrow MSCs implanted into the nonunion site.', [
        'Nonunion',
      ]),
      outcomes: ['Safety of autologous MSCs: adverse events at 12 months'],
    },
    expect: {
      category: 'msc_cells',
      donor: 'autologous',
      reasons: { donor: 'stated.bound.keyword_or_outcome' },
    },
  },
  {
    name: 'a haematopoietic transplant in a keyword or outcome ("allogeneic bone marrow transplantation") is the patient\'s graft: unspecified',
    guideline: 'use "unspecified" when the record does not say the MSC donor',
    study: {
      ...study('Stromal Cells for Acute GVHD', 'Mesenchymal stromal cells infused intravenously weekly.', [
        'Graft vs Host Disease',
      ]),
      keywords: ['Allogeneic hematopoietic stem cell transplantation'],
      outcomes: ['GVHD response after allogeneic bone marrow transplantation'],
    },
    expect: { category: 'msc_cells', donor: 'unspecified' },
  },
];

/** Donor words qualifying the cells of an experimental arm that names no MSC term (read when nothing else decides). */
const experimentalArm: CaseTable = [
  {
    name: 'an experimental arm giving "allogeneic stem cells" (the MSC term only in the title): allogeneic',
    guideline: '"donor" ... = allogeneic',
    study: {
      title: 'Mesenchymal Stromal Cells on a Cardiac Patch After Bypass Surgery',
      arms: [
        {
          label: 'Patch group',
          type: 'EXPERIMENTAL',
          description: 'A patch grown with allogeneic stem cells is sutured on.',
        },
        { label: 'Surgery alone', type: 'ACTIVE_COMPARATOR', description: 'Bypass surgery only.' },
      ],
      conditions: ['Ischemic Heart Disease'],
    },
    expect: { donor: 'allogeneic', reasons: { donor: 'stated.experimental_arm' } },
  },
  {
    name: 'a comparator arm\'s "autologous cells" or an experimental arm\'s "autologous serum" say nothing of the MSC donor',
    guideline: 'use "unspecified" when the record does not say',
    study: {
      title: 'Mesenchymal Stromal Cells for Knee Osteoarthritis',
      arms: [
        {
          label: 'Cells',
          type: 'EXPERIMENTAL',
          description: 'Cells suspended in autologous serum, injected in the knee.',
        },
        {
          label: 'Chondrocytes',
          type: 'ACTIVE_COMPARATOR',
          description: 'Autologous cultured cells implanted.',
        },
      ],
      conditions: ['Knee Osteoarthritis'],
    },
    expect: { donor: 'unspecified' },
  },
];

export const cases: CaseTable = [...eligibility, ...vocabulary, ...keywordsOutcomes, ...experimentalArm];
