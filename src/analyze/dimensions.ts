/**
 * Dimension keys: how one study maps to the value(s) of each analytic dimension. The filter and the metrics use
 * the SAME functions, so a filter value is always a key of the matching metric table (click a bar -> filter ->
 * same count).
 *
 * Conventions
 * - phase: the registry phase list joined with "|" in canonical order, e.g. "PHASE1|PHASE2"; "NA" is the registry's
 *   own "not applicable"; "NONE" = no phase given (typical for observational studies). Combinations stay distinct.
 * - multi-valued labels (sources, routes, modifications, countries) yield every value; an empty list yields the
 *   single key "unspecified" (sources, routes), "none" (modifications) or "(no location)" (countries).
 * - sourceGroup: ONE key per study for stacked charts: the single source, "multiple" when more than one,
 *   "unspecified" when none.
 * - productForm: cells (msc_cells), derived (msc_derived: EVs, exosomes, secretome, conditioned medium, lysate),
 *   mixture (stromal_mixture: SVF, BMAC …); other categories have no product form.
 */
import type { Category } from '../model/labels.js';
import type { Study } from '../model/study.js';
import type { ClassifiedStudy } from './types.js';
import { yearOf } from './dates.js';

/** Canonical order of registry phase values (API v2 spelling). */
export const PHASE_ORDER: readonly string[] = ['EARLY_PHASE1', 'PHASE1', 'PHASE2', 'PHASE3', 'PHASE4', 'NA'];

export const PRODUCT_FORMS = ['cells', 'derived', 'mixture'] as const;
export type ProductForm = (typeof PRODUCT_FORMS)[number];

/** category -> product form (data, not code). */
export const PRODUCT_FORM_OF_CATEGORY: Readonly<Partial<Record<Category, ProductForm>>> = {
  msc_cells: 'cells',
  msc_derived: 'derived',
  stromal_mixture: 'mixture',
};

export const UNSPECIFIED = 'unspecified';
export const NO_LOCATION = '(no location)';
export const UNKNOWN = 'unknown';

function phaseRank(p: string): number {
  const i = PHASE_ORDER.indexOf(p);
  return i < 0 ? PHASE_ORDER.length : i;
}

/** phaseKeyOf's results by their input (a registry writes its phases in a few ways): bounded. */
const phaseKeys = new Map<string, string>();

/** Canonical phase key of a phase list (see module doc), memoized. */
export function phaseKeyOf(phases: readonly string[]): string {
  if (phases.length === 0) return 'NONE';
  const input = phases.length === 1 ? phases[0]! : phases.join('\u0000');
  let key = phaseKeys.get(input);
  if (key === undefined) {
    if (phaseKeys.size >= 1000) phaseKeys.clear();
    phaseKeys.set(input, (key = computePhaseKey(phases)));
  }
  return key;
}

function computePhaseKey(phases: readonly string[]): string {
  const norm = [
    ...new Set(
      phases.map((p) =>
        p
          .trim()
          .toUpperCase()
          .replace(/[\s-]+/g, '_'),
      ),
    ),
  ];
  norm.sort((a, b) => phaseRank(a) - phaseRank(b) || a.localeCompare(b));
  return norm.join('|');
}

/**
 * Registered in: every registry holding a registration of the trial (one row = one trial: its merged
 * registrations, analyze/trials/collapse.ts; else its own registry, ClinicalTrials.gov for rows of old snapshots).
 */
export function registryKeys(r: ClassifiedStudy): string[] {
  if (!r.trial) return [r.study.registry ?? 'ctgov'];
  const out: string[] = [];
  for (const x of r.trial.registrations) if (!out.includes(x.registry)) out.push(x.registry);
  return out;
}

export function phaseKey(s: Study): string {
  return phaseKeyOf(s.phases);
}

export function statusKey(s: Study): string {
  return s.overallStatus ?? UNKNOWN;
}

export function studyTypeKey(s: Study): string {
  return s.studyType ?? UNKNOWN;
}

export function sponsorClassKey(s: Study): string {
  return s.leadSponsor?.class ?? UNKNOWN;
}

/** Distinct location countries, in first-seen order; empty when no location has a country. */
export function countriesOf(s: Study): string[] {
  const out: string[] = [];
  for (const l of s.locations) {
    const c = l.country?.trim();
    if (c && !out.includes(c)) out.push(c);
  }
  return out;
}

export function countryKeys(s: Study): string[] {
  const c = countriesOf(s);
  return c.length ? c : [NO_LOCATION];
}

export function sourceKeys(r: ClassifiedStudy): string[] {
  const s = r.labels?.sources ?? [];
  return s.length ? [...s] : [UNSPECIFIED];
}

export function sourceGroup(r: ClassifiedStudy): string {
  const s = r.labels?.sources ?? [];
  if (s.length === 0) return UNSPECIFIED;
  if (s.length === 1) return s[0] as string;
  return 'multiple';
}

export function routeKeys(r: ClassifiedStudy): string[] {
  const s = r.labels?.routes ?? [];
  return s.length ? [...s] : [UNSPECIFIED];
}

export function modificationKeys(r: ClassifiedStudy): string[] {
  const s = r.labels?.modifications ?? [];
  return s.length ? [...s] : ['none'];
}

export function donorKey(r: ClassifiedStudy): string {
  return r.labels?.donor ?? UNSPECIFIED;
}

export function specialtyKey(r: ClassifiedStudy): string {
  return r.labels?.specialty ?? UNSPECIFIED;
}

export function productFormKey(r: ClassifiedStudy): ProductForm | null {
  return r.labels ? (PRODUCT_FORM_OF_CATEGORY[r.labels.category] ?? null) : null;
}

export function firstPostedYear(s: Study): string {
  return yearOf(s.firstPostedDate) ?? UNKNOWN;
}

export function startYear(s: Study): string {
  return yearOf(s.startDate) ?? UNKNOWN;
}

/** Link to the registration's public page (ClinicalTrials.gov; the EU registers; else the WHO ICTRP record). */
export function studyLink(nctId: string): string {
  if (/^NCT\d{8}$/.test(nctId)) return `https://clinicaltrials.gov/study/${nctId}`;
  // EudraCT and CTIS numbers: the EU registers' own search; every other registry's record through WHO ICTRP
  if (/^\d{4}-\d{6}-\d{2}$/.test(nctId))
    return `https://www.clinicaltrialsregister.eu/ctr-search/search?query=${nctId}`;
  if (/^\d{4}-5\d{5}-\d{2}-\d{2}$/.test(nctId))
    return `https://euclinicaltrials.eu/search-for-clinical-trials/?lang=en&EUCT=${nctId}`;
  return `https://trialsearch.who.int/Trial2.aspx?TrialID=${encodeURIComponent(nctId)}`;
}
