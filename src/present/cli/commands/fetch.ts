/**
 * `mscope fetch`: download studies from the live ClinicalTrials.gov API v2 and store them as ONE new
 * snapshot. Resumable: progress is saved after each page in a state file (default `<db>.fetch-state.json`);
 * re-running the same command after an interruption continues where it stopped. With `--since DATE`
 * only studies updated since then are fetched and merged onto a base snapshot (default: the latest).
 */
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { MscopeError, UsageError } from '../../../model/errors.js';
import type { StudyRecord } from '../../../model/record.js';
import type { QuarantinedRecord } from '../../../model/record.js';
import {
  clearFetchState,
  fetchStudies,
  fetchStudiesByIds,
  type FetchProgress,
} from '../../../sources/live/client.js';
import { removeNewDbOnFailure } from '../util/db.js';
import {
  DEFAULT_BASE_URL,
  checkBaseUrl,
  checkPageSize,
  checkSince,
  defaultQuery,
  searchUrl,
} from '../../../sources/live/query.js';
import { openStore } from '../../../store/index.js';
import type { SnapshotInfo } from '../../../store/index.js';
import { intOption, liveClientOptions, snapshotRef } from '../util/options.js';

interface FetchCliOptions {
  query?: string;
  since?: string;
  base?: string;
  baseUrl: string;
  label?: string;
  pageSize: string;
  state?: string;
  restart?: boolean;
  maxRetries: string;
  minInterval: string;
  timeout: string;
  printQuery?: boolean;
  json?: boolean;
  strict?: boolean;
  ids?: string[];
  idsFrom?: string;
}

