/**
 * Scoring of predicted Labels against gold rows (the JSONL format of ../shared/gold/dev.jsonl): pure functions.
 * Single-valued fields -> accuracy; set-valued fields -> micro-F1; per label value precision/recall/F1;
 * confusion tables for category and specialty; the list of disagreements with the evidence behind them.
 */
import { z } from 'zod';
import { InputError } from '../model/errors.js';
import {
  DonorSchema,
  GoldCategorySchema,
  ModificationSchema,
  RouteSchema,
  SpecialtySchema,
  TissueSourceSchema,
  type Evidence,
  type Labels,
} from '../model/labels.js';

const GoldRowSchema = z.object({
  /** The trial id: an NCT number, or another registry's own id (ACTRN…, ChiCTR…, a EudraCT number, …). */
  nct: z.string().regex(/^(?=[^\d]*\d)[A-Za-z0-9][A-Za-z0-9/-]{3,39}$/),
  category: GoldCategorySchema,
  sources: z.array(TissueSourceSchema),
  donor: DonorSchema,
  modifications: z.array(ModificationSchema),
  biomaterial: z.boolean(),
  routes: z.array(RouteSchema),
  covid19: z.boolean(),
  specialty: SpecialtySchema,
  note: z.string().optional(),
});
export type GoldRow = z.infer<typeof GoldRowSchema>;

const SINGLE_FIELDS = ['category', 'donor', 'biomaterial', 'covid19', 'specialty'] as const;
const SET_FIELDS = ['sources', 'modifications', 'routes'] as const;
export type EvalField = (typeof SINGLE_FIELDS)[number] | (typeof SET_FIELDS)[number];

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface FieldMetrics {
  field: EvalField;
  kind: 'accuracy' | 'micro_f1';
  /** accuracy for single-valued fields, micro-F1 for sets. */
  score: number;
  n: number;
  micro?: Prf;
  perValue: Record<string, Prf>;
}

export interface Disagreement {
  nct: string;
  field: EvalField;
  gold: unknown;
  predicted: unknown;
  note?: string;
  evidence: Evidence[];
}

export interface EvalReport {
  n: number;
  /** Gold NCT ids without a prediction (not silently dropped). */
  missing: string[];
  fields: Record<EvalField, FieldMetrics>;
  /** [gold][predicted] counts. */
  confusion: {
    category: Record<string, Record<string, number>>;
    specialty: Record<string, Record<string, number>>;
  };
  /** covid19 as a binary task (F1 of the `true` class). */
  covid19F1: number;
  disagreements: Disagreement[];
}

export function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

const str = (v: unknown): string => String(v);
const LABEL_OF: Record<EvalField, string> = {
  category: 'category',
  donor: 'donor',
  biomaterial: 'biomaterial',
  covid19: 'covid19',
  specialty: 'specialty',
  sources: 'sources',
  modifications: 'modifications',
  routes: 'routes',
};

/** Score predictions (matched to gold by NCT id). */
export function evaluate(gold: GoldRow[], predicted: Labels[]): EvalReport {
  const byId = new Map(predicted.map((p) => [p.nctId, p]));
  const pairs: Array<[GoldRow, Labels]> = [];
  const missing: string[] = [];
  for (const g of gold) {
    const p = byId.get(g.nct);
    if (p) pairs.push([g, p]);
    else missing.push(g.nct);
  }
  const disagreements: Disagreement[] = [];
  const fields = {} as Record<EvalField, FieldMetrics>;
  const evidenceFor = (p: Labels, f: EvalField): Evidence[] =>
    p.evidence.filter((e) => e.label === LABEL_OF[f]);
  for (const f of SINGLE_FIELDS) {
    const counts = new Map<string, { tp: number; fp: number; fn: number }>();
    const c = (k: string): { tp: number; fp: number; fn: number } => {
      let x = counts.get(k);
      if (!x) counts.set(k, (x = { tp: 0, fp: 0, fn: 0 }));
      return x;
    };
    let correct = 0;
    for (const [g, p] of pairs) {
      const gv = str(g[f]);
      const pv = str(p[f]);
      if (gv === pv) {
        correct++;
        c(gv).tp++;
      } else {
        c(gv).fn++;
        c(pv).fp++;
        disagreements.push({
          nct: g.nct,
          field: f,
          gold: g[f],
          predicted: p[f],
          note: g.note,
          evidence: evidenceFor(p, f),
        });
      }
    }
    const perValue: Record<string, Prf> = {};
    for (const [k, x] of [...counts.entries()].sort()) perValue[k] = prf(x.tp, x.fp, x.fn);
    fields[f] = {
      field: f,
      kind: 'accuracy',
      score: pairs.length ? correct / pairs.length : 0,
      n: pairs.length,
      perValue,
    };
  }
  for (const f of SET_FIELDS) {
    const counts = new Map<string, { tp: number; fp: number; fn: number }>();
    let tp = 0,
      fp = 0,
      fn = 0;
    for (const [g, p] of pairs) {
      const gs = new Set<string>(g[f]);
      const ps = new Set<string>(p[f]);
      for (const v of new Set([...gs, ...ps])) {
        const x = counts.get(v) ?? { tp: 0, fp: 0, fn: 0 };
        if (gs.has(v) && ps.has(v)) {
          x.tp++;
          tp++;
        } else if (ps.has(v)) {
          x.fp++;
          fp++;
        } else {
          x.fn++;
          fn++;
        }
        counts.set(v, x);
      }
      const same = gs.size === ps.size && [...gs].every((v) => ps.has(v));
      if (!same)
        disagreements.push({
          nct: g.nct,
          field: f,
          gold: [...gs].sort(),
          predicted: [...ps].sort(),
          note: g.note,
          evidence: evidenceFor(p, f),
        });
    }
    const micro = prf(tp, fp, fn);
    const perValue: Record<string, Prf> = {};
    for (const [k, x] of [...counts.entries()].sort()) perValue[k] = prf(x.tp, x.fp, x.fn);
    fields[f] = { field: f, kind: 'micro_f1', score: micro.f1, n: pairs.length, micro, perValue };
  }
  const confusion = {
    category: {} as Record<string, Record<string, number>>,
    specialty: {} as Record<string, Record<string, number>>,
  };
  for (const [g, p] of pairs) {
    for (const f of ['category', 'specialty'] as const) {
      const row = (confusion[f][g[f]] ??= {});
      row[p[f]] = (row[p[f]] ?? 0) + 1;
    }
  }
  const covid19F1 = fields.covid19.perValue['true']?.f1 ?? 1;
  return { n: pairs.length, missing, fields, confusion, covid19F1, disagreements };
}

/** Parse gold JSONL text; errors name the line. */
export function parseGold(text: string, file: string): GoldRow[] {
  const rows: GoldRow[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch (e) {
      throw new InputError({ file, record: i + 1, line: i + 1 }, `not JSON: ${(e as Error).message}`);
    }
    const r = GoldRowSchema.safeParse(obj);
    if (!r.success) {
      const issue = r.error.issues[0];
      throw new InputError(
        { file, record: i + 1, line: i + 1, field: issue?.path.join('.') ?? '' },
        issue?.message ?? 'invalid gold row',
      );
    }
    rows.push(r.data);
  });
  return rows;
}
