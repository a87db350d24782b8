/**
 * Pipeline step 1: read registry records (files, or the live API) into ONE new immutable snapshot.
 * Files (and the members of zip archives) are read, parsed, mapped and serialized by `fileRows` on worker threads,
 * one per core, while this thread appends to DuckDB; the snapshot is committed at the end or not at all (a failure, an abort or a kill
 * leaves no partial snapshot). The slim rows the dashboard loads are written with it (completed by compact.ts when
 * duplicates were dropped).
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../model/errors.js';
import { fetchStudies, type FetchOptions } from '../sources/live/client.js';
import { DEFAULT_PAGE_SIZE, searchUrl } from '../sources/live/query.js';
import { fileRows, type SnapshotInfo, type Store } from '../store/index.js';
import { writeSlimRows } from './compact.js';
import type { OnProgress } from './progress.js';

export interface InputFile {
  path: string;
  size: number;
}

/** Markdown documentation beside the data (README.md, SOURCES.md): never registry records. */
export const isDocumentation = (name: string): boolean => /\.(md|markdown)$/i.test(name);

async function walk(dir: string, out: InputFile[], skipped?: string[]): Promise<void> {
  // dotfiles are hidden (silently left out); documentation is left out and named in `skipped`
  const entries = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => !e.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(p, out, skipped);
    else if (e.isFile() && isDocumentation(e.name)) skipped?.push(p);
    else if (e.isFile()) out.push({ path: p, size: (await stat(p)).size });
  }
}

/** The one-line note for documentation files a folder held (skipped, not an error). */
export function skippedNote(skipped: readonly string[]): string | null {
  if (skipped.length === 0) return null;
  const shown =
    skipped.slice(0, 5).join(', ') + (skipped.length > 5 ? `, … (${skipped.length - 5} more)` : '');
  return `skipped ${skipped.length} documentation file${skipped.length === 1 ? '' : 's'} (not registry records): ${shown}`;
}

/**
 * Expand paths: files as given, directories to their files (recursively, sorted, no dotfiles, no *.md; the
 * Markdown files left out are pushed to `skipped` when given, for a note).
 */
export async function expandInputs(paths: readonly string[], skipped?: string[]): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (const p of paths) {
    let st;
    try {
      st = await stat(p);
    } catch {
      throw new InputError({ file: p }, 'no such file or directory');
    }
    if (st.isDirectory()) {
      const before = out.length;
      await walk(p, out, skipped);
      if (out.length === before) throw new InputError({ file: p }, 'directory holds no files');
    } else {
      out.push({ path: p, size: st.size });
    }
  }
  return out;
}

export type IngestSource =
  | { files: readonly InputFile[] }
  | { live: Omit<FetchOptions, 'onProgress'> & { baseUrl: string; query: string } };

export interface IngestOptions {
  label?: string | null;
  /** 'read' events in bytes of all files (files only), 'ingest'/'fetch' events in records. */
  onProgress?: OnProgress;
  /** Abort: no snapshot is created; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Read files on worker threads (default: see fileRows; false: in this thread). */
  worker?: boolean;
  /** Reading worker threads (0: this thread; default: see fileRows). */
  workers?: number;
  /** Provenance fetchedAt of every record read from files (default: now). */
  fetchedAt?: string;
  /** Files or zip members per block dealt to the workers (default: see fileRows; tests use small blocks). */
  block?: number;
  /** Parts of files skipped with a reason (damaged EUCTR member-state blocks), as they are found. */
  onWarning?: (message: string) => void;
}

/** Ingest files or fetch live into one new snapshot. */
export async function ingestSnapshot(
  store: Store,
  source: IngestSource,
  opts: IngestOptions = {},
): Promise<SnapshotInfo> {
  const on = opts.onProgress;
  if ('files' in source) {
    const files = source.files;
    const total = files.reduce((a, f) => a + f.size, 0);
    const offsets: number[] = [];
    files.reduce((a, f, i) => ((offsets[i] = a), a + f.size), 0);
    const rows = fileRows(
      files.map((f) => f.path),
      {
        signal: opts.signal,
        worker: opts.worker,
        workers: opts.workers,
        block: opts.block,
        fetchedAt: opts.fetchedAt,
        onWarning: opts.onWarning,
        onBytes: (i, n) => {
          const f = files[i]!;
          on?.({ stage: 'read', done: offsets[i]! + Math.min(n, f.size), total, detail: f.path });
        },
      },
    );
    const info = await store.createSnapshot(
      { label: opts.label ?? null, sources: files.map((f) => f.path), kind: 'ingest' },
      rows,
      { onProgress: (n) => on?.({ stage: 'ingest', done: n, total: null }) },
    );
    await writeSlimRows(store, info.id);
    return info;
  }
  const live = source.live;
  const records = fetchStudies({
    ...live,
    signal: opts.signal,
    onProgress: (p) => on?.({ stage: 'fetch', done: p.fetched, total: p.total }),
  });
  const info = await store.createSnapshot(
    {
      label: opts.label ?? null,
      sources: [searchUrl({ baseUrl: live.baseUrl, query: live.query, pageSize: DEFAULT_PAGE_SIZE })],
      kind: 'fetch',
    },
    records,
  );
  await writeSlimRows(store, info.id);
  return info;
}
