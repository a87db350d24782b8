/** Evidence construction: a label value quoted from a matched span. */
import type { Evidence } from '../model/labels.js';
import type { Match } from './matcher.js';

export function evidenceOf(label: string, value: string, m: Match, rule = m.rule, field = m.field): Evidence {
  return { label, value, field, start: m.start, end: m.end, text: m.text, rule };
}

/** Distinct-by-value list of evidences, first per value kept (plus up to `perValue` quotes). */
export function firstPerValue(evs: Evidence[], perValue = 2): Evidence[] {
  const seen = new Map<string, number>();
  const out: Evidence[] = [];
  for (const e of evs) {
    const n = seen.get(e.value) ?? 0;
    if (n >= perValue) continue;
    seen.set(e.value, n + 1);
    out.push(e);
  }
  return out;
}
