/**
 * The `labels` table's row for one label, made without the database: its column values and the schema check.
 * Kept apart from labels.ts (no DuckDB import), so that classification worker threads can prepare the rows they
 * send back (pipeline/classify-pool.ts) and the saving thread only appends them.
 */
import type { Labels } from '../model/labels.js';
import { LabelsSchema } from '../model/labels.js';
import type { ColumnKind } from './columns.js';

export interface LabelColumn {
  name: string;
  kind: ColumnKind;
  get: (l: Labels) => string | boolean | readonly string[] | null;
}

/** `labels` columns after (snapshot_id, ruleset_version), in table order. */
export const LABEL_COLUMNS: readonly LabelColumn[] = [
  { name: 'nct_id', kind: 'varchar', get: (l) => l.nctId },
  { name: 'category', kind: 'varchar', get: (l) => l.category },
  { name: 'included', kind: 'boolean', get: (l) => l.included },
  { name: 'screening_reason', kind: 'varchar', get: (l) => l.screeningReason },
  { name: 'sources', kind: 'varchar[]', get: (l) => l.sources },
  { name: 'donor', kind: 'varchar', get: (l) => l.donor },
  { name: 'modifications', kind: 'varchar[]', get: (l) => l.modifications },
  { name: 'biomaterial', kind: 'boolean', get: (l) => l.biomaterial },
  { name: 'routes', kind: 'varchar[]', get: (l) => l.routes },
  { name: 'specialty', kind: 'varchar', get: (l) => l.specialty },
  { name: 'covid19', kind: 'boolean', get: (l) => l.covid19 },
  { name: 'product', kind: 'varchar', get: (l) => l.product },
  { name: 'labels_json', kind: 'varchar', get: (l) => JSON.stringify(l) },
  { name: 'slim_json', kind: 'varchar', get: (l) => slimLabelsJson(l) },
];

/**
 * The labels without their evidence and reason codes, as JSON (what lists and metrics read; pipeline/compact.ts).
 * Like the evidence, the reason codes are read per study from labels_json (the study view, exports).
 */
export function slimLabelsJson(l: Labels): string {
  const { evidence: _evidence, reasons: _reasons, ...rest } = l;
  return JSON.stringify(rest);
}

/**
 * A label checked against the schema and turned into its column values (`prepareLabel`), so that the work can be
 * done where the label is made (a classification worker thread) and only strings travel to the saving thread.
 */
export interface PreparedLabel {
  nctId: string;
  rulesetVersion: string;
  /** The values of the `labels` columns after (snapshot_id, ruleset_version), in table order (empty if invalid). */
  values: Array<string | boolean | readonly string[] | null>;
  /** The first schema problem (`invalid field "<path>": <message>`), or null. */
  invalid: string | null;
}

export function schemaProblem(l: Labels): string | null {
  const parsed = LabelsSchema.safeParse(l);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return `invalid field "${issue?.path.join('.') ?? '?'}": ${issue?.message ?? ''}`;
}

/** Check a label (schema) and make its column values: the work of saving one label that needs no database. */
export function prepareLabel(l: Labels): PreparedLabel {
  const invalid = schemaProblem(l);
  return {
    nctId: l?.nctId,
    rulesetVersion: l?.rulesetVersion,
    values: invalid === null ? LABEL_COLUMNS.map((c) => c.get(l)) : [],
    invalid,
  };
}
