/**
 * EU CTIS public-portal `retrieve/{ctNumber}` records (JSON): ctNumber, ctStatus (text), decisionDate,
 * publishDate, and `authorizedApplication.authorizedPartI` (subjects, conditions, sponsors, trial category
 * with the phase code, end points). Fields the record lacks stay null.
 */
import type { StudyRecord } from '../../model/record.js';
import type { Provenance } from '../../model/study.js';
import { arr, isObj, obj, str, validated, type Obj } from '../map-util.js';
import { dateField, outcomesFrom, registryStudy } from './common.js';
import { clean, ctisPhase, status } from './normalize.js';

export const isCtisRecord = (raw: unknown): boolean =>
  isObj(raw) && typeof raw.ctNumber === 'string' && ('ctStatus' in raw || 'authorizedApplication' in raw);

const SPONSOR_TYPE: Record<string, string> = {
  'pharmaceutical company': 'INDUSTRY',
  'hospital/clinic/other health care facility': 'OTHER',
  'educational institution': 'OTHER',
  'laboratory/research/testing facility': 'OTHER',
  'patient organisation/association': 'OTHER',
};

export function mapCtis(raw: unknown, prov: Provenance): StudyRecord {
  const r = obj(prov, '(record)', raw);
  const s = registryStudy(prov, 'ctNumber', str(prov, 'ctNumber', r.ctNumber), 'ctis');
  s.overallStatus = status(str(prov, 'ctStatus', r.ctStatus));
  s.lastUpdatePostedDate = dateField(
    prov,
    'publishDate',
    str(prov, 'publishDate', r.publishDate)?.slice(0, 10),
  );
  const p1 = obj(
    prov,
    'authorizedApplication.authorizedPartI',
    obj(prov, 'authorizedApplication', r.authorizedApplication).authorizedPartI,
  );
  const P = 'authorizedApplication.authorizedPartI';
  const n = p1.rowSubjectCount;
  s.enrollment = { count: typeof n === 'number' && Number.isSafeInteger(n) ? n : null, type: null };
  s.conditions = arr(prov, `${P}.medicalConditions`, p1.medicalConditions)
    .map((c, i) =>
      clean(
        str(
          prov,
          `${P}.medicalConditions.${i}.medicalCondition`,
          obj(prov, `${P}.medicalConditions.${i}`, c).medicalCondition,
        ),
      ),
    )
    .filter((c): c is string => c !== null);
  const sponsors = arr(prov, `${P}.sponsors`, p1.sponsors).map((x, i) => obj(prov, `${P}.sponsors.${i}`, x));
  const org = (o: Obj, i: number): { name: string; class: string | null } | null => {
    const g = obj(prov, `${P}.sponsors.${i}.organisation`, o.organisation);
    const name = clean(str(prov, `${P}.sponsors.${i}.organisation.name`, g.name));
    const type = clean(str(prov, `${P}.sponsors.${i}.organisation.type`, g.type))?.toLowerCase() ?? '';
    return name === null ? null : { name, class: SPONSOR_TYPE[type] ?? null };
  };
  const primary = sponsors.findIndex((o) => o.primary === true);
  s.leadSponsor = primary >= 0 ? org(sponsors[primary]!, primary) : sponsors[0] ? org(sponsors[0], 0) : null;
  s.collaborators = sponsors
    .map((o, i) => (i === primary ? null : org(o, i)))
    .filter((x): x is { name: string; class: string | null } => x !== null);
  const ti = obj(
    prov,
    `${P}.trialDetails.trialInformation`,
    obj(prov, `${P}.trialDetails`, p1.trialDetails).trialInformation,
  );
  const cat = obj(prov, `${P}.trialDetails.trialInformation.trialCategory`, ti.trialCategory);
  const phase = cat.trialPhase;
  s.phases = ctisPhase(typeof phase === 'string' || typeof phase === 'number' ? phase : null);
  s.studyType = 'INTERVENTIONAL';
  const ep = obj(prov, `${P}.trialDetails.trialInformation.endPoint`, ti.endPoint);
  const ends = (k: string): ReturnType<typeof outcomesFrom> =>
    outcomesFrom(
      arr(prov, `${P}.trialDetails.trialInformation.endPoint.${k}`, ep[k]).map((x, i) => ({
        measure: str(
          prov,
          `${P}.trialDetails.trialInformation.endPoint.${k}.${i}.endPoint`,
          obj(prov, k, x).endPoint,
        ),
      })),
    );
  s.primaryOutcomes = ends('primaryEndPoints');
  s.secondaryOutcomes = ends('secondaryEndPoints');
  const title = obj(
    prov,
    `${P}.trialDetails.clinicalTrialIdentifiers`,
    obj(prov, `${P}.trialDetails`, p1.trialDetails).clinicalTrialIdentifiers,
  );
  s.officialTitle = clean(str(prov, 'fullTitle', title.fullTitle));
  s.briefTitle = clean(str(prov, 'publicTitle', title.publicTitle)) ?? s.officialTitle;
  s.acronym = clean(str(prov, 'shortTitle', title.shortTitle));
  return { study: validated(s), raw };
}
