/**
 * specialty: the principal medical area of the study's condition.
 * Reads: conditions (the first listed weighs most), titles, keywords, condition MeSH terms (conditionMesh.meshes,
 * matched with the same term table), and the MeSH ancestors / browse branches (exact table
 * rules/specialty-mesh.json, low weight). Scores add up per specialty; ties follow the precedence order.
 * Some specialties dominate others when both match (`dominates` in the table: corneal burn -> ophthalmology), or
 * replace them outright (`overrides`: stem cell transplantation in leukaemia -> hematology_transplant).
 * COVID-19 -> pneumology (GUIDELINE). Nothing matched -> other, quoting the first condition (or title).
 * A COVID-19 term naming the pandemic as the setting (covid19.ts settingNameEnd) names no condition, nor does the
 * rest of the disease's name ("pneumonia" in "during the novel coronavirus pneumonia (COVID-19) epidemic").
 * Cue sets (rules/contexts.json): those of covid19.ts settingNameEnd, for the COVID-19 terms.
 * Returns: specialty, its reason code and its evidence (each quote with the rule id that gave it).
 * Reason codes (FAMILY_REASONS.specialty): covid19 (-> pneumology), matched (the highest score, quoting a term
 *   matched in a condition, title, keyword or MeSH term), mesh_tree (the highest score, from the MeSH
 *   ancestor/branch table only), none_matched (other).
 */
import type { Evidence, FamilyReason, Specialty } from '../model/labels.js';
import { SPECIALTIES } from '../model/labels.js';
import type { Study } from '../model/study.js';
import { evidenceOf } from './evidence.js';
import type { Match, Matcher } from './matcher.js';
import type { SpecialtyTable } from './rules.js';
import { indexedPaths } from './text.js';
import { settingNameEnd } from './covid19.js';

const KNOWN = new Set<string>(SPECIALTIES);

interface MeshMemo {
  /** The table's MeSH names, lower-cased -> specialty. */
  lower: Map<string, string>;
  /** MeSH name as a record spells it -> specialty ('' for none), filled as names are met; bounded. */
  seen: Map<string, string>;
}
const memos = new WeakMap<SpecialtyTable, MeshMemo>();
function meshMemo(table: SpecialtyTable): MeshMemo {
  let m = memos.get(table);
  if (!m) {
    const lower = new Map(Object.entries(table.mesh).map(([k, v]) => [k.toLowerCase(), v]));
    memos.set(table, (m = { lower, seen: new Map() }));
  }
  return m;
}
/** The table's specialty for a MeSH ancestor or branch name (case-insensitive), or ''. */
function meshSpecialty(m: MeshMemo, text: string): string {
  // MeSH ancestor and branch names repeat across studies: one lookup by the name as spelt
  let v = m.seen.get(text);
  if (v === undefined) {
    if (m.seen.size >= 20_000) m.seen.clear();
    m.seen.set(text, (v = m.lower.get(text.toLowerCase()) ?? ''));
  }
  return v;
}

const PATH = {
  condition: indexedPaths((i) => `conditions.${i}`),
  keyword: indexedPaths((i) => `keywords.${i}`),
  mesh: indexedPaths((i) => `conditionMesh.meshes.${i}.term`),
  ancestor: indexedPaths((i) => `conditionMesh.ancestors.${i}.term`),
  branch: indexedPaths((i) => `conditionMesh.browseBranches.${i}.name`),
};

export interface SpecialtyResult {
  specialty: Specialty;
  reason: FamilyReason<'specialty'>;
  evidence: Evidence[];
}

