/**
 * Hand-written cases for classes of wording that the first rule set missed on unseen studies (route synonyms,
 * donor phrases, carrier materials, condition vocabulary, negated COVID-19). Each fixture describes the general
 * case, not a real record.
 */
import { describe, expect, it } from 'vitest';
import { classifyChecked } from './checked.js';

const run = classifyChecked;

describe('routes: synonyms and phrasings', () => {
  it('"i.v" without the final dot is intravenous', () => {
    const l = run({
      title: 'MSC for condition X',
      interventions: [
        {
          name: 'Umbilical cord mesenchymal stem cells',
          description: 'Patients receive umbilical cord mesenchymal stem cells, i.v (weekly)',
        },
      ],
    });
    expect(l.routes).toEqual(['intravenous']);
  });
  it('an injection "to the mesenteric artery" and an "IC infusion" are intra-arterial', () => {
    const a = run({
      title: 'MSC in colitis',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description:
            'Intravenous infusion of MSCs, then an angiographic procedure to inject MSCs to the superior mesenteric artery.',
        },
      ],
    });
    expect(a.routes).toEqual(['intravenous', 'intra_arterial']);
    const b = run({
      title: 'MSC in myocardial infarction',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description: 'The MSCs are given as one IC infusion and then one IV infusion.',
        },
      ],
    });
    expect(b.routes).toEqual(['intravenous', 'intra_arterial']);
  });
  it('a product brought "up to the femoral head" through a drill tract is intraosseous', () => {
    const l = run({
      title: 'MSC in osteonecrosis',
      interventions: [
        {
          name: 'Cultured mesenchymal stem cells',
          description:
            'Expanded mesenchymal stem cells are delivered through the drill tract up to the femoral head under fluoroscopy.',
        },
      ],
    });
    expect(l.routes).toEqual(['intraosseous']);
  });
  it('cells injected around and inside a wound are a local injection; a product applied to wounds is topical', () => {
    const inj = run({
      title: 'MSC for chronic ulcers',
      interventions: [{ name: 'Adipose mesenchymal stem cells' }],
      summary:
        'Treatment of chronic ulcers by injection of adipose mesenchymal stem cells around and inside the wound.',
    });
    expect(inj.routes).toEqual(['local_injection']);
    const top = run({
      title: 'MSC exosomes for skin wounds',
      interventions: [{ name: 'MSC exosomes' }],
      description:
        'The safety of applying two dose levels of MSC exosomes to chronic skin wounds will be studied.',
    });
    expect(top.category).toBe('msc_derived');
    expect(top.routes).toEqual(['topical']);
  });
  it('a background mention of bone is not an intraosseous route', () => {
    const l = run({
      title: 'MSC infusion in lupus',
      interventions: [{ name: 'Mesenchymal stem cells', description: 'Intravenous MSC infusion.' }],
      description: 'MSCs are cells that home to the bone marrow.',
    });
    expect(l.routes).toEqual(['intravenous']);
  });
});

describe('donor: phrases that state the donor without the usual words', () => {
  it('cells "transplanted back" to the patient are autologous', () => {
    const l = run({
      title: 'MSC for knee osteoarthritis',
      interventions: [{ name: 'Mesenchymal stem cells', description: 'Intra-articular injection.' }],
      description:
        'All subjects undergo marrow aspiration. Mesenchymal stem cells will be isolated from the aspirate, expanded in culture and transplanted back to the knee joint.',
    });
    expect(l.donor).toBe('autologous');
  });
  it('haploidentical family-donor MSCs are allogeneic', () => {
    const l = run({
      title: 'MSC infusions in a bone disease',
      interventions: [
        {
          name: 'Mesenchymal stromal cells',
          description:
            'Repeated infusions of expanded MSCs grown from the marrow of a haploidentical healthy parent.',
        },
      ],
    });
    expect(l.donor).toBe('allogeneic');
  });
});

