/**
 * Writing large text files with bounded memory: a sink that collects text and writes it to a file descriptor in
 * chunks of about 1 MB, and a JSON writer that sends to a sink exactly the text of `JSON.stringify(value, null, 2)`
 * piece by piece, so a report.json of hundreds of MB (a registry-wide report lists every included trial under
 * every table) is never one string in memory.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

export interface TextSink {
  write(text: string): void;
}

const CHUNK = 1 << 20;

/** Text written to a file in ~1 MB chunks (synchronous writes: for batch jobs such as the report). */
export class FileSink implements TextSink {
  private parts: string[] = [];
  private size = 0;
  private fd: number | null;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) this.flush();
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    const buf = Buffer.from(this.parts.join(''), 'utf8');
    this.parts = [];
    this.size = 0;
    for (let off = 0; off < buf.length;) off += writeSync(this.fd!, buf, off, buf.length - off);
  }

  /** Write what is left and close the file. */
  close(): void {
    if (this.fd === null) return;
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
      this.fd = null;
    }
  }

  /** Close without writing what is left (after an error). */
  abort(): void {
    if (this.fd === null) return;
    this.parts = [];
    closeSync(this.fd);
    this.fd = null;
  }
}

type Json = unknown;

const isPrimitive = (v: unknown): boolean => v === null || typeof v !== 'object';

/** The value JSON.stringify serializes for `v` under `key` (its toJSON() when it has one). */
function jsonValue(v: Json, key: string): Json {
  if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function')
    return (v as { toJSON(k: string): unknown }).toJSON(key);
  return v;
}

/** True when JSON.stringify leaves the value out of an object (and writes null for it in an array). */
const omitted = (v: Json): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** A small node: every value of an object or array is a primitive (serialized in one call, then re-indented). */
function flat(v: object): boolean {
  if (Array.isArray(v)) return false;
  for (const k in v) if (!isPrimitive((v as Record<string, unknown>)[k])) return false;
  return true;
}

/**
 * Writes JSON.stringify(value, null, 2) to `out` in pieces (the same text, byte for byte). Arrays of primitives
 * are written a few thousand items at a time; objects whose values are all primitives in one call.
 */
export function writeJson(out: TextSink, value: Json): void {
  const text = node(out, jsonValue(value, ''), '');
  if (text !== undefined) out.write(text);
}

/**
 * Writes node `v` at indentation `cur` to `out`, or returns its text when it is a primitive or small (the caller
 * writes it after its key). Returns undefined for a value JSON.stringify omits.
 */
function node(out: TextSink, v: Json, cur: string): string | undefined {
  if (omitted(v)) return undefined;
  if (isPrimitive(v)) return JSON.stringify(v);
  const inner = cur + '  ';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    out.write('[\n');
    if (v.every(isPrimitive)) {
      const step = 4096;
      for (let i = 0; i < v.length; i += step) {
        const part: string[] = [];
        for (let j = i; j < Math.min(v.length, i + step); j++) {
          const t = omitted(v[j]) ? 'null' : JSON.stringify(v[j]);
          part.push(inner + t);
        }
        out.write(part.join(',\n') + (i + step < v.length ? ',\n' : '\n'));
      }
    } else {
      for (let i = 0; i < v.length; i++) {
        out.write(inner);
        const t = node(out, jsonValue(v[i], String(i)), inner);
        out.write((t ?? 'null') + (i < v.length - 1 ? ',\n' : '\n'));
      }
    }
    return cur + ']';
  }
  if (flat(v as object)) {
    const t = JSON.stringify(v, null, 2);
    return cur === '' ? t : t.replace(/\n/g, '\n' + cur);
  }
  const obj = v as Record<string, unknown>;
  let first = true;
  for (const k of Object.keys(obj)) {
    const val = jsonValue(obj[k], k);
    if (omitted(val)) continue;
    out.write((first ? '{\n' : ',\n') + inner + JSON.stringify(k) + ': ');
    first = false;
    const t = node(out, val, inner);
    if (t !== undefined) out.write(t);
  }
  if (first) return '{}';
  out.write('\n');
  return cur + '}';
}
