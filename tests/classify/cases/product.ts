/** Named products: a listed product name implies the facts the GUIDELINE gives for it, and only those. */
import type { CaseTable } from './case.js';

export const cases: CaseTable = [
  {
    name: 'Prochymal is remestemcel-L: allogeneic bone-marrow MSCs; a bare "infusion" of it is intravenous',
    guideline: 'Named products: Prochymal / remestemcel-L / Ryoncil: allogeneic bone marrow MSC',
    study: {
      title: 'Prochymal for Steroid-Refractory Acute GVHD',
      interventions: [{ name: 'Prochymal', description: 'Infusion of Prochymal twice weekly for 4 weeks' }],
      conditions: ['Graft vs Host Disease'],
    },
    expect: {
      category: 'msc_cells',
      product: 'remestemcel-L',
      sources: ['bone_marrow'],
      donor: 'allogeneic',
      routes: ['intravenous'],
    },
  },
  {
    name: 'NurOwn (MSC-NTF cells) is autologous and differentiated',
    guideline: 'NurOwn / MSC-NTF: autologous BM-MSC induced to secrete neurotrophic factors (differentiated)',
    study: {
      title: 'NurOwn (MSC-NTF cells) in ALS',
      interventions: [{ name: 'MSC-NTF cells', description: 'Intrathecal administration' }],
      conditions: ['Amyotrophic Lateral Sclerosis'],
    },
    expect: {
      product: 'NurOwn',
      modifications: ['differentiated'],
      donor: 'autologous',
      specialty: 'neurology',
    },
  },
  {
    name: 'CARTISTEM is cord-blood MSCs on a hydrogel, surgically implanted',
    guideline: 'Cartistem: allogeneic umbilical cord blood MSC + hyaluronate hydrogel, surgical implantation',
    study: {
      title: 'CARTISTEM for Cartilage Defects',
      interventions: [{ name: 'CARTISTEM' }],
      conditions: ['Cartilage Defect'],
    },
    expect: { biomaterial: true, sources: ['cord_blood'], routes: ['surgical_implantation'] },
  },
  {
    name: 'a weak product name ("MPC") without its company is no named product',
    study: {
      title: 'MPC for Chronic Low Back Pain',
      interventions: [{ name: 'MPC', description: 'Intradiscal injection of mesenchymal precursor cells' }],
      conditions: ['Back Pain'],
    },
    expect: { product: null },
  },
  {
    name: '"Mesoblast MPC" is rexlemestrocel-L; an intradiscal injection of it is intradiscal',
    guideline: 'Rexlemestrocel-L / MPC (Mesoblast): allogeneic BM mesenchymal precursor cells',
    study: {
      title: 'Mesoblast MPC for Chronic Low Back Pain',
      interventions: [{ name: 'MPC', description: 'Intradiscal injection of Mesoblast MPCs' }],
      conditions: ['Back Pain'],
    },
    expect: { product: 'rexlemestrocel-L', routes: ['intradiscal'] },
  },
  {
    name: 'ExoFlo is a bone-marrow MSC-derived product whose donor type is not a listed fact',
    guideline: 'ExoFlo: BM-MSC-derived extracellular vesicles (msc_derived); no donor type listed',
    study: {
      title: 'ExoFlo in organ transplant rejection',
      interventions: [
        {
          name: 'ExoFlo',
          description: 'Bone marrow mesenchymal stem cell derived extracellular vesicles given intravenously',
        },
      ],
    },
    expect: { category: 'msc_derived', sources: ['bone_marrow'], donor: 'unspecified' },
  },
];
