/**
 * Builds the dashboard front-end into dist/web/ (gitignored): one JS bundle (vega, vega-lite, vega-embed,
 * topojson and the world atlas bundled in: no CDN, works offline), one CSS file and index.html.
 * Run by `npm run build:web` (chained into `npm run build`). The server serves exactly these files from memory.
 */
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const out = join(root, 'dist', 'web');

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await build({
  entryPoints: { app: join(here, 'main.ts') },
  outdir: out,
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2022'],
  sourcemap: false,
  legalComments: 'eof',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
});
await build({
  entryPoints: { app: join(here, 'style.css') },
  outdir: out,
  bundle: true,
  minify: true,
  logLevel: 'warning',
});
await copyFile(join(here, 'index.html'), join(out, 'index.html'));
