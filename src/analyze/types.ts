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
  /**
   * Present on the row of a trial registered more than once (analyze/trials/collapse.ts): `study` is then the
   * merged record and this names every registration and which one supplied each field and the labels.
   */
  trial?: TrialOfRow;
}

/** The registrations behind one trial row. */
export interface TrialOfRow {
  /** The trial id: its primary registration's (the row's study.nctId). */
  id: string;
  /** Every registration of the trial in the snapshot, primary first. */
  registrations: { registry: string; trialId: string }[];
  /** Study field -> id of the registration it was taken from. */
  fieldsFrom: Record<string, string>;
  /** Id of the registration whose labels the row carries. */
  labelsFrom: string;
  /**
   * The links that joined these registrations (analyze/trials/link.ts): explicit (a record names another by its
   * number; an ICTRP bridging flag is stated in the evidence) or probable (a score and the evidence for it).
   */
  links: TrialLink[];
}

/** One link between two registrations of a trial, as the grouping made it. */
export interface TrialLink {
  a: string;
  b: string;
  kind: 'explicit' | 'probable';
  score: number;
  evidence: string[];
}
