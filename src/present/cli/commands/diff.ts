/** `mscope diff <A> <B>`: what changed between two snapshots (new/removed studies, statuses, results, labels). */
import type { Command } from 'commander';
import { UsageError } from '../../../model/errors.js';
import { diffSnapshots, type SnapshotDiff } from '../../../analyze/diff.js';
import { openStore } from '../../../store/index.js';
import { snapshotRef } from '../util/options.js';

interface DiffCliOptions {
  json?: boolean;
  limit: string;
}

function section<T>(title: string, items: T[], line: (x: T) => string, limit: number): string {
  if (items.length === 0) return `${title}: none\n`;
  const shown = items
    .slice(0, limit)
    .map((x) => `  ${line(x)}\n`)
    .join('');
  return `${title}: ${items.length}\n${shown}${items.length > limit ? `  … ${items.length - limit} more (use --limit or --json)\n` : ''}`;
}

export function formatDiff(d: SnapshotDiff, a: string, b: string, limit: number): string {
  const s = d.summary;
  return (
    `snapshot ${a} (${s.studiesA} studies) -> snapshot ${b} (${s.studiesB} studies)\n` +
    section('new studies', d.added, (x) => `+ ${x.nctId}  ${x.title}`, limit) +
    section('removed studies', d.removed, (x) => `- ${x.nctId}  ${x.title}`, limit) +
    section(
      'status changes',
      d.statusChanges,
      (x) => `${x.nctId}  ${x.from ?? '-'} -> ${x.to ?? '-'}`,
      limit,
    ) +
    section(
      'results newly posted',
      d.resultsNewlyPosted,
      (x) => `${x.nctId}  ${x.resultsFirstPosted ?? ''}  ${x.title}`,
      limit,
    ) +
    section(
      `label changes (${s.studiesWithLabelChanges} studies, ${s.inclusionChanges} inclusion flips)`,
      d.labelChanges,
      (x) => `${x.nctId}  ${x.field}: ${x.from || '(empty)'} -> ${x.to || '(empty)'}`,
      limit,
    )
  );
}

async function run(a: string, b: string, opts: DiffCliOptions, cmd: Command): Promise<void> {
  const limit = Number(opts.limit);
  if (!/^\d+$/.test(opts.limit) || limit < 1)
    throw new UsageError(`--limit "${opts.limit}": expected a positive integer`);
  const db = String(cmd.optsWithGlobals().db);
  const store = await openStore(db, { readOnly: true });
  try {
    const { loadClassified } = await import('../../report/load.js');
    const sa = await loadClassified(store, snapshotRef(a));
    const sb = await loadClassified(store, snapshotRef(b));
    const d = diffSnapshots(sa.rows, sb.rows);
    if (opts.json) {
      process.stdout.write(
        `${JSON.stringify({ a: sa.info, b: sb.info, rulesetVersion: sa.rulesetVersion, ...d }, null, 2)}\n`,
      );
    } else {
      process.stdout.write(formatDiff(d, String(sa.info.id), String(sb.info.id), limit));
    }
  } finally {
    await store.close();
  }
}

export function register(program: Command): void {
  program
    .command('diff')
    .description(
      'compare two snapshots: new and removed studies, status changes, results newly posted, label changes',
    )
    .argument('<snapshotA>', 'older snapshot id or label')
    .argument('<snapshotB>', 'newer snapshot id or label')
    .option('--limit <n>', 'items listed per section in text output', '20')
    .option('--json', 'print the full diff as JSON')
    .addHelpText(
      'after',
      '\nBoth snapshots are compared under the CURRENT ruleset: stored labels of that version are used, otherwise the\n' +
        'studies are classified on the fly, so label changes reflect changed registry records, not changed rules.',
    )
    .action(async (a: string, b: string, opts: DiffCliOptions, cmd: Command) => run(a, b, opts, cmd));
}