describe('sources and category: vocabulary', () => {
  it('dermal MSCs are other_tissue; "Wharton gel" is umbilical cord and not a gel carrier', () => {
    const d = run({
      title: 'Dermal MSCs in a skin disease',
      interventions: [
        {
          name: 'Dermal mesenchymal stromal cells',
          description: 'Allogeneic dermal ABC-positive mesenchymal stromal cells given intravenously',
        },
      ],
    });
    expect(d.sources).toEqual(['other_tissue']);
    const w = run({
      title: 'MSC in an eye disease',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description: 'Sub-Tenon injection of Wharton gel-derived mesenchymal stem cells',
        },
      ],
    });
    expect(w.sources).toEqual(['umbilical_cord']);
    expect(w.biomaterial).toBe(false);
  });
  it('concentrated bone marrow (buffy coat) injected into a fracture is a stromal mixture', () => {
    const l = run({
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
    });
    expect(l.category).toBe('stromal_mixture');
    expect(l.sources).toEqual(['bone_marrow']);
    expect(l.donor).toBe('autologous');
    expect(l.routes).toEqual(['intraosseous']);
  });
});

describe('biomaterial: amniotic membrane as a carrier', () => {
  it('MSCs cultured on an amniotic membrane transplant: carrier, surgical implantation, no placental source', () => {
    const l = run({
      title: 'Ocular surface reconstruction',
      interventions: [
        {
          name: 'Bone marrow mesenchymal stem cells',
          description:
            'Allogeneic bone marrow mesenchymal stem cells cultured on amniotic membrane transplant',
        },
      ],
      conditions: ['Limbal Stem Cell Deficiency'],
    });
    expect(l.biomaterial).toBe(true);
    expect(l.sources).toEqual(['bone_marrow']);
    expect(l.routes).toEqual(['surgical_implantation']);
  });
  it('amniotic membrane-derived MSCs remain a placental source', () => {
    const l = run({
      title: 'Amniotic membrane MSCs',
      interventions: [
        { name: 'MSCs', description: 'MSCs isolated from amniotic membrane, given intravenously' },
      ],
    });
    expect(l.sources).toEqual(['placenta_amnion']);
    expect(l.biomaterial).toBe(false);
  });
});

describe('specialty and covid19: condition vocabulary', () => {
  const spec = (conditions: string[], meshes: string[] = []) =>
    run({ title: 'MSC therapy', interventions: [{ name: 'MSC' }], conditions, meshes }).specialty;
  it('frailty and multiple organ dysfunction are "other"', () => {
    expect(spec(['Frailty'])).toBe('other');
    expect(spec(['Multiple Organ Dysfunction Syndrome'], ['Multiple Organ Failure'])).toBe('other');
  });
  it('urticaria and trophic ulcers are dermatology; the MeSH heading "Wounds and Injuries" is not', () => {
    expect(spec(['Chronic Urticaria', 'Autoimmune Diseases'])).toBe('dermatology_wound');
    expect(spec(['Trophic Ulcer'])).toBe('dermatology_wound');
    expect(spec(['Testicular Injury', 'Oligospermia'], ['Oligospermia', 'Wounds and Injuries'])).toBe(
      'reproductive',
    );
  });
  it('central nervous system injury is neurology', () => {
    expect(spec(['Central Nervous System Injury'])).toBe('neurology');
  });
  it('a study of ARDS "not related to COVID-19" is not a COVID-19 study', () => {
    const l = run({
      title: 'MSC for Non-COVID-19 Acute Respiratory Distress Syndrome',
      interventions: [{ name: 'MSC' }],
      conditions: ['ARDS'],
    });
    expect(l.covid19).toBe(false);
    expect(l.specialty).toBe('pneumology');
    expect(
      run({ title: 'MSC for COVID-19 ARDS', interventions: [{ name: 'MSC' }], conditions: ['ARDS'] }).covid19,
    ).toBe(true);
  });
});

describe('routes: a description sentence naming the coded MSC product', () => {
  it('"<code> administered intravenously" gives the route even without an MSC word in the sentence', () => {
    const l = run({
      title: 'Dermal stromal cells in a skin disease',
      interventions: [
        { name: 'abc-XY12-Z', description: 'Allogeneic mesenchymal stromal cells' },
        { name: 'Placebo', type: 'DRUG' },
      ],
      arms: [
        { label: 'Verum', interventionNames: ['abc-XY12-Z'] },
        { label: 'Placebo', type: 'PLACEBO_COMPARATOR', interventionNames: ['Placebo'] },
      ],
      summary:
        'The aim of this trial is to study abc-XY12-Z administered intravenously to subjects with the disease.',
    });
    expect(l.routes).toEqual(['intravenous']);
  });
});

