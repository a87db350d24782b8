/**
 * "Published vs this snapshot": which published number (a dotted path into ../shared/reference/published-figures.json,
 * read at run time) is set beside which number of the report (a selector into Metrics), and the one-line reason
 * where the definitions differ. Data only; compare.ts evaluates it.
 */
import type { MetricId } from '../../analyze/metrics.js';

/** Where our number comes from. */
export type OurSelector =
  /** A dotted path into Metrics.summary, e.g. "participants.total". */
  | { summary: string }
  /** Sum of `field` over rows of a metric table whose keys match `where` (dimension -> value or "from..to" range). */
  | { table: MetricId; where: Record<string, string>; field?: 'count' | 'value' }
  /** Number of rows of a named table (analyze/tables.ts) whose columns equal `where`. */
  | { namedTable: string; where?: Record<string, string> }
  /**
   * Number of counted trials whose text matches `pattern` (case-insensitive): `conditions` = conditions, keywords
   * and titles; `modificationEvidence` = the quotes behind the genetically-modified label.
   */
  | { matching: string; in: 'conditions' | 'modificationEvidence' };

export interface ComparisonDef {
  review: 'jovic2022' | 'zhou2021';
  /** Human label of the row. */
  label: string;
  /** Dotted path into the review's object in published-figures.json. */
  published: string;
  ours: OurSelector;
  /** Why the two numbers are not expected to agree exactly (definition, query, date semantics, status drift). */
  reason: string;
}

const QUERY_J =
  'Jovic searched "mesenchymal stem cells"; this snapshot is every record the classifier includes (wider search, explicit exclusions)';
const STATUS_DRIFT = 'status drift: statuses are as of the snapshot, not as of the review date';
const YEAR_J = 'date semantics: the paper does not say which date it binned; here year first posted';
const J = 'jovic2022' as const;
const Z = 'zhou2021' as const;

const phase = (pub: string, key: string, extra = ''): ComparisonDef => ({
  review: J,
  label: `Phase: ${key.replace('|', '/')}`,
  published: `phases.${pub}`,
  ours: { table: 'phases', where: { phase: key } },
  reason: `registry phase as registered${extra}`,
});
const status = (pub: string, key: string): ComparisonDef => ({
  review: J,
  label: `Status: ${key}`,
  published: `statuses.${pub}`,
  ours: { table: 'statuses', where: { status: key } },
  reason: STATUS_DRIFT,
});
const country = (name: string): ComparisonDef[] => [
  {
    review: J,
    label: `Participants: ${name} (full count)`,
    published: `participants.${name}`,
    ours: { table: 'participantsByCountryFull', where: { country: name }, field: 'value' },
    reason:
      'each country of a multi-country trial gets the whole enrollment; anticipated enrollment changes after the review',
  },
  {
    review: J,
    label: `Participants: ${name} (split evenly)`,
    published: `participants.${name}`,
    ours: { table: 'participantsByCountrySplit', where: { country: name }, field: 'value' },
    reason: "enrollment split evenly across a trial's countries (the paper does not state its rule)",
  },
];
const obs = (name: string): ComparisonDef => ({
  review: J,
  label: `Observational studies: ${name}`,
  published: `observational_by_country.${name}`,
  ours: { table: 'observationalByCountry', where: { country: name } },
  reason: 'registry study type "Observational"; multi-country studies count in each country',
});
const specialty = (pub: string, key: string, extra = ''): ComparisonDef => ({
  review: J,
  label: `Specialty: ${pub}`,
  published: `specialties.${pub}`,
  ours: { table: 'specialties', where: { specialty: key } },
  reason: `one principal specialty per trial by the gold guideline${extra}`,
});

