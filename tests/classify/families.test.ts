import { describe, expect, it } from 'vitest';
import { classifyChecked } from './checked.js';

const run = classifyChecked;

describe('category: context rules', () => {
  it('MSC mentioned only in eligibility criteria is unrelated', () => {
    const l = run({
      title: 'Platelet-rich plasma injection for knee osteoarthritis',
      interventions: [{ name: 'Platelet-rich plasma', description: 'Single intra-articular PRP injection' }],
      eligibility: 'Exclusion Criteria:\n- previous treatment with mesenchymal stem cells',
      conditions: ['Knee Osteoarthritis'],
    });
    expect(l.category).toBe('unrelated');
    expect(l.included).toBe(false);
    expect(l.screeningReason).toBe('exclude.mention_only_in_eligibility');
    expect(l.sources).toEqual([]);
    expect(l.routes).toEqual([]);
  });

  it('haematopoietic transplant with MSC in passing (background) is not an MSC intervention', () => {
    const l = run({
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
    });
    expect(l.category).toBe('unrelated');
    expect(l.included).toBe(false);
  });

  it('SVF without culture expansion is a stromal mixture; with stated expansion it is msc_cells', () => {
    const svf = run({
      title: 'Autologous Stromal Vascular Fraction for Knee Osteoarthritis',
      interventions: [
        {
          name: 'Stromal vascular fraction',
          description:
            'Adipose tissue is harvested by liposuction and the SVF is isolated by enzymatic digestion and injected the same day into the knee joint.',
        },
      ],
      conditions: ['Osteoarthritis, Knee'],
    });
    expect(svf.category).toBe('stromal_mixture');
    expect(svf.sources).toEqual(['adipose']);
    expect(svf.donor).toBe('autologous');
    expect(svf.routes).toEqual(['intra_articular']);

    const expanded = run({
      title: 'Expanded Adipose Stromal Cells for Knee Osteoarthritis',
      interventions: [
        {
          name: 'Stromal vascular fraction derived cells',
          description: 'The SVF is culture-expanded for three passages before an intra-articular injection.',
        },
      ],
      conditions: ['Osteoarthritis, Knee'],
    });
    expect(expanded.category).toBe('msc_cells');
  });

  it('extracellular vesicles / exosomes of MSCs are msc_derived; cells plus EVs are msc_cells', () => {
    const ev = run({
      title: 'Exosomes Derived From Umbilical Cord Mesenchymal Stem Cells for COVID-19',
      interventions: [
        {
          name: 'MSC-derived exosomes',
          description:
            'Nebulized inhalation of exosomes derived from allogeneic umbilical cord MSCs, twice daily',
        },
      ],
      conditions: ['COVID-19'],
    });
    expect(ev.category).toBe('msc_derived');
    expect(ev.routes).toEqual(['inhalation']);
    expect(ev.sources).toEqual(['umbilical_cord']);
    expect(ev.covid19).toBe(true);
    expect(ev.specialty).toBe('pneumology');

    const both = run({
      title: 'MSC and MSC Secretome in ARDS',
      interventions: [
        { name: 'Mesenchymal stromal cells', description: 'Intravenous infusion of MSCs' },
        { name: 'Conditioned medium', description: 'Secretome of MSCs given intravenously' },
      ],
      conditions: ['ARDS'],
    });
    expect(both.category).toBe('msc_cells');
  });

  it('MSCs only isolated and characterized in vitro are ex_vivo_only', () => {
    const l = run({
      title: 'Characterization of Mesenchymal Stem Cells From Synovial Fluid',
      studyType: 'OBSERVATIONAL',
      summary:
        'Mesenchymal stem cells will be isolated from synovial fluid samples and characterized in vitro by flow cytometry.',
      conditions: ['Osteoarthritis'],
    });
    expect(l.category).toBe('ex_vivo_only');
    expect(l.donor).toBe('unspecified');
    expect(l.sources).toEqual([]);
  });

  it('an observational follow-up of treated patients counts as the product given', () => {
    const l = run({
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
    });
    expect(l.category).toBe('msc_cells');
    expect(l.specialty).toBe('hematology_transplant');
  });
});

