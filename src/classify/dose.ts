/**
 * dose: the per-administration cell dose, its unit (cells or cells/kg), the number of administrations and the
 * interval between them, as stated for the MSC product.
 * Reads: MSC interventions and arms (tier 1), titles, then the summary/description. Eligibility never.
 * Vocabulary: rules/dose.json (number words, multipliers, interval phrases in days). Numbers are parsed from
 * forms such as "1 × 10^6 cells/kg", "1x10e6/kg", "2.0 x 10(6) MSC/kg", "1.0E+6/kg", "100 million cells",
 * ranges "1-2 × 10^6"; a value without a cell word or a per-kg unit is not a dose.
 * Cue sets (rules/contexts.json): dose.count, dose.maybe_dose, dose.not_cells.
 * Returns: dose (or null), its reason code and its evidence (each quote with the rule id that gave it).
 * Reason codes (FAMILY_REASONS.dose): where the first dose is read: stated.intervention (MSC interventions and
 *   arms), stated.title, stated.description (summary or detailed description); none_stated.
 */
import type { Dose, Evidence, FamilyReason } from '../model/labels.js';
import type { DoseVocab } from './rules.js';
import { normalize, sentenceAround } from './text.js';
import type { StudyView } from './view.js';
import { cueSet } from './cuesets.js';

const NOT_CELLS = cueSet('dose.not_cells');

const SUP: Record<string, string> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
};
const NUM = String.raw`(\d+(?:[.,]\d+)?)`;
const DOSE_RE = new RegExp(
  String.raw`(?<![\d.,])${NUM}(?:\s*(?:-|to|~)\s*${NUM})?\s*` +
    String.raw`(?:[x×*]\s*10\s*(?:\^|e|exp|\*\*)?\s*\(?\s*([0-9⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})\s*\)?|e\+?(\d{1,2})(?![a-z])|(million|billion|thousand|mln|mio)(?![a-z]))` +
    String.raw`(?:\s*(?:-|to)\s*${NUM}\s*(?:[x×*]\s*10\s*(?:\^|e|exp|\*\*)?\s*\(?\s*[0-9⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2}\s*\)?|million))?` +
    String.raw`(\s*(?:of\s+)?(?:[A-Za-z-]+\s+){0,3}?(?:cells?|MSCs?|hMSCs?|[A-Za-z]{0,6}-?MSCs?|ASCs?|MPCs?|units?|particles?)\b)?` +
    String.raw`(\s*(?:\/|per)\s*(?:kg|kilogram)s?(?:\s*(?:of\s+)?body\s*weight)?)?`,
  'gi',
);

const COUNT_RE = cueSet('dose.count');

function num(s: string | undefined): number | null {
  if (s === undefined) return null;
  const v = Number(s.replace(',', '.'));
  return Number.isFinite(v) ? v : null;
}

export interface DoseResult {
  dose: Dose | null;
  reason: FamilyReason<'dose'>;
  evidence: Evidence[];
}

/** Cheap pre-check: a number followed by a power of ten or a multiplier word somewhere in the text. */
const MAYBE_DOSE = cueSet('dose.maybe_dose');

export function parseDoseText(
  text: string,
  vocab: DoseVocab,
): { value: number; valueHigh: number | null; unit: Dose['unit']; start: number; end: number } | null {
  if (!MAYBE_DOSE.test(text)) return null;
  const norm = normalize(text);
  DOSE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DOSE_RE.exec(norm)) !== null) {
    const [, a, b, exp, eexp, word, highAfter, cellWord, perKg] = m;
    let mult: number;
    if (exp !== undefined) mult = 10 ** Number(exp.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => SUP[c] ?? c));
    else if (eexp !== undefined) mult = 10 ** Number(eexp);
    else mult = vocab.multipliers[(word ?? '').toLowerCase()] ?? NaN;
    const lo = num(a);
    if (lo === null || !Number.isFinite(mult)) continue;
    if (!cellWord && !perKg) continue;
    if (cellWord && NOT_CELLS.test(cellWord) && !perKg) continue;
    const value = lo * mult;
    const hiRaw = num(b) ?? num(highAfter);
    const valueHigh = hiRaw !== null ? hiRaw * mult : null;
    if (value < 1e3) continue;
    const end = m.index + m[0].replace(/\s+$/, '').length;
    return {
      value,
      valueHigh: valueHigh !== null && valueHigh > value ? valueHigh : null,
      unit: perKg ? 'cells/kg' : 'cells',
      start: m.index,
      end,
    };
  }
  return null;
}

