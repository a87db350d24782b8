/**
 * ANZCTR XML, one trial per file: `<ANZCTR_Trial>` (an ANZCTR registration, `actrnumber`) and `<CT.GOV_Trial>`
 * (a ClinicalTrials.gov registration with Australian/New Zealand sites as ANZCTR shows it, `nctid`; its
 * registry is ctgov, its source register ANZCTR). Dates are D/MM/YYYY. The free-text `interventions` field
 * becomes the first intervention (its type from `interventioncode`), the comparator a second one.
 * `contacts` (names, e-mails, phones) are dropped.
 */
import type { StudyRecord } from '../../model/record.js';
import type { Provenance } from '../../model/study.js';
import { ALLOCATION, lookup } from '../../model/vocab.js';
import { validated } from '../map-util.js';
import {
  criteriaText,
  dateField,
  intervention,
  interventionType,
  outcomesFrom,
  registryStudy,
  secondaryIdsFrom,
  withoutContacts,
} from './common.js';
import {
  age,
  clean,
  countryList,
  isNil,
  parsePhases,
  parseTargetSize,
  sex,
  status,
  studyType,
} from './normalize.js';
import { child, children, kids, type XmlNode } from './xml.js';

export const ANZCTR_ROOTS = ['ANZCTR_Trial', 'CT.GOV_Trial'] as const;

const isContact = (k: string): boolean => k === 'contacts' || k === 'contact';

/** ANZCTR's sponsor types -> v2 agency class. */
const SPONSOR_CLASS: Record<string, string> = {
  'commercial sector/industry': 'INDUSTRY',
  'government body': 'OTHER_GOV',
  individual: 'INDIV',
  'other collaborative groups': 'NETWORK',
  university: 'OTHER',
  hospital: 'OTHER',
  'charities/societies/foundations': 'OTHER',
  other: 'OTHER',
};

const ALLOCATION_TEXT: Record<string, string> = {
  'randomised controlled trial': 'RANDOMIZED',
  'non-randomised trial': 'NON_RANDOMIZED',
};

const firstSentence = (t: string): string => {
  const line = t.split('\n')[0]!;
  const m = /^(.{20,200}?[.;])\s/.exec(line);
  return (m ? m[1]! : line.length > 200 ? `${line.slice(0, 200)}…` : line).trim();
};

