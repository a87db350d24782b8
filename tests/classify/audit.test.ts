/**
 * Hand-written cases for classes of error found by auditing unseen corpus studies against the GUIDELINE
 * (matcher overlaps, routes of the whole MSC arm, contrast sentences, ...). Each fixture is invented text that
 * describes the general case, not a real record.
 */
import { describe, expect, it } from 'vitest';
import { PRODUCT_LAYER } from '../../src/classify/index.js';
import { compileMatcher } from '../../src/classify/matcher.js';
import { loadRules } from '../../src/classify/rules.js';
import { classifyChecked } from './checked.js';

const run = classifyChecked;

describe('matcher: the most specific match wins whatever its case sensitivity', () => {
  const m = compileMatcher(loadRules(), PRODUCT_LAYER, true);
  it('a case-sensitive compound ("MSC-Exos", "MSC-sEV") beats the case-insensitive acronym it contains', () => {
    const hits = m
      .scan('Nebulized MSC-Exos and MSC-sEV were compared with MSCs.', 'f')
      .filter((h) => h.family === 'msc');
    expect(hits.map((h) => [h.text, h.value])).toEqual(
      expect.arrayContaining([
        ['MSC-Exos', 'derived'],
        ['MSC-sEV', 'derived'],
        ['MSCs', 'cell'],
      ]),
    );
    expect(hits.filter((h) => h.text === 'MSC')).toHaveLength(0);
  });
  it('synthetic rules: longer contains shorter wins, either way; partial overlaps keep the case-insensitive match', () => {
    const rules = loadRules();
    const x = {
      ...rules,
      termFiles: [
        {
          family: 'x',
          terms: [
            { id: 'x.ci', value: 'ci', patterns: ['alpha beta gamma', 'kappa', 'delta epsilon'] },
            { id: 'x.cs', value: 'cs', caseSensitive: true, patterns: ['BETA', 'KAPPA-Z', 'EPSILON-Q'] },
          ],
        },
      ],
    };
    const mx = compileMatcher(x, ['x']);
    const texts = (t: string): string[] => mx.scan(t, 'f').map((h) => h.text);
    expect(texts('alpha BETA gamma')).toEqual(['alpha BETA gamma']);
    expect(texts('a KAPPA-Z b kappa')).toEqual(['kappa', 'KAPPA-Z']);
    expect(texts('delta EPSILON-Q')).toEqual(['delta EPSILON']);
  });
  it('a study of inhaled "MSC-Exos" is msc_derived', () => {
    const l = run({
      title: 'Inhaled MSC-Exos in lung injury',
      interventions: [{ name: 'MSC-Exos', description: 'MSC-Exos are nebulized twice daily for five days.' }],
      summary: 'Patients with lung injury inhale MSC-Exos prepared from cultured umbilical cord MSCs.',
    });
    expect(l.category).toBe('msc_derived');
    expect(l.routes).toEqual(['inhalation']);
  });
});

describe('routes: the title does not hide a route planned in the description', () => {
  it('a title route and a "will receive ... intravenously" sentence of the description are both routes', () => {
    const l = run({
      title: 'Intra-articular adipose MSCs for hip pain',
      interventions: [{ name: 'AB-77', description: 'Autologous adipose-derived mesenchymal stem cells.' }],
      description:
        'Hip pain limits walking. The participant will receive three intravenous infusions of autologous adipose MSCs and two intra-articular injections into the hip.',
    });
    expect(l.routes).toEqual(['intravenous', 'intra_articular']);
  });
  it('a route of background or contrast sentences is not added to the title route', () => {
    const l = run({
      title: 'Intraosseous mesenchymal stromal cells for poor graft function',
      interventions: [
        { name: 'Mesenchymal stromal cells', description: 'Cells are given under local anaesthesia.' },
      ],
      description:
        'Few MSCs reach the marrow after intravenous injection in earlier reports, so MSCs were placed directly into the iliac bone in pilot patients.',
    });
    expect(l.routes).toEqual(['intraosseous']);
  });
});

