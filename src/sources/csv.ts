/**
 * Website CSV exports (classic and v2), streamed with csv-parse. The dialect is chosen from the header row
 * (see detect.ts), never from the file name.
 */
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { InputError } from '../model/errors.js';
import type { StudyRecord } from '../model/record.js';
import type { Provenance, SourceFormat, Study } from '../model/study.js';
import { mapClassicCsvRow } from './classic/csv.js';
import type { CsvRow } from './csv-fields.js';
import type { RecordContext } from './records.js';
import { withLine } from './records.js';
import { mapV2CsvRow } from './v2/csv.js';

const CSV_MAPPERS: Partial<Record<SourceFormat, (row: CsvRow, prov: Provenance) => Study>> = {
  'ctgov-classic-csv': mapClassicCsvRow,
  'ctgov-v2-csv': mapV2CsvRow,
};

export async function* readCsv(
  text: AsyncIterable<string>,
  format: SourceFormat,
  ctx: RecordContext,
): AsyncGenerator<StudyRecord> {
  const map = CSV_MAPPERS[format];
  if (!map) throw new InputError({ file: ctx.file }, `no CSV reader for ${format}`);
  const parser = parse({ columns: true, bom: true, info: true, skip_empty_lines: true });
  const src = Readable.from(text, { objectMode: true });
  src.on('error', (e) => parser.destroy(e));
  src.pipe(parser);
  try {
    for await (const item of parser as AsyncIterable<{ record: CsvRow; info: { lines: number } }>) {
      ctx.record++;
      const prov: Provenance = {
        format,
        file: ctx.file,
        record: ctx.record,
        fetchedAt: ctx.fetchedAt,
        registryVersion: null,
      };
      try {
        yield { study: map(item.record, prov), raw: item.record };
      } catch (e) {
        if (e instanceof InputError) throw withLine(e, item.info.lines);
        throw e;
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
    src.destroy();
    parser.destroy();
  }
}
