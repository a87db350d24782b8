/**
 * The unit every analytics function works on: a normalized Study plus its classifier labels
 * (null when the study has not been classified under the ruleset in use).
 */
import type { Labels } from '../model/labels.js';
import type { Study } from '../model/study.js';
import type { ReviewInfo } from './review.js';

export interface ClassifiedStudy {
  study: Study;
  labels: Labels | null;
  /**
   * Present when a reviewer decided some field of this trial: `labels` are then the EFFECTIVE labels (decisions
   * applied, see review.ts) and `review.classifier` the classifier's own.
   */
  review?: ReviewInfo;
}
