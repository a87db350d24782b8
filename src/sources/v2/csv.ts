/**
 * API v2 website CSV export (`ctg-studies.csv`): columns "NCT Number","Study Title","Study URL",…; enums are
 * v2 spellings ("RECRUITING", "PHASE1|PHASE2", "DRUG: Name"), dates ISO ("2021-07" / "2021-07-14").
 * Not carried (null/empty here; the raw row keeps everything): date/enrollment types, outcome descriptions and
 * time frames (each outcome cell entry becomes the measure text as written), collaborator classes, location
 * facility/city/state (comma-joined; only the trailing country is unambiguous), MeSH terms, arms.
 */
import type { Provenance, Study } from '../../model/study.js';
import { emptyStudy } from '../../model/study.js';
import { AGENCY_CLASS, OVERALL_STATUS, SEX, STUDY_TYPE, lookup, lookupPhases } from '../../model/vocab.js';
import type { CsvRow } from '../csv-fields.js';
import { ages, applySharedColumns, cellText, design, intervention, pipes } from '../csv-fields.js';
import { count, nctId, validated } from '../map-util.js';

const outcomes = (cell: string | undefined): Study['primaryOutcomes'] =>
  pipes(cell).map((measure) => ({ measure, description: null, timeFrame: null }));

/** The headers this mapper reads (with SHARED_CSV_COLUMNS): a header one typo away from one of them is refused. */
export const V2_CSV_READ = [
  'Acronym',
  'Age',
  'Brief Summary',
  'Collaborators',
  'Conditions',
  'Enrollment',
  'Funder Type',
  'Interventions',
  'NCT Number',
  'Phases',
  'Primary Outcome Measures',
  'Secondary Outcome Measures',
  'Sex',
  'Sponsor',
  'Study Design',
  'Study Results',
  'Study Status',
  'Study Title',
  'Study Type',
] as const;

export function mapV2CsvRow(row: CsvRow, prov: Provenance): Study {
  const s = emptyStudy(nctId(prov, 'NCT Number', row['NCT Number']), prov);
  s.briefTitle = cellText(row['Study Title']);
  s.acronym = cellText(row['Acronym']);
  s.overallStatus = lookup(OVERALL_STATUS, cellText(row['Study Status']));
  s.briefSummary = cellText(row['Brief Summary']);
  const results = cellText(row['Study Results'])?.toLowerCase() ?? null;
  s.hasResults = results === 'yes' || results === 'has results';
  s.conditions = pipes(row['Conditions']);
  s.interventions = pipes(row['Interventions']).map(intervention);
  s.primaryOutcomes = outcomes(row['Primary Outcome Measures']);
  s.secondaryOutcomes = outcomes(row['Secondary Outcome Measures']);

  const sponsor = cellText(row['Sponsor']);
  s.leadSponsor =
    sponsor === null ? null : { name: sponsor, class: lookup(AGENCY_CLASS, cellText(row['Funder Type'])) };
  s.collaborators = pipes(row['Collaborators']).map((name) => ({ name, class: null }));

  s.eligibility = { ...s.eligibility, sex: lookup(SEX, cellText(row['Sex'])), ...ages(row['Age']) };
  s.phases = lookupPhases(pipes(row['Phases']));
  s.enrollment = { count: count(prov, 'Enrollment', row['Enrollment']), type: null };
  s.studyType = lookup(STUDY_TYPE, cellText(row['Study Type']));
  Object.assign(s, design(row['Study Design']));

  applySharedColumns(s, row, prov);
  return validated(s);
}