describe('products: facts follow the GUIDELINE list', () => {
  it('ExoFlo is a bone-marrow MSC-derived product whose donor type is not a listed fact', () => {
    const l = run({
      title: 'ExoFlo in organ transplant rejection',
      interventions: [
        {
          name: 'ExoFlo',
          description: 'Bone marrow mesenchymal stem cell derived extracellular vesicles given intravenously',
        },
      ],
    });
    expect(l.category).toBe('msc_derived');
    expect(l.sources).toEqual(['bone_marrow']);
    expect(l.donor).toBe('unspecified');
  });
});

describe('sources and modifications: background sentences of the description are not the product', () => {
  it('a definition ("MSCs reside in the bone marrow and can be induced to differentiate") gives no source and no modification', () => {
    const l = run({
      title: 'MSC transplantation in lupus',
      interventions: [{ name: 'Mesenchymal stem cells', description: 'Autologous MSC transplantation' }],
      description:
        'Mesenchymal stem cells are multipotent cells that reside in the bone marrow and can be induced to differentiate into bone and fat. Patients will receive expanded MSC infusions.',
    });
    expect(l.sources).toEqual([]);
    expect(l.modifications).toEqual([]);
    expect(l.routes).toEqual(['intravenous']);
  });
  it('a description sentence about the product still gives its source and modification', () => {
    const l = run({
      title: 'MSC transplantation in a liver disease',
      interventions: [{ name: 'Mesenchymal stem cells', description: 'MSC infusion' }],
      description:
        'Mesenchymal stem cells isolated from the bone marrow of each patient will be differentiated into hepatocyte-like cells before the infusion.',
    });
    expect(l.sources).toEqual(['bone_marrow']);
    expect(l.modifications).toEqual(['differentiated']);
  });
});

describe('spelling variants', () => {
  it('"intra articular" (spaced) is a route and "mesenchimal" an MSC term that marks the arm', () => {
    const l = run({
      title: 'Umbilical Cord Mesenchymal Stem Cells for Knee Osteoarthritis',
      interventions: [
        {
          name: 'Umbilical cord mesenchymal stromal cells',
          description: 'Allogeneic UC-MSCs diluted in platelet rich plasma',
        },
      ],
      arms: [
        {
          label: 'Intervention group',
          description:
            'Intra articular injection of umbilical-cord mesenchimal stem cells with platelet rich plasma',
        },
      ],
    });
    expect(l.routes).toEqual(['intra_articular']);
  });
  it('menstrual blood-derived stem cells (MenSCs) are MSC cells of endometrial/menstrual origin', () => {
    const l = run({
      title: 'Stem cells in type 1 diabetes',
      interventions: [
        {
          name: 'MenSCs',
          description: 'MenSCs are infused through the pancreatic artery or by intravenous infusion',
        },
      ],
    });
    expect(l.category).toBe('msc_cells');
    expect(l.sources).toEqual(['endometrial_menstrual']);
    expect(l.routes).toEqual(['intravenous', 'intra_arterial']);
  });
});

describe('routes: lesional injection in the central nervous system', () => {
  it('an intralesional injection in spinal cord injury is intracerebral (intraparenchymal), not a local injection', () => {
    const l = run({
      title: 'MSC in chronic spinal cord injury',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description: 'After laminectomy, autologous MSCs are injected into the lesion area.',
        },
      ],
      conditions: ['Spinal Cord Injury'],
    });
    expect(l.routes).toEqual(['intracerebral']);
    const edge = run({
      title: 'MSC in spinal cord injury',
      interventions: [
        {
          name: 'UC-MSCs',
          description: 'UC-MSCs were injected at 4 points in the edge of injured spinal cord.',
        },
      ],
      conditions: ['Spinal Cord Injuries'],
    });
    expect(edge.routes).toEqual(['intracerebral']);
  });
  it('an intralesional injection elsewhere stays a local injection', () => {
    const l = run({
      title: 'MSC in a tendon disease',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description: 'Intralesional injection of MSCs under ultrasound guidance.',
        },
      ],
      conditions: ['Tendinopathy'],
    });
    expect(l.routes).toEqual(['local_injection']);
  });
});

