/**
 * Dose distribution of per-kg cell doses (labels.dose with unit "cells/kg"), by route and by phase.
 * The dose of a trial is the low end of the stated per-administration dose (the high end when only that is known);
 * a trial with several routes counts under each. Absolute doses ("cells", not per kg) are counted but not mixed in.
 */
import type { PreparedStudy } from '../prepare.js';

const NCT_ID = /^NCT\d{8}$/;

/**
 * a.localeCompare(b) for NCT ids. Two well-formed ids (NCT + 8 digits) collate as their code units do (same
 * prefix and length, digits in numeric order), so they skip the slow locale comparison.
 */
function compareIds(a: string, b: string): number {
  if (NCT_ID.test(a) && NCT_ID.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}

export interface DoseStat {
  key: string;
  n: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  nctIds: string[];
}

export interface DosePoint {
  /** The trial; null for a pooled point (metrics without NCT ids), which stands for `trials` trials. */
  nctId: string | null;
  /** cells/kg per administration. */
  value: number;
  routes: string[];
  phase: string;
  administrations: number | null;
  /** Trials at this point: 1 with NCT ids; without them, trials with the same value, routes, phase and administrations are pooled. */
  trials: number;
}

export interface DoseMetrics {
  note: string;
  /** Trials with a per-kg dose. */
  perKgTrials: number;
  /** Trials with an absolute dose (total cells) only. */
  absoluteTrials: number;
  /** Trials without a dose the classifier could read. */
  noDoseTrials: number;
  overall: DoseStat | null;
  byRoute: DoseStat[];
  byPhase: DoseStat[];
  points: DosePoint[];
}

/** Quantile by linear interpolation between order statistics (type 7, as R's default). */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (b - a) * (h - lo);
}

function stat(key: string, pts: readonly DosePoint[], ids: boolean): DoseStat {
  // pts come sorted by value (doseMetrics sorts the points before grouping them)
  const v = pts.map((p) => p.value);
  const sig = (x: number) => Number(x.toPrecision(4));
  return {
    key,
    n: v.length,
    min: sig(v[0]!),
    q1: sig(quantile(v, 0.25)),
    median: sig(quantile(v, 0.5)),
    q3: sig(quantile(v, 0.75)),
    max: sig(v[v.length - 1]!),
    nctIds: ids ? pts.map((p) => p.nctId!).sort() : [],
  };
}

function groupStats(
  points: readonly DosePoint[],
  keysOf: (p: DosePoint) => readonly string[],
  ids: boolean,
): DoseStat[] {
  const groups = new Map<string, DosePoint[]>();
  for (const p of points)
    for (const k of keysOf(p)) {
      const g = groups.get(k);
      if (g === undefined) groups.set(k, [p]);
      else g.push(p);
    }
  return [...groups.entries()]
    .map(([k, pts]) => stat(k, pts, ids))
    .sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));
}

/** Dose metrics of the rows; `ids: false` leaves the per-group NCT id lists empty. */
const NOTE =
  'Per-administration dose in cells/kg body weight as read by the classifier (low end of a range). Trials with several routes count under each route. Quartiles by linear interpolation.';

export function doseMetrics(rows: readonly PreparedStudy[], opts: { ids?: boolean } = {}): DoseMetrics {
  const ids = opts.ids ?? true;
  const points: DosePoint[] = [];
  let absolute = 0;
  let none = 0;
  for (const r of rows) {
    if (r.doseKind === 0) {
      none++;
      continue;
    }
    if (r.doseKind === 1) {
      absolute++;
      continue;
    }
    points.push({
      nctId: r.nctId,
      value: r.dosePerKg,
      routes: [...r.routes],
      phase: r.phase,
      administrations: r.row.labels!.dose!.administrations,
      trials: 1,
    });
  }
  points.sort(
    ids ? (a, b) => a.value - b.value || compareIds(a.nctId!, b.nctId!) : (a, b) => a.value - b.value,
  );
  return {
    note: NOTE,
    perKgTrials: points.length,
    absoluteTrials: absolute,
    noDoseTrials: none,
    overall: points.length ? stat('all', points, ids) : null,
    byRoute: groupStats(points, (p) => p.routes, ids),
    byPhase: groupStats(points, (p) => [p.phase], ids),
    points: ids ? points : pooled(points),
  };
}

