/**
 * PubMed XML (`PubmedArticleSet/PubmedArticle`, as from efetch or the PubMed "save as XML"): PMID, title,
 * abstract (labelled parts become sections), journal, date, authors, DOI/PMC ids, and the registry
 * accession numbers of `DataBankList` (ClinicalTrials.gov NCT ids), kept as a "databank" section so the
 * mention extractor links them like any other written id.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { InputError } from '../../model/errors.js';
import { emptyDocument, withId, type Document } from '../../model/document.js';

const ARRAYS = new Set([
  'PubmedArticle',
  'Author',
  'AbstractText',
  'DataBank',
  'AccessionNumber',
  'ArticleId',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // titles and abstracts carry inline markup (<i>, <sup>): keep it raw and flatten it ourselves
  stopNodes: ['*.ArticleTitle', '*.AbstractText', '*.VernacularTitle'],
  isArray: (name) => ARRAYS.has(name),
});

type Node = Record<string, unknown>;

export const DATABANK_SECTION = 'databank';

export function parsePubmedXml(file: string, xml: string): Document[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new InputError({ file, line: valid.err.line }, `malformed XML: ${valid.err.msg}`);
  const root = parser.parse(xml) as Node;
  const set = (root.PubmedArticleSet ?? root) as Node;
  const articles = (set.PubmedArticle ?? []) as Node[];
  if (articles.length === 0) throw new InputError({ file }, 'no <PubmedArticle> element');
  return articles.map((a, i) => toDocument(file, i + 1, a));
}

function toDocument(file: string, record: number, a: Node): Document {
  const cit = a.MedlineCitation as Node | undefined;
  const pmid = text(cit?.PMID);
  if (!cit || !pmid)
    throw new InputError({ file, record, field: 'MedlineCitation/PMID' }, 'PubmedArticle without a PMID');
  const art = (cit.Article ?? {}) as Node;
  const doc = emptyDocument('pubmed-xml', { file, record });
  doc.pmid = pmid;
  doc.title = flatten(text(art.ArticleTitle)) || null;
  const journal = (art.Journal ?? {}) as Node;
  doc.journal = text(journal.Title) || text(journal.ISOAbbreviation) || null;
  doc.date = pubDate(((journal.JournalIssue ?? {}) as Node).PubDate as Node | undefined);
  const authors = (((art.AuthorList ?? {}) as Node).Author ?? []) as Node[];
  doc.authors = authors
    .map(
      (au) =>
        text(au.CollectiveName) ||
        [text(au.LastName), text(au.ForeName) || text(au.Initials)].filter(Boolean).join(', '),
    )
    .filter(Boolean);
  const ids = (((a.PubmedData as Node | undefined)?.ArticleIdList as Node | undefined)?.ArticleId ??
    []) as Node[];
  for (const id of ids) {
    const type = String(id['@_IdType'] ?? '');
    if (type === 'doi') doc.doi = text(id) || null;
    if (type === 'pmc') doc.pmcid = text(id) || null;
  }
  if (doc.title) doc.sections.push({ name: 'title', text: doc.title });
  const parts = (((art.Abstract ?? {}) as Node).AbstractText ?? []) as unknown[];
  for (const part of parts) {
    const t = flatten(text(part));
    if (!t) continue;
    const label = typeof part === 'object' && part !== null ? String((part as Node)['@_Label'] ?? '') : '';
    doc.sections.push({ name: label ? `abstract: ${label}` : 'abstract', text: t });
  }
  const banks = (((art.DataBankList ?? {}) as Node).DataBank ?? []) as Node[];
  for (const bank of banks) {
    const name = text(bank.DataBankName);
    const acc = (((bank.AccessionNumberList ?? {}) as Node).AccessionNumber ?? []) as unknown[];
    const numbers = acc.map(text).filter(Boolean);
    if (numbers.length)
      doc.sections.push({ name: `${DATABANK_SECTION}: ${name || 'unnamed'}`, text: numbers.join('; ') });
  }
  return withId(doc);
}

function text(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string' || typeof v === 'number') return String(v).trim();
  if (typeof v === 'object' && '#text' in (v as Node)) return text((v as Node)['#text']);
  return '';
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Inline XML markup to plain text: drop tags, decode the basic and numeric entities, squeeze spaces. */
function flatten(s: string): string {
  return s
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
      e[0] === '#'
        ? String.fromCodePoint(
            e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10),
          )
        : ENTITIES[e.toLowerCase()]!,
    )
    .replace(/\s+/g, ' ')
    .trim();
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function pubDate(d: Node | undefined): string | null {
  if (!d) return null;
  const year = text(d.Year);
  if (!year) return text(d.MedlineDate) || null;
  const mRaw = text(d.Month);
  const mIdx = /^\d+$/.test(mRaw) ? Number(mRaw) : MONTHS.indexOf(mRaw.slice(0, 3).toLowerCase()) + 1;
  if (!mIdx) return year;
  const day = text(d.Day);
  const mm = String(mIdx).padStart(2, '0');
  return day ? `${year}-${mm}-${day.padStart(2, '0')}` : `${year}-${mm}`;
}