describe('routes: carrier-borne product placed in bone by surgery', () => {
  it('MSCs fixed in a bone graft with core decompression are intraosseous and surgically implanted', () => {
    const l = run({
      title: 'Expanded MSCs Fixed in Allogeneic Bone Tissue in Osteonecrosis',
      interventions: [
        {
          name: 'Tissue-engineered product',
          description:
            'Core decompression plus expanded autologous mesenchymal stem cells fixed in allogeneic bone tissue',
        },
      ],
      conditions: ['Osteonecrosis of the Femoral Head'],
    });
    expect(l.biomaterial).toBe(true);
    expect(l.routes).toEqual(['intraosseous', 'surgical_implantation']);
  });
  it('a plain intraosseous injection without a carrier stays intraosseous only', () => {
    const l = run({
      title: 'MSC in osteonecrosis',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description: 'Core decompression and implantation of expanded MSCs in saline',
        },
      ],
    });
    expect(l.routes).toEqual(['intraosseous']);
  });
});

describe('vocabulary: plurals and interstitial delivery', () => {
  it('"derived from patients\' bone marrows" names the bone-marrow source', () => {
    const l = run({
      title: 'Autologous MSC in cirrhosis',
      interventions: [
        { name: 'Autologous mesenchymal stem cells', description: 'Infused via peripheral vein' },
      ],
      description:
        "Autologous mesenchymal stem cells will be derived from patients' bone marrows and infused.",
    });
    expect(l.sources).toEqual(['bone_marrow']);
  });
  it('"interstitial delivery" of the cells is a local injection', () => {
    const l = run({
      title: 'MSC in a urological disease',
      interventions: [
        { name: 'Mesenchymal stem cells', description: 'Intravenous and interstitial delivery of MSCs' },
      ],
    });
    expect(l.routes).toEqual(['intravenous', 'local_injection']);
  });
});

describe('routes: more phrasings', () => {
  it('bronchoscopic delivery is "other"; injection into ovarian tissue is intra-ovarian', () => {
    expect(
      run({
        title: 'MSC in emphysema',
        interventions: [
          {
            name: 'Mesenchymal stromal cells',
            description: 'MSCs delivered bronchoscopically before valve insertion',
          },
        ],
      }).routes,
    ).toEqual(['other']);
    expect(
      run({
        title: 'MSC in ovarian insufficiency',
        interventions: [
          {
            name: 'Bone marrow mesenchymal stem cells',
            description: 'MSCs injected into ovarian tissue by laparoscopy',
          },
        ],
      }).routes,
    ).toEqual(['intrauterine_ovarian']);
  });
  it('injection "in the site of the tibia fracture" is intraosseous; "administered locally" / "in the chronic wound bed" a local injection', () => {
    expect(
      run({
        title: 'MSC in fractures',
        interventions: [
          { name: 'Mesenchymal stem cells', description: 'Injection of MSCs in the site of tibia fracture' },
        ],
      }).routes,
    ).toEqual(['intraosseous']);
    expect(
      run({
        title: 'MSC in ulcers',
        interventions: [
          {
            name: 'Mesenchymal stem cells',
            description: 'MSC injections administered locally at the target ulcer',
          },
        ],
      }).routes,
    ).toEqual(['local_injection']);
    expect(
      run({
        title: 'MSC in wounds',
        interventions: [
          {
            name: 'Mesenchymal stem cells',
            description: 'MSC injections will take place in the chronic wound bed',
          },
        ],
      }).routes,
    ).toEqual(['local_injection']);
  });
});

describe('donor and sources: more phrasings', () => {
  it('HLA-identical MSCs are allogeneic, unless the sentence reports earlier work', () => {
    expect(
      run({
        title: 'MSC in a bone disease',
        interventions: [
          { name: 'Mesenchymal stem cells', description: 'Five infusions of HLA-identical MSC' },
        ],
      }).donor,
    ).toBe('allogeneic');
    const bg = run({
      title: 'MSC in GVHD',
      interventions: [{ name: 'Mesenchymal stem cells', description: 'MSC infusion' }],
      description:
        'Others reported on patients who received culture-expanded MSCs from HLA-identical siblings.',
    });
    expect(bg.donor).toBe('unspecified');
  });
  it('tissue "harvested from the fat pad of the patients receiving" the treatment is autologous', () => {
    const l = run({
      title: 'Adipose MSC for a dental procedure',
      interventions: [
        {
          name: 'Adipose mesenchymal stem cells',
          description:
            'Adipose mesenchymal stem cells harvested from the fat pad of the patients receiving the graft',
        },
      ],
    });
    expect(l.donor).toBe('autologous');
  });
  it('MSCs isolated from a skin biopsy are other_tissue', () => {
    const l = run({
      title: 'MSC in venous ulcers',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description: 'Autologous MSCs will be isolated from a small skin biopsy and expanded',
        },
      ],
    });
    expect(l.sources).toEqual(['other_tissue']);
  });
});

