/**
 * `mscope review`: review labels in the terminal, one trial at a time (see review/terminal.ts for the keys).
 * Queue: low-confidence labels first, then conflicting cues, then the rest (analyze/queue.ts); or, with
 * `--sample N --seed S [--stratify FIELD]`, a reproducible random sample, stored in the database under a name so
 * `mscope validate` scores exactly that sample. Reads answers line by line from stdin, so a script can pipe them.
 */
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import {
  drawSample,
  reviewQueue,
  reviewPriority,
  STRATA,
  type QueueItem,
  type Stratum,
} from '../../../analyze/queue.js';
import { DECISION_FIELDS, DecisionFieldSchema, type DecisionField } from '../../../model/decisions.js';
import { UsageError } from '../../../model/errors.js';
import { classifierLabels, reviewerName } from '../../review/context.js';
import { runReview, type TerminalIo } from '../../review/terminal.js';
import { withStore } from '../util/db.js';

interface ReviewOpts {
  snapshot?: string;
  sample?: string;
  seed?: string;
  stratify?: string;
  fields?: string;
  reviewer?: string;
  redo?: boolean;
  limit?: string;
  list?: boolean;
}

const int = (name: string, v: string | undefined, min: number): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min)
    throw new UsageError(`${name}: expected an integer ≥ ${min}, got "${v}"`);
  return n;
};

export function stdinIo(): TerminalIo & { close(): void } {
  const rl = createInterface({ input: process.stdin, terminal: false });
  const it = rl[Symbol.asyncIterator]();
  return {
    async readLine() {
      const r = await it.next();
      return r.done ? null : r.value;
    },
    write: (s) => void process.stdout.write(s),
    close: () => rl.close(),
  };
}

export function register(program: Command): void {
  program
    .command('review')
    .description(
      'check and correct labels in the terminal, one trial at a time (queue or reproducible random sample)',
    )
    .option('--snapshot <ref>', 'snapshot to review (default: the latest)')
    .option('--sample <n>', 'review a random sample of N trials (stored, for mscope validate)')
    .option('--seed <s>', 'seed of the sample (required with --sample)')
    .option('--stratify <field>', `stratify the sample by a classifier label: ${STRATA.join(', ')}`)
    .option('--fields <a,b>', `fields to review (default all: ${DECISION_FIELDS.join(',')})`)
    .option('--reviewer <name>', 'reviewer name (default $MSCOPE_REVIEWER or the login name)')
    .option('--redo', 'also show fields that already have a decision')
    .option('--limit <n>', 'stop after N trials of the queue')
    .option('--list', 'print the queue (or sample) and exit')
    .action(async (opts: ReviewOpts, cmd: Command) => {
      const size = int('--sample', opts.sample, 1);
      const seed = int('--seed', opts.seed, 0);
      if (size !== undefined && seed === undefined)
        throw new UsageError('--sample needs --seed (so the sample can be drawn again)');
      if (opts.stratify && size === undefined) throw new UsageError('--stratify only goes with --sample');
      if (opts.stratify && !(STRATA as readonly string[]).includes(opts.stratify))
        throw new UsageError(`--stratify: expected one of ${STRATA.join(', ')}, got "${opts.stratify}"`);
      const fields: DecisionField[] = opts.fields
        ? opts.fields.split(',').map((f) => {
            const p = DecisionFieldSchema.safeParse(f.trim());
            if (!p.success)
              throw new UsageError(`--fields: unknown field "${f}" (known: ${DECISION_FIELDS.join(', ')})`);
            return p.data;
          })
        : [...DECISION_FIELDS];
      const limit = int('--limit', opts.limit, 1);
      const reviewer = opts.list ? '' : reviewerName(opts.reviewer);
      await withStore(cmd, { readOnly: !!opts.list && size === undefined }, async (store) => {
        const { loadClassified } = await import('../../report/load.js');
        const loaded = await loadClassified(store, opts.snapshot);
        const rows = new Map(loaded.rows.map((r) => [r.study.nctId, r] as const));
        let queue: QueueItem[];
        if (size !== undefined) {
          const name = `n${size}-seed${seed}${opts.stratify ? `-${opts.stratify}` : ''}-snap${loaded.info.id}`;
          const ids = drawSample(loaded.rows, size, seed!, opts.stratify as Stratum | undefined);
          const sample = await store.saveSample({
            name,
            createdAt: new Date().toISOString(),
            seed: seed!,
            size: ids.length,
            stratify: opts.stratify ?? null,
            snapshotId: loaded.info.id,
            population: loaded.rows.length,
            nctIds: ids,
          });
          process.stderr.write(
            `sample "${sample.name}": ${sample.nctIds.length} of ${sample.population} trials (seed ${sample.seed})\n`,
          );
          queue = sample.nctIds.map((id) => ({
            nctId: id,
            priority: reviewPriority(rows.get(id) ? classifierLabels(rows.get(id)!) : null),
          }));
        } else {
          queue = reviewQueue(loaded.rows, { skipReviewed: !opts.redo });
        }
        if (limit !== undefined) queue = queue.slice(0, limit);
        if (opts.list) {
          for (const q of queue)
            process.stdout.write(`${q.nctId}\t${q.priority.tier}\t${q.priority.reason}\n`);
          return;
        }
        const io = stdinIo();
        try {
          const r = await runReview(
            {
              queue,
              rows,
              fields,
              reviewer,
              snapshotId: loaded.info.id,
              redo: !!opts.redo,
              save: async (d) => void (await store.addDecisions([d])),
            },
            io,
          );
          process.stdout.write(
            `\n${r.decisions} decision(s) saved (${r.accepted} accepted, ${r.changed} changed) on ${r.trials} trial(s)${r.quit ? '' : '; queue done'}\n`,
          );
        } finally {
          io.close();
        }
      });
    });
}
