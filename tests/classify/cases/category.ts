/** Category and screening: which studies give an MSC product, and why the others do not. */
import type { CaseTable } from './case.js';

export const cases: CaseTable = [
  {
    name: 'MSC mentioned only in the eligibility criteria is unrelated',
    guideline: 'an MSC named only where patients are screened is not an intervention',
    study: {
      title: 'Platelet-rich plasma injection for knee osteoarthritis',
      interventions: [{ name: 'Platelet-rich plasma', description: 'Single intra-articular PRP injection' }],
      eligibility: 'Exclusion Criteria:\n- previous treatment with mesenchymal stem cells',
      conditions: ['Knee Osteoarthritis'],
    },
    expect: {
      category: 'unrelated',
      included: false,
      screeningReason: 'exclude.mention_only_in_eligibility',
      sources: [],
      routes: [],
    },
  },
  {
    name: 'a "stromal tumour" is a disease, not a stromal cell product',
    study: {
      title: 'Imatinib in Gastrointestinal Stromal Tumor',
      summary:
        'Patients with resected gastrointestinal stromal tumour take imatinib 400 mg daily for three years.',
      interventions: [{ name: 'Imatinib', type: 'DRUG' }],
      conditions: ['GIST'],
    },
    expect: { category: 'unrelated', screeningReason: 'exclude.no_msc_mention' },
  },
  {
    name: 'a title-only record that names no MSC product is undetermined, never unrelated',
    guideline: 'undetermined: the record names no MSC product but lacks the fields that could',
    study: { title: 'Cell therapy for knee osteoarthritis', conditions: ['Knee Osteoarthritis'] },
    expect: { category: 'undetermined', included: false, confidence: { category: 'low' } },
  },
];
