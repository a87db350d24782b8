/**
 * Third audit round (category): hand-written cases for classes of error found by reading unseen corpus studies
 * against the GUIDELINE. Every fixture is invented text describing the general case.
 */
import { describe, expect, it } from 'vitest';
import { classifyChecked } from './checked.js';

const run = classifyChecked;

describe('category: observational laboratory studies are ex_vivo_only', () => {
  it('skin cells reprogrammed into MSCs and gene-edited in the lab: the intervention gives nothing', () => {
    const l = run({
      title: 'Gene editing in a rare syndrome',
      studyType: 'OBSERVATIONAL',
      interventions: [
        {
          name: 'Work on patient cells',
          type: 'GENETIC',
          description:
            'Skin cells of the patients are reprogrammed into mesenchymal stem cells and corrected with CRISPR.',
        },
      ],
      summary:
        'We will obtain MSCs from each patient and edit the mutated gene with CRISPR/Cas9 to restore its function.',
    });
    expect(l.category).toBe('ex_vivo_only');
    expect(l.modifications).toEqual([]);
  });
  it('a derived product tested on tissue explants (treated with it in a laboratory sentence) is not given', () => {
    const l = run({
      title: 'Secretome of stromal cells on cartilage explants',
      studyType: 'OBSERVATIONAL',
      interventions: [
        {
          name: 'MSC secretome',
          description: 'Cartilage explants isolated during knee surgery are treated with MSC secretome.',
        },
      ],
    });
    expect(l.category).toBe('ex_vivo_only');
  });
  it('a follow-up study whose intervention names the MSC product still counts the patients as given it', () => {
    const l = run({
      title: 'Long-term follow-up of a knee trial',
      studyType: 'OBSERVATIONAL',
      interventions: [
        { name: 'Adipose mesenchymal stem cells', description: 'No intervention in this study.' },
      ],
    });
    expect(l.category).toBe('msc_cells');
  });
  it('MSCs mobilized into the blood of patients during surgery are measured, not given', () => {
    const l = run({
      title: 'Mobilization of mesenchymal stem cells after kidney transplantation',
      studyType: 'OBSERVATIONAL',
      interventions: [
        { name: 'blood draws', type: 'PROCEDURE', description: 'Blood drawn at four time points.' },
      ],
      description:
        'MSCs help the transplanted kidney. MSCs lower rejection after transplantation. The number of MSCs in blood is measured by flow cytometry.',
    });
    expect(l.category).toBe('ex_vivo_only');
  });
});

describe('category: other cell products with MSCs only in the background', () => {
  it('CD34+ cells given, bone marrow cells and MSCs only in the literature of the description: unrelated', () => {
    const l = run({
      title: 'Stem cell therapy for heart failure',
      interventions: [
        {
          name: 'CD34+ cell transplantation',
          description: 'Selected autologous cells given into the coronary artery.',
        },
      ],
      summary:
        'In a rat model, intramyocardial delivery of mesenchymal stem cells improved heart function. Intracoronary application of bone marrow mononuclear cells improved ejection fraction. We will test intracoronary CD34+ cells in heart failure.',
    });
    expect(l.category).toBe('unrelated');
  });
  it('a code-named cell product whose description says it contains MSCs among other cells is not an MSC product', () => {
    const l = run({
      title: 'Cord blood cells for knee osteoarthritis',
      interventions: [
        {
          name: 'Cord Blood Nucleated Cells (CB-NC)',
          type: 'BIOLOGICAL',
          description: 'Injected into the knee joint.',
        },
      ],
      summary:
        'Cord Blood Nucleated Cells contain hematopoietic stem cells, mesenchymal stem cells and endothelial progenitors. Patients receive one injection.',
    });
    expect(l.category).toBe('unrelated');
  });
  it('an arm labelled as a fat injection whose description names the MSCs in the fat is not an MSC product', () => {
    const l = run({
      title: 'Fat injection versus plasma for scars',
      interventions: [
        {
          name: 'fat injection into the scar',
          type: 'PROCEDURE',
          description: 'Liposuction and injection of the washed fat.',
        },
      ],
      arms: [
        {
          label: 'Fat injection into the scar',
          type: 'ACTIVE_COMPARATOR',
          description:
            'The washed aspirate keeps the adipocytes and the mesenchymal stem cells it holds alive.',
        },
      ],
    });
    expect(l.category).toBe('unrelated');
  });
});