describe('specialty: more condition vocabulary', () => {
  const spec = (conditions: string[]) =>
    run({ title: 'MSC therapy', interventions: [{ name: 'MSC' }], conditions }).specialty;
  it('maps meniscectomy, bone atrophy and bone marrow edema to musculoskeletal', () => {
    expect(spec(['Recovery Following Partial Meniscectomy'])).toBe('musculoskeletal');
    expect(spec(['Bone Atrophy'])).toBe('musculoskeletal');
    expect(spec(['Bone Marrow Edema'])).toBe('musculoskeletal');
  });
  it('maps limb ischaemia (reversed wording), air leaks, facial nerve injury and sexual dysfunction', () => {
    expect(spec(['Critical Ischemia of the Lower Limbs'])).toBe('cardiovascular');
    expect(spec(['Postoperative Air Leaks'])).toBe('pneumology');
    expect(spec(['Injury of Facial Nerve'])).toBe('neurology');
    expect(spec(['Sexual Dysfunction, Female'])).toBe('reproductive');
  });
});

describe('biomaterial: words that are not a carrier', () => {
  it('"umbilical cord matrix", "membrane antigens", "albumin (HA)" and mechanism sentences are not carriers', () => {
    const cord = run({
      title: 'MSC in psoriasis',
      interventions: [
        {
          name: 'Umbilical cord mesenchymal stem cells',
          description: 'MSCs isolated from umbilical cord matrix, given intravenously',
        },
      ],
    });
    expect(cord.biomaterial).toBe(false);
    expect(cord.sources).toEqual(['umbilical_cord']);
    const alb = run({
      title: 'MSC in xerostomia',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description: 'MSCs suspended in saline and human albumin (HA) 1%, injected into the gland',
        },
      ],
    });
    expect(alb.biomaterial).toBe(false);
    const mech = run({
      title: 'MSC in liver disease',
      interventions: [{ name: 'Mesenchymal stem cells', description: 'Intravenous MSC infusion' }],
      description:
        'MSCs may also inhibit stellate cells, the main source of extracellular matrix. In vitro, MSCs express membrane antigens.',
    });
    expect(mech.biomaterial).toBe(false);
  });
  it('a hyaluronic acid (HA) carrier and an extracellular-matrix patch placed with the cells still count', () => {
    expect(
      run({
        title: 'MSC in knee OA',
        interventions: [
          { name: 'Mesenchymal stem cells', description: 'MSCs mixed with HA, intra-articular injection' },
        ],
      }).biomaterial,
    ).toBe(true);
    expect(
      run({
        title: 'MSC with an epicardial extracellular matrix',
        interventions: [
          {
            name: 'WJ-MSCs',
            description: 'Injection of WJ-MSCs and placement of an epicardial extracellular matrix',
          },
        ],
      }).biomaterial,
    ).toBe(true);
  });
});

describe('sources: more background and false-positive wording', () => {
  it('"the effects of bone marrow-derived MSCs have also been studied" is background', () => {
    const l = run({
      title: 'MSC in heart failure',
      interventions: [
        { name: 'Human mesenchymal stem cells', description: 'Transendocardial injection of hMSCs' },
      ],
      description:
        'The effects of bone marrow-derived mesenchymal stem cells (MSCs) have also been studied in heart failure.',
    });
    expect(l.sources).toEqual([]);
  });
  it('nasal mucosa as a site of adverse events and "perinatal brain injury" are not MSC sources', () => {
    const l = run({
      title: 'MSC EVs in neonates',
      interventions: [
        {
          name: 'MSC extracellular vesicles',
          description: 'Intranasal administration of EVs derived from mesenchymal stromal cells',
        },
      ],
      description:
        'Safety analyses will assess damage of the nasal mucosa after intranasal EVs derived from MSCs. Biomarkers of perinatal brain injury from MSC EV treated infants will be measured.',
    });
    expect(l.sources).toEqual([]);
    const src = run({
      title: 'MSC from the nose',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description: 'MSCs isolated from nasal mucosa biopsies, injected locally',
        },
      ],
    });
    expect(src.sources).toEqual(['other_tissue']);
  });
});

