/**
 * Literature-linking throughput: parse and extract trial/product mentions and facts from N documents,
 * the CORD-19 seed reviews of ../shared/seeds (env MSCOPE_SHARED overrides ../shared) replicated in
 * memory. No disk or database I/O inside the timed loop: this measures the reader + extractor.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MscopeError } from '../model/errors.js';
import { parseDocuments } from '../sources/literature/index.js';
import { extractMentions } from '../classify/literature/mentions.js';
import { loadProducts } from '../classify/literature/products.js';
import { loadLiteratureRules } from '../classify/literature/rules.js';
import { runIfMain } from './main.js';

export interface LiteratureBenchResult {
  docs: number;
  seconds: number;
  docsPerSecond: number;
  /** Megabytes of text processed per second. */
  mbPerSecond: number;
  /** Trial mentions found in all documents (a check that work was done). */
  mentions: number;
}

export function defaultSeedsDir(): string {
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  return join(process.env.MSCOPE_SHARED ?? resolve(repo, '..', 'shared'), 'seeds');
}

export async function benchLiterature(
  opts: { docs?: number; seedsDir?: string } = {},
): Promise<LiteratureBenchResult> {
  const n = opts.docs ?? 10_000;
  const dir = opts.seedsDir ?? defaultSeedsDir();
  if (!existsSync(dir)) throw new MscopeError(`benchLiterature: no seeds folder ${dir} (set MSCOPE_SHARED)`);
  const seeds = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ file: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));
  if (seeds.length === 0) throw new MscopeError(`benchLiterature: no .txt seeds in ${dir}`);
  const rules = loadLiteratureRules();
  const products = loadProducts();
  let mentions = 0;
  let chars = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const seed = seeds[i % seeds.length]!;
    for (const doc of parseDocuments(seed.file, seed.text))
      mentions += extractMentions(doc, { rules, products }).trials.length;
    chars += seed.text.length;
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return {
    docs: n,
    seconds: Math.round(seconds * 1e6) / 1e6,
    docsPerSecond: Math.round((n / seconds) * 10) / 10,
    mbPerSecond: Math.round((chars / 1e6 / seconds) * 10) / 10,
    mentions,
  };
}

// `node dist/bench/literature.js [docs]` runs it alone
runIfMain(import.meta.url, (docs) => benchLiterature({ docs }));
