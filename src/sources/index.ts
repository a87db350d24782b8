/**
 * File readers: every ClinicalTrials.gov format a user may have -> StudyRecords ({study, raw}).
 *
 * `readStudies(path)` detects the format from the content (never the name), streams the input (memory does not
 * grow with file size), validates each Study against the shared schema and throws InputError — naming the
 * file and, where known, record, line and field — for bad input.
 *
 * Formats: API v2 JSON (single study, page `{studies,nextPageToken}`, website export array, NDJSON), API v2
 * website CSV, classic study-fields records (NDJSON or `{StudyFieldsResponse}`), classic full studies
 * (`{FullStudiesResponse}`, `{FullStudy}`, `{Study}`), classic website CSV; other registries (registry/):
 * WHO ICTRP XML and CSV exports, ANZCTR XML, ChiCTR XML, the EUCTR full-text download, CTIS `retrieve` JSON;
 * and a .zip holding any of these.
 */
import { InputError } from '../model/errors.js';
import type { StudyRecord } from '../model/record.js';
import type { SourceFormat } from '../model/study.js';
import { readCsv } from './csv.js';
import { sniffText, type TextLayout } from './detect.js';
import {
  parseJsonDocument,
  readJsonDocument,
  readJsonStream,
  readNdjson,
  readParsedDocument,
} from './json.js';
import { decodeUtf8, metered, openFile, peek, type ByteInput, type ReadOptions } from './input.js';
import { newContext, nextProvenance } from './records.js';
import { readEuctr } from './registry/euctr.js';
import { readRegistryXml } from './registry/read-xml.js';
import { looksLikeZip, WHOLE_BYTES, zipMembers } from './zip.js';

export type { SourceFormat } from '../model/study.js';
export type { ReadOptions } from './input.js';
export type { TextLayout } from './detect.js';
export { mapV2Study } from './v2/map.js';

/** Characters read before deciding the layout; a JSON document this small is parsed in one go. */
const SNIFF_CHARS = 8 << 20;

const byteLength = (head: Uint8Array[]): number => head.reduce((n, c) => n + c.byteLength, 0);
const charLength = (head: string[]): number => head.reduce((n, c) => n + c.length, 0);

function firstBytes(head: Uint8Array[], n: number): Uint8Array {
  const out = new Uint8Array(n);
  let o = 0;
  for (const c of head) {
    const take = Math.min(c.byteLength, n - o);
    out.set(c.subarray(0, take), o);
    o += take;
    if (o >= n) break;
  }
  return out.subarray(0, o);
}

function binaryKind(b: Uint8Array): string | null {
  if (looksLikeZip(b)) return 'a zip archive';
  if (b[0] === 0x1f && b[1] === 0x8b) return 'gzip-compressed (decompress it first)';
  if (b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46) return 'a PDF document';
  return null;
}

/** The first non-blank character is `{` or `[` (a JSON document, or NDJSON). */
function startsJson(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff) continue;
    return c === 123 || c === 91;
  }
  return false;
}

const WHOLE_DECODER = new TextDecoder('utf-8', { fatal: true });