function progressBar(): { update(p: FetchProgress): void; stop(): void } {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar({
    stream: process.stderr,
    format: 'fetch |{bar}| {value}/{total} studies, page {page}',
    hideCursor: true,
    clearOnComplete: true,
  });
  let started = false;
  return {
    update(p) {
      const total = p.total ?? Math.max(p.fetched, 1);
      if (!started) {
        bar.start(total, p.fetched, { page: p.page });
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(p.fetched, { page: p.page });
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

async function run(opts: FetchCliOptions, cmd: Command): Promise<void> {
  if (opts.printQuery) {
    process.stdout.write(
      opts.json ? `${JSON.stringify({ query: defaultQuery() })}\n` : `${defaultQuery()}\n`,
    );
    return;
  }
  const db = String(cmd.optsWithGlobals().db);
  const baseUrl = checkBaseUrl(opts.baseUrl);
  const pageSize = checkPageSize(intOption('--page-size', opts.pageSize, 1));
  const since = opts.since === undefined ? undefined : checkSince(opts.since);
  if (opts.base !== undefined && since === undefined)
    throw new UsageError('--base is only meaningful with --since');
  const ids = await idsOption(opts);
  if (ids !== null && (opts.query !== undefined || since !== undefined)) {
    throw new UsageError(
      '--ids/--ids-from fetch exactly those studies: not combinable with --query or --since',
    );
  }
  const query = opts.query?.trim() ? opts.query.trim() : defaultQuery();
  const { maxRetries, minIntervalMs, timeoutMs } = liveClientOptions(opts);
  const statePath = opts.state ?? `${db === ':memory:' ? 'mscope' : db}.fetch-state.json`;
  if (opts.restart) await clearFetchState(statePath);
  const stateExisted = existsSync(statePath);
  let pagesDone = 0;
  try {
    await removeNewDbOnFailure(db, () =>
      fetchIntoSnapshot(
        db,
        opts,
        { baseUrl, pageSize, since, query, ids, statePath, maxRetries, minIntervalMs, timeoutMs },
        (p) => {
          pagesDone = p;
        },
      ),
    );
  } catch (err) {
    // nothing received: no state file left behind (with pages received, it is what a re-run resumes from)
    if (!stateExisted && pagesDone === 0) await clearFetchState(statePath);
    throw err;
  }
}

interface FetchPlan {
  baseUrl: string;
  pageSize: number;
  since: string | undefined;
  query: string;
  ids: string[] | null;
  statePath: string;
  maxRetries: number;
  minIntervalMs: number;
  timeoutMs: number;
}

/** NCT ids of --ids (space or comma separated) and of every NCT id written anywhere in the --ids-from file. */
async function idsOption(opts: FetchCliOptions): Promise<string[] | null> {
  if (opts.ids === undefined && opts.idsFrom === undefined) return null;
  const ids: string[] = [];
  for (const v of (opts.ids ?? []).flatMap((x) => x.split(/[\s,;]+/)).filter((x) => x !== '')) {
    if (!/^NCT\d{8}$/i.test(v))
      throw new UsageError(`--ids: "${v}" is not an NCT id (NCT followed by 8 digits)`);
    ids.push(v.toUpperCase());
  }
  if (opts.idsFrom !== undefined) {
    let text: string;
    try {
      text = await readFile(opts.idsFrom, 'latin1'); // ids are ASCII: any encoding (or a binary file) will do
    } catch (err) {
      throw new MscopeError(
        `${opts.idsFrom}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
      );
    }
    const found = text.match(/\bNCT\d{8}\b/gi) ?? [];
    if (found.length === 0)
      throw new MscopeError(`${opts.idsFrom}: no NCT id (NCT followed by 8 digits) in this file`);
    ids.push(...found.map((x) => x.toUpperCase()));
  }
  return [...new Set(ids)];
}

/** A fetch that found nothing (and has no base to update) creates no empty snapshot. */
async function* nonEmpty(
  records: AsyncIterable<StudyRecord>,
  required: boolean,
  quarantine: readonly QuarantinedRecord[],
): AsyncGenerator<StudyRecord> {
  let n = 0;
  for await (const r of records) {
    n++;
    yield r;
  }
  if (n === 0 && required && quarantine.length === 0) {
    throw new MscopeError('the search found no studies; no snapshot created');
  }
}

async function fetchIntoSnapshot(
  db: string,
  opts: FetchCliOptions,
  plan: FetchPlan,
  onPages: (pages: number) => void,
): Promise<void> {
  const { baseUrl, pageSize, since, query, ids, statePath, maxRetries, minIntervalMs, timeoutMs } = plan;
  const store = await openStore(db);
  const abort = new AbortController();
  const onSignal = (): void => abort.abort(new MscopeError('interrupted by signal'));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const bar = progressBar();
  try {
    let base: SnapshotInfo | null = null;
    if (since !== undefined) {
      try {
        base = await store.getSnapshot(snapshotRef(opts.base));
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        throw new UsageError(
          `--since updates an existing snapshot, but none was found (${why}); run a full "mscope fetch" first`,
        );
      }
    }
    let last: FetchProgress = { fetched: 0, total: null, page: 0 };
    const quarantine: QuarantinedRecord[] = [];
    const warnings: string[] = [];
    const common = {
      baseUrl,
      pageSize,
      maxRetries,
      minIntervalMs,
      timeoutMs,
      signal: abort.signal,
      onProgress: (p: FetchProgress) => {
        last = p;
        onPages(p.page);
        bar.update(p);
      },
      onQuarantine: (q: QuarantinedRecord) => quarantine.push(q),
      onWarning: (w: string) => warnings.push(w),
    };
    const fetched: AsyncIterable<StudyRecord> =
      ids !== null
        ? fetchStudiesByIds(ids, common)
        : fetchStudies({ ...common, query, ...(since !== undefined ? { since } : {}), statePath });
    const records = nonEmpty(fetched, base === null, quarantine);
    const source =
      ids !== null
        ? `${baseUrl}/studies?filter.ids=(${ids.length} NCT ids${opts.idsFrom !== undefined ? ` from ${basename(opts.idsFrom)}` : ''})`
        : searchUrl({ baseUrl, query, since, pageSize });
    const info = await store.createSnapshot(
      {
        label: opts.label ?? null,
        sources: [source],
        kind: 'fetch',
        baseSnapshotId: base?.id ?? null,
        quarantine,
      },
      records,
    );
    bar.stop();
    for (const w of warnings) process.stderr.write(`mscope: warning: ${w}\n`);
    if (quarantine.length > 0) {
      process.stderr.write(
        `mscope: ${quarantine.length} record(s) failed validation and were quarantined (table "quarantine" of snapshot ${info.id}): ` +
          `${quarantine.map((q) => `${q.nctId ?? '(no NCT id)'} (${q.reason})`).join('; ')}\n`,
      );
      if (opts.strict) process.exitCode = 1;
    }
    bar.stop();
    await clearFetchState(statePath); // stored for good: the next fetch starts fresh
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(info, null, 2)}\n`);
    } else {
      const baseNote = base
        ? ` (incremental since ${since}: ${last.fetched} updated studies merged onto snapshot ${base.id})`
        : '';
      process.stdout.write(
        `fetched ${last.fetched} studies in ${last.page} page(s) from ${baseUrl}${baseNote}\n` +
          `snapshot ${info.id}${info.label ? ` "${info.label}"` : ''}: ${info.studyCount} studies\n`,
      );
    }
  } finally {
    bar.stop();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await store.close();
  }
}

export function register(program: Command): void {
  program
    .command('fetch')
    .description('fetch studies from the live ClinicalTrials.gov API v2 into one new snapshot (resumable)')
    .option(
      '--query <q>',
      'search expression for query.term (Essie syntax); default: the MSC synonym query (see --print-query)',
    )
    .option(
      '--since <date>',
      'only studies whose last update was posted on/after DATE (YYYY-MM-DD), merged onto a base snapshot',
    )
    .option('--base <snapshot>', 'with --since: snapshot id or label to update (default: the latest)')
    .option('--base-url <url>', 'API root', process.env.MSCOPE_CTGOV_URL ?? DEFAULT_BASE_URL)
    .option('--label <label>', 'label of the new snapshot')
    .option('--page-size <n>', 'studies per request (1-1000)', '1000')
    .option('--state <file>', 'resume state file (default: <db>.fetch-state.json)')
    .option('--restart', 'discard a saved partial fetch and start over')
    .option('--max-retries <n>', 'retries per request before failing', '6')
    .option('--min-interval <ms>', 'minimum milliseconds between requests', '1200')
    .option('--timeout <ms>', 'per-request timeout in milliseconds', '60000')
    .option('--ids <nct...>', 'fetch exactly these NCT ids (space or comma separated); not resumable')
    .option(
      '--ids-from <file>',
      'fetch the NCT ids found anywhere in FILE (e.g. a website CSV export); not resumable',
    )
    .option('--strict', 'exit 1 when a record failed validation (it is quarantined either way)')
    .option('--print-query', 'print the default query and exit')
    .option('--json', 'print the created snapshot as JSON')
    .action(async (opts: FetchCliOptions, cmd: Command) => run(opts, cmd));
}
