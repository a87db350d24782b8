/**
 * PRISMA-style flow from the classifier's screening decisions: records identified -> unclassified -> awaiting
 * classification (undetermined) -> excluded (by reason code) -> included (by category). Counts every row given (the caller's filter already applied).
 */
import type { PreparedStudy } from '../prepare.js';
import { Tally, type MetricRow, type MetricTable, type TallyContext } from './table.js';

export interface ScreeningFlow {
  /** Records in the snapshot after the filter. */
  identified: number;
  /** Records without labels for the ruleset in use. */
  unclassified: number;
  unclassifiedNctIds: string[];
  screened: number;
  /** Records awaiting classification (category `undetermined`: too little text to decide), never included. */
  awaiting: number;
  awaitingNctIds: string[];
  /** Screened records whose category label has low confidence (undetermined ones included). */
  lowConfidence: number;
  excluded: number;
  /** Excluded records by screening reason code (e.g. "exclude.mention_only_in_eligibility"). */
  excludedByReason: MetricRow[];
  included: number;
  /** Included records by category (msc_cells, msc_derived, stromal_mixture). */
  includedByCategory: MetricRow[];
  /** Included records by screening reason code. */
  includedByReason: MetricRow[];
}

export function screeningFlow(rows: readonly PreparedStudy[], ctx?: TallyContext): ScreeningFlow {
  const excl = new Tally(ctx);
  const inclCat = new Tally(ctx);
  const inclReason = new Tally(ctx);
  const keepIds = ctx?.ids ?? true;
  const unclassified: string[] = [];
  let nUnclassified = 0;
  const awaiting: string[] = [];
  let nAwaiting = 0;
  let lowConfidence = 0;
  let excluded = 0;
  let included = 0;
  for (let i = 0; i < rows.length; i++) {
    const id = rows[i]!.nctId;
    const labels = rows[i]!.row.labels;
    if (!labels) {
      nUnclassified++;
      if (keepIds) unclassified.push(id);
      continue;
    }
    if (labels.confidence?.category === 'low') lowConfidence++;
    if (labels.category === 'undetermined') {
      nAwaiting++;
      if (keepIds) awaiting.push(id);
    } else if (labels.included) {
      included++;
      inclCat.addKey(labels.category, null, id, i);
      inclReason.addKey(labels.screeningReason, null, id, i);
    } else {
      excluded++;
      excl.addKey(labels.screeningReason, null, id, i);
    }
  }
  return {
    identified: rows.length,
    unclassified: nUnclassified,
    unclassifiedNctIds: unclassified.sort(),
    screened: rows.length - nUnclassified,
    awaiting: nAwaiting,
    awaitingNctIds: awaiting.sort(),
    lowConfidence,
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
    ...(flow.awaiting > 0
      ? [
          {
            key: 'awaiting',
            keys: ['awaiting classification', ''],
            count: flow.awaiting,
            nctIds: flow.awaitingNctIds,
          },
        ]
      : []),
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
