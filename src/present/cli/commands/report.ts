/**
 * `mscope report`: write the landscape report of one snapshot (HTML, Markdown, JSON, SVG figures, CSV/XLSX tables),
 * optionally restricted with --as-of / --filter and compared with a published review (--compare).
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../../model/errors.js';
import { filterFromPairs, type Filter } from '../../../analyze/filter.js';
import { currentCommand } from '../../report/provenance.js';
import { openStore } from '../../../store/index.js';
// heavy modules (vega, exceljs, the classifier) are imported when a command runs, not at CLI start-up
import { parseReview, type ReviewId } from '../../report/compare.js';
import { stageBar } from '../../report/progress.js';
import type { GenerateResult } from '../../report/write.js';
import type { ClassifiedStudy } from '../../../analyze/types.js';
import type { SnapshotInfo } from '../../../store/index.js';
import { openVocabularyNotes } from '../util/notes.js';
import { collect, snapshotRef } from '../util/options.js';

export interface ReportCliOptions {
  snapshot?: string;
  asOf?: string;
  out: string;
  compare?: string[];
  published?: string;
  filter?: string[];
  yearBasis: string;
  title?: string;
  json?: boolean;
}

/** --filter key=value (repeatable) and --as-of -> Filter (validated; errors name the option). */
export function filterFromOptions(pairs: readonly string[] = [], asOf?: string): Filter {
  return filterFromPairs(pairs, { 'as-of': asOf });
}

export function parseCompare(values: readonly string[] = []): ReviewId[] {
  return [
    ...new Set(
      values
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean)
        .map(parseReview),
    ),
  ];
}

/** The report options `report` and `run` share, validated. */
export interface ReportOptions {
  out: string;
  filter: Filter;
  compare: ReviewId[];
  published?: string;
  yearBasis: 'firstPosted' | 'start';
  title?: string;
}

/** --out, --filter/--as-of, --compare, --published, --year-basis and --title -> ReportOptions (errors name the option). */
export function reportOptions(
  opts: Pick<ReportCliOptions, 'out' | 'filter' | 'asOf' | 'compare' | 'published' | 'yearBasis' | 'title'>,
): ReportOptions {
  return {
    out: opts.out,
    filter: filterFromOptions(opts.filter, opts.asOf),
    compare: parseCompare(opts.compare),
    published: opts.published,
    yearBasis: parseYearBasis(opts.yearBasis),
    title: opts.title,
  };
}

/**
 * Shared by `report` and `run`: generate with a progress bar per report stage. The rows are given up (emptied once
 * the metrics are made: generateReport `releaseRows`).
 */
export async function writeReport(
  rows: ClassifiedStudy[],
  info: SnapshotInfo,
  rulesetVersion: string,
  opts: ReportOptions & { labelsFrom?: 'stored' | 'classified' },
): Promise<GenerateResult> {
  const { generateReport, STAGES } = await import('../../report/write.js');
  const bar = stageBar('report', 'stages');
  bar.start(STAGES.length);
  try {
    return await generateReport(rows, {
      outDir: resolve(opts.out),
      snapshot: {
        id: info.id,
        label: info.label,
        createdAt: info.createdAt,
        sources: info.sources,
        studyCount: info.studyCount,
      },
      rulesetVersion,
      labelsFrom: opts.labelsFrom,
      filter: opts.filter,
      metricsOptions: { yearBasis: opts.yearBasis },
      compare: opts.compare,
      publishedFile: opts.published,
      title: opts.title,
      command: currentCommand(),
      onStage: (_s, i) => bar.update(i),
      releaseRows: true,
    });
  } finally {
    bar.update(STAGES.length);
    bar.stop();
  }
}

