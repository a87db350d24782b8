/** Tier selection shared by the product-fact families (sources, donor, routes, ...). */
import type { Hit, StudyView, Tier } from './view.js';

/** Hits of the first non-empty group of tiers, in the order given (e.g. [[1, 2], [3]]). */
export function firstTier(v: StudyView, hits: Hit[], groups: ReadonlyArray<ReadonlyArray<Tier>>): Hit[] {
  for (const g of groups) {
    const sel = hits.filter((h) => g.includes(v.tier(h)));
    if (sel.length > 0) return sel;
  }
  return [];
}

/** Hits whose field sentence holds an MSC hit within `window` characters. */
export function nearMsc(v: StudyView, h: Hit, window: number): boolean {
  return v
    .inField(h.field)
    .some((m) => m.msc && (Math.abs(m.start - h.end) <= window || Math.abs(h.start - m.end) <= window));
}
