/**
 * Pipeline step 4: link publications to registered trials. Read documents (CORD-19 text/metadata.csv/JSON,
 * PubMed XML, text, Markdown), extract the trials and products they mention, store them, and say per document
 * which trials are in the snapshot and which are not. Everything is read and extracted before the store is
 * opened: a bad file fails before anything is stored.
 */
import { MscopeError } from '../model/errors.js';
import type { Study } from '../model/study.js';
import { readDocuments } from '../sources/literature/index.js';
import { extractMentions } from '../classify/literature/mentions.js';
import type { Fact } from '../classify/literature/facts.js';
import { loadProducts } from '../classify/literature/products.js';
import { loadLiteratureRules } from '../classify/literature/rules.js';
import type { SnapshotInfo, Store } from '../store/index.js';
import { ensureLinkSchema, saveLinks, type LinkedDocument } from '../store/links.js';
import type { OnProgress } from './progress.js';

/** Documents stored per transaction. */
const BATCH = 200;

export interface TrialLinkReport {
  nctId: string;
  inSnapshot: boolean;
  mentions: number;
  /** Registry reference type when a study of the snapshot cites this document's PMID (RESULT, BACKGROUND …). */
  registryReference: string | null;
  facts: Fact[];
  sentences: string[];
}

export interface DocumentLinkReport {
  docId: string;
  title: string | null;
  date: string | null;
  format: string;
  file: string;
  record: number | null;
  trials: TrialLinkReport[];
  inSnapshot: string[];
  notInSnapshot: string[];
  products: Array<{ productId: string; mentions: number }>;
}

export interface LinkResult {
  snapshot: { id: number; label: string | null } | null;
  totals: { documents: number; trials: number; inSnapshot: number; notInSnapshot: number };
  documents: DocumentLinkReport[];
}

export interface LinkOptions {
  /** Snapshot to compare against (id or label; error when missing); default the latest, or none. */
  snapshot?: string | number;
  /** Product dictionary file (default rules/products.json). */
  products?: string;
  /** Literature pattern tables (default rules/literature.json). */
  rules?: string;
  /** 'link' events: documents read and extracted so far. */
  onProgress?: OnProgress;
}

/** The snapshot to compare against: the one asked for (error if missing), else the latest, else none. */
export async function pickSnapshot(
  store: Store,
  ref: string | number | undefined,
): Promise<SnapshotInfo | null> {
  if (ref !== undefined) return store.getSnapshot(ref);
  return (await store.listSnapshots()).at(-1) ?? null;
}

/** Those of `ids` that are studies of the snapshot. */
export async function snapshotHas(
  store: Store,
  snap: SnapshotInfo | null,
  ids: string[],
): Promise<Map<string, Study>> {
  const out = new Map<string, Study>();
  if (!snap) return out;
  for (const id of ids) {
    const rec = await store.getStudy(snap.id, id);
    if (rec) out.set(id, rec.study);
  }
  return out;
}

/** PMID -> studies of the snapshot whose registry references cite it. */
async function registryReferences(
  store: Store,
  snap: SnapshotInfo | null,
  pmids: Set<string>,
): Promise<Map<string, Array<{ nctId: string; type: string | null }>>> {
  const out = new Map<string, Array<{ nctId: string; type: string | null }>>();
  if (!snap || pmids.size === 0) return out;
  for await (const s of store.iterStudies(snap.id))
    for (const r of s.references)
      if (r.pmid && pmids.has(r.pmid))
        out.set(r.pmid, [...(out.get(r.pmid) ?? []), { nctId: s.nctId, type: r.type }]);
  return out;
}

/** Read and extract every document of `paths`, then open the store (`open`), store the links and report. */
export async function linkDocuments(
  open: () => Promise<Store>,
  paths: readonly string[],
  opts: LinkOptions = {},
): Promise<LinkResult> {
  const rules = loadLiteratureRules(opts.rules);
  const products = loadProducts(opts.products);
  const linked: LinkedDocument[] = [];
  for (const path of paths)
    for await (const doc of readDocuments(path)) {
      linked.push({ doc, mentions: extractMentions(doc, { rules, products }) });
      opts.onProgress?.({ stage: 'link', done: linked.length, total: null, detail: path });
    }
  if (linked.length === 0) throw new MscopeError(`no documents found in ${paths.join(', ')}`);
  const store = await open();
  try {
    const snap = await pickSnapshot(store, opts.snapshot);
    const conn = store.connection();
    await ensureLinkSchema(conn);
    for (let i = 0; i < linked.length; i += BATCH)
      await saveLinks(conn, linked.slice(i, i + BATCH), rules.version);
    const allIds = [...new Set(linked.flatMap((l) => l.mentions.trialIds))];
    const present = await snapshotHas(store, snap, allIds);
    const refs = await registryReferences(
      store,
      snap,
      new Set(linked.map((l) => l.doc.pmid).filter((p): p is string => !!p)),
    );
    const documents: DocumentLinkReport[] = linked.map(({ doc, mentions }) => {
      const registry = doc.pmid ? (refs.get(doc.pmid) ?? []) : [];
      const ids = [
        ...mentions.trialIds,
        ...registry.map((r) => r.nctId).filter((id) => !mentions.trialIds.includes(id)),
      ];
      const trials = ids.map((nctId) => {
        const ms = mentions.trials.filter((t) => t.nctId === nctId);
        return {
          nctId,
          inSnapshot: present.has(nctId) || registry.some((r) => r.nctId === nctId),
          mentions: ms.length,
          registryReference: registry.find((r) => r.nctId === nctId)?.type ?? null,
          facts: ms.flatMap((m) => m.facts),
          sentences: ms.map((m) => m.sentence.text),
        };
      });
      const productCounts = new Map<string, number>();
      for (const p of mentions.products)
        productCounts.set(p.productId, (productCounts.get(p.productId) ?? 0) + 1);
      return {
        docId: doc.id,
        title: doc.title,
        date: doc.date,
        format: doc.format,
        file: doc.provenance.file,
        record: doc.provenance.record,
        trials,
        inSnapshot: trials.filter((t) => t.inSnapshot).map((t) => t.nctId),
        notInSnapshot: trials.filter((t) => !t.inSnapshot).map((t) => t.nctId),
        products: [...productCounts].map(([productId, n]) => ({ productId, mentions: n })),
      };
    });
    const totals = {
      documents: documents.length,
      trials: new Set(documents.flatMap((r) => r.trials.map((t) => t.nctId))).size,
      inSnapshot: new Set(documents.flatMap((r) => r.inSnapshot)).size,
      notInSnapshot: new Set(documents.flatMap((r) => r.notInSnapshot)).size,
    };
    return { snapshot: snap ? { id: snap.id, label: snap.label } : null, totals, documents };
  } finally {
    await store.close();
  }
}
