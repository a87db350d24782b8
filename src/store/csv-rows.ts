/**
 * Pre-serialized rows written as CSV chunk files that DuckDB reads itself (`read_csv`, on its own threads), so that
 * the reading workers, not the thread owning the DuckDB connection, pay for turning rows into table data: the
 * worker writes each row's UTF-8 bytes once, and the main thread only runs `INSERT … SELECT FROM read_csv(…)`.
 *
 * The format is chosen so that no value needs a scan beyond one `includes`: every text is quoted with \x01 (which
 * no JSON text holds, and no registry text either; a \x01 in a value is doubled; the JSON texts, study, raw record,
 * lists and slim rows, are not even looked at, and a raw record a reader holds as UTF-8 bytes is copied as they are),
 * so commas and line breaks inside values need no escaping; an unquoted empty field is NULL, a quoted empty one the empty string
 * (`allow_quoted_nulls=false`); lists are their JSON text (cast back to VARCHAR[] in SQL); numbers and booleans are
 * written as text. Each studies line starts with its 1-based position in the chunk; the slim rows (nct_id,
 * slim JSON) go to a second file.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { SQL_TYPE, STUDY_COLUMNS, type ColumnValue } from './columns.js';

/** One chunk of rows written by a reader: its two files, the rows, its bytes and its longest line's bytes. */
export interface CsvChunk {
  studies: string;
  slim: string;
  rows: number;
  /** The chunk's size in bytes (both files). */
  bytes: number;
  /** The longest line in bytes. */
  maxLine: number;
}

const Q = '\x01';
const QQ = Q + Q;
const W = STUDY_COLUMNS.length + 1;
const KINDS = STUDY_COLUMNS.map((c) => c.kind);
/** The columns holding JSON texts (the study as stored, the raw record). */
const JSON_TEXT = STUDY_COLUMNS.map((c) => c.name === 'study_json' || c.name === 'raw_json');

/** Bytes per write of a chunk file: values are encoded into a reused buffer of this size, which goes out whole. */
const WRITE_BYTES = 1 << 20;

/**
 * One file written through a reused byte buffer: each value is encoded (UTF-8) straight into it, and it goes to the
 * file in big writes; no line or batch is ever built as one JS string (flattening and re-encoding those cost more than
 * the writes).
 */
class ByteSink {
  private buf = Buffer.allocUnsafe(WRITE_BYTES);
  private off = 0;
  /** Bytes handed to the file so far. */
  private flushed = 0;

  constructor(private readonly fd: number) {}

  /** Bytes written so far (flushed or buffered). */
  get bytes(): number {
    return this.flushed + this.off;
  }

  /** Room for `n` more bytes (flushing first, or growing for one long value). */
  private room(n: number): void {
    if (this.off + n <= this.buf.length) return;
    this.flush();
    if (n > this.buf.length) {
      let size = this.buf.length * 2;
      while (size < n) size *= 2;
      this.buf = Buffer.allocUnsafe(size);
    }
  }

  /** Text of ASCII characters only (numbers, booleans). */
  ascii(s: string): void {
    this.room(s.length);
    this.off += this.buf.write(s, this.off, 'latin1');
  }

  byte(b: number): void {
    this.room(1);
    this.buf[this.off++] = b;
  }

  /** A text value quoted with \x01 (a \x01 inside doubled), as UTF-8. */
  quoted(s: string): void {
    this.json(s.includes(Q) ? s.replaceAll(Q, QQ) : s);
  }

  /**
   * A JSON text quoted with \x01, as UTF-8: JSON holds no raw control character (a string's are escaped, and
   * JSON.stringify escapes them), so there is no \x01 to double and no need to look for one.
   */
  json(t: string): void {
    this.room(3 * t.length + 2); // UTF-8 takes at most 3 bytes per UTF-16 unit
    const b = this.buf;
    b[this.off++] = 1;
    this.off += b.write(t, this.off, 'utf8');
    b[this.off++] = 1;
  }

  /** A JSON text's UTF-8 bytes quoted with \x01, copied as they are (see `json`). */
  jsonBytes(t: Uint8Array): void {
    this.room(t.byteLength + 2);
    const b = this.buf;
    b[this.off++] = 1;
    b.set(t, this.off);
    this.off += t.byteLength;
    b[this.off++] = 1;
  }

  flush(): void {
    for (let o = 0; o < this.off;) o += writeSync(this.fd, this.buf, o, this.off - o);
    this.flushed += this.off;
    this.off = 0;
  }
}

const COMMA = 0x2c;
const NEWLINE = 0x0a;

function field(out: ByteSink, v: ColumnValue | undefined, json: boolean): void {
  if (v === null || v === undefined) return;
  if (typeof v === 'string') {
    if (json) out.json(v);
    else out.quoted(v);
  } else if (typeof v === 'number' || typeof v === 'boolean') out.ascii(String(v));
  else if (v instanceof Uint8Array) out.jsonBytes(v);
  else out.json(JSON.stringify(v));
}

/** Writes rows (flat values, ROW_WIDTH per row, as in rows.ts) into numbered chunk files in `dir`. */
export class CsvChunkWriter {
  private fd = -1;
  private slimFd = -1;
  private out: ByteSink | null = null;
  private slimOut: ByteSink | null = null;
  private names: { studies: string; slim: string } | null = null;
  private seq = 0;
  private count = 0;
  private maxLine = 0;

