/**
 * Views for people who open the DuckDB file directly (R, Python, the duckdb shell): the studies with their
 * CURRENT labels (the label set saved last for each snapshot), one row per study, and long tables of the
 * multi-valued fields, so nobody has to know which ruleset version to join on. Created (or replaced) on every
 * read-write open, so older databases get them too; documented with examples in README.md ("The database as an
 * interface"), whose SQL a test runs.
 */
import type { DuckDBConnection } from '@duckdb/node-api';

export const VIEWS: ReadonlyArray<{ name: string; sql: string }> = [
  {
    // the label set saved last (highest saved_seq) per snapshot
    name: 'current_labels',
    sql: `SELECT l.*
      FROM labels l
      JOIN (SELECT snapshot_id, arg_max(ruleset_version, saved_seq) AS ruleset_version
            FROM label_sets GROUP BY snapshot_id) c
        USING (snapshot_id, ruleset_version)`,
  },
  {
    // one row per study and snapshot; label columns are NULL when the snapshot was never classified
    name: 'study_labels',
    sql: `SELECT s.snapshot_id, s.nct_id, s.brief_title, s.overall_status, s.study_type,
        CASE WHEN len(s.phases) = 0 THEN 'NONE' ELSE array_to_string(s.phases, '|') END AS phase,
        s.start_date, s.first_posted_date, s.last_update_date, s.completion_date,
        s.enrollment, s.lead_sponsor, s.lead_sponsor_class, s.has_results,
        s.countries, s.conditions,
        l.ruleset_version, l.category, l.included, l.screening_reason,
        l.sources, l.donor, l.modifications, l.biomaterial, l.routes, l.specialty, l.covid19, l.product,
        TRY_CAST(json_extract(l.labels_json, '$.dose.value') AS DOUBLE) AS dose_value,
        TRY_CAST(json_extract(l.labels_json, '$.dose.valueHigh') AS DOUBLE) AS dose_value_high,
        json_extract_string(l.labels_json, '$.dose.unit') AS dose_unit,
        json_extract_string(l.labels_json, '$.dose.unit') = 'cells/kg' AS dose_per_kg,
        TRY_CAST(json_extract(l.labels_json, '$.dose.administrations') AS INTEGER) AS dose_administrations,
        TRY_CAST(json_extract(l.labels_json, '$.dose.intervalDays') AS INTEGER) AS dose_interval_days
      FROM studies s
      LEFT JOIN current_labels l USING (snapshot_id, nct_id)`,
  },
  {
    // study_labels of the newest snapshot that has labels
    name: 'latest_study_labels',
    sql: `SELECT * FROM study_labels
      WHERE snapshot_id = (SELECT max(snapshot_id) FROM label_sets)`,
  },
  {
    name: 'study_sources',
    sql: `SELECT snapshot_id, nct_id, included, unnest(sources) AS source FROM current_labels`,
  },
  {
    name: 'study_routes',
    sql: `SELECT snapshot_id, nct_id, included, unnest(routes) AS route FROM current_labels`,
  },
  {
    name: 'study_modifications',
    sql: `SELECT snapshot_id, nct_id, included, unnest(modifications) AS modification FROM current_labels`,
  },
  {
    name: 'study_countries',
    sql: `SELECT s.snapshot_id, s.nct_id, l.included, unnest(s.countries) AS country
      FROM studies s LEFT JOIN current_labels l USING (snapshot_id, nct_id)`,
  },
];

/** Bump when a view changes: databases with another `meta.views_version` get the views (re)created. */
export const VIEWS_VERSION = '1';

/**
 * Create or replace every view when the database's `meta.views_version` differs from VIEWS_VERSION (read-write
 * opens only; one transaction). Returns whether anything was written.
 */
export async function ensureViews(conn: DuckDBConnection): Promise<boolean> {
  const r = await conn.runAndReadAll(`SELECT value FROM meta WHERE key = 'views_version'`);
  if (String(r.getRows()[0]?.[0] ?? '') === VIEWS_VERSION) return false;
  await conn.run('BEGIN TRANSACTION');
  try {
    for (const v of VIEWS) await conn.run(`CREATE OR REPLACE VIEW ${v.name} AS ${v.sql}`);
    await conn.run(`INSERT OR REPLACE INTO meta VALUES ('views_version', $1)`, [VIEWS_VERSION]);
    await conn.run('COMMIT');
  } catch (err) {
    await conn.run('ROLLBACK');
    throw err;
  }
  return true;
}
