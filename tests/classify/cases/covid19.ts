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
  {
    name: 'the pandemic as the setting of a study about something else ("during the COVID-19 pandemic") is not a COVID-19 study',
    guideline: 'covid19: true if the study targets COVID-19 / SARS-CoV-2',
    study: {
      title: 'Psychological support for nurses during the COVID-19 pandemic',
      interventions: [{ name: 'Online counselling' }],
      conditions: ['Anxiety'],
    },
    expect: { covid19: false, reasons: { covid19: 'pandemic_setting' } },
  },
  {
    name: '"amid the novel coronavirus outbreak" and a "COVID-19 lockdown" name the setting, not the condition',
    guideline: 'covid19: true if the study targets COVID-19 / SARS-CoV-2',
    study: {
      title: 'Telemedicine follow-up of type 2 diabetes amid the novel coronavirus outbreak',
      interventions: [{ name: 'Telemedicine' }],
      conditions: ['Type 2 Diabetes'],
      keywords: ['COVID-19 lockdown'],
    },
    expect: { covid19: false, specialty: 'endocrinology', reasons: { covid19: 'pandemic_setting' } },
  },
  {
    name: '"ARDS during COVID-19" (no pandemic word) is COVID-19 ARDS: a COVID-19 study',
    guideline: 'covid19: incl. COVID ARDS',
    study: {
      title: 'Stromal cells for ARDS during COVID-19',
      interventions: [{ name: 'MSC' }],
      conditions: ['ARDS'],
    },
    expect: { covid19: true, reasons: { covid19: 'stated.title' } },
  },
  {
    name: 'the pandemic of the disease named before it ("during the epidemic of novel coronavirus pneumonia") is the setting',
    guideline: 'covid19: true if the study targets COVID-19 / SARS-CoV-2',
    study: {
      title:
        'Sleep hygiene education for shift workers during the epidemic of novel coronavirus pneumonia (NCP)',
      interventions: [{ name: 'Education' }],
      conditions: ['Insomnia'],
    },
    expect: { covid19: false, reasons: { covid19: 'pandemic_setting' } },
  },
  {
    name: 'a pandemic word after the disease name and its parenthesis ("pneumonia (COVID-19) epidemic") is the setting',
    study: {
      title:
        'Burnout of paramedics in the prevention and control of novel coronavirus pneumonia (COVID-19) epidemic',
      interventions: [{ name: 'Peer support' }],
      conditions: ['Burnout'],
    },
    expect: { covid19: false, reasons: { covid19: 'pandemic_setting' } },
  },
  {
    name: 'the rest of the disease name in the setting ("pneumonia" of "novel coronavirus pneumonia (COVID-19) epidemic") names no specialty',
    guideline: "specialty: the principal medical area of the study's condition",
    study: {
      title: 'Sleep quality of hospital porters during the novel coronavirus pneumonia (COVID-19) epidemic',
      interventions: [{ name: 'Questionnaire' }],
      conditions: ['Sleep disorder'],
    },
    expect: { covid19: false, specialty: 'other', reasons: { covid19: 'pandemic_setting' } },
  },
  {
    name: '"the epidemic of novel coronavirus pneumonia" as the setting gives no specialty either (the term there is "coronavirus")',
    guideline: "specialty: the principal medical area of the study's condition",
    study: {
      title: 'Burnout survey of pharmacists during the epidemic of novel coronavirus pneumonia',
      interventions: [{ name: 'Questionnaire' }],
      conditions: ['Burnout'],
    },
    expect: { covid19: false, specialty: 'other', reasons: { covid19: 'pandemic_setting' } },
  },
  {
    name: 'a COVID-19 term in the parenthesis of a disease name after "outbreak of" is the setting',
    study: {
      title: 'Yoga for teachers during the outbreak of new coronary pneumonia (COVID-19)',
      interventions: [{ name: 'Yoga' }],
      conditions: ['Stress'],
    },
    expect: { covid19: false, reasons: { covid19: 'pandemic_setting' } },
  },
  {
    name: 'staff "working in the COVID-19 field" are the setting of a staff study',
    study: {
      title: 'Mindfulness training for ICU nurses working in the COVID-19 field',
      interventions: [{ name: 'Mindfulness' }],
      conditions: ['Anxiety'],
    },
    expect: { covid19: false, reasons: { covid19: 'pandemic_setting' } },
  },
  {
    name: 'the MERS coronavirus and the 2003 SARS coronavirus are not SARS-CoV-2',
    guideline: 'covid19: true if the study targets COVID-19 / SARS-CoV-2',
    study: {
      title: 'Inactivated vaccine against Middle East respiratory syndrome coronavirus and SARS coronavirus',
      interventions: [{ name: 'Vaccine' }],
      conditions: ['MERS', 'Severe Acute Respiratory Syndrome'],
    },
    expect: { covid19: false, reasons: { covid19: 'none_stated' } },
  },
  {
    name: 'a coronavirus qualified as "(SARS-CoV)" or "(MERS-CoV)" is not SARS-CoV-2',
    study: {
      title: 'Convalescent plasma for a respiratory infection',
      interventions: [{ name: 'Plasma' }],
      conditions: ['Coronavirus (MERS-CoV)'],
    },
    expect: { covid19: false, reasons: { covid19: 'none_stated' } },
  },
  {
    name: '"severe acute respiratory syndrome coronavirus 2" is SARS-CoV-2',
    study: {
      title: 'Umbilical cord MSCs for severe acute respiratory syndrome coronavirus 2 infection',
      interventions: [{ name: 'UC-MSC' }],
      conditions: ['Viral pneumonia'],
    },
    expect: { covid19: true, specialty: 'pneumology', reasons: { covid19: 'stated.title' } },
  },
  {
    name: '"novel coronavirus pneumonia" is COVID-19',
    study: {
      title: 'Mesenchymal stem cells for severe novel coronavirus pneumonia',
      interventions: [{ name: 'MSC' }],
      conditions: ['Pneumonia'],
    },
    expect: { covid19: true, reasons: { covid19: 'stated.title' } },
  },
  {
    name: 'a title naming the pandemic as the setting and a COVID-19 condition: the condition decides',
    study: {
      title: 'Mesenchymal stromal cells for pneumonia during the COVID-19 pandemic',
      interventions: [{ name: 'MSC' }],
      conditions: ['COVID-19'],
    },
    expect: { covid19: true, specialty: 'pneumology', reasons: { covid19: 'stated.condition' } },
  },
  {
    name: 'a study of COVID-19 itself that also names the pandemic is a COVID-19 study',
    study: {
      title: 'MSC for COVID-19 ARDS during the pandemic',
      interventions: [{ name: 'MSC' }],
      conditions: ['ARDS'],
    },
    expect: { covid19: true, reasons: { covid19: 'stated.title' } },
  },
];
