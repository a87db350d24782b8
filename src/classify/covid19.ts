/**
 * covid19: the study targets COVID-19 / SARS-CoV-2 (incl. COVID ARDS, long COVID).
 * Reads: titles, conditions, keywords, condition MeSH terms. Vocabulary: rules/covid19.json.
 */
import type { Evidence } from '../model/labels.js';
import type { Study } from '../model/study.js';
import { evidenceOf } from './evidence.js';
import type { Matcher } from './matcher.js';

export const COVID19_FIELDS = ['briefTitle', 'officialTitle', 'conditions', 'keywords', 'conditionMesh.meshes'] as const;

export function covidFields(study: Study): Array<[string, string | null]> {
  return [
    ['briefTitle', study.briefTitle],
    ['officialTitle', study.officialTitle],
    ...study.conditions.map((c, i): [string, string] => [`conditions.${i}`, c]),
    ...study.keywords.map((c, i): [string, string] => [`keywords.${i}`, c]),
    ...study.conditionMesh.meshes.map((m, i): [string, string] => [`conditionMesh.meshes.${i}.term`, m.term]),
  ];
}

export function decideCovid19(study: Study, matcher: Matcher): { covid19: boolean; evidence: Evidence[] } {
  // covidFields(study), in that order, without building the list
  const first = (path: () => string, text: string | null): Evidence | null => {
    const m = text ? matcher.scanShared(text)[0] : undefined;
    return m ? evidenceOf('covid19', 'true', m, m.rule, path()) : null;
  };
  let e = first(() => 'briefTitle', study.briefTitle) ?? first(() => 'officialTitle', study.officialTitle);
  for (let i = 0; e === null && i < study.conditions.length; i++) e = first(() => `conditions.${i}`, study.conditions[i]!);
  for (let i = 0; e === null && i < study.keywords.length; i++) e = first(() => `keywords.${i}`, study.keywords[i]!);
  const meshes = study.conditionMesh.meshes;
  for (let i = 0; e === null && i < meshes.length; i++) e = first(() => `conditionMesh.meshes.${i}.term`, meshes[i]!.term);
  return e === null ? { covid19: false, evidence: [] } : { covid19: true, evidence: [e] };
}