describe('routes: "percutaneous injection" is intraosseous only in a study about bone', () => {
  it('percutaneous injection into a nonunion is intraosseous', () => {
    const l = run({
      title: 'Marrow stromal cells for tibial nonunion',
      conditions: ['Nonunion of Tibia'],
      interventions: [
        {
          name: 'Bone marrow mesenchymal stromal cells',
          description: 'Expanded cells given by percutaneous injection under fluoroscopy.',
        },
      ],
    });
    expect(l.routes).toEqual(['intraosseous']);
  });
  it('percutaneous injection in a spinal cord or knee study is not intraosseous', () => {
    const sci = run({
      title: 'Mesenchymal stem cells after spinal cord injury',
      conditions: ['Spinal Cord Injury'],
      interventions: [
        { name: 'Mesenchymal stem cells', description: 'Cells delivered by percutaneous injection.' },
      ],
    });
    expect(sci.routes).not.toContain('intraosseous');
    const knee = run({
      title: 'Bone marrow MSCs for knee osteoarthritis',
      conditions: ['Osteoarthritis, Knee'],
      interventions: [
        {
          name: 'Bone marrow MSCs',
          description:
            'Intra-articular MSCs; a second group gets MSCs by percutaneous injection with platelet lysate.',
        },
      ],
    });
    expect(knee.routes).toEqual(['intra_articular']);
  });
});

describe('sources: contrasts and general statements', () => {
  it('the tissue after "unlike"/"rather than" is the comparator, not the product source', () => {
    const l = run({
      title: 'Cord MSCs for heart failure',
      interventions: [
        {
          name: 'Mesenchymal stromal cells',
          description:
            'Unlike bone marrow MSCs, the umbilical cord MSCs used here come from donated cords rather than adipose tissue.',
        },
      ],
    });
    expect(l.sources).toEqual(['umbilical_cord']);
  });
  it('a two-arm comparison "cord MSCs versus bone marrow MSCs" keeps both sources', () => {
    const l = run({
      title: 'Umbilical cord MSCs versus bone marrow MSCs in liver cirrhosis',
      interventions: [{ name: 'UC-MSC' }, { name: 'BM-MSC' }],
    });
    expect(l.sources).toEqual(['bone_marrow', 'umbilical_cord']);
  });
  it('"MSCs can be found in bone marrow" beside the named product tissue is not a second source', () => {
    const l = run({
      title: 'Adipose stromal cells in a gel for cartilage defects',
      interventions: [
        {
          name: 'Allogeneic adipose-derived mesenchymal stromal cells in hydrogel',
          description:
            'MSCs can be found in bone marrow and many other tissues of the body. The adipose MSCs are mixed with the gel.',
        },
      ],
    });
    expect(l.sources).toEqual(['adipose']);
  });
  it('... but when it is the only tissue named, it still counts', () => {
    const l = run({
      title: 'Autologous MSCs for tibial fracture',
      summary:
        'Mesenchymal stem cells are found in bone marrow and can become bone. The cells will be implanted at the fracture.',
      interventions: [{ name: 'Autologous mesenchymal stem cells' }],
    });
    expect(l.sources).toEqual(['bone_marrow']);
  });
});

describe('sources: negated alternatives', () => {
  it('in a sentence naming two tissues, the one under "not possible"/"without" is not the product source', () => {
    const l = run({
      title: 'Allogeneic MSCs for disc degeneration',
      interventions: [{ name: 'Mesenchymal stem cells' }],
      description:
        'Donor mesenchymal stem cells from umbilical cord are used because in older patients harvesting autologous cells is not feasible from the bone marrow.',
    });
    expect(l.sources).toEqual(['umbilical_cord']);
  });
});

describe('comparator arms linked by name only', () => {
  it('an intervention whose only arm is an active comparator named after it is not the studied product', () => {
    const l = run({
      title: 'Allogeneic cord MSCs for cartilage lesions',
      interventions: [
        { name: 'Umbilical cord mesenchymal stem cells', description: 'Cord MSCs implanted in the lesion.' },
        {
          name: 'Bone marrow aspirate concentrate',
          type: 'PROCEDURE',
          description: 'Usual care with marrow concentrate.',
        },
      ],
      arms: [
        { label: 'Umbilical cord mesenchymal stem cells', type: 'EXPERIMENTAL' },
        { label: 'Bone marrow aspirate concentrate (usual care)', type: 'ACTIVE_COMPARATOR' },
      ],
    });
    expect(l.category).toBe('msc_cells');
    expect(l.sources).toEqual(['umbilical_cord']);
  });
});

