/** Sources, generalisation round 5: a named product's short name, its company the record's sponsor; the patients' haematopoietic graft. */
import type { CaseTable } from './case.js';

export const cases: CaseTable = [
  {
    name: '"mesenchymal precursor cells (MPCs)" in a trial sponsored by their company: the named product (bone marrow)',
    guideline:
      'Named products: Rexlemestrocel-L / MPC (Mesoblast): allogeneic BM mesenchymal precursor cells',
    study: {
      title: 'Mesenchymal Precursor Cells in Chronic Heart Failure',
      sponsor: 'Mesoblast, Ltd.',
      summary:
        'A single transendocardial injection of allogeneic mesenchymal precursor cells (MPCs) or a sham procedure.',
      interventions: [
        { name: 'Allogeneic MPCs', description: '150 million MPCs, transendocardial injection.' },
      ],
      conditions: ['Heart Failure'],
    },
    expect: {
      category: 'msc_cells',
      product: 'rexlemestrocel-L',
      sources: ['bone_marrow'],
      donor: 'allogeneic',
      routes: ['intramyocardial'],
    },
  },
  {
    name: 'autologous "MPCs" from the same sponsor: bone marrow, the stated donor kept',
    study: {
      title: 'Autologous Mesenchymal Precursor Cells in Tibial Nonunion',
      sponsor: 'Mesoblast',
      summary:
        'Autologous mesenchymal precursor cells (MPCs) implanted with a bone graft at revision surgery.',
      interventions: [{ name: 'Autologous MPCs' }],
      conditions: ['Tibial Fracture Nonunion'],
    },
    expect: { category: 'msc_cells', sources: ['bone_marrow'], donor: 'autologous' },
  },
  {
    name: '"mesenchymal precursor cells" from another sponsor, no company named: no product, no source',
    study: {
      title: 'Mesenchymal Precursor Cells in Knee Osteoarthritis',
      sponsor: 'University Hospital of Somewhere',
      summary: 'Allogeneic mesenchymal precursor cells injected into the knee joint.',
      interventions: [{ name: 'Mesenchymal precursor cells' }],
      conditions: ['Knee Osteoarthritis'],
    },
    expect: { category: 'msc_cells', product: null, sources: [] },
  },

  {
    name: 'placental MSCs given to "cord blood recipients" after "cord blood transplantation": placenta only',
    guideline: 'sources: the tissue origins of the MSC product',
    study: {
      title: 'Placental Mesenchymal Stromal Cells After Cord Blood Transplantation',
      interventions: [
        {
          name: 'Placenta-derived MSCs',
          description:
            'All umbilical cord blood recipients receive one intravenous dose of placenta-derived MSCs on the day of the cord blood haematopoietic stem cell transplant.',
        },
      ],
      conditions: ['Acute Leukaemia'],
    },
    expect: { category: 'msc_cells', sources: ['placenta_amnion'], routes: ['intravenous'] },
  },
  {
    name: 'MSCs from cord blood given with a peripheral blood stem cell graft: cord blood, not peripheral blood',
    study: {
      title: 'Cord Blood MSCs Co-infused With Peripheral Blood Stem Cell Transplants',
      interventions: [
        {
          name: 'Cord blood-derived mesenchymal stem cells',
          description: 'Infused intravenously 4 hours after the peripheral blood stem cell transplant.',
        },
      ],
      conditions: ['Myelodysplastic Syndrome'],
    },
    expect: { category: 'msc_cells', sources: ['cord_blood'] },
  },
];
