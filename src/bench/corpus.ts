/**
 * Benchmark corpora, generated at run time from ../shared (never committed): the real classic NDJSON file
 * replicated with fresh, unique NCT ids so that every copy is a distinct study for the store.
 */
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';

export const SHARED = process.env.MSCOPE_SHARED ?? resolve(process.cwd(), '..', 'shared');
export const CLASSIC_NDJSON = join(SHARED, 'data', 'ctgov-classic-msc-2022', 'studies.ndjson');

export async function readLines(path: string): Promise<string[]> {
  const lines: string[] = [];
  const rl = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of rl) if (line.trim() !== '') lines.push(line);
  return lines;
}

const NCT_FIELD = /"NCTId":\["NCT\d{8}"\]/;

/**
 * Copy `r` of line `i`. Copy 0 is the original; copy r >= 1 gets the id NCT{50+r}{i as 6 digits}: still 8 digits,
 * unique for up to 49 copies of 999,999 lines, and clear of real ids (which are below NCT10000000).
 */
export function replicaLine(line: string, r: number, i: number): string {
  if (r === 0) return line;
  if (r > 49) throw new Error('at most 50 copies');
  const id = `NCT${String(50 + r)}${String(i).padStart(6, '0')}`;
  return line.replace(NCT_FIELD, `"NCTId":["${id}"]`);
}

/** Write the classic corpus replicated until it holds at least `minStudies` records; returns path and count. */
export async function replicatedCorpus(
  dir: string,
  minStudies: number,
): Promise<{ path: string; studies: number }> {
  if (!existsSync(CLASSIC_NDJSON)) throw new Error(`benchmark needs ${CLASSIC_NDJSON} (the ../shared data)`);
  const base = await readLines(CLASSIC_NDJSON);
  const copies = Math.ceil(minStudies / base.length);
  await mkdir(dir, { recursive: true });
  const path = join(dir, `classic-x${copies}.ndjson`);
  const out = createWriteStream(path, { encoding: 'utf8' });
  for (let r = 0; r < copies; r++) {
    for (let i = 0; i < base.length; i++) {
      if (!out.write(replicaLine(base[i]!, r, i) + '\n')) await once(out, 'drain');
    }
  }
  out.end();
  await once(out, 'finish');
  return { path, studies: copies * base.length };
}
