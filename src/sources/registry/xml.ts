/**
 * Streaming XML for registry exports: the text is cut into record elements (`<Trial>…</Trial>` of an ICTRP
 * export, `<Triall>…</Triall>` of ChiCTR) as it arrives, and each element is parsed on its own with
 * fast-xml-parser, so memory holds one record. A malformed element is an InputError naming the file, the
 * record number and its line.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { InputError } from '../../model/errors.js';

export type XmlNode = string | { [k: string]: XmlNode | XmlNode[] };

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: () => true,
});

/** Parse one element's XML text; every child is a list (repeatable tags need no special case). */
export function parseElement(
  xml: string,
  where: { file: string; record: number; line: number },
): Record<string, XmlNode[]> {
  const ok = XMLValidator.validate(xml);
  if (ok !== true) {
    throw new InputError(
      { file: where.file, record: where.record, line: where.line + ok.err.line - 1 },
      `malformed XML (${ok.err.msg})`,
    );
  }
  try {
    return parser.parse(xml) as Record<string, XmlNode[]>;
  } catch (e) {
    throw new InputError(
      { file: where.file, record: where.record, line: where.line },
      `malformed XML (${(e as Error).message.replace(/\s+/g, ' ').slice(0, 120)})`,
    );
  }
}

/** The text of a node ('' for an empty element; the concatenated text of mixed content). */
export function text(n: XmlNode | XmlNode[] | undefined): string | null {
  if (n === undefined) return null;
  if (Array.isArray(n)) return n.length === 0 ? null : text(n[0]);
  if (typeof n === 'string') return n;
  const t = n['#text'];
  return t === undefined ? '' : text(t);
}

/** The child list `key` of an element node. */
export function kids(n: XmlNode | undefined, key: string): XmlNode[] {
  if (n === undefined || typeof n === 'string') return [];
  const v = n[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** First child `key`'s text. */
export const child = (n: XmlNode | undefined, key: string): string | null => text(kids(n, key)[0]);

/** Texts of every child `key`. */
export const children = (n: XmlNode | undefined, key: string): string[] =>
  kids(n, key)
    .map((x) => text(x))
    .filter((x): x is string => x !== null);

/** Name of the root element of an XML text (after the declaration, processing instructions and comments). */
export function rootName(head: string): string | null {
  let i = 0;
  for (;;) {
    while (i < head.length && /\s|\ufeff/.test(head[i]!)) i++;
    if (head.startsWith('<?', i)) {
      const e = head.indexOf('?>', i);
      if (e < 0) return null;
      i = e + 2;
    } else if (head.startsWith('<!--', i)) {
      const e = head.indexOf('-->', i);
      if (e < 0) return null;
      i = e + 3;
    } else if (head.startsWith('<!', i)) {
      const e = head.indexOf('>', i);
      if (e < 0) return null;
      i = e + 1;
    } else break;
  }
  const m = /^<([A-Za-z_][\w.:-]*)/.exec(head.slice(i, i + 200));
  return m ? m[1]! : null;
}

export interface XmlElement {
  xml: string;
  /** 1-based record number. */
  record: number;
  /** 1-based line where the element starts. */
  line: number;
}

/** Cut streamed text into the `<tag>…</tag>` elements it holds (not nested in themselves). */
export async function* elements(
  text: AsyncIterable<string>,
  tag: string,
  file: string,
): AsyncGenerator<XmlElement> {
  const open = new RegExp(`<${tag.replace(/\./g, '\\.')}(?=[\\s>/])`, 'g');
  const close = `</${tag}>`;
  let buf = '';
  let line = 1;
  let record = 0;
  for await (const chunk of text) {
    buf += chunk;
    for (;;) {
      open.lastIndex = 0;
      const m = open.exec(buf);
      if (!m) {
        // keep a tail that may hold the start of an opening tag
        const keep = Math.max(0, buf.length - tag.length - 2);
        line += count(buf, 0, keep);
        buf = buf.slice(keep);
        break;
      }
      const end = buf.indexOf(close, m.index);
      if (end < 0) {
        line += count(buf, 0, m.index);
        buf = buf.slice(m.index);
        break;
      }
      line += count(buf, 0, m.index);
      const stop = end + close.length;
      record++;
      yield { xml: buf.slice(m.index, stop), record, line };
      line += count(buf, m.index, stop);
      buf = buf.slice(stop);
    }
  }
  open.lastIndex = 0;
  if (open.test(buf)) {
    throw new InputError(
      { file, record: record + 1, line },
      `malformed XML (<${tag}> is not closed; the file ends early)`,
    );
  }
}

function count(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf('\n', from); i >= 0 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
