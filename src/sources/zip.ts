/**
 * Zip archives (the website's "download as zip", ClinicalTrials.gov's full download of one v2 JSON file per
 * study): every file member is read in turn, straight from the archive (never unpacked to disk), and its format
 * detected from its own content. Directories and macOS resource forks are skipped. Members are labelled
 * "archive.zip!member.json".
 *
 * Built for archives of hundreds of thousands of small members: the central directory (Zip64 included) is read in
 * large sequential blocks, and members are read through a sliding window of the file, so a member costs no system
 * call of its own; a small member (up to WHOLE_BYTES) is inflated in one call and handed over whole (`whole`), a
 * large one is streamed. Memory holds one window, one member and nothing per member read before.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';
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

/** Members up to this size (compressed and inflated) are read and inflated in one go; larger ones are streamed. */
export const WHOLE_BYTES = 16 << 20;
/** Bytes read from the file at a time (central directory and members). */
const WINDOW = 4 << 20;
const U16 = 0xffff;
const U32 = 0xffffffff;

/** A member of an archive: its bytes streamed (`chunks`), and all of them at once when it is small (`whole`). */
export interface ZipMember extends ByteInput {
  compressedSize: number;
  /** The inflated content of a small member (the same bytes `chunks` yields). */
  whole: Uint8Array | null;
  /** False for a member left to another reader (`take`): neither read nor inflated, `chunks` yields nothing. */
  taken: boolean;
}

/** Reads of a file through one sliding window: sequential reads cost one system call per WINDOW bytes. */
class FileWindow {
  private buf = Buffer.alloc(0);
  private start = 0;

  constructor(
    private readonly fh: FileHandle,
    readonly size: number,
  ) {}

