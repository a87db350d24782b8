/**
 * Labels per (snapshot, ruleset version). Saving replaces that pair atomically; the latest version is
 * the one saved most recently. Queryable columns plus the full Labels object (with evidence) as JSON.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { MscopeError } from '../model/errors.js';
import type { Labels } from '../model/labels.js';
import { appendValue } from './columns.js';
import { LABEL_COLUMNS, schemaProblem, type PreparedLabel } from './label-rows.js';

export { prepareLabel, slimLabelsJson, type PreparedLabel } from './label-rows.js';

async function snapshotExists(conn: DuckDBConnection, snapshotId: number): Promise<boolean> {
  const r = await conn.runAndReadAll('SELECT 1 FROM snapshots WHERE id = $1', [snapshotId]);
  return r.getRows().length > 0;
}

/** Flush the labels appender after about this many characters (it otherwise buffers every row). */
const FLUSH_CHARS = 32 << 20;

/**
 * Appends labels while they are made: may be called any number of times, synchronously, with labels or (its
 * `prepared` method) with prepared labels; both are checked and stored the same way.
 */
export type LabelSink = ((labels: readonly Labels[]) => void) & {
  prepared: (rows: readonly PreparedLabel[]) => void;
};

function checkRow(
  nctId: string,
  version: string,
  invalid: string | null,
  i: number,
  rulesetVersion: string,
  seen: Set<string>,
): void {
  if (invalid !== null) throw new MscopeError(`saveLabels: label ${i + 1} (${String(nctId)}): ${invalid}`);
  if (version !== rulesetVersion) {
    throw new MscopeError(
      `saveLabels: label for ${nctId} has ruleset version "${version}", expected "${rulesetVersion}"`,
    );
  }
  if (seen.has(nctId)) throw new MscopeError(`saveLabels: two labels for ${nctId}`);
  seen.add(nctId);
}

function checkLabel(l: Labels, i: number, rulesetVersion: string, seen: Set<string>): void {
  checkRow(l?.nctId, l?.rulesetVersion, schemaProblem(l), i, rulesetVersion, seen);
}

/**
 * Replace the labels of (snapshot, ruleset version) with those `fill` hands to its sink, in ONE transaction
 * committed after `fill` resolves (nothing is saved when it rejects). Labels go to the database as they come, so
 * memory does not hold them (a whole registry's evidence would not fit). Returns how many were saved.
 */
export async function saveLabelStream(
  conn: DuckDBConnection,
  snapshotId: number,
  rulesetVersion: string,
  fill: (sink: LabelSink) => Promise<void>,
): Promise<number> {
  if (!rulesetVersion) throw new MscopeError('saveLabels: ruleset version must not be empty');
  if (!(await snapshotExists(conn, snapshotId)))
    throw new MscopeError(`saveLabels: unknown snapshot ${snapshotId}`);
  const seen = new Set<string>();
  await conn.run('BEGIN TRANSACTION');
  let committed = false;
  try {
    await conn.run('DELETE FROM labels WHERE snapshot_id = $1 AND ruleset_version = $2', [
      snapshotId,
      rulesetVersion,
    ]);
    await conn.run('DELETE FROM label_sets WHERE snapshot_id = $1 AND ruleset_version = $2', [
      snapshotId,
      rulesetVersion,
    ]);
    const app = await conn.createAppender('labels');
    let n = 0;
    let pending = 0;
    const endRow = (): void => {
      app.endRow();
      if (pending >= FLUSH_CHARS) {
        app.flushSync();
        pending = 0;
      }
    };
    const sink: LabelSink = Object.assign(
      (labels: readonly Labels[]): void => {
        for (const l of labels) {
          checkLabel(l, n, rulesetVersion, seen);
          n++;
          app.appendInteger(snapshotId);
          app.appendVarchar(rulesetVersion);
          for (const c of LABEL_COLUMNS) pending += appendValue(app, c.kind, c.get(l));
          endRow();
        }
      },
      {
        prepared: (rows: readonly PreparedLabel[]): void => {
          for (const r of rows) {
            checkRow(r.nctId, r.rulesetVersion, r.invalid, n, rulesetVersion, seen);
            n++;
            app.appendInteger(snapshotId);
            app.appendVarchar(rulesetVersion);
            for (let k = 0; k < LABEL_COLUMNS.length; k++)
              pending += appendValue(app, LABEL_COLUMNS[k]!.kind, r.values[k] ?? null);
            endRow();
          }
        },
      },
    );
    try {
      await fill(sink);
      app.closeSync();
    } catch (err) {
      try {
        app.clear();
        app.closeSync();
      } catch {
        /* the transaction is rolled back below */
      }
      throw err;
    }
    const unknown = (
      await conn.runAndReadAll(
        `SELECT l.nct_id FROM labels l ANTI JOIN (SELECT nct_id FROM studies WHERE snapshot_id = $1) s USING (nct_id)
         WHERE l.snapshot_id = $1 AND l.ruleset_version = $2 ORDER BY 1 LIMIT 5`,
        [snapshotId, rulesetVersion],
      )
    ).getRows();
    if (unknown.length) {
      throw new MscopeError(
        `saveLabels: labels for studies not in snapshot ${snapshotId}: ${unknown.map((r) => String(r[0])).join(', ')}`,
      );
    }
    await conn.run(
      `INSERT INTO label_sets
       SELECT $1, $2, COALESCE((SELECT MAX(saved_seq) FROM label_sets), 0) + 1, $3, $4`,
      [snapshotId, rulesetVersion, new Date().toISOString(), n],
    );
    await conn.run('COMMIT');
    committed = true;
    return n;
  } finally {
    if (!committed) await conn.run('ROLLBACK').catch(() => undefined);
  }
}

export async function saveLabels(
  conn: DuckDBConnection,
  snapshotId: number,
  rulesetVersion: string,
  labels: Labels[],
): Promise<void> {
  if (!rulesetVersion) throw new MscopeError('saveLabels: ruleset version must not be empty');
  if (!(await snapshotExists(conn, snapshotId)))
    throw new MscopeError(`saveLabels: unknown snapshot ${snapshotId}`);
  // every label is checked before anything is written
  const seen = new Set<string>();
  labels.forEach((l, i) => checkLabel(l, i, rulesetVersion, seen));
  await saveLabelStream(conn, snapshotId, rulesetVersion, async (sink) => sink(labels));
}

export async function labelVersions(conn: DuckDBConnection, snapshotId: number): Promise<string[]> {
  const r = await conn.runAndReadAll(
    'SELECT ruleset_version FROM label_sets WHERE snapshot_id = $1 ORDER BY saved_seq',
    [snapshotId],
  );
  return r.getRows().map((row) => String(row[0]));
}

export async function loadLabels(
  conn: DuckDBConnection,
  snapshotId: number,
  rulesetVersion?: string,
): Promise<Map<string, Labels>> {
  let version = rulesetVersion;
  if (version === undefined) {
    const versions = await labelVersions(conn, snapshotId);
    version = versions[versions.length - 1];
    if (version === undefined) return new Map();
  }
  const r = await conn.runAndReadAll(
    'SELECT nct_id, labels_json FROM labels WHERE snapshot_id = $1 AND ruleset_version = $2 ORDER BY nct_id',
    [snapshotId, version],
  );
  const out = new Map<string, Labels>();
  for (const [nct, json] of r.getRows()) out.set(String(nct), JSON.parse(json as string) as Labels);
  return out;
}