async function* readInput(
  input: ByteInput & { whole?: Uint8Array | null },
  fetchedAt: string,
  opts: ReadOptions,
  nested: boolean,
): AsyncGenerator<StudyRecord> {
  let text: { head: string[]; ended: boolean; all: AsyncGenerator<string> };
  const refuse = (kind: string): InputError =>
    nested
      ? new InputError(
          { file: input.label },
          `is ${kind}; only registry data files are read inside a zip archive`,
        )
      : new InputError({ file: input.label }, `is ${kind}, not registry data`);
  if (input.whole) {
    // a small zip member, already inflated: one decode, no streaming machinery
    const kind = binaryKind(input.whole.subarray(0, 4));
    if (kind !== null) throw refuse(kind);
    let whole: string;
    try {
      whole = WHOLE_DECODER.decode(input.whole);
    } catch {
      throw new InputError(
        { file: input.label },
        `is not UTF-8 text (invalid byte sequence within bytes 0–${input.whole.byteLength})`,
      );
    }
    text = {
      head: [whole],
      ended: true,
      all: (async function* () {
        yield whole;
      })(),
    };
  } else {
    const bytes = await peek(input.chunks, (h) => byteLength(h) >= 4);
    const kind = binaryKind(firstBytes(bytes.head, 4));
    if (kind !== null) {
      await bytes.all.return(undefined);
      throw refuse(kind);
    }
    text = await peek(decodeUtf8(input.label, bytes.all), (h) => charLength(h) >= SNIFF_CHARS);
  }
  const ctx = newContext(input.label, fetchedAt, opts.onWarning);
  let records: AsyncIterable<StudyRecord> | Iterable<StudyRecord> | null = null;
  let layout: TextLayout = 'json';
  if (text.ended) {
    // The whole document is in the sniff window: a JSON document is parsed in one go, no sniffing needed (a text
    // that is not one JSON value is sniffed below: NDJSON, CSV, XML, …, or the error naming what it is).
    const whole = text.head.join('');
    if (startsJson(whole)) {
      const parsed = parseJsonDocument(whole);
      if (parsed !== undefined) {
        await text.all.return(undefined);
        records = readParsedDocument(parsed, whole, ctx, input.whole ?? undefined);
      }
    }
  }
  if (records === null) {
    const sn = sniffText(input.label, text.head.join(''), text.ended);
    layout = sn.layout;
    if (sn.layout === 'csv') records = readCsv(text.all, sn.format!, ctx);
    else if (sn.layout === 'xml') records = readRegistryXml(text.all, ctx);
    else if (sn.layout === 'text')
      records = readEuctr(text.all, ctx.file, () => nextProvenance(ctx, 'euctr-text'), ctx.warn);
    else if (sn.layout === 'ndjson') records = readNdjson(text.all, ctx);
    else if (text.ended) {
      // The whole document is in the sniff window: parse it in one go.
      const whole = text.head.join('');
      await text.all.return(undefined);
      records = readJsonDocument(whole, ctx);
    } else records = readJsonStream(text.all, ctx);
  }
  let n = 0;
  for await (const r of records) {
    opts.signal?.throwIfAborted();
    n++;
    yield r;
  }
  if (n === 0) {
    const what = layout === 'csv' ? 'a header without rows' : 'no study records (an empty list or page)';
    throw new InputError({ file: input.label }, `holds ${what}; nothing to ingest`);
  }
}

/** One unit of input: a file, or one member of a zip archive; `records` is null for a unit not taken. */
export interface ReadUnit {
  /** 0-based position among the units of all the paths read. */
  unit: number;
  /** Index of the path it belongs to. */
  file: number;
  records: AsyncGenerator<StudyRecord> | null;
}

export interface UnitOptions extends Omit<ReadOptions, 'onBytes'> {
  /** Read only the units for which this is true (the others are yielded with `records: null`, unread). */
  take?: (unit: number) => boolean;
  /** Bytes read so far of path `file` (an archive: by the compressed size of the members passed). */
  onBytes?: (file: number, bytesRead: number, totalBytes: number) => void;
}

/**
 * The units of `paths` in order: every file, every file member of a zip archive. A unit's records must be read
 * before the next unit is asked for. Several readers (threads) can share the work by taking disjoint units.
 */