  constructor(
    private readonly dir: string,
    private readonly prefix: string,
  ) {}

  /** Bytes written to the open chunk (0: none open). */
  get size(): number {
    return this.names === null ? 0 : this.out!.bytes + this.slimOut!.bytes;
  }

  /** Append `rows` rows of `values` to the open chunk (opening one first when none is). */
  add(values: readonly ColumnValue[], rows: number): void {
    if (rows === 0) return;
    if (this.names === null) {
      const n = String(this.count++).padStart(6, '0');
      this.names = {
        studies: join(this.dir, `${this.prefix}-${n}.csv`),
        slim: join(this.dir, `${this.prefix}-${n}.slim.csv`),
      };
      this.fd = openSync(this.names.studies, 'w');
      this.slimFd = openSync(this.names.slim, 'w');
      this.out = new ByteSink(this.fd);
      this.slimOut = new ByteSink(this.slimFd);
      this.seq = 0;
      this.maxLine = 0;
    }
    const out = this.out!;
    const slim = this.slimOut!;
    for (let r = 0, o = 0; r < rows; r++, o += W) {
      const start = out.bytes;
      out.ascii(String(++this.seq));
      for (let c = 0; c < W - 1; c++) {
        out.byte(COMMA);
        field(out, values[o + c], JSON_TEXT[c]!);
      }
      out.byte(NEWLINE);
      if (out.bytes - start > this.maxLine) this.maxLine = out.bytes - start;
      const slimStart = slim.bytes;
      slim.quoted(values[o] as string);
      slim.byte(COMMA);
      slim.json(values[o + W - 1] as string);
      slim.byte(NEWLINE);
      if (slim.bytes - slimStart > this.maxLine) this.maxLine = slim.bytes - slimStart;
    }
  }

  /** Close the open chunk: its files and rows, or null when nothing was written since the last close. */
  close(): CsvChunk | null {
    if (this.names === null) return null;
    this.out!.flush();
    this.slimOut!.flush();
    closeSync(this.fd);
    closeSync(this.slimFd);
    const bytes = this.size;
    const chunk: CsvChunk = { ...this.names, rows: this.seq, bytes, maxLine: this.maxLine };
    this.names = this.out = this.slimOut = null;
    this.fd = this.slimFd = -1;
    return chunk;
  }

  /** Close without a result (on an error). */
  abandon(): void {
    if (this.names === null) return;
    closeSync(this.fd);
    closeSync(this.slimFd);
    this.names = this.out = this.slimOut = null;
  }
}

const sqlString = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/** read_csv options shared by both statements; `lineBytes`: an upper bound of the longest line. */
function readCsv(files: readonly string[], columns: string, lineBytes: number): string {
  let size = 8 << 20;
  while (size < lineBytes + 1) size *= 2;
  return `read_csv([${files.map(sqlString).join(', ')}], columns = {${columns}}, header = false,
    auto_detect = false, delim = ',', quote = '\x01', escape = '\x01', new_line = '\\n', allow_quoted_nulls = false,
    max_line_size = ${size}, buffer_size = ${size}, filename = true)`;
}

const STUDY_CSV_COLUMNS = ["'seq': 'INTEGER'"]
  .concat(STUDY_COLUMNS.map((c) => `'${c.name}': 'VARCHAR'`))
  .join(', ');

const STUDY_SELECT = STUDY_COLUMNS.map((c, i) =>
  KINDS[i] === 'varchar'
    ? c.name
    : KINDS[i] === 'varchar[]'
      ? `CAST(CAST(${c.name} AS JSON) AS VARCHAR[])`
      : `CAST(${c.name} AS ${SQL_TYPE[c.kind]})`,
).join(', ');

/**
 * The two statements appending `chunks` (in order) to snapshot `id`: the studies (ingest_seq = the chunk's `base`
 * + the line's position) and their slim rows. DuckDB keeps the rows in file order (preserve_insertion_order).
 */
export function csvInsertSql(
  id: number,
  chunks: readonly (CsvChunk & { base: number })[],
): { studies: string; slim: string } {
  const lineBytes = chunks.reduce((a, c) => Math.max(a, c.maxLine), 0);
  const base =
    chunks.length === 1
      ? String(chunks[0]!.base)
      : `CASE filename ${chunks.map((c) => `WHEN ${sqlString(c.studies)} THEN ${c.base}`).join(' ')} END`;
  const cols = STUDY_COLUMNS.map((c) => c.name).join(', ');
  return {
    studies: `INSERT INTO studies (snapshot_id, ingest_seq, ${cols})
      SELECT ${id}, ${base} + seq, ${STUDY_SELECT} FROM ${readCsv(
        chunks.map((c) => c.studies),
        STUDY_CSV_COLUMNS,
        lineBytes,
      )}`,
    slim: `INSERT INTO study_slim SELECT ${id}, nct_id, slim_json FROM ${readCsv(
      chunks.map((c) => c.slim),
      "'nct_id': 'VARCHAR', 'slim_json': 'VARCHAR'",
      lineBytes,
    )}`,
  };
}
