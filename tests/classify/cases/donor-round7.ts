/** Donor, generalisation round 7: donor words of a haematopoietic transplant, perinatal sources given to infants, donor facts of products the GUIDELINE does not name, and harvests done on the patients. */
import type { CaseTable } from './case.js';

/**
 * A donor word qualifying the patients' haematopoietic transplant or its cells is about the graft, not the MSC
 * product, wherever it sits (titles, interventions, descriptions).
 */
const transplant: CaseTable = [
  {
    name: 'MSCs for GVHD "after allogeneic haematopoietic stem cell transplantation" (title only): unspecified',
    guideline: 'when the record does not say something, use the "unspecified" value',
    study: {
      title: 'Stromal Cells for Chronic GVHD',
      officialTitle:
        'Mesenchymal Stromal Cells for Chronic Graft-versus-host Disease After Allogeneic Haematopoietic Stem Cell Transplantation',
      interventions: [
        { name: 'Mesenchymal stromal cells', description: 'One million cells per kg by vein, weekly.' },
      ],
      conditions: ['Chronic Graft-versus-host Disease'],
    },
    expect: { category: 'msc_cells', donor: 'unspecified', reasons: { donor: 'none_stated' } },
  },
  {
    name: 'a title naming the patients\' "allogeneic bone marrow transplantation" next to the MSC product: unspecified',
    guideline: 'when the record does not say something, use the "unspecified" value',
    study: {
      title:
        'Marrow Stromal Cell Infusion for Poor Graft Function Following Allogeneic Bone Marrow Transplantation',
      interventions: [
        { name: 'MSC infusion', description: 'Mesenchymal stem cells given intravenously on day 0.' },
      ],
      conditions: ['Poor Graft Function'],
    },
    expect: { category: 'msc_cells', donor: 'unspecified' },
  },
  {
    name: 'an intervention "MSCs co-infused during an allogeneic blood and marrow transplant": unspecified',
    guideline: 'when the record does not say something, use the "unspecified" value',
    study: {
      title: 'Co-infusion of Stromal Cells With the Graft',
      interventions: [
        {
          name: 'MSC co-infusion',
          description:
            'Mesenchymal stromal cells co-infused during an allogeneic blood and marrow transplant.',
        },
      ],
      conditions: ['Leukemia'],
    },
    expect: { category: 'msc_cells', donor: 'unspecified' },
  },
  {
    name: '"allogeneic HSCs and mesenchymal stem cells" (the word qualifies the haematopoietic cells): unspecified',
    guideline: 'when the record does not say something, use the "unspecified" value',
    study: {
      title:
        'Gut Microbiome Over Transplantation of Allogeneic Haematopoietic Stem Cells and Mesenchymal Stem Cells',
      summary:
        'Stool samples are followed over allogeneic HSCs and mesenchymal stem cells transplantation in the same patients.',
      interventions: [{ name: 'Mesenchymal stem cells', description: 'Given intravenously.' }],
      conditions: ['Graft-versus-host Disease'],
    },
    expect: { donor: 'unspecified' },
  },
  {
    name: '"third-party" MSCs given after an allogeneic HSCT: allogeneic (the MSC product\'s own donor word)',
    guideline: '"donor", "off-the-shelf", "third-party" ... = allogeneic',
    study: {
      title: 'Third-party Mesenchymal Stromal Cells for Steroid-refractory Acute GVHD After Allogeneic HSCT',
      interventions: [
        { name: 'Third-party mesenchymal stromal cells', description: 'Two million cells per kg by vein.' },
      ],
      conditions: ['Acute Graft-versus-host Disease'],
    },
    expect: { category: 'msc_cells', donor: 'allogeneic' },
  },
];

export const cases: CaseTable = [...transplant];
