/**
 * CORD-19 text form: a metadata header `key: … authors: … title: … date: … journal: … DOI: … sha: …
 * doc_id: … cord_uid: …` followed by the body text (in the CORD-19 dumps header and body share one line).
 * Keys are found in order; a key the header lacks stays null.
 */
import { InputError } from '../../model/errors.js';
import { emptyDocument, withId, type Document } from '../../model/document.js';

/** Header keys in the order CORD-19 writes them, and the Document field each fills. */
const HEADER_KEYS = [
  ['key', null],
  ['authors', 'authors'],
  ['title', 'title'],
  ['date', 'date'],
  ['journal', 'journal'],
  ['DOI', 'doi'],
  ['sha', 'sha'],
  ['doc_id', 'doc_id'],
  ['cord_uid', 'cord_uid'],
] as const;

export function parseCord19Text(file: string, text: string): Document {
  const s = text.replace(/^\uFEFF/, '').trimStart();
  // positions of each key marker, searched in order so a later key is never found before an earlier one
  const found: Array<{ key: (typeof HEADER_KEYS)[number]; at: number; valueAt: number }> = [];
  let from = 0;
  for (const key of HEADER_KEYS) {
    const re = new RegExp(`(?:^|\\s)${key[0]}:(?:\\s|$)`, 'g');
    re.lastIndex = from;
    const m = re.exec(s);
    if (!m) continue;
    const at = m.index + (m[0].startsWith(key[0]) ? 0 : 1);
    found.push({ key, at, valueAt: at + key[0].length + 1 });
    from = at + key[0].length + 1;
  }
  const last = found[found.length - 1];
  if (!last || last.key[0] !== 'cord_uid')
    throw new InputError({ file, field: 'cord_uid' }, 'CORD-19 text header has no "cord_uid:" key');
  const doc = emptyDocument('cord19-text', { file, record: null });
  for (let i = 0; i < found.length; i++) {
    const f = found[i]!;
    const field = f.key[1];
    if (field === null) continue;
    let value: string;
    let bodyStart = -1;
    if (f.key[0] === 'cord_uid') {
      // the uid is one token; the body follows it
      const m = /^\s*(\S*)/.exec(s.slice(f.valueAt))!;
      value = m[1]!;
      bodyStart = f.valueAt + m[0].length;
    } else value = s.slice(f.valueAt, found[i + 1]!.at).trim();
    if (field === 'authors') doc.authors = value ? value.split(/\s*;\s*/).filter(Boolean) : [];
    else doc[field] = value || null;
    if (bodyStart >= 0) {
      const body = s.slice(bodyStart).trim();
      doc.sections = [];
      if (doc.title) doc.sections.push({ name: 'title', text: doc.title });
      if (body) doc.sections.push({ name: 'body', text: body });
    }
  }
  if (!doc.cord_uid)
    throw new InputError({ file, field: 'cord_uid' }, 'CORD-19 text header has an empty cord_uid');
  return withId(doc);
}
