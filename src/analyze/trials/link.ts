/**
 * One trial, many registrations: group the registrations of a snapshot into trials.
 *
 * 1. Explicit links: a registration naming another one of the snapshot by its registration number (secondary
 *    ids of every registry, EudraCT/ChiCTR/ACTRN numbers among ClinicalTrials.gov secondary ids, …).
 * 2. Probable links: candidate pairs come from blocking, never from all pairs: an inverted index of the
 *    rarer title words (a pair must share at least two words each held by at most MAX_POSTING registrations)
 *    and of acronyms. Each candidate pair of two different registries is scored (features.ts) with its evidence.
 * 3. Links are applied strongest first (explicit, then by score >= MERGE_AT); a link never joins two groups
 *    that would then hold two registrations of the same registry (a trial has one registration per registry:
 *    this stops chains of similar studies from collapsing). Pairs scoring in [REVIEW_AT, MERGE_AT) are listed
 *    for review and not merged.
 * 4. Each trial keeps every registration; its fields are taken from the registration of highest precedence
 *    (FIELD_PRECEDENCE) that has them, except its first-posted date, the earliest of its registrations' (a trial
 *    is known from its first registration); which registration supplied each field is stated (fieldsFrom).
 */
import type { Study } from '../../model/study.js';
import { dayOf, profile, similarity, type Profile } from './features.js';
import type { TrialLink } from '../types.js';

export const MERGE_AT = 0.62;
export const REVIEW_AT = 0.5;
/** Title words held by more registrations than this are too common to block on. */
export const MAX_POSTING = 40;

/** Which registration supplies a merged trial's fields: ClinicalTrials.gov first (the richest records). */
export const FIELD_PRECEDENCE = [
  'ctgov',
  'euctr',
  'ctis',
  'anzctr',
  'isrctn',
  'drks',
  'jprn',
  'chictr',
  'cris',
  'irct',
];

export type Link = TrialLink;

export interface Trial {
  /** The trial id: the id of the registration that supplies its fields. */
  id: string;
  registrations: { registry: string; trialId: string }[];
  links: Link[];
  /** Field -> trial id of the registration it was taken from. */
  fieldsFrom: Record<string, string>;
}

export interface TrialGrouping {
  registrations: number;
  trials: Trial[];
  /** Probable pairs below the merge threshold, or rejected because they would join two registrations of one registry. */
  review: Link[];
  /** Candidate pairs scored (the blocking's output), for the record of how much work was done. */
  candidatePairs: number;
}

/** The fields a merged trial takes from one of its registrations (fieldsFrom). */
export const FIELDS = [
  'briefTitle',
  'officialTitle',
  'acronym',
  'leadSponsor',
  'overallStatus',
  'phases',
  'enrollment',
  'startDate',
  'firstPostedDate',
  'conditions',
  'interventions',
  'locations',
] as const;

const rank = (r: string): number => {
  const i = FIELD_PRECEDENCE.indexOf(r);
  return i < 0 ? FIELD_PRECEDENCE.length : i;
};

function hasValue(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object' && 'count' in (v as object)) return (v as { count: unknown }).count !== null;
  return true;
}

/** Candidate pairs by blocking (indices into `ps`), each pair once, only across registries. */
export function candidatePairs(ps: readonly Profile[]): [number, number][] {
  const byWord = new Map<string, number[]>();
  const byAcronym = new Map<string, number[]>();
  ps.forEach((p, i) => {
    for (const w of p.title) {
      let l = byWord.get(w);
      if (!l) byWord.set(w, (l = []));
      l.push(i);
    }
    if (p.acronym) {
      let l = byAcronym.get(p.acronym);
      if (!l) byAcronym.set(p.acronym, (l = []));
      l.push(i);
    }
  });
  const shared = new Map<number, Map<number, number>>();
  const bump = (i: number, j: number, by: number): void => {
    const [x, y] = i < j ? [i, j] : [j, i];
    let m = shared.get(x);
    if (!m) shared.set(x, (m = new Map()));
    m.set(y, (m.get(y) ?? 0) + by);
  };
  for (const list of byWord.values()) {
    if (list.length < 2 || list.length > MAX_POSTING) continue;
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++)
        if (ps[list[i]!]!.registry !== ps[list[j]!]!.registry) bump(list[i]!, list[j]!, 1);
  }
  for (const list of byAcronym.values()) {
    if (list.length < 2 || list.length > MAX_POSTING) continue;
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++)
        if (ps[list[i]!]!.registry !== ps[list[j]!]!.registry) bump(list[i]!, list[j]!, 2);
  }
  const out: [number, number][] = [];
  for (const [x, m] of shared) for (const [y, n] of m) if (n >= 2) out.push([x, y]);
  return out;
}

/**
 * What grouping keeps of one registration: its profile, which FIELDS it has (bit i = FIELDS[i]) and its
 * first-posted day. Small, so a caller can stream studies and drop each one after this.
 */
export interface RegistrationInfo {
  profile: Profile;
  has: number;
  /** First-posted date as a day number, null when not stated. */
  posted: number | null;
}

