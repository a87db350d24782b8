/** Plain text and Markdown documents: Markdown headings become sections; plain text is one "body" section. */
import { emptyDocument, withId, type Document, type DocumentSection } from '../../model/document.js';

const HEADING = /^(#{1,6})[ \t]+(.+?)[ \t#]*$/;

export function parseMarkdown(file: string, text: string): Document {
  const doc = emptyDocument('markdown', { file, record: null });
  const sections: DocumentSection[] = [];
  let name = 'body';
  let lines: string[] = [];
  let inFence = false;
  const flush = (): void => {
    const body = lines.join('\n').trim();
    if (body) sections.push({ name, text: body });
    lines = [];
  };
  for (const line of text.split(/\r?\n/)) {
    if (/^```/.test(line)) inFence = !inFence;
    const m = inFence ? null : HEADING.exec(line);
    if (m) {
      flush();
      const heading = m[2]!.trim();
      if (m[1] === '#' && doc.title === null) {
        doc.title = heading;
        sections.push({ name: 'title', text: heading });
      }
      name = heading;
    } else lines.push(line);
  }
  flush();
  doc.sections = sections;
  return withId(doc);
}

export function parsePlainText(file: string, text: string): Document {
  const doc = emptyDocument('text', { file, record: null });
  const body = text.replace(/\r\n?/g, '\n').trim();
  const firstLine = body.split('\n', 1)[0]?.trim() ?? '';
  if (firstLine && firstLine.length <= 200 && body.includes('\n')) doc.title = firstLine;
  doc.sections = body ? [{ name: 'body', text: body }] : [];
  return withId(doc);
}
