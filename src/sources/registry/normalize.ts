/**
 * Normalisers shared by the registry readers (ICTRP, ANZCTR, ChiCTR, EUCTR, CTIS): registry text artefacts,
 * dates in every spelling the registries use, phases (incl. the EUCTR yes/no block and CTIS codes), target
 * sizes ("group:50;group:50;" summed), countries (rules/countries.json), status, study type, sex and ages.
 * Pure functions; a value no table knows is kept upper-snake-cased (the model's convention), never invented.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DateParseError, parseRegistryDate } from '../../model/dates.js';
import type { PartialDate } from '../../model/study.js';
import { lookup, type VocabTable } from '../../model/vocab.js';

/** Registry text cleaned: `<br>` (also escaped as `&lt;br&gt;`) to line breaks, padding and blank runs removed. */
export function clean(v: string | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  // most values hold nothing to clean but their padding
  if (!NEEDS_CLEANING.test(v)) {
    const t = v.trim();
    return t === '' ? null : t;
  }
  // each pass only when the text holds what it changes (criteria and descriptions are long)
  let t = v.includes('<') || v.includes('&') ? v.replace(/&lt;br\s*\/?&gt;|<br\s*\/?>/gi, '\n') : v;
  if (t.includes('\r')) t = t.replace(/\r\n?/g, '\n');
  if (t.includes('&')) t = t.replace(/&(amp|lt|gt|quot|apos|#39);/g, (_m, e: string) => ENTITY[e] ?? _m);
  // blank runs to one space, every line trimmed (whole-string passes: no array of lines), at most one blank line;
  // the patterns match only what changes (a lone space, a bare line break stay as they are: no replacement each)
  t = t.replace(BLANK_RUN, ' ');
  if (t.includes('\n')) {
    t = t.replace(PADDED_BREAK, '\n');
    if (t.includes('\n\n\n')) t = t.replace(/\n{3,}/g, '\n\n');
  }
  t = t.trim();
  return t === '' ? null : t;
}
/** Runs of blanks that are not one plain space (`[ \t\u00a0]+` -> ' ' changes only these). */
const BLANK_RUN = / [ \t\u00a0]+|[\t\u00a0][ \t\u00a0]*/g;
/** A line break with blanks before or after it (`[^\S\n]*\n[^\S\n]*` -> '\n' changes only these). */
const PADDED_BREAK = /[^\S\n]+\n[^\S\n]*|\n[^\S\n]+/g;
/** Whitespace runs that are not one plain space (`\s+` -> ' ' changes only these). */
const SPACE_RUN = /\s{2,}|[^\S ]/g;

/** Every whitespace run as one space (the same as `.replace(/\s+/g, ' ')`, without replacing each lone space). */
export const oneLine = (v: string): string => v.replace(SPACE_RUN, ' ');

/** What the full clean() changes besides the outer padding: line breaks, markup, entities, blank runs. */
const NEEDS_CLEANING = /[\n\r<&\t\u00a0]| {2}/;
const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

/** ChiCTR prefixes the titles of withdrawn registrations with this note. */
const CANCELLED = /^cancell?ed by the investigator\b[\s:.-]*/i;

/** A title without the "Cancelled by the investigator" prefix; `cancelled` says it was there. */
export function cleanTitle(v: string | null | undefined): { text: string | null; cancelled: boolean } {
  const c = clean(v);
  const t = c === null ? null : oneLine(c);
  if (t === null || !CANCELLED.test(t)) return { text: t, cancelled: false };
  return { text: clean(t.replace(CANCELLED, '')), cancelled: true };
}

/** Placeholders registries write for "nothing" ("Nil known", "N/A", "none", "-"). */
const NIL =
  /^(?:'?(?:nil+|none|no|n\/?a|not applicable|not available|nil known|no secondary id|not known|unknown|-+|\.)'?\.?)$/i;
export const isNil = (v: string | null): boolean => v === null || NIL.test(v.trim());

/** A ';'-separated registry list, cleaned, blanks and nil placeholders dropped. */
export function splitList(v: string | null | undefined, sep: RegExp = /;/): string[] {
  const t = clean(v);
  if (t === null) return [];
  return t
    .split(sep)
    .map((x) => oneLine(x).trim())
    .filter((x) => x !== '' && !isNil(x));
}

// ---------------------------------------------------------------------------------------------- dates

const MONTH: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
}; // prettier-ignore

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * A registry date in any spelling the registries use, day-first when numeric: ISO ("2020-02-17", with or without
 * a time), "2020/02/01", "20200217", "17/02/2020" or "7/03/2016" (D/MM/YYYY), "17 February 2020",
 * "February 17, 2020", "January 2005", "2020". Blank -> null; anything else throws DateParseError.
 */
export function parseLooseDate(
  text: string | null | undefined,
  type: PartialDate['type'] = null,
): PartialDate | null {
  const t = text ? oneLine(text.trim()) : '';
  if (t === '') return null;
  const iso =
    /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(t);
  if (iso)
    return withType(
      parseRegistryDate(iso[3] ? `${iso[1]}-${iso[2]}-${iso[3]}` : `${iso[1]}-${iso[2]}`),
      type,
    );
  let m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(t);
  if (m) return ymd(+m[1]!, +m[2]!, +m[3]!, t, type);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return ymd(+m[1]!, +m[2]!, +m[3]!, t, type);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?(?: [AP]M)?)?$/i.exec(t);
  if (m) return ymd(+m[3]!, +m[2]!, +m[1]!, t, type);
  m = /^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+)\.?,? (\d{4})$/.exec(t);
  if (m) return ymd(+m[3]!, month(m[2]!, t), +m[1]!, t, type);
  m = /^([A-Za-z]+)\.? (?:(\d{1,2}),? )?(\d{4})$/.exec(t);
  if (m) {
    const mo = month(m[1]!, t);
    return m[2] === undefined
      ? withType(parseRegistryDate(`${m[3]}-${pad(mo)}`), type)
      : ymd(+m[3]!, mo, +m[2], t, type);
  }
  if (/^\d{4}$/.test(t)) return withType(parseRegistryDate(t), type);
  throw new DateParseError(`not a date: "${t}"`);
}

