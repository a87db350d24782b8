/**
 * CORD-19 `metadata.csv`: one document per row (title + abstract; the full text lives in the JSON parses).
 * Streams the file; a malformed row fails with its file and row number.
 */
import { createReadStream } from 'node:fs';
import { parse, CsvError } from 'csv-parse';
import { InputError } from '../../model/errors.js';
import { emptyDocument, withId, type Document } from '../../model/document.js';

/** metadata.csv column -> Document field. */
const COLUMNS = {
  cord_uid: 'cord_uid',
  sha: 'sha',
  title: 'title',
  doi: 'doi',
  pmcid: 'pmcid',
  pubmed_id: 'pmid',
  publish_time: 'date',
  journal: 'journal',
} as const;

const REQUIRED = ['cord_uid', 'title'] as const;

export async function* readCord19Csv(file: string): AsyncGenerator<Document> {
  const parser = createReadStream(file).pipe(
    parse({ columns: true, bom: true, relax_column_count: false, skip_empty_lines: true }),
  );
  let record = 0;
  try {
    for await (const row of parser as AsyncIterable<Record<string, string>>) {
      record++;
      if (record === 1)
        for (const col of REQUIRED)
          if (!(col in row))
            throw new InputError({ file, field: col }, `metadata.csv has no "${col}" column`);
      yield rowToDocument(file, record, row);
    }
  } catch (err) {
    if (err instanceof CsvError)
      throw new InputError(
        { file, record: record + 1, line: (err as CsvError & { lines?: number }).lines },
        `malformed CSV: ${err.message}`,
        { cause: err },
      );
    throw err;
  }
}

export function rowToDocument(file: string, record: number, row: Record<string, string>): Document {
  const doc = emptyDocument('cord19-csv', { file, record });
  for (const [col, field] of Object.entries(COLUMNS)) {
    const v = row[col]?.trim();
    if (v) doc[field] = v;
  }
  const authors = row.authors?.trim();
  doc.authors = authors ? authors.split(/\s*;\s*/).filter(Boolean) : [];
  if (doc.title) doc.sections.push({ name: 'title', text: doc.title });
  const abstract = row.abstract?.trim();
  if (abstract) doc.sections.push({ name: 'abstract', text: abstract });
  if (!doc.cord_uid && !doc.sha && !doc.pmid && !doc.doi && doc.sections.length === 0)
    throw new InputError({ file, record }, 'row has no identifier and no text');
  return withId(doc);
}