describe('sources, donor, routes: the MSC arm, not the comparator', () => {
  it('ignores the comparator arm and spelling variants resolve', () => {
    const l = run({
      title: 'Wharton´s Jelly MSC Versus Bone Marrow Aspirate Concentrate in Knee Osteoarthritis',
      interventions: [
        {
          name: 'WJ-MSC',
          description: 'Allogeneic Wharton’s jelly MSCs injected intra-articularly',
          armGroupLabels: ['MSC'],
        },
        {
          name: 'Hyaluronic acid',
          type: 'DRUG',
          description: 'Intravenous paracetamol and hyaluronic acid',
          armGroupLabels: ['Control'],
        },
      ],
      arms: [
        { label: 'MSC', type: 'EXPERIMENTAL', interventionNames: ['WJ-MSC'] },
        {
          label: 'Control',
          type: 'ACTIVE_COMPARATOR',
          description: 'Bone marrow aspirate, intravenous',
          interventionNames: ['Hyaluronic acid'],
        },
      ],
      conditions: ['Knee Osteoarthritis'],
    });
    expect(l.category).toBe('msc_cells');
    expect(l.routes).toEqual(['intra_articular']);
    expect(l.donor).toBe('allogeneic');
    expect(l.biomaterial).toBe(false);
    expect(l.specialty).toBe('musculoskeletal');
    const src = l.evidence.filter((e) => e.label === 'sources').map((e) => e.value);
    expect(src).toContain('umbilical_cord');
    expect(src).not.toContain('bone_marrow');
  });

  it('acronyms carry their tissue source (hUC-MSC, AD-MSC, BM-MSC, ADSC)', () => {
    const cases: Array<[string, string]> = [
      ['hUC-MSC', 'umbilical_cord'],
      ['AD-MSC', 'adipose'],
      ['BM-MSC', 'bone_marrow'],
      ['ADSCs', 'adipose'],
      ['UCB-MSC', 'cord_blood'],
    ];
    for (const [name, source] of cases) {
      const l = run({
        title: `${name} for Spinal Cord Injury`,
        interventions: [{ name, description: `${name} given by lumbar puncture` }],
        conditions: ['Spinal Cord Injuries'],
      });
      expect(l.category, name).toBe('msc_cells');
      expect(l.sources, name).toEqual([source]);
      expect(l.routes, name).toEqual(['intrathecal']);
    }
  });

  it('autologous and allogeneic arms give both; a perinatal source given to patients implies allogeneic', () => {
    const both = run({
      title: 'Autologous or Allogeneic Bone Marrow MSC in Kidney Transplantation',
      interventions: [
        {
          name: 'Bone marrow MSC',
          description: 'Autologous MSCs (arm A) or allogeneic MSCs from the donor (arm B), intravenous',
        },
      ],
      conditions: ['Kidney Transplantation'],
    });
    expect(both.donor).toBe('both');
    expect(both.specialty).toBe('nephrology_urology');
    const uc = run({
      title: 'Umbilical Cord MSC in Heart Failure',
      interventions: [{ name: 'Umbilical cord mesenchymal stem cells', description: 'Intravenous infusion' }],
      conditions: ['Heart Failure'],
    });
    expect(uc.donor).toBe('allogeneic');
    expect(uc.evidence.some((e) => e.rule === 'donor.allogeneic.perinatal_source')).toBe(true);
  });
});

describe('products, modifications, biomaterial', () => {
  it('a named product implies its facts, quoting the product name', () => {
    const l = run({
      title: 'Prochymal for Steroid-Refractory Acute GVHD',
      interventions: [{ name: 'Prochymal', description: 'Infusion of Prochymal twice weekly for 4 weeks' }],
      conditions: ['Graft vs Host Disease'],
    });
    expect(l.category).toBe('msc_cells');
    expect(l.product).toBe('remestemcel-L');
    expect(l.sources).toEqual(['bone_marrow']);
    expect(l.donor).toBe('allogeneic');
    expect(l.routes).toEqual(['intravenous']);
    const ev = l.evidence.find((e) => e.label === 'sources');
    expect(ev?.rule).toBe('product.remestemcel-L.source');
    expect(ev?.text).toBe('Prochymal');
  });

  it('NurOwn is differentiated; Cartistem is on a biomaterial; weak names need their company', () => {
    const nurown = run({
      title: 'NurOwn (MSC-NTF cells) in ALS',
      interventions: [{ name: 'MSC-NTF cells', description: 'Intrathecal administration' }],
      conditions: ['Amyotrophic Lateral Sclerosis'],
    });
    expect(nurown.product).toBe('NurOwn');
    expect(nurown.modifications).toEqual(['differentiated']);
    expect(nurown.donor).toBe('autologous');
    expect(nurown.specialty).toBe('neurology');
    const cartistem = run({
      title: 'CARTISTEM for Cartilage Defects',
      interventions: [{ name: 'CARTISTEM' }],
      conditions: ['Cartilage Defect'],
    });
    expect(cartistem.biomaterial).toBe(true);
    expect(cartistem.sources).toEqual(['cord_blood']);
    expect(cartistem.routes).toEqual(['surgical_implantation']);
    const mpc = run({
      title: 'MPC for Chronic Low Back Pain',
      interventions: [{ name: 'MPC', description: 'Intradiscal injection of mesenchymal precursor cells' }],
      conditions: ['Back Pain'],
    });
    expect(mpc.product).toBe(null);
    const meso = run({
      title: 'Mesoblast MPC for Chronic Low Back Pain',
      interventions: [{ name: 'MPC', description: 'Intradiscal injection of Mesoblast MPCs' }],
      conditions: ['Back Pain'],
    });
    expect(meso.product).toBe('rexlemestrocel-L');
    expect(meso.routes).toEqual(['intradiscal']);
  });

  it('genetic modification, priming and carrier materials are read from the MSC intervention', () => {
    const gm = run({
      title: 'Gene-modified MSC',
      interventions: [{ name: 'MSC transduced with a lentiviral vector', description: 'Intravenous' }],
      conditions: ['Cancer'],
    });
    expect(gm.modifications).toEqual(['genetically_modified']);
    const primed = run({
      title: 'IFN-gamma primed MSC in Crohn disease',
      interventions: [{ name: 'IFN-γ-primed MSCs', description: 'local injection into the fistula tract' }],
      conditions: ["Crohn's Disease"],
    });
    expect(primed.modifications).toEqual(['primed']);
    expect(primed.routes).toEqual(['local_injection']);
    expect(primed.specialty).toBe('gastroenterology');
    const scaffold = run({
      title: 'BM-MSC on a collagen scaffold for bone defects',
      interventions: [
        {
          name: 'BM-MSC seeded on a collagen scaffold',
          description: 'surgically implanted into the bone defect',
        },
      ],
      conditions: ['Bone Defect'],
    });
    expect(scaffold.biomaterial).toBe(true);
    expect(scaffold.routes).toContain('surgical_implantation');
    const prp = run({
      title: 'UC-MSC in PRP for knee OA',
      interventions: [{ name: 'UC-MSC', description: 'diluted in platelet-rich plasma, intra-articular' }],
      conditions: ['Knee Osteoarthritis'],
    });
    expect(prp.biomaterial).toBe(false);
  });
});

