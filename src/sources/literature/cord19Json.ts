/**
 * CORD-19 JSON parses (document_parses/pdf_json or pmc_json): `paper_id`, `metadata.title`,
 * `metadata.authors[]`, `abstract[]` and `body_text[]` paragraphs with `text` and `section`.
 * A file holds one parse, or an array of them. Each paragraph becomes one section named by its heading.
 */
import { z } from 'zod';
import { InputError } from '../../model/errors.js';
import { emptyDocument, withId, type Document } from '../../model/document.js';

const ParagraphSchema = z.object({ text: z.string(), section: z.string().nullish() });
const AuthorSchema = z.object({
  first: z.string().nullish(),
  middle: z.array(z.string()).nullish(),
  last: z.string().nullish(),
});
const ParseSchema = z.object({
  paper_id: z.string().min(1),
  metadata: z.object({ title: z.string().nullish(), authors: z.array(AuthorSchema).nullish() }).nullish(),
  abstract: z.array(ParagraphSchema).nullish(),
  body_text: z.array(ParagraphSchema).nullish(),
});

export function parseCord19Json(file: string, text: string): Document[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new InputError({ file }, `invalid JSON: ${(err as Error).message}`, { cause: err });
  }
  const items = Array.isArray(data) ? data : [data];
  return items.map((item, i) => toDocument(file, Array.isArray(data) ? i + 1 : null, item));
}

function toDocument(file: string, record: number | null, item: unknown): Document {
  const r = ParseSchema.safeParse(item);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new InputError(
      { file, record: record ?? undefined, field: issue.path.join('.') || undefined },
      `not a CORD-19 parse: ${issue.message}`,
    );
  }
  const p = r.data;
  const doc = emptyDocument('cord19-json', { file, record });
  if (/^[0-9a-f]{40}$/i.test(p.paper_id)) doc.sha = p.paper_id.toLowerCase();
  else if (/^PMC\d+$/i.test(p.paper_id)) doc.pmcid = p.paper_id.toUpperCase();
  else doc.doc_id = p.paper_id;
  doc.title = p.metadata?.title?.trim() || null;
  doc.authors = (p.metadata?.authors ?? [])
    .map((a) =>
      [a.first, ...(a.middle ?? []), a.last]
        .filter((x) => x && x.trim())
        .join(' ')
        .trim(),
    )
    .filter(Boolean);
  if (doc.title) doc.sections.push({ name: 'title', text: doc.title });
  for (const para of p.abstract ?? [])
    if (para.text.trim()) doc.sections.push({ name: para.section?.trim() || 'abstract', text: para.text });
  for (const para of p.body_text ?? [])
    if (para.text.trim()) doc.sections.push({ name: para.section?.trim() || 'body', text: para.text });
  return withId(doc);
}
