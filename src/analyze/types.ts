/**
 * The unit every analytics function works on: a normalized Study plus its classifier labels
 * (null when the study has not been classified under the ruleset in use).
 */
import type { Labels } from '../model/labels.js';
import type { Study } from '../model/study.js';

export interface ClassifiedStudy {
  study: Study;
  labels: Labels | null;
}
