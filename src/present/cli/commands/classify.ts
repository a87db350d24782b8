/**
 * `mscope classify [--snapshot ID|LABEL] [--json]`: classify every study of a snapshot with the current rules
 * (src/classify), save the labels under the ruleset version, print the screening summary (PRISMA-style flow)
 * and the per-category counts. Progress bar on stderr when it is a TTY.
 */
import type { Command } from 'commander';
import { formatScreening } from '../../../classify/screening.js';
import type { Labels } from '../../../model/labels.js';
import type { Store } from '../../../store/index.js';
import { classifySnapshot as classifyStep } from '../../../pipeline/classify.js';
import { stageBar } from '../../report/progress.js';
import { withStore } from '../util/db.js';

export interface ClassifyRun {
  snapshotId: number;
  rulesetVersion: string;
  labels: Labels[];
}

/** Classify all studies of a snapshot (progress bar on a TTY). Does not save. */
export async function classifySnapshot(store: Store, ref: string | undefined): Promise<ClassifyRun> {
  const bar = stageBar('classify', 'studies');
  try {
    const r = await classifyStep(store, ref, { onProgress: (p) => bar.update(p.done, p.total) });
    return { snapshotId: r.info.id, rulesetVersion: r.rulesetVersion, labels: r.labels };
  } finally {
    bar.stop();
  }
}

export function register(program: Command): void {
  program
    .command('classify')
    .description('classify the studies of a snapshot with the explainable rules and save the labels')
    .option('--snapshot <ref>', 'snapshot id or label (default: the latest)')
    .option('--json', 'print the result (snapshot, ruleset version, screening summary) as JSON')
    .action(async (opts: { snapshot?: string; json?: boolean }, cmd: Command) => {
      await withStore(cmd, { mustExist: true }, async (store) => {
        // labels are saved as they are made (none held for the whole snapshot); the summary is counted as they come
        const bar = stageBar('classify', 'studies');
        let r: Awaited<ReturnType<typeof classifyStep>>;
        try {
          r = await classifyStep(store, opts.snapshot, {
            save: true,
            labels: 'none',
            onProgress: (p) => bar.update(p.done, p.total),
          });
        } finally {
          bar.stop();
        }
        const run = { snapshotId: r.info.id, rulesetVersion: r.rulesetVersion };
        const summary = r.summary;
        if (opts.json) {
          const out = {
            snapshotId: run.snapshotId,
            rulesetVersion: run.rulesetVersion,
            studies: summary.identified,
            screening: summary,
          };
          process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
          return;
        }
        process.stdout.write(
          `snapshot ${run.snapshotId}: ${summary.identified} studies classified with ruleset ${run.rulesetVersion}\n\n`,
        );
        process.stdout.write(formatScreening(summary));
        process.stdout.write('\nby category\n');
        for (const [k, n] of Object.entries(summary.byCategory))
          process.stdout.write(`  ${k.padEnd(40)} ${n}\n`);
      });
    });
}
