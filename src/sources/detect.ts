/**
 * Format detection FROM CONTENT (never the file name). `sniffText` looks at the start of the decoded text;
 * `detectFormat(path)` opens a file (or zip archive) and reports what `readStudies` would read.
 */
import { InputError } from '../model/errors.js';
import type { SourceFormat } from '../model/study.js';
import { looksLikeEuctr } from './registry/euctr.js';
import { fieldKey, ICTRP_COLUMNS } from './registry/ictrp.js';
import { rootName } from './registry/xml.js';

/** How the text is laid out; the record format inside JSON is decided per record. */
export type TextLayout =
  /** One JSON document (single study, page, classic response, export array). */
  | 'json'
  /** JSON values one per line (or concatenated). */
  | 'ndjson'
  | 'csv'
  /** XML registry exports (ICTRP, ANZCTR, ChiCTR); `format` says which. */
  | 'xml'
  /** Line-oriented registry text (the EUCTR full-text download). */
  | 'text';

export interface Sniffed {
  layout: TextLayout;
  /** Known from the head when possible; JSON records are classified one by one anyway. */
  format: SourceFormat | null;
}

const HTML = /^<(!doctype\s+html|html|head|body|title|meta|!--)/i;

/** Columns that identify the two website CSV exports. */
const V2_CSV_COLUMNS = ['NCT Number', 'Study Title', 'Study Status'];
const CLASSIC_CSV_COLUMNS = ['NCT Number', 'Title', 'Status'];

/** Split a CSV header line into column names (quotes removed); enough for detection. */
export function headerColumns(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  out.push(cur.trim());
  return out;
}

export function csvFormatOf(columns: readonly string[]): SourceFormat | null {
  const has = (names: string[]): boolean => names.every((n) => columns.includes(n));
  if (has(V2_CSV_COLUMNS)) return 'ctgov-v2-csv';
  if (has(CLASSIC_CSV_COLUMNS)) return 'ctgov-classic-csv';
  const keys = columns.map(fieldKey);
  if (ICTRP_COLUMNS.every((c) => keys.includes(c))) return 'ictrp-csv';
  return null;
}

/** XML root elements of the registry exports mscope reads, and the element holding one record. */
export const XML_ROOTS: Readonly<Record<string, { format: SourceFormat; record: string | null }>> = {
  Trials_downloaded_from_ICTRP: { format: 'ictrp-xml', record: 'Trial' },
  ANZCTR_Trial: { format: 'anzctr-xml', record: null },
  'CT.GOV_Trial': { format: 'anzctr-xml', record: null },
  trials: { format: 'chictr-xml', record: 'Triall' },
};

/**
 * End index (exclusive) of the first JSON value in `text` starting at `start`, or -1 if it does not end
 * inside `text`. Only tracks strings and nesting: not a validator.
 */
export function endOfFirstValue(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      depth--;
      if (depth <= 0) return i + 1;
    }
  }
  return -1;
}

function firstNonSpace(text: string, from = 0): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9 && c !== 0xfeff) return i;
  }
  return -1;
}

/** Guess the record format from JSON text without parsing it (used for big single documents). */
function jsonFormatFromKeys(text: string): SourceFormat | null {
  if (text.includes('"protocolSection"')) return 'ctgov-v2-json';
  if (text.includes('"ProtocolSection"')) return 'ctgov-classic-full';
  if (text.includes('"NCTId"')) return 'ctgov-classic-fields';
  if (text.includes('"ctNumber"')) return 'ctis-json';
  return null;
}

/**
 * Decide the layout from the head of the text. `ended` says the head is the whole input.
 * Throws InputError for empty input, HTML pages and unknown formats.
 */
export function sniffText(label: string, head: string, ended: boolean): Sniffed {
  const i = firstNonSpace(head);
  if (i < 0) {
    throw new InputError(
      { file: label },
      ended ? 'is empty (no registry data)' : 'starts with a very long run of blank space; not registry data',
    );
  }
  const c = head[i]!;
  if (c === '<') {
    const tag = head.slice(i, i + 200);
    if (HTML.test(tag)) {
      throw new InputError(
        { file: label },
        'looks like an HTML page, not registry data (an error or login page saved instead of the export?)',
      );
    }
    const root = rootName(head.slice(i));
    const known = root === null || !Object.hasOwn(XML_ROOTS, root) ? undefined : XML_ROOTS[root];
    if (known) return { layout: 'xml', format: known.format };
    throw new InputError(
      { file: label },
      `is XML with root <${root ?? '?'}>, not a registry export mscope reads (ICTRP <Trials_downloaded_from_ICTRP>, ANZCTR <ANZCTR_Trial>/<CT.GOV_Trial>, ChiCTR <trials><Triall>)`,
    );
  }
  if (c === '{' || c === '[') {
    const end = endOfFirstValue(head, i);
    if (end < 0) return { layout: 'json', format: jsonFormatFromKeys(head) };
    const next = firstNonSpace(head, end);
    const format = jsonFormatFromKeys(head.slice(i, end));
    // An object followed by more values is NDJSON (or concatenated JSON); an array is one document.
    if (c === '{' && (next >= 0 || !ended)) return { layout: 'ndjson', format };
    return { layout: 'json', format };
  }
  if (looksLikeEuctr(head.slice(i))) return { layout: 'text', format: 'euctr-text' };
  const nl = head.indexOf('\n', i);
  if (nl < 0 && !ended) {
    throw new InputError(
      { file: label },
      'unknown format: not JSON, NDJSON or a ClinicalTrials.gov CSV export',
    );
  }
  const firstLine = head.slice(i, nl < 0 ? head.length : nl).replace(/\r$/, '');
  const format = csvFormatOf(headerColumns(firstLine));
  if (format !== null) return { layout: 'csv', format };
  const shown = firstLine.length > 60 ? `${firstLine.slice(0, 60)}…` : firstLine;
  throw new InputError(
    { file: label, line: 1 },
    `unknown format: not JSON, NDJSON or a ClinicalTrials.gov CSV export (first line: ${JSON.stringify(shown)})`,
  );
}
