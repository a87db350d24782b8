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
  for (const [path, text] of covidFields(study)) {
    if (!text) continue;
    const m = matcher.scanCached(text, path)[0];
    if (m) return { covid19: true, evidence: [evidenceOf('covid19', 'true', m)] };
  }
  return { covid19: false, evidence: [] };
}
