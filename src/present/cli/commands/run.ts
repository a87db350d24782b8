/**
 * `mscope run`: the main job in one command: fetch live from ClinicalTrials.gov (or ingest --from files) into a new
 * snapshot, classify it with the current rules (labels saved), write the report, and print where it is.
 */
import type { Command } from 'commander';
import { DEFAULT_BASE_URL, checkBaseUrl, defaultQuery } from '../../../sources/live/query.js';
import { openStore } from '../../../store/index.js';
import { expandInputs, ingestSnapshot, skippedNote } from '../../../pipeline/ingest.js';
import { classifySnapshot } from '../../../pipeline/classify.js';
import { loadReportSnapshot as loadReportRows } from '../../../pipeline/compact.js';
import { stageBar } from '../../report/progress.js';
import { removeNewDbOnFailure } from '../util/db.js';
import { byteProgress } from '../util/progress.js';
import { collect, liveClientOptions } from '../util/options.js';
import { printResult, reportOptions, writeReport } from './report.js';

interface RunCliOptions {
  from?: string[];
  out: string;
  asOf?: string;
  compare?: string[];
  published?: string;
  filter?: string[];
  label?: string;
  query?: string;
  baseUrl: string;
  yearBasis: string;
  title?: string;
  json?: boolean;
  maxRetries: string;
  minInterval: string;
  timeout: string;
}

async function run(opts: RunCliOptions, cmd: Command): Promise<void> {
  // validate everything before touching the database or the network
  const report = reportOptions(opts);
  const db = String(cmd.optsWithGlobals().db);
  const files = opts.from ?? [];
  const baseUrl = files.length ? opts.baseUrl : checkBaseUrl(opts.baseUrl);
  const query = opts.query?.trim() ? opts.query.trim() : defaultQuery();
  const { maxRetries, minIntervalMs, timeoutMs } = liveClientOptions(opts);
  const skipped: string[] = [];
  const inputs = files.length ? await expandInputs(files, skipped) : [];
  const skipNote = skippedNote(skipped);
  if (skipNote !== null) process.stderr.write(`mscope: note: ${skipNote}\n`);

  // a failed first run (no network, bad input) leaves no new database behind
  await removeNewDbOnFailure(db, async () => {
    const store = await openStore(db);
    try {
      // 1. ingest / fetch
      // files: a bar over the bytes read (a whole-registry zip is gigabytes); live: over the studies fetched
      const total = inputs.reduce((a, f) => a + f.size, 0);
      const byteBar = files.length ? byteProgress('ingest', total) : null;
      const readBar = files.length ? null : stageBar('fetch', 'studies');
      let records = 0;
      const info = await ingestSnapshot(
        store,
        files.length ? { files: inputs } : { live: { baseUrl, query, maxRetries, minIntervalMs, timeoutMs } },
        {
          label: opts.label ?? null,
          onProgress: (p) => {
            if (p.stage === 'read')
              byteBar?.update(
                p.done,
                p.done >= total ? 'writing snapshot…' : `${records.toLocaleString('en-US')} records`,
              );
            else if (p.stage === 'ingest') records = p.done;
            else readBar?.update(p.done, p.total);
          },
        },
      );
      byteBar?.stop();
      readBar?.update(info.studyCount, info.studyCount);
      readBar?.stop();

      // 2. classify (the labels saved as they are made; none is kept)
      const classBar = stageBar('classify', 'studies');
      await classifySnapshot(store, info.id, {
        save: true,
        labels: 'none',
        onProgress: (p) => classBar.update(p.done, p.total),
      });
      classBar.stop();

      // 3. report, from the stored labels (as `mscope report` reads them)
      const loadBar = stageBar('load', 'studies');
      const loaded = await loadReportRows(store, info.id, {
        onProgress: (p) => loadBar.update(p.done, p.total),
      });
      loadBar.stop();
      // nothing more is read from the database: its memory is given back before the report's peak
      await store.close();
      const r = await writeReport(loaded.rows, info, loaded.rulesetVersion, {
        ...report,
        labelsFrom: 'stored',
      });
      printResult(r, opts.json, { snapshotCreated: info });
    } finally {
      await store.close();
    }
  });
}

export function register(program: Command): void {
  program
    .command('run')
    .description(
      'the whole job: fetch live (or ingest --from files) into a new snapshot, classify it, write the report',
    )
    .option(
      '--from <path...>',
      'ingest these files instead of fetching live (one or more; any supported format, or a .zip)',
    )
    .option('--out <dir>', 'report output directory', 'report')
    .option('--as-of <date>', 'report only studies first posted on or before DATE')
    .option(
      '--compare <review>',
      'compare with jovic2022 or zhou2021 (repeatable or comma-separated)',
      collect,
    )
    .option(
      '--published <file>',
      'published-figures.json (default: ../shared/reference/published-figures.json)',
    )
    .option('--filter <key=value>', 'restrict the report, e.g. --filter country=China (repeatable)', collect)
    .option('--label <label>', 'label of the new snapshot')
    .option('--query <q>', 'live search expression (default: the MSC synonym query)')
    .option('--base-url <url>', 'live API root', process.env.MSCOPE_CTGOV_URL ?? DEFAULT_BASE_URL)
    .option('--max-retries <n>', 'live: retries per request before failing', '6')
    .option('--min-interval <ms>', 'live: minimum milliseconds between requests', '1200')
    .option('--timeout <ms>', 'live: per-request timeout in milliseconds', '60000')
    .option('--year-basis <basis>', 'year of the "over time" charts: first-posted or start', 'first-posted')
    .option('--title <title>', 'report title')
    .option('--json', 'print the summary and file list as JSON')
    .action(async (opts: RunCliOptions, cmd: Command) => run(opts, cmd));
}
