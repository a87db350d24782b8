/**
 * Facts a sentence states about a trial, read with the pattern tables of rules/literature.json:
 * enrollment ("24 patients", "n = 24"), phase ("phase I/II" -> PHASE1, PHASE2), design words
 * (randomized, double-blind …) and outcome words (safe, survival, mortality …) with the quantities
 * written next to them (percentages, p-values, fractions, counts). Offsets are into the section text.
 */
import type { CompiledFactRule, FactKind, LiteratureRules } from './rules.js';
import type { Span } from './sentences.js';

export interface Quantity {
  /** "percent", "p_value", "fraction", "count" (the quantity table's kinds). */
  kind: string;
  /** The number read (percent 91 for "91%", 0.05 for "p < 0.05", 3 for "3/10", 24 for "24 patients"). */
  value: number;
  text: string;
  start: number;
  end: number;
}

export interface Fact {
  kind: FactKind;
  /** Normalized value: enrollment "24", phase "PHASE1/PHASE2", design "double-blind", outcome "survival". */
  value: string;
  /** Numeric value for enrollment, else null. */
  number: number | null;
  /** Rule id of rules/literature.json that fired. */
  rule: string;
  text: string;
  start: number;
  end: number;
  /** Which sentence of the mention's context: 0 = the sentence naming the trial, k = the k-th one after. */
  sentence: number;
  /** For outcome facts: quantities within the rule table's numberWindow characters, same sentence. */
  numbers: Quantity[];
}

/** Facts stated in one sentence (`sentenceIndex` = its position in the mention's context). */
export function extractFacts(sentence: Span, sentenceIndex: number, rules: LiteratureRules): Fact[] {
  const out: Fact[] = [];
  let quantities: Quantity[] | null = null;
  for (const rule of rules.facts) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(sentence.text); m; m = rule.re.exec(sentence.text)) {
      if (m[0].length === 0) {
        rule.re.lastIndex++;
        continue;
      }
      const value = factValue(rule, m, rules);
      if (value === null) continue;
      const start = sentence.start + m.index;
      const end = start + m[0].length;
      let numbers: Quantity[] = [];
      if (rule.numbers) {
        quantities ??= findQuantities(sentence, rules);
        numbers = quantities.filter(
          (q) => q.end >= start - rules.numberWindow && q.start <= end + rules.numberWindow,
        );
      }
      out.push({
        kind: rule.kind,
        value: value.value,
        number: value.number,
        rule: rule.id,
        text: m[0],
        start,
        end,
        sentence: sentenceIndex,
        numbers,
      });
    }
  }
  return dedupe(out);
}

function factValue(
  rule: CompiledFactRule,
  m: RegExpExecArray,
  rules: LiteratureRules,
): { value: string; number: number | null } | null {
  if (rule.value !== null) return { value: rule.value, number: null };
  const captured = m[1] ?? m[0];
  if (rule.normalize === 'integer') {
    const n = Number(captured.replace(/,/g, ''));
    return Number.isFinite(n) ? { value: String(n), number: n } : null;
  }
  if (rule.normalize === 'phase') {
    const phases = normalizePhase(captured, rules.phaseNumerals);
    return phases.length ? { value: phases.join('/'), number: null } : null;
  }
  return { value: captured, number: null };
}

/** "I/II" -> ["PHASE1","PHASE2"]; "1/2a" -> ["PHASE1","PHASE2"]; "III" -> ["PHASE3"] (registry spelling). */
export function normalizePhase(written: string, numerals: Record<string, string>): string[] {
  const out: string[] = [];
  for (const part of written.split(/\s*(?:\/|-|–|\band\b|\bor\b)\s*/i)) {
    const n = numerals[part.replace(/[ab]$/i, '').toUpperCase()];
    if (n && !out.includes(`PHASE${n}`)) out.push(`PHASE${n}`);
  }
  return out;
}

/** Every quantity in a sentence, by the quantity table, with section offsets. */
export function findQuantities(sentence: Span, rules: LiteratureRules): Quantity[] {
  const out: Quantity[] = [];
  for (const q of rules.quantities) {
    q.re.lastIndex = 0;
    for (let m = q.re.exec(sentence.text); m; m = q.re.exec(sentence.text)) {
      if (m[0].length === 0) {
        q.re.lastIndex++;
        continue;
      }
      const value = Number((m[1] ?? m[0]).replace(/,/g, ''));
      if (!Number.isFinite(value)) continue;
      out.push({
        kind: q.kind,
        value,
        text: m[0],
        start: sentence.start + m.index,
        end: sentence.start + m.index + m[0].length,
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Two rules of the same kind and value on overlapping text keep the first. */
function dedupe(facts: Fact[]): Fact[] {
  const out: Fact[] = [];
  for (const f of facts) {
    if (out.some((o) => o.kind === f.kind && o.value === f.value && o.start < f.end && f.start < o.end))
      continue;
    out.push(f);
  }
  return out.sort((a, b) => a.start - b.start);
}
