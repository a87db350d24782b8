/**
 * The classifier's code hash: a sha256 over the TypeScript sources that decide labels (every `.ts` file under
 * src/classify except literature/, which extracts trial mentions from publications and labels nothing), so
 * the ruleset version changes whenever classifier code changes, not only when rules/*.json do.
 *
 * The build (`npm run build`) runs this module once (`node dist/classify/codehash.js`) and writes the hash to
 * dist/classify/code-hash.json, so the installed CLI (which ships dist/ and rules/, not src/) knows the hash of
 * the code it was built from. Run from the sources (vitest, tsx) the hash is computed from src/classify itself.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MscopeError } from '../model/errors.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const STAMP = 'code-hash.json';

/** The classifier source files under `dir` (src/classify), sorted, relative with '/' separators. */
export function classifierSources(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'literature') walk(p);
      } else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
        out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** sha256 (hex) of the classifier sources in `dir`, line endings normalized. */
export function hashClassifierSources(dir: string): string {
  const h = createHash('sha256');
  for (const f of classifierSources(dir)) {
    h.update(f)
      .update('\0')
      .update(readFileSync(join(dir, f), 'utf8').replace(/\r\n/g, '\n'))
      .update('\0');
  }
  return h.digest('hex');
}

let memo: string | null = null;

/** The hash of the classifier code this module belongs to (sources when run from src/, the build stamp in dist/). */
export function classifierCodeHash(): string {
  if (memo !== null) return memo;
  if (fileURLToPath(import.meta.url).endsWith('.ts')) return (memo = hashClassifierSources(HERE));
  const stamp = join(HERE, STAMP);
  if (!existsSync(stamp))
    throw new MscopeError(`${stamp}: missing; run \`npm run build\` to stamp the classifier code hash`);
  const parsed = JSON.parse(readFileSync(stamp, 'utf8')) as { sha256?: unknown };
  if (typeof parsed.sha256 !== 'string') throw new MscopeError(`${stamp}: no "sha256" string`);
  return (memo = parsed.sha256);
}

// `node dist/classify/codehash.js` (the build): stamp dist/classify with the hash of src/classify.
if (
  process.argv[1] &&
  resolve(process.argv[1]) === fileURLToPath(import.meta.url) &&
  !import.meta.url.endsWith('.ts')
) {
  const src = resolve(HERE, '..', '..', 'src', 'classify');
  const sha256 = hashClassifierSources(src);
  writeFileSync(join(HERE, STAMP), JSON.stringify({ sha256, files: classifierSources(src).length }) + '\n');
  process.stdout.write(
    `classifier code hash ${sha256.slice(0, 8)} stamped into ${relative(process.cwd(), join(HERE, STAMP))}\n`,
  );
}
