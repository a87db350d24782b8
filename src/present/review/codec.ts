/**
 * Decisions as text: a field value typed by a reviewer or read from a CSV cell, and the decisions exchange files
 * (`mscope decisions export|import`): JSON lines (one decision per line, values as JSON) or CSV (one row per
 * decision; sets joined with "|", booleans true/false, no product/dose/empty set as an empty cell, dose as JSON).
 */
import { parse } from 'csv-parse/sync';
import { InputError } from '../../model/errors.js';
import {
  DECISION_FIELDS,
  DecisionFieldSchema,
  NCT_ID_RE,
  parseDecisionValue,
  REVIEWER_RE,
  SET_DECISION_FIELDS,
  type Decision,
  type DecisionField,
  type DecisionValue,
} from '../../model/decisions.js';
import type { NewDecision } from '../../store/index.js';

const NONE = new Set(['', 'none', '(none)', '-', 'null']);

/** Parse a value as typed ("bone_marrow|adipose", "true", "none", a dose as JSON). */
export function parseValueText(
  field: DecisionField,
  text: string,
): { ok: true; value: DecisionValue } | { ok: false; error: string } {
  const t = text.trim();
  let raw: unknown;
  if (SET_DECISION_FIELDS.has(field))
    raw = NONE.has(t.toLowerCase())
      ? []
      : t
          .split(/[|,]/)
          .map((x) => x.trim())
          .filter(Boolean);
  else if (field === 'biomaterial' || field === 'covid19') {
    const l = t.toLowerCase();
    raw = ['true', 'yes', 'y', '1'].includes(l) ? true : ['false', 'no', 'n', '0'].includes(l) ? false : t;
  } else if (field === 'product') raw = NONE.has(t.toLowerCase()) ? null : t;
  else if (field === 'dose') {
    if (NONE.has(t.toLowerCase())) raw = null;
    else
      try {
        raw = JSON.parse(t);
      } catch {
        return {
          ok: false,
          error: `dose: expected JSON like {"value":1e6,"valueHigh":null,"unit":"cells/kg","administrations":1,"intervalDays":null,"text":"1 million cells/kg"} or none`,
        };
      }
  } else raw = t;
  return parseDecisionValue(field, raw);
}

/** A value as text (inverse of parseValueText). */
export function valueCell(field: DecisionField, v: DecisionValue | null): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join('|');
  if (field === 'dose') return JSON.stringify(v);
  return String(v);
}

export type DecisionFormat = 'jsonl' | 'csv';

export const CSV_COLUMNS = [
  'nct_id',
  'field',
  'value',
  'note',
  'reviewer',
  'decided_at',
  'classifier_value',
  'ruleset_version',
  'snapshot_id',
] as const;

const csvQuote = (s: string): string =>
  /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;

