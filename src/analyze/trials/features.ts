/**
 * What record linkage compares: each registration reduced once to normalised tokens and values (titles,
 * acronym, sponsor, enrollment, dates, conditions, interventions, countries, phases, the registration numbers
 * it names), and the similarity of two such profiles with the evidence for every part of the score.
 */
import { parseRegistrationId } from '../../model/registries.js';
import type { PartialDate, Study } from '../../model/study.js';

/** Words that carry no identity in trial titles and names. */
const STOP = new Set(
  (
    'a an and or of the in on for to with without by at as from into after before during versus vs via per its their ' +
    'study trial trials clinical phase randomized randomised controlled control multicenter multicentre multi center ' +
    'centre open label double blind single placebo pilot prospective retrospective efficacy safety evaluate evaluation ' +
    'evaluating assess assessing assessment effect effects effectiveness treatment treating patients patient subjects ' +
    'participants human adult adults group groups comparing compare comparison investigate investigating novel new ' +
    'i ii iii iv 1 2 3 4 ltd inc co gmbh sa pty llc limited corporation corp university hospital the'
  ).split(/\s+/),
);

export function tokens(text: string | null | undefined): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const w of text
    .toLowerCase()
    .normalize('NFKD')
    .split(/[^a-z0-9]+/)) {
    if (w.length < 3 || STOP.has(w) || /^\d+$/.test(w)) continue;
    // crude plural folding: cells/cell, infusions/infusion
    out.push(w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);
  }
  return out;
}

export interface Profile {
  id: string;
  registry: string;
  title: Set<string>;
  titleText: string;
  acronym: string | null;
  sponsor: Set<string>;
  enrollment: number | null;
  start: number | null;
  registered: number | null;
  conditions: Set<string>;
  interventions: Set<string>;
  countries: Set<string>;
  phases: Set<string>;
  /** RANDOMIZED / NON_RANDOMIZED (single-group designs count as not randomised); null when not stated. */
  randomized: boolean | null;
  /** Registration numbers of other registrations the record names (canonical). */
  names: Set<string>;
  /** Product and protocol codes in the titles (letters and digits: "gs4774", "alnttr02", "neod001"). */
  codes: Set<string>;
  /** The titles say this is an extension / follow-up / long-term study of another trial. */
  extension: boolean;
  bridge: Study['ictrpBridge'];
}

/** A partial date as a day number (missing month/day: mid-period), null when absent. */
export const dayOf = (d: PartialDate | null): number | null => {
  if (!d) return null;
  const [y, m, dd] = d.value.split('-').map(Number);
  return Date.UTC(y!, (m ?? 7) - 1, dd ?? 15) / 86_400_000;
};

const acronymOf = (a: string | null): string | null => {
  const t = a?.toLowerCase().replace(/[^a-z0-9]/g, '') ?? '';
  return t.length >= 3 && !/^(nil|none|na|nan)$/.test(t) ? t : null;
};

/** Codes: words of letters and digits (hyphens dropped), not a registration number or a year-like form. */
function codesOf(...texts: (string | null)[]): Set<string> {
  const out = new Set<string>();
  for (const t of texts) {
    if (!t) continue;
    for (const m of t.matchAll(/\b[A-Za-z][A-Za-z0-9]*(?:[-/][A-Za-z0-9]+)*\b/g)) {
      const w = m[0].toLowerCase().replace(/[-/]/g, '');
      if (!/\d/.test(w) || !/[a-z]/.test(w) || w.length < 4) continue;
      if (/^(covid|ncov|sars|cov|phase|part|type|stage|grade|day|week|month|year)/.test(w)) continue;
      out.add(w);
    }
  }
  return out;
}

const EXTENSION =
  /\b(extension|rollover|roll-over|long[- ]term follow[- ]?up|follow[- ]?up study|continuation study)\b/i;

