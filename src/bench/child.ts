/**
 * One benchmark measurement in a fresh process, so that peak RSS belongs to that job alone.
 * Usage: node dist/bench/child.js <parse|ingest|pipeline-ingest> <file> [db] | classify <db>
 *        | zip-parse <zip> | db-parse <db> | classify-save <db> | report <db> <outDir>
 *   zip-parse: the bare-parse baseline of a zip of JSON files: every member inflated, decoded and JSON.parse'd;
 *   db-parse: JSON.parse of every stored study JSON of the latest snapshot (what classify reads);
 *   classify-save: `mscope classify` (labels saved as they are made); report: `mscope report --filter included=true`.
 *   pipeline-ingest: `mscope ingest`'s path (pipeline/ingest.ts: the snapshot, then its slim rows);
 *   classify: pipeline/classify.ts on the latest snapshot of <db>, labels not saved (MSCOPE_CLASSIFY_WORKERS=0:
 *   one thread; unset: the worker pool).
 * Prints one JSON line: { mode, seconds, items, maxRssMB, cpuSeconds } (cpu: user + system, all threads).
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { readStudies } from '../sources/index.js';
import { fileRows, openStore } from '../store/index.js';
import { classifySnapshot } from '../pipeline/classify.js';
import { ingestSnapshot } from '../pipeline/ingest.js';
import { loadReportSnapshot } from '../pipeline/compact.js';
import { zipMembers } from '../sources/zip.js';
import { statSync } from 'node:fs';

async function pipelineIngest(file: string, db: string): Promise<number> {
  const store = await openStore(db);
  try {
    const info = await ingestSnapshot(
      store,
      { files: [{ path: file, size: statSync(file).size }] },
      { label: 'bench' },
    );
    return info.studyCount;
  } finally {
    await store.close();
  }
}

async function classifyDb(db: string): Promise<number> {
  const store = await openStore(db, { readOnly: true });
  try {
    return (await classifySnapshot(store, undefined)).labels.length;
  } finally {
    await store.close();
  }
}

async function zipParse(file: string): Promise<number> {
  const dec = new TextDecoder('utf-8', { fatal: true });
  let n = 0;
  for await (const m of zipMembers(file)) {
    if (!m.whole) throw new Error(`${m.label}: not a small member`);
    JSON.parse(dec.decode(m.whole));
    n++;
  }
  return n;
}

async function dbParse(db: string): Promise<number> {
  const store = await openStore(db, { readOnly: true });
  try {
    let n = 0;
    for await (const json of store.iterStudyJson((await store.getSnapshot()).id)) {
      JSON.parse(json);
      n++;
    }
    return n;
  } finally {
    await store.close();
  }
}

async function classifySave(db: string): Promise<number> {
  const store = await openStore(db);
  try {
    return (await classifySnapshot(store, undefined, { save: true, labels: 'none' })).summary.identified;
  } finally {
    await store.close();
  }
}

async function report(db: string, outDir: string): Promise<number> {
  const store = await openStore(db, { readOnly: true });
  try {
    const loaded = await loadReportSnapshot(store);
    // as `mscope report`: the database closed once the rows are loaded, the rows given up after the metrics
    await store.close();
    const { generateReport } = await import('../present/report/write.js');
    const r = await generateReport(loaded.rows, {
      outDir,
      snapshot: {
        id: loaded.info.id,
        label: loaded.info.label,
        createdAt: loaded.info.createdAt,
        sources: loaded.info.sources,
        studyCount: loaded.info.studyCount,
      },
      rulesetVersion: loaded.rulesetVersion,
      labelsFrom: loaded.labelsFrom,
      filter: { included: true },
      releaseRows: true,
    });
    return r.data.metrics.flow.identified;
  } finally {
    await store.close();
  }
}

async function parseOnly(file: string): Promise<number> {
  let n = 0;
  const rl = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.length === 0) continue;
    JSON.parse(line);
    n++;
  }
  return n;
}

async function ingest(file: string, db: string): Promise<number> {
  const store = await openStore(db);
  try {
    // the same path as `mscope ingest` (fileRows: a worker thread when a core is idle);
    // MSCOPE_BENCH_INGEST=records: the StudyRecord API
    const records = process.env.MSCOPE_BENCH_INGEST === 'records' ? readStudies(file) : fileRows([file]);
    const info = await store.createSnapshot({ label: 'bench', sources: [file] }, records);
    return info.studyCount;
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const [mode, file, db] = process.argv.slice(2);
  if (!mode || !file)
    throw new Error('usage: child.js <parse|ingest|pipeline-ingest> <file> [db] | classify <db>');
  const t0 = performance.now();
  let items: number;
  if (mode === 'parse') items = await parseOnly(file);
  else if (mode === 'ingest') items = await ingest(file, db ?? ':memory:');
  else if (mode === 'pipeline-ingest') items = await pipelineIngest(file, db ?? ':memory:');
  else if (mode === 'classify') items = await classifyDb(file);
  else if (mode === 'zip-parse') items = await zipParse(file);
  else if (mode === 'db-parse') items = await dbParse(file);
  else if (mode === 'classify-save') items = await classifySave(file);
  else if (mode === 'report') items = await report(file, db ?? 'report');
  else throw new Error(`unknown mode ${mode}`);
  const seconds = (performance.now() - t0) / 1000;
  const usage = process.resourceUsage();
  const maxRssMB = usage.maxRSS / 1024;
  const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  process.stdout.write(JSON.stringify({ mode, seconds, items, maxRssMB, cpuSeconds }) + '\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`bench child failed: ${(err as Error).message}\n`);
  process.exitCode = 1;
});
