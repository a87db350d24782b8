/**
 * Filter vocabulary for /api/meta: for each filter facet, the values present in the snapshot with their
 * study counts, using the same dimension keys as the filter (so every listed value is a valid filter value).
 * Facets that need labels are empty when the snapshot has none.
 */
import {
  countryKeys,
  donorKey,
  modificationKeys,
  phaseKey,
  productFormKey,
  registryKeys,
  routeKeys,
  sourceKeys,
  specialtyKey,
  statusKey,
  studyTypeKey,
} from '../../analyze/dimensions.js';
import type { ClassifiedStudy } from '../../analyze/types.js';

export interface FacetValue {
  value: string;
  count: number;
}

/** facet (= filter parameter name) -> keys of one study (data table, not if-chains). */
export const FACETS: Readonly<
  Record<string, { labels: boolean; keys: (r: ClassifiedStudy) => readonly string[] }>
> = {
  category: { labels: true, keys: (r) => [r.labels!.category] },
  confidence: { labels: true, keys: (r) => (r.labels!.confidence ? [r.labels!.confidence.category] : []) },
  source: { labels: true, keys: sourceKeys },
  donor: { labels: true, keys: (r) => [donorKey(r)] },
  route: { labels: true, keys: routeKeys },
  modification: { labels: true, keys: modificationKeys },
  specialty: { labels: true, keys: (r) => [specialtyKey(r)] },
  productForm: { labels: true, keys: (r) => [productFormKey(r) ?? ''].filter(Boolean) },
  product: { labels: true, keys: (r) => [r.labels!.product ?? 'none'] },
  included: { labels: true, keys: (r) => [String(r.labels!.included)] },
  covid19: { labels: true, keys: (r) => [String(r.labels!.covid19)] },
  phase: { labels: false, keys: (r) => [phaseKey(r.study)] },
  status: { labels: false, keys: (r) => [statusKey(r.study)] },
  studyType: { labels: false, keys: (r) => [studyTypeKey(r.study)] },
  country: { labels: false, keys: (r) => countryKeys(r.study) },
  registry: { labels: false, keys: registryKeys },
  review: {
    labels: false,
    keys: (r) =>
      r.review ? (r.review.disagrees ? ['reviewed', 'disagrees'] : ['reviewed']) : ['unreviewed'],
  },
};

export function facetCounts(rows: readonly ClassifiedStudy[]): Record<string, FacetValue[]> {
  const out: Record<string, FacetValue[]> = {};
  for (const [name, spec] of Object.entries(FACETS)) {
    const counts = new Map<string, number>();
    for (const r of rows) {
      if (spec.labels && !r.labels) continue;
      const keys = spec.keys(r);
      // each key once per study (lists are short: a key counts unless it came earlier in the list)
      for (let j = 0; j < keys.length; j++) {
        const k = keys[j]!;
        if (j > 0 && keys.lastIndexOf(k, j - 1) >= 0) continue;
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
    }
    out[name] = [...counts]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  }
  return out;
}

/** Min/max of a study date over the rows (ISO strings as registered), for the date inputs' bounds. */
export function dateRange(
  rows: readonly ClassifiedStudy[],
  get: (r: ClassifiedStudy) => string | undefined,
): [string, string] | null {
  let lo: string | null = null;
  let hi: string | null = null;
  for (const r of rows) {
    const d = get(r);
    if (!d) continue;
    if (lo === null || d < lo) lo = d;
    if (hi === null || d > hi) hi = d;
  }
  return lo && hi ? [lo, hi] : null;
}
