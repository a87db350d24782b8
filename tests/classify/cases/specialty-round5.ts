/** Specialty, generalisation round 5: haematopoietic stem cell transplantation written with an acronym or "stem cell". */
import type { CaseTable } from './case.js';

export const cases: CaseTable = [
  {
    name: 'MSCs for recipients of "haematopoietic stem cell (HSC) transplants" in leukaemia: hematology_transplant',
    guideline: 'hematology_transplant: GVHD, aplastic anemia, HSC engraftment',
    study: {
      title:
        'Third-party Marrow MSCs in Recipients of Haematopoietic Stem Cell (HSC) Transplants for Acute Leukaemia',
      interventions: [{ name: 'Mesenchymal stromal cells', description: 'Given intravenously on day 0.' }],
      conditions: ['Patients receiving haematopoietic stem cell (HSC) transplants'],
      keywords: ['Leukaemia', 'Lymphoma'],
    },
    expect: { category: 'msc_cells', specialty: 'hematology_transplant' },
  },
  {
    name: 'co-infusion of MSCs with a "cord blood stem cell transplant": hematology_transplant',
    study: {
      title: 'Placental MSC Co-infusion in Adults With Acute Myeloid Leukaemia',
      interventions: [{ name: 'Placental mesenchymal stem cells', description: 'Infused intravenously.' }],
      conditions: ['Umbilical cord blood stem cell transplant', 'Acute Myeloid Leukaemia'],
    },
    expect: { category: 'msc_cells', specialty: 'hematology_transplant' },
  },
  {
    name: 'children undergoing "blood or marrow transplantation": hematology_transplant',
    study: {
      title: 'Busulfan Dosing in Children Undergoing Blood or Marrow Transplantation',
      summary: 'Busulfan doses are adjusted to blood concentrations measured after the first dose.',
      interventions: [{ name: 'Busulfan', type: 'DRUG' }],
      conditions: ['Blood or marrow transplantation', 'Osteopetrosis'],
    },
    expect: { category: 'unrelated', specialty: 'hematology_transplant' },
  },
];
