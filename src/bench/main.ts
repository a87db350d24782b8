/** Running one benchmark module alone (`node dist/bench/<name>.js [arg]`). */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * When `moduleUrl` is the script node was started with: run `bench` with the first argument (undefined when absent),
 * print its result as one JSON line, and on failure print the message and exit 1.
 */
export function runIfMainWith<T>(moduleUrl: string, bench: (arg: string | undefined) => Promise<T>): void {
  if (!process.argv[1] || resolve(process.argv[1]) !== fileURLToPath(moduleUrl)) return;
  bench(process.argv[2]).then(
    (r) => process.stdout.write(`${JSON.stringify(r)}\n`),
    (e: unknown) => {
      process.stderr.write(`${(e as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}

/** runIfMainWith, the first argument as a number (undefined when absent). */
export function runIfMain<T>(moduleUrl: string, bench: (n: number | undefined) => Promise<T>): void {
  runIfMainWith(moduleUrl, (arg) => bench(arg ? Number(arg) : undefined));
}
