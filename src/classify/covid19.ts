/**
 * covid19: the study targets COVID-19 / SARS-CoV-2 (incl. COVID ARDS, long COVID).
 * Reads: titles, conditions, keywords, condition MeSH terms. Vocabulary: rules/covid19.json.
 * Cue sets (rules/contexts.json): none.
 * Returns: covid19 (true/false), its reason code and its evidence (each quote with the rule id that gave it).
 * Reason codes (FAMILY_REASONS.covid19): where the first match is: stated.title, stated.condition, stated.keyword,
 *   stated.mesh (a condition MeSH term); none_stated (false).
 */
import type { Evidence, FamilyReason } from '../model/labels.js';
import type { Study } from '../model/study.js';
import { evidenceOf } from './evidence.js';
import type { Match, Matcher } from './matcher.js';

export interface Covid19Result {
  covid19: boolean;
  reason: FamilyReason<'covid19'>;
  evidence: Evidence[];
}

export function decideCovid19(study: Study, matcher: Matcher): Covid19Result {
  // Titles, conditions, keywords, condition MeSH terms, in that order: the first match decides.
  const found = (text: string | null): Match | undefined => (text ? matcher.scanShared(text)[0] : undefined);
  const yes = (m: Match, path: string, reason: FamilyReason<'covid19'>): Covid19Result => ({
    covid19: true,
    reason,
    evidence: [evidenceOf('covid19', 'true', m, m.rule, path)],
  });
  let m = found(study.briefTitle);
  if (m) return yes(m, 'briefTitle', 'stated.title');
  if ((m = found(study.officialTitle))) return yes(m, 'officialTitle', 'stated.title');
  for (let i = 0; i < study.conditions.length; i++)
    if ((m = found(study.conditions[i]!))) return yes(m, `conditions.${i}`, 'stated.condition');
  for (let i = 0; i < study.keywords.length; i++)
    if ((m = found(study.keywords[i]!))) return yes(m, `keywords.${i}`, 'stated.keyword');
  const meshes = study.conditionMesh.meshes;
  for (let i = 0; i < meshes.length; i++)
    if ((m = found(meshes[i]!.term))) return yes(m, `conditionMesh.meshes.${i}.term`, 'stated.mesh');
  return { covid19: false, reason: 'none_stated', evidence: [] };
}
