/**
 * `mscope decisions add|list|export|import|conflicts`: reviewer decisions (see model/decisions.ts). Decisions are
 * kept apart from snapshots and rulesets; `export`/`import` move them between databases (a second reviewer screens
 * the same sample, then the files are imported into one database); `conflicts` lists where reviewers differ.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { latestDecisions, reviewerConflicts, type ReviewerConflict } from '../../../analyze/review.js';
import {
  DECISION_FIELDS,
  DecisionFieldSchema,
  NCT_ID_RE,
  valueText,
  type Decision,
} from '../../../model/decisions.js';
import { InputError, UsageError } from '../../../model/errors.js';
import { formatDecisions, parseDecisions, parseValueText, type DecisionFormat } from '../../review/codec.js';
import { newDecision, reviewerName } from '../../review/context.js';
import { withStore } from '../util/db.js';
import { openSink, textTable } from '../util/output.js';

export function formatConflicts(conflicts: readonly ReviewerConflict[]): string {
  if (conflicts.length === 0) return 'no conflicts between reviewers\n';
  return (
    `${conflicts.length} conflict(s) between reviewers\n` +
    textTable(
      ['trial', 'field', 'decisions'],
      conflicts.map((c) => [
        c.nctId,
        c.field,
        c.decisions.map((d) => `${d.reviewer}: ${valueText(d.field, d.value)}`).join('; '),
      ]),
    )
  );
}

function historyTable(ds: readonly Decision[]): string {
  if (ds.length === 0) return 'no decisions\n';
  return textTable(
    ['seq', 'trial', 'field', 'value', 'classifier then', 'reviewer', 'decided', 'note'],
    ds.map((d) => [
      String(d.seq),
      d.nctId,
      d.field,
      valueText(d.field, d.value),
      d.classifierValue === null ? '' : valueText(d.field, d.classifierValue),
      d.reviewer,
      d.decidedAt,
      d.note ?? '',
    ]),
  );
}

const formatOf = (format: string | undefined, out: string | undefined): DecisionFormat => {
  const f = (format ?? (out && /\.csv$/i.test(out) ? 'csv' : 'jsonl')).toLowerCase();
  if (f !== 'csv' && f !== 'jsonl') throw new UsageError(`--format: expected csv or jsonl, got "${format}"`);
  return f;
};

export function register(program: Command): void {
  const cmd = program
    .command('decisions')
    .description('reviewer decisions: add, list, export, import, conflicts between reviewers');

  cmd
    .command('add')
    .description('record one decision (accept or correct one label field of one trial)')
    .requiredOption('--nct <id>', 'trial, e.g. NCT01234567')
    .requiredOption('--field <field>', `one of: ${DECISION_FIELDS.join(', ')}`)
    .requiredOption(
      '--value <value>',
      'the value (sets as a|b, "none" for an empty set / no product / no dose)',
    )
    .option('--note <text>', 'why')
    .option('--reviewer <name>', 'reviewer name (default $MSCOPE_REVIEWER or the login name)')
    .option('--snapshot <ref>', 'snapshot the classifier value is read from (default: the latest)')
    .action(
      async (
        opts: {
          nct: string;
          field: string;
          value: string;
          note?: string;
          reviewer?: string;
          snapshot?: string;
        },
        c: Command,
      ) => {
        const nct = opts.nct.trim().toUpperCase();
        if (!NCT_ID_RE.test(nct))
          throw new UsageError(`--nct: expected an NCT id like NCT01234567, got "${opts.nct}"`);
        const field = DecisionFieldSchema.safeParse(opts.field);
        if (!field.success)
          throw new UsageError(
            `--field: unknown field "${opts.field}" (known: ${DECISION_FIELDS.join(', ')})`,
          );
        const value = parseValueText(field.data, opts.value);
        if (!value.ok) throw new UsageError(`--value: ${value.error}`);
        const reviewer = reviewerName(opts.reviewer);
        await withStore(c, {}, async (store) => {
          const { loadClassified } = await import('../../report/load.js');
          const loaded = await loadClassified(store, opts.snapshot);
          const row = loaded.rows.find((r) => r.study.nctId === nct);
          if (!row) throw new UsageError(`--nct: ${nct} is not in snapshot ${loaded.info.id}`);
          const d = newDecision(
            row,
            { nctId: nct, field: field.data, value: value.value, note: opts.note ?? null, reviewer },
            { snapshotId: loaded.info.id },
          );
          await store.addDecisions([d]);
          process.stdout.write(
            `${nct} ${field.data} = ${valueText(field.data, d.value)} (classifier: ${valueText(field.data, d.classifierValue)}) by ${reviewer}\n`,
          );
        });
      },
    );

  cmd
    .command('list')
    .description('the decision history (every decision, oldest first)')
    .option('--nct <id>', 'only this trial')
    .option('--latest', 'only the decisions in force (latest per trial and field)')
    .option('--json', 'print JSON')
    .action(async (opts: { nct?: string; latest?: boolean; json?: boolean }, c: Command) => {
      let ds = await withStore(c, { readOnly: true }, (s) => s.listDecisions());
      if (opts.latest)
        ds = [...latestDecisions(ds).values()].flatMap((m) => [...m.values()]).sort((a, b) => a.seq - b.seq);
      if (opts.nct) ds = ds.filter((d) => d.nctId === opts.nct!.toUpperCase());
      process.stdout.write(opts.json ? `${JSON.stringify(ds, null, 2)}\n` : historyTable(ds));
    });

  cmd
    .command('export')
    .description(
      'write decisions to a file (JSON lines or CSV) for another reviewer, or as gold for mscope eval',
    )
    .option('--out <file>', 'output file (default stdout); .csv selects CSV')
    .option('--format <format>', 'jsonl or csv (default: from --out, else jsonl)')
    .option('--reviewer <name>', "only this reviewer's decisions")
    .option('--latest', 'only the decisions in force (default: the whole history)')
    .action(
      async (opts: { out?: string; format?: string; reviewer?: string; latest?: boolean }, c: Command) => {
        const format = formatOf(opts.format, opts.out);
        let ds = await withStore(c, { readOnly: true }, (s) => s.listDecisions());
        if (opts.reviewer) ds = ds.filter((d) => d.reviewer === opts.reviewer);
        if (opts.latest)
          ds = [...latestDecisions(ds).values()]
            .flatMap((m) => [...m.values()])
            .sort((a, b) => a.seq - b.seq);
        const sink = await openSink(opts.out);
        try {
          await sink.write(formatDecisions(ds, format));
          await sink.end();
        } catch (e) {
          await sink.abort();
          throw e;
        }
        if (opts.out) process.stderr.write(`${ds.length} decision(s) written to ${opts.out}\n`);
      },
    );

  cmd
    .command('import')
    .description(
      'add the decisions of a file (JSON lines or CSV, as written by export); identical ones are skipped',
    )
    .argument('<file>', 'decisions file')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { json?: boolean }, c: Command) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (e) {
        throw new InputError({ file }, `cannot read: ${(e as Error).message}`);
      }
      const ds = parseDecisions(text, file);
      if (ds.length === 0) throw new InputError({ file }, 'no decisions in the file');
      await withStore(c, {}, async (store) => {
        const r = await store.addDecisions(ds);
        const conflicts = reviewerConflicts(await store.listDecisions());
        if (opts.json) {
          process.stdout.write(
            `${JSON.stringify({ added: r.added.length, skipped: r.skipped, conflicts }, null, 2)}\n`,
          );
          return;
        }
        process.stdout.write(`${r.added.length} decision(s) added, ${r.skipped} already present\n`);
        process.stdout.write(formatConflicts(conflicts));
      });
    });

  cmd
    .command('conflicts')
    .description("trials and fields where reviewers' latest decisions differ")
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, c: Command) => {
      const ds = await withStore(c, { readOnly: true }, (s) => s.listDecisions());
      const conflicts = reviewerConflicts(ds);
      process.stdout.write(
        opts.json ? `${JSON.stringify(conflicts, null, 2)}\n` : formatConflicts(conflicts),
      );
    });
}
