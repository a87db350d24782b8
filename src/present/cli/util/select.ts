/**
 * The one place an export (or any command) gets a snapshot's studies with their labels. `predicate` is
 * where a filter plugs in (e.g. analyze's applyFilter wrapped as a predicate).
 */
import type { ClassifiedStudy } from '../../../analyze/types.js';
import type { Store } from '../../../store/index.js';
import { applyToRow, latestDecisions } from '../../../analyze/review.js';

export type StudyPredicate = (row: ClassifiedStudy) => boolean;

export interface SelectOptions {
  /** Ruleset version of the labels to attach; the latest saved when omitted. */
  rulesetVersion?: string;
}

/**
 * Stream a snapshot's studies in NCT order with their effective labels (reviewer decisions applied; null when
 * unlabelled), keeping those `predicate` accepts.
 */
export async function* selectStudies(
  store: Store,
  snapshotId: number,
  predicate?: StudyPredicate,
  opts: SelectOptions = {},
): AsyncGenerator<ClassifiedStudy> {
  const labels = await store.loadLabels(snapshotId, opts.rulesetVersion);
  const decided = latestDecisions(await store.listDecisions());
  for await (const study of store.iterStudies(snapshotId)) {
    const row = applyToRow({ study, labels: labels.get(study.nctId) ?? null }, decided.get(study.nctId));
    if (!predicate || predicate(row)) yield row;
  }
}