describe('biomaterial: the comparator material named in the title', () => {
  it('"MSCs versus hyaluronic acid" with hyaluronic acid as its own intervention is not a carrier', () => {
    const l = run({
      title: 'Adipose MSCs versus hyaluronic acid in hip osteoarthritis',
      interventions: [
        {
          name: 'Adipose mesenchymal stem cells',
          description: 'One intra-articular injection of MSCs in saline.',
        },
        {
          name: 'Hyaluronic acid',
          type: 'DRUG',
          description: 'One intra-articular injection of hyaluronic acid.',
        },
      ],
    });
    expect(l.biomaterial).toBe(false);
  });
  it('MSCs in a hyaluronic acid gel stay on a carrier even when a control gets the gel alone', () => {
    const l = run({
      title: 'MSCs in hyaluronic acid gel for cartilage defects',
      interventions: [
        {
          name: 'MSCs in hyaluronic acid hydrogel',
          description: 'Cord MSCs mixed with hyaluronic acid hydrogel, implanted in the defect.',
        },
        { name: 'Hyaluronic acid', type: 'DRUG' },
      ],
    });
    expect(l.biomaterial).toBe(true);
  });
});

describe('category: MSCs named as the content of a minimally manipulated mixture', () => {
  it('"micro-fractured adipose tissue containing mesenchymal stromal cells" is a stromal mixture', () => {
    const l = run({
      title: 'Microfractured autologous fat containing mesenchymal stromal cells for ankle arthritis',
      interventions: [
        {
          name: 'Micro-fragmented adipose tissue',
          type: 'PROCEDURE',
          description: 'One ultrasound-guided intra-articular injection.',
        },
      ],
    });
    expect(l.category).toBe('stromal_mixture');
  });
  it('"a concentrate (BMAC) which contains marrow MSCs" is a stromal mixture; expanded marrow MSCs stay cells', () => {
    const mix = run({
      title: 'Marrow concentrate in cartilage repair',
      interventions: [
        {
          name: 'BMAC',
          type: 'PROCEDURE',
          description:
            'Bone marrow aspirate concentrate (BMAC) which contains mesenchymal stem cells, placed in the defect.',
        },
      ],
    });
    expect(mix.category).toBe('stromal_mixture');
    const cells = run({
      title: 'Expanded marrow MSCs in cartilage repair',
      interventions: [
        {
          name: 'Bone marrow mesenchymal stem cells',
          description: 'Culture-expanded mesenchymal stem cells placed in the defect.',
        },
      ],
    });
    expect(cells.category).toBe('msc_cells');
  });
  it('"requires no clonal expansion" denies expansion', () => {
    const l = run({
      title: 'Processed fat graft for knee pain',
      interventions: [
        {
          name: 'Autologous processed adipose tissue',
          type: 'DEVICE',
          description:
            'Fat is processed in a closed device that keeps pericytes and MSCs; the method requires no clonal expansion.',
        },
      ],
    });
    expect(l.category).toBe('stromal_mixture');
  });
});

describe('routes: spaced abbreviations', () => {
  it('"i. m." and "i. v." are intramuscular and intravenous', () => {
    const im = run({
      title: 'Cord MSCs for diabetic neuropathy',
      interventions: [{ name: 'UC-MSCs', armGroupLabels: ['MSC arm'] }],
      arms: [{ label: 'MSC arm', description: 'Participants receive i. m. UC-MSCs in both calves.' }],
    });
    expect(im.routes).toEqual(['intramuscular']);
    const iv = run({
      title: 'Cord MSCs for lupus',
      interventions: [{ name: 'UC-MSCs', description: 'UC-MSCs given i. v. on day 1.' }],
    });
    expect(iv.routes).toEqual(['intravenous']);
  });
});

describe('category: titles naming the cells of a mixture intervention', () => {
  it('an SVF intervention under a title "adipose-derived stromal cells" is a stromal mixture', () => {
    const l = run({
      title: 'Autologous adipose-derived stromal cells injected in arthritic fingers',
      interventions: [
        {
          name: 'Stromal vascular fraction',
          description: 'SVF isolated from lipoaspirate and injected in the joint.',
        },
      ],
    });
    expect(l.category).toBe('stromal_mixture');
  });
  it('"bone marrow derived stem cells" under an MSC title stays msc_cells', () => {
    const l = run({
      title: 'Bone marrow derived mesenchymal stem cells for dry eye',
      interventions: [
        {
          name: 'Autologous bone marrow derived stem cells',
          description: 'Cells injected under the conjunctiva.',
        },
      ],
    });
    expect(l.category).toBe('msc_cells');
  });
});

