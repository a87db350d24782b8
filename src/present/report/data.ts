/**
 * ReportData: everything the report shows, as one JSON-serializable object (written verbatim as report.json).
 * Built from classified rows + context; rendering (HTML, Markdown, SVG, CSV, XLSX) only reads it.
 */
import { collapseTrials, type TrialCounts } from '../../analyze/trials/collapse.js';
import { preparedPassing, type Filter } from '../../analyze/filter.js';
import { computePreparedMetrics, type Metrics, type MetricsOptions } from '../../analyze/metrics.js';
import { namedTables, type NamedTable } from '../../analyze/tables.js';
import type { ClassifiedStudy } from '../../analyze/types.js';
import { reviewSummary, type ReviewSummary } from '../../analyze/review.js';
import { VERSION } from '../../version.js';
import type { Comparison } from './compare.js';

export interface ReportSnapshot {
  id: number | null;
  label: string | null;
  createdAt: string | null;
  sources: string[];
  studyCount: number;
}

export interface ReportData {
  generator: { name: 'mscope'; version: string };
  generatedAt: string;
  /** The command line that made the report (null when called as a library). */
  command: string | null;
  title: string;
  snapshot: ReportSnapshot;
  rulesetVersion: string | null;
  /** "stored": labels saved in the database for this ruleset; "classified": computed at report time. */
  labelsFrom: 'stored' | 'classified' | null;
  filter: Filter;
  asOf: string | null;
  /** Plain statements about what the numbers mean (as-of semantics, status drift, counting rules). */
  notes: string[];
  metrics: Metrics;
  /** Reviewer decisions among the reported studies (null when none was reviewed): the labels counted are the
   * effective ones (a decision wins over the classifier). */
  review: ReviewSummary | null;
  namedTables: NamedTable[];
  comparisons: Comparison[];
  figures: Array<{ id: string; title: string; regenerates: string | null; caption: string; file: string }>;
  /**
   * The snapshot's registrations grouped into trials across registries (analyze/trials), before the report
   * filter; null when every registration is in one registry (each is its own trial). Every number of the report
   * counts trials.
   */
  trials: TrialCounts | null;
}

export type { TrialCounts };

/** How many registrations merge into how many trials (null for a single-registry selection). */
export function trialCounts(rows: readonly ClassifiedStudy[]): TrialCounts | null {
  return collapseTrials(rows).counts;
}

export interface ReportContext {
  snapshot: ReportSnapshot;
  rulesetVersion: string | null;
  labelsFrom?: 'stored' | 'classified';
  filter?: Filter;
  metricsOptions?: MetricsOptions;
  generatedAt?: string;
  title?: string;
  /** The command line, for the provenance (see provenance.ts). */
  command?: string;
  /**
   * Set when the rows given are trials already (collapseTrials was called by the caller, with these counts);
   * otherwise the rows are registrations and buildReportData collapses them.
   */
  trials?: TrialCounts | null;
}

export function asOfNote(asOf: string | null): string | null {
  if (!asOf) return null;
  return `--as-of ${asOf}: only studies first posted on or before ${asOf} are counted. This is the closest the registry allows to "the database as it was then": every other field (status, enrollment, results, dates) is as of the snapshot, so statuses have drifted since ${asOf}.`;
}

/** Filter the rows and compute metrics + named tables; comparisons and figures are added by the caller. */
export function buildReportData(registrations: ClassifiedStudy[], ctx: ReportContext): ReportData {
  const { rows, counts } =
    ctx.trials !== undefined ? { rows: registrations, counts: ctx.trials } : collapseTrials(registrations);
  const filter = ctx.filter ?? {};
  // each row's prepared keys are built once and kept only for the rows within the filter, for this call
  const keptPrepared = preparedPassing(rows, filter);
  const kept = keptPrepared.map((p) => p.row);
  const metrics = computePreparedMetrics(keptPrepared, ctx.metricsOptions);
  const includedPrepared = keptPrepared.filter((p) => p.row.labels?.included === true);
  const included = includedPrepared.map((p) => p.row);
  const asOf = filter.asOf ?? null;
  const summary = reviewSummary(kept);
  const review = summary.trialsReviewed > 0 ? summary : null;
  const notes = [
    asOfNote(asOf),
    `Snapshot ${ctx.snapshot.id ?? '(none)'}${ctx.snapshot.label ? ` "${ctx.snapshot.label}"` : ''}: ${ctx.snapshot.studyCount} registry records${counts ? ` (${counts.registrations} registrations in ${Object.keys(counts.byRegistry).length} registries merged into ${counts.trials} trials: every number counts trials)` : ''}; ${metrics.flow.identified} after the filter; ${metrics.flow.included} included by the classifier (ruleset ${ctx.rulesetVersion ?? 'unknown'}).`,
    ctx.labelsFrom === 'classified'
      ? `No labels were stored for ruleset ${ctx.rulesetVersion ?? 'unknown'}: the studies were classified when this report was made (same rules, same result).`
      : null,
    review
      ? `${review.trialsReviewed} trials (${review.fieldsReviewed} label fields) were checked by a reviewer; their decisions replace the classifier's labels in every figure and table. The classifier currently disagrees with ${review.fieldsDisagreeing} of those decisions (${review.trialsCorrected} trials corrected)${review.changedSinceDecision.length ? `; ${review.changedSinceDecision.length} of them changed since the decision was made (a rule change worth a look: see the review section)` : ''}.`
      : null,
    'All landscape numbers count included studies only (MSC cells, MSC-derived cell-free products, stromal mixtures). Every table lists the NCT ids behind each number in report.json and the CSV files.',
    'Multi-valued labels (tissue sources, routes, modifications, countries) count a trial once under each value; stacked year charts use one group per trial.',
  ].filter((n): n is string => n !== null);
  return {
    generator: { name: 'mscope', version: VERSION },
    generatedAt: ctx.generatedAt ?? new Date().toISOString(),
    command: ctx.command ?? null,
    title: ctx.title ?? 'MSC clinical trials landscape',
    snapshot: ctx.snapshot,
    rulesetVersion: ctx.rulesetVersion,
    labelsFrom: ctx.labelsFrom ?? null,
    filter,
    asOf,
    notes,
    metrics,
    review,
    namedTables: namedTables(included, undefined, includedPrepared),
    comparisons: [],
    figures: [],
    trials: counts,
  };
}