export function decideSpecialty(
  study: Study,
  matcher: Matcher,
  table: SpecialtyTable,
  covid19: Evidence | undefined,
): SpecialtyResult {
  if (covid19)
    return {
      specialty: 'pneumology',
      reason: 'covid19',
      evidence: [
        { ...covid19, label: 'specialty', value: 'pneumology', rule: 'specialty.pneumology.covid19' },
      ],
    };
  const score = new Map<string, number>();
  // Best quote per specialty; the Evidence object is built for the winner only.
  const best = new Map<string, { w: number; m: Match | null; path: string; text: string }>();
  const add = (value: string, w: number, m: Match | null, path: string, text: string): void => {
    if (!KNOWN.has(value)) return;
    score.set(value, (score.get(value) ?? 0) + w);
    const b = best.get(value);
    if (!b || b.w < w) best.set(value, { w, m, path, text });
  };
  const scanField = (path: string, text: string | null, w: number): void => {
    if (!text) return;
    const hits = matcher.scanShared(text);
    // a COVID-19 term naming the pandemic as the setting ("during the novel coronavirus pneumonia (COVID-19)
    // epidemic") names no condition, nor does the rest of the disease's name ("pneumonia")
    let skipTo = -1;
    const counted: Match[] = [];
    for (const m of hits) {
      if (m.start < skipTo) continue;
      if (m.also.covid !== undefined) {
        const nameEnd = settingNameEnd(text, m.start, m.end);
        if (nameEnd >= 0) {
          skipTo = nameEnd;
          continue;
        }
      }
      if (counted.some((c) => c.value === m.value)) continue;
      counted.push(m);
      add(m.value, w, m, path, text);
    }
  };
  study.conditions.forEach((c, i) => scanField(PATH.condition(i), c, i === 0 ? 4 : 2));
  scanField('briefTitle', study.briefTitle, 2);
  scanField('officialTitle', study.officialTitle, 1);
  study.keywords.forEach((k, i) => scanField(PATH.keyword(i), k, 0.5));
  study.conditionMesh.meshes.forEach((m, i) => scanField(PATH.mesh(i), m.term, 1));
  const memo = meshMemo(table);
  const tableHit = (path: string, text: string): void => {
    const v = meshSpecialty(memo, text);
    if (v) add(v, 0.3, null, path, text);
  };
  study.conditionMesh.ancestors.forEach((a, i) => tableHit(PATH.ancestor(i), a.term));
  study.conditionMesh.browseBranches.forEach((b, i) => tableHit(PATH.branch(i), b.name));
  for (const [winner, losers] of Object.entries(table.dominates ?? {})) {
    if ((score.get(winner) ?? 0) < 1) continue;
    for (const l of losers) if (score.has(l)) score.set(l, (score.get(l) ?? 0) * 0.25);
  }
  for (const [winner, losers] of Object.entries(table.overrides ?? {})) {
    if ((score.get(winner) ?? 0) < 2) continue;
    for (const l of losers) score.delete(l);
  }
  const order = table.precedence;
  // The first of the entries sorted (stably) by score, then precedence.
  const before = (a: [string, number], b: [string, number]): boolean =>
    b[1] - a[1] < 0 || (b[1] - a[1] === 0 && order.indexOf(a[0]) - order.indexOf(b[0]) < 0);
  let top: [string, number] | undefined;
  for (const e of score.entries()) if (top === undefined || before(e, top)) top = e;
  if (top) {
    const { m, path, text } = best.get(top[0])!;
    const ev: Evidence = m
      ? evidenceOf('specialty', top[0], m, m.rule, path)
      : {
          label: 'specialty',
          value: top[0],
          field: path,
          start: 0,
          end: text.length,
          text,
          rule: `specialty.${top[0]}.mesh`,
        };
    return { specialty: top[0] as Specialty, reason: m ? 'matched' : 'mesh_tree', evidence: [ev] };
  }
  const [path, text] = study.conditions[0]
    ? ['conditions.0', study.conditions[0]]
    : ['briefTitle', study.briefTitle ?? ''];
  const evidence: Evidence[] = text
    ? [
        {
          label: 'specialty',
          value: 'other',
          field: path,
          start: 0,
          end: text.length,
          text,
          rule: 'specialty.other.fallback',
        },
      ]
    : [];
  return { specialty: 'other', reason: 'none_matched', evidence };
}