describe('category: cells glossed as a stromal mixture', () => {
  it('"fat-derived stem cells (SVF)" in the title names the mixture given: stromal_mixture', () => {
    const l = run({
      title: 'Fat-derived stem cells (SVF) for knee pain',
      interventions: [{ name: 'Adipose derived stem cells', description: 'Injected into the knee joint.' }],
    });
    expect(l.category).toBe('stromal_mixture');
  });
  it('the same gloss with culture expansion stated stays msc_cells', () => {
    const l = run({
      title: 'Fat-derived stem cells (SVF) for knee pain',
      interventions: [
        {
          name: 'Adipose derived stem cells',
          description: 'Culture-expanded for three weeks, then injected into the knee joint.',
        },
      ],
    });
    expect(l.category).toBe('msc_cells');
  });
  it('"non-expanded" stated for the product outweighs culture expansion reported from earlier work with a citation', () => {
    const l = run({
      title: 'Adipose stem cells for kidney disease',
      interventions: [
        { name: 'Non-expanded autologous adipose stem cells', description: 'Injected intravenously once.' },
      ],
      description:
        'Kidney graft recipients in another trial received expanded autologous marrow MSCs [12]. Here the cells are given fresh.',
    });
    expect(l.category).toBe('stromal_mixture');
  });
});

describe('category: observational studies of patients given an MSC product', () => {
  it('"this study will evaluate the infusion" outweighs one generic laboratory sentence', () => {
    const l = run({
      title: 'MSC exosomes in children with sepsis',
      studyType: 'OBSERVATIONAL',
      summary:
        'This study will evaluate the effect of MSC-Exo infusion in children with sepsis. The technology for isolation and culture of MSCs is now mature.',
    });
    expect(l.category).toBe('msc_derived');
  });
  it('a hypothetical ("if MSCs were given to patients who received a transplant") does not outweigh it', () => {
    const l = run({
      title: 'Properties of MSCs of lung disease patients',
      studyType: 'OBSERVATIONAL',
      summary:
        'MSCs will be isolated from the bone marrow of the candidates. This models what would happen if MSCs were given to patients who received a transplant.',
    });
    expect(l.category).toBe('ex_vivo_only');
  });
  it('"MSCs are pluripotent stem cells" (a definition) does not make the source pluripotent-derived', () => {
    const l = run({
      title: 'MSCs for knee arthritis',
      interventions: [{ name: 'Mesenchymal stem cells', description: 'Injected into the knee.' }],
      description: 'Mesenchymal stem cells are pluripotent stem cells with self-renewal ability.',
    });
    expect(l.sources).toEqual([]);
  });
});

describe('category: donor and collection protocols give no product', () => {
  it('a bone marrow aspirate procedure for an MSC cell bank is laboratory material: ex_vivo_only', () => {
    const l = run({
      title: 'Cell bank of stromal cells: a marrow donor protocol',
      interventions: [{ name: 'Marrow aspiration', type: 'PROCEDURE', otherNames: ['marrow-derived MSC'] }],
      summary: 'Healthy donors give marrow from which MSCs are grown in culture.',
    });
    expect(l.category).toBe('ex_vivo_only');
  });
  it('MSCs named only in the titles, the only intervention a harvest of a marrow sample: ex_vivo_only', () => {
    const l = run({
      title: 'Mesenchymal stem cells: genetic changes with age',
      interventions: [
        {
          name: 'harvest of a small bone marrow sample',
          type: 'PROCEDURE',
          description: 'Taken during heart surgery.',
        },
      ],
      summary: 'Genetic alterations of MSCs will be measured by sequencing of the marrow samples.',
    });
    expect(l.category).toBe('ex_vivo_only');
  });
  it('arms of volunteers wanting to donate MSCs, titles about collection for production: ex_vivo_only', () => {
    const l = run({
      title: 'Collection of marrow for the production of MSC products',
      arms: [{ label: 'Donors', description: 'Healthy people wanting to donate MSCs for other patients' }],
    });
    expect(l.category).toBe('ex_vivo_only');
  });
});

