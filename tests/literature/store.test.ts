import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyDocument, withId, type Document } from '../../src/model/document.js';
import {
  compileProducts,
  extractMentions,
  loadLiteratureRules,
} from '../../src/classify/literature/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import {
  documentsByPmid,
  ensureLinkSchema,
  hasLinkSchema,
  listDocuments,
  mentionsInDocument,
  mentionsOfTrial,
  saveLinks,
  trialDocumentLinks,
} from '../../src/store/links.js';

const rules = loadLiteratureRules();
const products = compileProducts([{ id: 'remestemcel-L', names: ['Prochymal'] }]);

function doc(fields: Partial<Document>, text: string): Document {
  const d = { ...emptyDocument('text', { file: 'mem.txt', record: null }), ...fields };
  d.sections = [{ name: 'body', text }];
  return withId(d);
}
const linked = (d: Document) => ({ doc: d, mentions: extractMentions(d, { rules, products }) });

describe('store/links', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore(':memory:');
    await ensureLinkSchema(store.connection());
  });
  afterEach(async () => store.close());

  it('stores documents and mentions; re-linking the same document replaces, never duplicates', async () => {
    const conn = store.connection();
    expect(await hasLinkSchema(conn)).toBe(true);
    const a = doc(
      { cord_uid: 'u1', pmid: '111', title: 'A' },
      'NCT00000001 had 10 patients. NCT00000002 used Prochymal.',
    );
    await saveLinks(conn, [linked(a)], rules.version);
    await saveLinks(conn, [linked(a)], rules.version);
    expect((await listDocuments(conn)).map((d) => [d.docId, d.trialCount])).toEqual([['cord:u1', 2]]);
    const ms = await mentionsInDocument(conn, 'cord:u1');
    expect(ms.map((m) => m.nctId)).toEqual(['NCT00000001', 'NCT00000002']);
    expect(ms[0]!.facts.map((f) => `${f.kind}=${f.value}`)).toEqual(['enrollment=10']);
    expect(ms[1]!.products).toEqual(['remestemcel-L']);
    // a changed text under the same id replaces the old mentions
    await saveLinks(conn, [linked(doc({ cord_uid: 'u1' }, 'Now only NCT00000003.'))], rules.version);
    expect((await mentionsInDocument(conn, 'cord:u1')).map((m) => m.nctId)).toEqual(['NCT00000003']);
    expect(await mentionsOfTrial(conn, 'NCT00000001')).toEqual([]);
  });

  it('the same PDF (sha) read under another id replaces the earlier row', async () => {
    const conn = store.connection();
    await saveLinks(conn, [linked(doc({ sha: 'abc' }, 'NCT00000001.'))], rules.version);
    await saveLinks(conn, [linked(doc({ cord_uid: 'u9', sha: 'abc' }, 'NCT00000001 again.'))], rules.version);
    expect((await listDocuments(conn)).map((d) => d.docId)).toEqual(['cord:u9']);
  });

  it('answers trial -> documents, PMID -> documents, and the link list for transparency', async () => {
    const conn = store.connection();
    await saveLinks(
      conn,
      [
        linked(doc({ pmid: '222' }, 'Results of NCT00000001.')),
        linked(doc({ cord_uid: 'x' }, 'NCT00000001 and NCT00000004.')),
      ],
      rules.version,
    );
    expect((await mentionsOfTrial(conn, 'NCT00000001')).map((m) => m.docId)).toEqual(['cord:x', 'pmid:222']);
    expect((await documentsByPmid(conn, ['222', '999'])).map((d) => d.docId)).toEqual(['pmid:222']);
    expect(await trialDocumentLinks(conn)).toEqual([
      { nctId: 'NCT00000001', docId: 'cord:x', pmid: null },
      { nctId: 'NCT00000001', docId: 'pmid:222', pmid: '222' },
      { nctId: 'NCT00000004', docId: 'cord:x', pmid: null },
    ]);
  });

  it('a failed batch leaves earlier links untouched', async () => {
    const conn = store.connection();
    await saveLinks(conn, [linked(doc({ cord_uid: 'keep' }, 'NCT00000001.'))], rules.version);
    const broken = linked(doc({ cord_uid: 'keep' }, 'NCT00000002.'));
    // a NOT NULL column given null makes the insert fail after the delete
    (broken.doc as { format: unknown }).format = null;
    await expect(saveLinks(conn, [broken], rules.version)).rejects.toThrow(/cannot store literature links/);
    expect((await mentionsInDocument(conn, 'cord:keep')).map((m) => m.nctId)).toEqual(['NCT00000001']);
  });
});