describe('routes: background sentences of the description', () => {
  it('a route reported from earlier or animal work is not the route of the study product', () => {
    const l = run({
      title: 'MSC exosomes after stroke',
      interventions: [{ name: 'MSC exosomes' }],
      description:
        'Based on previous literature, intravenous administration of MSC-generated exosomes improved recovery in rats. In this trial MSC exosomes are delivered stereotactically.',
    });
    expect(l.routes).toEqual(['intracerebral']);
    const none = run({
      title: 'MSC in GVHD',
      interventions: [{ name: 'Mesenchymal stromal cells' }],
      description:
        'MSC infusions have been used to treat several disorders. The study product is given weekly.',
    });
    expect(none.routes).toEqual([]);
  });
});

describe('donor: background sentences', () => {
  it('"conventionally treated by allogeneic fillers" and animal-model comparisons do not state the donor', () => {
    const l = run({
      title: 'Fat grafts enriched with adipose MSCs',
      interventions: [
        {
          name: 'Adipose mesenchymal stem cells',
          description: 'Autologous fat graft enriched with expanded adipose MSCs',
        },
      ],
      description: 'Conventionally, contour defects are treated by allogenic fillers and fat grafting.',
    });
    expect(l.donor).toBe('autologous');
    const m = run({
      title: 'MSC in lupus nephritis',
      interventions: [{ name: 'Mesenchymal stem cells', description: 'MSC infusion' }],
      description:
        'The efficacy of allogeneic MSC transplantation was superior to autologous MSC transplantation in a mice model.',
    });
    expect(m.donor).toBe('unspecified');
  });
});

describe('category: observational follow-up of treated patients', () => {
  it('a long-term follow-up study of patients given MSCs in an earlier trial is msc_cells', () => {
    const l = run({
      title:
        'Long-term Follow up of Autologous Bone Marrow Derived Mesenchymal Stem Cells in a Urological Disease',
      studyType: 'OBSERVATIONAL',
      interventions: [{ name: 'No intervention', type: 'OTHER' }],
      summary:
        'This is a long term follow up study to evaluate the safety of autologous bone marrow derived mesenchymal stem cells in subjects who completed the phase 1 trial.',
    });
    expect(l.category).toBe('msc_cells');
  });
  it('an observational study characterising MSCs in the laboratory stays ex_vivo_only', () => {
    const l = run({
      title: 'Properties of Mesenchymal Stem Cells in Lung Transplant',
      studyType: 'OBSERVATIONAL',
      summary: 'Mesenchymal stem cells will be isolated from lavage samples and characterized in vitro.',
    });
    expect(l.category).toBe('ex_vivo_only');
  });
});

describe('modifications: ex vivo gene therapy', () => {
  it('"ex vivo gene therapy using autologous MSCs" is genetically modified; a "Laboratory of Cell and Gene Therapy" is not', () => {
    expect(
      run({
        title: 'Ex Vivo Gene Therapy Using Autologous Mesenchymal Stem Cells',
        interventions: [{ name: 'Autologous MSCs' }],
      }).modifications,
    ).toEqual(['genetically_modified']);
    expect(
      run({
        title: 'MSC therapy',
        interventions: [
          {
            name: 'Mesenchymal stem cells',
            description:
              'MSCs expanded at the Laboratory of Cell and Gene Therapy and injected intravenously',
          },
        ],
      }).modifications,
    ).toEqual([]);
  });
});

describe('donor: earlier work cited in the description', () => {
  it('"in 2012 ... autologous marrow cells were used" and "in a phase 1 study, autologous ..." do not make an allogeneic cord product "both"', () => {
    const l = run({
      title: 'Umbilical Cord Mesenchymal Stem Cells for Cirrhosis',
      interventions: [{ name: 'Umbilical cord mesenchymal stem cells', description: 'UC-MSC infusion' }],
      description:
        'In 2012, a hospital carried out a study of autologous bone marrow stem cells. In a phase 1 study, autologous BM-MSC transplantation decreased the score.',
    });
    expect(l.donor).toBe('allogeneic');
  });
});

