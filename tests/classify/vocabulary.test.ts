/**
 * Vocabulary that generalises (issue 11 item 7): classes of wording, each justified by GUIDELINE.md, as one case
 * table of the category family (fixture, expected category, expected reason, expected sources).
 */
import { describe, expect, it } from 'vitest';
import { classifyChecked } from './checked.js';
import type { Fixture } from './make.js';

const trial = (name: string, description: string, title = `A Phase 2 Trial of ${name}`): Fixture => ({
  title,
  summary: 'A randomized, double-blind trial.',
  conditions: ['Acute Respiratory Distress Syndrome'],
  interventions: [{ name, type: 'BIOLOGICAL', description }],
});

const CASES: Array<[string, Fixture, string, string, string[]]> = [
  // INN stems of MSC products (-mestrocel, -strocel, -stemcel), also for products no list names yet.
  [
    'INN -mestrocel',
    trial('Amimestrocel', 'Intravenous infusion of 1 million cells/kg.'),
    'msc_cells',
    'include.msc_cells',
    [],
  ],
  [
    'INN -strocel',
    trial('Zorvadstrocel', 'Injected into the fistula tract.'),
    'msc_cells',
    'include.msc_cells',
    [],
  ],
  [
    'INN -stemcel with suffix',
    trial('Ovastemcel-L', 'Two intravenous infusions.'),
    'msc_cells',
    'include.msc_cells',
    [],
  ],
  // Small EVs named as a compound with the cells' source: a derived product (GUIDELINE msc_derived).
  [
    'hUC-MSC-sEV code name',
    trial('hUC-MSC-sEV-001 nasal drops', 'Nasal drops twice daily.'),
    'msc_derived',
    'include.msc_derived',
    ['umbilical_cord'],
  ],
  [
    'BM-MSC-Exos',
    trial('BM-MSC-Exos', 'Nebulized once daily.'),
    'msc_derived',
    'include.msc_derived',
    ['bone_marrow'],
  ],
  // EV/exosome studies with no MSC source: no MSC product and no MSC studied -> unrelated, not ex_vivo_only.
  [
    'exosome biomarker study without MSCs',
    {
      title: 'Urinary Exosomes as Biomarkers of Kidney Injury',
      studyType: 'OBSERVATIONAL',
      conditions: ['Acute Kidney Injury'],
      interventions: [
        {
          name: 'Urine sampling',
          type: 'OTHER',
          description: 'Exosomes are isolated from urine and characterized in vitro.',
        },
      ],
      summary: 'Exosomes will be isolated and analysed in the laboratory.',
    },
    'unrelated',
    'exclude.no_msc_mention',
    [],
  ],
  // A general statement about MSCs inside the description of a derived-product intervention names no cells given.
  [
    'background sentence in an exosome intervention description',
    trial(
      'Placental MSC derived exosomes',
      'Mesenchymal stem cells exhibit immunomodulatory properties. The exosomes are injected into the fistula.',
    ),
    'msc_derived',
    'include.msc_derived',
    ['placenta_amnion'],
  ],
  // ... but a sentence that gives the cells still counts.
  [
    'cells given in the same description',
    trial(
      'Placental MSCs',
      'Mesenchymal stem cells exhibit immunomodulatory properties and are infused intravenously.',
    ),
    'msc_cells',
    'include.msc_cells',
    ['placenta_amnion'],
  ],
];

describe('category: vocabulary that generalises', () => {
  it.each(CASES)('%s', (_name, fixture, category, reason, sources) => {
    const l = classifyChecked(fixture);
    expect({ category: l.category, reason: l.screeningReason, sources: l.sources }).toEqual({
      category,
      reason,
      sources,
    });
  });
});
