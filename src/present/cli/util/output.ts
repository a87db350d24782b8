/**
 * Output helpers: a text table for humans, and a streaming writer (stdout or a file) that honours
 * back-pressure. A file is written to a temporary name and renamed only on success, so a failed export
 * never leaves a truncated file or damages an existing one.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { MscopeError } from '../../../model/errors.js';

/** Render rows as an aligned text table with a header line. */
export function textTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}

/** Thrown by a stdout sink once the reader has gone away (EPIPE, e.g. `| head`): stop quietly. */
export class OutputClosed extends Error {
  constructor() {
    super('output closed by the reader');
    this.name = 'OutputClosed';
  }
}

export interface OutputSink {
  write(s: string): Promise<void>;
  /** Finish: flush and (for a file) move it into place. */
  end(): Promise<void>;
  /** Give up: remove the temporary file. */
  abort(): Promise<void>;
}

async function writeTo(stream: NodeJS.WritableStream, s: string): Promise<void> {
  if (!stream.write(s)) await once(stream, 'drain');
}

function stdoutSink(): OutputSink {
  let closed = false;
  const onError = (e: NodeJS.ErrnoException): void => {
    if (e.code === 'EPIPE') closed = true;
    else throw e;
  };
  process.stdout.on('error', onError);
  return {
    async write(s) {
      if (closed) throw new OutputClosed();
      if (!process.stdout.write(s)) {
        await Promise.race([once(process.stdout, 'drain'), once(process.stdout, 'close')]).catch(
          (e: NodeJS.ErrnoException) => {
            if (e.code === 'EPIPE') closed = true;
            else throw e;
          },
        );
      }
      if (closed) throw new OutputClosed();
    },
    end: async () => undefined,
    abort: async () => undefined,
  };
}

/** stdout, or `file` via `file.tmp-<pid>` + rename. */
export async function openSink(file?: string): Promise<OutputSink> {
  if (file === undefined || file === '-') return stdoutSink();
  const tmp = `${file}.tmp-${process.pid}`;
  const stream: WriteStream = createWriteStream(tmp);
  let failure: Error | null = null;
  stream.on('error', (e) => (failure = e));
  await Promise.race([once(stream, 'open'), once(stream, 'error')]).catch(() => undefined);
  const check = (): void => {
    if (failure) throw new MscopeError(`${file}: cannot write: ${failure.message}`);
  };
  check();
  return {
    async write(s) {
      check();
      await writeTo(stream, s);
    },
    async end() {
      check();
      stream.end();
      await once(stream, 'finish');
      check();
      await rename(tmp, file);
    },
    async abort() {
      stream.destroy();
      await rm(tmp, { force: true });
    },
  };
}
