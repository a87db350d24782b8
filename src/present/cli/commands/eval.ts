/**
 * `mscope eval --gold FILE [--snapshot ID|LABEL] [--json]`: score the labels of a snapshot against a gold JSONL
 * file (format of ../shared/gold/dev.jsonl). Uses the snapshot's labels of the current ruleset version, or
 * classifies on the fly when there are none (nothing is saved). Prints per-field metrics (accuracy or micro-F1),
 * per-value precision/recall/F1, the confusion tables of category and specialty, and every disagreement with
 * the evidence behind the prediction. Gold NCT ids absent from the snapshot are listed and counted.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { evaluate, parseGold, type EvalReport } from '../../../classify/eval.js';
import { InputError, UsageError } from '../../../model/errors.js';
import type { Labels } from '../../../model/labels.js';
import { withStore } from '../util/db.js';
import { textTable } from '../util/output.js';
import { classifySnapshot } from './classify.js';
import { validateClassifier } from '../../../analyze/validate.js';
import { parseDecisions } from '../../review/codec.js';
import { classifierLabels } from '../../review/context.js';
import { confusionTable, methodsTable } from '../../review/methods.js';

const pct = (x: number): string => x.toFixed(3);

function confusion(title: string, m: Record<string, Record<string, number>>): string {
  const cols = [
    ...new Set(
      Object.values(m)
        .flatMap((r) => Object.keys(r))
        .concat(Object.keys(m)),
    ),
  ].sort();
  const rows = Object.keys(m)
    .sort()
    .map((g) => [g, ...cols.map((c) => String(m[g]?.[c] ?? ''))]);
  return `${title} (rows gold, columns predicted)\n${textTable(['gold \\ predicted', ...cols], rows)}`;
}

export function formatEval(
  r: EvalReport,
  meta: { snapshotId: number; rulesetVersion: string; source: string },
): string {
  const out: string[] = [];
  out.push(
    `snapshot ${meta.snapshotId}, ruleset ${meta.rulesetVersion} (${meta.source}); ${r.n} gold studies scored`,
  );
  if (r.missing.length > 0)
    out.push(`${r.missing.length} gold NCT ids not in the snapshot: ${r.missing.join(', ')}`);
  out.push('');
  out.push(
    textTable(
      ['field', 'metric', 'score', 'n'],
      Object.values(r.fields).map((f) => [f.field, f.kind, pct(f.score), String(f.n)]),
    ).trimEnd(),
  );
  out.push(`covid19 F1 (true class): ${pct(r.covid19F1)}`);
  out.push('');
  const perValue: string[][] = [];
  for (const f of Object.values(r.fields)) {
    for (const [v, p] of Object.entries(f.perValue))
      perValue.push([
        f.field,
        v,
        pct(p.precision),
        pct(p.recall),
        pct(p.f1),
        String(p.tp),
        String(p.fp),
        String(p.fn),
      ]);
  }
  out.push(textTable(['field', 'value', 'P', 'R', 'F1', 'tp', 'fp', 'fn'], perValue).trimEnd());
  out.push('');
  out.push(confusion('category', r.confusion.category).trimEnd());
  out.push('');
  out.push(confusion('specialty', r.confusion.specialty).trimEnd());
  out.push('');
  out.push(`disagreements (${r.disagreements.length})`);
  for (const d of r.disagreements) {
    out.push(
      `  ${d.nct} ${d.field}: gold ${JSON.stringify(d.gold)} predicted ${JSON.stringify(d.predicted)}`,
    );
    for (const e of d.evidence.slice(0, 3))
      out.push(`    evidence ${e.field}[${e.start}:${e.end}] "${e.text}" (${e.rule})`);
    if (d.note) out.push(`    gold note: ${d.note}`);
  }
  return out.join('\n') + '\n';
}

/** A decisions export (mscope decisions export: JSON lines with "field", or CSV with nct_id,field) rather than gold rows. */
export function isDecisionsFile(text: string): boolean {
  const first = text.trimStart().split(/\r?\n/, 1)[0] ?? '';
  if (first.startsWith('{')) {
    try {
      const o = JSON.parse(first) as Record<string, unknown>;
      return 'field' in o && 'nctId' in o;
    } catch {
      return false;
    }
  }
  return /^\uFEFF?nct_id,field,/.test(first);
}

