/**
 * The screening summary (classify/screening.ts `screeningSummary`) counted label by label, so that classifying a
 * whole registry need not hold its labels to summarize them. Gives exactly screeningSummary's object for the same
 * labels in the same order (tests/pipeline/screening-tally.test.ts).
 */
import type { ScreeningSummary } from '../classify/screening.js';
import type { Labels } from '../model/labels.js';

/** What the tally reads of a label (classification workers send only this back when no labels are kept). */
export type TallyInput = Pick<Labels, 'category' | 'included' | 'screeningReason' | 'confidence'>;

const inc = (m: Record<string, number>, k: string): void => {
  m[k] = (m[k] ?? 0) + 1;
};

const sorted = (m: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(m).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));

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
