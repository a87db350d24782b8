/**
 * `mscope link`: link publications to registered trials.
 *   mscope link <docs…>          read documents (CORD-19 text/CSV/JSON, PubMed XML, text, Markdown), find the
 *                                trials and products they mention, store them, and report per document which
 *                                trials are in the snapshot and which are not (worth fetching)
 *   mscope link --study NCT…     publications linked to a study: registry references and documents mentioning it
 *   mscope link --docs           the linked documents
 *   mscope link --doc <id>       one linked document: its trials (in the snapshot or not) and mention sentences
 *   mscope link --transparency   results transparency of the snapshot's completed trials (analyze/transparency.ts)
 */
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import type { DuckDBConnection } from '@duckdb/node-api';
import { MscopeError, UsageError } from '../../../model/errors.js';
import type { Study } from '../../../model/study.js';
import type { Fact } from '../../../classify/literature/facts.js';
import { openStore, type Store } from '../../../store/index.js';
import { transparency, type TransparencyRow } from '../../../analyze/transparency.js';
import {
  documentsByPmid,
  getDocuments,
  hasLinkSchema,
  listDocuments,
  mentionsInDocument,
  mentionsOfTrial,
  trialDocumentLinks,
  type DocumentRow,
  type MentionRow,
} from '../../../store/links.js';
import { linkDocuments as linkStep, pickSnapshot as pick, snapshotHas } from '../../../pipeline/link.js';

export type { DocumentLinkReport, TrialLinkReport } from '../../../pipeline/link.js';

interface LinkCliOptions {
  snapshot?: string;
  study?: string;
  docs?: boolean;
  doc?: string;
  transparency?: boolean;
  products?: string;
  rules?: string;
  json?: boolean;
}

function snapshotRef(s: string | undefined): string | number | undefined {
  if (s === undefined) return undefined;
  return /^\d+$/.test(s.trim()) ? Number(s.trim()) : s;
}

/** The snapshot to compare against: the one asked for (error if missing), else the latest, else none. */
const pickSnapshot = (store: Store, ref: string | undefined) => pick(store, snapshotRef(ref));

function progress(): { tick(n: number): void; stop(): void } {
  if (!process.stderr.isTTY) return { tick: () => undefined, stop: () => undefined };
  const bar = new SingleBar({
    stream: process.stderr,
    format: 'link {value} documents',
    hideCursor: true,
    clearOnComplete: true,
  });
  bar.start(0, 0);
  return { tick: (n) => bar.update(n), stop: () => bar.stop() };
}

