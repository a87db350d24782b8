/**
 * `mscope ingest <paths...>`: read registry files (directories expand to their files, sorted) into ONE new
 * immutable snapshot. Any bad input aborts the whole ingest with a clear error naming the file and record;
 * the database is left exactly as it was.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Command } from 'commander';
import { MscopeError } from '../../../model/errors.js';
import type { SnapshotInfo, Store } from '../../../store/index.js';
import { expandInputs, ingestSnapshot, skippedNote, type InputFile } from '../../../pipeline/ingest.js';
import { dbPath, withStore } from '../util/db.js';
import { byteProgress } from '../util/progress.js';

export { expandInputs, type InputFile } from '../../../pipeline/ingest.js';

interface IngestOptions {
  label?: string;
  json?: boolean;
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

/**
 * Website CSV exports carry titles, conditions and intervention names but no descriptions: the classifier then sees
 * little text. One line saying so, naming the command that fetches the full records of those ids.
 */
export async function titleLevelNote(store: Store, info: SnapshotInfo): Promise<string | null> {
  if (!Object.keys(info.formats).some((f) => f.endsWith('-csv'))) return null;
  const r = await store.connection().runAndReadAll(
    `SELECT count(*)::INTEGER, min(source_file) FROM studies WHERE snapshot_id = $1 AND source_format LIKE '%-csv'
       AND study_json LIKE '%"briefSummary":null%' AND study_json LIKE '%"detailedDescription":null%'`,
    [info.id],
  );
  const [n, file] = r.getRows()[0] ?? [0, null];
  if (!Number(n)) return null;
  return (
    `${Number(n)} of ${info.studyCount} studies come from a title-level export (no descriptions, e.g. ${String(file)}): ` +
    `their labels will be weak; fetch their full records with: mscope fetch --ids-from ${String(file)}`
  );
}

/** A failed first ingest leaves no empty database file behind (it did not exist before this command). */
async function removeNewDatabase(db: string): Promise<void> {
  await Promise.all([rm(db, { force: true }), rm(`${db}.wal`, { force: true })]).catch(() => undefined);
}

async function run(paths: string[], opts: IngestOptions, cmd: Command): Promise<void> {
  const started = performance.now();
  const skipped: string[] = [];
  const files = await expandInputs(paths, skipped);
  const skipNote = skippedNote(skipped);
  if (skipNote !== null) process.stderr.write(`mscope: note: ${skipNote}\n`);
  const total = files.reduce((a, f) => a + f.size, 0);
  const bar = byteProgress('ingest', total);
  const abort = new AbortController();
  const onSignal = (): void => abort.abort(new MscopeError('ingest interrupted; no snapshot was created'));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const db = dbPath(cmd);
  const dbExisted = db === ':memory:' || existsSync(db);
  const warnings: string[] = [];
  let records = 0;
  try {
    // reading, parsing and serialization run on worker threads; this thread appends to DuckDB
    let note: string | null = null;
    const info = await withStore(cmd, {}, async (store) => {
      const created = await ingestSnapshot(
        store,
        { files },
        {
          label: opts.label ?? null,
          signal: abort.signal,
          onWarning: (m) => void warnings.push(m),
          onProgress: (p) => {
            if (p.stage === 'read') {
              if (p.done >= total) bar.update(total, 'writing snapshot…');
              else bar.update(p.done, `${records.toLocaleString('en-US')} records ${p.detail ?? ''}`);
            } else {
              records = p.done;
              if (PROGRESS_LINES && p.done % LINE_EVERY === 0)
                process.stderr.write(`ingest: ${p.done} records\n`);
            }
          },
        },
      );
      note = await titleLevelNote(store, created);
      return created;
    });
    bar.stop();
    if (note !== null) process.stderr.write(`mscope: note: ${note}\n`);
    const elapsedMs = Math.round(performance.now() - started);
    for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
    process.stdout.write(
      opts.json
        ? `${JSON.stringify({ snapshot: info, files: files.map((f) => f.path), skipped, elapsedMs, warnings }, null, 2)}\n`
        : formatSummary(info, files, elapsedMs) +
            (warnings.length > 0 ? `  skipped with a warning: ${warnings.length}\n` : ''),
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
    .argument(
      '<paths...>',
      'files or directories (ClinicalTrials.gov, WHO ICTRP, ANZCTR, ChiCTR, EUCTR, CTIS formats; detected from content)',
    )
    .option('--label <label>', 'a unique name for the snapshot (usable wherever a snapshot id is)')
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      '\nAny bad input aborts the ingest (exit 1) and leaves the database unchanged.\n' +
        'Duplicate trial ids keep the record with the newest last-update date.\n' +
        'Damaged EUCTR member-state blocks are skipped with a warning naming file, record and line.\n' +
        'Progress: a bar on a terminal; MSCOPE_PROGRESS=lines prints plain progress lines to stderr instead.',
    )
    .action((paths: string[], opts: IngestOptions, cmd: Command) => run(paths, opts, cmd));
}
