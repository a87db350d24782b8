/**
 * Zip archives (e.g. the website's "download as zip"): every file member is read in turn, streamed from the
 * archive (never unpacked to disk), and its format detected from its own content. Directories and macOS
 * resource forks are skipped. Members are labelled "archive.zip!member.json".
 */
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { InputError } from '../model/errors.js';
import type { ByteInput } from './input.js';

export function looksLikeZip(head: Uint8Array): boolean {
  return (
    head.length >= 4 &&
    head[0] === 0x50 &&
    head[1] === 0x4b &&
    (head[2] === 3 || head[2] === 5) &&
    (head[3] === 4 || head[3] === 6)
  );
}

function skip(name: string): boolean {
  return name.endsWith('/') || name.startsWith('__MACOSX/') || name.split('/').pop()!.startsWith('._');
}

function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      path,
      { lazyEntries: true, autoClose: true, strictFileNames: false, validateEntrySizes: true },
      (err, zf) => {
        if (err || !zf)
          reject(
            new InputError({ file: path }, `not a readable zip archive (${err?.message ?? 'unknown error'})`),
          );
        else resolve(zf);
      },
    );
  });
}

/** Registry data compresses 5-20 times; a member inflating far more than this, and big, is refused (zip bomb). */
export const MAX_INFLATE_RATIO = 100;
export const INFLATE_CHECK_FROM = 64 << 20;

function checkInflation(label: string, size: number, compressed: number): void {
  if (size < INFLATE_CHECK_FROM || size <= MAX_INFLATE_RATIO * Math.max(1, compressed)) return;
  throw new InputError(
    { file: label },
    `inflates ${Math.round(size / Math.max(1, compressed))} times (${compressed} -> ${size} bytes): ` +
      `more than the ${MAX_INFLATE_RATIO} times registry data can; refusing it (damaged or a zip bomb)`,
  );
}

/** The file members of a zip archive, each as a ByteInput streamed from the archive. */
export async function* zipMembers(path: string): AsyncGenerator<ByteInput & { compressedSize: number }> {
  const zf = await openZip(path);
  let members = 0;
  try {
    for (;;) {
      const entry = await new Promise<Entry | null>((resolve, reject) => {
        const onEntry = (e: Entry): void => {
          cleanup();
          resolve(e);
        };
        const onEnd = (): void => {
          cleanup();
          resolve(null);
        };
        const onError = (e: Error): void => {
          cleanup();
          reject(new InputError({ file: path }, `corrupt zip archive (${e.message})`));
        };
        const cleanup = (): void => {
          zf.off('entry', onEntry);
          zf.off('end', onEnd);
          zf.off('error', onError);
        };
        zf.on('entry', onEntry);
        zf.on('end', onEnd);
        zf.on('error', onError);
        zf.readEntry();
      });
      if (entry === null) break;
      if (skip(entry.fileName)) continue;
      members++;
      const label = `${path}!${entry.fileName}`;
      checkInflation(label, entry.uncompressedSize, entry.compressedSize);
      const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) => {
        zf.openReadStream(entry, (err, s) => {
          if (err || !s)
            reject(
              new InputError({ file: label }, `cannot read zip member (${err?.message ?? 'unknown error'})`),
            );
          else resolve(s);
        });
      });
      yield {
        label,
        size: entry.uncompressedSize,
        compressedSize: entry.compressedSize,
        chunks: memberChunks(label, stream),
      };
    }
  } finally {
    zf.close();
  }
  if (members === 0) throw new InputError({ file: path }, 'zip archive holds no files');
}

async function* memberChunks(label: string, stream: NodeJS.ReadableStream): AsyncGenerator<Uint8Array> {
  try {
    for await (const c of stream) yield c as Buffer;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError({ file: label }, `corrupt zip member (${(e as Error).message})`);
  } finally {
    (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
  }
}
