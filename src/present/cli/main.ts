/**
 * mscope command-line entry. Each command lives in `commands/<name>.ts` and exports
 * `register(program)`; this file only wires them and maps errors to exit codes:
 * 0 ok, 1 failure, 2 usage error. Errors print one clear message, never only a stack trace.
 */
import { Command, CommanderError } from 'commander';
import { MscopeError } from '../../model/errors.js';
import { COMMANDS } from './commands/index.js';
import { VERSION } from '../../version.js';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('mscope')
    .description('A reproducible, living atlas of mesenchymal stromal/stem cell (MSC) clinical trials')
    .version(VERSION, '-V, --version')
    .option('--db <file>', 'DuckDB database file (env MSCOPE_DB)', process.env.MSCOPE_DB ?? './mscope.duckdb')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => process.stdout.write(s),
      writeErr: (s) => process.stderr.write(s),
    });
  for (const register of COMMANDS) register(program);
  return program;
}

/**
 * A reader that goes away (`mscope classify | head -1`) makes the next write fail with EPIPE: every command then
 * stops quietly (exit 0), instead of an unhandled 'error' event with a stack trace. Snapshot writes are
 * transactions, so stopping mid-way leaves the database as it was.
 */
export function quietOnClosedOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') process.exit(0);
      throw err;
    });
  }
}

export async function main(argv: string[]): Promise<number> {
  quietOnClosedOutput();
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    return reportError(err);
  }
}

export function reportError(err: unknown): number {
  if (err instanceof CommanderError) {
    // help and version exit with code 0; usage errors with 2 (commander already printed the message)
    if (err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version')
      return 0;
    return 2;
  }
  if (err instanceof MscopeError) {
    process.stderr.write(`mscope: ${err.message}\n`);
    return err.exitCode;
  }
  const e = err as { message?: string; stack?: string };
  process.stderr.write(`mscope: unexpected error: ${e?.message ?? String(err)}\n`);
  if (process.env.MSCOPE_DEBUG) process.stderr.write(`${e?.stack ?? ''}\n`);
  return 1;
}
