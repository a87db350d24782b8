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

/** What the tally reads of a label (classification workers send only this back when no labels are kept). */
export type TallyInput = Pick<Labels, 'category' | 'included' | 'screeningReason' | 'confidence'>;

/**
 * The screening summary counted label by label, so that classifying a whole registry need not hold its labels to
 * summarize them (pipeline/classify.ts).
 */
export class ScreeningTally {
  private identified = 0;
  private included = 0;
  private awaiting = 0;
  private readonly includedByCategory: Record<string, number> = {};
  private readonly excludedByReason: Record<string, number> = {};
  private readonly byReason: Record<string, number> = {};
  private readonly byCategory: Record<string, number> = {};
  private readonly lowConfidence: Record<string, number> = {};

  add(l: TallyInput): void {
    this.identified++;
    inc(this.byReason, l.screeningReason);
    inc(this.byCategory, l.category);
    for (const [k, c] of Object.entries(l.confidence ?? {})) if (c === 'low') inc(this.lowConfidence, k);
    if (l.category === 'undetermined') this.awaiting++;
    else if (l.included) {
      this.included++;
      inc(this.includedByCategory, l.category);
    } else inc(this.excludedByReason, l.screeningReason);
  }

  summary(): ScreeningSummary {
    return {
      identified: this.identified,
      included: this.included,
      excluded: this.identified - this.included - this.awaiting,
      awaiting: this.awaiting,
      lowConfidence: { ...this.lowConfidence },
      includedByCategory: sorted(this.includedByCategory),
      excludedByReason: sorted(this.excludedByReason),
      byReason: sorted(this.byReason),
      byCategory: sorted(this.byCategory),
    };
  }
}

export function screeningSummary(labels: readonly Labels[]): ScreeningSummary {
  const tally = new ScreeningTally();
  for (const l of labels) tally.add(l);
  return tally.summary();
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
