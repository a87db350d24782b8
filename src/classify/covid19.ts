/**
 * covid19: the study targets COVID-19 / SARS-CoV-2 (incl. COVID ARDS, long COVID).
 * Reads: titles, conditions, keywords, condition MeSH terms. Vocabulary: rules/covid19.json.
 * A COVID-19 term that names the pandemic as the time or setting of a study about something else ("anxiety of nurses
 * during the COVID-19 pandemic", "telemedicine amid the novel coronavirus outbreak", "during the pandemic of novel
 * coronavirus pneumonia") is not a target (the guideline: true if the study *targets* COVID-19).
 * Cue sets (rules/contexts.json): covid19.pandemic_after, covid19.setting_before, covid19.name_rest,
 *   covid19.name_before_paren.
 * Returns: covid19 (true/false), its reason code and its evidence (each quote with the rule id that gave it).
 * Reason codes (FAMILY_REASONS.covid19): where the first target match is: stated.title, stated.condition,
 *   stated.keyword, stated.mesh (a condition MeSH term); pandemic_setting (false: every COVID-19 term names the
 *   pandemic as the setting); none_stated (false).
 */
import type { Evidence, FamilyReason } from '../model/labels.js';
import type { Study } from '../model/study.js';
import { evidenceOf } from './evidence.js';
import type { Match, Matcher } from './matcher.js';
import { cueSet } from './cuesets.js';

const PANDEMIC_AFTER = cueSet('covid19.pandemic_after');
const SETTING_BEFORE = cueSet('covid19.setting_before');
const NAME_REST = cueSet('covid19.name_rest');
const NAME_BEFORE_PAREN = cueSet('covid19.name_before_paren');

/**
 * When the COVID-19 term [start, end) of `text` names the pandemic as the setting of the study, not the disease it
 * studies, the end of the disease's name it begins ("novel coronavirus| pneumonia (COVID-19)|"), else -1: a
 * pandemic word after that name ("during the novel coronavirus pneumonia (COVID-19) outbreak", "COVID-19
 * lockdown"), or the pandemic of it before ("during the pandemic of novel coronavirus pneumonia").
 */
export function settingNameEnd(text: string, start: number, end: number): number {
  const after = text.slice(end, end + 80);
  const rest = NAME_REST.exec(after)?.[0].length ?? 0;
  if (PANDEMIC_AFTER.test(after.slice(rest))) return end + rest;
  // a term in the parenthesis of a disease name ("novel coronary pneumonia (COVID-19)"): what comes before the name
  const before = text.slice(Math.max(0, start - 80), start).replace(NAME_BEFORE_PAREN, '');
  return SETTING_BEFORE.test(before) ? end + rest : -1;
}

export interface Covid19Result {
  covid19: boolean;
  reason: FamilyReason<'covid19'>;
  evidence: Evidence[];
}

export function decideCovid19(study: Study, matcher: Matcher): Covid19Result {
  // Titles, conditions, keywords, condition MeSH terms, in that order: the first match naming the disease decides.
  // The first term that names the pandemic as the setting is quoted when no term names the disease.
  let setting: { m: Match; path: string } | null = null;
  const found = (text: string | null, path: string): Match | undefined => {
    if (!text) return undefined;
    for (const m of matcher.scanShared(text)) {
      if (settingNameEnd(text, m.start, m.end) < 0) return m;
      setting ??= { m, path };
    }
    return undefined;
  };
  const yes = (m: Match, path: string, reason: FamilyReason<'covid19'>): Covid19Result => ({
    covid19: true,
    reason,
    evidence: [evidenceOf('covid19', 'true', m, m.rule, path)],
  });
  let m = found(study.briefTitle, 'briefTitle');
  if (m) return yes(m, 'briefTitle', 'stated.title');
  if ((m = found(study.officialTitle, 'officialTitle'))) return yes(m, 'officialTitle', 'stated.title');
  for (let i = 0; i < study.conditions.length; i++) {
    const path = `conditions.${i}`;
    if ((m = found(study.conditions[i]!, path))) return yes(m, path, 'stated.condition');
  }
  for (let i = 0; i < study.keywords.length; i++) {
    const path = `keywords.${i}`;
    if ((m = found(study.keywords[i]!, path))) return yes(m, path, 'stated.keyword');
  }
  const meshes = study.conditionMesh.meshes;
  for (let i = 0; i < meshes.length; i++) {
    const path = `conditionMesh.meshes.${i}.term`;
    if ((m = found(meshes[i]!.term, path))) return yes(m, path, 'stated.mesh');
  }
  // only the pandemic as the setting: false, quoting where it is named
  if (setting !== null) {
    const { m: first, path } = setting;
    return {
      covid19: false,
      reason: 'pandemic_setting',
      evidence: [evidenceOf('covid19', 'false', first, 'covid19.pandemic_setting', path)],
    };
  }
  return { covid19: false, reason: 'none_stated', evidence: [] };
}
