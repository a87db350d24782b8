/**
 * `mscope trials [--snapshot S] [--json] [--limit N]`: group the registrations of a snapshot into trials
 * (src/analyze/trials): explicit links (registration numbers a record names) and probable links by record
 * similarity, each with its score and evidence; merged trials with every registration and the record each
 * field comes from; pairs for review below the merge threshold.
 */
import type { Command } from 'commander';
import { groupTrials, MERGE_AT, REVIEW_AT, type TrialGrouping } from '../../../analyze/trials/index.js';
import type { Study } from '../../../model/study.js';
import { intOption, snapshotRef } from '../util/options.js';
import { withStore } from '../util/db.js';

interface TrialsOptions {
  snapshot?: string;
  json?: boolean;
  limit: string;
}

export function formatTrials(g: TrialGrouping, snapshotId: number, limit: number): string {
  const merged = g.trials.filter((t) => t.registrations.length > 1);
  const byRegistry = new Map<string, number>();
  for (const t of g.trials)
    for (const r of t.registrations) byRegistry.set(r.registry, (byRegistry.get(r.registry) ?? 0) + 1);
  let out =
    `snapshot ${snapshotId}: ${g.registrations} registrations -> ${g.trials.length} trials ` +
    `(${merged.length} trials registered more than once, ${g.registrations - g.trials.length} registrations merged)\n` +
    `  registrations by registry: ${[...byRegistry]
      .sort((a, b) => b[1] - a[1])
      .map(([r, n]) => `${r} ${n}`)
      .join(', ')}\n` +
    `  candidate pairs scored: ${g.candidatePairs}; merge at score >= ${MERGE_AT}, review from ${REVIEW_AT}\n\n`;
  out += `trials with several registrations: ${merged.length}\n`;
  for (const t of merged.slice(0, limit)) {
    out += `  ${t.id}: ${t.registrations.map((r) => `${r.trialId} (${r.registry})`).join(' + ')}\n`;
    for (const l of t.links)
      out += `    ${l.kind === 'explicit' ? 'explicit' : `probable ${l.score.toFixed(2)}`} ${l.a} ~ ${l.b}: ${l.evidence.join('; ')}\n`;
    const from = Object.entries(t.fieldsFrom).filter(([, id]) => id !== t.id);
    if (from.length > 0)
      out += `    fields from other registrations: ${from.map(([f, id]) => `${f} <- ${id}`).join(', ')}\n`;
  }
  if (merged.length > limit) out += `  … ${merged.length - limit} more (use --limit or --json)\n`;
  out += `\nfor review (not merged): ${g.review.length}\n`;
  for (const l of g.review.slice(0, limit))
    out += `  ${l.kind === 'explicit' ? 'explicit' : l.score.toFixed(2)} ${l.a} ~ ${l.b}: ${l.evidence.join('; ')}\n`;
  if (g.review.length > limit) out += `  … ${g.review.length - limit} more (use --limit or --json)\n`;
  return out;
}

export function register(program: Command): void {
  program
    .command('trials')
    .description(
      'group the registrations of a snapshot into trials (explicit and probable links, with evidence)',
    )
    .option('--snapshot <ref>', 'snapshot id or label (default: the latest)')
    .option('--limit <n>', 'trials and review pairs listed in text output', '50')
    .option('--json', 'print every trial, link and review pair as JSON')
    .action(async (opts: TrialsOptions, cmd: Command) => {
      const limit = intOption('--limit', opts.limit, 1);
      await withStore(cmd, { readOnly: true }, async (store) => {
        const info = await store.getSnapshot(snapshotRef(opts.snapshot));
        const studies: Study[] = [];
        for await (const s of store.iterStudies(info.id)) studies.push(s);
        const g = groupTrials(studies);
        if (opts.json) {
          process.stdout.write(
            `${JSON.stringify({ snapshot: info.id, mergeAt: MERGE_AT, reviewAt: REVIEW_AT, ...g }, null, 2)}\n`,
          );
          return;
        }
        process.stdout.write(formatTrials(g, info.id, limit));
      });
    });
}
