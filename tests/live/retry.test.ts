import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, createRateLimiter, parseRetryAfter, sleep } from '../../src/sources/live/retry.js';

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 0, 1, 12, 0, 0);
  it('reads delay-seconds and HTTP dates', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter(new Date(now + 5000).toUTCString(), now)).toBe(5000);
    expect(parseRetryAfter(new Date(now - 5000).toUTCString(), now)).toBe(0);
  });
  it('returns null for absent or unreadable values', () => {
    for (const v of [null, undefined, '', '1.5', '10s', 'soon']) expect(parseRetryAfter(v, now)).toBeNull();
  });
});

describe('backoffDelay', () => {
  it('grows exponentially, stays within [d/2, d] and under the cap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        (attempt, r) => {
          const d = backoffDelay(attempt, { baseMs: 100, maxMs: 10_000, random: () => r });
          const exp = Math.min(10_000, 100 * 2 ** (attempt - 1));
          return d >= Math.floor(exp / 2) && d <= exp && d <= 10_000;
        },
      ),
    );
    const lo = (a: number): number => backoffDelay(a, { baseMs: 100, maxMs: 1e9, random: () => 0 });
    expect([lo(1), lo(2), lo(3), lo(4)]).toEqual([50, 100, 200, 400]);
  });
});

describe('sleep and rate limiter', () => {
  it('sleep rejects with the abort reason', async () => {
    const c = new AbortController();
    const p = sleep(10_000, c.signal);
    c.abort(new Error('stop'));
    await expect(p).rejects.toThrow('stop');
  });
  it('spaces calls by at least the interval (fake clock)', async () => {
    let t = 0;
    const limiter = createRateLimiter(50, () => t);
    await limiter.wait();
    t = 10; // only 10 ms later: must wait ~40 ms of real time
    const start = performance.now();
    await limiter.wait();
    expect(performance.now() - start).toBeGreaterThanOrEqual(30);
  });
});
