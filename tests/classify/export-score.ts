/**
 * The website CSV export of the 2022 corpus (title-level: titles, conditions, intervention names, outcomes) scored
 * against gold/dev.jsonl, per field over the labels given with high or medium confidence; and the studies the full
 * records include that the export labels `unrelated`. Shared by tests/classify/export.test.ts.
 */
import { readFileSync } from 'node:fs';
import { classify } from '../../src/classify/index.js';
import { evaluate, parseGold, type EvalReport } from '../../src/classify/eval.js';
import type { Labels, LabelConfidence } from '../../src/model/labels.js';
import { readStudies } from '../../src/sources/index.js';
import { LabelConfidenceSchema } from '../../src/model/labels.js';

/** The label fields that carry a confidence (the schema's keys, in its order). */
export const FIELDS = Object.keys(LabelConfidenceSchema.shape) as Array<
  keyof typeof LabelConfidenceSchema.shape
>;

export interface ExportScore {
  n: number;
  /** Full record included, export labelled unrelated. */
  unrelatedForLackOfText: string[];
  undetermined: number;
  /** Per field: labels given with high/medium confidence, their score, and the score over all labels. */
  fields: Record<string, { confident: number; score: number; all: number }>;
}

const fieldScore = (r: EvalReport, f: string): number => r.fields[f as keyof EvalReport['fields']].score;

export async function scoreExport(csv: string, ndjson: string, goldFile: string): Promise<ExportScore> {
  const gold = parseGold(readFileSync(goldFile, 'utf8'), goldFile);
  const exportLabels = new Map<string, Labels>();
  for await (const r of readStudies(csv)) exportLabels.set(r.study.nctId, classify(r.study));
  const full = new Map<string, Labels>();
  for await (const r of readStudies(ndjson))
    if (exportLabels.has(r.study.nctId)) full.set(r.study.nctId, classify(r.study));
  const unrelatedForLackOfText = [...exportLabels.values()]
    .filter((l) => l.category === 'unrelated' && full.get(l.nctId)?.included)
    .map((l) => l.nctId);
  const rows = gold.filter((g) => exportLabels.has(g.nct));
  const fields: ExportScore['fields'] = {};
  const all = evaluate(
    rows,
    rows.map((g) => exportLabels.get(g.nct)!),
  );
  for (const f of FIELDS) {
    const keep = rows.filter(
      (g) => exportLabels.get(g.nct)!.confidence?.[f as keyof LabelConfidence] !== 'low',
    );
    const r = evaluate(
      keep,
      keep.map((g) => exportLabels.get(g.nct)!),
    );
    fields[f] = {
      confident: keep.length,
      score: keep.length ? fieldScore(r, f) : 1,
      all: fieldScore(all, f),
    };
  }
  return {
    n: rows.length,
    unrelatedForLackOfText,
    undetermined: [...exportLabels.values()].filter((l) => l.category === 'undetermined').length,
    fields,
  };
}