describe('category: cell-free products named before their cell source', () => {
  it('"Exosome-MSC" and "secretome - mesenchymal stem cell" are msc_derived', () => {
    const a = run({
      title: 'Exosome-MSC infusion in sepsis',
      interventions: [{ name: 'Exosome-MSC', description: 'Intravenous Exosome-MSC on days 1 and 3.' }],
    });
    expect(a.category).toBe('msc_derived');
    const b = run({
      title: 'Secretome - mesenchymal stem cell for acute lung injury',
      interventions: [
        { name: 'Secretome - mesenchymal stem cell', description: 'Given once intravenously.' },
      ],
    });
    expect(b.category).toBe('msc_derived');
  });
});

describe('category: factors derived from MSCs', () => {
  it('"pleiotropic factor derived from mesenchymal stem cells" and "MSC-derived trophic factors" are msc_derived', () => {
    const a = run({
      title: 'A factor preparation for burn wounds',
      interventions: [
        {
          name: 'Wound factor',
          description:
            'Trophic factors purified from umbilical cord mesenchymal stem cells are spread on the wound.',
        },
      ],
    });
    expect(a.category).toBe('msc_derived');
    const b = run({
      title: 'MSC-derived growth factors for scars',
      interventions: [{ name: 'MSC-derived growth factors', description: 'Applied on the scar daily.' }],
    });
    expect(b.category).toBe('msc_derived');
  });
  it('MSCs "secreting growth factors" are still cells', () => {
    const l = run({
      title: 'Mesenchymal stem cells in knee osteoarthritis',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description: 'Intra-articular MSCs, which release growth factors in the joint.',
        },
      ],
    });
    expect(l.category).toBe('msc_cells');
  });
});

describe('category: MSCs as the target of another intervention', () => {
  it('a drug or membrane that "recruits endogenous MSCs" is not an MSC product', () => {
    const drug = run({
      title: 'A bone-targeting peptide in osteoporosis',
      interventions: [
        {
          name: 'XY-peptide',
          type: 'DRUG',
          description:
            'A peptide that recruits endogenous mesenchymal stem cells to bone. Given intravenously once.',
        },
      ],
    });
    expect(drug.category).toBe('unrelated');
    const membrane = run({
      title: 'A placental membrane dressing for leg ulcers',
      interventions: [
        {
          name: 'Dried placental membrane',
          description: 'The membrane has been shown to stimulate mesenchymal stem cell migration.',
        },
      ],
    });
    expect(membrane.category).toBe('unrelated');
  });
  it('an intervention named as MSCs keeps its description even with such words', () => {
    const l = run({
      title: 'MSCs in knee osteoarthritis',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description:
            'Expanded mesenchymal stem cells have been shown to reduce pain; one injection into the knee.',
        },
      ],
    });
    expect(l.category).toBe('msc_cells');
  });
});

describe('routes: a vein as the treated tissue', () => {
  it('cells applied "to the surface of the outflow vein" are not intravenous; "by vein" is', () => {
    const top = run({
      title: 'Adipose MSCs for dialysis access',
      interventions: [
        {
          name: 'Adipose MSCs',
          description: 'Cells are applied topically to the surface of the outflow vein.',
        },
      ],
    });
    expect(top.routes).toEqual(['topical']);
    const iv = run({
      title: 'MSCs for lung fibrosis',
      interventions: [
        { name: 'Mesenchymal stem cells', description: 'Participants receive MSCs by vein once.' },
      ],
    });
    expect(iv.routes).toEqual(['intravenous']);
  });
});

describe('category: MSC collection for animal models', () => {
  it('"MSC collection for humanized xenograft studies" is laboratory material', () => {
    const l = run({
      title: 'Blood and mesenchymal stem cell collection for xenograft studies in sarcoma',
      interventions: [
        {
          name: 'Plerixafor',
          type: 'DRUG',
          description: 'Given subcutaneously to mobilize blood stem cells.',
        },
      ],
      summary: 'Cells will be used to build humanized mouse models.',
    });
    expect(l.category).toBe('ex_vivo_only');
  });
});

