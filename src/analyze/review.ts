/**
 * Effective labels: the reviewer's decision wins over the classifier. `applyDecisions` is the ONE place this
 * happens; every consumer (report, exports, `studies`, `diff`, the dashboard) loads rows through it, so every
 * figure counts the effective labels. Pure: classifier rows and stored decisions in, new rows out (the input rows
 * are not changed).
 *
 * Per (trial, field) the decision in force is the latest by `decidedAt` (ties: the later appended), whoever the
 * reviewer. A row with decisions carries `review`: the classifier's own labels and, per decided field, the
 * decision, the classifier's current value, whether they agree, and whether the classifier's value changed since
 * the decision was made (a rule change worth a look).
 */
import {
  sameValue,
  valueKey,
  labelValue,
  type Decision,
  type DecisionField,
  type DecisionValue,
} from '../model/decisions.js';
import { CATEGORIES, type Category, type Labels } from '../model/labels.js';
import type { ClassifiedStudy } from './types.js';

const INCLUDED: ReadonlySet<Category> = new Set<Category>(['msc_cells', 'msc_derived', 'stromal_mixture']);
export const isIncludedCategory = (c: Category): boolean => INCLUDED.has(c);
/** Screening reasons of a category the reviewer changed. */
export const REVIEW_REASON = { include: 'include.reviewer', exclude: 'exclude.reviewer' } as const;

export interface FieldReview {
  /** The decision in force. */
  decision: Decision;
  /** The classifier's value now (null when the study has no labels). */
  classifierValue: DecisionValue | null;
  /** The classifier's value now equals the decided value. */
  agrees: boolean;
  /** The classifier's value now differs from what it was when the decision was made. */
  changedSinceDecision: boolean;
}

export interface ReviewInfo {
  /** The classifier's labels (the row's `labels` are the effective ones). */
  classifier: Labels | null;
  fields: Partial<Record<DecisionField, FieldReview>>;
  /** Any decided field where the classifier's value differs from the decision. */
  disagrees: boolean;
}

/** The decision in force per trial and field. */
export function latestDecisions(decisions: readonly Decision[]): Map<string, Map<DecisionField, Decision>> {
  const out = new Map<string, Map<DecisionField, Decision>>();
  for (const d of decisions) {
    let m = out.get(d.nctId);
    if (!m) out.set(d.nctId, (m = new Map()));
    const cur = m.get(d.field);
    if (!cur || d.decidedAt > cur.decidedAt || (d.decidedAt === cur.decidedAt && d.seq > cur.seq))
      m.set(d.field, d);
  }
  return out;
}

/** The classifier labels with the decided values applied (evidence of overridden values dropped, reason `reviewer`). */
export function effectiveLabels(classifier: Labels, decided: ReadonlyMap<DecisionField, Decision>): Labels {
  const out: Labels = { ...classifier };
  const overridden = new Set<string>();
  for (const [field, d] of decided) {
    if (sameValue(field, labelValue(classifier, field), d.value)) continue;
    overridden.add(field);
    (out as Record<DecisionField, unknown>)[field] = d.value;
    if (field === 'category') {
      const cat = d.value as Category;
      out.included = isIncludedCategory(cat);
      out.screeningReason = out.included ? REVIEW_REASON.include : REVIEW_REASON.exclude;
    }
  }
  if (overridden.size) {
    // an overridden value's reason code is the reviewer's (the category's is screeningReason, set above)
    if (out.reasons) {
      const reasons: Record<string, string> = { ...out.reasons };
      for (const f of overridden) if (f in reasons) reasons[f] = 'reviewer';
      out.reasons = reasons as NonNullable<Labels['reasons']>;
    }
    out.evidence = classifier.evidence.filter((e) => {
      if (!overridden.has(e.label)) return true;
      const v = out[e.label as DecisionField];
      return Array.isArray(v) ? (v as string[]).includes(e.value) : String(v) === e.value;
    });
  }
  return out;
}

/** Review info of one trial (null when it has no decisions). */
export function reviewOf(
  classifier: Labels | null,
  decided: ReadonlyMap<DecisionField, Decision> | undefined,
): ReviewInfo | null {
  if (!decided || decided.size === 0) return null;
  const fields: Partial<Record<DecisionField, FieldReview>> = {};
  let disagrees = false;
  for (const [field, d] of decided) {
    const now = classifier ? labelValue(classifier, field) : null;
    const agrees = classifier !== null && sameValue(field, now, d.value);
    if (!agrees) disagrees = true;
    fields[field] = {
      decision: d,
      classifierValue: now,
      agrees,
      changedSinceDecision:
        classifier !== null && d.classifierValue !== null && !sameValue(field, now, d.classifierValue),
    };
  }
  return { classifier, fields, disagrees };
}

/** One row with the decisions in force applied (the row itself when there are none). */
export function applyToRow(
  row: ClassifiedStudy,
  decided: ReadonlyMap<DecisionField, Decision> | undefined,
): ClassifiedStudy {
  const classifier = row.review ? row.review.classifier : row.labels;
  const review = reviewOf(classifier, decided);
  // a trial row keeps its registrations (analyze/trials/collapse.ts)
  const trial = row.trial ? { trial: row.trial } : {};
  if (!review) return row.review ? { study: row.study, labels: classifier, ...trial } : row;
  return {
    study: row.study,
    labels: classifier ? effectiveLabels(classifier, decided!) : null,
    review,
    ...trial,
  };
}