/** Map one ANZCTR record (the parsed root element) to a StudyRecord. */
export function mapAnzctr(root: string, node: XmlNode, prov: Provenance): StudyRecord {
  const ctgov = root === 'CT.GOV_Trial';
  const idField = ctgov ? 'nctid' : 'actrnumber';
  const s = registryStudy(prov, idField, child(node, idField), ctgov ? 'ctgov' : 'anzctr');
  if (ctgov) s.sourceRegister = 'ANZCTR';

  const ti = kids(node, 'trial_identification')[0];
  s.briefTitle = clean(child(ti, 'studytitle'))?.replace(/\s+/g, ' ') ?? null;
  s.officialTitle = clean(child(ti, 'scientifictitle'))?.replace(/\s+/g, ' ') ?? null;
  const acr = clean(child(ti, 'trialacronym'));
  s.acronym = acr === null || isNil(acr) ? null : acr;
  s.secondaryIds = secondaryIdsFrom([...children(ti, 'secondaryid'), child(ti, 'utrn')], s.trialId);

  const cond = kids(node, 'conditions')[0];
  s.conditions = children(cond, 'healthcondition')
    .map((c) => clean(c))
    .filter((c): c is string => c !== null && !isNil(c));
  s.keywords = [
    ...new Set(
      kids(cond, 'conditioncode').flatMap((c) =>
        [clean(child(c, 'conditioncode2'))].filter((x) => x !== null),
      ),
    ),
  ] as string[];

  const iv = kids(node, 'interventions')[0];
  const ivText = clean(child(iv, 'interventions'));
  const codes = children(iv, 'interventioncode');
  if (ivText !== null && !isNil(ivText))
    s.interventions.push(intervention(firstSentence(ivText), interventionType(codes[0] ?? null), [], ivText));
  const comparator = clean(child(iv, 'comparator'));
  if (comparator !== null && !isNil(comparator))
    s.interventions.push(intervention(firstSentence(comparator), null, [], comparator));

  const oc = kids(node, 'outcomes')[0];
  const outs = (k: string): ReturnType<typeof outcomesFrom> =>
    outcomesFrom(
      kids(oc, k).map((o) => ({ measure: child(o, 'outcome'), timeFrame: child(o, 'timepoint') })),
    );
  s.primaryOutcomes = outs('primaryOutcome');
  s.secondaryOutcomes = outs('secondaryOutcome');

  const el = kids(node, 'eligibility')[0];
  const hv = clean(child(el, 'healthyvolunteer'))?.toLowerCase() ?? null;
  s.eligibility = {
    criteria: criteriaText(child(el, 'inclusivecriteria'), child(el, 'exclusivecriteria')),
    sex: sex(clean(child(el, 'inclusivegender'))),
    minimumAge: age(child(el, 'inclusiveminage'), child(el, 'inclusiveminagetype')),
    maximumAge: age(child(el, 'inclusivemaxage'), child(el, 'inclusivemaxagetype')),
    stdAges: [],
    healthyVolunteers: hv === 'yes' ? true : hv === 'no' ? false : null,
  };

  const de = kids(node, 'trial_design')[0];
  s.studyType = studyType(child(de, 'studytype'));
  s.primaryPurpose = lookup(
    { treatment: 'TREATMENT', prevention: 'PREVENTION', diagnosis: 'DIAGNOSTIC' },
    clean(child(de, 'purpose')),
  );
  const alloc = clean(child(de, 'allocation'));
  s.allocation = alloc === null ? null : (ALLOCATION_TEXT[alloc.toLowerCase()] ?? lookup(ALLOCATION, alloc));
  const masking = clean(child(de, 'masking'));
  s.masking =
    masking === null ? null : /open/i.test(masking) ? 'NONE' : /blind/i.test(masking) ? 'MASKED' : null;
  const assign = clean(child(de, 'assignment'));
  s.interventionModel =
    assign === null
      ? null
      : ((
          {
            parallel: 'PARALLEL',
            'single group': 'SINGLE_GROUP',
            crossover: 'CROSSOVER',
            factorial: 'FACTORIAL',
          } as Record<string, string>
        )[assign.toLowerCase()] ?? null);

  const rc = kids(node, 'recruitment')[0];
  s.phases = parsePhases(child(rc, 'phase'));
  s.overallStatus = status(child(rc, 'recruitmentstatus'));
  s.whyStopped = clean(child(rc, 'withdrawnreasonother')) ?? clean(child(rc, 'withdrawnreason'));
  const actualStart = dateField(prov, 'recruitment.actualstartdate', child(rc, 'actualstartdate'), 'ACTUAL');
  s.startDate =
    actualStart ??
    dateField(prov, 'recruitment.anticipatedstartdate', child(rc, 'anticipatedstartdate'), 'ESTIMATED');
  const actualEnd = dateField(prov, 'recruitment.actualenddate', child(rc, 'actualenddate'), 'ACTUAL');
  s.primaryCompletionDate =
    actualEnd ??
    dateField(prov, 'recruitment.anticipatedenddate', child(rc, 'anticipatedenddate'), 'ESTIMATED');
  const lastVisit = dateField(
    prov,
    'recruitment.actuallastvisitdate',
    child(rc, 'actuallastvisitdate'),
    'ACTUAL',
  );
  s.completionDate =
    lastVisit ??
    dateField(
      prov,
      'recruitment.anticipatedlastvisitdate',
      child(rc, 'anticipatedlastvisitdate'),
      'ESTIMATED',
    );
  const actualSize = parseTargetSize(child(rc, 'actualsamplesize'));
  const size = parseTargetSize(child(rc, 'samplesize'));
  s.enrollment =
    actualSize !== null
      ? { count: actualSize, type: 'ACTUAL' }
      : { count: size, type: size === null ? null : 'ESTIMATED' };
  const home = clean(child(rc, 'recruitmentcountry'));
  const outside = kids(rc, 'countryoutsideaustralia').map((c) => child(c, 'country'));
  const hospitals = children(rc, 'hospital')
    .map((h) => clean(h))
    .filter((h): h is string => h !== null && !isNil(h));
  const homeCountry = countryList([home])[0] ?? null;
  s.locations = hospitals.map((h) => ({
    facility: h,
    city: null,
    state: null,
    country: homeCountry,
    geoPoint: null,
  }));
  for (const c of countryList([hospitals.length === 0 ? home : null, ...outside]))
    s.locations.push({ facility: null, city: null, state: null, country: c, geoPoint: null });

  s.firstSubmittedDate = dateField(prov, 'submitdate', child(node, 'submitdate'));
  s.firstPostedDate = dateField(prov, 'approvaldate', child(node, 'approvaldate'));

  const sp = kids(node, 'sponsorship')[0];
  const lead = clean(child(sp, 'primarysponsorname'));
  const leadType = clean(child(sp, 'primarysponsortype'))?.toLowerCase() ?? '';
  s.leadSponsor =
    lead === null || isNil(lead) ? null : { name: lead, class: SPONSOR_CLASS[leadType] ?? null };
  for (const k of ['secondarysponsor', 'othercollaborator']) {
    for (const o of kids(sp, k)) {
      const name = clean(child(o, 'sponsorname') ?? child(o, 'othercollaboratorname'));
      const type = clean(child(o, 'sponsortype') ?? child(o, 'othercollaboratortype'))?.toLowerCase() ?? '';
      if (name !== null && !isNil(name)) s.collaborators.push({ name, class: SPONSOR_CLASS[type] ?? null });
    }
  }

  const es = kids(node, 'ethicsAndSummary')[0];
  s.briefSummary = clean(child(es, 'summary'));
  return { study: validated(s), raw: withoutContacts({ [root]: node }, isContact) };
}
