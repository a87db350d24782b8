/**
 * The terminal review loop, separate from the CLI wiring so it runs on any line source: one trial at a time, its
 * title and the classifier's evidence (the quoted span with some context), then one prompt per field. Keys:
 *   Enter        accept the shown value          <value>      change it (sets: a|b; "none" = empty / no value)
 *   <value> # t  change it with a note t         s            skip this field
 *   n            next trial                      q            quit (every decision so far is saved)
 *   ?            the allowed values
 * A decision is written as soon as it is made. Works the same from a TTY or a pipe (scriptable).
 */
import type { ClassifiedStudy } from '../../analyze/types.js';
import type { QueueItem } from '../../analyze/queue.js';
import {
  DECISION_FIELDS,
  DECISION_VALUE_SCHEMAS,
  labelValue,
  valueText,
  type DecisionField,
  type DecisionValue,
} from '../../model/decisions.js';
import type { Evidence } from '../../model/labels.js';
import type { NewDecision } from '../../store/index.js';
import { parseValueText } from './codec.js';
import { classifierLabels, newDecision } from './context.js';

export interface TerminalIo {
  /** The next input line, or null at end of input. */
  readLine(): Promise<string | null>;
  write(s: string): void;
}

export interface ReviewSession {
  queue: readonly QueueItem[];
  rows: ReadonlyMap<string, ClassifiedStudy>;
  fields: readonly DecisionField[];
  reviewer: string;
  snapshotId: number;
  /** Re-decide fields that already have a decision in force (default: skip them). */
  redo?: boolean;
  save(d: NewDecision): Promise<void>;
}

export interface ReviewOutcome {
  trials: number;
  decisions: number;
  accepted: number;
  changed: number;
  quit: boolean;
}

/** The quoted span with up to `width` characters of context each side, from the study field it was read from. */
export function quote(study: unknown, e: Evidence, width = 50): string {
  let cur: unknown = study;
  for (const part of e.field.split('.'))
    cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[part] : undefined;
  const text = typeof cur === 'string' ? cur : null;
  if (!text || text.slice(e.start, e.end) !== e.text) return `"${e.text}"`;
  const a = Math.max(0, e.start - width);
  const b = Math.min(text.length, e.end + width);
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  return `${a > 0 ? '…' : ''}${flat(text.slice(a, e.start))}[${flat(e.text)}]${flat(text.slice(e.end, b))}${b < text.length ? '…' : ''}`;
}

function allowed(field: DecisionField): string {
  const s = DECISION_VALUE_SCHEMAS[field] as unknown as {
    options?: readonly string[];
    element?: { options?: readonly string[] };
  };
  if (s.options) return s.options.join(', ');
  if (s.element?.options) return `any of ${s.element.options.join(', ')} joined with |, or none`;
  if (field === 'biomaterial' || field === 'covid19') return 'true or false';
  if (field === 'product') return 'a product name, or none';
  return 'a dose as JSON, or none';
}

export async function runReview(s: ReviewSession, io: TerminalIo): Promise<ReviewOutcome> {
  const out: ReviewOutcome = { trials: 0, decisions: 0, accepted: 0, changed: 0, quit: false };
  const fields = s.fields.length ? s.fields : DECISION_FIELDS;
  let i = 0;
  for (const item of s.queue) {
    i++;
    const row = s.rows.get(item.nctId);
    if (!row) continue;
    const todo = fields.filter((f) => s.redo || !row.review?.fields[f]);
    if (todo.length === 0) continue;
    const labels = classifierLabels(row);
    const st = row.study;
    io.write(`\n[${i}/${s.queue.length}] ${st.nctId}  ${st.briefTitle ?? st.officialTitle ?? ''}\n`);
    io.write(`  why in the queue: ${item.priority.reason}\n`);
    if (st.interventions.length)
      io.write(`  interventions: ${st.interventions.map((x) => x.name).join('; ')}\n`);
    if (st.conditions.length) io.write(`  conditions: ${st.conditions.join('; ')}\n`);
    out.trials++;
    let nextTrial = false;
    for (const field of todo) {
      if (nextTrial) break;
      const current: DecisionValue | null = labels ? labelValue(labels, field) : null;
      const prior = row.review?.fields[field];
      io.write(
        `\n  ${field}: ${labels ? valueText(field, current) : '(not classified)'}${prior ? `   (decided by ${prior.decision.reviewer}: ${valueText(field, prior.decision.value)})` : ''}\n`,
      );
      for (const e of (labels?.evidence ?? []).filter((x) => x.label === field).slice(0, 4))
        io.write(`    ${e.value}  ${e.field}: ${quote(st, e)}  (${e.rule})\n`);
      for (;;) {
        io.write(
          `  ${field} [${labels ? valueText(field, current) : '?'}] (Enter accept, value, s skip, n next, q quit, ? help)> `,
        );
        const line = await io.readLine();
        if (line === null) {
          io.write('\n');
          out.quit = true;
          return out;
        }
        const raw = line.trim();
        if (raw === 'q') {
          out.quit = true;
          return out;
        }
        if (raw === 'n') {
          nextTrial = true;
          break;
        }
        if (raw === 's') break;
        if (raw === '?') {
          io.write(`    allowed: ${allowed(field)}\n`);
          continue;
        }
        let value: DecisionValue;
        let note: string | null = null;
        if (raw === '') {
          if (!labels) {
            io.write('    not classified: type a value\n');
            continue;
          }
          value = current as DecisionValue;
        } else {
          const hash = raw.indexOf(' # ');
          const text = hash >= 0 ? raw.slice(0, hash) : raw;
          note = hash >= 0 ? raw.slice(hash + 3).trim() || null : null;
          const p = parseValueText(field, text);
          if (!p.ok) {
            io.write(`    ${p.error}\n`);
            continue;
          }
          value = p.value;
        }
        const d = newDecision(
          row,
          { nctId: st.nctId, field, value, note, reviewer: s.reviewer },
          { snapshotId: s.snapshotId },
        );
        await s.save(d);
        out.decisions++;
        if (raw === '' || (labels && valueText(field, value) === valueText(field, current))) out.accepted++;
        else out.changed++;
        break;
      }
    }
  }
  return out;
}