export function formatDecisions(decisions: readonly Decision[], format: DecisionFormat): string {
  if (format === 'jsonl') {
    return decisions
      .map((d) =>
        JSON.stringify({
          nctId: d.nctId,
          field: d.field,
          value: d.value,
          note: d.note,
          reviewer: d.reviewer,
          decidedAt: d.decidedAt,
          classifierValue: d.classifierValue,
          rulesetVersion: d.rulesetVersion,
          snapshotId: d.snapshotId,
        }),
      )
      .map((l) => `${l}\n`)
      .join('');
  }
  const lines = [CSV_COLUMNS.join(',')];
  for (const d of decisions) {
    lines.push(
      [
        d.nctId,
        d.field,
        valueCell(d.field, d.value),
        d.note ?? '',
        d.reviewer,
        d.decidedAt,
        d.classifierValue === null ? '' : valueCell(d.field, d.classifierValue),
        d.rulesetVersion ?? '',
        d.snapshotId === null ? '' : String(d.snapshotId),
      ]
        .map(csvQuote)
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Guess the format of a decisions file from its first non-blank character. */
export function detectFormat(text: string): DecisionFormat {
  return text.trimStart().startsWith('{') ? 'jsonl' : 'csv';
}

const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/**
 * Parse a decisions file (JSON lines or CSV). Every row is checked; the first bad one is an InputError naming the
 * file, record, line and field (nothing is returned, so nothing is imported).
 */
export function parseDecisions(text: string, file: string): NewDecision[] {
  const format = detectFormat(text);
  const out: NewDecision[] = [];
  type Rec = Record<string, unknown>;
  const records: Array<{ rec: Rec; line: number; csv: boolean }> = [];
  if (format === 'jsonl') {
    text.split(/\r?\n/).forEach((line, i) => {
      if (!line.trim()) return;
      let obj: unknown;
      try {
        obj = JSON.parse(line);
      } catch (e) {
        throw new InputError(
          { file, record: records.length + 1, line: i + 1 },
          `not JSON: ${(e as Error).message}`,
        );
      }
      if (typeof obj !== 'object' || obj === null || Array.isArray(obj))
        throw new InputError(
          { file, record: records.length + 1, line: i + 1 },
          'expected a JSON object per line',
        );
      records.push({ rec: obj as Rec, line: i + 1, csv: false });
    });
  } else {
    let rows: string[][];
    try {
      rows = parse(text, { relax_column_count: false, skip_empty_lines: true, bom: true }) as string[][];
    } catch (e) {
      throw new InputError({ file }, `not a decisions CSV: ${(e as Error).message.split('\n')[0]}`);
    }
    const header = rows[0] ?? [];
    const missing = ['nct_id', 'field', 'value', 'reviewer'].filter((c) => !header.includes(c));
    if (missing.length)
      throw new InputError(
        { file, line: 1 },
        `not a decisions file: missing column(s) ${missing.join(', ')} (expected ${CSV_COLUMNS.join(',')})`,
      );
    rows.slice(1).forEach((r, i) => {
      const rec: Rec = {};
      header.forEach((h, k) => (rec[h] = r[k]));
      records.push({
        rec: {
          nctId: rec.nct_id,
          field: rec.field,
          value: rec.value,
          note: rec.note,
          reviewer: rec.reviewer,
          decidedAt: rec.decided_at,
          classifierValue: rec.classifier_value,
          rulesetVersion: rec.ruleset_version,
          snapshotId: rec.snapshot_id,
        },
        line: i + 2,
        csv: true,
      });
    });
  }
  records.forEach(({ rec, line, csv }, i) => {
    const at = (field: string) => ({ file, record: i + 1, line, field });
    const nct = String(rec.nctId ?? '');
    if (!NCT_ID_RE.test(nct))
      throw new InputError(
        at('nctId'),
        `expected an NCT id like NCT01234567, got ${JSON.stringify(rec.nctId ?? null)}`,
      );
    const f = DecisionFieldSchema.safeParse(rec.field);
    if (!f.success)
      throw new InputError(
        at('field'),
        `unknown field ${JSON.stringify(rec.field ?? null)} (known: ${DECISION_FIELDS.join(', ')})`,
      );
    const field = f.data;
    const value = csv ? parseValueText(field, String(rec.value ?? '')) : parseDecisionValue(field, rec.value);
    if (!value.ok) throw new InputError(at('value'), value.error);
    const reviewer = String(rec.reviewer ?? '').trim();
    if (!REVIEWER_RE.test(reviewer))
      throw new InputError(
        at('reviewer'),
        `expected a reviewer name, got ${JSON.stringify(rec.reviewer ?? null)}`,
      );
    const decidedAt = String(rec.decidedAt ?? '');
    if (!ISO_RE.test(decidedAt))
      throw new InputError(
        at('decidedAt'),
        `expected an ISO UTC time like 2026-12-06T10:00:00Z, got ${JSON.stringify(rec.decidedAt ?? null)}`,
      );
    let classifierValue: DecisionValue | null = null;
    const cv = rec.classifierValue;
    // in CSV an empty cell is also an empty set: there, no classifier value is told by an empty ruleset_version
    const noClassifier =
      cv === null ||
      cv === undefined ||
      (csv && (rec.rulesetVersion === '' || rec.rulesetVersion === undefined));
    if (!noClassifier) {
      const p = csv ? parseValueText(field, String(cv)) : parseDecisionValue(field, cv);
      if (!p.ok) throw new InputError(at('classifierValue'), p.error);
      classifierValue = p.value;
    }
    const snap =
      rec.snapshotId === undefined || rec.snapshotId === null || rec.snapshotId === ''
        ? null
        : Number(rec.snapshotId);
    if (snap !== null && !Number.isInteger(snap))
      throw new InputError(at('snapshotId'), `expected an integer, got ${JSON.stringify(rec.snapshotId)}`);
    const note =
      rec.note === undefined || rec.note === null || String(rec.note).trim() === ''
        ? null
        : String(rec.note).trim();
    const rv =
      rec.rulesetVersion === undefined || rec.rulesetVersion === null || rec.rulesetVersion === ''
        ? null
        : String(rec.rulesetVersion);
    out.push({
      nctId: nct,
      field,
      value: value.value,
      note,
      reviewer,
      decidedAt,
      classifierValue,
      rulesetVersion: rv,
      snapshotId: snap,
    });
  });
  return out;
}