function month(name: string, t: string): number {
  const n = MONTH[name.slice(0, 3).toLowerCase()];
  if (n === undefined) throw new DateParseError(`unknown month "${name}" in date "${t}"`);
  return n;
}

function ymd(y: number, m: number, d: number, t: string, type: PartialDate['type']): PartialDate {
  if (m < 1 || m > 12) throw new DateParseError(`invalid month in date "${t}"`);
  return withType(parseRegistryDate(`${y}-${pad(m)}-${pad(d)}`), type);
}

function withType(d: PartialDate | null, type: PartialDate['type']): PartialDate {
  if (d === null) throw new DateParseError('empty date');
  return { ...d, type };
}

// ---------------------------------------------------------------------------------------------- phases

/** Roman and written numerals of a phase. */
const NUM: Record<string, number> = { '0': 0, '1': 1, '2': 2, '3': 3, '4': 4, i: 1, ii: 2, iii: 3, iv: 4 };
const PHASE_OF = ['EARLY_PHASE1', 'PHASE1', 'PHASE2', 'PHASE3', 'PHASE4'] as const;

/** Values that state the phase does not apply (registries' spellings). */
const NOT_APPLICABLE =
  /^(?:n\/?a|not applicable|retrospective study|new treatment measure clinical study|other|none|0)$/i;
/** Values that say nothing about the phase. */
const NOT_GIVEN = /^(?:not selected|not specified|unknown|-)?$/i;

/** CTIS `trialPhase` codes (the CTIS public API's phase list). */
const CTIS_PHASE: Readonly<Record<string, string[]>> = {
  '1': ['PHASE1'],
  '2': ['PHASE1'],
  '3': ['PHASE1'],
  '4': ['PHASE2'],
  '5': ['PHASE3'],
  '6': ['PHASE4'],
  '7': ['PHASE1', 'PHASE2'],
  '8': ['PHASE1', 'PHASE2'],
  '9': ['PHASE1', 'PHASE2'],
  '10': ['PHASE2', 'PHASE3'],
  '11': ['PHASE3', 'PHASE4'],
};
export const ctisPhase = (code: string | number | null | undefined): string[] =>
  code === null || code === undefined ? [] : (CTIS_PHASE[String(code).trim()] ?? []);

/**
 * Phase text of any registry -> v2 phase list: "Phase 2", "Phase II/III", "Phase1/Phase2", "Phase 1 / Phase 2",
 * "1-2", "2-3", "4", "Early Phase 1", "Phase 0", "N/A", "Not Applicable", "Retrospective study", and the EUCTR
 * yes/no block ("Human pharmacology (Phase I): yes …"). ChiCTR's bare "0" (given to observational and
 * diagnostic studies alike) and its "Retrospective study"/"New Treatment Measure…" state no phase: NA.
 * Unknown text yields [] (never an invented phase).
 */
