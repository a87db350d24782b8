/**
 * `mscope ingest <paths...>`: read registry files (directories expand to their files, sorted) into ONE new
 * immutable snapshot. Any bad input aborts the whole ingest with a clear error naming the file and record;
 * the database is left exactly as it was.
 */
import { existsSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { InputError, MscopeError } from '../../../model/errors.js';
import { fileRows, type SnapshotInfo } from '../../../store/index.js';
import { dbPath, withStore } from '../util/db.js';
import { byteProgress } from '../util/progress.js';

interface IngestOptions {
  label?: string;
  json?: boolean;
}

export interface InputFile {
  path: string;
  size: number;
}

async function walk(dir: string, out: InputFile[]): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => !e.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(p, out);
    else if (e.isFile()) out.push({ path: p, size: (await stat(p)).size });
  }
}

/** Expand the command-line paths: files as given, directories to their files (recursively, sorted, no dotfiles). */
export async function expandInputs(paths: string[]): Promise<InputFile[]> {
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
      await walk(p, out);
      if (out.length === before) throw new InputError({ file: p }, 'directory holds no files');
    } else {
      out.push({ path: p, size: st.size });
    }
  }
  return out;
}

/** Plain progress lines on stderr for non-TTY use (MSCOPE_PROGRESS=lines), e.g. logs and tests. */
const PROGRESS_LINES = process.env.MSCOPE_PROGRESS === 'lines';
const LINE_EVERY = 5000;

export function formatSummary(info: SnapshotInfo, files: InputFile[], elapsedMs: number): string {
  const formats = Object.entries(info.formats)
    .map(([f, n]) => `${f} ${n}`)
    .join(', ');
  return (
    `snapshot ${info.id}${info.label ? ` "${info.label}"` : ''} created: ${info.studyCount} studies from ${files.length} file${files.length === 1 ? '' : 's'}\n` +
    `  duplicates dropped: ${info.duplicatesDropped}\n` +
    `  formats: ${formats || '(none)'}\n` +
    `  elapsed: ${(elapsedMs / 1000).toFixed(1)} s\n`
  );
}

/** A failed first ingest leaves no empty database file behind (it did not exist before this command). */
async function removeNewDatabase(db: string): Promise<void> {
  await Promise.all([rm(db, { force: true }), rm(`${db}.wal`, { force: true })]).catch(() => undefined);
}

async function run(paths: string[], opts: IngestOptions, cmd: Command): Promise<void> {
  const started = performance.now();
  const files = await expandInputs(paths);
  const total = files.reduce((a, f) => a + f.size, 0);
  const bar = byteProgress('ingest', total);
  const abort = new AbortController();
  const onSignal = (): void => abort.abort(new MscopeError('ingest interrupted; no snapshot was created'));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const db = dbPath(cmd);
  const dbExisted = db === ':memory:' || existsSync(db);
  const offsets: number[] = [];
  files.reduce((a, f, i) => ((offsets[i] = a), a + f.size), 0);
  // reading, parsing and serialization run in a worker thread; this thread appends to DuckDB
  const rows = fileRows(
    files.map((f) => f.path),
    {
      signal: abort.signal,
      onBytes: (i, n) => {
        const f = files[i]!;
        if (n >= f.size && i === files.length - 1) bar.update(total, 'writing snapshot…');
        else bar.update(offsets[i]! + Math.min(n, f.size), f.path);
      },
    },
  );
  try {
    const info = await withStore(cmd, {}, (store) =>
      store.createSnapshot(
        { label: opts.label ?? null, sources: files.map((f) => f.path), kind: 'ingest' },
        rows,
        {
          onProgress: (n) => {
            if (PROGRESS_LINES && n % LINE_EVERY === 0) process.stderr.write(`ingest: ${n} records\n`);
          },
        },
      ),
    );
    bar.stop();
    const elapsedMs = Math.round(performance.now() - started);
    process.stdout.write(
      opts.json
        ? `${JSON.stringify({ snapshot: info, files: files.map((f) => f.path), elapsedMs }, null, 2)}\n`
        : formatSummary(info, files, elapsedMs),
    );
  } catch (err) {
    bar.stop();
    if (!dbExisted) await removeNewDatabase(db);
    if (abort.signal.aborted) throw abort.signal.reason instanceof Error ? abort.signal.reason : err;
    throw err;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

export function register(program: Command): void {
  program
    .command('ingest')
    .description('read registry files into ONE new snapshot (directories expand to their files, sorted)')
    .argument('<paths...>', 'files or directories (any ClinicalTrials.gov format; detected from content)')
    .option('--label <label>', 'a unique name for the snapshot (usable wherever a snapshot id is)')
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      '\nAny bad input aborts the ingest (exit 1) and leaves the database unchanged.\n' +
        'Duplicate NCT ids keep the record with the newest last-update date.\n' +
        'Progress: a bar on a terminal; MSCOPE_PROGRESS=lines prints plain progress lines to stderr instead.',
    )
    .action((paths: string[], opts: IngestOptions, cmd: Command) => run(paths, opts, cmd));
}
