/**
 * `npm run bench -- --scale registry [--studies N]`: the whole-registry path at registry scale (default 600,000
 * studies). The shared corpus is replicated with fresh ids into a zip of one v2 JSON file per study (registry-corpus.ts,
 * in a temporary folder), then each stage runs in its own process (peak RSS is that stage's alone) beside the
 * bare-parse baseline of the same bytes in the same run:
 *
 *   ingest    `mscope ingest <zip>`'s path        vs  zip-parse: every member inflated, decoded, JSON.parse'd
 *   classify  `mscope classify` (labels saved)    vs  db-parse: JSON.parse of every stored study JSON
 *   report    `mscope report --filter included=true` (V8 heap capped at 4 GB, so a report that cannot fit fails
 *             instead of swapping the machine)
 *   server    `mscope serve`: load time, RSS, warm and cold latency (server.ts)
 *
 * The machine's 1-minute load average is recorded before and after every stage.
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registryZip } from './registry-corpus.js';
import { benchServer, type EndpointResult, type ServerInfo } from './server.js';

const CHILD = fileURLToPath(new URL('./child.js', import.meta.url));

export interface StageResult {
  mode: string;
  seconds: number;
  items: number;
  maxRssMB: number;
  cpuSeconds: number;
  load: [number, number];
}

const r2 = (x: number): number => Math.round(x * 100) / 100;
const load1 = (): number => r2(loadavg()[0]!);

function child(args: string[], nodeFlags: string[] = []): Promise<StageResult> {
  const before = load1();
  return new Promise((ok, fail) => {
    const p = spawn(process.execPath, [...nodeFlags, CHILD, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let out = '';
    let err = '';
    p.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    p.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    p.on('error', fail);
    p.on('close', (code, signal) => {
      if (code !== 0) {
        fail(
          new Error(`${args[0]} exited ${code ?? signal}: ${err.trim().split('\n').slice(-3).join(' | ')}`),
        );
        return;
      }
      const r = JSON.parse(out.trim().split('\n').pop()!) as Omit<StageResult, 'load'>;
      ok({
        ...r,
        seconds: r2(r.seconds),
        maxRssMB: Math.round(r.maxRssMB),
        cpuSeconds: r2(r.cpuSeconds),
        load: [before, load1()],
      });
    });
  });
}

export interface RegistryBench {
  studies: number;
  zip: { bytes: number; uncompressedBytes: number; generateSeconds: number };
  ingest: {
    run: StageResult;
    baseline: StageResult;
    ratio: number;
    cpuRatio: number;
    studiesPerSecond: number;
  };
  classify: {
    run: StageResult;
    baseline: StageResult;
    ratio: number;
    cpuRatio: number;
    studiesPerSecond: number;
  };
  ingestPlusClassifySeconds: number;
  report: StageResult | { error: string };
  server: (ServerInfo & { endpoints: EndpointResult[] }) | { error: string };
  targets: Record<string, string>;
}

export async function benchRegistryScale(opts: {
  studies: number;
  dir: string;
  log: (s: string) => void;
}): Promise<RegistryBench> {
  const { studies, dir, log } = opts;
  const zipPath = join(dir, 'ctg-studies.zip');
  const db = join(dir, 'registry.duckdb');
  log(`registry: writing ${studies} per-study v2 JSON files into ${zipPath}`);
  const zip = await registryZip(zipPath, studies, (k) => k > 0 && k % 100_000 === 0 && log(`  ${k} written`));
  log(
    `  ${Math.round(zip.bytes / 2 ** 20)} MB zip, ${Math.round(zip.uncompressedBytes / 2 ** 20)} MB of JSON, ${r2(zip.seconds)} s`,
  );

  log('registry: bare parse of the zip (inflate + decode + JSON.parse of every member)');
  const zipParse = await child(['zip-parse', zipPath]);
  log(`  ${JSON.stringify(zipParse)}`);
  log('registry: ingest (mscope ingest path: snapshot + slim rows)');
  const ingest = await child(['pipeline-ingest', zipPath, db]);
  log(`  ${JSON.stringify(ingest)}`);
  if (ingest.items !== studies) throw new Error(`ingest stored ${ingest.items} of ${studies} studies`);

  log('registry: bare parse of the stored study JSON');
  const dbParse = await child(['db-parse', db]);
  log(`  ${JSON.stringify(dbParse)}`);
  log('registry: classify (mscope classify path: labels saved as they are made)');
  const classify = await child(['classify-save', db]);
  log(`  ${JSON.stringify(classify)}`);

  log('registry: report --filter included=true (V8 heap capped at 4 GB)');
  let report: RegistryBench['report'];
  try {
    report = await child(['report', db, join(dir, 'report')], ['--max-old-space-size=4096']);
    log(`  ${JSON.stringify(report)}`);
  } catch (e) {
    report = { error: (e as Error).message.slice(0, 500) };
    log(`  failed: ${report.error}`);
  }

  log('registry: server');
  let server: RegistryBench['server'];
  try {
    let info: ServerInfo | null = null;
    const endpoints = await benchServer({
      dbPath: db,
      label: 'bench',
      amount: 100,
      coldAmount: 40,
      maxSeconds: 60,
      startSeconds: 1200,
      writes: 0,
      onInfo: (i) => (info = i),
    });
    server = { ...info!, endpoints };
  } catch (e) {
    server = { error: (e as Error).message.slice(0, 500) };
    log(`  failed: ${server.error}`);
  }

  return {
    studies,
    zip: { bytes: zip.bytes, uncompressedBytes: zip.uncompressedBytes, generateSeconds: r2(zip.seconds) },
    ingest: {
      run: ingest,
      baseline: zipParse,
      ratio: r2(ingest.seconds / zipParse.seconds),
      cpuRatio: r2(ingest.cpuSeconds / zipParse.cpuSeconds),
      studiesPerSecond: Math.round(studies / ingest.seconds),
    },
    classify: {
      run: classify,
      baseline: dbParse,
      ratio: r2(classify.seconds / dbParse.seconds),
      cpuRatio: r2(classify.cpuSeconds / dbParse.cpuSeconds),
      studiesPerSecond: Math.round(studies / classify.seconds),
    },
    ingestPlusClassifySeconds: r2(ingest.seconds + classify.seconds),
    report,
    server,
    targets: {
      ingestRatio: '<= 2.0',
      classifyRatio: '<= 1.5',
      ingestPlusClassify600k: '<= 600 s',
      peakRssPerStage: '<= 4096 MB',
      server: 'RSS <= 4096 MB, cold p95 <= 150 ms',
    },
  };
}
