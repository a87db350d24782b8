/**
 * WHO ICTRP search-portal exports: XML (`<Trials_downloaded_from_ICTRP><Trial>…`) and CSV, in both field sets
 * (2020: no Secondary_ID/Acronym; 2024: Internal_Number, Secondary_ID, Secondary_outcome, results fields).
 * Field names are matched after normalising ("Date registration" = "Date_registration"), so one mapper reads
 * both layouts. The trial belongs to its source register (`Source_Register`); contact fields are dropped.
 */
import type { StudyRecord } from '../../model/record.js';
import { findRegistrationIds, registryOfIctrpName } from '../../model/registries.js';
import type { Provenance } from '../../model/study.js';
import { INTERVENTION_MODEL, ALLOCATION, MASKING, PRIMARY_PURPOSE, lookup } from '../../model/vocab.js';
import { validated } from '../map-util.js';
import {
  countryLocations,
  criteriaText,
  dateField,
  freeTextInterventions,
  outcomesFrom,
  registryStudy,
  secondaryIdsFrom,
  withoutContacts,
} from './common.js';
import {
  age,
  clean,
  cleanTitle,
  countryList,
  oneLine,
  parsePhases,
  parseTargetSize,
  sex,
  splitList,
  status,
  studyType,
} from './normalize.js';

/** "Date registration" / "Date_registration" / "date_registration" -> "date_registration". */
export function fieldKey(name: string): string {
  let k = FIELD_KEYS.get(name);
  if (k === undefined) {
    k = name
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '');
    // every record of an export repeats the same few dozen names: computed once each
    if (FIELD_KEYS.size < 4096) FIELD_KEYS.set(name, k);
  }
  return k;
}
const FIELD_KEYS = new Map<string, string>();

/** Keys of personal contact details (never stored, shown or exported). */
export function isIctrpContact(k: string): boolean {
  let c = CONTACT_KEYS.get(k);
  if (c === undefined) {
    c = /^(contact_|ethics_review_contact_)/.test(fieldKey(k));
    // the same few dozen names in every record: decided once each
    if (CONTACT_KEYS.size < 4096) CONTACT_KEYS.set(k, c);
  }
  return c;
}
const CONTACT_KEYS = new Map<string, boolean>();

/** Columns that identify an ICTRP CSV export (after fieldKey). */
export const ICTRP_COLUMNS = ['trialid', 'source_register', 'public_title'];

type Fields = Record<string, string>;

/** The CT.gov "Study design" text ICTRP copies ("Allocation: Randomized. Intervention model: …"). */
function design(text: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of (text ?? '').matchAll(
    /(Allocation|Intervention model|Primary purpose|Masking)\s*:\s*([^.]+)\./gi,
  )) {
    out[m[1]!.toLowerCase()] = m[2]!.trim();
  }
  return out;
}

/** Map one ICTRP record (field name -> text) to a StudyRecord; `raw` is the record without contact fields. */
export function mapIctrp(rec: Fields, prov: Provenance): StudyRecord {
  const f: Fields = {};
  for (const [k, v] of Object.entries(rec)) f[fieldKey(k)] = v;
  const g = (k: string): string | null => clean(f[k]);
  const source = g('source_register');
  const expected = registryOfIctrpName(source);
  const s = registryStudy(prov, 'TrialID', f.trialid ?? null, expected);
  s.sourceRegister = source;

  const pub = cleanTitle(f.public_title);
  const sci = cleanTitle(f.scientific_title);
  s.briefTitle = pub.text ?? sci.text;
  s.officialTitle = sci.text;
  s.acronym = g('acronym');
  if (pub.cancelled || sci.cancelled) s.whyStopped = 'Cancelled by the investigator';

  s.secondaryIds = secondaryIdsFrom(splitList(f.secondary_id), s.trialId);
  // registration numbers ICTRP shows in the web address of another register (rare) are links too
  for (const id of findRegistrationIds(g('web_address'))) {
    if (id.id !== s.trialId && !s.secondaryIds.some((x) => x.id === id.id))
      s.secondaryIds.push({ id: id.id, type: 'REGISTRY', domain: null, registry: id.registry });
  }
  const bridged = g('bridging_flag_truefalse');
  const btype = g('bridged_type')?.toLowerCase() ?? null;
  if (bridged?.toLowerCase() === 'true')
    s.ictrpBridge = btype === 'parent' || btype === 'child' ? btype : 'bridged';

  s.overallStatus = status(g('recruitment_status'));
  if (pub.cancelled || sci.cancelled) s.overallStatus = 'WITHDRAWN';
  s.firstSubmittedDate = dateField(prov, 'Date_registration', f.date_registration ?? f.date_registration3);
  s.firstPostedDate = s.firstSubmittedDate;
  s.startDate = dateField(prov, 'Date_enrollement', f.date_enrollement ?? f.date_enrolment);
  s.resultsFirstPostedDate = dateField(prov, 'results_date_posted', f.results_date_posted);
  s.hasResults = s.resultsFirstPostedDate !== null || /^yes$/i.test(g('results_yes_no') ?? '');

  const sponsor = g('primary_sponsor');
  s.leadSponsor = sponsor === null ? null : { name: oneLine(sponsor), class: null };
  s.collaborators = splitList(f.secondary_sponsor).map((name) => ({ name, class: null }));

  s.conditions = splitList(f.condition);
  s.studyType = studyType(g('study_type'));
  s.phases = parsePhases(f.phase);
  const d = design(g('study_design'));
  s.allocation = lookup(ALLOCATION, d.allocation ?? null);
  s.interventionModel = lookup(INTERVENTION_MODEL, d['intervention model'] ?? null);
  s.primaryPurpose = lookup(PRIMARY_PURPOSE, d['primary purpose'] ?? null);
  s.masking = lookup(MASKING, d.masking?.replace(/\s*\(.*$/, '') ?? null);
  s.enrollment = { count: parseTargetSize(f.target_size), type: null };
  s.interventions = freeTextInterventions(f.intervention);
  s.primaryOutcomes = outcomesFrom(splitList(f.primary_outcome).map((m) => ({ measure: m })));
  s.secondaryOutcomes = outcomesFrom(splitList(f.secondary_outcome).map((m) => ({ measure: m })));
  s.eligibility = {
    criteria: criteriaText(f.inclusion_criteria ?? null, f.exclusion_criteria ?? null),
    sex: sex(g('inclusion_gender')),
    minimumAge: age(g('inclusion_agemin')),
    maximumAge: age(g('inclusion_agemax')),
    stdAges: [],
    healthyVolunteers: null,
  };
  s.locations = countryLocations(countryList(splitList(f.countries, /;|,(?=\S)/)));
  return { study: validated(s), raw: withoutContacts(rec, isIctrpContact) };
}
