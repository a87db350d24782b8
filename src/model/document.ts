/**
 * A publication (or any text) that may mention registered trials: a review, a results paper, a PubMed
 * record, a CORD-19 parse, a note. Every literature reader in `sources/literature/` yields this shape.
 * Text lives in named sections (title, abstract, body paragraphs …); mentions found later quote spans
 * of `sections[i].text` (field `sections.<i>.text`), like label evidence quotes Study fields.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

export const DocumentFormatSchema = z.enum([
  /** CORD-19 text form: one metadata header (`key: … title: … sha: … cord_uid: …`) then body text. */
  'cord19-text',
  /** One row of a CORD-19 `metadata.csv`. */
  'cord19-csv',
  /** A CORD-19 JSON parse (`paper_id`, `metadata`, `abstract[]`, `body_text[]`). */
  'cord19-json',
  /** One `PubmedArticle` of a PubMed XML export. */
  'pubmed-xml',
  'markdown',
  'text',
]);
export type DocumentFormat = z.infer<typeof DocumentFormatSchema>;

export const DocumentSectionSchema = z.object({
  /** "title", "abstract", "body", or the heading the source gives ("Introduction", "Results" …). */
  name: z.string(),
  text: z.string(),
});
export type DocumentSection = z.infer<typeof DocumentSectionSchema>;

export const DocumentProvenanceSchema = z.object({
  /** The file the document came from. */
  file: z.string(),
  /** 1-based record number inside that file (CSV data row, XML article, array element); null for one-document files. */
  record: z.number().int().nullable(),
});
export type DocumentProvenance = z.infer<typeof DocumentProvenanceSchema>;

export const DocumentSchema = z.object({
  /**
   * Stable key, the same every time the same publication is read: the first of cord_uid, sha, pmid,
   * doi, pmcid, doc_id the source gives (prefixed: "cord:", "sha:", "pmid:", "doi:", "pmc:", "doc:"),
   * else "text:" + 16 hex digits of the SHA-1 of the text.
   */
  id: z.string().min(1),
  format: DocumentFormatSchema,
  title: z.string().nullable(),
  authors: z.array(z.string()),
  /** Publication date as written by the source (CORD-19: YYYY-MM-DD or YYYY), null when absent. */
  date: z.string().nullable(),
  journal: z.string().nullable(),
  doi: z.string().nullable(),
  pmid: z.string().nullable(),
  pmcid: z.string().nullable(),
  /** SHA-1 of the source PDF (CORD-19); several may be joined with "; ". */
  sha: z.string().nullable(),
  cord_uid: z.string().nullable(),
  doc_id: z.string().nullable(),
  sections: z.array(DocumentSectionSchema),
  provenance: DocumentProvenanceSchema,
});
export type Document = z.infer<typeof DocumentSchema>;

/** Identifier fields in the order that decides `Document.id`. */
const ID_FIELDS = [
  ['cord_uid', 'cord'],
  ['sha', 'sha'],
  ['pmid', 'pmid'],
  ['doi', 'doi'],
  ['pmcid', 'pmc'],
  ['doc_id', 'doc'],
] as const;

type IdParts = Pick<Document, 'cord_uid' | 'sha' | 'pmid' | 'doi' | 'pmcid' | 'doc_id'>;

/** The stable id of a document: its first known identifier, else a hash of its text (first 16 hex of SHA-1). */
export function documentId(parts: IdParts, sections: DocumentSection[]): string {
  for (const [field, prefix] of ID_FIELDS) {
    const v = parts[field];
    if (v) return `${prefix}:${field === 'doi' ? v.toLowerCase() : v}`;
  }
  return `text:${createHash('sha1')
    .update(sections.map((s) => s.text).join('\n'))
    .digest('hex')
    .slice(0, 16)}`;
}

/** A Document with every optional field empty (readers fill what the source gives). */
export function emptyDocument(format: DocumentFormat, provenance: DocumentProvenance): Document {
  return {
    id: '',
    format,
    title: null,
    authors: [],
    date: null,
    journal: null,
    doi: null,
    pmid: null,
    pmcid: null,
    sha: null,
    cord_uid: null,
    doc_id: null,
    sections: [],
    provenance,
  };
}

/** Fill `id` from the identifiers and text; returns the same object. */
export function withId(doc: Document): Document {
  doc.id = documentId(doc, doc.sections);
  return doc;
}