describe('specialty: conditions with no specialty word before', () => {
  const spec = (conditions: string[], title: string) =>
    run({
      title,
      conditions,
      interventions: [{ name: 'Mesenchymal stem cells', description: 'Given intravenously.' }],
    }).specialty;
  it('facioscapulohumeral / limb-girdle dystrophy and myopathies are musculoskeletal (muscle)', () => {
    expect(spec(['Facioscapulohumeral Dystrophy'], 'MSCs in FSH dystrophy')).toBe('musculoskeletal');
    expect(spec(['Inflammatory Myopathy'], 'MSCs in myositis patients')).toBe('musculoskeletal');
  });
  it('lung allograft dysfunction is organ transplant tolerance (hematology_transplant)', () => {
    expect(spec(['Lung Allograft Dysfunction'], 'MSCs after lung transplantation failure')).toBe(
      'hematology_transplant',
    );
  });
  it('hyperpigmentation and melasma are skin disease', () => {
    expect(spec(['Melasma'], 'Stem cells for facial melasma')).toBe('dermatology_wound');
  });
});

describe('routes: vocabulary gaps found in the audit', () => {
  const routes = (description: string) =>
    run({ title: 'MSC trial', interventions: [{ name: 'Mesenchymal stem cells', description }] }).routes;
  it('a central venous catheter is intravenous', () => {
    expect(routes('MSCs are given through a central venous catheter once a week.')).toEqual(['intravenous']);
  });
  it('perilimbal and corneal stromal injections are intraocular', () => {
    expect(routes('Cultured MSCs are injected perilimbally in the affected eye.')).toEqual(['intraocular']);
    expect(routes('MSCs are injected into the corneal stroma.')).toEqual(['intraocular']);
  });
  it("an injection to a Crohn's fistula is local", () => {
    expect(routes("Injection of adipose MSCs to Crohn's fistula.")).toEqual(['local_injection']);
  });
});

describe('category: MSCs as the culture layer of another product', () => {
  it('"cord blood expansion on mesenchymal stem cells" is laboratory use of MSCs', () => {
    const l = run({
      title: 'Cord blood expansion on mesenchymal stem cells',
      interventions: [
        {
          name: 'Cord blood infusion',
          type: 'PROCEDURE',
          description: 'Cord blood transplantation on day 0.',
        },
      ],
    });
    expect(l.category).toBe('ex_vivo_only');
  });
});

describe('routes: discs named with their level', () => {
  it('"into lumbar intervertebral disc" is intradiscal, "in intervertebral disc degeneration" is the condition', () => {
    const r = run({
      title: 'Adipose MSCs for low back pain',
      interventions: [
        { name: 'Adipose MSCs', description: 'Into lumbar intervertebral disc infusion of adipose MSCs.' },
      ],
    });
    expect(r.routes).toEqual(['intradiscal']);
    const none = run({
      title: 'MSC implantation therapy in intervertebral disc degeneration',
      interventions: [{ name: 'Mesenchymal stem cells' }],
    });
    expect(none.routes).toEqual([]);
  });
});

describe('routes: products named only by a code', () => {
  it('the experimental code-named product is the MSC product when the description says what it is', () => {
    const l = run({
      title: 'Safety of QX-12 in muscular dystrophy',
      keywords: ['mesenchymal stem cells'],
      summary: 'QX-12 is an allogeneic umbilical cord mesenchymal stem cell product.',
      interventions: [
        { name: 'QX-12', type: 'DRUG', description: 'QX-12 given intravenously once on day 0.' },
        { name: 'Placebo', type: 'DRUG', description: 'Saline given intramuscularly.' },
      ],
    });
    expect(l.category).toBe('msc_cells');
    expect(l.routes).toEqual(['intravenous']);
  });
});

describe('routes: intratumoral and intramedullary depend on the organ', () => {
  const routes = (title: string, conditions: string[], description: string) =>
    run({ title, conditions, interventions: [{ name: 'Engineered mesenchymal stem cells', description }] })
      .routes;
  it('intratumoral is a local injection in a head and neck cancer, intracerebral in a glioblastoma', () => {
    expect(
      routes(
        'Engineered MSCs in oral cancer',
        ['Head and Neck Squamous Cell Carcinoma'],
        'Intratumoral injection of MSCs.',
      ),
    ).toEqual(['local_injection']);
    expect(
      routes(
        'Engineered MSCs in recurrent glioblastoma',
        ['Glioblastoma', 'Germ Cell Tumor'],
        'Intratumoral injection of MSCs.',
      ),
    ).toEqual(['intracerebral']);
  });
  it('intramedullary is intracerebral in spinal cord injury, intraosseous in a fracture', () => {
    expect(
      routes('MSCs in spinal cord injury', ['Spinal Cord Injury'], 'Intramedullary administration of MSCs.'),
    ).toEqual(['intracerebral']);
    expect(
      routes('MSCs in tibial nonunion', ['Tibial Nonunion'], 'Intramedullary administration of MSCs.'),
    ).toEqual(['intraosseous']);
  });
});

