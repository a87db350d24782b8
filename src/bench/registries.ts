/**
 * Registry readers and trial grouping (`npm run bench`, stage "registries"; alone: node dist/bench/registries.js).
 *
 *  - ingest of the ANZCTR zip and each ICTRP export (the same path as `mscope ingest`: fileRows into a new
 *    snapshot), records/s, and the ratio to a bare parse of the same bytes (fast-xml-parser on every XML
 *    document / member of the zip, csv-parse on the CSV) — target <= 3;
 *  - trial grouping (src/analyze/trials) of >= 50,000 registrations: the real registrations of ../shared
 *    replicated with fresh ids (each copy a look-alike of the others), and of a quarter of that, to show the cost
 *    grows about linearly (blocking, not all pairs).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { groupTrials } from '../analyze/trials/index.js';
import type { Study } from '../model/study.js';
import { readStudies } from '../sources/index.js';
import { zipMembers } from '../sources/zip.js';
import { fileRows, openStore } from '../store/index.js';
import { SHARED } from './corpus.js';
import { runIfMain } from './main.js';

const DATA = join(SHARED, 'data');
const ICTRP_FILES = [
  join(DATA, 'ictrp', 'ICTRP-Results_18Mar2020.xml'),
  join(DATA, 'ictrp', 'ICTRP-Results_export-2024-06-09.xml'),
  join(DATA, 'ictrp', 'COVID19-927-trials_7Apr2020.csv'),
  join(DATA, 'ictrp', 'COVID19-1135-trials.csv'),
];
export const REGISTRY_FILES = [join(DATA, 'anzctr-2017', 'anzctr-sample.zip'), ...ICTRP_FILES];
/** Ingests measured: the ANZCTR zip alone, and the four ICTRP exports in one ingest (as a user loads them). */
export const GROUPS: { name: string; files: string[] }[] = [
  { name: 'anzctr-2017/anzctr-sample.zip', files: [REGISTRY_FILES[0]!] },
  { name: 'ictrp/ (4 files: 2 XML, 2 CSV)', files: ICTRP_FILES },
];

const xml = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: false });

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(Buffer.from(c));
  return Buffer.concat(parts).toString('utf8');
}

/** A bare parse of the same bytes: unzip + XML parse of each member, XML parse, or CSV parse. */
async function bareParse(file: string): Promise<number> {
  if (file.endsWith('.zip')) {
    let n = 0;
    for await (const m of zipMembers(file)) {
      xml.parse(await collect(m.chunks));
      n++;
    }
    return n;
  }
  const text = await readFile(file, 'utf8');
  if (file.endsWith('.csv')) return (parseCsv(text, { columns: true, bom: true }) as unknown[]).length;
  xml.parse(text);
  return 1;
}

const r2 = (x: number): number => Math.round(x * 100) / 100;

export interface RegistryIngestResult {
  files: string;
  records: number;
  ingestSeconds: number;
  recordsPerSecond: number;
  parseSeconds: number;
  ratio: number;
  /** CPU seconds of this process (every thread, DuckDB's included), less sensitive to a loaded machine. */
  ingestCpuSeconds: number;
  parseCpuSeconds: number;
  cpuRatio: number;
}

const cpuSeconds = (since: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
};

/** One ingest group: the bare parse of its files, then their ingest into a new database in `dir`. */
export async function benchIngestGroup(
  dir: string,
  group: { name: string; files: string[] },
): Promise<RegistryIngestResult> {
  const c0 = process.cpuUsage();
  const p0 = performance.now();
  for (const file of group.files) await bareParse(file);
  const parseSeconds = (performance.now() - p0) / 1000;
  const parseCpuSeconds = cpuSeconds(c0);
  const store = await openStore(join(dir, `reg-${group.name.replace(/\W+/g, '-')}.duckdb`));
  const c1 = process.cpuUsage();
  const t0 = performance.now();
  let records = 0;
  try {
    const info = await store.createSnapshot(
      { sources: group.files },
      fileRows(group.files, { worker: false }),
    );
    records = info.studyCount + info.duplicatesDropped;
  } finally {
    await store.close();
  }
  const ingestSeconds = (performance.now() - t0) / 1000;
  const ingestCpuSeconds = cpuSeconds(c1);
  return {
    files: group.name,
    records,
    ingestSeconds: r2(ingestSeconds),
    recordsPerSecond: Math.round(records / ingestSeconds),
    parseSeconds: r2(parseSeconds),
    ratio: r2(ingestSeconds / parseSeconds),
    ingestCpuSeconds: r2(ingestCpuSeconds),
    parseCpuSeconds: r2(parseCpuSeconds),
    cpuRatio: r2(ingestCpuSeconds / parseCpuSeconds),
  };
}

export async function benchRegistryIngest(dir: string): Promise<RegistryIngestResult[]> {
  const out: RegistryIngestResult[] = [];
  for (const group of GROUPS) out.push(await benchIngestGroup(dir, group));
  return out;
}

export interface DedupResult {
  registrations: number;
  seconds: number;
  candidatePairs: number;
  trials: number;
  microsecondsPerRegistration: number;
}

function replicate(base: readonly Study[], n: number): Study[] {
  const out: Study[] = [];
  for (let k = 0; out.length < n; k++) {
    for (const s of base) {
      if (out.length >= n) break;
      const id = k === 0 ? s.trialId : `${s.trialId}-R${k}`;
      out.push({ ...s, nctId: id, trialId: id, secondaryIds: k === 0 ? s.secondaryIds : [] });
    }
  }
  return out;
}

export async function benchDedup(sizes: readonly number[]): Promise<DedupResult[]> {
  const byId = new Map<string, Study>();
  for (const f of [join(DATA, 'ctgov-classic-msc-2022', 'studies.ndjson'), ...REGISTRY_FILES]) {
    for await (const r of readStudies(f)) if (!byId.has(r.study.trialId)) byId.set(r.study.trialId, r.study);
  }
  const base = [...byId.values()];
  const out: DedupResult[] = [];
  for (const n of sizes) {
    const studies = replicate(base, n);
    const t0 = performance.now();
    const g = groupTrials(studies);
    const seconds = (performance.now() - t0) / 1000;
    out.push({
      registrations: studies.length,
      seconds: r2(seconds),
      candidatePairs: g.candidatePairs,
      trials: g.trials.length,
      microsecondsPerRegistration: Math.round((seconds * 1e6) / studies.length),
    });
  }
  return out;
}

export async function benchRegistries(
  quick = false,
): Promise<{ ingest: RegistryIngestResult[]; dedup: DedupResult[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'mscope-bench-reg-'));
  try {
    const ingest = await benchRegistryIngest(dir);
    const dedup = await benchDedup(quick ? [6_000, 12_000] : [12_500, 50_000]);
    return { ingest, dedup };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

runIfMain(import.meta.url, (n) => benchRegistries(n === 1));
