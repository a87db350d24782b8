/**
 * Literature readers: `readDocuments(path)` yields every Document in a file (or in the files of a
 * folder, in name order), the format detected from the content. Bad input throws InputError naming
 * the file and, where known, the record.
 */
import { open, readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../../model/errors.js';
import type { Document, DocumentFormat } from '../../model/document.js';
import { detectFormat, SNIFF_BYTES } from './detect.js';
import { parseCord19Text } from './cord19Text.js';
import { readCord19Csv } from './cord19Csv.js';
import { parseCord19Json } from './cord19Json.js';
import { parsePubmedXml } from './pubmedXml.js';
import { parseMarkdown, parsePlainText } from './text.js';

export { detectFormat } from './detect.js';
export { parseCord19Text } from './cord19Text.js';
export { parseCord19Json } from './cord19Json.js';
export { parsePubmedXml } from './pubmedXml.js';
export { parseMarkdown, parsePlainText } from './text.js';

/** Parsers of formats read whole (every format but the streamed CSV). */
const WHOLE_FILE: Record<
  Exclude<DocumentFormat, 'cord19-csv'>,
  (file: string, text: string) => Document | Document[]
> = {
  'cord19-text': parseCord19Text,
  'cord19-json': parseCord19Json,
  'pubmed-xml': parsePubmedXml,
  markdown: parseMarkdown,
  text: parsePlainText,
};

/** Parse already-loaded text (format detected from it); for in-memory use and tests. */
export function parseDocuments(file: string, text: string): Document[] {
  const format = detectFormat(file, text.slice(0, SNIFF_BYTES));
  if (format === 'cord19-csv')
    throw new InputError({ file }, 'metadata.csv must be read from a file (readDocuments)');
  const out = WHOLE_FILE[format](file, text.replace(/^\uFEFF/, ''));
  return Array.isArray(out) ? out : [out];
}

export async function* readDocuments(path: string): AsyncGenerator<Document> {
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    throw new InputError(
      { file: path },
      `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      { cause: err },
    );
  }
  if (info.isDirectory()) {
    const names = (await readdir(path)).filter((n) => !n.startsWith('.')).sort();
    for (const name of names) yield* readDocuments(join(path, name));
    return;
  }
  const format = detectFormat(path, await sniff(path));
  if (format === 'cord19-csv') {
    yield* readCord19Csv(path);
    return;
  }
  const bytes = await readFile(path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (err) {
    throw new InputError({ file: path }, 'not UTF-8 text', { cause: err });
  }
  const out = WHOLE_FILE[format](path, text.replace(/^\uFEFF/, ''));
  for (const doc of Array.isArray(out) ? out : [out]) yield doc;
}

async function sniff(file: string): Promise<string> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await fh.read(buf, 0, SNIFF_BYTES, 0);
    // a multi-byte character cut at the end is harmless for detection
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await fh.close();
  }
}
