/**
 * `npm run bench`: every performance target of the project, measured in one run on this machine.
 *
 *  1. ingest     — the classic NDJSON replicated to >= 50,000 studies (unique NCT ids): throughput, peak RSS, and
 *                  the ratio of ingest time to a bare JSON.parse of the same lines (target <= 3); a smaller
 *                  corpus too, to show peak RSS does not grow with input size.
 *  2. classify   — classification of the same >= 50,000 studies vs JSON.parse of their lines (target <= 2), in a
 *                 child process (classify-stage.ts).
 *  3. report     — report generation on the 1,535-study corpus (target < 5 s), as a ratio to its ingest time.
 *  4. server     — /api/metrics and /api/studies latency p50/p95 on the real corpus and on >= 50,000 studies,
 *                  server in a second process, autocannon load (target p95 <= 100 ms at 50,000).
 *  5. literature — NCT-mention extraction over 10,000 documents (the seeds replicated).
 *  6. registries — ingest of the ANZCTR zip and the ICTRP exports vs a bare XML/CSV parse of the same bytes
 *                  (target <= 3); trial grouping of >= 50,000 replicated registrations (blocking, not quadratic).
 *  7. review     — applying 500 reviewer decisions vs report time at 1,535 studies (target ratio <= 0.10).
 *
 * Corpora are generated from ../shared at run time (set MSCOPE_SHARED to point elsewhere) into a temporary folder,
 * never committed. Results are printed and written to .bench/results.json (replacing the stages that ran, keeping the
 * others). Options: --quick (smaller corpora,
 * fewer requests; for a smoke run), --only a,b (stages).
 *
 * `--scale registry [--studies N]` runs instead the whole-registry bench (registry-scale.ts: a zip of N per-study v2
 * JSON files, default 600,000; ingest, classify, report, server) and adds its result to .bench/results.json under
 * `registry.<N>`, keeping the other results there.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClassifyBenchResult } from './classify-bench.js';
import { CLASSIC_NDJSON, replicatedCorpus, SHARED } from './corpus.js';
import { benchReport } from './report.js';
import { benchServer, type EndpointResult } from './server.js';
import { benchLiterature } from './literature.js';
import { benchReview } from './review.js';
import { benchRegistries } from './registries.js';
import { benchRegistryScale } from './registry-scale.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const CHILD = join(HERE, 'child.js');
const CLI = resolve(HERE, '..', '..', 'bin', 'mscope.js');

interface ChildResult {
  mode: string;
  seconds: number;
  items: number;
  maxRssMB: number;
}

function runNode(args: string[]): Promise<string> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', fail);
    child.on('close', (code) =>
      code === 0 ? ok(out) : fail(new Error(`${args.join(' ')} exited ${code}: ${err.trim()}`)),
    );
  });
}

async function child(mode: 'parse' | 'ingest', file: string, db?: string): Promise<ChildResult> {
  const out = await runNode([CHILD, mode, file, ...(db ? [db] : [])]);
  return JSON.parse(out.trim().split('\n').pop()!) as ChildResult;
}

const log = (s: string): void => {
  process.stderr.write(`${s}\n`);
};
const r2 = (x: number): number => Math.round(x * 100) / 100;

interface IngestBench {
  studies: number;
  parseSeconds: number;
  ingestSeconds: number;
  studiesPerSecond: number;
  ratio: number;
  peakRssMB: number;
  parsePeakRssMB: number;
}

async function benchIngest(file: string, dir: string, studies: number): Promise<IngestBench> {
  const db = join(dir, `ingest-${studies}.duckdb`);
  await rm(db, { force: true });
  await rm(`${db}.wal`, { force: true });
  // alternate parse / ingest so both see the same machine conditions; best of two each
  const p1 = await child('parse', file);
  const i1 = await child('ingest', file, db);
  await rm(db, { force: true });
  const p2 = await child('parse', file);
  const i2 = await child('ingest', file, db);
  const parse = Math.min(p1.seconds, p2.seconds);
  const ingest = Math.min(i1.seconds, i2.seconds);
  if (i1.items !== studies || i2.items !== studies)
    throw new Error(`ingest stored ${i1.items}/${i2.items} of ${studies} studies`);
  return {
    studies,
    parseSeconds: r2(parse),
    ingestSeconds: r2(ingest),
    studiesPerSecond: Math.round(studies / ingest),
    ratio: r2(ingest / parse),
    peakRssMB: Math.round(Math.max(i1.maxRssMB, i2.maxRssMB)),
    parsePeakRssMB: Math.round(Math.max(p1.maxRssMB, p2.maxRssMB)),
  };
}

async function cli(db: string, ...args: string[]): Promise<string> {
  return runNode([CLI, '--db', db, ...args]);
}

async function registryScale(argv: string[]): Promise<void> {
  const at = argv.indexOf('--studies');
  const studies = at >= 0 ? Number(argv[at + 1]) : 600_000;
  if (!Number.isInteger(studies) || studies < 1) throw new Error('--studies N: a positive whole number');
  const dir = await mkdtemp(join(tmpdir(), 'mscope-bench-registry-'));
  const os = await import('node:os');
  const started = { date: new Date().toISOString(), load: os.loadavg().map(r2), cpus: os.cpus().length };
  let result;
  try {
    result = await benchRegistryScale({ studies, dir, log });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const entry = {
    ...started,
    node: process.version,
    finished: new Date().toISOString(),
    loadAtEnd: os.loadavg().map(r2),
    ...result,
  };
  await mkdir('.bench', { recursive: true });
  const file = join('.bench', 'results.json');
  const all = existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>) : {};
  all.registry = {
    ...((all.registry as Record<string, unknown> | undefined) ?? {}),
    [String(studies)]: entry,
  };
  await writeFile(file, JSON.stringify(all, null, 2) + '\n');
  process.stdout.write(`${JSON.stringify(entry, null, 2)}\n`);
  log(`written to ${file} (registry.${studies})`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const scaleAt = argv.indexOf('--scale');
  if (scaleAt >= 0) {
    if (argv[scaleAt + 1] !== 'registry') throw new Error('--scale: the only scale is "registry"');
    if (!existsSync(CLASSIC_NDJSON))
      throw new Error(`needs the shared data at ${SHARED} (set MSCOPE_SHARED)`);
    return registryScale(argv);
  }
  const quick = argv.includes('--quick');
  const onlyArg = argv[argv.indexOf('--only') + 1];
  const only = argv.includes('--only') && onlyArg ? new Set(onlyArg.split(',')) : null;
  const want = (s: string): boolean => only === null || only.has(s);
  if (!existsSync(CLASSIC_NDJSON)) {
    log(`mscope bench: needs the shared data at ${SHARED} (set MSCOPE_SHARED)`);
    process.exitCode = 1;
    return;
  }
  const big = quick ? 6_000 : 50_000;
  const small = quick ? 1_535 : 12_000;
  const dir = await mkdtemp(join(tmpdir(), 'mscope-bench-'));
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: (await import('node:os')).cpus().length,
    quick,
  };
  try {
    log(`generating corpora (>= ${big} and >= ${small} studies) in ${dir}`);
    const bigCorpus = await replicatedCorpus(join(dir, 'big'), big);
    const smallCorpus = await replicatedCorpus(join(dir, 'small'), small);

    if (want('ingest')) {
      log('ingest: JSON.parse baseline vs mscope ingest (child processes)');
      const large = await benchIngest(bigCorpus.path, dir, bigCorpus.studies);
      const smaller = await benchIngest(smallCorpus.path, dir, smallCorpus.studies);
      results.ingest = { large, small: smaller, targetRatio: 3 };
      log(`  ${JSON.stringify(results.ingest)}`);
    }

    if (want('classify')) {
      log('classify: classification vs JSON.parse of the same lines (CPU time, in a child process)');
      // in a child process: its ~4 GB of studies and lines would slow every later stage of this one
      const out = await runNode([join(HERE, 'classify-stage.js'), bigCorpus.path]);
      const c = JSON.parse(out.trim().split('\n').pop()!) as ClassifyBenchResult;
      results.classify = {
        studies: c.studies,
        parseMs: Math.round(c.parseMs),
        classifyMs: Math.round(c.classifyMs),
        studiesPerSecond: Math.round(c.studies / (c.classifyMs / 1000)),
        ratio: r2(c.ratio),
        // the former measure (every label held until the round ends), for comparison
        classifyKeepingLabelsMs: Math.round(c.classifyKeepingLabelsMs),
        ratioKeepingLabels: r2(c.ratioKeepingLabels),
        targetRatio: 2,
      };
      log(`  ${JSON.stringify(results.classify)}`);
    }

    if (want('report')) {
      log('report: generation on the 1,535-study corpus vs its ingest time');
      const rep = await benchReport({ file: CLASSIC_NDJSON, runs: quick ? 2 : 4 });
      const ing = await child('ingest', CLASSIC_NDJSON, join(dir, 'real-ingest.duckdb'));
      results.report = {
        ...rep,
        ingestSeconds: r2(ing.seconds),
        ratioToIngest: r2(rep.medianSeconds / ing.seconds),
      };
      log(`  ${JSON.stringify(results.report)}`);
    }

    if (want('server')) {
      const server: Record<string, EndpointResult[]> = {};
      for (const [name, file] of [
        ['real', CLASSIC_NDJSON],
        [`replicated-${bigCorpus.studies}`, bigCorpus.path],
      ] as const) {
        const db = join(dir, `serve-${name}.duckdb`);
        log(`server: preparing ${name} (ingest + classify)`);
        await cli(db, 'ingest', file, '--label', name);
        await cli(db, 'classify');
        server[name] = await benchServer({ dbPath: db, label: name, ...(quick ? { amount: 50 } : {}) });
      }
      results.server = { ...server, targetP95Ms: 100 };
    }

    if (want('review')) {
      log('review: applying 500 reviewer decisions vs report generation at 1,535 studies');
      results.review = await benchReview({ file: CLASSIC_NDJSON, runs: quick ? 2 : 4 });
      log(`  ${JSON.stringify(results.review)}`);
    }

    if (want('literature')) {
      log('literature: extraction over 10,000 documents');
      results.literature = await benchLiterature({ docs: quick ? 1_000 : 10_000 });
      log(`  ${JSON.stringify(results.literature)}`);
    }

    if (want('registries')) {
      log('registries: ANZCTR/ICTRP ingest vs bare parse; trial grouping of replicated registrations');
      results.registries = { ...(await benchRegistries(quick)), targetRatio: 3 };
      log(`  ${JSON.stringify(results.registries)}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  await mkdir('.bench', { recursive: true });
  const file = join('.bench', 'results.json');
  // A run replaces the stages it ran and keeps the others (a `--only` run, the registry-scale results).
  const kept = existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>) : {};
  await writeFile(file, JSON.stringify({ ...kept, ...results }, null, 2) + '\n');
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  log(`written to ${file} (stages not run this time are kept)`);
}

main().catch((err: unknown) => {
  process.stderr.write(`mscope bench failed: ${(err as Error).message}\n`);
  process.exitCode = 1;
});
