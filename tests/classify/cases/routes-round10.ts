/**
 * Routes, generalisation round 10: cells given into the cerebrospinal fluid through the cisterna magna
 * ("intracisternal", "into the cisterna magna") are intrathecal; cells injected or implanted into a named brain
 * structure ("into the putamen", "into the bilateral striatum", "in the peri-infarct region") are intracerebral, not a
 * structure named as a site of a measurement.
 */
import { study, type CaseTable } from './case.js';

const INTRATHECAL = 'intrathecal (incl. lumbar puncture, subarachnoid, intracerebroventricular)';
const INTRACEREBRAL = 'intracerebral (intraparenchymal brain/spinal cord injection, stereotactic)';

export const cases: CaseTable = [
  {
    name: 'MSCs "injected into the cisterna magna": intrathecal',
    guideline: INTRATHECAL,
    study: study(
      'Stromal Cells in Amyotrophic Lateral Sclerosis',
      'MSCs injected into the cisterna magna under imaging.',
      ['ALS'],
    ),
    expect: { category: 'msc_cells', routes: ['intrathecal'] },
  },
  {
    name: '"Intracisternal administration of MSCs": intrathecal',
    guideline: INTRATHECAL,
    study: study('Stromal Cells in Cerebral Palsy', 'Intracisternal administration of MSCs, twice.', [
      'Cerebral Palsy',
    ]),
    expect: { routes: ['intrathecal'] },
  },
  {
    name: 'MSCs "injected into the putamen" / "implanted into the bilateral striatum": intracerebral',
    guideline: INTRACEREBRAL,
    study: study(
      'Stromal Cells in Parkinson Disease',
      'MSCs injected into the putamen; a second dose implanted into the bilateral striatum.',
      ["Parkinson's Disease"],
    ),
    expect: { routes: ['intracerebral'] },
  },
  {
    name: 'MSCs "injected in the peri-infarct region": intracerebral',
    guideline: INTRACEREBRAL,
    study: study('Stromal Cells in Chronic Stroke', 'MSCs injected in the peri-infarct region.', ['Stroke']),
    expect: { routes: ['intracerebral'] },
  },
  {
    name: 'a brain structure named as the site of a measurement ("atrophy in the hippocampus", "uptake in the putamen") is no route',
    guideline: INTRACEREBRAL,
    study: study(
      'Stromal Cells in Alzheimer Disease',
      'MSCs given intravenously; atrophy in the hippocampus is measured and dopamine uptake in the putamen is imaged.',
      ["Alzheimer's Disease"],
    ),
    expect: { routes: ['intravenous'] },
  },
];
