/**
 * generateReport: classified rows -> report directory
 *   report.html (self-contained), report.md, report.json, figures/*.svg, tables/*.csv, tables.xlsx.
 * Everything is rendered in memory first; files are then written via temp file + rename, so a failure never leaves
 * a half-written report.json or report.html behind, and files of other names in the directory are left alone.
 */
import { mkdir, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MscopeError } from '../../model/errors.js';
import { applyFilter, isEmptyFilter } from '../../analyze/filter.js';
import type { ClassifiedStudy } from '../../analyze/types.js';
import { collapseTrials } from '../../analyze/trials/collapse.js';
import { buildReportData, type ReportContext, type ReportData } from './data.js';
import { renderFigures } from './charts.js';
import { compareWith, loadPublished, resolvePublishedPath, type ReviewId } from './compare.js';
import { prismaSvg } from './prisma.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { readableSheet, reportSheets, sheetCsv, sheetsXlsx } from './exports.js';
import { provenanceOf, provenanceRows } from './provenance.js';

export interface GenerateOptions extends ReportContext {
  outDir: string;
  compare?: ReviewId[];
  /** Path of published-figures.json (default: ../shared/reference/published-figures.json, see compare.ts). */
  publishedFile?: string;
  /** Called at the start of each stage (for progress display). */
  onStage?: (stage: string, index: number, total: number) => void;
}

export interface GenerateResult {
  data: ReportData;
  outDir: string;
  /** Files written, relative to outDir. */
  files: string[];
  /** Milliseconds per stage. */
  timings: Record<string, number>;
}

export const STAGES = ['metrics', 'comparison', 'figures', 'documents', 'write'] as const;

export async function generateReport(
  registrations: ClassifiedStudy[],
  opts: GenerateOptions,
): Promise<GenerateResult> {
  // one row per trial (analyze/trials/collapse.ts): registrations of one trial in several registries count once
  const { rows, counts } =
    opts.trials !== undefined ? { rows: registrations, counts: opts.trials } : collapseTrials(registrations);
  const timings: Record<string, number> = {};
  let t0 = performance.now();
  const stage = (name: (typeof STAGES)[number]) => {
    const now = performance.now();
    opts.onStage?.(name, STAGES.indexOf(name), STAGES.length);
    return now;
  };
  const done = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - t0);
    t0 = now;
  };

  t0 = stage('metrics');
  const data = buildReportData(rows, { ...opts, trials: counts });
  done('metrics');

  t0 = stage('comparison');
  if (opts.compare?.length) {
    // the studies behind the numbers (same filter, included), for counts by text and the trials a review names
    const kept = isEmptyFilter(data.filter) ? rows : applyFilter(rows, data.filter);
    const counted = kept.filter((r) => r.labels?.included === true);
    const file = resolvePublishedPath(opts.publishedFile);
    const published = loadPublished(file);
    data.comparisons = opts.compare.map((r) =>
      compareWith(r, published, file, data.metrics, data.namedTables, {
        asOf: data.asOf,
        snapshotDate: opts.snapshot.createdAt,
        rows: { all: rows, counted },
      }),
    );
  }
  done('comparison');

  t0 = stage('figures');
  const figures = await renderFigures(data.metrics);
  const prisma = prismaSvg(data.metrics.flow, {
    total: Math.max(counts ? counts.trials : opts.snapshot.studyCount, data.metrics.flow.identified),
    filterNote: data.asOf ? `first posted after ${data.asOf}` : undefined,
    merged: counts
      ? {
          registrations: counts.registrations,
          registries: Object.keys(counts.byRegistry).length,
          trials: counts.trials,
        }
      : undefined,
  });
  data.figures = figures.map((f) => ({
    id: f.id,
    title: f.title,
    regenerates: f.regenerates,
    caption: f.caption,
    file: `figures/${f.id}.svg`,
  }));
  done('figures');

  t0 = stage('documents');
  const files = new Map<string, string | Buffer>();
  files.set('report.json', JSON.stringify(data, null, 2) + '\n');
  files.set('report.html', renderHtml(data, figures, prisma));
  files.set('report.md', renderMarkdown(data));
  files.set('figures/screening-flow.svg', prisma);
  for (const f of figures) files.set(`figures/${f.id}.svg`, f.svg);
  const sheets = reportSheets(data);
  for (const s of sheets) files.set(`tables/${s.name}.csv`, sheetCsv(s));
  // provenance: the first sheet of tables.xlsx, and tables/provenance.json beside the CSV files
  const csvs = sheets.map((s) => `${s.name}.csv`);
  const provenance = provenanceOf(data, csvs);
  files.set('tables/provenance.json', JSON.stringify(provenance, null, 2) + '\n');
  files.set(
    'tables.xlsx',
    await sheetsXlsx(sheets.map(readableSheet), provenanceRows({ ...provenance, files: ['tables.xlsx'] })),
  );
  done('documents');

  t0 = stage('write');
  try {
    await mkdir(join(opts.outDir, 'figures'), { recursive: true });
    await mkdir(join(opts.outDir, 'tables'), { recursive: true });
    await removeStaleTemps(opts.outDir);
    const tmpSuffix = `.tmp-${process.pid}`;
    try {
      await Promise.all(
        [...files].map(([name, content]) => writeFile(join(opts.outDir, name + tmpSuffix), content)),
      );
      for (const name of files.keys())
        await rename(join(opts.outDir, name + tmpSuffix), join(opts.outDir, name));
    } catch (e) {
      await Promise.all(
        [...files.keys()].map((name) => unlink(join(opts.outDir, name + tmpSuffix)).catch(() => {})),
      );
      throw e;
    }
  } catch (e) {
    throw new MscopeError(`cannot write the report to ${opts.outDir}: ${(e as Error).message}`, 1, {
      cause: e,
    });
  }
  done('write');

  return { data, outDir: opts.outDir, files: [...files.keys()], timings };
}

const TEMP = /\.tmp-(\d+)$/;

/** True unless the process `pid` is known to be gone. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Temp files a killed report run left in `outDir` (name.tmp-<pid> of a process that is gone) are removed. */
export async function removeStaleTemps(outDir: string): Promise<string[]> {
  const removed: string[] = [];
  for (const sub of ['', 'figures', 'tables']) {
    const dir = join(outDir, sub);
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const n of names) {
      const m = TEMP.exec(n);
      if (!m || Number(m[1]) === process.pid || alive(Number(m[1]))) continue;
      await unlink(join(dir, n)).catch(() => {});
      removed.push(join(sub, n));
    }
  }
  return removed;
}
