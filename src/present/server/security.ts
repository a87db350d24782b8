/**
 * Request guards and response headers for the dashboard server: GET/HEAD only, except POST/PUT on the decisions
 * API when writes are on (checked further in writes.ts: Host, Origin, token, content type, size, body); no request
 * bodies elsewhere, bounded URL length, Host header checked against loopback names when bound to loopback (DNS
 * rebinding), a strict Content-Security-Policy (no inline or eval'd scripts: the charts use vega's
 * CSP-safe expression interpreter), nosniff, no framing, no referrer.
 */
import type { MiddlewareHandler } from 'hono';
import type { ApiErrorBody } from './http-error.js';

export const MAX_URL_LENGTH = 8192;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function isLoopback(host: string): boolean {
  return LOOPBACK_HOSTS.has(host) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export function hostnameOf(hostHeader: string): string {
  if (hostHeader.startsWith('[')) return hostHeader.slice(0, hostHeader.indexOf(']') + 1);
  const i = hostHeader.lastIndexOf(':');
  return (i < 0 ? hostHeader : hostHeader.slice(0, i)).toLowerCase();
}

const errorBody = (error: string, parameter: string | null = null): ApiErrorBody => ({ error, parameter });

/** Paths that accept POST/PUT when writes are on: the decisions API only. */
export const isWritePath = (path: string): boolean =>
  path === '/api/decisions' || path.startsWith('/api/decisions/');

/**
 * Guards every request and sets the security headers on every response (errors included). With `writes`, POST
 * and PUT reach the decisions API (and only it); its own checks run there (writes.ts).
 */
export function guard(opts: { loopbackOnly: boolean; writes?: boolean }): MiddlewareHandler {
  return async (c, next) => {
    const method = c.req.method;
    const write = (method === 'POST' || method === 'PUT') && isWritePath(c.req.path);
    if (write && !opts.writes) {
      c.header('Allow', 'GET, HEAD');
      c.res = c.json(errorBody('the dashboard server is read-only (started with --read-only)'), 405);
    } else if (write) {
      if (c.req.url.length > MAX_URL_LENGTH)
        c.res = c.json(errorBody(`URL longer than ${MAX_URL_LENGTH} characters`), 414);
      else await next();
    } else if (method !== 'GET' && method !== 'HEAD') {
      c.header('Allow', 'GET, HEAD');
      c.res = c.json(
        errorBody(`method ${method} not allowed here (the only writes are POST/PUT on /api/decisions)`),
        405,
      );
    } else if ((c.req.header('content-length') ?? '0') !== '0' || c.req.header('transfer-encoding')) {
      c.res = c.json(errorBody('request bodies are not accepted'), 413);
    } else if (c.req.url.length > MAX_URL_LENGTH) {
      c.res = c.json(errorBody(`URL longer than ${MAX_URL_LENGTH} characters`), 414);
    } else if (opts.loopbackOnly && !isLoopback(hostnameOf(c.req.header('host') ?? ''))) {
      c.res = c.json(errorBody('unexpected Host header'), 421);
    } else {
      await next();
    }
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(k, v);
  };
}