function parseAdministrations(
  text: string,
  vocab: DoseVocab,
): { n: number; start: number; end: number } | null {
  const m = COUNT_RE.exec(normalize(text));
  if (!m) return null;
  const w = (m[1] ?? m[2] ?? '').toLowerCase();
  const n = /^\d+$/.test(w) ? Number(w) : vocab.numberWords[w];
  if (n === undefined || n <= 0 || n > 52) return null;
  return { n, start: m.index, end: m.index + m[0].length };
}

let intervalRe: RegExp | null = null;
let intervalVocab: DoseVocab | null = null;
function parseInterval(text: string, vocab: DoseVocab): { days: number; start: number; end: number } | null {
  if (intervalRe === null || intervalVocab !== vocab) {
    const phrases = Object.keys(vocab.intervals)
      .sort((a, b) => b.length - a.length)
      .map((p) => p.replace(/\s+/g, '\\s+'));
    intervalRe = new RegExp(
      String.raw`\b(?:(${phrases.join('|')})|every\s+(\d+)\s+(day|week|month)s?|(\d+)\s+(day|week|month)s?\s+apart|on\s+days?\s+(\d+)\s*(?:,|and|&)\s*(?:day\s+)?(\d+))\b`,
      'i',
    );
    intervalVocab = vocab;
  }
  const m = intervalRe.exec(normalize(text));
  if (!m) return null;
  const unitDays = (u: string | undefined): number =>
    u?.toLowerCase() === 'week' ? 7 : u?.toLowerCase() === 'month' ? 30 : 1;
  let days: number | null = null;
  if (m[1]) days = vocab.intervals[m[1].toLowerCase().replace(/\s+/g, ' ')] ?? null;
  else if (m[2]) days = Number(m[2]) * unitDays(m[3]);
  else if (m[4]) days = Number(m[4]) * unitDays(m[5]);
  else if (m[6] && m[7]) days = Number(m[7]) - Number(m[6]);
  if (days === null || days <= 0) return null;
  return { days, start: m.index, end: m.index + m[0].length };
}

const fmt = (n: number): string => (n >= 1e5 ? n.toExponential().replace('e+', 'e') : String(n));

export function decideDose(v: StudyView, vocab: DoseVocab): DoseResult {
  const tier1 = v.fields.filter(
    (f) =>
      (f.zone === 'intervention' && v.mscInterventions.has(f.owner)) ||
      (f.zone === 'arm' && v.mscArms.has(f.owner)),
  );
  const order = [
    ...tier1,
    ...v.fields.filter((f) => f.zone === 'title'),
    ...v.fields.filter((f) => f.zone === 'summary'),
  ];
  for (const f of order) {
    const d = parseDoseText(f.text, vocab);
    if (!d) continue;
    const [ss, se] = sentenceAround(f.text, d.start, d.end);
    const scope = [f.text.slice(ss, se), ...tier1.map((x) => x.text)];
    let adm: number | null = null;
    let interval: number | null = null;
    for (const t of scope) {
      adm ??= parseAdministrations(t, vocab)?.n ?? null;
      interval ??= parseInterval(t, vocab)?.days ?? null;
    }
    if (adm === 1) interval = null;
    const text = f.text.slice(d.start, d.end);
    const value = `${fmt(d.value)}${d.valueHigh !== null ? '-' + fmt(d.valueHigh) : ''} ${d.unit}`;
    return {
      dose: {
        value: d.value,
        valueHigh: d.valueHigh,
        unit: d.unit,
        administrations: adm,
        intervalDays: interval,
        text,
      },
      // the fields read: MSC interventions/arms, then titles, then the summary/description
      reason:
        f.zone === 'title'
          ? 'stated.title'
          : f.zone === 'summary'
            ? 'stated.description'
            : 'stated.intervention',
      evidence: [
        { label: 'dose', value, field: f.path, start: d.start, end: d.end, text, rule: 'dose.value' },
      ],
    };
  }
  return { dose: null, reason: 'none_stated', evidence: [] };
}
