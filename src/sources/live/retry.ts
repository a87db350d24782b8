/** Retry timing for the live client: exponential backoff with jitter, `Retry-After`, a polite rate limiter. */

export interface BackoffOptions {
  /** Delay before the first retry, before jitter (ms). */
  baseMs: number;
  /** Upper bound of any computed delay (ms). */
  maxMs: number;
  /** Random source in [0, 1), injectable for tests. */
  random?: () => number;
}

/**
 * Delay before retry number `attempt` (1 = first retry): base·2^(attempt-1), capped, then "equal jitter"
 * (uniform in [d/2, d)) so clients that failed together do not retry together.
 */
export function backoffDelay(attempt: number, opts: BackoffOptions): number {
  const random = opts.random ?? Math.random;
  const exp = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + (exp / 2) * random());
}

/**
 * Parses an HTTP `Retry-After` value: delay-seconds ("120") or an HTTP date. Returns milliseconds to wait
 * (0 for a date in the past), or null when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | null {
  if (value === null || value === undefined) return null;
  const v = value.trim();
  if (v === '') return null;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  if (/^\d/.test(v)) return null; // "1.5", "10s": not valid delay-seconds
  const t = Date.parse(v);
  if (Number.isNaN(t)) return null;
  return Math.max(0, t - now);
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A polite rate limiter: `wait()` resolves when at least `minIntervalMs` have passed since the previous
 * call's release, so request starts are spaced by at least that interval (retries included).
 */
export function createRateLimiter(
  minIntervalMs: number,
  now: () => number = Date.now,
): { wait(signal?: AbortSignal): Promise<void> } {
  let last = -Infinity;
  return {
    async wait(signal?: AbortSignal): Promise<void> {
      const due = last + minIntervalMs - now();
      if (due > 0) await sleep(due, signal);
      last = now();
    },
  };
}
