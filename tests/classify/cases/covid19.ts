/** covid19: the study targets COVID-19 / SARS-CoV-2, said in any wording, and not when it says the opposite. */
import type { CaseTable } from './case.js';

export const cases: CaseTable = [
  {
    name: '"SARS-CoV-2 pneumonia" in the title is a COVID-19 study, in pneumology',
    guideline: 'covid19: true if the study targets COVID-19 / SARS-CoV-2; COVID-19 -> pneumology',
    study: {
      title: 'MSC for SARS-CoV-2 pneumonia',
      interventions: [{ name: 'MSC' }],
      conditions: ['Pneumonia, Viral'],
    },
    expect: { covid19: true, specialty: 'pneumology' },
  },
  {
    name: 'ARDS alone is not a COVID-19 study',
    study: { title: 'MSC for ARDS', interventions: [{ name: 'MSC' }], conditions: ['ARDS'] },
    expect: { covid19: false },
  },
  {
    name: 'a study of ARDS "not related to COVID-19" (Non-COVID-19) is not a COVID-19 study',
    study: {
      title: 'MSC for Non-COVID-19 Acute Respiratory Distress Syndrome',
      interventions: [{ name: 'MSC' }],
      conditions: ['ARDS'],
    },
    expect: { covid19: false, specialty: 'pneumology' },
  },
  {
    name: 'COVID-19 ARDS is a COVID-19 study',
    guideline: 'covid19: incl. COVID ARDS',
    study: { title: 'MSC for COVID-19 ARDS', interventions: [{ name: 'MSC' }], conditions: ['ARDS'] },
    expect: { covid19: true },
  },
];
