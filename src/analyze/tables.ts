/**
 * Named study tables (the reviews' Tables 1, 4, 7, 8 regenerated): each one is a Filter (data) plus columns.
 * Rows list one study each, sorted by first-posted date then NCT id.
 */
import { LIST_SEPARATOR } from '../model/lists.js';
import type { ClassifiedStudy } from './types.js';
import { applyFilter, compilePreparedFilter, type Filter } from './filter.js';
import type { PreparedStudy } from './prepare.js';
import { phaseKey, studyLink } from './dimensions.js';

export interface StudyTableRow {
  nctId: string;
  title: string;
  phase: string;
  status: string;
  enrollment: number | null;
  source: string;
  route: string;
  donor: string;
  product: string;
  firstPosted: string;
  startDate: string;
  hasResults: boolean;
  conditions: string;
  /** Evidence quotes behind the table's defining label (e.g. the words that made it genetically modified). */
  evidence: string;
  link: string;
}

export interface NamedTableDef {
  id: string;
  title: string;
  /** Which review table it regenerates. */
  regenerates: string;
  filter: Filter;
  /** Evidence label whose quotes go into the "evidence" column. */
  evidenceLabel?: string;
  description: string;
}

export interface NamedTable extends NamedTableDef {
  rows: StudyTableRow[];
}

export const NAMED_TABLES: readonly NamedTableDef[] = [
  {
    id: 'completedTrials',
    title: 'Completed MSC trials, with their posted-results flag',
    regenerates: 'Zhou et al. 2021, Table 1 (representative completed MSC trials)',
    filter: { included: true, status: ['COMPLETED'] },
    description:
      'Included trials with overall status COMPLETED; hasResults = results posted on ClinicalTrials.gov.',
  },
  {
    id: 'geneticallyModifiedTrials',
    title: 'Genetically modified (incl. CRISPR-edited) MSC trials',
    regenerates: 'Zhou et al. 2021, Table 4 (genetically modified MSC therapies)',
    filter: { included: true, modification: ['genetically_modified'] },
    evidenceLabel: 'modifications',
    description: 'Included trials whose MSCs are transfected, transduced or gene-edited.',
  },
  {
    id: 'evSecretomeTrials',
    title: 'MSC-derived EV / exosome / secretome trials',
    regenerates: 'Zhou et al. 2021, Table 7 (MSC-EV trials on ClinicalTrials.gov)',
    filter: { included: true, productForm: ['derived'] },
    evidenceLabel: 'category',
    description:
      'Included trials administering a cell-free MSC product (EVs, exosomes, secretome, conditioned medium, lysate).',
  },
  {
    id: 'covid19Trials',
    title: 'MSC trials for COVID-19',
    regenerates: 'Zhou et al. 2021, Table 8 (MSC trials for COVID-19)',
    filter: { included: true, covid19: true },
    evidenceLabel: 'covid19',
    description: 'Included trials targeting COVID-19 / SARS-CoV-2 (incl. COVID ARDS, long COVID).',
  },
];

export function studyRow(r: ClassifiedStudy, evidenceLabel?: string): StudyTableRow {
  const s = r.study;
  const l = r.labels;
  const quotes =
    evidenceLabel && l
      ? [...new Set(l.evidence.filter((e) => e.label === evidenceLabel).map((e) => e.text))]
      : [];
  return {
    nctId: s.nctId,
    title: s.briefTitle ?? s.officialTitle ?? '',
    phase: phaseKey(s),
    status: s.overallStatus ?? '',
    enrollment: s.enrollment.count,
    source: l ? l.sources.join(LIST_SEPARATOR) : '',
    route: l ? l.routes.join(LIST_SEPARATOR) : '',
    donor: l?.donor ?? '',
    product: l?.product ?? '',
    firstPosted: s.firstPostedDate?.value ?? '',
    startDate: s.startDate?.value ?? '',
    hasResults: s.hasResults,
    conditions: s.conditions.join(LIST_SEPARATOR),
    evidence: quotes.slice(0, 3).join(LIST_SEPARATOR),
    link: studyLink(s.nctId),
  };
}

const byPosted = (a: StudyTableRow, b: StudyTableRow) =>
  a.firstPosted.localeCompare(b.firstPosted) || a.nctId.localeCompare(b.nctId);

/** The named table `def` of the rows; `prepared`: their prepared keys, when the caller has them (aligned). */
export function namedTable(
  rows: ClassifiedStudy[],
  def: NamedTableDef,
  prepared?: readonly PreparedStudy[],
): NamedTable {
  let passing: ClassifiedStudy[];
  if (prepared) {
    const pred = compilePreparedFilter(def.filter);
    passing = prepared.filter(pred).map((p) => p.row);
  } else passing = applyFilter(rows, def.filter);
  return {
    ...def,
    rows: passing.map((r) => studyRow(r, def.evidenceLabel)).sort(byPosted),
  };
}

/** All named tables over the given rows (apply the report filter first); `prepared` as for namedTable. */
export function namedTables(
  rows: ClassifiedStudy[],
  defs: readonly NamedTableDef[] = NAMED_TABLES,
  prepared?: readonly PreparedStudy[],
): NamedTable[] {
  return defs.map((d) => namedTable(rows, d, prepared));
}

/** Column order for CSV/XLSX export. */
export const STUDY_TABLE_COLUMNS: ReadonlyArray<keyof StudyTableRow> = [
  'nctId',
  'title',
  'phase',
  'status',
  'enrollment',
  'source',
  'route',
  'donor',
  'product',
  'firstPosted',
  'startDate',
  'hasResults',
  'conditions',
  'evidence',
  'link',
];
