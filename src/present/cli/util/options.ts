/** Option parsing shared by several commands (values are validated before the database or network is touched). */
import { UsageError } from '../../../model/errors.js';

/** Commander accumulator for a repeatable option. */
export const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

/** A whole-number option >= `min`; anything else is a UsageError naming the option. */
export function intOption(name: string, value: string, min: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) {
    throw new UsageError(`invalid ${name} "${value}": expected an integer >= ${min}`);
  }
  return n;
}

/** A --snapshot/--base value: an all-digit value is a snapshot id, anything else a label; undefined = the latest. */
export function snapshotRef(s?: string): string | number | undefined {
  if (s === undefined) return undefined;
  return /^\d+$/.test(s) ? Number(s) : s;
}

/** The live client's --max-retries, --min-interval and --timeout (`fetch`, `run`). */
export function liveClientOptions(opts: { maxRetries: string; minInterval: string; timeout: string }): {
  maxRetries: number;
  minIntervalMs: number;
  timeoutMs: number;
} {
  return {
    maxRetries: intOption('--max-retries', opts.maxRetries, 0),
    minIntervalMs: intOption('--min-interval', opts.minInterval, 0),
    timeoutMs: intOption('--timeout', opts.timeout, 1),
  };
}