describe('category: tissue-engineering laboratory work with hTERT/gene-modified MSCs', () => {
  it('MSCs separated from marrow harvested during surgery, transfected and used in an animal study: ex_vivo_only', () => {
    const l = run({
      title: 'Cartilage engineering from surgical waste',
      interventions: [
        { name: 'hip replacement', type: 'OTHER', description: 'Cartilage is taken during the operation.' },
      ],
      summary:
        'The investigators will harvest the spare bone marrow from drilling during the surgery to obtain the mesenchymal stem cells. These mesenchymal stem cells will be transfected with hTERT for use in an animal study.',
    });
    expect(l.category).toBe('ex_vivo_only');
    expect(l.modifications).toEqual([]);
  });
});

describe('category: cells given together with a derived product', () => {
  it('"MSCs enriched with extracellular vesicles" gives cells (both products: msc_cells), not MSC-derived EVs', () => {
    const l = run({
      title: 'Bone defects treated with MSCs enriched with EVs',
      interventions: [
        {
          name: 'Mesenchymal stem cells enriched with extracellular vesicles',
          description: 'Placed in the defect.',
        },
      ],
    });
    expect(l.category).toBe('msc_cells');
  });
  it('"MSC-derived extracellular vesicles" stays msc_derived', () => {
    const l = run({
      title: 'EVs for bone defects',
      interventions: [{ name: 'Mesenchymal stem cell derived extracellular vesicles' }],
    });
    expect(l.category).toBe('msc_derived');
  });
});

describe("category: a procedure acting on the patient's own MSCs gives no product", () => {
  it('brushing the synovium to release MSCs during microfracture, MSCs counted as the outcome: not an MSC product', () => {
    const l = run({
      title: 'Synovial brushing for endogenous mesenchymal stem cell mobilisation in cartilage repair',
      interventions: [
        { name: 'Synovial brushing', type: 'DEVICE', description: 'A brush used during knee arthroscopy.' },
      ],
      arms: [
        {
          label: 'Brushing group',
          type: 'EXPERIMENTAL',
          description: 'Microfracture plus synovial brushing to release synovial MSCs into the joint.',
        },
      ],
      description: 'The procedure is minimally manipulated.',
    });
    expect(['ex_vivo_only', 'unrelated']).toContain(l.category);
  });
});

describe('category: passage codes state culture expansion', () => {
  it('a trial with marrow concentrate and SVF arms plus cord MSCs frozen at P2: msc_cells', () => {
    const l = run({
      title: 'Three cell preparations for knee arthritis',
      interventions: [
        {
          name: 'Marrow MSCs',
          description:
            'Bone marrow aspirate concentrate prepared by centrifugation and injected into the knee.',
        },
        { name: 'Cord tissue MSCs', description: 'Frozen at P2 culture, thawed and injected into the knee.' },
      ],
    });
    expect(l.category).toBe('msc_cells');
  });
  it('a marrow concentrate arm alone stays stromal_mixture', () => {
    const l = run({
      title: 'Marrow preparation for knee arthritis',
      interventions: [
        {
          name: 'Marrow MSCs',
          description:
            'Bone marrow aspirate concentrate prepared by centrifugation and injected into the knee.',
        },
      ],
    });
    expect(l.category).toBe('stromal_mixture');
  });
});

describe('category: vocabulary gaps', () => {
  it('"mesenchymal stemcells" / "Mesenchymal StemCells" (no space) are MSCs', () => {
    const l = run({
      title: 'Transfer of marrow mononuclear and Mesenchymal StemCells into the heart',
      interventions: [
        { name: 'CombiCell', description: 'The two cell types are mixed and injected into the myocardium.' },
      ],
    });
    expect(l.category).toBe('msc_cells');
    const m = run({
      title: 'Islets in muscle',
      arms: [
        {
          label: 'Islets with cells',
          type: 'EXPERIMENTAL',
          description:
            'Islets mixed with autologous mesenchymal stemcells are transplanted into the arm muscle.',
        },
      ],
    });
    expect(m.category).toBe('msc_cells');
  });
  it('"The drug product is ... autologous mesenchymal cells" defines a code-named product: msc_cells', () => {
    const l = run({
      title: 'Cell-coated plug for anal fistula',
      interventions: [{ name: 'XR-77', type: 'DRUG' }],
      arms: [{ label: 'Plug', type: 'EXPERIMENTAL', interventionNames: ['Drug: XR-77'] }],
      description:
        'Fistulas are hard to treat. The drug product is a plug coated with autologous mesenchymal cells grown on a bioabsorbable matrix.',
    });
    expect(l.category).toBe('msc_cells');
  });
});
