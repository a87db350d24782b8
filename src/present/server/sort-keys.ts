/** Sort keys of /api/studies (data, not code): each reads one comparable value from a StudyRow, null sorts last. */
import type { StudyRow } from './dataset.js';

export interface SortSpec {
  value: (r: StudyRow) => string | number | null;
}

const lowerOrNull = (s: string | null) => (s === null || s === '' ? null : s.toLowerCase());

export const SORT_KEYS = {
  nctId: { value: (r) => r.nctId },
  title: { value: (r) => lowerOrNull(r.title) },
  phase: { value: (r) => r.phase },
  status: { value: (r) => r.status },
  studyType: { value: (r) => r.studyType },
  enrollment: { value: (r) => r.enrollment },
  startDate: { value: (r) => r.startDate },
  firstPosted: { value: (r) => r.firstPosted },
  sponsor: { value: (r) => lowerOrNull(r.sponsor) },
  country: { value: (r) => lowerOrNull(r.countries[0] ?? null) },
  category: { value: (r) => r.category },
  donor: { value: (r) => r.donor },
  specialty: { value: (r) => r.specialty },
  source: { value: (r) => r.sources[0] ?? null },
  route: { value: (r) => r.routes[0] ?? null },
} satisfies Record<string, SortSpec>;

export type SortKey = keyof typeof SORT_KEYS;
export const SORT_KEY_NAMES = Object.keys(SORT_KEYS) as SortKey[];

export function isSortKey(s: string): s is SortKey {
  return Object.prototype.hasOwnProperty.call(SORT_KEYS, s);
}
