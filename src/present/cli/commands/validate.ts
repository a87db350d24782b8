/**
 * `mscope validate [--sample NAME] [--snapshot S] [--reviewers A,B] [--json]`: the classifier's accuracy on a
 * reviewed sample (per field, Wilson / bootstrap 95% intervals, Cohen's kappa, the category confusion table), the
 * agreement between two reviewers, and a methods paragraph to paste into a manuscript.
 */
import type { Command } from 'commander';
import { interRater, validateClassifier } from '../../../analyze/validate.js';
import type { Labels } from '../../../model/labels.js';
import { UsageError } from '../../../model/errors.js';
import { VERSION } from '../../../version.js';
import { classifierLabels } from '../../review/context.js';
import { confusionTable, interRaterTable, methodsParagraph, methodsTable } from '../../review/methods.js';
import { withStore } from '../util/db.js';

export function register(program: Command): void {
  program
    .command('validate')
    .description(
      "the classifier's accuracy on a reviewed sample (Wilson CIs, Cohen's kappa), reviewer agreement, a methods paragraph",
    )
    .option('--sample <name>', 'review sample (default: the latest; see mscope review --sample)')
    .option('--all-reviewed', 'score every reviewed trial instead of a sample (not a random sample)')
    .option(
      '--snapshot <ref>',
      "snapshot whose classifier labels are scored (default: the sample's snapshot)",
    )
    .option(
      '--reviewers <a,b>',
      'the two reviewers to compare (default: the first two with decisions on the sample)',
    )
    .option('--json', 'print JSON')
    .action(
      async (
        opts: {
          sample?: string;
          allReviewed?: boolean;
          snapshot?: string;
          reviewers?: string;
          json?: boolean;
        },
        cmd: Command,
      ) => {
        await withStore(cmd, { readOnly: true }, async (store) => {
          const samples = await store.listSamples();
          let sample = null;
          if (!opts.allReviewed) {
            sample = opts.sample
              ? (samples.find((s) => s.name === opts.sample) ?? null)
              : (samples[samples.length - 1] ?? null);
            if (opts.sample && !sample)
              throw new UsageError(
                `--sample: no sample "${opts.sample}" (have: ${samples.map((s) => s.name).join(', ') || 'none'})`,
              );
            if (!sample)
              throw new UsageError(
                'no review sample yet: draw one with mscope review --sample N --seed S, or pass --all-reviewed',
              );
          }
          const { loadClassified } = await import('../../report/load.js');
          const loaded = await loadClassified(store, opts.snapshot ?? sample?.snapshotId);
          const classifier = new Map<string, Labels>();
          for (const r of loaded.rows) {
            const l = classifierLabels(r);
            if (l) classifier.set(r.study.nctId, l);
          }
          const decisions = await store.listDecisions();
          const inSample = sample ? new Set(sample.nctIds) : null;
          const report = validateClassifier(decisions, classifier, sample?.nctIds);
          const names = opts.reviewers
            ? opts.reviewers.split(',').map((x) => x.trim())
            : [...new Set(decisions.filter((d) => !inSample || inSample.has(d.nctId)).map((d) => d.reviewer))]
                .sort()
                .slice(0, 2);
          if (opts.reviewers && names.length !== 2)
            throw new UsageError('--reviewers: give two names, e.g. --reviewers ana,ben');
          const scoped = decisions.filter((d) => !inSample || inSample.has(d.nctId));
          const ir =
            names.length === 2
              ? { a: names[0]!, b: names[1]!, fields: interRater(scoped, names[0]!, names[1]!) }
              : null;
          if (opts.json) {
            process.stdout.write(
              `${JSON.stringify({ sample, snapshotId: loaded.info.id, rulesetVersion: loaded.rulesetVersion, ...report, interRater: ir }, null, 2)}\n`,
            );
            return;
          }
          const ctx = {
            sample,
            rulesetVersion: loaded.rulesetVersion,
            snapshotId: loaded.info.id,
            version: VERSION,
            interRater: ir,
          };
          const out = [methodsParagraph(report, ctx), '', methodsTable(report)];
          const conf = confusionTable(report);
          if (conf) out.push('Category: reviewer (rows) vs classifier (columns)', '', conf);
          if (ir && ir.fields.length)
            out.push(`Agreement between ${ir.a} and ${ir.b}`, '', interRaterTable(ir.fields));
          process.stdout.write(`${out.join('\n')}`);
        });
      },
    );
}
