/** The evidence contract: every non-empty label value quotes at least one real span of a Study field. */
import type { Labels } from '../../src/model/labels.js';
import type { Study } from '../../src/model/study.js';
import { getField } from '../../src/classify/index.js';

/** Problems found (empty when the labels honour the contract). */
export function evidenceProblems(study: Study, l: Labels): string[] {
  const out: string[] = [];
  for (const e of l.evidence) {
    const got = getField(study, e.field).slice(e.start, e.end);
    if (got !== e.text || e.text.length === 0)
      out.push(
        `${l.nctId}: evidence ${e.label}=${e.value} at ${e.field}[${e.start}:${e.end}] quotes "${e.text}" but the field has "${got}"`,
      );
  }
  const has = (label: string, value: string): boolean =>
    l.evidence.some((e) => e.label === label && e.value === value);
  const need = (label: string, value: string): void => {
    if (!has(label, value)) out.push(`${l.nctId}: no evidence for ${label}=${value}`);
  };
  if (l.category !== 'unrelated' || l.screeningReason !== 'exclude.no_msc_mention')
    need('category', l.category);
  for (const s of l.sources) need('sources', s);
  if (l.donor !== 'unspecified') need('donor', l.donor);
  for (const m of l.modifications) need('modifications', m);
  if (l.biomaterial) need('biomaterial', 'true');
  for (const r of l.routes) need('routes', r);
  if (l.covid19) need('covid19', 'true');
  if (study.conditions.length > 0 || study.briefTitle) need('specialty', l.specialty);
  if (l.product !== null) need('product', l.product);
  if (l.dose !== null && !l.evidence.some((e) => e.label === 'dose'))
    out.push(`${l.nctId}: no evidence for dose`);
  return out;
}