  /** `len` bytes at `pos` (a view: valid until the next call). Fewer only at the end of the file. */
  async at(pos: number, len: number): Promise<Buffer> {
    const end = Math.min(pos + len, this.size);
    if (pos >= this.start && end <= this.start + this.buf.length)
      return this.buf.subarray(pos - this.start, end - this.start);
    const want = Math.min(Math.max(len, WINDOW), this.size - pos);
    const buf = Buffer.allocUnsafe(Math.max(0, want));
    let got = 0;
    while (got < want) {
      const { bytesRead } = await this.fh.read(buf, got, want - got, pos + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    this.buf = buf.subarray(0, got);
    this.start = pos;
    return this.buf.subarray(0, Math.min(got, end - pos));
  }
}

interface CentralEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

interface Directory {
  entries: number;
  offset: number;
  size: number;
}

const corrupt = (path: string, why: string): InputError =>
  new InputError({ file: path }, `corrupt zip archive (${why})`);

async function readAt(fh: FileHandle, pos: number, len: number): Promise<Buffer> {
  const buf = Buffer.alloc(len);
  const { bytesRead } = await fh.read(buf, 0, len, pos);
  return buf.subarray(0, bytesRead);
}

/** Find the central directory from the end records (Zip64 when the classic fields overflow). */
async function directory(path: string, fh: FileHandle, size: number): Promise<Directory> {
  const tailLen = Math.min(size, 22 + U16);
  const tail = await readAt(fh, size - tailLen, tailLen);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50 && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0)
    throw new InputError(
      { file: path },
      'not a readable zip archive (end of central directory record signature not found; truncated?)',
    );
  let entries = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if (entries === U16 || cdSize === U32 || cdOffset === U32) {
    const locAt = size - tailLen + eocd - 20;
    const loc = locAt >= 0 ? await readAt(fh, locAt, 20) : Buffer.alloc(0);
    if (loc.length < 20 || loc.readUInt32LE(0) !== 0x07064b50) {
      if (entries === U16 && cdSize !== U32 && cdOffset !== U32)
        return { entries, offset: cdOffset, size: cdSize };
      throw corrupt(path, 'Zip64 end of central directory locator not found');
    }
    const recAt = Number(loc.readBigUInt64LE(8));
    const rec = await readAt(fh, recAt, 56);
    if (rec.length < 56 || rec.readUInt32LE(0) !== 0x06064b50)
      throw corrupt(path, 'Zip64 end of central directory record not found');
    entries = Number(rec.readBigUInt64LE(32));
    cdSize = Number(rec.readBigUInt64LE(40));
    cdOffset = Number(rec.readBigUInt64LE(48));
  }
  if (cdOffset + cdSize > size) throw corrupt(path, 'the central directory lies past the end of the file');
  return { entries, offset: cdOffset, size: cdSize };
}

/** The central directory entries, read in blocks of WINDOW bytes. */
async function* centralEntries(path: string, fh: FileHandle, dir: Directory): AsyncGenerator<CentralEntry> {
  const win = new FileWindow(fh, dir.offset + dir.size);
  let pos = dir.offset;
  for (let i = 0; i < dir.entries; i++) {
    const h = await win.at(pos, 46);
    if (h.length < 46 || h.readUInt32LE(0) !== 0x02014b50)
      throw corrupt(path, `central directory entry ${i + 1} is damaged`);
    const flags = h.readUInt16LE(8);
    const method = h.readUInt16LE(10);
    const crc = h.readUInt32LE(16);
    let compressedSize = h.readUInt32LE(20);
    let size = h.readUInt32LE(24);
    const nameLen = h.readUInt16LE(28);
    const extraLen = h.readUInt16LE(30);
    const commentLen = h.readUInt16LE(32);
    let localOffset = h.readUInt32LE(42);
    const rest = await win.at(pos + 46, nameLen + extraLen);
    if (rest.length < nameLen + extraLen)
      throw corrupt(path, `central directory entry ${i + 1} is cut short`);
    const name = rest.toString(flags & 0x800 ? 'utf8' : 'latin1', 0, nameLen);
    if (size === U32 || compressedSize === U32 || localOffset === U32) {
      // Zip64 extended information: the overflowing fields, in this order
      const extra = rest.subarray(nameLen);
      for (let o = 0; o + 4 <= extra.length;) {
        const id = extra.readUInt16LE(o);
        const len = extra.readUInt16LE(o + 2);
        if (id === 0x0001) {
          let f = o + 4;
          const end = o + 4 + len;
          const next = (): number => {
            const v = f + 8 <= end ? Number(extra.readBigUInt64LE(f)) : U32;
            f += 8;
            return v;
          };
          if (size === U32) size = next();
          if (compressedSize === U32) compressedSize = next();
          if (localOffset === U32) localOffset = next();
          break;
        }
        o += 4 + len;
      }
    }
    yield { name, flags, method, crc, compressedSize, size, localOffset };
    pos += 46 + nameLen + extraLen + commentLen;
  }
}

async function* oneChunk(b: Uint8Array): AsyncGenerator<Uint8Array> {
  if (b.byteLength > 0) yield b;
}

/** A large member's bytes, read in blocks and inflated as a stream. */
async function* streamMember(
  label: string,
  fh: FileHandle,
  start: number,
  e: CentralEntry,
): AsyncGenerator<Uint8Array> {
  async function* compressed(): AsyncGenerator<Uint8Array> {
    for (let o = 0; o < e.compressedSize;) {
      const b = await readAt(fh, start + o, Math.min(1 << 20, e.compressedSize - o));
      if (b.length === 0)
        throw new InputError({ file: label }, 'corrupt zip member (the archive ends inside it)');
      o += b.length;
      yield b;
    }
  }
  const src = Readable.from(compressed(), { objectMode: false });
  const stream = e.method === 0 ? src : src.pipe(createInflateRaw());
  src.on('error', (err) => stream.destroy(err));
  let n = 0;
  try {
    for await (const c of stream) {
      n += (c as Buffer).length;
      if (n > e.size)
        throw new InputError({ file: label }, `corrupt zip member (inflates past its ${e.size} bytes)`);
      yield c as Buffer;
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError({ file: label }, `corrupt zip member (${(err as Error).message})`);
  } finally {
    stream.destroy();
    src.destroy();
  }
  if (n !== e.size)
    throw new InputError(
      { file: label },
      `corrupt zip member (${n} bytes inflated, the archive says ${e.size})`,
    );
}

/** A small member inflated in one call, its size and CRC-32 checked. */
function inflateWhole(label: string, data: Buffer, e: CentralEntry): Uint8Array {
  let out: Buffer;
  if (e.method === 0) out = Buffer.from(data);
  else {
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
    } catch (err) {
      throw new InputError({ file: label }, `corrupt zip member (${(err as Error).message})`);
    }
  }
  if (out.length !== e.size)
    throw new InputError(
      { file: label },
      `corrupt zip member (${out.length} bytes inflated, the archive says ${e.size})`,
    );
  if (crc32(out) >>> 0 !== e.crc >>> 0)
    throw new InputError({ file: label }, 'corrupt zip member (CRC-32 mismatch)');
  return out;
}

const NOTHING: AsyncIterable<Uint8Array> = { [Symbol.asyncIterator]: () => oneChunk(new Uint8Array(0)) };

/**
 * The file members of a zip archive, in directory order (see the module comment). Members up to `wholeBytes` are
 * inflated whole, larger ones streamed. With `take`, a member `i` (0-based, counting file members only) for which
 * `take(i)` is false is yielded untouched (`taken: false`): readers on several threads share an archive that way.
 */
export async function* zipMembers(
  path: string,
  wholeBytes = WHOLE_BYTES,
  take?: (member: number) => boolean,
): AsyncGenerator<ZipMember> {
  let fh: FileHandle;
  try {
    fh = await open(path, 'r');
  } catch (err) {
    throw new InputError({ file: path }, `not a readable zip archive (${(err as Error).message})`);
  }
  let members = 0;
  try {
    const size = (await fh.stat()).size;
    const dir = await directory(path, fh, size);
    const win = new FileWindow(fh, size);
    for await (const e of centralEntries(path, fh, dir)) {
      if (skip(e.name)) continue;
      const index = members++;
      const label = `${path}!${e.name}`;
      if (take && !take(index)) {
        yield {
          label,
          size: e.size,
          compressedSize: e.compressedSize,
          whole: null,
          chunks: NOTHING,
          taken: false,
        };
        continue;
      }
      checkInflation(label, e.size, e.compressedSize);
      if (e.flags & 0x1)
        throw new InputError({ file: label }, 'is encrypted; mscope reads unencrypted archives only');
      if (e.method !== 0 && e.method !== 8)
        throw new InputError(
          { file: label },
          `uses compression method ${e.method}; only stored and deflated members are read`,
        );
      const lh = await win.at(e.localOffset, 30);
      if (lh.length < 30 || lh.readUInt32LE(0) !== 0x04034b50)
        throw new InputError({ file: label }, 'cannot read zip member (local header not found)');
      const start = e.localOffset + 30 + lh.readUInt16LE(26) + lh.readUInt16LE(28);
      if (start + e.compressedSize > size)
        throw new InputError({ file: label }, 'corrupt zip member (it runs past the end of the archive)');
      if (e.size <= wholeBytes && e.compressedSize <= wholeBytes) {
        const whole = inflateWhole(label, await win.at(start, e.compressedSize), e);
        yield {
          label,
          size: e.size,
          compressedSize: e.compressedSize,
          whole,
          chunks: oneChunk(whole),
          taken: true,
        };
      } else {
        yield {
          label,
          size: e.size,
          compressedSize: e.compressedSize,
          whole: null,
          chunks: streamMember(label, fh, start, e),
          taken: true,
        };
      }
    }
  } finally {
    await fh.close();
  }
  if (members === 0) throw new InputError({ file: path }, 'zip archive holds no files');
}
