/**
 * What a reviewer decides against: the snapshot's rows (effective labels, review info) as the report sees them,
 * and the classifier's own value of a field, recorded with every new decision.
 */
import { userInfo } from 'node:os';
import type { ClassifiedStudy } from '../../analyze/types.js';
import { REVIEWER_RE, labelValue, type DecisionField, type DecisionInput } from '../../model/decisions.js';
import { UsageError } from '../../model/errors.js';
import type { Labels } from '../../model/labels.js';
import type { NewDecision } from '../../store/index.js';

/** The classifier's labels of a row (its own, not the effective ones). */
export const classifierLabels = (row: ClassifiedStudy): Labels | null =>
  row.review ? row.review.classifier : row.labels;

/** A new decision on `row`, stamped now, with the classifier's value and ruleset version. */
export function newDecision(
  row: ClassifiedStudy | undefined,
  input: DecisionInput,
  ctx: { snapshotId: number | null; now?: Date },
): NewDecision {
  const labels = row ? classifierLabels(row) : null;
  return {
    nctId: input.nctId,
    field: input.field,
    value: input.value,
    note: input.note ?? null,
    reviewer: input.reviewer,
    decidedAt: (ctx.now ?? new Date()).toISOString(),
    classifierValue: labels ? labelValue(labels, input.field as DecisionField) : null,
    rulesetVersion: labels?.rulesetVersion ?? null,
    snapshotId: ctx.snapshotId,
  };
}

/** --reviewer, else $MSCOPE_REVIEWER, else the login name. */
export function reviewerName(given?: string): string {
  const name = (given ?? process.env.MSCOPE_REVIEWER ?? safeUser()).trim();
  if (!REVIEWER_RE.test(name))
    throw new UsageError(
      `--reviewer: "${name}" is not a reviewer name (letters, digits, space . _ @ -; at most 64)`,
    );
  return name;
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'reviewer';
  }
}