describe('dose', () => {
  const dose = (text: string) =>
    run({ title: 'MSC for GVHD', interventions: [{ name: 'MSC', description: text }], conditions: ['GVHD'] })
      .dose;
  it('parses the usual forms', () => {
    expect(dose('1 × 10^6 cells/kg intravenously')).toMatchObject({
      value: 1e6,
      valueHigh: null,
      unit: 'cells/kg',
    });
    expect(dose('1x10e6/kg body weight')).toMatchObject({ value: 1e6, unit: 'cells/kg' });
    expect(dose('2.0 x 10(6) MSC/kg')).toMatchObject({ value: 2e6, unit: 'cells/kg' });
    expect(dose('a total of 100 million cells')).toMatchObject({ value: 1e8, unit: 'cells' });
    expect(dose('1-2 × 10^6 cells/kg')).toMatchObject({ value: 1e6, valueHigh: 2e6, unit: 'cells/kg' });
    expect(dose('1.0E+6 cells/kg')).toMatchObject({ value: 1e6, unit: 'cells/kg' });
  });
  it('counts administrations and the interval', () => {
    expect(dose('two infusions of 1 × 10^6 cells/kg, 4 weeks apart')).toMatchObject({
      administrations: 2,
      intervalDays: 28,
    });
    expect(dose('3 doses of 2x10^6 cells/kg given weekly')).toMatchObject({
      administrations: 3,
      intervalDays: 7,
    });
    expect(dose('1 x 10^6 cells/kg on days 1 and 8')).toMatchObject({ intervalDays: 7 });
    expect(dose('a single infusion of 1 x 10^6 cells/kg')).toMatchObject({
      administrations: 1,
      intervalDays: null,
    });
  });
  it('is null when no cell dose is stated', () => {
    expect(dose('MSC infusion, dose to be determined')).toBeNull();
    expect(dose('100 mg of methylprednisolone')).toBeNull();
  });
});

describe('specialty and covid19', () => {
  it('uses the registry MeSH when present and the text otherwise', () => {
    const mesh = run({
      title: 'MSC trial',
      interventions: [{ name: 'MSC' }],
      conditions: ['Condition X'],
      meshes: ['Liver Cirrhosis'],
      ancestors: ['Liver Diseases', 'Digestive System Diseases'],
    });
    expect(mesh.specialty).toBe('hepatology');
    const text = run({
      title: 'MSC in Premature Ovarian Insufficiency',
      interventions: [{ name: 'MSC' }],
      conditions: ['Premature Ovarian Insufficiency'],
    });
    expect(text.specialty).toBe('reproductive');
    const other = run({ title: 'MSC infusion', interventions: [{ name: 'MSC' }], conditions: ['Sepsis'] });
    expect(other.specialty).toBe('other');
  });
  it('lupus nephritis goes to nephrology; diabetic foot ulcer to dermatology; COVID to pneumology', () => {
    expect(
      run({ title: 'MSC', interventions: [{ name: 'MSC' }], conditions: ['Lupus Nephritis'] }).specialty,
    ).toBe('nephrology_urology');
    expect(
      run({
        title: 'MSC',
        interventions: [{ name: 'MSC' }],
        conditions: ['Diabetic Foot Ulcer', 'Diabetes Mellitus, Type 2'],
      }).specialty,
    ).toBe('dermatology_wound');
    const covid = run({
      title: 'MSC for SARS-CoV-2 pneumonia',
      interventions: [{ name: 'MSC' }],
      conditions: ['Pneumonia, Viral'],
    });
    expect(covid.covid19).toBe(true);
    expect(covid.specialty).toBe('pneumology');
    expect(
      run({ title: 'MSC for ARDS', interventions: [{ name: 'MSC' }], conditions: ['ARDS'] }).covid19,
    ).toBe(false);
  });
});
