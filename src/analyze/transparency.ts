/**
 * Results transparency of completed trials: how many (a) posted results on the registry, (b) have a linked
 * result publication — a registry reference of type RESULT, or a literature link (a stored document
 * mentioning the trial, see store/links.ts `trialDocumentLinks`) — and (c) have neither; overall and by
 * completion year, lead-sponsor class and location country (a multinational trial counts in each country).
 * Pure: studies and links in, counts out.
 */
import type { Study } from '../model/study.js';
import { yearOf } from './dates.js';
import { countryKeys, sponsorClassKey, UNKNOWN } from './dimensions.js';

/** A literature link: a document that mentions (or reports) the trial. Pass only the links you accept as result publications. */
export interface TransparencyLink {
  nctId: string;
  docId: string;
  pmid?: string | null;
}

export interface TransparencyCounts {
  /** Completed trials in the group. */
  completed: number;
  /** (a) results posted on the registry. */
  resultsPosted: number;
  /** (b) a linked result publication (registry RESULT reference or literature link). */
  publication: number;
  both: number;
  resultsOnly: number;
  publicationOnly: number;
  /** (c) neither. */
  neither: number;
  /** Shares of `completed`, 0–100 with one decimal; null when completed = 0. */
  resultsPostedPct: number | null;
  publicationPct: number | null;
  neitherPct: number | null;
}

export interface TransparencyRow extends TransparencyCounts {
  key: string;
}

export interface TransparencyStudy {
  nctId: string;
  completionYear: string;
  sponsorClass: string;
  countries: string[];
  resultsPosted: boolean;
  publication: boolean;
  /** Why: "registry results (first posted 2019-05-01)", "registry reference RESULT PMID 123", "document cord:abc". */
  evidence: string[];
}

export interface TransparencyTable {
  total: TransparencyCounts;
  byCompletionYear: TransparencyRow[];
  bySponsorClass: TransparencyRow[];
  byCountry: TransparencyRow[];
  /** One entry per completed trial, NCT order. */
  studies: TransparencyStudy[];
}

export const COMPLETED_STATUS = 'COMPLETED';
/** Registry reference types that mean "publication of this trial's results" (v2 RESULT, classic "result"). */
export const RESULT_REFERENCE_TYPES: readonly string[] = ['RESULT', 'RESULTS'];

export function isCompleted(s: Study): boolean {
  return (s.overallStatus ?? '').toUpperCase() === COMPLETED_STATUS;
}

export function completionYear(s: Study): string {
  return yearOf(s.completionDate) ?? yearOf(s.primaryCompletionDate) ?? UNKNOWN;
}

function studyEvidence(s: Study, links: TransparencyLink[]): TransparencyStudy {
  const evidence: string[] = [];
  const resultsPosted = s.hasResults || s.resultsFirstPostedDate !== null;
  if (resultsPosted)
    evidence.push(
      `registry results${s.resultsFirstPostedDate ? ` (first posted ${s.resultsFirstPostedDate.value})` : ''}`,
    );
  let publication = false;
  for (const r of s.references) {
    if (r.type && RESULT_REFERENCE_TYPES.includes(r.type.toUpperCase())) {
      publication = true;
      evidence.push(`registry reference ${r.type.toUpperCase()}${r.pmid ? ` PMID ${r.pmid}` : ''}`);
    }
  }
  for (const l of links) {
    publication = true;
    evidence.push(`document ${l.docId}${l.pmid ? ` (PMID ${l.pmid})` : ''}`);
  }
  return {
    nctId: s.nctId,
    completionYear: completionYear(s),
    sponsorClass: sponsorClassKey(s),
    countries: countryKeys(s),
    resultsPosted,
    publication,
    evidence,
  };
}

function emptyCounts(): TransparencyCounts {
  return {
    completed: 0,
    resultsPosted: 0,
    publication: 0,
    both: 0,
    resultsOnly: 0,
    publicationOnly: 0,
    neither: 0,
    resultsPostedPct: null,
    publicationPct: null,
    neitherPct: null,
  };
}

function add(c: TransparencyCounts, s: TransparencyStudy): void {
  c.completed++;
  if (s.resultsPosted) c.resultsPosted++;
  if (s.publication) c.publication++;
  if (s.resultsPosted && s.publication) c.both++;
  else if (s.resultsPosted) c.resultsOnly++;
  else if (s.publication) c.publicationOnly++;
  else c.neither++;
}

const pct = (n: number, d: number): number | null => (d === 0 ? null : Math.round((1000 * n) / d) / 10);

function finish(c: TransparencyCounts): TransparencyCounts {
  c.resultsPostedPct = pct(c.resultsPosted, c.completed);
  c.publicationPct = pct(c.publication, c.completed);
  c.neitherPct = pct(c.neither, c.completed);
  return c;
}

function groupBy(
  studies: TransparencyStudy[],
  keys: (s: TransparencyStudy) => string[],
  order: 'key' | 'count',
): TransparencyRow[] {
  const groups = new Map<string, TransparencyCounts>();
  for (const s of studies)
    for (const k of keys(s)) {
      let c = groups.get(k);
      if (!c) groups.set(k, (c = emptyCounts()));
      add(c, s);
    }
  const rows = [...groups].map(([key, c]) => ({ key, ...finish(c) }));
  return rows.sort((a, b) =>
    order === 'key' ? a.key.localeCompare(b.key) : b.completed - a.completed || a.key.localeCompare(b.key),
  );
}

export function transparency(
  rows: ReadonlyArray<{ study: Study }>,
  links: Iterable<TransparencyLink>,
): TransparencyTable {
  const byTrial = new Map<string, TransparencyLink[]>();
  for (const l of links) {
    const list = byTrial.get(l.nctId) ?? [];
    if (!list.some((x) => x.docId === l.docId)) list.push(l);
    byTrial.set(l.nctId, list);
  }
  const studies = rows
    .map((r) => r.study)
    .filter(isCompleted)
    .map((s) => studyEvidence(s, byTrial.get(s.nctId) ?? []))
    .sort((a, b) => a.nctId.localeCompare(b.nctId));
  const total = emptyCounts();
  for (const s of studies) add(total, s);
  return {
    total: finish(total),
    byCompletionYear: groupBy(studies, (s) => [s.completionYear], 'key'),
    bySponsorClass: groupBy(studies, (s) => [s.sponsorClass], 'count'),
    byCountry: groupBy(studies, (s) => s.countries, 'count'),
    studies,
  };
}
