/**
 * The store's DuckDB schema and its version check. `SCHEMA_VERSION` is written to the `meta` table;
 * opening a database written by a newer mscope is a clear error, an older one is migrated in order
 * by `MIGRATIONS` (version n -> n+1).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { MscopeError } from '../model/errors.js';
import { DECISIONS_DDL, SAMPLES_DDL } from './decisions.js';

export const SCHEMA_VERSION = 2;

/**
 * The oldest schema version a READ-ONLY open accepts without migrating: version 2 only added tables (decisions,
 * review_samples), and readers treat a missing one as empty, so read-only commands keep working on a version 1
 * file until a read-write open migrates it.
 */
export const OLDEST_READABLE_VERSION = 1;

/**
 * Records of a snapshot that failed validation, verbatim with the reason (a fetch finishes without them instead of
 * stopping). Created with the first quarantined record in databases made before it existed (no schema change).
 */
export const QUARANTINE_DDL = `CREATE TABLE IF NOT EXISTS quarantine (
    snapshot_id INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    nct_id VARCHAR,
    reason VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    raw_json VARCHAR
  )`;

/** Tables of schema version 1. `studies` has no declared primary key (DuckDB's ART index slows bulk
 * appends); (snapshot_id, nct_id) is unique by construction: each snapshot is written once, de-duplicated.
 * `ingest_seq` is the record's 1-based position in the snapshot's input (0: carried over from a base). */
/**
 * `study_slim`: per study of a snapshot, the Study fields the analyses read as one small JSON (derived data, written
 * with the snapshot, or derived after it by pipeline/compact.ts). A snapshot without rows here is read the slow way.
 */
const STUDY_SLIM_DDL = `CREATE TABLE IF NOT EXISTS study_slim (
    snapshot_id INTEGER NOT NULL,
    nct_id VARCHAR NOT NULL,
    slim_json VARCHAR NOT NULL
  )`;

