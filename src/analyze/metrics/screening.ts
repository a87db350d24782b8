/**
 * PRISMA-style flow from the classifier's screening decisions: records identified -> unclassified -> excluded
 * (by reason code) -> included (by category). Counts every row given (the caller's filter already applied).
 */
import type { ClassifiedStudy } from '../types.js';
import { Tally, type MetricRow, type MetricTable } from './table.js';

export interface ScreeningFlow {
  /** Records in the snapshot after the filter. */
  identified: number;
  /** Records without labels for the ruleset in use. */
  unclassified: number;
  unclassifiedNctIds: string[];
  screened: number;
  excluded: number;
  /** Excluded records by screening reason code (e.g. "exclude.mention_only_in_eligibility"). */
  excludedByReason: MetricRow[];
  included: number;
  /** Included records by category (msc_cells, msc_derived, stromal_mixture). */
  includedByCategory: MetricRow[];
  /** Included records by screening reason code. */
  includedByReason: MetricRow[];
}

export function screeningFlow(rows: readonly ClassifiedStudy[]): ScreeningFlow {
  const excl = new Tally();
  const inclCat = new Tally();
  const inclReason = new Tally();
  const unclassified: string[] = [];
  let excluded = 0;
  let included = 0;
  for (const r of rows) {
    const id = r.study.nctId;
    if (!r.labels) {
      unclassified.push(id);
      continue;
    }
    if (r.labels.included) {
      included++;
      inclCat.add([r.labels.category], id);
      inclReason.add([r.labels.screeningReason], id);
    } else {
      excluded++;
      excl.add([r.labels.screeningReason], id);
    }
  }
  return {
    identified: rows.length,
    unclassified: unclassified.length,
    unclassifiedNctIds: unclassified.sort(),
    screened: rows.length - unclassified.length,
    excluded,
    excludedByReason: excl.rows({ denominator: excluded || undefined }),
    included,
    includedByCategory: inclCat.rows({ denominator: included || undefined }),
    includedByReason: inclReason.rows({ denominator: included || undefined }),
  };
}

/** The flow as one flat table (stage, reason) for CSV/XLSX export. */
export function screeningTable(flow: ScreeningFlow): MetricTable {
  const rows: MetricRow[] = [
    { key: 'identified', keys: ['identified', ''], count: flow.identified, nctIds: [] },
    {
      key: 'unclassified',
      keys: ['unclassified', ''],
      count: flow.unclassified,
      nctIds: flow.unclassifiedNctIds,
    },
    ...flow.excludedByReason.map((r) => ({ ...r, key: `excluded|${r.key}`, keys: ['excluded', r.key] })),
    ...flow.includedByCategory.map((r) => ({ ...r, key: `included|${r.key}`, keys: ['included', r.key] })),
  ];
  return {
    id: 'screening',
    title: 'Screening flow (PRISMA-style)',
    dims: ['stage', 'reason'],
    unit: 'records',
    denominator: flow.identified,
    note: 'Records identified in the snapshot (after the filter), unclassified records, records excluded by the classifier screening reason code, and included records by category.',
    rows,
  };
}
