/**
 * PRISMA-style screening flow from classified studies: how many were identified, how many excluded for each
 * reason code, how many included in each category. Pure.
 */
import type { Labels } from '../model/labels.js';

export interface ScreeningSummary {
  identified: number;
  included: number;
  excluded: number;
  /** Studies awaiting classification (category `undetermined`), counted apart: neither included nor excluded. */
  awaiting: number;
  /** Per label field: how many labels were given with low confidence. */
  lowConfidence: Record<string, number>;
  /** Included studies per category (msc_cells, msc_derived, stromal_mixture). */
  includedByCategory: Record<string, number>;
  /** Excluded studies per screening reason code (e.g. exclude.ex_vivo_only). */
  excludedByReason: Record<string, number>;
  /** Every screening reason code with its count (included and excluded). */
  byReason: Record<string, number>;
  /** All studies per category. */
  byCategory: Record<string, number>;
}

const inc = (m: Record<string, number>, k: string): void => {
  m[k] = (m[k] ?? 0) + 1;
};

const sorted = (m: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(m).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));

export function screeningSummary(labels: readonly Labels[]): ScreeningSummary {
  const includedByCategory: Record<string, number> = {};
  const excludedByReason: Record<string, number> = {};
  const byReason: Record<string, number> = {};
  const byCategory: Record<string, number> = {};
  const lowConfidence: Record<string, number> = {};
  let included = 0;
  let awaiting = 0;
  for (const l of labels) {
    inc(byReason, l.screeningReason);
    inc(byCategory, l.category);
    for (const [k, c] of Object.entries(l.confidence ?? {})) if (c === 'low') inc(lowConfidence, k);
    if (l.category === 'undetermined') awaiting++;
    else if (l.included) {
      included++;
      inc(includedByCategory, l.category);
    } else inc(excludedByReason, l.screeningReason);
  }
  return {
    identified: labels.length,
    included,
    excluded: labels.length - included - awaiting,
    awaiting,
    lowConfidence,
    includedByCategory: sorted(includedByCategory),
    excludedByReason: sorted(excludedByReason),
    byReason: sorted(byReason),
    byCategory: sorted(byCategory),
  };
}

/** Plain-text rendering for the CLI. */
export function formatScreening(s: ScreeningSummary): string {
  const lines = [`identified  ${s.identified}`];
  if (s.awaiting > 0)
    lines.push(
      `awaiting    ${s.awaiting}  (undetermined: the records lack the text to decide; not included)`,
    );
  lines.push(`excluded    ${s.excluded}`);
  for (const [k, n] of Object.entries(s.excludedByReason)) lines.push(`  ${k.padEnd(40)} ${n}`);
  lines.push(`included    ${s.included}`);
  for (const [k, n] of Object.entries(s.includedByCategory)) lines.push(`  ${k.padEnd(40)} ${n}`);
  const low = Object.entries(s.lowConfidence);
  lines.push(`low-confidence labels: ${low.length ? low.map(([k, n]) => `${k} ${n}`).join(', ') : 'none'}`);
  return lines.join('\n') + '\n';
}
