/**
 * Labels per (snapshot, ruleset version). Saving replaces that pair atomically; the latest version is
 * the one saved most recently. Queryable columns plus the full Labels object (with evidence) as JSON.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { MscopeError } from '../model/errors.js';
import type { Labels } from '../model/labels.js';
import { LabelsSchema } from '../model/labels.js';
import { appendValue, type ColumnKind } from './columns.js';

interface LabelColumn {
  name: string;
  kind: ColumnKind;
  get: (l: Labels) => string | boolean | readonly string[] | null;
}

/** `labels` columns after (snapshot_id, ruleset_version), in table order. */
const LABEL_COLUMNS: readonly LabelColumn[] = [
  { name: 'nct_id', kind: 'varchar', get: (l) => l.nctId },
  { name: 'category', kind: 'varchar', get: (l) => l.category },
  { name: 'included', kind: 'boolean', get: (l) => l.included },
  { name: 'screening_reason', kind: 'varchar', get: (l) => l.screeningReason },
  { name: 'sources', kind: 'varchar[]', get: (l) => l.sources },
  { name: 'donor', kind: 'varchar', get: (l) => l.donor },
  { name: 'modifications', kind: 'varchar[]', get: (l) => l.modifications },
  { name: 'biomaterial', kind: 'boolean', get: (l) => l.biomaterial },
  { name: 'routes', kind: 'varchar[]', get: (l) => l.routes },
  { name: 'specialty', kind: 'varchar', get: (l) => l.specialty },
  { name: 'covid19', kind: 'boolean', get: (l) => l.covid19 },
  { name: 'product', kind: 'varchar', get: (l) => l.product },
  { name: 'labels_json', kind: 'varchar', get: (l) => JSON.stringify(l) },
  { name: 'slim_json', kind: 'varchar', get: (l) => slimLabelsJson(l) },
];

/**
 * The labels without their evidence and reason codes, as JSON (what lists and metrics read; pipeline/compact.ts).
 * Like the evidence, the reason codes are read per study from labels_json (the study view, exports).
 */
export function slimLabelsJson(l: Labels): string {
  const { evidence: _evidence, reasons: _reasons, ...rest } = l;
  return JSON.stringify(rest);
}

async function snapshotExists(conn: DuckDBConnection, snapshotId: number): Promise<boolean> {
  const r = await conn.runAndReadAll('SELECT 1 FROM snapshots WHERE id = $1', [snapshotId]);
  return r.getRows().length > 0;
}

/** Flush the labels appender after about this many characters (it otherwise buffers every row). */
const FLUSH_CHARS = 32 << 20;

/** Appends labels while they are made: `append` may be called any number of times, synchronously. */
export type LabelSink = (labels: readonly Labels[]) => void;

function checkLabel(l: Labels, i: number, rulesetVersion: string, seen: Set<string>): void {
  const parsed = LabelsSchema.safeParse(l);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MscopeError(
      `saveLabels: label ${i + 1} (${String(l?.nctId)}): invalid field "${issue?.path.join('.') ?? '?'}": ${issue?.message ?? ''}`,
    );
  }
  if (l.rulesetVersion !== rulesetVersion) {
    throw new MscopeError(
      `saveLabels: label for ${l.nctId} has ruleset version "${l.rulesetVersion}", expected "${rulesetVersion}"`,
    );
  }
  if (seen.has(l.nctId)) throw new MscopeError(`saveLabels: two labels for ${l.nctId}`);
  seen.add(l.nctId);
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
    try {
      await fill((labels) => {
        for (const l of labels) {
          checkLabel(l, n, rulesetVersion, seen);
          n++;
          app.appendInteger(snapshotId);
          app.appendVarchar(rulesetVersion);
          for (const c of LABEL_COLUMNS) pending += appendValue(app, c.kind, c.get(l));
          app.endRow();
          if (pending >= FLUSH_CHARS) {
            app.flushSync();
            pending = 0;
          }
        }
      });
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