describe('modifications: priming, gene transfer and differentiation phrasings', () => {
  it('"preconditioned"/"primed" directly qualifying the MSC product, or "primed prior to injection", is primed', () => {
    expect(
      run({
        title: 'Preconditioned Autologous Bone Marrow MSCs for Heart Disease',
        interventions: [{ name: 'BM-MSCs', description: 'Intracoronary infusion' }],
      }).modifications,
    ).toEqual(['primed']);
    expect(
      run({
        title: 'MSC for knee osteoarthritis',
        interventions: [
          {
            name: 'Mesenchymal stem cells',
            description: 'Autologous mesenchymal stem cells primed prior to intra articular injection',
          },
        ],
      }).modifications,
    ).toEqual(['primed']);
    expect(
      run({
        title: 'MSC for emphysema',
        interventions: [
          {
            name: 'Mesenchymal stromal cells',
            description: 'MSC suspension cultured under 1% oxygen, given intravenously',
          },
        ],
      }).modifications,
    ).toEqual(['primed']);
  });
  it('"ischemic preconditioning" of the patient, a hypoxic condition of the patient and "pre-conditioning" as an arm schedule are not primed', () => {
    const l = run({
      title: 'MSC after myocardial infarction',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description: 'Intravenous MSC infusion immediately after randomization',
        },
      ],
      arms: [
        {
          label: 'Pre-conditioning',
          description: 'Patients receive secretome, then mesenchymal stem cells two weeks later',
        },
      ],
      summary:
        'Cells are infused early for the purpose of ischemic preconditioning in patients whose hypoxic condition persists.',
    });
    expect(l.modifications).toEqual([]);
  });
  it('a plasmid or "genetic material introduced" into the MSCs is genetically modified', () => {
    const l = run({
      title: 'MSC secreting a cytokine in cancer',
      interventions: [{ name: 'MSC-cytokine', description: 'Intraperitoneal infusion' }],
      description:
        'The MSCs will have genetic material introduced to them by a plasmid that will help produce the cytokine.',
    });
    expect(l.modifications).toEqual(['genetically_modified']);
  });
  it('"MSC differentiated to endometrium", "differentiated stem cells", "neuroinduced MSCs" and trans-differentiation before infusion are differentiated', () => {
    for (const description of [
      'MSC differentiated to endometrium is deposited in the uterine cavity.',
      'Differentiated stem cells are deposited in the uterine cavity.',
      'Autologous neuroinduced MSCs are injected intrathecally.',
      'After confirmation of the trans-differentiation into hepatocytes, the mesenchymal stem cells are infused.',
    ]) {
      expect(
        run({ title: 'MSC study', interventions: [{ name: 'Mesenchymal stem cells', description }] })
          .modifications,
        description,
      ).toEqual(['differentiated']);
    }
  });
  it('"undifferentiated MSC" and "in vitro differentiation" as a quality test are not differentiated', () => {
    const l = run({
      title: 'MSC study',
      interventions: [
        {
          name: 'Mesenchymal stem cells',
          description:
            'Undifferentiated MSC are infused. Quality tests: cell viability, in vitro differentiation, sterility.',
        },
      ],
    });
    expect(l.modifications).toEqual([]);
  });
});

describe('modifications: MSCs as carrier cells', () => {
  it('"delivery of an oncolytic virus by mesenchymal carrier cells" is an MSC product, genetically modified', () => {
    const l = run({
      title: 'Phase I study of product Z in metastatic melanoma',
      interventions: [
        {
          name: 'Product Z',
          description:
            'Delivery of a virus by mesenchymal carrier cells in patients with hepatic metastases.',
        },
      ],
    });
    expect(l.category).toBe('msc_cells');
    expect(l.modifications).toEqual(['genetically_modified']);
  });
});

