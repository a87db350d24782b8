/**
 * Validation of the classifier against reviewer decisions (a reviewed random sample), and agreement between two
 * reviewers: the statistics a review author reports in a methods section. Pure functions.
 *
 * - Single-valued fields: accuracy x/n with a Wilson score 95% interval; Cohen's kappa (classifier vs reviewer).
 * - Set-valued fields (sources, modifications, routes): micro-F1 over (trial, value) pairs with a 95% percentile
 *   bootstrap interval (trials resampled, fixed seed), plus exact-set agreement x/n with its Wilson interval;
 *   kappa treats each distinct set as one category.
 * - category: the confusion table (rows: reviewer, columns: classifier).
 */
import {
  DECISION_FIELDS,
  SET_DECISION_FIELDS,
  valueKey,
  type Decision,
  type DecisionField,
  type DecisionValue,
} from '../model/decisions.js';
import { labelValue } from '../model/decisions.js';
import type { Labels } from '../model/labels.js';
import { latestDecisions } from './review.js';

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/** Wilson score interval of x successes in n trials (n = 0: the whole [0, 1]). */
export function wilson(x: number, n: number, z = Z95): Interval {
  if (n === 0) return { low: 0, high: 1 };
  const p = x / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // at x = 0 and x = n the bound is exactly 0 / 1 (computed it can be off by one ulp)
  return { low: x === 0 ? 0 : Math.max(0, center - half), high: x === n ? 1 : Math.min(1, center + half) };
}

export interface Kappa {
  /** null when undefined (both raters used one and the same category for every item: pe = 1). */
  kappa: number | null;
  /** Observed agreement. */
  po: number;
  /** Agreement expected by chance from the raters' marginals. */
  pe: number;
  n: number;
}

/** Cohen's kappa of two raters' nominal ratings of the same items. */
export function cohenKappa(pairs: ReadonlyArray<readonly [string, string]>): Kappa {
  const n = pairs.length;
  if (n === 0) return { kappa: null, po: 0, pe: 0, n };
  const a = new Map<string, number>();
  const b = new Map<string, number>();
  let agree = 0;
  for (const [x, y] of pairs) {
    if (x === y) agree++;
    a.set(x, (a.get(x) ?? 0) + 1);
    b.set(y, (b.get(y) ?? 0) + 1);
  }
  let pe = 0;
  for (const [k, ca] of a) pe += (ca / n) * ((b.get(k) ?? 0) / n);
  const po = agree / n;
  return { kappa: pe >= 1 ? null : (po - pe) / (1 - pe), po, pe, n };
}

export interface SetCounts {
  tp: number;
  fp: number;
  fn: number;
}

/** Micro-F1 of predicted sets against reference sets (1 when both are empty everywhere). */
export function microF1(
  pairs: ReadonlyArray<readonly [readonly string[], readonly string[]]>,
): SetCounts & { f1: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [ref, pred] of pairs) {
    const r = new Set(ref);
    const p = new Set(pred);
    for (const v of p)
      if (r.has(v)) tp++;
      else fp++;
    for (const v of r) if (!p.has(v)) fn++;
  }
  const f1 = tp + fp + fn === 0 ? 1 : (2 * tp) / (2 * tp + fp + fn);
  return { tp, fp, fn, f1 };
}

/** A small seeded PRNG (mulberry32): the same seed gives the same numbers on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const BOOTSTRAP = { resamples: 2000, seed: 1 } as const;

/** 95% percentile bootstrap interval of micro-F1, resampling items (trials). */
export function bootstrapMicroF1(
  pairs: ReadonlyArray<readonly [readonly string[], readonly string[]]>,
  resamples: number = BOOTSTRAP.resamples,
  seed: number = BOOTSTRAP.seed,
): Interval {
  const n = pairs.length;
  if (n === 0) return { low: 0, high: 1 };
  const per = pairs.map((p) => microF1([p]));
  const rnd = prng(seed);
  const stats = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < n; i++) {
      const c = per[Math.floor(rnd() * n)]!;
      tp += c.tp;
      fp += c.fp;
      fn += c.fn;
    }
    stats[b] = tp + fp + fn === 0 ? 1 : (2 * tp) / (2 * tp + fp + fn);
  }
  stats.sort();
  const q = (p: number) => stats[Math.min(resamples - 1, Math.max(0, Math.round(p * (resamples - 1))))]!;
  return { low: q(0.025), high: q(0.975) };
}

