/** Donor, generalisation round 6: donor facts said only in a donor section of the eligibility criteria. */
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
    name: 'no suitable "donor site" in the eligibility criteria: no donor',
    guideline: '"From the patient\'s own ..." = autologous; a donor site is where own tissue is taken',
    study: study(
      'Fat-derived Stromal Cells for Scars',
      'Adipose-derived stromal cells injected into the scar.',
      ['Cicatrix'],
      'Exclusion Criteria:\n- no suitable donor site for liposuction\n- healthy donor site infection',
    ),
    expect: { category: 'msc_cells', donor: 'unspecified' },
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

export const cases: CaseTable = [...eligibility];
