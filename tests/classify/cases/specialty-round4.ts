/** Specialty, generalisation round 4: a cancer of an organ is oncology; transient ischaemic attacks; spinal fusion. */
import type { Labels } from '../../../src/model/labels.js';
import type { CaseTable, LabelCase } from './case.js';

/** A study whose only decisive text is its condition list. */
function condition(
  name: string,
  conditions: string[],
  specialty: Labels['specialty'],
  guideline?: string,
): LabelCase {
  return {
    name,
    ...(guideline ? { guideline } : {}),
    study: { title: 'A registry study', interventions: [{ name: 'Standard care' }], conditions },
    expect: { specialty },
  };
}

export const cases: CaseTable = [
  condition(
    'a gastrointestinal stromal tumour is oncology, not gastroenterology',
    ['Gastrointestinal Stromal Tumour'],
    'oncology',
    'oncology is the principal area of a cancer, whatever its organ',
  ),
  condition('"GIST" alone is oncology', ['Gastric GIST'], 'oncology'),
  condition('a thyroid cancer is oncology, not endocrinology', ['Differentiated Thyroid Cancer'], 'oncology'),
  condition(
    'a bladder carcinoma is oncology, not nephrology/urology',
    ['Urothelial Carcinoma of the Bladder'],
    'oncology',
  ),
  condition('"carcinoma of the ovary" is oncology, not reproductive', ['Carcinoma of the Ovary'], 'oncology'),
  condition(
    'cervical intraepithelial neoplasia is oncology',
    ['Cervical Intraepithelial Neoplasia Grade 3'],
    'oncology',
  ),
  condition(
    'erectile dysfunction listed first, prostate cancer second: reproductive',
    ['Erectile Dysfunction', 'Prostate Cancer'],
    'reproductive',
  ),
  condition('a transient ischaemic attack is neurology', ['Transient Ischaemic Attack'], 'neurology'),
  condition('"TIA" is neurology', ['TIA'], 'neurology'),
  condition(
    'anterior cervical discectomy and fusion is musculoskeletal',
    ['Anterior cervical discectomy with interbody cage and fusion'],
    'musculoskeletal',
    'musculoskeletal: ... disc degeneration, back pain',
  ),
];