export interface FieldValidation {
  field: DecisionField;
  kind: 'accuracy' | 'micro_f1';
  /** Trials of the sample with a decision on this field (and classifier labels). */
  n: number;
  /** Trials where the classifier's value equals the reviewer's (whole set for set fields). */
  agree: number;
  /** accuracy = agree / n; micro-F1 for set fields. */
  score: number;
  ci: Interval;
  ciMethod: 'wilson' | 'bootstrap';
  /** Exact agreement with its Wilson interval (= score/ci for single-valued fields). */
  exact: { x: number; n: number; ci: Interval };
  kappa: Kappa;
  /** Set fields: the micro counts. */
  micro?: SetCounts;
}

export interface ValidationReport {
  /** Trials considered (the sample, or every reviewed trial). */
  trials: number;
  /** Trials of those with at least one decision. */
  reviewedTrials: number;
  reviewers: string[];
  fields: FieldValidation[];
  /** category: confusion[reviewer][classifier] counts. */
  confusion: Record<string, Record<string, number>>;
}

const keyOf = (field: DecisionField, v: DecisionValue | null): string => valueKey(field, v);

/**
 * Score the classifier against the decisions in force, over `trials` (NCT ids: the sample; every decided trial
 * when omitted). `classifier` gives each trial's classifier labels.
 */
export function validateClassifier(
  decisions: readonly Decision[],
  classifier: ReadonlyMap<string, Labels>,
  trials?: readonly string[],
): ValidationReport {
  const latest = latestDecisions(decisions);
  const ids = trials ?? [...latest.keys()].sort();
  const fields: FieldValidation[] = [];
  const confusion: Record<string, Record<string, number>> = {};
  const reviewers = new Set<string>();
  let reviewedTrials = 0;
  for (const id of ids) if (latest.get(id)?.size && classifier.has(id)) reviewedTrials++;
  for (const field of DECISION_FIELDS) {
    const single: Array<[string, string]> = [];
    const sets: Array<[string[], string[]]> = [];
    for (const id of ids) {
      const d = latest.get(id)?.get(field);
      const l = classifier.get(id);
      if (!d || !l) continue;
      reviewers.add(d.reviewer);
      const pred = labelValue(l, field);
      single.push([keyOf(field, d.value), keyOf(field, pred)]);
      if (SET_DECISION_FIELDS.has(field)) sets.push([d.value as string[], pred as string[]]);
      if (field === 'category') {
        const row = (confusion[d.value as string] ??= {});
        row[pred as string] = (row[pred as string] ?? 0) + 1;
      }
    }
    if (single.length === 0) continue;
    const agree = single.filter(([a, b]) => a === b).length;
    const n = single.length;
    const exact = { x: agree, n, ci: wilson(agree, n) };
    const kappa = cohenKappa(single);
    if (SET_DECISION_FIELDS.has(field)) {
      const m = microF1(sets);
      fields.push({
        field,
        kind: 'micro_f1',
        n,
        agree,
        score: m.f1,
        ci: bootstrapMicroF1(sets),
        ciMethod: 'bootstrap',
        exact,
        kappa,
        micro: { tp: m.tp, fp: m.fp, fn: m.fn },
      });
    } else {
      fields.push({
        field,
        kind: 'accuracy',
        n,
        agree,
        score: agree / n,
        ci: exact.ci,
        ciMethod: 'wilson',
        exact,
        kappa,
      });
    }
  }
  return { trials: ids.length, reviewedTrials, reviewers: [...reviewers].sort(), fields, confusion };
}

export interface FieldAgreement {
  field: DecisionField;
  /** (trial, field) items both reviewers decided. */
  n: number;
  agree: number;
  ci: Interval;
  kappa: Kappa;
}

/** Agreement between two reviewers per field (each one's latest decision per trial and field). */
export function interRater(decisions: readonly Decision[], a: string, b: string): FieldAgreement[] {
  const la = latestDecisions(decisions.filter((d) => d.reviewer === a));
  const lb = latestDecisions(decisions.filter((d) => d.reviewer === b));
  const out: FieldAgreement[] = [];
  for (const field of DECISION_FIELDS) {
    const pairs: Array<[string, string]> = [];
    for (const [id, m] of la) {
      const da = m.get(field);
      const db = lb.get(id)?.get(field);
      if (da && db) pairs.push([keyOf(field, da.value), keyOf(field, db.value)]);
    }
    if (pairs.length === 0) continue;
    const agree = pairs.filter(([x, y]) => x === y).length;
    out.push({ field, n: pairs.length, agree, ci: wilson(agree, pairs.length), kappa: cohenKappa(pairs) });
  }
  return out;
}