/** Score the snapshot's classifier labels against a decisions export used as gold (the decisions in force). */
async function evalDecisions(
  cmd: Command,
  text: string,
  opts: { gold: string; snapshot?: string; json?: boolean },
): Promise<void> {
  const decisions = parseDecisions(text, opts.gold).map((d, i) => ({ ...d, seq: i + 1 }));
  if (decisions.length === 0) throw new InputError({ file: opts.gold }, 'no decisions');
  await withStore(cmd, { readOnly: true }, async (store) => {
    const { loadClassified } = await import('../../report/load.js');
    const loaded = await loadClassified(store, opts.snapshot);
    const labels = new Map<string, Labels>();
    for (const r of loaded.rows) {
      const l = classifierLabels(r);
      if (l) labels.set(r.study.nctId, l);
    }
    const report = validateClassifier(decisions, labels);
    const missing = [...new Set(decisions.map((d) => d.nctId))].filter((id) => !labels.has(id)).sort();
    if (opts.json) {
      const body = {
        snapshotId: loaded.info.id,
        rulesetVersion: loaded.rulesetVersion,
        gold: 'decisions',
        missing,
        ...report,
      };
      process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
      return;
    }
    const out = [
      `snapshot ${loaded.info.id}, ruleset ${loaded.rulesetVersion}; gold: ${decisions.length} decisions on ${report.trials} trials (the latest per trial and field)`,
      ...(missing.length
        ? [`${missing.length} decided trials not in the snapshot: ${missing.join(', ')}`]
        : []),
      '',
      methodsTable(report),
      confusionTable(report),
    ];
    process.stdout.write(out.join('\n'));
  });
}

export function register(program: Command): void {
  program
    .command('eval')
    .description(
      'score the labels of a snapshot against a gold JSONL file (per-field metrics, confusion, disagreements)',
    )
    .requiredOption(
      '--gold <file>',
      'gold labels (JSONL, format of gold/dev.jsonl) or a decisions export (mscope decisions export)',
    )
    .option('--snapshot <ref>', 'snapshot id or label (default: the latest)')
    .option('--json', 'print the evaluation report as JSON')
    .action(async (opts: { gold: string; snapshot?: string; json?: boolean }, cmd: Command) => {
      if (!opts.gold) throw new UsageError('--gold <file> is required');
      let text: string;
      try {
        text = readFileSync(opts.gold, 'utf8');
      } catch (e) {
        throw new InputError({ file: opts.gold }, `cannot read gold file: ${(e as Error).message}`, {
          cause: e,
        });
      }
      if (isDecisionsFile(text)) {
        await evalDecisions(cmd, text, opts);
        return;
      }
      const gold = parseGold(text, opts.gold);
      if (gold.length === 0) throw new InputError({ file: opts.gold }, 'no gold rows');
      const { RULESET_VERSION } = await import('../../../classify/index.js');
      await withStore(cmd, { readOnly: true }, async (store) => {
        const snap = await store.getSnapshot(opts.snapshot);
        const saved = await store.loadLabels(snap.id, RULESET_VERSION);
        let labels: Labels[];
        let source: string;
        if (saved.size > 0) {
          labels = [...saved.values()];
          source = 'saved labels';
        } else {
          labels = (await classifySnapshot(store, String(snap.id))).labels;
          source = 'classified on the fly';
        }
        const report = evaluate(gold, labels);
        if (opts.json) {
          process.stdout.write(
            `${JSON.stringify({ snapshotId: snap.id, rulesetVersion: RULESET_VERSION, labelSource: source, ...report }, null, 2)}\n`,
          );
          return;
        }
        process.stdout.write(
          formatEval(report, { snapshotId: snap.id, rulesetVersion: RULESET_VERSION, source }),
        );
      });
    });
}
