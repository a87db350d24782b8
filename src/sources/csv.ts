/**
 * Website CSV exports (classic and v2), streamed with csv-parse. The dialect is chosen from the header row
 * (see detect.ts), never from the file name.
 */
import { CsvError, Parser } from 'csv-parse';
import { InputError } from '../model/errors.js';
import type { StudyRecord } from '../model/record.js';
import type { Provenance, SourceFormat } from '../model/study.js';
import { CLASSIC_CSV_READ, mapClassicCsvRow } from './classic/csv.js';
import { SHARED_CSV_COLUMNS, type CsvRow } from './csv-fields.js';
import { nearKey } from './keys.js';
import type { RecordContext } from './records.js';
import { withLine } from './records.js';
import { V2_CSV_READ, mapV2CsvRow } from './v2/csv.js';
import { mapIctrp } from './registry/ictrp.js';

const CSV_MAPPERS: Partial<Record<SourceFormat, (row: CsvRow, prov: Provenance) => StudyRecord>> = {
  'ctgov-classic-csv': (row, prov) => ({ study: mapClassicCsvRow(row, prov), raw: row }),
  'ctgov-v2-csv': (row, prov) => ({ study: mapV2CsvRow(row, prov), raw: row }),
  'ictrp-csv': (row, prov) => mapIctrp(row as Record<string, string>, prov),
};

/** The headers each CT.gov export's mapper reads; a header one typo away from an absent one would lose a column. */
const READ_COLUMNS: Partial<Record<SourceFormat, readonly string[]>> = {
  'ctgov-classic-csv': [...CLASSIC_CSV_READ, ...SHARED_CSV_COLUMNS],
  'ctgov-v2-csv': [...V2_CSV_READ, ...SHARED_CSV_COLUMNS],
};

/** The first header that is a misspelling of a column the mapper reads (and which the file lacks), if any. */
export function misspeltHeader(
  format: SourceFormat,
  headers: readonly string[],
): { header: string; meant: string } | null {
  const read = READ_COLUMNS[format];
  if (!read) return null;
  const have = new Set(headers);
  for (const h of headers) {
    if (read.includes(h)) continue;
    for (const r of read) if (!have.has(r) && nearKey(h, r)) return { header: h, meant: r };
  }
  return null;
}

export async function* readCsv(
  text: AsyncIterable<string>,
  format: SourceFormat,
  ctx: RecordContext,
): AsyncGenerator<StudyRecord> {
  const map = CSV_MAPPERS[format];
  if (!map) throw new InputError({ file: ctx.file }, `no CSV reader for ${format}`);
  // csv-parse's parser core fed chunk by chunk (what its stream does, without a stream and an async iterator per
  // record in between: the records of a chunk are mapped in one go)
  const api = (
    new Parser({ columns: true, bom: true, info: true, skip_empty_lines: true }) as unknown as {
      api: CsvParserCore;
    }
  ).api;
  type Item = { record: CsvRow; info: { lines: number } };
  let batch: Item[] = [];
  const push = (item: Item): void => void batch.push(item);
  const close = (): void => undefined;
  let checked = false;
  const chunks = text[Symbol.asyncIterator]();
  let finished = false;
  try {
    for (let done = false; !done;) {
      const next = await chunks.next();
      done = next.done === true;
      finished = done;
      const err = done
        ? api.parse(undefined, true, push, close)
        : api.parse(Buffer.from(next.value), false, push, close);
      if (err !== undefined) throw err;
      const items = batch;
      batch = [];
      for (const item of items) {
        if (!checked) {
          checked = true;
          const typo = misspeltHeader(format, Object.keys(item.record));
          if (typo) {
            throw new InputError(
              { file: ctx.file, line: 1, field: typo.header },
              `unknown column: did you mean "${typo.meant}"? (the column would be lost)`,
            );
          }
        }
        ctx.record++;
        const prov: Provenance = {
          format,
          file: ctx.file,
          record: ctx.record,
          fetchedAt: ctx.fetchedAt,
          registryVersion: null,
        };
        try {
          yield map(item.record, prov);
        } catch (e) {
          if (e instanceof InputError) throw withLine(e, item.info.lines);
          throw e;
        }
      }
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    if (e instanceof CsvError) {
      const line = (e as CsvError & { lines?: number }).lines;
      throw new InputError({ file: ctx.file, line }, `malformed CSV (${e.message.replace(/\s+/g, ' ')})`);
    }
    throw e;
  } finally {
    // stopped early (an error, or the reader stopped reading): release the source (file handle, zip entry)
    if (!finished) await chunks.return?.();
  }
}

/** The chunk parser inside csv-parse's Parser (`parser.api`): `parse(chunk, end, push, close)` -> error or undefined. */
interface CsvParserCore {
  parse(
    chunk: Buffer | undefined,
    end: boolean,
    push: (record: { record: CsvRow; info: { lines: number } }) => void,
    close: () => void,
  ): Error | undefined;
}
