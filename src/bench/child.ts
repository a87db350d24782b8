/**
 * One benchmark measurement in a fresh process, so that peak RSS belongs to that job alone.
 * Usage: node dist/bench/child.js <parse|ingest|classify> <file> [db]
 * Prints one JSON line: { mode, seconds, items, maxRssMB, cpuSeconds } (cpu: user + system, all threads).
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { readStudies } from '../sources/index.js';
import { fileRows, openStore } from '../store/index.js';

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
    // the same path as `mscope ingest` (worker thread); MSCOPE_BENCH_INGEST=records: the StudyRecord API
    const records = process.env.MSCOPE_BENCH_INGEST === 'records' ? readStudies(file) : fileRows([file]);
    const info = await store.createSnapshot({ label: 'bench', sources: [file] }, records);
    return info.studyCount;
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const [mode, file, db] = process.argv.slice(2);
  if (!mode || !file) throw new Error('usage: child.js <parse|ingest> <file> [db]');
  const t0 = performance.now();
  let items: number;
  if (mode === 'parse') items = await parseOnly(file);
  else if (mode === 'ingest') items = await ingest(file, db ?? ':memory:');
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
