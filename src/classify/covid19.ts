/**
 * covid19: the study targets COVID-19 / SARS-CoV-2 (incl. COVID ARDS, long COVID).
 * Reads: titles, conditions, keywords, condition MeSH terms. Vocabulary: rules/covid19.json.
 * Cue sets (rules/contexts.json): none.
 * Returns: covid19 (true/false) and its evidence (each quote with the rule id that gave it).
 */
import type { Evidence } from '../model/labels.js';
import type { Study } from '../model/study.js';
import { evidenceOf } from './evidence.js';
import type { Match, Matcher } from './matcher.js';

export function decideCovid19(study: Study, matcher: Matcher): { covid19: boolean; evidence: Evidence[] } {
  // Titles, conditions, keywords, condition MeSH terms, in that order: the first match decides.
  const found = (text: string | null): Match | undefined => (text ? matcher.scanShared(text)[0] : undefined);
  const yes = (m: Match, path: string): { covid19: boolean; evidence: Evidence[] } => ({
    covid19: true,
    evidence: [evidenceOf('covid19', 'true', m, m.rule, path)],
  });
  let m = found(study.briefTitle);
  if (m) return yes(m, 'briefTitle');
  if ((m = found(study.officialTitle))) return yes(m, 'officialTitle');
  for (let i = 0; i < study.conditions.length; i++)
    if ((m = found(study.conditions[i]!))) return yes(m, `conditions.${i}`);
  for (let i = 0; i < study.keywords.length; i++)
    if ((m = found(study.keywords[i]!))) return yes(m, `keywords.${i}`);
  const meshes = study.conditionMesh.meshes;
  for (let i = 0; i < meshes.length; i++)
    if ((m = found(meshes[i]!.term))) return yes(m, `conditionMesh.meshes.${i}.term`);
  return { covid19: false, evidence: [] };
}
