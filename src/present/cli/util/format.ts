/**
 * Rendering exported studies as JSON, NDJSON or CSV rows. JSON/NDJSON: the full Study with the label keys
 * at top level (or, with --fields, an object keyed by the selected dotted paths). CSV: one cell per field;
 * arrays of plain values joined with LIST_SEPARATOR ("; ", the one list separator of every export), registry
 * dates as their ISO value, other objects as JSON text.
 */
import type { TrialOfRow } from '../../../analyze/types.js';
import { csvText } from '../../csv.js';
import type { Labels } from '../../../model/labels.js';
import type { Study } from '../../../model/study.js';
import { fieldValue, LABEL_FIELDS } from './fields.js';
import { LIST_SEPARATOR } from '../../names.js';

export const FORMATS = ['json', 'ndjson', 'csv'] as const;
export type ExportFormat = (typeof FORMATS)[number];

/** The exported object for one study. `fields` null: everything (+ labels when `withLabels`). */
export function exportObject(
  study: Study,
  labels: Labels | null,
  fields: readonly string[] | null,
  withLabels: boolean,
  trial?: TrialOfRow,
): Record<string, unknown> {
  if (fields === null) {
    const out: Record<string, unknown> = { ...study };
    // (labels stored before a field existed, e.g. reasons, export it as null)
    if (withLabels) for (const k of LABEL_FIELDS) out[k] = labels ? (labels[k] ?? null) : null;
    // a trial of several registrations: which they are, and which one supplied each field and the labels
    if (trial) out.trial = trial;
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const f of fields) out[f] = fieldValue(study, labels, f);
  return out;
}

const isPartialDate = (v: unknown): v is { value: string; precision: string } =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  typeof (v as { value?: unknown }).value === 'string' &&
  typeof (v as { precision?: unknown }).precision === 'string';

const isPlain = (v: unknown): boolean => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** One CSV cell. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isPartialDate(v)) return v.value;
  if (Array.isArray(v)) {
    if (v.every(isPlain)) return v.map((x) => (x === null ? '' : String(x))).join(LIST_SEPARATOR);
    if (v.every(isPartialDate)) return v.map((d) => d.value).join(LIST_SEPARATOR);
  }
  return JSON.stringify(v);
}

/** One CSV line through the one CSV writer (formula-like cells neutralised). */
export function csvLine(cells: string[]): string {
  return csvText([cells]);
}
