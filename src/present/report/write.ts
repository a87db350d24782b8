/**
 * generateReport: classified rows -> report directory
 *   report.html (self-contained), report.md, report.json, figures/*.svg, tables/*.csv, tables.xlsx.
 * The metrics and tables are computed first; each file is then written to a temp file as soon as it is rendered
 * (report.json, the CSV files and tables.xlsx streamed, so a registry-wide report is never one string in memory),
 * and all are renamed into place at the end: a failure never leaves a half-written report.json or report.html
 * behind, and files of other names in the directory are left alone.
 */
import { writeFileSync } from 'node:fs';
import { mkdir, readdir, rename, unlink } from 'node:fs/promises';
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
import { readableSheet, reportSheetMakers, writeSheetCsv, XlsxFileWriter } from './exports.js';
import { FileSink, writeJson, type TextSink } from '../stream-out.js';
import { provenanceOf, provenanceRows } from './provenance.js';

export interface GenerateOptions extends ReportContext {
  outDir: string;
  compare?: ReviewId[];
  /** Path of published-figures.json (default: ../shared/reference/published-figures.json, see compare.ts). */
  publishedFile?: string;
  /** Called at the start of each stage (for progress display). */
  onStage?: (stage: string, index: number, total: number) => void;
  /**
   * The caller gives the rows up: generateReport empties the array it was given (`length = 0`) once the metrics and
   * comparisons are made, so the figures and documents of a registry-wide report are written without the studies
   * in memory (the same files). The caller must not read the array afterwards.
   */
  releaseRows?: boolean;
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
  const collapsed =
    opts.trials !== undefined ? { rows: registrations, counts: opts.trials } : collapseTrials(registrations);
  const counts = collapsed.counts;
  let rows: ClassifiedStudy[] = collapsed.rows;
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
  if (opts.releaseRows) {
    // nothing below reads the studies: at registry scale they are most of the heap (README, Whole registry)
    registrations.length = 0;
    collapsed.rows = [];
    rows = [];
  }

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
  // every file is written to a temp name as soon as it is made (report.json and the tables streamed), then all are
  // renamed: a registry-wide report never holds its documents in memory at once, and a failure leaves none behind
  const out = new TempFiles(opts.outDir);
  try {
    await out.open();
    out.stream('report.json', (sink) => {
      writeJson(sink, data);
      sink.write('\n');
    });
    out.text('report.html', renderHtml(data, figures, prisma));
    out.text('report.md', renderMarkdown(data));
    out.text('figures/screening-flow.svg', prisma);
    for (const f of figures) out.text(`figures/${f.id}.svg`, f.svg);
    const sheets = reportSheetMakers(data);
    // provenance: the first sheet of tables.xlsx, and tables/provenance.json beside the CSV files
    const csvs = sheets.map((s) => `${s.name}.csv`);
    const provenance = provenanceOf(data, csvs);
    const xlsx = new XlsxFileWriter(
      out.reserve('tables.xlsx'),
      provenanceRows({ ...provenance, files: ['tables.xlsx'] }),
    );
    for (const m of sheets) {
      const sheet = m.make();
      out.stream(`tables/${m.name}.csv`, (sink) => writeSheetCsv(sink, sheet));
      await out.guard(() => xlsx.add(readableSheet(sheet)));
    }
    out.text('tables/provenance.json', JSON.stringify(provenance, null, 2) + '\n');
    await out.guard(() => xlsx.close());
    done('documents');

    t0 = stage('write');
    await out.commit();
  } catch (e) {
    await out.abort();
    throw e;
  }
  done('write');

  return { data, outDir: opts.outDir, files: out.names(), timings };
}

/**
 * The files of one report, written under temp names (name.tmp-<pid>) in the order they are made and renamed into
 * place together by commit(); abort() removes the temps. A file-system error is a MscopeError naming the folder.
 * The names are listed in the order written, files filled by another writer (tables.xlsx) last.
 */
class TempFiles {
  private readonly order: string[] = [];
  private readonly written = new Set<string>();
  private readonly suffix = `.tmp-${process.pid}`;
  private readonly reserved: string[] = [];

  constructor(private readonly outDir: string) {}

  private fail(e: unknown): never {
    if (e instanceof MscopeError) throw e;
    throw new MscopeError(`cannot write the report to ${this.outDir}: ${(e as Error).message}`, 1, {
      cause: e,
    });
  }

  private temp(name: string): string {
    return join(this.outDir, name + this.suffix);
  }

  private add(name: string): string {
    this.written.add(name);
    if (!this.order.includes(name)) this.order.push(name);
    return this.temp(name);
  }

  async open(): Promise<void> {
    try {
      await mkdir(join(this.outDir, 'figures'), { recursive: true });
      await mkdir(join(this.outDir, 'tables'), { recursive: true });
      await removeStaleTemps(this.outDir);
    } catch (e) {
      this.fail(e);
    }
  }

  async guard<T>(f: () => Promise<T>): Promise<T> {
    try {
      return await f();
    } catch (e) {
      this.fail(e);
    }
  }

  text(name: string, content: string | Buffer): void {
    try {
      writeFileSync(this.add(name), content);
    } catch (e) {
      this.fail(e);
    }
  }

  stream(name: string, fill: (sink: TextSink) => void): void {
    let path: string;
    try {
      path = this.add(name);
    } catch (e) {
      this.fail(e);
    }
    // an error of fill() itself (not of the file system) passes unchanged
    let sink: FileSink;
    try {
      sink = new FileSink(path);
    } catch (e) {
      this.fail(e);
    }
    try {
      fill(sink);
    } catch (e) {
      sink.abort();
      throw e;
    }
    try {
      sink.close();
    } catch (e) {
      this.fail(e);
    }
  }

  /** The temp path of a file another writer fills (tables.xlsx); it is listed last. */
  reserve(name: string): string {
    this.written.add(name);
    this.reserved.push(name);
    return this.temp(name);
  }

  names(): string[] {
    return [...this.order, ...this.reserved];
  }

  async commit(): Promise<void> {
    try {
      for (const name of this.names()) await rename(this.temp(name), join(this.outDir, name));
    } catch (e) {
      this.fail(e);
    }
  }

  async abort(): Promise<void> {
    await Promise.all([...this.written].map((name) => unlink(this.temp(name)).catch(() => {})));
  }
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
