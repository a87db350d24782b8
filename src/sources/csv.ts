/**
 * Website CSV exports (classic and v2), streamed with csv-parse. The dialect is chosen from the header row
 * (see detect.ts), never from the file name.
 */
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { InputError } from '../model/errors.js';
import type { StudyRecord } from '../model/record.js';
import type { Provenance, SourceFormat } from '../model/study.js';
import { mapClassicCsvRow } from './classic/csv.js';
import type { CsvRow } from './csv-fields.js';
import type { RecordContext } from './records.js';
import { withLine } from './records.js';
import { mapV2CsvRow } from './v2/csv.js';
import { mapIctrp } from './registry/ictrp.js';

const CSV_MAPPERS: Partial<Record<SourceFormat, (row: CsvRow, prov: Provenance) => StudyRecord>> = {
  'ctgov-classic-csv': (row, prov) => ({ study: mapClassicCsvRow(row, prov), raw: row }),
  'ctgov-v2-csv': (row, prov) => ({ study: mapV2CsvRow(row, prov), raw: row }),
  'ictrp-csv': (row, prov) => mapIctrp(row as Record<string, string>, prov),
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
        yield map(item.record, prov);
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