export const COMPARISONS: readonly ComparisonDef[] = [
  {
    review: J,
    label: 'Total trials',
    published: 'total_trials',
    ours: { summary: 'counted' },
    reason: QUERY_J,
  },
  {
    review: J,
    label: 'Registered 1995–2005',
    published: 'registered_by_period.1995-2005',
    ours: { table: 'trialsPerFirstPostedYear', where: { year: '1995..2005' } },
    reason: YEAR_J,
  },
  {
    review: J,
    label: 'Registered 2006–2015',
    published: 'registered_by_period.2006-2015',
    ours: { table: 'trialsPerFirstPostedYear', where: { year: '2006..2015' } },
    reason: YEAR_J,
  },
  {
    review: J,
    label: 'Registered 2016–2022',
    published: 'registered_by_period.2016-2022',
    ours: { table: 'trialsPerFirstPostedYear', where: { year: '2016..2022' } },
    reason: YEAR_J,
  },
  {
    review: J,
    label: 'Starting in 2021',
    published: 'registered_by_period.starting_in_2021',
    ours: { table: 'trialsPerStartYear', where: { year: '2021' } },
    reason: 'start date (actual or anticipated); anticipated starts move after the review',
  },
  {
    review: J,
    label: 'Starting in 2022',
    published: 'registered_by_period.starting_in_2022',
    ours: { table: 'trialsPerStartYear', where: { year: '2022' } },
    reason: 'start date (actual or anticipated); anticipated starts move after the review',
  },
  {
    review: J,
    label: 'COVID-19 trials',
    published: 'covid19_trials',
    ours: { summary: 'covid19' },
    reason: 'classifier label covid19 (incl. COVID ARDS, long COVID)',
  },
  phase('EARLY_PHASE1', 'EARLY_PHASE1'),
  phase('PHASE1', 'PHASE1'),
  phase('PHASE1_PHASE2', 'PHASE1|PHASE2'),
  phase('PHASE2', 'PHASE2'),
  phase('PHASE2_PHASE3', 'PHASE2|PHASE3', '; published figure probably a misprint (see note)'),
  phase('PHASE3', 'PHASE3'),
  phase('PHASE4', 'PHASE4'),
  status('COMPLETED', 'COMPLETED'),
  status('UNKNOWN', 'UNKNOWN'),
  status('RECRUITING', 'RECRUITING'),
  status('TERMINATED', 'TERMINATED'),
  status('SUSPENDED', 'SUSPENDED'),
  {
    review: J,
    label: 'Participants: total',
    published: 'participants.total',
    ours: { summary: 'participants.total' },
    reason: 'sum of registered (actual or anticipated) enrollment, each trial once',
  },
  ...country('China'),
  ...country('United States'),
  ...country('Korea, Republic of'),
  ...country('Spain'),
  ...[
    'United States',
    'Korea, Republic of',
    'China',
    'Italy',
    'Germany',
    'Belarus',
    'Canada',
    'Colombia',
    'Egypt',
    'France',
    'Spain',
    'Turkey',
    'Thailand',
  ].map(obs),
  specialty('musculoskeletal', 'musculoskeletal'),
  specialty('neurology', 'neurology'),
  specialty('pneumology', 'pneumology', ' (COVID-19 counts as pneumology)'),
  specialty('uncategorized', 'other', '; the paper\'s "uncategorized" set beside our "other"'),
  {
    review: J,
    label: 'Neurology: multiple sclerosis trials',
    published: 'neurology_detail.multiple_sclerosis',
    ours: { matching: '\\bmultiple sclerosis\\b', in: 'conditions' },
    reason: 'included trials naming multiple sclerosis in their conditions, keywords or titles',
  },
  {
    review: J,
    label: "Neurology: Parkinson's disease trials",
    published: 'neurology_detail.parkinson',
    ours: { matching: '\\bparkinson', in: 'conditions' },
    reason: "included trials naming Parkinson's disease in their conditions, keywords or titles",
  },
  {
    review: Z,
    label: 'Completed trials',
    published: 'completed_trials',
    ours: { summary: 'completed' },
    reason: `${STATUS_DRIFT}; Zhou's search is not stated`,
  },
  {
    review: Z,
    label: 'MSC-EV trials registered',
    published: 'ev_trials_registered',
    ours: { summary: 'evSecretome' },
    reason: 'here all cell-free MSC products (EVs, exosomes, secretome, conditioned medium, lysate)',
  },
  {
    review: Z,
    label: 'MSC-EV trials completed',
    published: 'ev_trials_completed',
    ours: { namedTable: 'evSecretomeTrials', where: { status: 'COMPLETED' } },
    reason: `${STATUS_DRIFT}; here all cell-free MSC products`,
  },
  {
    review: Z,
    label: 'CRISPR-modified MSC trials',
    published: 'crispr_modified_msc_trials.count',
    ours: { matching: '\\bcrispr|\\bcas9\\b|gene[- ]edit', in: 'modificationEvidence' },
    reason:
      'included trials whose genetic-modification evidence names CRISPR/Cas9 or gene editing (the review names NCT03855631; see the named trials below)',
  },
  {
    review: Z,
    label: 'Genetically modified MSC trials (any method)',
    published: 'genetically_modified_trials',
    ours: { summary: 'geneticallyModified' },
    reason:
      'its Table 4 lists representative genetically modified MSC therapies without a total; here every genetic modification (transfection, transduction, editing)',
  },
  {
    review: Z,
    label: 'COVID-19 MSC trials',
    published: 'covid19_trials',
    ours: { summary: 'covid19' },
    reason:
      'the review lists representative COVID-19 trials (Table 8) without a total; classifier label covid19 here',
  },
];