async function linkDocuments(paths: string[], opts: LinkCliOptions, db: string): Promise<void> {
  const bar = progress();
  let result;
  try {
    result = await linkStep(() => openStore(db), paths, {
      snapshot: snapshotRef(opts.snapshot),
      rules: opts.rules,
      products: opts.products,
      onProgress: (p) => bar.tick(p.done),
    });
  } finally {
    bar.stop();
  }
  const { snapshot: snap, totals, documents: reports } = result;
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ snapshot: snap, totals, documents: reports }, null, 2)}\n`);
    return;
  }
  const lines: string[] = [];
  if (!snap)
    lines.push(
      '(no snapshot in the database: every trial is listed as not in the snapshot; run "mscope ingest" or "mscope fetch")',
    );
  for (const r of reports) {
    lines.push(`${r.docId}  ${r.title ?? '(untitled)'}${r.date ? ` (${r.date})` : ''}`);
    lines.push(
      `  ${r.trials.length} trial(s) mentioned: ${r.inSnapshot.length} in snapshot${snap ? ` ${snap.id}` : ''}, ${r.notInSnapshot.length} not (worth fetching)`,
    );
    if (r.inSnapshot.length) lines.push(`  in snapshot:     ${r.inSnapshot.join(' ')}`);
    if (r.notInSnapshot.length) lines.push(`  not in snapshot: ${r.notInSnapshot.join(' ')}`);
    if (r.products.length)
      lines.push(`  products: ${r.products.map((p) => `${p.productId} (${p.mentions})`).join(', ')}`);
  }
  lines.push(
    `${totals.documents} document(s) linked; ${totals.trials} distinct trial(s): ${totals.inSnapshot} in snapshot, ${totals.notInSnapshot} not`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** Read-only view of the links; null when the database has never been linked. */
async function withLinks<T>(
  db: string,
  fn: (store: Store, conn: DuckDBConnection | null) => Promise<T>,
): Promise<T> {
  const store = await openStore(db, { readOnly: true });
  try {
    const conn = store.connection();
    return await fn(store, (await hasLinkSchema(conn)) ? conn : null);
  } finally {
    await store.close();
  }
}

function factLine(f: Fact): string {
  const nums = f.numbers.length ? ` [${f.numbers.map((n) => n.text).join(', ')}]` : '';
  return `${f.kind}=${f.value}${nums}`;
}

async function showStudy(nctArg: string, opts: LinkCliOptions, db: string): Promise<void> {
  const nctId = nctArg.trim().toUpperCase();
  if (!/^NCT\d{8}$/.test(nctId))
    throw new UsageError(`--study "${nctArg}": expected an NCT id like NCT01234567`);
  const result = await withLinks(db, async (store, conn) => {
    const snap = await pickSnapshot(store, opts.snapshot);
    const study = snap ? ((await store.getStudy(snap.id, nctId))?.study ?? null) : null;
    const refs = study?.references ?? [];
    const pmids = refs.map((r) => r.pmid).filter((p): p is string => !!p);
    const byPmid = conn ? await documentsByPmid(conn, pmids) : [];
    const mentions = conn ? await mentionsOfTrial(conn, nctId) : [];
    const docs = conn ? await getDocuments(conn, [...new Set(mentions.map((m) => m.docId))]) : [];
    const publications = [
      ...refs.map((r) => ({
        source: 'registry-reference' as const,
        pmid: r.pmid,
        type: r.type,
        citation: r.citation,
        docId: byPmid.find((d) => d.pmid === r.pmid)?.docId ?? null,
      })),
      ...docs.map((d: DocumentRow) => ({
        source: 'mention' as const,
        docId: d.docId,
        title: d.title,
        date: d.date,
        pmid: d.pmid,
        doi: d.doi,
        mentions: mentions
          .filter((m: MentionRow) => m.docId === d.docId)
          .map((m) => ({
            sentence: m.sentence,
            context: m.context,
            coMentioned: m.coMentioned,
            facts: m.facts,
          })),
      })),
    ];
    return {
      nctId,
      snapshot: snap ? { id: snap.id, label: snap.label } : null,
      inSnapshot: study !== null,
      briefTitle: study?.briefTitle ?? null,
      hasResults: study?.hasResults ?? null,
      publications,
    };
  });
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const lines = [
    `${nctId}${result.briefTitle ? `  ${result.briefTitle}` : ''}${result.inSnapshot ? '' : result.snapshot ? `  (not in snapshot ${result.snapshot.id})` : '  (no snapshot)'}`,
  ];
  if (result.publications.length === 0) lines.push('  no linked publications');
  for (const p of result.publications) {
    if (p.source === 'registry-reference') {
      lines.push(
        `  registry reference ${p.type ?? '?'}: PMID ${p.pmid ?? '-'}${p.docId ? ` (linked document ${p.docId})` : ''}`,
      );
      if (p.citation) lines.push(`    ${p.citation}`);
    } else {
      lines.push(`  mentioned in ${p.docId}: ${p.title ?? '(untitled)'}${p.date ? ` (${p.date})` : ''}`);
      for (const m of p.mentions) {
        lines.push(`    "${m.sentence}"`);
        const facts = m.facts.map(factLine);
        if (facts.length) lines.push(`      facts: ${[...new Set(facts)].join('; ')}`);
      }
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function showDocs(opts: LinkCliOptions, db: string): Promise<void> {
  const docs = await withLinks(db, async (_s, conn) => (conn ? listDocuments(conn) : []));
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ documents: docs }, null, 2)}\n`);
    return;
  }
  if (docs.length === 0) {
    process.stdout.write('no linked documents (run "mscope link <files>")\n');
    return;
  }
  const lines = docs.map(
    (d) =>
      `${d.docId}  ${d.trialCount} trial(s)  ${d.format}  ${d.title ?? '(untitled)'}${d.date ? ` (${d.date})` : ''}`,
  );
  process.stdout.write(`${lines.join('\n')}\n${docs.length} document(s)\n`);
}