export function registrationInfo(s: Study): RegistrationInfo {
  let has = 0;
  FIELDS.forEach((f, i) => {
    if (hasValue(s[f])) has |= 1 << i;
  });
  return { profile: profile(s), has, posted: dayOf(s.firstPostedDate) };
}

/** Group the registrations of `studies` into trials (see the module comment). */
export function groupTrials(studies: readonly Study[]): TrialGrouping {
  return groupRegistrations(studies.map(registrationInfo));
}

/** groupTrials over registrations already reduced by registrationInfo. */
export function groupRegistrations(infos: readonly RegistrationInfo[]): TrialGrouping {
  const ps = infos.map((x) => x.profile);
  const index = new Map(ps.map((p, i) => [p.id, i] as const));

  const links: Link[] = [];
  const review: Link[] = [];
  const seen = new Set<string>();
  const key = (i: number, j: number): string => (i < j ? `${i}:${j}` : `${j}:${i}`);
  ps.forEach((p, i) => {
    for (const n of p.names) {
      const j = index.get(n);
      if (j === undefined || j === i) continue;
      const k = key(i, j);
      const both = ps[j]!.names.has(p.id);
      if (seen.has(k)) continue;
      seen.add(k);
      if (ps[j]!.registry === p.registry) {
        // two registrations of one registry naming each other are related studies (a trial has one per registry)
        review.push({
          a: p.id,
          b: n,
          kind: 'explicit',
          score: 1,
          evidence: [`${p.id} names ${n}, a registration in the same registry: related, not merged`],
        });
        continue;
      }
      const evidence = [both ? `${p.id} and ${n} name each other` : `${p.id} names ${n} as a secondary id`];
      for (const x of [p, ps[j]!])
        if (x.bridge) evidence.push(`ICTRP flags ${x.id} as bridged to another registration (${x.bridge})`);
      links.push({ a: p.id, b: n, kind: 'explicit', score: 1, evidence });
    }
  });

  const pairs = candidatePairs(ps);
  for (const [i, j] of pairs) {
    if (seen.has(key(i, j))) continue;
    const sim = similarity(ps[i]!, ps[j]!);
    if (sim.score < REVIEW_AT) continue;
    const l: Link = {
      a: ps[i]!.id,
      b: ps[j]!.id,
      kind: 'probable',
      score: round(sim.score),
      evidence: sim.evidence,
    };
    if (sim.score >= MERGE_AT) links.push(l);
    else review.push(l);
  }

  // union-find, strongest links first, one registration per registry per trial
  const parent = ps.map((_p, i) => i);
  const regs = ps.map((p) => new Set([p.registry]));
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  links.sort((x, y) => (x.kind === y.kind ? y.score - x.score : x.kind === 'explicit' ? -1 : 1));
  const applied: Link[] = [];
  for (const l of links) {
    const ra = find(index.get(l.a)!);
    const rb = find(index.get(l.b)!);
    if (ra === rb) {
      applied.push(l);
      continue;
    }
    const clash = [...regs[ra]!].some((r) => regs[rb]!.has(r));
    if (clash && l.kind === 'probable') {
      review.push({
        ...l,
        evidence: [...l.evidence, 'not merged: the trial already has a registration in the same registry'],
      });
      continue;
    }
    parent[rb] = ra;
    for (const r of regs[rb]!) regs[ra]!.add(r);
    applied.push(l);
  }

  const groups = new Map<number, number[]>();
  ps.forEach((_p, i) => {
    const r = find(i);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = []));
    g.push(i);
  });
  const linksOf = new Map<number, Link[]>();
  for (const l of applied) {
    const r = find(index.get(l.a)!);
    let g = linksOf.get(r);
    if (!g) linksOf.set(r, (g = []));
    g.push(l);
  }
  const trials: Trial[] = [];
  for (const [root, members] of groups) {
    const ordered = [...members].sort(
      (x, y) => rank(ps[x]!.registry) - rank(ps[y]!.registry) || (ps[x]!.id < ps[y]!.id ? -1 : 1),
    );
    const fieldsFrom: Record<string, string> = {};
    FIELDS.forEach((f, b) => {
      const from = ordered.find((i) => (infos[i]!.has & (1 << b)) !== 0);
      if (from !== undefined) fieldsFrom[f] = ps[from]!.id;
    });
    // a trial was first posted when its first registration was (precedence breaks ties)
    let first: number | undefined;
    for (const i of ordered) {
      const d = infos[i]!.posted;
      if (d !== null && (first === undefined || d < infos[first]!.posted!)) first = i;
    }
    if (first !== undefined) fieldsFrom.firstPostedDate = ps[first]!.id;
    trials.push({
      id: ps[ordered[0]!]!.id,
      registrations: ordered.map((i) => ({ registry: ps[i]!.registry, trialId: ps[i]!.id })),
      links: linksOf.get(root) ?? [],
      fieldsFrom,
    });
  }
  trials.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  review.sort((x, y) => y.score - x.score);
  return { registrations: infos.length, trials, review, candidatePairs: pairs.length };
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** Registration trial id -> the id of its trial. */
export function trialOf(grouping: TrialGrouping): Map<string, string> {
  const m = new Map<string, string>();
  for (const t of grouping.trials) for (const r of t.registrations) m.set(r.trialId, t.id);
  return m;
}
