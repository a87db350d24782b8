/**
 * The dashboard's static files: read ONCE at start from the built folder (dist/web, made by `npm run build`)
 * into a fixed in-memory map. Requests are answered only from this map (no file system access per request,
 * so no path traversal is possible).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export interface Asset {
  type: string;
  body: Buffer;
  gzip: Buffer;
  etag: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/** dist/web, both from src/present/server (tests via vitest) and dist/present/server (built CLI). */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../../dist/web/', import.meta.url));

/** URL path ("/app.js") -> asset; "/" serves index.html. Empty map when the front-end has not been built. */
export function loadAssets(dir = DEFAULT_WEB_DIR): Map<string, Asset> {
  const out = new Map<string, Asset>();
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const type = TYPES[extname(name)];
    if (!type) continue;
    const body = readFileSync(join(dir, name));
    const asset: Asset = {
      type,
      body,
      gzip: gzipSync(body, { level: 9 }),
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
    };
    out.set(`/${name}`, asset);
    if (name === 'index.html') out.set('/', asset);
  }
  return out;
}
