/**
 * Byte and text plumbing shared by the readers: open a file with clear errors, decode UTF-8 strictly while
 * streaming (a multi-byte sequence split across chunks is kept whole), and peek at the start of a stream.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { InputError } from '../model/errors.js';

export interface ReadOptions {
  fetchedAt?: string;
  signal?: AbortSignal;
  onBytes?: (bytesRead: number, totalBytes: number) => void;
  /** Problems that skip part of a file without failing it (e.g. a damaged EUCTR member-state block). */
  onWarning?: (message: string) => void;
}

/** Bytes of one input: a file, or a member of a zip archive. `label` names it in errors and provenance. */
export interface ByteInput {
  label: string;
  size: number;
  chunks: AsyncIterable<Uint8Array>;
}

const READ_CHUNK = 1 << 20;

export async function openFile(path: string): Promise<ByteInput> {
  let st;
  try {
    st = await stat(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError({ file: path }, 'no such file');
    if (code === 'EACCES') throw new InputError({ file: path }, 'permission denied');
    throw new InputError({ file: path }, `cannot read: ${(e as Error).message}`);
  }
  if (st.isDirectory()) throw new InputError({ file: path }, 'is a directory, not a registry data file');
  if (!st.isFile()) throw new InputError({ file: path }, 'is not a regular file');
  return { label: path, size: st.size, chunks: fileChunks(path) };
}

async function* fileChunks(path: string): AsyncGenerator<Uint8Array> {
  const stream = createReadStream(path, { highWaterMark: READ_CHUNK });
  try {
    for await (const c of stream) yield c as Buffer;
  } catch (e) {
    throw new InputError({ file: path }, `cannot read: ${(e as Error).message}`);
  } finally {
    stream.destroy();
  }
}

/** Count bytes as they pass, report them, and honour the abort signal. */
export async function* metered(input: ByteInput, opts: ReadOptions): AsyncGenerator<Uint8Array> {
  let n = 0;
  for await (const c of input.chunks) {
    opts.signal?.throwIfAborted();
    n += c.byteLength;
    opts.onBytes?.(n, input.size);
    yield c;
  }
}

/**
 * Strict UTF-8 decoding of a byte stream (BOM dropped). Invalid bytes -> InputError naming the file and the
 * approximate byte offset.
 */
export async function* decodeUtf8(label: string, chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const dec = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  for await (const c of chunks) {
    let s: string;
    try {
      s = dec.decode(c, { stream: true });
    } catch {
      throw new InputError(
        { file: label },
        `is not UTF-8 text (invalid byte sequence within bytes ${offset}–${offset + c.byteLength})`,
      );
    }
    offset += c.byteLength;
    if (s.length > 0) yield s;
  }
  let tail: string;
  try {
    tail = dec.decode();
  } catch {
    throw new InputError({ file: label }, 'is not UTF-8 text (ends inside a multi-byte sequence)');
  }
  if (tail.length > 0) yield tail;
}

/** The first items of a stream, and the whole stream again (peeked items first). */
export interface Peeked<T> {
  head: T[];
  ended: boolean;
  all: AsyncGenerator<T>;
}

/** Pull items until `enough(head)` or the end; nothing is lost. */
export async function peek<T>(src: AsyncIterable<T>, enough: (head: T[]) => boolean): Promise<Peeked<T>> {
  const it = src[Symbol.asyncIterator]();
  const head: T[] = [];
  let ended = false;
  while (!enough(head)) {
    const r = await it.next();
    if (r.done) {
      ended = true;
      break;
    }
    head.push(r.value);
  }
  async function* all(): AsyncGenerator<T> {
    try {
      // Hand the peeked items over once, then let them go (the head can be megabytes).
      const first = head.splice(0, head.length);
      while (first.length > 0) yield first.shift()!;
      if (ended) return;
      for (;;) {
        const r = await it.next();
        if (r.done) return;
        yield r.value;
      }
    } finally {
      await it.return?.();
    }
  }
  return { head, ended, all: all() };
}