describe('specialty: haematological malignancies with and without stem cell transplantation', () => {
  it('MSC co-transplanted with cord blood or haploidentical HSC in patients with many listed leukaemias is hematology_transplant', () => {
    const conditions = [
      'Acute Myeloid Leukemia',
      'Acute Lymphoblastic Leukemia',
      'Chronic Myeloid Leukemia',
      'Non-Hodgkin Lymphoma',
      'Multiple Myeloma',
      'Myelodysplastic Syndromes',
    ];
    for (const title of [
      'Co-transplant of UCB and mesenchymal stromal cells',
      'Umbilical cord blood transplantation with co-infusion of MSC',
      'MSC in haploidentical transplantation',
    ]) {
      const l = run({
        title,
        conditions,
        meshes: ['Leukemia', 'Lymphoma', 'Multiple Myeloma'],
        interventions: [{ name: 'Mesenchymal stromal cells' }],
      });
      expect(l.specialty, title).toBe('hematology_transplant');
    }
  });
  it('MSC given to treat a myelodysplastic syndrome itself is oncology', () => {
    const l = run({
      title: 'Umbilical cord mesenchymal stem cells in the treatment of myelodysplastic syndrome',
      conditions: ['Myelodysplastic Syndromes'],
      interventions: [{ name: 'Umbilical cord mesenchymal stem cells' }],
    });
    expect(l.specialty).toBe('oncology');
  });
});

describe('routes: harvest sites, exam words and more injection sites', () => {
  it('"subcutaneous fat/adipose tissue" harvested by liposuction is a source, not a route; injection "into the subcutaneous tissue" is', () => {
    const harvest = run({
      title: 'Adipose MSC for knee osteoarthritis',
      interventions: [
        {
          name: 'Adipose-derived mesenchymal stem cells',
          description:
            '150 mL subcutaneous abdominal adipose tissue will be harvested; the MSCs are injected intra-articularly.',
        },
      ],
    });
    expect(harvest.routes).toEqual(['intra_articular']);
    const inj = run({
      title: 'Adipose MSC for a finger disease',
      interventions: [
        {
          name: 'Adipose-derived mesenchymal stem cells',
          description: 'The cells are injected into the subcutaneous tissue of each finger.',
        },
      ],
    });
    expect(inj.routes).toEqual(['subcutaneous_intradermal']);
  });
  it('"intraocular pressure" measured at screening is not a route', () => {
    const l = run({
      title: 'Adipose stem cells for corneal disease',
      interventions: [{ name: 'Adipose-derived mesenchymal stem cells' }],
      description:
        'Screening includes visual acuity and intraocular pressure. Patients then receive the mesenchymal stem cells by subconjunctival injection.',
    });
    expect(l.routes).toEqual(['intraocular']);
  });
  it('vocal fold, rete testis, submucosal ("underneath the mucosal lesions"), fistula, transdermal and articular injection wordings', () => {
    const cases: Array<[string, string]> = [
      ['Autologous MSCs are injected into the vocal fold.', 'local_injection'],
      ['MSCs are injected into rete testis.', 'local_injection'],
      ['MSCs are injected directly underneath the mucosal lesions.', 'local_injection'],
      ['Injection of umbilical cord mesenchymal stem cells to fistula.', 'local_injection'],
      [
        'Transdermal injection of a filler composed of mesenchymal stem cells into the wrinkles.',
        'subcutaneous_intradermal',
      ],
      ['The MSCs are implanted in the knee by articular injection.', 'intra_articular'],
    ];
    for (const [description, route] of cases) {
      expect(
        run({ title: 'MSC study', interventions: [{ name: 'Mesenchymal stem cells', description }] }).routes,
        description,
      ).toEqual([route]);
    }
  });
  it('cells "implanted locally at the fracture site" are intraosseous', () => {
    const l = run({
      title: 'Autologous implantation of mesenchymal stem cells for tibial fractures',
      interventions: [{ name: 'Mesenchymal stem cells implantation' }],
      summary:
        "The cells will be isolated from the patient's bone marrow and implanted locally at the fracture site.",
    });
    expect(l.routes).toEqual(['intraosseous']);
  });
  it('a route far from the MSC term in a long sentence that administers the cells still counts', () => {
    const l = run({
      title: 'Autologous MSC in liver cirrhosis',
      interventions: [{ name: 'Mesenchymal stem cells' }],
      summary:
        'In this study the investigators will separate mesenchymal stem cells from the bone marrow of patients with end stage liver disease, then these cells will be expanded in the laboratory for several weeks, and finally these cells will be injected into the portal vein under ultrasound guidance.',
    });
    expect(l.routes).toEqual(['other']);
  });
});
