/**
 * The dashboard server's only writes: reviewer decisions. Guarded, in order:
 *   1. Host: a loopback name when bound to loopback; otherwise an IP literal or loopback (a DNS-rebinding attack
 *      reaches the server under the attacker's DNS name, which is refused)            -> 421
 *   2. Origin / Sec-Fetch-Site: a browser's cross-site request is refused (Origin must be this server's own)  -> 403
 *   3. the per-server random token, embedded in the page, in the X-Mscope-Token header (a cross-site page cannot
 *      read it)                                                                                              -> 403
 *   4. Content-Type application/json only (no form posts, no "simple" CORS requests)                          -> 415
 *   5. a declared body length of at most MAX_WRITE_BODY bytes                                              -> 411/413
 *   6. a body that is JSON and passes the zod schema                                                          -> 400
 * `--read-only` turns every write off (405). Nothing is written unless every check passes.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Asset } from './assets.js';
import { isIP } from 'node:net';
import type { Context } from 'hono';
import { z } from 'zod';
import {
  DecisionFieldSchema,
  DecisionInputSchema,
  parseDecisionInput,
  type DecisionInput,
} from '../../model/decisions.js';
import { ApiError } from './http-error.js';
import { hostnameOf, isLoopback } from './security.js';

export const TOKEN_HEADER = 'X-Mscope-Token';
export const TOKEN_META = 'mscope-token';
export const MAX_WRITE_BODY = 64 * 1024;
/** At most this many decisions in one POST. */
export const MAX_BATCH = 200;

/** A fresh random write token (256 bits, URL-safe). */
export const newToken = (): string => randomBytes(32).toString('base64url');

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Checks 1-5 (see the module comment); throws the ApiError of the first that fails. */
export function checkWrite(c: Context, opts: { token: string; loopbackOnly: boolean }): void {
  const hostHeader = c.req.header('host') ?? '';
  const hostname = hostnameOf(hostHeader);
  const bare = hostname.replace(/^\[|\]$/g, '');
  if (!hostHeader || (opts.loopbackOnly ? !isLoopback(hostname) : !isLoopback(hostname) && isIP(bare) === 0))
    throw new ApiError(
      421,
      'unexpected Host header: writes are accepted only under a loopback name or an IP address',
    );
  const origin = c.req.header('origin');
  if (origin !== undefined && origin !== `http://${hostHeader}` && origin !== `https://${hostHeader}`)
    throw new ApiError(403, 'cross-site request refused (Origin is not this server)');
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    throw new ApiError(403, `cross-site request refused (Sec-Fetch-Site: ${site})`);
  const token = c.req.header(TOKEN_HEADER) ?? '';
  if (!token || !sameToken(token, opts.token))
    throw new ApiError(403, `missing or wrong ${TOKEN_HEADER} header`);
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (!/^application\/json\s*(;\s*charset=utf-8\s*)?$/.test(type))
    throw new ApiError(415, 'expected Content-Type: application/json');
  const len = c.req.header('content-length');
  if (len === undefined) throw new ApiError(411, 'Content-Length required');
  if (!/^\d+$/.test(len) || Number(len) > MAX_WRITE_BODY)
    throw new ApiError(413, `request body larger than ${MAX_WRITE_BODY} bytes`);
}

async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (Buffer.byteLength(text) > MAX_WRITE_BODY)
    throw new ApiError(413, `request body larger than ${MAX_WRITE_BODY} bytes`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, 'request body is not JSON');
  }
}

const PostBodySchema = z.union([
  DecisionInputSchema,
  z.object({ decisions: z.array(DecisionInputSchema).min(1).max(MAX_BATCH) }).strict(),
]);
const PutBodySchema = DecisionInputSchema.omit({ nctId: true, field: true }).strict();

function validated(input: unknown, at: string): DecisionInput {
  const r = parseDecisionInput(input);
  if (!r.ok) throw new ApiError(400, `${at}${r.key ? `${r.key}: ` : ''}${r.error}`, r.key || null);
  return r.value;
}

function zodError(err: z.ZodError): ApiError {
  const issue = err.issues[0];
  const key = issue?.path.join('.') || (issue && 'keys' in issue ? String((issue.keys as string[])[0]) : '');
  return new ApiError(
    400,
    `invalid body${key ? ` at ${key}` : ''}: ${issue?.message ?? 'invalid'}`,
    key || null,
  );
}

/** The decisions of a POST /api/decisions body (one decision, or { decisions: [...] }). */
export async function postedDecisions(c: Context): Promise<DecisionInput[]> {
  const body = await readJson(c);
  const r = PostBodySchema.safeParse(body);
  if (!r.success) throw zodError(r.error);
  const list = 'decisions' in r.data ? r.data.decisions : [r.data];
  return list.map((d, i) => validated(d, list.length > 1 ? `decisions.${i}.` : ''));
}

/** The decision of a PUT /api/decisions/:nct/:field body ({ value, note?, reviewer }). */
export async function putDecision(c: Context, nct: string, field: string): Promise<DecisionInput> {
  const f = DecisionFieldSchema.safeParse(field);
  if (!f.success) throw new ApiError(404, `no decision field "${field}"`, 'field');
  const body = await readJson(c);
  const r = PutBodySchema.safeParse(body);
  if (!r.success) throw zodError(r.error);
  return validated({ ...r.data, nctId: nct, field: f.data }, '');
}

/**
 * The assets with the write token in the page: a `<meta name="mscope-token">` in index.html's head (readable by
 * the page's own script only: other sites cannot read a same-origin page, and the Host check stops rebinding).
 */
export function withTokenMeta(assets: ReadonlyMap<string, Asset>, token: string): Map<string, Asset> {
  const out = new Map(assets);
  const page = assets.get('/index.html') ?? assets.get('/');
  if (!page) return out;
  const html = page.body
    .toString('utf8')
    .replace('<head>', `<head>\n    <meta name="${TOKEN_META}" content="${token}" />`);
  const body = Buffer.from(html);
  const asset: Asset = {
    type: page.type,
    body,
    gzip: gzipSync(body, { level: 9 }),
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
  };
  out.set('/', asset);
  if (assets.has('/index.html')) out.set('/index.html', asset);
  return out;
}
