/**
 * Pre-serialized rows written as CSV chunk files that DuckDB reads itself (`read_csv`, on its own threads), so that
 * the reading workers, not the thread owning the DuckDB connection, pay for turning rows into table data: the
 * worker writes each row's UTF-8 bytes once, and the main thread only runs `INSERT … SELECT FROM read_csv(…)`.
 *
 * The format is chosen so that no value needs a scan beyond one `includes`: every text is quoted with \x01 (which
 * no JSON text holds, and no registry text either; a \x01 in a value is doubled), so commas and line breaks inside
 * values need no escaping; an unquoted empty field is NULL, a quoted empty one the empty string
 * (`allow_quoted_nulls=false`); lists are their JSON text (cast back to VARCHAR[] in SQL); numbers and booleans are
 * written as text. Each studies line starts with its 1-based position in the chunk; the slim rows (nct_id,
 * slim JSON) go to a second file.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { SQL_TYPE, STUDY_COLUMNS, type ColumnValue } from './columns.js';

/** One chunk of rows written by a reader: its two files, the rows, and an upper bound of its longest line's bytes. */
export interface CsvChunk {
  studies: string;
  slim: string;
  rows: number;
  /** The chunk's size in characters (UTF-16 units). */
  chars: number;
  /** Upper bound of the longest line in bytes. */
  maxLine: number;
}

const Q = '\x01';
const QQ = Q + Q;
const W = STUDY_COLUMNS.length + 1;
const KINDS = STUDY_COLUMNS.map((c) => c.kind);

const quote = (s: string): string => Q + (s.includes(Q) ? s.replaceAll(Q, QQ) : s) + Q;

function field(v: ColumnValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return quote(JSON.stringify(v));
}

/** Writes rows (flat values, ROW_WIDTH per row, as in rows.ts) into numbered chunk files in `dir`. */
export class CsvChunkWriter {
  private fd = -1;
  private slimFd = -1;
  private names: { studies: string; slim: string } | null = null;
  private seq = 0;
  private count = 0;
  private chars = 0;
  private maxLine = 0;

  constructor(
    private readonly dir: string,
    private readonly prefix: string,
  ) {}

  /** Characters written to the open chunk (0: none open). */
  get size(): number {
    return this.chars;
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
      this.seq = 0;
      this.chars = 0;
      this.maxLine = 0;
    }
    let text = '';
    let slim = '';
    for (let r = 0, o = 0; r < rows; r++, o += W) {
      let line = String(++this.seq);
      for (let c = 0; c < W - 1; c++) line += ',' + field(values[o + c]);
      line += '\n';
      if (line.length > this.maxLine) this.maxLine = line.length;
      text += line;
      slim += quote(values[o] as string) + ',' + quote(values[o + W - 1] as string) + '\n';
    }
    this.chars += text.length + slim.length;
    writeSync(this.fd, text);
    writeSync(this.slimFd, slim);
  }

  /** Close the open chunk: its files and rows, or null when nothing was written since the last close. */
  close(): CsvChunk | null {
    if (this.names === null) return null;
    closeSync(this.fd);
    closeSync(this.slimFd);
    const chunk: CsvChunk = {
      ...this.names,
      rows: this.seq,
      chars: this.chars,
      maxLine: this.maxLine * 3,
    };
    this.names = null;
    this.fd = this.slimFd = -1;
    this.chars = 0;
    return chunk;
  }

  /** Close without a result (on an error). */
  abandon(): void {
    if (this.names === null) return;
    closeSync(this.fd);
    closeSync(this.slimFd);
    this.names = null;
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
