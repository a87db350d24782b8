/**
 * Reviewer decisions: a person accepts or corrects one label field of one trial. Decisions are keyed by
 * (NCT id, field) only — not by snapshot or ruleset — so they survive re-classification, new snapshots and rule
 * changes. They are append-only: a later decision on the same (trial, field) supersedes an earlier one, and the
 * history stays. Each decision records what the classifier said at that moment and under which ruleset.
 *
 * A decision on `category` also decides `included` (msc_cells, msc_derived, stromal_mixture are included).
 */
import { z } from 'zod';
import {
  CategorySchema,
  DonorSchema,
  DoseSchema,
  ModificationSchema,
  RouteSchema,
  SpecialtySchema,
  TissueSourceSchema,
  type Labels,
} from './labels.js';

/** The label fields a reviewer decides, in review order. */
export const DECISION_FIELDS = [
  'category',
  'sources',
  'donor',
  'modifications',
  'biomaterial',
  'routes',
  'covid19',
  'specialty',
  'product',
  'dose',
] as const;
export type DecisionField = (typeof DECISION_FIELDS)[number];
export const DecisionFieldSchema = z.enum(DECISION_FIELDS);

/** Set-valued fields (stored sorted and de-duplicated; scored by micro-F1). */
export const SET_DECISION_FIELDS: ReadonlySet<DecisionField> = new Set([
  'sources',
  'modifications',
  'routes',
]);

/** The schema of each field's value (what the field holds in Labels). */
export const DECISION_VALUE_SCHEMAS = {
  category: CategorySchema,
  sources: z.array(TissueSourceSchema),
  donor: DonorSchema,
  modifications: z.array(ModificationSchema),
  biomaterial: z.boolean(),
  routes: z.array(RouteSchema),
  covid19: z.boolean(),
  specialty: SpecialtySchema,
  product: z.string().trim().min(1).max(200).nullable(),
  dose: DoseSchema.nullable(),
} as const satisfies Record<DecisionField, z.ZodType>;

export type DecisionValue = Labels[DecisionField];

export const NCT_ID_RE = /^NCT\d{8}$/;
export const REVIEWER_RE = /^[\p{L}\p{N}][\p{L}\p{N} ._@-]{0,63}$/u;

/** A decision as given by a reviewer (CLI, browser, import): the store adds the context. */
export const DecisionInputSchema = z
  .object({
    nctId: z.string().regex(NCT_ID_RE, 'expected an NCT id like NCT01234567'),
    field: DecisionFieldSchema,
    value: z.unknown(),
    note: z.string().max(2000).nullable().optional(),
    reviewer: z
      .string()
      .regex(REVIEWER_RE, 'expected a reviewer name (letters, digits, space . _ @ -; at most 64)'),
  })
  .strict();
export type DecisionInput = {
  nctId: string;
  field: DecisionField;
  value: DecisionValue;
  note?: string | null;
  reviewer: string;
};

/** One stored decision. */
export interface Decision {
  /** Append order in this database (1, 2, …). */
  seq: number;
  nctId: string;
  field: DecisionField;
  value: DecisionValue;
  note: string | null;
  reviewer: string;
  /** ISO time (UTC) the reviewer decided. */
  decidedAt: string;
  /** The classifier's value of the field when the decision was made (null: the trial was not classified). */
  classifierValue: DecisionValue | null;
  /** The ruleset version of that classifier value. */
  rulesetVersion: string | null;
  /** The snapshot the reviewer was looking at (context only; decisions apply to every snapshot). */
  snapshotId: number | null;
}

/**
 * Validate and normalize a field value: sets sorted and de-duplicated, product trimmed. Returns an error message
 * instead of throwing so every caller can name its own location.
 */
export function parseDecisionValue(
  field: DecisionField,
  value: unknown,
): { ok: true; value: DecisionValue } | { ok: false; error: string } {
  const r = DECISION_VALUE_SCHEMAS[field].safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    const allowed =
      issue && 'values' in issue && Array.isArray(issue.values)
        ? ` (allowed: ${issue.values.join(', ')})`
        : '';
    return {
      ok: false,
      error: `invalid value ${JSON.stringify(value)} for ${field}: ${issue?.message ?? 'invalid'}${allowed}`,
    };
  }
  let v = r.data as DecisionValue;
  if (SET_DECISION_FIELDS.has(field)) v = [...new Set(v as string[])].sort() as DecisionValue;
  return { ok: true, value: v };
}

/** Validate a whole decision input; the message names the offending key. */
export function parseDecisionInput(
  input: unknown,
): { ok: true; value: DecisionInput } | { ok: false; error: string; key: string } {
  const r = DecisionInputSchema.safeParse(input);
  if (!r.success) {
    const issue = r.error.issues[0];
    const key =
      issue?.path.join('.') || (issue && 'keys' in issue ? String((issue.keys as string[])[0]) : '');
    return { ok: false, key, error: issue?.message ?? 'invalid decision' };
  }
  const v = parseDecisionValue(r.data.field, r.data.value);
  if (!v.ok) return { ok: false, key: 'value', error: v.error };
  return {
    ok: true,
    value: {
      nctId: r.data.nctId,
      field: r.data.field,
      value: v.value,
      note: r.data.note?.trim() ? r.data.note.trim() : null,
      reviewer: r.data.reviewer.trim(),
    },
  };
}

/** A field's value in a Labels object, normalized like a decision value (sets sorted). */
export function labelValue(labels: Labels, field: DecisionField): DecisionValue {
  const v = labels[field];
  return (SET_DECISION_FIELDS.has(field) ? [...(v as string[])].sort() : v) as DecisionValue;
}

/** Canonical text of a value (sets sorted; object keys in schema order): equal values give equal keys. */
export function valueKey(field: DecisionField, v: DecisionValue | null | undefined): string {
  if (v === null || v === undefined) return 'null';
  if (SET_DECISION_FIELDS.has(field)) return JSON.stringify([...(v as string[])].sort());
  if (field === 'dose') {
    const d = v as z.infer<typeof DoseSchema>;
    return JSON.stringify([d.value, d.valueHigh, d.unit, d.administrations, d.intervalDays]);
  }
  return JSON.stringify(v);
}

export const sameValue = (
  field: DecisionField,
  a: DecisionValue | null | undefined,
  b: DecisionValue | null | undefined,
): boolean => valueKey(field, a) === valueKey(field, b);

/** Short human text of a value ("bone_marrow|adipose", "(none)", "true"). */
export function valueText(field: DecisionField, v: DecisionValue | null | undefined): string {
  if (v === null || v === undefined) return '(none)';
  if (Array.isArray(v)) return v.length ? v.join('|') : '(none)';
  if (field === 'dose') return (v as z.infer<typeof DoseSchema>).text;
  return String(v);
}