export function printResult(
  r: GenerateResult,
  json: boolean | undefined,
  extra: Record<string, unknown> = {},
): void {
  const s = r.data.metrics.summary;
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ ...extra, outDir: r.outDir, report: resolve(r.outDir, 'report.html'), files: r.files, snapshot: r.data.snapshot, rulesetVersion: r.data.rulesetVersion, filter: r.data.filter, summary: s, comparisons: r.data.comparisons.map((c) => ({ review: c.review, rows: c.rows.length })), timingsMs: r.timings }, null, 2)}\n`,
    );
    return;
  }
  process.stdout.write(
    `report written to ${resolve(r.outDir, 'report.html')}\n` +
      `  ${r.files.length} files in ${r.outDir} (report.html, report.md, report.json, figures/, tables/, tables.xlsx)\n` +
      `  snapshot ${r.data.snapshot.id}: ${r.data.metrics.flow.identified} studies${r.data.asOf ? ` first posted on or before ${r.data.asOf}` : ''}, ${s.included} included, ${s.excluded} excluded, ${s.unclassified} unclassified\n` +
      (r.data.comparisons.length
        ? `  compared with: ${r.data.comparisons.map((c) => c.review).join(', ')}\n`
        : ''),
  );
}

export function parseYearBasis(v: string): 'firstPosted' | 'start' {
  if (v === 'firstPosted' || v === 'first-posted') return 'firstPosted';
  if (v === 'start') return 'start';
  throw new UsageError(`--year-basis "${v}": expected first-posted or start`);
}

async function run(opts: ReportCliOptions, cmd: Command): Promise<void> {
  const report = reportOptions(opts);
  const db = String(cmd.optsWithGlobals().db);
  const store = await openStore(db, { readOnly: true });
  try {
    const t0 = performance.now();
    // slim rows when the labels are stored (a whole registry fits), full studies otherwise
    const { loadReportSnapshot } = await import('../../../pipeline/compact.js');
    const bar = stageBar('load', 'studies');
    const loaded = await loadReportSnapshot(store, snapshotRef(opts.snapshot), {
      onProgress: (p) => bar.update(p.done, p.total),
    });
    bar.stop();
    for (const n of await openVocabularyNotes(store, loaded.info.id, report.filter))
      process.stderr.write(`mscope: note: ${n}\n`);
    // the report reads nothing more from the database: closing it gives back DuckDB's memory (its buffers and what
    // the load's queries kept: ~400 MB at 150,000 studies) before the report's own peak
    await store.close();
    const tLoaded = performance.now();
    const r = await writeReport(loaded.rows, loaded.info, loaded.rulesetVersion, {
      ...report,
      labelsFrom: loaded.labelsFrom,
    });
    printResult(r, opts.json, { labelsFrom: loaded.labelsFrom, loadMs: Math.round(tLoaded - t0) });
  } finally {
    await store.close();
  }
}

export function register(program: Command): void {
  program
    .command('report')
    .description(
      'write the landscape report of a snapshot: report.html (self-contained), report.md, report.json, figures/*.svg, tables/*.csv, tables.xlsx',
    )
    .option('--snapshot <id>', 'snapshot id or label (default: the latest)')
    .option(
      '--as-of <date>',
      'keep studies first posted on or before DATE (statuses stay those of the snapshot)',
    )
    .option('--out <dir>', 'output directory', 'report')
    .option(
      '--compare <review>',
      'add "published vs this snapshot" for jovic2022 or zhou2021 (repeatable or comma-separated)',
      collect,
    )
    .option(
      '--published <file>',
      'published-figures.json (default: ../shared/reference/published-figures.json)',
    )
    .option(
      '--filter <key=value>',
      'restrict the studies, e.g. --filter phase=PHASE1|PHASE2 --filter country=China (repeatable; keys as in the HTTP API)',
      collect,
    )
    .option('--year-basis <basis>', 'year of the "over time" charts: first-posted or start', 'first-posted')
    .option('--title <title>', 'report title')
    .option('--json', 'print the summary and file list as JSON')
    .action(async (opts: ReportCliOptions, cmd: Command) => run(opts, cmd));
}
