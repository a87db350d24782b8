/**
 * The review queue and reproducible review samples. Pure functions over ClassifiedStudy rows.
 *
 * Queue order: trials whose labels are least certain first, then those whose category was decided between
 * conflicting cues, then the rest; within a tier, fewer evidence spans first, then NCT order. How "least certain"
 * is read lives in ONE function, `reviewPriority`: it reads the classifier's per-label `confidence`
 * (high/medium/low) when the labels carry one, and until then falls back to what the labels have (no evidence
 * for the category; a screening reason of a decision between competing cues).
 *
 * Samples: every trial gets a rank from a hash of (seed, NCT id); a sample of N takes the N lowest ranks, so the
 * same seed gives the same sample whatever the order of the rows, and a trial's membership does not depend on
 * other trials being present. Stratified samples allocate N proportionally to the strata (largest remainder) and
 * take the lowest ranks within each.
 */
import type { ClassifiedStudy } from './types.js';
import type { Labels } from '../model/labels.js';

/** Screening reasons that record a decision between competing cues (mixture vs expanded, background mention …). */
const CONFLICT_REASONS: ReadonlySet<string> = new Set([
  'include.msc_cells.expanded_mixture',
  'include.stromal_mixture.not_expanded',
  'exclude.background_mention',
  'exclude.other_cell_therapy',
  'exclude.mention_only_in_eligibility',
]);

export interface Priority {
  /** 0 low confidence, 1 conflicting cues, 2 the rest. */
  tier: 0 | 1 | 2;
  /** Why, for the reviewer. */
  reason: string;
  /** Evidence spans (fewer first within a tier). */
  evidence: number;
}

/** Fields the classifier marks as low confidence, when its labels carry per-label confidence; null when they do not. */
export function lowConfidenceFields(labels: Labels): string[] | null {
  const c = (labels as Labels & { confidence?: unknown }).confidence;
  if (c === undefined || c === null) return null;
  if (typeof c === 'string') return c === 'low' ? ['labels'] : [];
  if (typeof c === 'object')
    return Object.entries(c as Record<string, unknown>)
      .filter(([, v]) => v === 'low')
      .map(([k]) => k)
      .sort();
  return null;
}

/** The queue tier of a trial's classifier labels (see the module comment). */
export function reviewPriority(labels: Labels | null): Priority {
  if (!labels) return { tier: 0, reason: 'not classified', evidence: 0 };
  const evidence = labels.evidence.length;
  const low = lowConfidenceFields(labels);
  if (low !== null && low.length > 0)
    return { tier: 0, reason: `low confidence: ${low.join(', ')}`, evidence };
  if (low === null && (labels as { category: string }).category !== 'unrelated') {
    if (!labels.evidence.some((e) => e.label === 'category'))
      return { tier: 0, reason: 'no evidence for the category', evidence };
  }
  const catValues = new Set(labels.evidence.filter((e) => e.label === 'category').map((e) => e.value));
  if (catValues.size > 1)
    return { tier: 1, reason: `conflicting cues: ${[...catValues].sort().join(' vs ')}`, evidence };
  if (CONFLICT_REASONS.has(labels.screeningReason))
    return { tier: 1, reason: `conflicting cues: ${labels.screeningReason}`, evidence };
  return { tier: 2, reason: labels.screeningReason, evidence };
}

export interface QueueItem {
  nctId: string;
  priority: Priority;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The review queue of `rows` (their classifier labels decide the order). `only` restricts it (a sample, in the
 * sample's order); `skipReviewed` drops trials with any decision.
 */
export function reviewQueue(
  rows: readonly ClassifiedStudy[],
  opts: { skipReviewed?: boolean } = {},
): QueueItem[] {
  const items: QueueItem[] = [];
  for (const r of rows) {
    if (opts.skipReviewed && r.review) continue;
    items.push({ nctId: r.study.nctId, priority: reviewPriority(r.review ? r.review.classifier : r.labels) });
  }
  return items.sort(compareQueueItems);
}

/** Queue order: tier, then fewer evidence spans, then NCT order (for callers that compute priorities themselves). */
export const compareQueueItems = (a: QueueItem, b: QueueItem): number =>
  a.priority.tier - b.priority.tier || a.priority.evidence - b.priority.evidence || cmp(a.nctId, b.nctId);

/** A 32-bit FNV-1a hash of (seed, id), mixed: a trial's rank in the sample of that seed. */
export function sampleRank(seed: number, id: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  h = Math.imul(h, 0x01000193);
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Single-valued label fields a sample may be stratified by. */
export const STRATA = ['category', 'included', 'donor', 'specialty'] as const;
export type Stratum = (typeof STRATA)[number];

/**
 * Draw `size` trials (NCT ids, in rank order) from `rows`, reproducibly for `seed`; with `stratify`, proportional
 * to the strata of the classifier's labels (unlabelled trials form their own stratum).
 */
export function drawSample(
  rows: readonly ClassifiedStudy[],
  size: number,
  seed: number,
  stratify?: Stratum,
): string[] {
  const ranked = rows
    .map((r) => ({ id: r.study.nctId, rank: sampleRank(seed, r.study.nctId), row: r }))
    .sort((a, b) => a.rank - b.rank || cmp(a.id, b.id));
  const n = Math.min(size, ranked.length);
  if (!stratify) return ranked.slice(0, n).map((x) => x.id);
  const groups = new Map<string, typeof ranked>();
  for (const x of ranked) {
    const l = x.row.review ? x.row.review.classifier : x.row.labels;
    const k = l ? String(l[stratify]) : '(unclassified)';
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(x);
  }
  const total = ranked.length;
  const alloc = [...groups].map(([k, g]) => {
    const exact = (n * g.length) / total;
    return { k, g, take: Math.floor(exact), rem: exact - Math.floor(exact) };
  });
  let left = n - alloc.reduce((s, a) => s + a.take, 0);
  for (const a of [...alloc].sort((x, y) => y.rem - x.rem || cmp(x.k, y.k))) {
    if (left <= 0) break;
    if (a.take < a.g.length) {
      a.take++;
      left--;
    }
  }
  return alloc
    .flatMap((a) => a.g.slice(0, a.take))
    .sort((a, b) => a.rank - b.rank || cmp(a.id, b.id))
    .map((x) => x.id);
}
