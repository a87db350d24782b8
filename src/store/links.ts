/**
 * Literature links in the store database: `documents` (one row per linked publication, keyed by its
 * stable id) and the trial and product mentions found in it. Separate from the snapshot tables: a
 * document is linked once and matched against any snapshot at query time. Re-linking a document
 * replaces its rows (same id, or same PDF sha under another id): linking is idempotent. No declared
 * primary key (DuckDB cannot re-insert a key deleted in the same transaction); ids are unique by construction.
 */
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { MscopeError } from '../model/errors.js';
import type { Document } from '../model/document.js';
import type { DocumentMentions } from '../classify/literature/mentions.js';
import type { Fact } from '../classify/literature/facts.js';

export const LINK_DDL: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS documents (
    doc_id VARCHAR NOT NULL,
    format VARCHAR NOT NULL,
    title VARCHAR,
    authors_json VARCHAR NOT NULL,
    date VARCHAR,
    journal VARCHAR,
    doi VARCHAR,
    pmid VARCHAR,
    pmcid VARCHAR,
    sha VARCHAR,
    cord_uid VARCHAR,
    source_doc_id VARCHAR,
    file VARCHAR NOT NULL,
    record INTEGER,
    text_chars INTEGER NOT NULL,
    trial_count INTEGER NOT NULL,
    rules_version VARCHAR NOT NULL,
    linked_at VARCHAR NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS mentions (
    doc_id VARCHAR NOT NULL,
    ordinal INTEGER NOT NULL,
    nct_id VARCHAR NOT NULL,
    raw VARCHAR NOT NULL,
    section INTEGER NOT NULL,
    section_name VARCHAR NOT NULL,
    start_pos INTEGER NOT NULL,
    end_pos INTEGER NOT NULL,
    sentence VARCHAR NOT NULL,
    context_json VARCHAR NOT NULL,
    co_mentioned_json VARCHAR NOT NULL,
    facts_json VARCHAR NOT NULL,
    products_json VARCHAR NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS product_mentions (
    doc_id VARCHAR NOT NULL,
    ordinal INTEGER NOT NULL,
    product_id VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    section INTEGER NOT NULL,
    section_name VARCHAR NOT NULL,
    start_pos INTEGER NOT NULL,
    end_pos INTEGER NOT NULL,
    sentence VARCHAR NOT NULL,
    trials_json VARCHAR NOT NULL
  )`,
];

/** True when the database has the link tables (a read-only store opened before any `link` has none). */
export async function hasLinkSchema(conn: DuckDBConnection): Promise<boolean> {
  const r = await conn.runAndReadAll(
    `SELECT count(*)::INTEGER FROM duckdb_tables() WHERE schema_name = 'main' AND table_name IN ('documents', 'mentions', 'product_mentions')`,
  );
  return Number(r.getRows()[0]?.[0] ?? 0) === 3;
}

/** Create the link tables if missing (safe to call on every open). */
export async function ensureLinkSchema(conn: DuckDBConnection): Promise<void> {
  for (const ddl of LINK_DDL) await conn.run(ddl);
}

export interface LinkedDocument {
  doc: Document;
  mentions: DocumentMentions;
}

/** Store documents and their mentions in one transaction, replacing earlier links of the same documents. */
export async function saveLinks(
  conn: DuckDBConnection,
  items: LinkedDocument[],
  rulesVersion: string,
): Promise<void> {
  if (items.length === 0) return;
  const byId = new Map<string, LinkedDocument>();
  for (const it of items) byId.set(it.doc.id, it); // the same document twice in one batch: the last read wins
  const batch = [...byId.values()];
  const ids = batch.map((b) => b.doc.id);
  const shas = batch.map((b) => b.doc.sha).filter((s): s is string => !!s);
  const now = new Date().toISOString();
  await conn.run('BEGIN TRANSACTION');
  let committed = false;
  try {
    // earlier links of these documents: the same id, or the same PDF under another id (e.g. JSON parse vs CSV row)
    const stale = new Set<string>();
    for (const [col, keys] of [
      ['doc_id', ids],
      ['sha', shas],
    ] as const)
      for (const chunk of chunks(keys, 500))
        for (const r of await rows(
          conn,
          `SELECT doc_id FROM documents WHERE ${col} IN (${placeholders(chunk)})`,
          chunk,
        ))
          stale.add(String(r.doc_id));
    for (const chunk of chunks([...stale], 500))
      for (const t of ['mentions', 'product_mentions', 'documents'])
        await conn.run(`DELETE FROM ${t} WHERE doc_id IN (${placeholders(chunk)})`, chunk);
    await appendRows(
      conn,
      'documents',
      batch.map(({ doc, mentions }) => [
        doc.id,
        doc.format,
        doc.title,
        JSON.stringify(doc.authors),
        doc.date,
        doc.journal,
        doc.doi,
        doc.pmid,
        doc.pmcid,
        doc.sha,
        doc.cord_uid,
        doc.doc_id,
        doc.provenance.file,
        doc.provenance.record,
        doc.sections.reduce((n, s) => n + s.text.length, 0),
        mentions.trialIds.length,
        rulesVersion,
        now,
      ]),
    );
    await appendRows(
      conn,
      'mentions',
      batch.flatMap(({ doc, mentions }) =>
        mentions.trials.map((t, i) => [
          doc.id,
          i + 1,
          t.nctId,
          t.raw,
          t.section,
          t.sectionName,
          t.start,
          t.end,
          t.sentence.text,
          JSON.stringify(t.context.map((c) => c.text)),
          JSON.stringify(t.coMentioned),
          JSON.stringify(t.facts),
          JSON.stringify(t.products),
        ]),
      ),
    );
    await appendRows(
      conn,
      'product_mentions',
      batch.flatMap(({ doc, mentions }) =>
        mentions.products.map((p, i) => [
          doc.id,
          i + 1,
          p.productId,
          p.text,
          p.section,
          p.sectionName,
          p.start,
          p.end,
          p.sentence.text,
          JSON.stringify(p.trials),
        ]),
      ),
    );
    await conn.run('COMMIT');
    committed = true;
  } catch (err) {
    if (err instanceof MscopeError) throw err;
    throw new MscopeError(`cannot store literature links: ${(err as Error).message.split('\n')[0]}`, 1, {
      cause: err,
    });
  } finally {
    if (!committed) await conn.run('ROLLBACK').catch(() => undefined);
  }
}

type Cell = string | number | null;

const placeholders = (values: unknown[]): string => values.map((_, i) => `$${i + 1}`).join(', ');

function chunks<T>(values: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

async function appendRows(conn: DuckDBConnection, table: string, rows: Cell[][]): Promise<void> {
  if (rows.length === 0) return;
  const app: DuckDBAppender = await conn.createAppender(table);
  try {
    for (const row of rows) {
      for (const v of row) {
        if (v === null) app.appendNull();
        else if (typeof v === 'number') app.appendInteger(v);
        else app.appendVarchar(v);
      }
      app.endRow();
    }
    app.flushSync();
  } finally {
    app.closeSync();
  }
}

export interface DocumentRow {
  docId: string;
  format: string;
  title: string | null;
  authors: string[];
  date: string | null;
  journal: string | null;
  doi: string | null;
  pmid: string | null;
  pmcid: string | null;
  sha: string | null;
  cordUid: string | null;
  file: string;
  record: number | null;
  textChars: number;
  trialCount: number;
  linkedAt: string;
}

export interface MentionRow {
  docId: string;
  ordinal: number;
  nctId: string;
  raw: string;
  sectionName: string;
  start: number;
  end: number;
  sentence: string;
  context: string[];
  coMentioned: string[];
  facts: Fact[];
  products: string[];
}

const DOC_SELECT = `SELECT doc_id, format, title, authors_json, date, journal, doi, pmid, pmcid, sha, cord_uid, file, record,
  text_chars, trial_count, linked_at FROM documents`;

type Row = Record<string, unknown>;
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

function toDocumentRow(r: Row): DocumentRow {
  return {
    docId: String(r.doc_id),
    format: String(r.format),
    title: str(r.title),
    authors: JSON.parse(String(r.authors_json)) as string[],
    date: str(r.date),
    journal: str(r.journal),
    doi: str(r.doi),
    pmid: str(r.pmid),
    pmcid: str(r.pmcid),
    sha: str(r.sha),
    cordUid: str(r.cord_uid),
    file: String(r.file),
    record: r.record === null ? null : Number(r.record),
    textChars: Number(r.text_chars),
    trialCount: Number(r.trial_count),
    linkedAt: String(r.linked_at),
  };
}

function toMentionRow(r: Row): MentionRow {
  return {
    docId: String(r.doc_id),
    ordinal: Number(r.ordinal),
    nctId: String(r.nct_id),
    raw: String(r.raw),
    sectionName: String(r.section_name),
    start: Number(r.start_pos),
    end: Number(r.end_pos),
    sentence: String(r.sentence),
    context: JSON.parse(String(r.context_json)) as string[],
    coMentioned: JSON.parse(String(r.co_mentioned_json)) as string[],
    facts: JSON.parse(String(r.facts_json)) as Fact[],
    products: JSON.parse(String(r.products_json)) as string[],
  };
}

async function rows(conn: DuckDBConnection, sql: string, params: Cell[] = []): Promise<Row[]> {
  return (await conn.runAndReadAll(sql, params)).getRowObjectsJS() as Row[];
}

/** All linked documents, by id. */
export async function listDocuments(conn: DuckDBConnection): Promise<DocumentRow[]> {
  return (await rows(conn, `${DOC_SELECT} ORDER BY doc_id`)).map(toDocumentRow);
}

export async function getDocuments(conn: DuckDBConnection, docIds: string[]): Promise<DocumentRow[]> {
  if (docIds.length === 0) return [];
  return (
    await rows(conn, `${DOC_SELECT} WHERE doc_id IN (${placeholders(docIds)}) ORDER BY doc_id`, docIds)
  ).map(toDocumentRow);
}

/** Linked documents whose PMID is one of `pmids` (registry references point at publications by PMID). */
export async function documentsByPmid(conn: DuckDBConnection, pmids: string[]): Promise<DocumentRow[]> {
  if (pmids.length === 0) return [];
  return (
    await rows(conn, `${DOC_SELECT} WHERE pmid IN (${placeholders(pmids)}) ORDER BY doc_id`, pmids)
  ).map(toDocumentRow);
}

/** Mentions of one trial across all linked documents, in document then text order. */
export async function mentionsOfTrial(conn: DuckDBConnection, nctId: string): Promise<MentionRow[]> {
  return (await rows(conn, `SELECT * FROM mentions WHERE nct_id = $1 ORDER BY doc_id, ordinal`, [nctId])).map(
    toMentionRow,
  );
}

/** Mentions in one document, in text order. */
export async function mentionsInDocument(conn: DuckDBConnection, docId: string): Promise<MentionRow[]> {
  return (await rows(conn, `SELECT * FROM mentions WHERE doc_id = $1 ORDER BY ordinal`, [docId])).map(
    toMentionRow,
  );
}

/** Every (trial, document) pair linked by a mention, with the document's PMID: the input of `transparency`. */
export async function trialDocumentLinks(
  conn: DuckDBConnection,
): Promise<Array<{ nctId: string; docId: string; pmid: string | null }>> {
  const r = await rows(
    conn,
    `SELECT DISTINCT m.nct_id, m.doc_id, d.pmid FROM mentions m JOIN documents d USING (doc_id) ORDER BY 1, 2`,
  );
  return r.map((x) => ({ nctId: String(x.nct_id), docId: String(x.doc_id), pmid: str(x.pmid) }));
}
