/**
 * Report generation time on the real corpus (target: under 5 s for the 1,535-study classic file).
 * Reads ../shared/data/ctgov-classic-msc-2022/studies.ndjson (env MSCOPE_SHARED overrides ../shared), classifies it in
 * memory (not timed), then times generateReport (metrics, comparison, SVG figures, HTML/MD/JSON/CSV/XLSX, writing)
 * into a temporary directory: the first (cold: module JIT, font metrics) run and the median of the following ones.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MscopeError } from '../model/errors.js';
import { readStudies } from '../sources/index.js';
import { classify } from '../classify/index.js';
import type { ClassifiedStudy } from '../analyze/types.js';
import { generateReport } from '../present/report/index.js';
import { runIfMain } from './main.js';

export interface ReportBenchResult {
  studies: number;
  runs: number;
  /** First run in this process (includes vega/exceljs warm-up). */
  coldSeconds: number;
  /** Median of the warm runs. */
  medianSeconds: number;
  /** Per-stage milliseconds of the median run. */
  stagesMs: Record<string, number>;
  targetSeconds: number;
  withinTarget: boolean;
}

export function defaultCorpus(): string {
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  return join(
    process.env.MSCOPE_SHARED ?? resolve(repo, '..', 'shared'),
    'data',
    'ctgov-classic-msc-2022',
    'studies.ndjson',
  );
}

export async function benchReport(opts: { file?: string; runs?: number } = {}): Promise<ReportBenchResult> {
  const file = opts.file ?? defaultCorpus();
  const runs = Math.max(2, opts.runs ?? 4);
  if (!existsSync(file)) throw new MscopeError(`benchReport: no corpus ${file} (set MSCOPE_SHARED)`);
  const rows: ClassifiedStudy[] = [];
  for await (const r of readStudies(file)) rows.push({ study: r.study, labels: classify(r.study) });
  const published = resolve(dirname(file), '..', '..', 'reference', 'published-figures.json');
  const dir = await mkdtemp(join(tmpdir(), 'mscope-bench-report-'));
  const times: Array<{ s: number; stages: Record<string, number> }> = [];
  try {
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const r = await generateReport(rows, {
        outDir: dir,
        snapshot: { id: 1, label: 'bench', createdAt: null, sources: [file], studyCount: rows.length },
        rulesetVersion: 'bench',
        filter: { asOf: '2021-07-14' },
        ...(existsSync(published)
          ? { compare: ['jovic2022' as const, 'zhou2021' as const], publishedFile: published }
          : {}),
      });
      times.push({ s: (performance.now() - t0) / 1000, stages: r.timings });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const warm = times.slice(1).sort((a, b) => a.s - b.s);
  const med = warm[Math.floor((warm.length - 1) / 2)]!;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    studies: rows.length,
    runs,
    coldSeconds: round(times[0]!.s),
    medianSeconds: round(med.s),
    stagesMs: med.stages,
    targetSeconds: 5,
    withinTarget: times[0]!.s < 5 && med.s < 5,
  };
}

// `node dist/bench/report.js [runs]` runs it alone
runIfMain(import.meta.url, (runs) => benchReport({ runs }));