/** Rows with the effective labels (rows without decisions are returned as they are). */
export function applyDecisions(
  rows: readonly ClassifiedStudy[],
  decisions: readonly Decision[],
): ClassifiedStudy[] {
  if (decisions.length === 0) return rows as ClassifiedStudy[];
  const latest = latestDecisions(decisions);
  return rows.map((r) => applyToRow(r, latest.get(r.study.nctId)));
}

/** A decided field where the classifier now disagrees although it agreed when the decision was made. */
export interface NewDisagreement {
  nctId: string;
  field: DecisionField;
  decided: DecisionValue;
  classifierThen: DecisionValue | null;
  classifierNow: DecisionValue | null;
  reviewer: string;
  decidedAt: string;
}

export interface ReviewSummary {
  trialsReviewed: number;
  fieldsReviewed: number;
  /** Trials whose effective labels differ from the classifier's somewhere (corrected by a reviewer). */
  trialsCorrected: number;
  /** Decided fields where the classifier's current value differs from the decision. */
  fieldsDisagreeing: number;
  /** Decided fields whose classifier value changed since the decision (rule changes), with the details. */
  changedSinceDecision: NewDisagreement[];
  /** Decided fields per field name. */
  byField: Array<{ field: DecisionField; reviewed: number; disagreeing: number }>;
}

export function reviewSummary(rows: readonly ClassifiedStudy[]): ReviewSummary {
  let trials = 0;
  let fieldsN = 0;
  let corrected = 0;
  let disagreeing = 0;
  const changed: NewDisagreement[] = [];
  const byField = new Map<DecisionField, { reviewed: number; disagreeing: number }>();
  for (const r of rows) {
    const rv = r.review;
    if (!rv) continue;
    trials++;
    if (rv.disagrees) corrected++;
    for (const [field, f] of Object.entries(rv.fields) as Array<[DecisionField, FieldReview]>) {
      fieldsN++;
      const b = byField.get(field) ?? { reviewed: 0, disagreeing: 0 };
      b.reviewed++;
      if (!f.agrees) {
        disagreeing++;
        b.disagreeing++;
      }
      byField.set(field, b);
      if (f.changedSinceDecision) {
        changed.push({
          nctId: r.study.nctId,
          field,
          decided: f.decision.value,
          classifierThen: f.decision.classifierValue,
          classifierNow: f.classifierValue,
          reviewer: f.decision.reviewer,
          decidedAt: f.decision.decidedAt,
        });
      }
    }
  }
  return {
    trialsReviewed: trials,
    fieldsReviewed: fieldsN,
    trialsCorrected: corrected,
    fieldsDisagreeing: disagreeing,
    changedSinceDecision: changed.sort((a, b) =>
      a.nctId < b.nctId ? -1 : a.nctId > b.nctId ? 1 : a.field < b.field ? -1 : 1,
    ),
    byField: [...byField]
      .map(([field, v]) => ({ field, ...v }))
      .sort((a, b) => b.reviewed - a.reviewed || (a.field < b.field ? -1 : 1)),
  };
}

/** Review states a filter can ask for. */
export const REVIEW_STATES = ['reviewed', 'unreviewed', 'disagrees'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** Does the row match the review state? "disagrees": some decided field where the classifier now says otherwise. */
export function reviewStateMatches(row: ClassifiedStudy, state: ReviewState): boolean {
  if (state === 'reviewed') return row.review !== undefined;
  if (state === 'unreviewed') return row.review === undefined;
  return row.review?.disagrees === true;
}

/** Categories in vocabulary order (for tables that list every category). */
export const CATEGORY_ORDER: readonly Category[] = CATEGORIES;

/** Two or more reviewers whose decisions in force on the same (trial, field) differ. */
export interface ReviewerConflict {
  nctId: string;
  field: DecisionField;
  /** Each reviewer's latest decision on it, by reviewer name. */
  decisions: Decision[];
}

/** Conflicts between reviewers: per (trial, field), each reviewer's latest decision; listed when values differ. */
export function reviewerConflicts(decisions: readonly Decision[]): ReviewerConflict[] {
  const byReviewer = new Map<string, Decision[]>();
  for (const d of decisions)
    (byReviewer.get(d.reviewer) ?? byReviewer.set(d.reviewer, []).get(d.reviewer)!).push(d);
  const latest = new Map<string, Map<string, Decision>>(); // "nct field" -> reviewer -> decision
  for (const [reviewer, list] of byReviewer) {
    for (const [nct, m] of latestDecisions(list)) {
      for (const [field, d] of m) {
        const key = `${nct} ${field}`;
        (latest.get(key) ?? latest.set(key, new Map()).get(key)!).set(reviewer, d);
      }
    }
  }
  const out: ReviewerConflict[] = [];
  for (const [key, m] of latest) {
    if (m.size < 2) continue;
    const ds = [...m.values()].sort((a, b) => (a.reviewer < b.reviewer ? -1 : 1));
    const values = new Set(ds.map((d) => valueKey(d.field, d.value)));
    if (values.size < 2) continue;
    const [nctId, field] = key.split(' ') as [string, DecisionField];
    out.push({ nctId, field, decisions: ds });
  }
  return out.sort((a, b) => (a.nctId < b.nctId ? -1 : a.nctId > b.nctId ? 1 : a.field < b.field ? -1 : 1));
}