export function parsePhases(text: string | null | undefined): string[] {
  const t = oneLine(text ?? '').trim();
  if (NOT_GIVEN.test(t)) return [];
  if (/\(phase i+v?\)\s*:/i.test(t)) {
    const out: string[] = [];
    for (const m of t.matchAll(/\(phase (i{1,3}|iv)\)\s*:\s*(yes|no)?/gi)) {
      if (m[2]?.toLowerCase() === 'yes') out.push(PHASE_OF[NUM[m[1]!.toLowerCase()]!]!);
    }
    return [...new Set(out)];
  }
  if (NOT_APPLICABLE.test(t)) return ['NA'];
  if (/^early phase ?1$/i.test(t) || /^phase ?0$/i.test(t)) return ['EARLY_PHASE1'];
  const nums: number[] = [];
  const parts = t.replace(/^phase\s*/i, '').split(/\s*(?:\/|-|\+|,|&|and|to)\s*/i);
  for (const p of parts) {
    const n = NUM[p.replace(/^phase\s*/i, '').toLowerCase()];
    if (n === undefined || n === 0) return [];
    nums.push(n);
  }
  return [...new Set(nums)].sort().map((n) => PHASE_OF[n]!);
}

// ---------------------------------------------------------------------------------------------- sizes

/**
 * Target sample size: a number ("500", "1,200"), or ChiCTR's per-group list ("Experimental group:50;Control
 * group:50;", "2019 Y:2418;2020 Y:821;") summed. Null when no number is stated.
 */
export function parseTargetSize(text: string | null | undefined): number | null {
  const t = (text ?? '').trim();
  if (t === '') return null;
  const plain = /^(\d{1,3}(?:,\d{3})+|\d+)$/.exec(t);
  if (plain) return safeInt(Number(plain[1]!.replace(/,/g, '')));
  let sum = 0;
  let any = false;
  for (const part of t.split(';')) {
    const m = /:\s*(\d{1,3}(?:,\d{3})+|\d+)\s*$/.exec(part.trim());
    if (!m) continue;
    sum += Number(m[1]!.replace(/,/g, ''));
    any = true;
  }
  return any ? safeInt(sum) : null;
}
const safeInt = (n: number): number | null => (Number.isSafeInteger(n) && n <= 2_000_000_000 ? n : null);

// ---------------------------------------------------------------------------------------------- countries

interface CountryTable {
  synonyms: Map<string, string>;
  regions: Set<string>;
}
let countries: CountryTable | null = null;

function countryTable(): CountryTable {
  if (countries) return countries;
  let dir = dirname(fileURLToPath(import.meta.url));
  let file = '';
  for (let i = 0; i < 6; i++) {
    file = join(dir, 'rules', 'countries.json');
    if (existsSync(file)) break;
    dir = resolve(dir, '..');
  }
  const data = JSON.parse(readFileSync(file, 'utf8')) as {
    synonyms: Record<string, string>;
    regions: string[];
  };
  countries = {
    synonyms: new Map(Object.entries(data.synonyms).map(([k, v]) => [k.toLowerCase(), v])),
    regions: new Set(data.regions.map((r) => r.toLowerCase())),
  };
  return countries;
}

/** One country name in mscope's vocabulary (ClinicalTrials.gov spelling); null for regions and blanks. */
export function normalizeCountry(name: string | null | undefined): string | null {
  const t = oneLine(name ?? '').trim();
  if (t === '' || isNil(t)) return null;
  const tab = countryTable();
  const k = t.toLowerCase();
  if (tab.regions.has(k)) return null;
  return tab.synonyms.get(k) ?? t;
}

/** Distinct normalised countries of a list, in order. */
export function countryList(names: Iterable<string | null | undefined>): string[] {
  const out = new Set<string>();
  for (const n of names) {
    const c = normalizeCountry(n);
    if (c !== null) out.add(c);
  }
  return [...out];
}

// ---------------------------------------------------------------------------------------------- vocab

function table(entries: Record<string, string>): VocabTable {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, v] of Object.entries(entries)) out[k.toLowerCase()] = v;
  return Object.freeze(out);
}

/** Recruitment status of ICTRP, ANZCTR, ChiCTR, EUCTR and CTIS -> the v2 overall status where one fits. */
export const REGISTRY_STATUS = table({
  Recruiting: 'RECRUITING',
  'Not yet recruiting': 'NOT_YET_RECRUITING',
  'Pending (Not yet recruiting)': 'NOT_YET_RECRUITING',
  'Active, not recruiting': 'ACTIVE_NOT_RECRUITING',
  'Closed: follow-up continuing': 'ACTIVE_NOT_RECRUITING',
  'Closed: follow-up complete': 'COMPLETED',
  'Enrolling by invitation': 'ENROLLING_BY_INVITATION',
  Completed: 'COMPLETED',
  Ended: 'COMPLETED',
  Suspended: 'SUSPENDED',
  'Temporarily halted': 'SUSPENDED',
  Halted: 'SUSPENDED',
  Terminated: 'TERMINATED',
  'Stopped early': 'TERMINATED',
  'Prematurely ended': 'TERMINATED',
  Withdrawn: 'WITHDRAWN',
  'Unknown status': 'UNKNOWN',
  Unknown: 'UNKNOWN',
  'Not recruiting': 'NOT_RECRUITING',
  Available: 'AVAILABLE',
  'No longer available': 'NO_LONGER_AVAILABLE',
  'Approved for marketing': 'APPROVED_FOR_MARKETING',
  'Authorised, recruiting': 'RECRUITING',
  'Ongoing, recruiting': 'RECRUITING',
  'Ongoing, recruitment ended': 'ACTIVE_NOT_RECRUITING',
  'Authorised, not started': 'NOT_YET_RECRUITING',
  'Ongoing, not yet recruiting': 'NOT_YET_RECRUITING',
});
export const status = (v: string | null): string | null => lookup(REGISTRY_STATUS, clean(v));

