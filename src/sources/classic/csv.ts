/**
 * Classic website CSV export (clinicaltrials.gov "Download" before 2023): one row per study, columns
 * "Rank","NCT Number","Title",…,"URL". What it cannot carry (so stays null/empty here, the raw row keeps it):
 * date/enrollment types, outcome descriptions and which outcome is primary (all measures share one column, so
 * none is assigned), per-organisation classes beyond the lead (only the coarse "Funded Bys" list), location
 * facility/city/state (comma-joined with commas inside names; only the country is unambiguous), MeSH terms,
 * arms, descriptions, eligibility criteria.
 */
import type { Provenance, Study } from '../../model/study.js';
import { emptyStudy } from '../../model/study.js';
import { AGENCY_CLASS, OVERALL_STATUS, SEX, STUDY_TYPE, lookup, lookupPhases } from '../../model/vocab.js';
import type { CsvRow } from '../csv-fields.js';
import { ages, applySharedColumns, cellText, design, intervention, pipes } from '../csv-fields.js';
import { count, nctId, validated } from '../map-util.js';

/** The headers this mapper reads (with SHARED_CSV_COLUMNS): a header one typo away from one of them is refused. */
export const CLASSIC_CSV_READ = [
  'Acronym',
  'Age',
  'Conditions',
  'Enrollment',
  'Funded Bys',
  'Gender',
  'Interventions',
  'NCT Number',
  'Phases',
  'Sponsor/Collaborators',
  'Status',
  'Study Designs',
  'Study Results',
  'Study Type',
  'Title',
] as const;

export function mapClassicCsvRow(row: CsvRow, prov: Provenance): Study {
  const s = emptyStudy(nctId(prov, 'NCT Number', row['NCT Number']), prov);
  s.briefTitle = cellText(row['Title']);
  s.acronym = cellText(row['Acronym']);
  s.overallStatus = lookup(OVERALL_STATUS, cellText(row['Status']));
  const results = cellText(row['Study Results']);
  s.hasResults = results !== null && results.toLowerCase() === 'has results';
  s.conditions = pipes(row['Conditions']);
  s.interventions = pipes(row['Interventions']).map(intervention);

  const sponsors = pipes(row['Sponsor/Collaborators']);
  const funders = pipes(row['Funded Bys']);
  // "Funded Bys" lists the lead sponsor's (coarse) class first, then the collaborators' distinct classes.
  if (sponsors[0] !== undefined)
    s.leadSponsor = { name: sponsors[0], class: lookup(AGENCY_CLASS, funders[0] ?? null) };
  s.collaborators = sponsors.slice(1).map((name) => ({ name, class: null }));

  s.eligibility = { ...s.eligibility, sex: lookup(SEX, cellText(row['Gender'])), ...ages(row['Age']) };
  s.phases = lookupPhases(pipes(row['Phases']));
  s.enrollment = { count: count(prov, 'Enrollment', row['Enrollment']), type: null };
  const st = cellText(row['Study Type']);
  // "Expanded Access:Individual Patients|…" -> the study type is the part before ":".
  s.studyType = st === null ? null : lookup(STUDY_TYPE, st.split(':')[0]!);
  Object.assign(s, design(row['Study Designs']));

  applySharedColumns(s, row, prov);
  return validated(s);
}
