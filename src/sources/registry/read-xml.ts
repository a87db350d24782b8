/**
 * XML registry exports, streamed record by record: ICTRP (`<Trial>` elements), ChiCTR (`<Triall>`), and ANZCTR
 * (one trial per document; the root is the record).
 */
import { InputError } from '../../model/errors.js';
import type { StudyRecord } from '../../model/record.js';
import type { SourceFormat } from '../../model/study.js';
import { XML_ROOTS } from '../detect.js';
import { nextProvenance, type RecordContext } from '../records.js';
import { withLine } from '../records.js';
import { mapAnzctr } from './anzctr.js';
import { mapChictr } from './chictr.js';
import { mapIctrp } from './ictrp.js';
import { elements, parseElement, rootName, text, type XmlNode } from './xml.js';

/** Longest single-record XML document read in one go (ANZCTR files are a few tens of KB). */
const MAX_DOC_CHARS = 64 << 20;

function flat(node: XmlNode | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (node === undefined || typeof node === 'string') return out;
  for (const [k, v] of Object.entries(node)) {
    const t = text(v as XmlNode[]);
    if (t !== null) out[k] = t;
  }
  return out;
}

export async function* readRegistryXml(
  src: AsyncIterable<string>,
  ctx: RecordContext,
): AsyncGenerator<StudyRecord> {
  const it = src[Symbol.asyncIterator]();
  const first = await it.next();
  const head = first.done ? '' : first.value;
  async function* again(): AsyncGenerator<string> {
    if (!first.done) yield first.value;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  }
  const root = rootName(head) ?? '';
  // own keys only: a root named like an Object property ("__proto__", "constructor") is no registry format
  const kind = Object.hasOwn(XML_ROOTS, root) ? XML_ROOTS[root] : undefined;
  if (!kind)
    throw new InputError(
      { file: ctx.file },
      `is XML with root <${root}>, not a registry export mscope reads`,
    );
  const format: SourceFormat = kind.format;
  if (kind.record === null) {
    let doc = '';
    for await (const c of again()) {
      doc += c;
      if (doc.length > MAX_DOC_CHARS)
        throw new InputError(
          { file: ctx.file },
          `XML document larger than ${MAX_DOC_CHARS >> 20} M characters; not one ANZCTR trial`,
        );
    }
    const prov = nextProvenance(ctx, format);
    const parsed = parseElement(doc, { file: ctx.file, record: prov.record!, line: 1 });
    const node = (parsed[root] ?? [])[0];
    if (node === undefined)
      throw new InputError({ file: ctx.file, record: prov.record! }, `no <${root}> element`);
    yield mapAnzctr(root, node, prov);
    return;
  }
  for await (const el of elements(again(), kind.record, ctx.file)) {
    const prov = nextProvenance(ctx, format);
    const parsed = parseElement(el.xml, { file: ctx.file, record: prov.record!, line: el.line });
    const node = (parsed[kind.record] ?? [])[0];
    try {
      if (format === 'ictrp-xml') yield mapIctrp(flat(node), prov);
      else yield mapChictr(node!, prov);
    } catch (e) {
      if (e instanceof InputError) throw withLine(e, el.line);
      throw e;
    }
  }
}