describe('category: the acronym in parentheses after the source of a derived product', () => {
  it('"exosomes derived from mesenchymal stromal cells (MSCs)" is msc_derived', () => {
    const l = run({
      title: 'Nasal exosomes for preterm brain injury',
      interventions: [
        {
          name: 'Exosomes derived from mesenchymal stromal cells (MSCs)',
          description: 'Given intranasally on days 1 to 3.',
        },
      ],
    });
    expect(l.category).toBe('msc_derived');
    expect(l.routes).toEqual(['intranasal']);
  });
});

describe('category: MSC compounds and observational follow-ups', () => {
  it('a study speaking of MSCs only through "MSC-sEV" still speaks of MSCs', () => {
    const l = run({
      title: 'Nebulized MSC-sEV in lung injury',
      interventions: [{ name: 'MSC-sEV', description: 'Nebulized once daily.' }],
    });
    expect(l.category).toBe('msc_derived');
  });
  it('an observational follow-up of patients given "MSC-Exos" is msc_derived, never an empty mixture', () => {
    const l = run({
      title: 'Follow-up of children treated with MSC-Exos',
      studyType: 'OBSERVATIONAL',
      summary:
        'Children who were given MSC-Exos by infusion are followed for one year. MSCs are multipotent cells with differentiation potential.',
    });
    expect(l.category).toBe('msc_derived');
  });
});

describe('category: weak "no expansion" cues about something else', () => {
  it('blood centrifuged for PRF beside fat-derived MSCs does not make a stromal mixture', () => {
    const l = run({
      title: 'Fat pad derived mesenchymal stem cells on bone graft for jaw augmentation',
      interventions: [{ name: 'MSC + graft + PRF', type: 'PROCEDURE' }],
      description:
        'Stem cells are harvested from the buccal fat pad. They are loaded on a bone graft. Venous blood is centrifuged to prepare platelet rich fibrin (PRF).',
    });
    expect(l.category).toBe('msc_cells');
  });
  it('allogeneic marrow MSCs "at the point of care" are still cells', () => {
    const l = run({
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
    });
    expect(l.category).toBe('msc_cells');
  });
  it('an autologous marrow aspirate processed at the point of care stays a stromal mixture', () => {
    const l = run({
      title: 'Marrow cells in knee cartilage defects',
      interventions: [
        {
          name: 'Bone marrow mesenchymal stem cells',
          description: 'Autologous bone marrow aspirate concentrated at the point of care and injected.',
        },
      ],
    });
    expect(l.category).toBe('stromal_mixture');
  });
});

describe('routes: intraparenchymal in another organ', () => {
  it('intraparenchymal injection into a kidney is a local injection, into the brain intracerebral', () => {
    const kidney = run({
      title: 'Cord MSCs in diabetic kidney disease',
      conditions: ['Diabetic Nephropathy'],
      interventions: [
        { name: 'Cord MSCs', description: 'Intra-parenchymal injection of cord MSCs under ultrasound.' },
      ],
    });
    expect(kidney.routes).toEqual(['local_injection']);
    const brain = run({
      title: 'Cord MSCs after brain infarction',
      conditions: ['Cerebral Infarction'],
      interventions: [{ name: 'Cord MSCs', description: 'Intra-parenchymal injection of cord MSCs.' }],
    });
    expect(brain.routes).toEqual(['intracerebral']);
  });
});

describe('category: MSCs in the title of a drug or supplement study', () => {
  it('"Drug X and mesenchymal stem cells" with only a drug intervention is not an MSC product', () => {
    const l = run({
      title: 'Metformin and mesenchymal stem cells in prediabetes',
      interventions: [
        { name: 'Metformin', type: 'DRUG', description: '500 mg by mouth twice daily for 12 weeks.' },
      ],
      summary: 'Circulating progenitor numbers are measured before and after treatment.',
    });
    expect(l.included).toBe(false);
  });
  it('a code-named drug-type product or a "stem cell" drug intervention stays an MSC product', () => {
    const coded = run({
      title: 'Mesenchymal stem cells for knee osteoarthritis',
      interventions: [
        { name: 'Stem cell', type: 'DRUG', description: 'One intra-articular injection of stem cells.' },
      ],
    });
    expect(coded.category).toBe('msc_cells');
  });
});
