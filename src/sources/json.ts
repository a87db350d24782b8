/**
 * JSON-family readers: NDJSON (line by line, JSON.parse per line: the fast path), a single JSON document that
 * fits the sniff window (JSON.parse), and a large single document streamed with stream-json's tokenizer
 * (export arrays, v2 pages and classic responses have their study lists streamed element by element).
 */
import { jsonParser } from 'stream-json/core/parser.js';
import { Assembler } from 'stream-json/core/assembler.js';
import { InputError } from '../model/errors.js';
import type { StudyRecord } from '../model/record.js';
import { isObj, type Obj } from './map-util.js';
import { toStudyRecord, unwrap, unwrapElement, type RecordContext } from './records.js';

/** One clean line from a JSON.parse / tokenizer error (V8 quotes the whole input in some messages). */
function parseProblem(e: unknown): string {
  let m = e instanceof Error ? e.message : String(e);
  const q = m.indexOf(', "');
  if (q > 0 && m.endsWith('is not valid JSON')) m = m.slice(0, q);
  m = m.replace(/\s+/g, ' ').trim();
  return `malformed JSON (${m.length > 120 ? `${m.slice(0, 120)}…` : m})`;
}

/** The line of a JSON.parse error when V8 gives "(line N column M)" or "at position N"; else null. */
function lineFromMessage(e: unknown, text: string): number | null {
  if (!(e instanceof Error)) return null;
  const l = /\(line (\d+) column \d+\)/.exec(e.message);
  if (l) return Number(l[1]);
  const p = /at position (\d+)/.exec(e.message);
  if (!p) return null;
  // An error at the very end (truncated input) is reported on the last line that holds text.
  const end = Math.min(Number(p[1]), text.trimEnd().length);
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Longest NDJSON line accepted (V8 strings stop at ~512 M characters). */
const MAX_LINE_CHARS = 256 << 20;

/** NDJSON: one JSON value per line; blank lines are skipped. */
export async function* readNdjson(
  text: AsyncIterable<string>,
  ctx: RecordContext,
): AsyncGenerator<StudyRecord> {
  let carry = '';
  let line = 0;
  function* handle(l: string): Generator<StudyRecord> {
    line++;
    let start = 0;
    while (start < l.length && (l.charCodeAt(start) <= 32 || l.charCodeAt(start) === 0xfeff)) start++;
    if (start === l.length) return;
    let v: unknown;
    try {
      v = JSON.parse(l);
    } catch (e) {
      throw new InputError({ file: ctx.file, line }, parseProblem(e));
    }
    for (const raw of unwrap(v, ctx)) {
      const rec = toStudyRecord(raw, ctx, line);
      // the line IS the record: keep its text so the store need not serialize it again
      if (raw === v) rec.rawJson = start === 0 ? l : l.slice(start);
      yield rec;
    }
  }
  for await (const chunk of text) {
    // Only the new chunk is searched for line ends, so a long line costs linear time.
    let nl = chunk.indexOf('\n');
    if (nl < 0) {
      carry += chunk;
      if (carry.length > MAX_LINE_CHARS) {
        throw new InputError(
          { file: ctx.file, line: line + 1 },
          `line longer than ${MAX_LINE_CHARS >> 20} M characters; not NDJSON`,
        );
      }
      continue;
    }
    yield* handle(carry + chunk.slice(0, nl));
    let from = nl + 1;
    while ((nl = chunk.indexOf('\n', from)) >= 0) {
      yield* handle(chunk.slice(from, nl));
      from = nl + 1;
    }
    carry = chunk.slice(from);
  }
  if (carry.length > 0) yield* handle(carry);
}

/** stream-chain's `none` (a registered symbol): passed to the tokenizer, it flushes the end of input. */
const FLUSH = Symbol.for('object-stream.none') as unknown as string;

/** Find the physical line where a JSON text stops being valid (for error messages). */
export function locateJsonError(text: string): number {
  const p = jsonParser({ streamValues: false, jsonStreaming: true });
  let line = 1;
  let from = 0;
  try {
    for (;;) {
      const nl = text.indexOf('\n', from);
      const end = nl < 0 ? text.length : nl + 1;
      p(text.slice(from, end));
      if (nl < 0) break;
      line++;
      from = end;
    }
    p(FLUSH);
  } catch {
    return line;
  }
  return line;
}

/** `text` parsed when it is one JSON value, else undefined (the caller then sniffs what it is). */
export function parseJsonDocument(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The records of a JSON document already parsed from `text`. A document that is itself one record keeps its
 * text as the stored raw JSON when it is compact (one line), so the store need not serialize it again; with the
 * `bytes` `text` was decoded from (UTF-8), also those bytes of it (StudyRecord.rawJsonUtf8).
 */
export function* readParsedDocument(
  v: unknown,
  text: string,
  ctx: RecordContext,
  bytes?: Uint8Array,
): Generator<StudyRecord> {
  if (!isObj(v) && !Array.isArray(v))
    throw new InputError({ file: ctx.file }, 'JSON holds a single value, not registry records');
  for (const raw of unwrap(v, ctx)) {
    const rec = toStudyRecord(raw, ctx);
    if (raw === v && rec.raw === v) {
      const t = text.trim();
      if (t.indexOf('\n') < 0) {
        rec.rawJson = t;
        if (bytes !== undefined) rec.rawJsonUtf8 = trimmedJsonBytes(bytes);
      }
    }
    yield rec;
  }
}

const isJsonSpace = (b: number): boolean => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/**
 * The UTF-8 bytes of a JSON text that parsed, as its decoded text `.trim()`med: without the byte order mark the
 * decoder drops, and without the spaces around the value (JSON allows no other characters there, so `trim` removes
 * exactly these).
 */
export function trimmedJsonBytes(b: Uint8Array): Uint8Array {
  let start = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  let end = b.length;
  while (start < end && isJsonSpace(b[start]!)) start++;
  while (end > start && isJsonSpace(b[end - 1]!)) end--;
  return b.subarray(start, end);
}

/** A single JSON document already in memory. */
export function* readJsonDocument(text: string, ctx: RecordContext): Generator<StudyRecord> {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new InputError(
      { file: ctx.file, line: lineFromMessage(e, text) ?? locateJsonError(text) },
      parseProblem(e),
    );
  }
  if (!isObj(v) && !Array.isArray(v))
    throw new InputError({ file: ctx.file }, 'JSON holds a single value, not registry records');
  for (const raw of unwrap(v, ctx)) yield toStudyRecord(raw, ctx);
}

type Token = { name: string; value?: unknown };

/** Paths whose array elements are streamed one by one, and wrapper objects descended into. */
const STREAMED_ARRAYS = new Set([
  'studies',
  'StudyFieldsResponse.StudyFields',
  'FullStudiesResponse.FullStudies',
]);
const WRAPPERS = new Set(['StudyFieldsResponse', 'FullStudiesResponse']);

type Frame =
  | { t: 'top' }
  | { t: 'array' }
  | { t: 'object'; path: string; key: string | null; rest: Obj; streamed: boolean };

/**
 * A large single JSON document, streamed: memory holds one record at a time. Values outside the study lists
 * are assembled normally (they are small); a top-level object that is not a wrapper is one record.
 */
export async function* readJsonStream(
  text: AsyncIterable<string>,
  ctx: RecordContext,
): AsyncGenerator<StudyRecord> {
  const parse = jsonParser({ streamValues: false, jsonStreaming: true });
  const stack: Frame[] = [{ t: 'top' }];
  const out: unknown[] = [];
  let asm: Assembler | null = null;
  let asmDone: ((v: unknown) => void) | null = null;
  let line = 1;

  const scalar = (tok: Token): unknown => (tok.name === 'numberValue' ? Number(tok.value) : tok.value);
  const isStart = (n: string): boolean => n === 'startObject' || n === 'startArray';

  /** Begin a value with `tok`; `done` receives it when complete. */
  const value = (tok: Token, done: (v: unknown) => void): void => {
    if (isStart(tok.name)) {
      asm = new Assembler();
      asmDone = done;
      feedAsm(tok);
    } else done(scalar(tok));
  };
  const feedAsm = (tok: Token): void => {
    const a = asm!;
    const h = (a as unknown as Record<string, (v?: unknown) => void>)[tok.name];
    if (h) h.call(a, tok.value);
    if (a.done) {
      const v = a.current;
      const d = asmDone!;
      asm = null;
      asmDone = null;
      d(v);
    }
  };

  const onToken = (tok: Token): void => {
    if (asm) return feedAsm(tok);
    const f = stack[stack.length - 1]!;
    if (f.t === 'top') {
      if (tok.name === 'startObject')
        stack.push({ t: 'object', path: '', key: null, rest: {}, streamed: false });
      else if (tok.name === 'startArray') stack.push({ t: 'array' });
      else throw new InputError({ file: ctx.file, line }, 'JSON holds a single value, not registry records');
      return;
    }
    if (f.t === 'array') {
      if (tok.name === 'endArray') stack.pop();
      else value(tok, (v) => out.push(...unwrapElement(v)));
      return;
    }
    if (tok.name === 'endObject') {
      stack.pop();
      if (!f.streamed && f.path === '') out.push(...unwrap(f.rest, ctx));
      return;
    }
    if (tok.name === 'keyValue') {
      f.key = String(tok.value);
      return;
    }
    const key = f.key ?? '';
    const path = f.path === '' ? key : `${f.path}.${key}`;
    if (tok.name === 'startArray' && STREAMED_ARRAYS.has(path)) {
      f.streamed = true;
      stack.push({ t: 'array' });
    } else if (tok.name === 'startObject' && WRAPPERS.has(path)) {
      f.streamed = true;
      stack.push({ t: 'object', path, key: null, rest: {}, streamed: true });
    } else {
      value(tok, (v) => {
        f.rest[key] = v;
        if (key === 'DataVrs' && typeof v === 'string' && f.path !== '') ctx.registryVersion = v;
      });
    }
  };

  const run = (chunk: string): void => {
    const r = parse(chunk) as unknown;
    if (r && typeof r === 'object' && Array.isArray((r as { values?: unknown }).values)) {
      for (const t of (r as { values: Token[] }).values) onToken(t);
    }
  };

  for await (const chunk of text) {
    try {
      run(chunk);
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError({ file: ctx.file, line }, `${parseProblem(e)}, at or after this line`);
    }
    for (let i = chunk.indexOf('\n'); i >= 0; i = chunk.indexOf('\n', i + 1)) line++;
    for (const raw of out) yield toStudyRecord(raw, ctx);
    out.length = 0;
  }
  try {
    run(FLUSH);
  } catch (e) {
    throw new InputError({ file: ctx.file, line }, parseProblem(e));
  }
  if (stack.length > 1 || asm)
    throw new InputError({ file: ctx.file, line }, 'malformed JSON (the document ends early)');
  for (const raw of out) yield toStudyRecord(raw, ctx);
}