async function showDoc(docId: string, opts: LinkCliOptions, db: string): Promise<void> {
  const result = await withLinks(db, async (store, conn) => {
    const doc = conn ? (await getDocuments(conn, [docId]))[0] : undefined;
    if (!conn || !doc) throw new MscopeError(`no linked document "${docId}" (see "mscope link --docs")`);
    const snap = await pickSnapshot(store, opts.snapshot);
    const mentions = await mentionsInDocument(conn, docId);
    const ids = [...new Set(mentions.map((m) => m.nctId))];
    const present = await snapshotHas(store, snap, ids);
    return {
      document: doc,
      snapshot: snap ? { id: snap.id, label: snap.label } : null,
      inSnapshot: ids.filter((id) => present.has(id)),
      notInSnapshot: ids.filter((id) => !present.has(id)),
      mentions,
    };
  });
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const d = result.document;
  const lines = [
    `${d.docId}  ${d.title ?? '(untitled)'}${d.date ? ` (${d.date})` : ''}`,
    `  in snapshot:     ${result.inSnapshot.join(' ') || '-'}`,
    `  not in snapshot: ${result.notInSnapshot.join(' ') || '-'}`,
  ];
  for (const m of result.mentions) {
    lines.push(`  ${m.nctId}: "${m.sentence}"`);
    if (m.facts.length) lines.push(`    facts: ${[...new Set(m.facts.map(factLine))].join('; ')}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function showTransparency(opts: LinkCliOptions, db: string): Promise<void> {
  const result = await withLinks(db, async (store, conn) => {
    const snap = await store.getSnapshot(snapshotRef(opts.snapshot));
    const rows: Array<{ study: Study }> = [];
    for await (const study of store.iterStudies(snap.id)) rows.push({ study });
    const links = conn ? await trialDocumentLinks(conn) : [];
    return { snapshot: { id: snap.id, label: snap.label }, ...transparency(rows, links) };
  });
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const pct = (v: number | null): string => (v === null ? '-' : `${v}%`);
  const table = (title: string, rows: TransparencyRow[]): string[] => [
    title,
    ...rows.map(
      (r) =>
        `  ${r.key.padEnd(24)} ${String(r.completed).padStart(5)} completed  results ${String(r.resultsPosted).padStart(4)} (${pct(r.resultsPostedPct)})  publication ${String(r.publication).padStart(4)} (${pct(r.publicationPct)})  neither ${String(r.neither).padStart(4)} (${pct(r.neitherPct)})`,
    ),
  ];
  const t = result.total;
  const lines = [
    `snapshot ${result.snapshot.id}: ${t.completed} completed trials; results posted ${t.resultsPosted} (${pct(t.resultsPostedPct)}), linked result publication ${t.publication} (${pct(t.publicationPct)}), both ${t.both}, neither ${t.neither} (${pct(t.neitherPct)})`,
    ...table('by completion year', result.byCompletionYear),
    ...table('by sponsor class', result.bySponsorClass),
    ...table('by country (top 15)', result.byCountry.slice(0, 15)),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function run(paths: string[], opts: LinkCliOptions, cmd: Command): Promise<void> {
  const db = String(cmd.optsWithGlobals().db);
  const modes = [
    paths.length > 0,
    opts.study !== undefined,
    opts.docs === true,
    opts.doc !== undefined,
    opts.transparency === true,
  ].filter(Boolean).length;
  if (modes === 0)
    throw new UsageError(
      'link: give document files, or --study NCT…, --docs, --doc <id> or --transparency (see mscope link --help)',
    );
  if (modes > 1)
    throw new UsageError('link: give only one of: document files, --study, --docs, --doc, --transparency');
  if (opts.transparency) return showTransparency(opts, db);
  if (opts.study !== undefined) return showStudy(opts.study, opts, db);
  if (opts.docs) return showDocs(opts, db);
  if (opts.doc !== undefined) return showDoc(opts.doc, opts, db);
  return linkDocuments(paths, opts, db);
}

export function register(program: Command): void {
  program
    .command('link')
    .description(
      'link publications to trials: store the trials and products documents mention, and list links',
    )
    .argument(
      '[docs...]',
      'document files or folders: CORD-19 text/metadata.csv/JSON, PubMed XML, text, Markdown',
    )
    .option('--snapshot <id>', 'snapshot id or label to compare with (default: the latest)')
    .option('--study <nct>', 'list the publications linked to one study (registry references and mentions)')
    .option('--docs', 'list the linked documents')
    .option('--doc <id>', 'show one linked document: its trials and mention sentences')
    .option(
      '--transparency',
      'completed trials with results posted / a linked result publication / neither, by year, sponsor class, country',
    )
    .option('--products <file>', 'product dictionary (default: rules/products.json)')
    .option('--rules <file>', 'literature pattern tables (default: rules/literature.json)')
    .option('--json', 'print JSON')
    .action((paths: string[], opts: LinkCliOptions, cmd: Command) => run(paths, opts, cmd));
}
