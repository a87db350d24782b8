/**
 * Reviewer decisions in the store (`decisions` table, schema version 2): append-only, one row per decision,
 * independent of snapshots, studies and label sets (no foreign keys: a decision on a trial outlives the
 * snapshots and ruleset versions it was made under). `seq` orders rows as appended; the decision in force for a
 * (trial, field) is the one with the latest `decided_at` (ties: highest seq), so importing an older decision
 * never overrides a newer one.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { MscopeError } from '../model/errors.js';
import {
  DECISION_FIELDS,
  parseDecisionValue,
  valueKey,
  type Decision,
  type DecisionField,
  type DecisionValue,
} from '../model/decisions.js';

export const DECISIONS_DDL = `CREATE TABLE IF NOT EXISTS decisions (
    seq INTEGER NOT NULL,
    nct_id VARCHAR NOT NULL,
    field VARCHAR NOT NULL,
    value_json VARCHAR NOT NULL,
    note VARCHAR,
    reviewer VARCHAR NOT NULL,
    decided_at VARCHAR NOT NULL,
    classifier_json VARCHAR,
    ruleset_version VARCHAR,
    snapshot_id INTEGER
  )`;

/** A decision to append (seq is assigned by the store). */
export type NewDecision = Omit<Decision, 'seq'>;

export interface AddDecisionsResult {
  added: Decision[];
  /** Identical decisions already stored (same trial, field, reviewer, time and value): not added twice. */
  skipped: number;
}

async function hasTable(conn: DuckDBConnection): Promise<boolean> {
  const r = await conn.runAndReadAll(
    `SELECT count(*)::INTEGER FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' AND table_name = 'decisions'`,
  );
  return Number(r.getRows()[0]?.[0] ?? 0) > 0;
}

const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const identity = (d: NewDecision): string =>
  JSON.stringify([d.nctId, d.field, d.reviewer, d.decidedAt, valueKey(d.field, d.value)]);

export async function addDecisions(
  conn: DuckDBConnection,
  decisions: readonly NewDecision[],
): Promise<AddDecisionsResult> {
  decisions.forEach((d, i) => {
    const where = `decision ${i + 1} (${d.nctId} ${d.field})`;
    if (!(DECISION_FIELDS as readonly string[]).includes(d.field))
      throw new MscopeError(`${where}: unknown field`);
    const v = parseDecisionValue(d.field, d.value);
    if (!v.ok) throw new MscopeError(`${where}: ${v.error}`);
    if (!ISO_RE.test(d.decidedAt))
      throw new MscopeError(`${where}: decidedAt "${d.decidedAt}" is not an ISO UTC time`);
  });
  const existing = new Set((await listDecisions(conn)).map(identity));
  await conn.run('BEGIN TRANSACTION');
  let committed = false;
  const added: Decision[] = [];
  let skipped = 0;
  try {
    let seq = Number(
      (await conn.runAndReadAll('SELECT COALESCE(MAX(seq), 0) FROM decisions')).getRows()[0]?.[0] ?? 0,
    );
    for (const d of decisions) {
      const key = identity(d);
      if (existing.has(key)) {
        skipped++;
        continue;
      }
      existing.add(key);
      seq++;
      await conn.run(`INSERT INTO decisions VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, [
        seq,
        d.nctId,
        d.field,
        JSON.stringify(d.value),
        d.note,
        d.reviewer,
        d.decidedAt,
        d.classifierValue === null ? null : JSON.stringify(d.classifierValue),
        d.rulesetVersion,
        d.snapshotId,
      ]);
      added.push({ ...d, seq });
    }
    await conn.run('COMMIT');
    committed = true;
  } finally {
    if (!committed) await conn.run('ROLLBACK').catch(() => undefined);
  }
  return { added, skipped };
}

/** Every stored decision in append order (empty when the database predates the decisions table). */
export async function listDecisions(conn: DuckDBConnection): Promise<Decision[]> {
  if (!(await hasTable(conn))) return [];
  const r = await conn.runAndReadAll(
    `SELECT seq, nct_id, field, value_json, note, reviewer, decided_at, classifier_json, ruleset_version, snapshot_id
     FROM decisions ORDER BY seq`,
  );
  return r.getRows().map((row) => ({
    seq: Number(row[0]),
    nctId: String(row[1]),
    field: String(row[2]) as DecisionField,
    value: JSON.parse(String(row[3])) as DecisionValue,
    note: row[4] === null ? null : String(row[4]),
    reviewer: String(row[5]),
    decidedAt: String(row[6]),
    classifierValue: row[7] === null ? null : (JSON.parse(String(row[7])) as DecisionValue),
    rulesetVersion: row[8] === null ? null : String(row[8]),
    snapshotId: row[9] === null ? null : Number(row[9]),
  }));
}

export const SAMPLES_DDL = `CREATE TABLE IF NOT EXISTS review_samples (
    name VARCHAR NOT NULL,
    created_at VARCHAR NOT NULL,
    seed INTEGER NOT NULL,
    size INTEGER NOT NULL,
    stratify VARCHAR,
    snapshot_id INTEGER NOT NULL,
    population INTEGER NOT NULL,
    nct_ids VARCHAR[] NOT NULL
  )`;

/** A reproducible review sample (`mscope review --sample N --seed S`): which trials, drawn from which snapshot. */
export interface ReviewSample {
  name: string;
  createdAt: string;
  seed: number;
  size: number;
  stratify: string | null;
  snapshotId: number;
  /** Number of studies the sample was drawn from. */
  population: number;
  nctIds: string[];
}

/** Store a sample under its name; a sample of the same name is kept as it was (samples are immutable). */
export async function saveSample(conn: DuckDBConnection, s: ReviewSample): Promise<ReviewSample> {
  const old = (await listSamples(conn)).find((x) => x.name === s.name);
  if (old) return old;
  const list = `[${s.nctIds.map((id) => `'${id.replace(/'/g, "''")}'`).join(', ')}]::VARCHAR[]`;
  await conn.run(`INSERT INTO review_samples VALUES ($1, $2, $3, $4, $5, $6, $7, ${list})`, [
    s.name,
    s.createdAt,
    s.seed,
    s.size,
    s.stratify,
    s.snapshotId,
    s.population,
  ]);
  return s;
}

export async function listSamples(conn: DuckDBConnection): Promise<ReviewSample[]> {
  const r = await conn.runAndReadAll(
    `SELECT count(*)::INTEGER FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' AND table_name = 'review_samples'`,
  );
  if (Number(r.getRows()[0]?.[0] ?? 0) === 0) return [];
  const rows = (
    await conn.runAndReadAll(
      `SELECT name, created_at, seed, size, stratify, snapshot_id, population, nct_ids FROM review_samples ORDER BY created_at, name`,
    )
  ).getRowsJson();
  return rows.map((row) => ({
    name: String(row[0]),
    createdAt: String(row[1]),
    seed: Number(row[2]),
    size: Number(row[3]),
    stratify: row[4] === null ? null : String(row[4]),
    snapshotId: Number(row[5]),
    population: Number(row[6]),
    nctIds: (row[7] as string[]).map(String),
  }));
}
