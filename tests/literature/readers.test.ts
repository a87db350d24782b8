import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentSchema, type Document } from '../../src/model/document.js';
import { InputError } from '../../src/model/errors.js';
import { detectFormat, readDocuments } from '../../src/sources/literature/index.js';
import { REPO_ROOT } from '../helpers/shared.js';

const FIX = join(REPO_ROOT, 'tests', 'fixtures', 'literature');
const fx = (...p: string[]): string => join(FIX, ...p);
const good = (name: string): string => fx('good', name);

async function readAll(path: string): Promise<Document[]> {
  const out: Document[] = [];
  for await (const d of readDocuments(path)) out.push(d);
  return out;
}

async function readError(path: string): Promise<InputError> {
  try {
    await readAll(path);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error(`expected ${path} to fail`);
}

describe('literature readers', () => {
  it('reads the CORD-19 text header and body (one line)', async () => {
    const [doc, ...rest] = await readAll(good('cord19-sample.txt'));
    expect(rest).toHaveLength(0);
    expect(DocumentSchema.parse(doc)).toBeTruthy();
    expect(doc!.format).toBe('cord19-text');
    expect(doc!.id).toBe('cord:abcd1234');
    expect(doc!.authors).toEqual(['Doe, Jane', 'Roe, Richard']);
    expect(doc!.title).toBe('Stromal cells for imaginary disease: a made-up review');
    expect(doc!.date).toBe('2020-05-01');
    expect(doc!.journal).toBe('Fake J Med');
    expect(doc!.doi).toBe('10.9999/fake.2020.1');
    expect(doc!.sha).toBe('0123456789abcdef0123456789abcdef01234567');
    expect(doc!.doc_id).toBe('0000001');
    expect(doc!.sections.map((s) => s.name)).toEqual(['title', 'body']);
    expect(doc!.sections[1]!.text.startsWith('Stromal cells are studied')).toBe(true);
  });

  it('reads metadata.csv rows with their row numbers', async () => {
    const docs = await readAll(good('metadata.csv'));
    expect(docs.map((d) => d.id)).toEqual(['cord:aaaa0001', 'cord:aaaa0002']);
    expect(docs.map((d) => d.provenance.record)).toEqual([1, 2]);
    const [a, b] = docs;
    expect(a!.pmid).toBe('30000001');
    expect(a!.pmcid).toBe('PMC1000001');
    expect(a!.authors).toEqual(['Smith, A.', 'Jones, B.']);
    expect(a!.sections.find((s) => s.name === 'abstract')?.text).toContain('NCT11111111');
    expect(b!.title).toBe('Second invented paper, with a comma');
    expect(b!.sha).toBeNull();
    expect(b!.date).toBe('2018');
  });

  it('reads a CORD-19 JSON parse: paragraphs become sections named by their heading', async () => {
    const [doc] = await readAll(good('paper.json'));
    expect(doc!.format).toBe('cord19-json');
    expect(doc!.id).toBe('sha:2222222222222222222222222222222222222222');
    expect(doc!.authors).toEqual(['Ana B. Cruz', 'Li Wei']);
    expect(doc!.sections.map((s) => s.name)).toEqual(['title', 'Abstract', 'Methods', 'Methods', 'Results']);
    expect(doc!.sections[3]!.text).toContain('NCT2222-\n2223');
  });

  it('reads PubMed XML: ids, labelled abstract, inline markup, DataBank accession numbers', async () => {
    const docs = await readAll(good('pubmed.xml'));
    expect(docs).toHaveLength(2);
    const [a, b] = docs;
    expect(a!.id).toBe('pmid:39000001');
    expect(a!.title).toBe('Invented in vivo results of stromal cells & more');
    expect(a!.doi).toBe('10.9999/inv.res.2021');
    expect(a!.pmcid).toBe('PMC9000001');
    expect(a!.date).toBe('2021-07-05');
    expect(a!.journal).toBe('Journal of Invented Results');
    expect(a!.authors).toEqual(['Garcia, Maria', 'Invented Study Group']);
    expect(a!.sections.map((s) => s.name)).toEqual([
      'title',
      'abstract: BACKGROUND',
      'abstract: RESULTS',
      'databank: ClinicalTrials.gov',
    ]);
    expect(a!.sections[2]!.text).toBe('Survival improved to 75% (p<0.05).');
    expect(a!.sections[3]!.text).toBe('NCT33333333; NCT33333334');
    expect(a!.provenance.record).toBe(1);
    expect(b!.date).toBe('2020 Winter');
    expect(b!.provenance.record).toBe(2);
  });

  it('reads Markdown by headings and plain text as one body', async () => {
    const [md] = await readAll(good('notes.md'));
    expect(md!.format).toBe('markdown');
    expect(md!.title).toBe('Reading notes on invented trials');
    expect(md!.sections.map((s) => s.name)).toEqual([
      'title',
      'Reading notes on invented trials',
      'Trials to check',
      'Products',
    ]);
    const [txt] = await readAll(good('notes.txt'));
    expect(txt!.format).toBe('text');
    expect(txt!.title).toBe('Plain notes');
    expect(txt!.id).toMatch(/^text:[0-9a-f]{16}$/);
    // the same text gives the same id
    const [again] = await readAll(good('notes.txt'));
    expect(again!.id).toBe(txt!.id);
  });

  it('reads every file of a folder in name order', async () => {
    const docs = await readAll(fx('good'));
    expect(new Set(docs.map((d) => d.format))).toEqual(
      new Set(['cord19-text', 'cord19-csv', 'cord19-json', 'pubmed-xml', 'markdown', 'text']),
    );
    for (const d of docs) expect(DocumentSchema.safeParse(d).success).toBe(true);
  });

  it('detects the format from the content, not the file name', () => {
    expect(
      detectFormat(
        'x.dat',
        'key: cord-1 authors: A title: T date: 2020 journal: J DOI: d sha: s doc_id: 1 cord_uid: u body',
      ),
    ).toBe('cord19-text');
    expect(detectFormat('x.txt', '<?xml version="1.0"?>\n<PubmedArticleSet><PubmedArticle>')).toBe(
      'pubmed-xml',
    );
    expect(detectFormat('x.txt', '{"paper_id": "abc", "body_text": []}')).toBe('cord19-json');
    expect(detectFormat('x.txt', 'cord_uid,sha,title\n')).toBe('cord19-csv');
    expect(detectFormat('x.txt', '## Heading\ntext')).toBe('markdown');
    expect(detectFormat('x.md', 'no markdown syntax at all')).toBe('markdown');
    expect(detectFormat('x.csv', 'just words, with a comma')).toBe('text');
  });

  it.each([
    ['bad-unclosed.xml', /bad-unclosed\.xml.*malformed XML/],
    ['registry-study.json', /registry-study\.json.*not a CORD-19 parse.*mscope ingest/],
    ['page.html', /page\.html.*HTML page/],
    ['empty-id.json', /empty-id\.json.*field "paper_id"/],
    ['bad.csv', /bad\.csv: record 1.*malformed CSV/],
    ['empty.txt', /empty\.txt.*empty file/],
    ['binary.txt', /binary\.txt.*binary/],
    ['latin1.txt', /latin1\.txt.*not UTF-8/],
  ])('bad input %s -> InputError naming the file', async (name, message) => {
    const err = await readError(fx('bad', name));
    expect(err.message).toMatch(message);
    expect(err.location.file).toContain(name);
  });

  it('a missing path is an InputError', async () => {
    const err = await readError(good('nope.txt'));
    expect(err.message).toMatch(/nope\.txt: cannot read: ENOENT/);
  });

  it('a CORD-19 header without cord_uid is an InputError', async () => {
    const { parseCord19Text } = await import('../../src/sources/literature/index.js');
    expect(() => parseCord19Text('h.txt', 'key: k authors: A title: T body')).toThrow(
      /h\.txt, field "cord_uid"/,
    );
  });
});