export const DDL: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS snapshots (
    id INTEGER PRIMARY KEY,
    label VARCHAR,
    created_at VARCHAR NOT NULL,
    sources VARCHAR[] NOT NULL,
    study_count INTEGER NOT NULL,
    duplicates_dropped INTEGER NOT NULL,
    formats_json VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    base_snapshot_id INTEGER
  )`,
  `CREATE TABLE IF NOT EXISTS studies (
    snapshot_id INTEGER NOT NULL,
    ingest_seq INTEGER NOT NULL,
    nct_id VARCHAR NOT NULL,
    brief_title VARCHAR,
    overall_status VARCHAR,
    study_type VARCHAR,
    phases VARCHAR[],
    start_date VARCHAR,
    start_precision VARCHAR,
    first_posted_date VARCHAR,
    first_posted_precision VARCHAR,
    last_update_date VARCHAR,
    last_update_precision VARCHAR,
    completion_date VARCHAR,
    completion_precision VARCHAR,
    enrollment INTEGER,
    lead_sponsor VARCHAR,
    lead_sponsor_class VARCHAR,
    countries VARCHAR[],
    has_results BOOLEAN,
    conditions VARCHAR[],
    source_format VARCHAR,
    source_file VARCHAR,
    source_record INTEGER,
    study_json VARCHAR NOT NULL,
    raw_json VARCHAR
  )`,
  QUARANTINE_DDL,
  `CREATE TABLE IF NOT EXISTS label_sets (
    snapshot_id INTEGER NOT NULL,
    ruleset_version VARCHAR NOT NULL,
    saved_seq INTEGER NOT NULL,
    saved_at VARCHAR NOT NULL,
    label_count INTEGER NOT NULL,
    PRIMARY KEY (snapshot_id, ruleset_version)
  )`,
  `CREATE TABLE IF NOT EXISTS labels (
    snapshot_id INTEGER NOT NULL,
    ruleset_version VARCHAR NOT NULL,
    nct_id VARCHAR NOT NULL,
    category VARCHAR NOT NULL,
    included BOOLEAN NOT NULL,
    screening_reason VARCHAR,
    sources VARCHAR[],
    donor VARCHAR,
    modifications VARCHAR[],
    biomaterial BOOLEAN,
    routes VARCHAR[],
    specialty VARCHAR,
    covid19 BOOLEAN,
    product VARCHAR,
    labels_json VARCHAR NOT NULL,
    slim_json VARCHAR
  )`,
  DECISIONS_DDL,
  SAMPLES_DDL,
  STUDY_SLIM_DDL,
];

/** Schema upgrades: MIGRATIONS[n] upgrades version n to n+1. */
export const MIGRATIONS: Readonly<Record<number, readonly string[]>> = {
  /** 1 -> 2: reviewer decisions and review samples (new tables; nothing else changes). */
  1: [DECISIONS_DDL, SAMPLES_DDL],
};

/**
 * Derived data added to schema version 1 after its first release (the `study_slim` table, `labels.slim_json`),
 * created when a database is opened read-write and missing. Rows written before have none: readers fall back
 * to computing it (pipeline/compact.ts), so read-only opens of an older file keep working.
 */
export const ADDED_COLUMNS: ReadonlyArray<{ table: string; column: string; type: string }> = [
  { table: 'labels', column: 'slim_json', type: 'VARCHAR' },
];

export async function hasColumn(conn: DuckDBConnection, table: string, column: string): Promise<boolean> {
  const r = await conn.runAndReadAll(
    `SELECT count(*)::INTEGER FROM information_schema.columns
     WHERE table_catalog = current_database() AND table_schema = 'main' AND table_name = $1 AND column_name = $2`,
    [table, column],
  );
  return Number(r.getRows()[0]?.[0] ?? 0) > 0;
}

export async function tableExists(conn: DuckDBConnection, name: string): Promise<boolean> {
  const r = await conn.runAndReadAll(
    `SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_catalog = current_database() AND table_schema = 'main' AND table_name = $1`,
    [name],
  );
  return Number(r.getRows()[0]?.[0] ?? 0) > 0;
}

/** Tables and columns added to version 1 later, each created only when missing (no catalog write otherwise). */
async function addMissing(conn: DuckDBConnection): Promise<void> {
  if (!(await tableExists(conn, 'study_slim'))) await conn.run(STUDY_SLIM_DDL);
  for (const c of ADDED_COLUMNS)
    if (!(await hasColumn(conn, c.table, c.column)))
      await conn.run(`ALTER TABLE ${c.table} ADD COLUMN ${c.column} ${c.type}`);
}

export async function readSchemaVersion(conn: DuckDBConnection): Promise<number | null> {
  if (!(await tableExists(conn, 'meta'))) return null;
  const r = await conn.runAndReadAll(`SELECT value FROM meta WHERE key = 'schema_version'`);
  const v = r.getRows()[0]?.[0];
  if (v === undefined || v === null) return null;
  const n = Number(v);
  return Number.isInteger(n) ? n : null;
}

/**
 * Make sure the database has the current schema: create it when empty, migrate an older one, refuse a
 * newer one (or a DuckDB file that is not an mscope store). `readOnly` databases are only checked.
 */
export async function ensureSchema(conn: DuckDBConnection, path: string, readOnly: boolean): Promise<void> {
  const version = await readSchemaVersion(conn);
  if (version === null) {
    const hasOtherTables = await tableExists(conn, 'studies');
    if (hasOtherTables)
      throw new MscopeError(`${path}: not an mscope database (no schema_version in table meta)`);
    if (readOnly)
      throw new MscopeError(`${path}: empty database (no snapshots yet; run "mscope ingest" first)`);
    await conn.run('BEGIN TRANSACTION');
    try {
      for (const sql of DDL) await conn.run(sql);
      await conn.run(`INSERT INTO meta VALUES ('schema_version', $1)`, [String(SCHEMA_VERSION)]);
      await conn.run('COMMIT');
    } catch (err) {
      await conn.run('ROLLBACK');
      throw err;
    }
    return;
  }
  if (version === SCHEMA_VERSION && !readOnly) await addMissing(conn);
  if (version > SCHEMA_VERSION) {
    throw new MscopeError(
      `${path}: database schema version ${version} is newer than this mscope supports (${SCHEMA_VERSION}); upgrade mscope`,
    );
  }
  if (version < SCHEMA_VERSION) {
    if (readOnly && version >= OLDEST_READABLE_VERSION) return;
    if (readOnly) {
      throw new MscopeError(
        `${path}: database schema version ${version} is older than ${SCHEMA_VERSION}; open it once read-write to migrate`,
      );
    }
    await conn.run('BEGIN TRANSACTION');
    try {
      for (let v = version; v < SCHEMA_VERSION; v++) {
        const steps = MIGRATIONS[v];
        if (!steps) throw new MscopeError(`${path}: no migration from schema version ${v}`);
        for (const sql of steps) await conn.run(sql);
      }
      await conn.run(`UPDATE meta SET value = $1 WHERE key = 'schema_version'`, [String(SCHEMA_VERSION)]);
      await conn.run('COMMIT');
    } catch (err) {
      await conn.run('ROLLBACK');
      throw err;
    }
  }
}