export function profile(s: Study): Profile {
  const names = new Set<string>();
  for (const x of s.secondaryIds) {
    if (x.registry === null) continue;
    const id = parseRegistrationId(x.id)?.id ?? x.id;
    if (id !== s.trialId) names.add(id);
  }
  const title = new Set([...tokens(s.briefTitle), ...tokens(s.officialTitle)]);
  const iv = s.interventions.flatMap((i) => [
    ...tokens(i.name),
    ...tokens(i.description?.slice(0, 400)),
    ...i.otherNames.flatMap((n) => tokens(n)),
  ]);
  return {
    id: s.trialId,
    registry: s.registry,
    title,
    titleText: s.officialTitle ?? s.briefTitle ?? '',
    acronym: acronymOf(s.acronym),
    sponsor: new Set(tokens(s.leadSponsor?.name)),
    enrollment: s.enrollment.count !== null && s.enrollment.count > 0 ? s.enrollment.count : null,
    start: dayOf(s.startDate),
    registered: dayOf(s.firstPostedDate ?? s.firstSubmittedDate),
    conditions: new Set([...s.conditions.flatMap((c) => tokens(c)), ...s.keywords.flatMap((k) => tokens(k))]),
    interventions: new Set(iv),
    countries: new Set(s.locations.map((l) => l.country?.toLowerCase()).filter((c): c is string => !!c)),
    phases: new Set(s.phases.filter((p) => p !== 'NA')),
    randomized:
      s.allocation === 'RANDOMIZED'
        ? true
        : s.allocation === 'NON_RANDOMIZED' || s.interventionModel === 'SINGLE_GROUP'
          ? false
          : null,
    names,
    codes: codesOf(s.briefTitle, s.officialTitle, s.acronym),
    extension: EXTENSION.test(`${s.briefTitle ?? ''} ${s.officialTitle ?? ''}`),
    bridge: s.ictrpBridge,
  };
}

/** Share of the smaller set found in the larger (overlap coefficient); null when either is empty. */
function overlap(a: Set<string>, b: Set<string>): number | null {
  if (a.size === 0 || b.size === 0) return null;
  let n = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) n++;
  return n / small.size;
}

/** Dice coefficient of two sets; null when either is empty. */
function dice(a: Set<string>, b: Set<string>): number | null {
  if (a.size === 0 || b.size === 0) return null;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return (2 * n) / (a.size + b.size);
}

/** Feature weights of the probable-link score (the score is the weighted mean over the features both records have). */
export const WEIGHTS = {
  title: 0.32,
  acronym: 0.1,
  sponsor: 0.13,
  enrollment: 0.1,
  dates: 0.1,
  conditions: 0.08,
  interventions: 0.09,
  countries: 0.08,
} as const;