/**
 * Points sorted by value, without their NCT ids: one point per distinct (value, routes, phase, administrations),
 * carrying the number of trials, in value order and first-seen order within a value. A large snapshot's dose
 * strip plot is then a few hundred weighted points instead of one object per trial.
 */
function pooled(points: readonly DosePoint[]): DosePoint[] {
  const out: DosePoint[] = [];
  let runStart = 0;
  let byKey = new Map<string, DosePoint>();
  for (const p of points) {
    if (out.length > runStart && out[runStart]!.value !== p.value) {
      runStart = out.length;
      byKey = new Map();
    }
    const key = `${p.phase}\u0000${p.administrations ?? ''}\u0000${p.routes.join('\u0000')}`;
    const hit = byKey.get(key);
    if (hit) hit.trials++;
    else {
      const q: DosePoint = { ...p, nctId: null, trials: 1 };
      byKey.set(key, q);
      out.push(q);
    }
  }
  return out;
}

/** One pooled dose point as counted from columns: its key (value, routes, phase, administrations) and trials. */
export interface PooledDose {
  value: number;
  routes: readonly string[];
  phase: string;
  administrations: number | null;
  trials: number;
}

/** Value at position k of the values the pooled points stand for (each `trials` times), points sorted by value. */
function expandedAt(points: readonly PooledDose[], ends: readonly number[], k: number): number {
  let lo = 0;
  let hi = ends.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! > k) hi = mid;
    else lo = mid + 1;
  }
  return points[lo]!.value;
}

/** stat() of the trials the pooled points stand for (no NCT ids): the same numbers, from counts. */
function pooledStat(key: string, points: readonly PooledDose[]): DoseStat {
  const ends: number[] = [];
  let n = 0;
  for (const p of points) ends.push((n += p.trials));
  const q = (p: number): number => {
    // quantile() over the expanded sorted values
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.ceil(h);
    const a = expandedAt(points, ends, lo);
    const b = expandedAt(points, ends, hi);
    return a + (b - a) * (h - lo);
  };
  const sig = (x: number) => Number(x.toPrecision(4));
  return {
    key,
    n,
    min: sig(points[0]!.value),
    q1: sig(q(0.25)),
    median: sig(q(0.5)),
    q3: sig(q(0.75)),
    max: sig(points[points.length - 1]!.value),
    nctIds: [],
  };
}

/**
 * doseMetrics(rows, { ids: false }) from counts: `pooled` are the distinct (value, routes, phase, administrations)
 * of the per-kg trials in order of their first trial in row order, with their number of trials.
 */
export function pooledDoseMetrics(
  pooled: readonly PooledDose[],
  absolute: number,
  none: number,
): DoseMetrics {
  // stable: within a value, first-seen order (as doseMetrics' sort of the points, then its pooling)
  const points = [...pooled].sort((a, b) => a.value - b.value);
  const groups = (keysOf: (p: PooledDose) => readonly string[]): DoseStat[] => {
    const by = new Map<string, PooledDose[]>();
    for (const p of points)
      for (const k of keysOf(p)) {
        const g = by.get(k);
        if (g === undefined) by.set(k, [p]);
        else g.push(p);
      }
    return [...by.entries()]
      .map(([k, pts]) => pooledStat(k, pts))
      .sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));
  };
  let perKg = 0;
  for (const p of points) perKg += p.trials;
  return {
    note: NOTE,
    perKgTrials: perKg,
    absoluteTrials: absolute,
    noDoseTrials: none,
    overall: points.length ? pooledStat('all', points) : null,
    byRoute: groups((p) => p.routes),
    byPhase: groups((p) => [p.phase]),
    points: points.map((p) => ({
      nctId: null,
      value: p.value,
      routes: [...p.routes],
      phase: p.phase,
      administrations: p.administrations,
      trials: p.trials,
    })),
  };
}
