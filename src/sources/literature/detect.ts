/**
 * Which literature format a file holds, decided from its content (the first few KB), not its name;
 * the extension only separates Markdown from plain text when the content does not.
 */
import { InputError } from '../../model/errors.js';
import type { DocumentFormat } from '../../model/document.js';

/** How much of a file detection looks at. */
export const SNIFF_BYTES = 8192;

const CORD_TEXT = /^key:\s*\S+\s+authors:/;
const CORD_CSV_HEADER = /^(?:[^\n]*,)?"?cord_uid"?(?:,[^\n]*)?$/m;
const MARKDOWN_LINE = /^(?:#{1,6}\s+\S|[-*]\s+\S|\d+\.\s+\S|```|>\s)/m;

/** Detect the format from the start of the file's text; throws InputError for content mscope cannot read. */
export function detectFormat(file: string, head: string): DocumentFormat {
  const s = head.replace(/^\uFEFF/, '').trimStart();
  if (s.length === 0) throw new InputError({ file }, 'empty file: no document to read');
  if (s.includes('\u0000'))
    throw new InputError({ file }, 'binary file (NUL bytes): not a text, CSV, JSON or XML document');
  if (CORD_TEXT.test(s)) return 'cord19-text';
  if (s.startsWith('{') || s.startsWith('[')) {
    if (/"paper_id"\s*:/.test(s) || /"body_text"\s*:/.test(s)) return 'cord19-json';
    throw new InputError(
      { file },
      'JSON file without "paper_id"/"body_text": not a CORD-19 parse (registry study files are read by `mscope ingest`)',
    );
  }
  if (s.startsWith('<')) {
    if (
      /<PubmedArticle[\s>]/.test(s) ||
      /<PubmedArticleSet[\s>]/.test(s) ||
      /<!DOCTYPE PubmedArticleSet/.test(s)
    )
      return 'pubmed-xml';
    if (/^<(?:!DOCTYPE html|html)[\s>]/i.test(s))
      throw new InputError({ file }, 'HTML page, not a document mscope can read');
    throw new InputError({ file }, 'XML file without <PubmedArticle>: only PubMed XML is supported');
  }
  const firstLine = s.slice(0, s.indexOf('\n') === -1 ? s.length : s.indexOf('\n'));
  if (CORD_CSV_HEADER.test(firstLine) && firstLine.includes(',')) return 'cord19-csv';
  if (/\.(?:md|markdown)$/i.test(file) || MARKDOWN_LINE.test(s)) return 'markdown';
  return 'text';
}
