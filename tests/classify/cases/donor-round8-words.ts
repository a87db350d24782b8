/**
 * Donor, generalisation round 8 (donor words the vocabulary had but did not reach): an HLA-match word on the MSC
 * product with words between ("HLA-mismatched bone marrow MSCs", "(HLA)-unmatched"), and a cell bank named after
 * "from/of/in" with its qualifiers ("from a master cell bank", which the laboratory cue "cell bank" of the category
 * vocabulary used to take).
 */
import { study, type CaseTable } from './case.js';

export const cases: CaseTable = [
  {
    name: '"HLA-mismatched" qualifying the MSC product with words between ("HLA-mismatched marrow stromal cells") is allogeneic',
    guideline:
      'donor: "donor", "off-the-shelf", "third-party" ... = allogeneic (cells HLA-mismatched to the patient are another person\'s)',
    study: study(
      'Mismatched Stromal Cells in Lung Transplant Rejection',
      'HLA-mismatched bone marrow MSCs, 2 million per kg, given by vein monthly.',
      ['Bronchiolitis Obliterans'],
    ),
    expect: { category: 'msc_cells', donor: 'allogeneic' },
  },
  {
    name: '"Human leukocyte antigen (HLA)-unmatched MSCs" (the acronym in brackets) is allogeneic',
    guideline: 'donor: "donor", "off-the-shelf", "third-party" ... = allogeneic',
    study: study(
      'Unmatched Stromal Cells in Refractory Crohn Disease',
      'Human leukocyte antigen (HLA)-unmatched MSCs infused by peripheral vein every week.',
      ['Crohn Disease'],
    ),
    expect: { category: 'msc_cells', donor: 'allogeneic' },
  },
  {
    name: 'MSCs "from a master cell bank" (a bank made from a donor) are allogeneic',
    guideline: 'donor: "donor", "off-the-shelf", "third-party" ... = allogeneic',
    study: study(
      'Banked Marrow Stromal Cells in Knee Arthrosis',
      'Bone marrow MSCs from a master cell bank, thawed and injected into the knee.',
      ['Knee Osteoarthritis'],
    ),
    expect: { category: 'msc_cells', donor: 'allogeneic' },
  },
  {
    name: 'an HLA-matched haematopoietic transplant beside the MSCs gives the MSCs no donor',
    study: study(
      'Stromal Cells With Matched Sibling Transplants',
      'MSCs co-infused on day 0 of an HLA-matched haematopoietic stem cell transplantation.',
      ['Leukemia'],
    ),
    expect: { donor: 'unspecified' },
  },
];