export async function* readUnits(paths: readonly string[], opts: UnitOptions = {}): AsyncGenerator<ReadUnit> {
  const fetchedAt = opts.fetchedAt ?? new Date().toISOString();
  const take = opts.take;
  const readOpts: ReadOptions = { fetchedAt, signal: opts.signal, onWarning: opts.onWarning };
  let unit = 0;
  for (let f = 0; f < paths.length; f++) {
    opts.signal?.throwIfAborted();
    const path = paths[f]!;
    const report = opts.onBytes ? (n: number, size: number): void => opts.onBytes!(f, n, size) : undefined;
    const file = await openFile(path);
    const bytes = await peek(file.chunks, (h) => byteLength(h) >= 4);
    if (!looksLikeZip(firstBytes(bytes.head, 4))) {
      const u = unit++;
      if (take && !take(u)) {
        await bytes.all.return(undefined);
        yield { unit: u, file: f, records: null };
      } else {
        const chunks = metered({ ...file, chunks: bytes.all }, { ...readOpts, onBytes: report });
        yield { unit: u, file: f, records: readInput({ ...file, chunks }, fetchedAt, readOpts, false) };
      }
      continue;
    }
    await bytes.all.return(undefined);
    // Progress in an archive is reported against the archive's size: members already passed count with their
    // compressed size, the current one in proportion to its uncompressed bytes read.
    let before = 0;
    const first = unit;
    for await (const member of zipMembers(path, WHOLE_BYTES, take && ((i) => take(first + i)))) {
      const u = unit++;
      if (!member.taken) {
        yield { unit: u, file: f, records: null };
      } else if (member.whole) {
        yield { unit: u, file: f, records: readInput(member, fetchedAt, readOpts, true) };
      } else {
        const onBytes = report
          ? (n: number, size: number): void =>
              report(
                Math.min(file.size, before + Math.round(member.compressedSize * (size > 0 ? n / size : 1))),
                file.size,
              )
          : undefined;
        const chunks = metered(member, { ...readOpts, onBytes });
        yield { unit: u, file: f, records: readInput({ ...member, chunks }, fetchedAt, readOpts, true) };
      }
      before += member.compressedSize;
      report?.(Math.min(file.size, before), file.size);
    }
    report?.(file.size, file.size);
  }
}

/** Read every study in a registry file (or zip archive of files). See the module comment. */
export async function* readStudies(path: string, opts: ReadOptions = {}): AsyncGenerator<StudyRecord> {
  opts.signal?.throwIfAborted();
  const { onBytes, ...rest } = opts;
  const units = readUnits([path], { ...rest, onBytes: onBytes && ((_f, n, size) => onBytes(n, size)) });
  for await (const u of units) yield* u.records!;
}

export interface DetectedFormat {
  /** Record format when the start of the data tells (JSON records are also classified one by one). */
  format: SourceFormat | null;
  layout: TextLayout;
  /** "zip" when the file is an archive; format/layout then describe its first member. */
  container: 'zip' | null;
}

async function detectInput(input: ByteInput): Promise<Omit<DetectedFormat, 'container'>> {
  const bytes = await peek(input.chunks, (h) => byteLength(h) >= 4);
  try {
    const kind = binaryKind(firstBytes(bytes.head, 4));
    if (kind !== null) throw new InputError({ file: input.label }, `is ${kind}, not registry data`);
    const text = await peek(decodeUtf8(input.label, bytes.all), (h) => charLength(h) >= SNIFF_CHARS);
    await text.all.return(undefined);
    return sniffText(input.label, text.head.join(''), text.ended);
  } finally {
    await bytes.all.return(undefined);
  }
}

/** Detect a file's format from its content (InputError when it is not registry data). */
export async function detectFormat(path: string): Promise<DetectedFormat> {
  const file = await openFile(path);
  const bytes = await peek(file.chunks, (h) => byteLength(h) >= 4);
  const zip = looksLikeZip(firstBytes(bytes.head, 4));
  if (!zip) return { ...(await detectInput({ ...file, chunks: bytes.all })), container: null };
  await bytes.all.return(undefined);
  for await (const member of zipMembers(path)) {
    return { ...(await detectInput(member)), container: 'zip' };
  }
  throw new InputError({ file: path }, 'zip archive holds no files');
}
