/**
 * The queryable columns of the `studies` table, as data: one entry per column with its DuckDB kind and
 * how to read it from a StudyRecord. The staging table, the appender and the final INSERT all follow
 * this list, so adding a column is one entry here plus the DDL (and a migration) in schema.ts.
 */
import type { DuckDBAppender, DuckDBListType } from '@duckdb/node-api';
import { duckdb } from './duckdb.js';
import { InputError } from '../model/errors.js';
import type { StudyRecord } from '../model/record.js';
import type { PartialDate, Study } from '../model/study.js';

export type ColumnKind = 'varchar' | 'varchar[]' | 'integer' | 'boolean';
/**
 * One column value as appended (and as posted between threads); a text may come as its UTF-8 bytes (the raw JSON a
 * reader holds as bytes, see StudyRecord.rawJsonUtf8).
 */
export type ColumnValue = string | Uint8Array | number | boolean | readonly string[] | null;
type Value = ColumnValue;

export interface StudyColumn {
  name: string;
  kind: ColumnKind;
  get: (study: Study, rec: StudyRecord) => Value;
}

const dateValue = (d: PartialDate | null): string | null => d?.value ?? null;
const datePrecision = (d: PartialDate | null): string | null => d?.precision ?? null;

/** Distinct location countries in order of first appearance. */
export function studyCountries(study: Study): string[] {
  const seen = new Set<string>();
  for (const loc of study.locations) if (loc.country) seen.add(loc.country);
  return [...seen];
}

/** The raw record as JSON text: the reader's own text when it supplied one, else serialized here. */
export function rawJsonText(r: StudyRecord): string | null {
  if (typeof r.rawJson === 'string') return r.rawJson.trim();
  if (r.raw === undefined) return null;
  try {
    return JSON.stringify(r.raw);
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    const p = r.study.provenance;
    throw new InputError(
      { file: p.file, record: p.record ?? undefined },
      'record is nested too deeply to store (thousands of levels of lists/objects); no registry record is',
    );
  }
}

/** Columns after (snapshot_id, ingest_seq), in table order; `study_json` and `raw_json` come last. */
export const STUDY_COLUMNS: readonly StudyColumn[] = [
  { name: 'nct_id', kind: 'varchar', get: (s) => s.nctId },
  { name: 'brief_title', kind: 'varchar', get: (s) => s.briefTitle },
  { name: 'overall_status', kind: 'varchar', get: (s) => s.overallStatus },
  { name: 'study_type', kind: 'varchar', get: (s) => s.studyType },
  { name: 'phases', kind: 'varchar[]', get: (s) => s.phases },
  { name: 'start_date', kind: 'varchar', get: (s) => dateValue(s.startDate) },
  { name: 'start_precision', kind: 'varchar', get: (s) => datePrecision(s.startDate) },
  { name: 'first_posted_date', kind: 'varchar', get: (s) => dateValue(s.firstPostedDate) },
  { name: 'first_posted_precision', kind: 'varchar', get: (s) => datePrecision(s.firstPostedDate) },
  { name: 'last_update_date', kind: 'varchar', get: (s) => dateValue(s.lastUpdatePostedDate) },
  { name: 'last_update_precision', kind: 'varchar', get: (s) => datePrecision(s.lastUpdatePostedDate) },
  { name: 'completion_date', kind: 'varchar', get: (s) => dateValue(s.completionDate) },
  { name: 'completion_precision', kind: 'varchar', get: (s) => datePrecision(s.completionDate) },
  { name: 'enrollment', kind: 'integer', get: (s) => s.enrollment.count },
  { name: 'lead_sponsor', kind: 'varchar', get: (s) => s.leadSponsor?.name ?? null },
  { name: 'lead_sponsor_class', kind: 'varchar', get: (s) => s.leadSponsor?.class ?? null },
  { name: 'countries', kind: 'varchar[]', get: (s) => studyCountries(s) },
  { name: 'has_results', kind: 'boolean', get: (s) => s.hasResults },
  { name: 'conditions', kind: 'varchar[]', get: (s) => s.conditions },
  { name: 'source_format', kind: 'varchar', get: (s) => s.provenance.format },
  { name: 'source_file', kind: 'varchar', get: (s) => s.provenance.file },
  { name: 'source_record', kind: 'integer', get: (s) => s.provenance.record },
  { name: 'study_json', kind: 'varchar', get: (s) => JSON.stringify(s) },
  { name: 'raw_json', kind: 'varchar', get: (_s, r) => rawJsonText(r) },
];

/**
 * The Study fields a slim row keeps (the dashboard's and the report's lists, filters and metrics read nothing else);
 * `interventions` are kept as their names and other names, `locations` as their countries.
 */
export const SLIM_STUDY_FIELDS = [
  'nctId',
  'briefTitle',
  'officialTitle',
  'acronym',
  'overallStatus',
  'studyType',
  'phases',
  'leadSponsor',
  'conditions',
  'keywords',
  'startDate',
  'firstPostedDate',
  'firstSubmittedDate',
  'enrollment',
  'hasResults',
  'registry',
] as const;

/**
 * A study's slim JSON as stored in `study_slim` (written at ingest, beside the study): the same values DuckDB derives
 * from the stored study JSON for older snapshots (pipeline/compact.ts): an absent field is null.
 */
export function slimStudyJson(s: Study): string {
  const from = s as unknown as Record<string, unknown>;
  const o: Record<string, unknown> = {};
  for (const f of SLIM_STUDY_FIELDS) o[f] = from[f] ?? null;
  o.iNames = s.interventions.map((i) => i.name);
  o.iOther = s.interventions.map((i) => i.otherNames);
  o.countries = s.locations.map((l) => l.country);
  return JSON.stringify(o);
}

export const SQL_TYPE: Record<ColumnKind, string> = {
  varchar: 'VARCHAR',
  'varchar[]': 'VARCHAR[]',
  integer: 'INTEGER',
  boolean: 'BOOLEAN',
};

let varcharList: DuckDBListType | null = null;
const UTF8 = new TextDecoder();

/** Append one value of the given kind (null-safe). Returns its approximate size in characters. */
export function appendValue(app: DuckDBAppender, kind: ColumnKind, v: Value): number {
  if (v === null || v === undefined) {
    app.appendNull();
    return 1;
  }
  switch (kind) {
    case 'varchar': {
      const t = v instanceof Uint8Array ? UTF8.decode(v) : (v as string);
      app.appendVarchar(t);
      return t.length;
    }
    case 'integer':
      app.appendInteger(v as number);
      return 4;
    case 'boolean':
      app.appendBoolean(v as boolean);
      return 1;
    case 'varchar[]':
      varcharList ??= duckdb().LIST(duckdb().VARCHAR);
      app.appendList(v as readonly string[], varcharList);
      return (v as readonly string[]).reduce((a, x) => a + x.length, 8);
  }
}
