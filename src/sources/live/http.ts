/**
 * One HTTP GET of a JSON document, with a timeout covering headers and body, and every failure sorted
 * into "worth retrying" (TransientError: 429/5xx, timeouts, resets, truncated or non-JSON bodies) or not
 * (FatalHttpError: other 4xx, e.g. a query the API rejects). A caller abort is rethrown as is.
 */

export class TransientError extends Error {
  /** Server-requested wait (Retry-After), in ms, when given. */
  readonly retryAfterMs: number | null;
  /** The network error code (ENOTFOUND, ECONNREFUSED, UND_ERR_CONNECT_TIMEOUT …) when the server was not reached. */
  readonly netCode: string | null;
  constructor(
    message: string,
    retryAfterMs: number | null = null,
    options?: { cause?: unknown; netCode?: string | null },
  ) {
    super(message, options);
    this.name = 'TransientError';
    this.retryAfterMs = retryAfterMs;
    this.netCode = options?.netCode ?? null;
  }
}

export class FatalHttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'FatalHttpError';
    this.status = status;
  }
}

export interface GetJsonOptions {
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  fetchImpl: typeof fetch;
  /** Parses Retry-After into ms (injected so retry.ts stays the one place that knows the format). */
  retryAfter: (value: string | null) => number | null;
}

const SNIPPET = 160;

function snippet(text: string): string {
  const s = text.replace(/\s+/g, ' ').trim();
  return s.length > SNIPPET ? `${s.slice(0, SNIPPET)}…` : s;
}

/** The error code of a failed connection (fetch wraps it: TypeError('fetch failed', { cause: { code } })). */
function networkCode(err: unknown): string | null {
  const cause = (err as { cause?: { code?: unknown; errors?: Array<{ code?: unknown }> } } | null)?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  const inner = cause?.errors?.find((e) => typeof e?.code === 'string')?.code; // AggregateError (happy eyeballs)
  return typeof inner === 'string' ? inner : null;
}

function describeNetworkError(err: unknown): string {
  const e = err as { message?: string; cause?: { code?: string; message?: string } };
  const cause = e?.cause;
  const detail = cause?.code ?? cause?.message;
  return detail ? `${e.message ?? String(err)} (${detail})` : (e?.message ?? String(err));
}

export async function getJson(url: string, opts: GetJsonOptions): Promise<unknown> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new Error('timeout')), opts.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout.signal]) : timeout.signal;
  const stage = { name: 'waiting for the response' };
  try {
    const res = await opts.fetchImpl(url, { signal, headers: { accept: 'application/json' } });
    stage.name = 'reading the body';
    let body: string;
    try {
      body = await res.text();
    } catch (err) {
      throw (
        rethrowAbort(err, opts.signal, timeout.signal, opts.timeoutMs, stage.name) ??
        new TransientError(
          `connection broke while reading the response body (truncated): ${describeNetworkError(err)}`,
          null,
          { cause: err },
        )
      );
    }
    if (!res.ok) {
      const what = `HTTP ${res.status} ${res.statusText}`.trim();
      if (res.status === 429 || res.status >= 500) {
        const wait = opts.retryAfter(res.headers.get('retry-after'));
        throw new TransientError(`${what}${body ? `: ${snippet(body)}` : ''}`, wait);
      }
      throw new FatalHttpError(res.status, `${what}${body ? `: ${snippet(body)}` : ''}`);
    }
    const declared = res.headers.get('content-length');
    if (declared !== null && /^\d+$/.test(declared) && Buffer.byteLength(body, 'utf8') < Number(declared)) {
      throw new TransientError(
        `response body truncated: got ${Buffer.byteLength(body, 'utf8')} of ${declared} bytes`,
      );
    }
    const type = res.headers.get('content-type') ?? '';
    const start = body.trimStart().slice(0, 1);
    if (/html/i.test(type) || start === '<') {
      throw new TransientError(
        `got an HTML page instead of JSON (HTTP ${res.status}, content-type "${type}"): ${snippet(body)}`,
      );
    }
    try {
      return JSON.parse(body) as unknown;
    } catch (err) {
      throw new TransientError(
        `invalid or truncated JSON (${Buffer.byteLength(body, 'utf8')} bytes, ending "${snippet(body.slice(-40))}"): ${(err as Error).message}`,
      );
    }
  } catch (err) {
    if (err instanceof TransientError || err instanceof FatalHttpError) throw err;
    throw (
      rethrowAbort(err, opts.signal, timeout.signal, opts.timeoutMs, stage.name) ??
      new TransientError(`network error: ${describeNetworkError(err)}`, null, {
        cause: err,
        netCode: networkCode(err),
      })
    );
  } finally {
    clearTimeout(timer);
  }
}

/** The error to throw when `err` is due to an abort: the caller's reason, or a TransientError for our timeout. */
function rethrowAbort(
  err: unknown,
  caller: AbortSignal | undefined,
  timeout: AbortSignal,
  timeoutMs: number,
  stage: string,
): unknown {
  if (caller?.aborted) return caller.reason ?? err;
  if (timeout.aborted)
    return new TransientError(`timed out after ${timeoutMs} ms while ${stage}`, null, { cause: err });
  return null;
}
