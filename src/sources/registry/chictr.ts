/**
 * ChiCTR's own per-trial XML ("download XML"): `<trials><Triall><main>…</main>…</Triall></trials>` (the
 * spelling "Triall" is the registry's). `target_size` like "2019 Y:2418;2020 Y:821;" is summed; the free-text
 * intervention field `i_freetext` is mapped like ICTRP's. Contacts and ethics-committee contacts are dropped.
 */
import type { StudyRecord } from '../../model/record.js';
import type { Provenance } from '../../model/study.js';
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
  isNil,
  parsePhases,
  parseTargetSize,
  sex,
  splitList,
  status,
  studyType,
} from './normalize.js';
import { child, children, kids, type XmlNode } from './xml.js';

const isContact = (k: string): boolean => k === 'contacts' || /^contact_/.test(k);

/** Map one `<Triall>` element to a StudyRecord. */
export function mapChictr(node: XmlNode, prov: Provenance): StudyRecord {
  const main = kids(node, 'main')[0];
  const s = registryStudy(prov, 'main.trial_id', child(main, 'trial_id'), 'chictr');
  const pub = cleanTitle(child(main, 'public_title'));
  const sci = cleanTitle(child(main, 'scientific_title'));
  s.briefTitle = pub.text ?? sci.text;
  s.officialTitle = sci.text;
  const acr = clean(child(main, 'acronym')) ?? clean(child(main, 'Scientific_acronym'));
  s.acronym = acr !== null && !isNil(acr) ? acr : null;
  s.overallStatus = pub.cancelled || sci.cancelled ? 'WITHDRAWN' : status(child(main, 'recruitment_status'));
  if (pub.cancelled || sci.cancelled) s.whyStopped = 'Cancelled by the investigator';
  s.firstSubmittedDate = dateField(prov, 'main.date_registration', child(main, 'date_registration'));
  s.firstPostedDate = s.firstSubmittedDate;
  s.startDate = dateField(prov, 'main.date_enrolment', child(main, 'date_enrolment'));
  const sponsor = clean(child(main, 'primary_sponsor'));
  s.leadSponsor = sponsor === null ? null : { name: sponsor, class: null };
  s.collaborators = kids(node, 'secondary_sponsor')
    .flatMap((x) => children(x, 'sponsor_name'))
    .map((n) => clean(n))
    .filter((n): n is string => n !== null && !isNil(n))
    .map((name) => ({ name, class: null }));
  s.studyType = studyType(child(main, 'study_type'));
  s.phases = parsePhases(child(main, 'phase'));
  s.enrollment = { count: parseTargetSize(child(main, 'target_size')), type: null };
  s.conditions = splitList(child(main, 'hc_freetext'));
  s.keywords = kids(node, 'health_condition_keyword').flatMap((x) => splitList(child(x, 'hc_keyword')));
  s.interventions = freeTextInterventions(child(main, 'i_freetext'));
  s.primaryOutcomes = outcomesFrom(
    kids(node, 'primary_outcome')
      .flatMap((x) => children(x, 'prim_outcome').flatMap((t) => splitList(t)))
      .map((m) => ({ measure: m })),
  );
  s.secondaryOutcomes = outcomesFrom(
    kids(node, 'secondary_outcome')
      .flatMap((x) => children(x, 'sec_outcome').flatMap((t) => splitList(t)))
      .map((m) => ({ measure: m })),
  );
  const crit = kids(node, 'criteria')[0];
  s.eligibility = {
    criteria: criteriaText(child(crit, 'inclusion_criteria'), child(crit, 'exclusion_criteria')),
    sex: sex(clean(child(crit, 'gender'))),
    minimumAge: age(child(crit, 'agemin')),
    maximumAge: age(child(crit, 'agemax')),
    stdAges: [],
    healthyVolunteers: null,
  };
  s.locations = countryLocations(
    countryList(kids(node, 'countries').flatMap((x) => children(x, 'country2'))),
  );
  s.secondaryIds = secondaryIdsFrom(
    [
      ...kids(node, 'secondary_ids').flatMap((x) => kids(x, 'secondary_id').map((y) => child(y, 'sec_id'))),
      child(main, 'utrn'),
      child(main, 'UTRN'),
    ],
    s.trialId,
  );
  const ethics = withoutContacts(kids(node, 'ethics_reviews'), isContact);
  const raw = withoutContacts({ ...(node as Record<string, unknown>), ethics_reviews: ethics }, isContact);
  return { study: validated(s), raw: { Triall: raw } };
}