export interface Similarity {
  score: number;
  /** One line per feature that counted: what matched and its share of the score. */
  evidence: string[];
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;

export function similarity(a: Profile, b: Profile): Similarity {
  const parts: { name: keyof typeof WEIGHTS; value: number; why: string }[] = [];
  const t = dice(a.title, b.title);
  const tOver = overlap(a.title, b.title);
  if (t !== null && tOver !== null) {
    const v = 0.5 * t + 0.5 * tOver;
    parts.push({
      name: 'title',
      value: v,
      why: `titles share ${pct(tOver)} of words (Dice ${t.toFixed(2)})`,
    });
  }
  if (a.acronym && b.acronym) {
    // "CASA" and "CASA - Chemotherapy Adjuvant Study…" name the same acronym
    const same =
      a.acronym === b.acronym || a.acronym.startsWith(b.acronym) || b.acronym.startsWith(a.acronym);
    parts.push({
      name: 'acronym',
      value: same ? 1 : 0,
      why: same ? `same acronym "${a.acronym}"` : `different acronyms "${a.acronym}" / "${b.acronym}"`,
    });
  }
  const sp = overlap(a.sponsor, b.sponsor);
  if (sp !== null) parts.push({ name: 'sponsor', value: sp, why: `sponsor names share ${pct(sp)} of words` });
  if (a.enrollment !== null && b.enrollment !== null) {
    const r = Math.abs(a.enrollment - b.enrollment) / Math.max(a.enrollment, b.enrollment);
    const v = r === 0 ? 1 : r <= 0.1 ? 0.8 : r <= 0.35 ? 0.4 : 0;
    parts.push({ name: 'enrollment', value: v, why: `enrollment ${a.enrollment} / ${b.enrollment}` });
  }
  const dStart = a.start !== null && b.start !== null ? Math.abs(a.start - b.start) : null;
  const dReg = a.registered !== null && b.registered !== null ? Math.abs(a.registered - b.registered) : null;
  if (dStart !== null || dReg !== null) {
    const near = (d: number | null): number | null =>
      d === null ? null : d <= 45 ? 1 : d <= 200 ? 0.6 : d <= 550 ? 0.25 : 0;
    const vs = [near(dStart), near(dReg)].filter((x): x is number => x !== null);
    const v = Math.max(...vs);
    parts.push({
      name: 'dates',
      value: v,
      why: [
        dStart !== null ? `start dates ${Math.round(dStart)} days apart` : null,
        dReg !== null ? `registered ${Math.round(dReg)} days apart` : null,
      ]
        .filter(Boolean)
        .join(', '),
    });
  }
  const c = overlap(a.conditions, b.conditions);
  if (c !== null) parts.push({ name: 'conditions', value: c, why: `conditions share ${pct(c)} of words` });
  const iv = overlap(a.interventions, b.interventions);
  if (iv !== null)
    parts.push({ name: 'interventions', value: iv, why: `interventions share ${pct(iv)} of words` });
  const co = overlap(a.countries, b.countries);
  if (co !== null) parts.push({ name: 'countries', value: co, why: `countries share ${pct(co)}` });

  let num = 0;
  let den = 0;
  for (const p of parts) {
    num += WEIGHTS[p.name] * p.value;
    den += WEIGHTS[p.name];
  }
  let score = den === 0 ? 0 : num / den;
  const evidence = parts.map((p) => `${p.why} (${p.name} ${p.value.toFixed(2)} × ${WEIGHTS[p.name]})`);
  // Few comparable fields make a weak case: shrink toward 0 when under half the weight is comparable.
  if (den < 0.5) {
    score *= den / 0.5;
    evidence.push(`only ${pct(den)} of the weighted fields are comparable`);
  }
  // Conflicting phases (both stated, no phase in common) are a strong sign of two studies.
  if (a.phases.size > 0 && b.phases.size > 0 && ![...a.phases].some((p) => b.phases.has(p))) {
    score *= 0.7;
    evidence.push(`phases differ (${[...a.phases].join('|')} / ${[...b.phases].join('|')}): × 0.7`);
  }
  // A randomised and a non-randomised (single-arm) design are two studies.
  if (a.randomized !== null && b.randomized !== null && a.randomized !== b.randomized) {
    score *= 0.85;
    evidence.push('one design is randomised, the other not: × 0.85');
  }
  // Different product/protocol codes in both titles (GS-4774 / GS-9620): two studies of one sponsor's programme.
  // A code that extends the other ("ALN-TTR02-006" / "ALN-TTR02") is the same product.
  const codeMatch = [...a.codes].some((x) => [...b.codes].some((y) => x.startsWith(y) || y.startsWith(x)));
  if (a.codes.size > 0 && b.codes.size > 0 && !codeMatch) {
    score *= 0.6;
    evidence.push(
      `different codes in the titles (${[...a.codes].join(', ')} / ${[...b.codes].join(', ')}): × 0.6`,
    );
  }
  // An extension/follow-up study and its parent trial share nearly everything but are two trials.
  if (a.extension !== b.extension) {
    score *= 0.6;
    evidence.push('only one title is an extension / follow-up study: × 0.6');
  }
  if (
    a.acronym &&
    b.acronym &&
    !(a.acronym === b.acronym || a.acronym.startsWith(b.acronym) || b.acronym.startsWith(a.acronym))
  ) {
    score *= 0.85;
    evidence.push('different acronyms: × 0.85');
  }
  if (a.bridge !== null || b.bridge !== null) {
    score = Math.min(1, score + 0.05);
    evidence.push('ICTRP flags a record as bridged to another register: + 0.05');
  }
  return { score, evidence };
}
