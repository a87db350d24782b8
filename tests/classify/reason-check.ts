/**
 * The reason-code contract: every label carries one reason code per family (FAMILY_REASONS, src/model/labels.ts),
 * and each code agrees with the value and the evidence it names (an empty value has an empty-value code and the
 * reverse; a product fact quotes the product name; a code naming where quotes from there).
 */
import { FAMILY_REASONS, LabelReasonsSchema, REASON_FAMILIES, type Labels } from '../../src/model/labels.js';

/** Codes of an empty value (nothing found, only the COVID-19 pandemic as the setting, or a fact family of a study not included). */
const EMPTY_CODES = new Set(['none_stated', 'none_named', 'not_included', 'pandemic_setting']);
/** The fact families, decided only for included studies. */
const FACTS = new Set(['sources', 'donor', 'modifications', 'biomaterial', 'routes', 'product', 'dose']);

const PRODUCT_FIELDS = ['interventions.', 'arms.'];
const TITLE_FIELDS = ['briefTitle', 'officialTitle', 'acronym', 'keywords.'];
const DESCRIPTION_FIELDS = ['briefSummary', 'detailedDescription'];

function emptyValue(l: Labels, family: string): boolean {
  const v = (l as unknown as Record<string, unknown>)[family];
  if (family === 'donor') return v === 'unspecified';
  if (family === 'specialty') return false;
  return v === null || v === false || (Array.isArray(v) && v.length === 0);
}

/** Problems found (empty when the labels honour the contract). */
export function reasonProblems(l: Labels): string[] {
  const out: string[] = [];
  if (!l.reasons) return [`${l.nctId}: no reason codes`];
  const parsed = LabelReasonsSchema.safeParse(l.reasons);
  if (!parsed.success) return [`${l.nctId}: reason codes ${JSON.stringify(l.reasons)} not of their enums`];
  if (Object.keys(l.reasons).length !== REASON_FAMILIES.length)
    out.push(`${l.nctId}: reason codes of ${Object.keys(l.reasons).join(', ')}`);
  for (const family of REASON_FAMILIES) {
    const code: string = l.reasons[family];
    const bad = (why: string): void => void out.push(`${l.nctId}: ${family} reason ${code}: ${why}`);
    if (!(FAMILY_REASONS[family] as readonly string[]).includes(code)) bad('not a code of the family');
    if (code === 'reviewer') bad('the classifier never gives it');
    if (FACTS.has(family) && (code === 'not_included') === l.included)
      bad(`not_included must hold exactly when the study is not included (included: ${l.included})`);
    if (EMPTY_CODES.has(code) !== emptyValue(l, family))
      bad(`an empty-value code must go with an empty value and only with one`);
    const evs = l.evidence.filter((e) => e.label === family);
    const some = (prefixes: readonly string[]): boolean =>
      evs.some((e) => prefixes.some((p) => e.field === p || e.field.startsWith(p)));
    if (code === 'product_fact' && !(evs.length > 0 && evs.every((e) => e.rule.startsWith('product.'))))
      bad('every quote must be a named product fact');
    if (/\.intervention$/.test(code) && !some(PRODUCT_FIELDS)) bad('no quote from an intervention or arm');
    if (/\.title$/.test(code) && !some(TITLE_FIELDS)) bad('no quote from the titles or keywords');
    if (/\.description$/.test(code) && !some(DESCRIPTION_FIELDS))
      bad('no quote from the summary or description');
    if (code === 'stated.condition' && !some(['conditions.'])) bad('no quote from the conditions');
    if (code === 'stated.mesh' && !some(['conditionMesh.'])) bad('no quote from the condition MeSH terms');
    if (code === 'stated.bound' && !some([...PRODUCT_FIELDS, ...TITLE_FIELDS]))
      bad('no quote from an intervention, arm or title');
    if (
      (code === 'perinatal_implied' || code === 'autologous_plus_perinatal') &&
      !evs.some((e) => e.rule === 'donor.allogeneic.perinatal_source')
    )
      bad('no perinatal source quoted');
    if (
      code === 'carrier' &&
      !evs.every(
        (e) =>
          /^route\.[a-z_]+\.carrier$/.test(e.rule) || e.rule === 'route.intraosseous.bone_defect_carrier',
      )
    )
      bad('not a carrier default');
    if (code === 'covid19' && l.specialty !== 'pneumology') bad('COVID-19 studies are pneumology');
    if (code === 'mesh_tree' && !evs.every((e) => e.rule.endsWith('.mesh'))) bad('not a MeSH table entry');
    if (code === 'none_matched' && l.specialty !== 'other') bad('nothing matched is other');
  }
  return out;
}