/** Study types of the registries; ChiCTR's own kinds are kept (upper-snake) when neither fits. */
export const REGISTRY_STUDY_TYPE = table({
  Interventional: 'INTERVENTIONAL',
  'Interventional study': 'INTERVENTIONAL',
  'Treatment study': 'INTERVENTIONAL',
  Prevention: 'INTERVENTIONAL',
  Observational: 'OBSERVATIONAL',
  'Observational study': 'OBSERVATIONAL',
  'Observational [Patient Registry]': 'OBSERVATIONAL',
  'Epidemilogical research': 'OBSERVATIONAL',
  'Epidemiological research': 'OBSERVATIONAL',
  'Prognosis study': 'OBSERVATIONAL',
  'Cause/Relative factors study': 'OBSERVATIONAL',
  'Health services reaserch': 'OBSERVATIONAL',
  'Health services research': 'OBSERVATIONAL',
  'Expanded Access': 'EXPANDED_ACCESS',
  'Interventional clinical trial of medicinal product': 'INTERVENTIONAL',
});
export const studyType = (v: string | null): string | null => lookup(REGISTRY_STUDY_TYPE, clean(v));

export const REGISTRY_SEX = table({
  Both: 'ALL',
  All: 'ALL',
  'Both males and females': 'ALL',
  'Male and Female': 'ALL',
  Male: 'MALE',
  Males: 'MALE',
  Female: 'FEMALE',
  Females: 'FEMALE',
});
export function sex(v: string | null): string | null {
  const t = clean(v);
  if (t === null) return null;
  // EUCTR via ICTRP: "Female: yes Male: yes"
  const f = /\bfemale\s*:\s*(yes|no)/i.exec(t);
  const m = /(?:^|[^e])male\s*:\s*(yes|no)/i.exec(t);
  if (f || m) {
    const fy = f?.[1]?.toLowerCase() === 'yes';
    const my = m?.[1]?.toLowerCase() === 'yes';
    return fy && my ? 'ALL' : fy ? 'FEMALE' : my ? 'MALE' : null;
  }
  return lookup(REGISTRY_SEX, t);
}

/** An age limit as the model writes it ("18 Years"); "N/A", "no limit", 0 without a unit and blanks -> null. */
export function age(value: string | null, unit: string | null = null): string | null {
  const v = clean(value);
  if (v === null || isNil(v) || /^no limit$/i.test(v)) return null;
  const m = /^(\d+(?:\.\d+)?)\s*(years?|months?|weeks?|days?|hours?|minutes?|y|m|w|d)?(?:[\s-]*old)?$/i.exec(
    v,
  );
  if (!m) return v;
  const u = m[2] ?? clean(unit);
  if (u === null || /^no limit$/i.test(u)) return Number(m[1]) === 0 ? null : `${m[1]} Years`;
  const unitWord = ({ y: 'Years', m: 'Months', w: 'Weeks', d: 'Days' } as Record<string, string>)[
    u.toLowerCase()
  ];
  const word = unitWord ?? u.charAt(0).toUpperCase() + u.slice(1).toLowerCase();
  return `${m[1]} ${word.endsWith('s') ? word : `${word}s`}`;
}

/** Intervention types written as "Type: name" (ClinicalTrials.gov-sourced ICTRP records, ANZCTR). */
export const REGISTRY_INTERVENTION_TYPE = table({
  Drug: 'DRUG',
  Drugs: 'DRUG',
  Biological: 'BIOLOGICAL',
  Procedure: 'PROCEDURE',
  'Procedure/Surgery': 'PROCEDURE',
  Surgery: 'PROCEDURE',
  Device: 'DEVICE',
  Devices: 'DEVICE',
  Genetic: 'GENETIC',
  Behavioral: 'BEHAVIORAL',
  Behaviour: 'BEHAVIORAL',
  Lifestyle: 'BEHAVIORAL',
  Radiation: 'RADIATION',
  'Dietary Supplement': 'DIETARY_SUPPLEMENT',
  'Combination Product': 'COMBINATION_PRODUCT',
  'Diagnostic Test': 'DIAGNOSTIC_TEST',
  Other: 'OTHER',
  'Other interventions': 'OTHER',
});
