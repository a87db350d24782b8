/**
 * Pipeline step for the dashboard server: a snapshot's studies as SLIM rows, built by DuckDB from the stored
 * JSON without ever parsing a full study or its label evidence in JavaScript. A slim row carries exactly the
 * Study and Labels fields that the analyses read (dimensions, filter, metrics, search text, list rows: see
 * SLIM_STUDY_FIELDS in store/columns.ts, stored at ingest in `slim_json`); everything else (descriptions, eligibility, outcomes, arms, references, evidence …) stays in
 * the database and is read per study when the study view asks for it (`loadStudyDetail`).
 *
 * At 50,655 studies this is ~10x less memory than full objects and loads several times faster; the rows give
 * exactly the same metrics, lists and exports (tests/server/compact.test.ts compares every body).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { reviewPriority, type Priority } from '../analyze/queue.js';
import { applyDecisions } from '../analyze/review.js';
import type { ClassifiedStudy } from '../analyze/types.js';
import type { Labels } from '../model/labels.js';
import type { Study } from '../model/study.js';
import type { SnapshotInfo, Store } from '../store/index.js';
import { hasColumn, tableExists } from '../store/schema.js';
import { SLIM_STUDY_FIELDS } from '../store/columns.js';
import { parseRegistrationId } from '../model/registries.js';
import { loadClassifiedRows, staleLabelsNote, storedLabelVersion, type LoadedSnapshot } from './load.js';
import { classifier } from './classify.js';
import { throttled, type OnProgress } from './progress.js';

export { SLIM_STUDY_FIELDS };

/**
 * Slim study JSON computed from study_json (rows written before the slim_json column existed). One multi-path
 * json_extract parses each study once (one call per path would parse it once per path, and hold every parse).
 */
const PATHS = [...SLIM_STUDY_FIELDS.map((f) => `'$.${f}'`), `'$.interventions'`, `'$.locations'`];
const SLIM_STUDY_SQL = `(SELECT json_object(${SLIM_STUDY_FIELDS.map((f, i) => `'${f}', x[${i + 1}]`).join(', ')},
    'iNames', json_extract(x[${SLIM_STUDY_FIELDS.length + 1}], '$[*].name'),
    'iOther', json_extract(x[${SLIM_STUDY_FIELDS.length + 1}], '$[*].otherNames'),
    'countries', json_extract(x[${SLIM_STUDY_FIELDS.length + 2}], '$[*].country'))
  FROM (SELECT json_extract(study_json, [${PATHS.join(', ')}]) AS x))`;
const SLIM_LABELS_SQL = `json_merge_patch(labels_json, '{"evidence":null}')`;

const SLIM_LABELS_SQL_EXPR = SLIM_LABELS_SQL;

/** One slim JSON per study and per label (stored, or computed when a snapshot has none stored). */
function slimSql(studiesSlim: boolean, labelsSlim: boolean): string {
  const study = studiesSlim
    ? `(SELECT nct_id, slim_json AS study FROM study_slim WHERE snapshot_id = $1)`
    : `(SELECT nct_id, ${SLIM_STUDY_SQL} AS study FROM studies WHERE snapshot_id = $1)`;
  const labels = labelsSlim
    ? `CASE WHEN slim_json IS NULL THEN ${SLIM_LABELS_SQL_EXPR} ELSE slim_json END`
    : SLIM_LABELS_SQL_EXPR;
  return `
  SELECT s.nct_id, s.study, l.labels
  FROM ${study} s
  LEFT JOIN (SELECT nct_id, ${labels} AS labels FROM labels WHERE snapshot_id = $1 AND ruleset_version = $2) l
    USING (nct_id)`;
}

/** Studies per INSERT of writeSlimRows (DuckDB holds each batch's parsed JSON: a whole snapshot would not fit). */
const SLIM_BATCH = 1024;

async function slimCount(conn: DuckDBConnection, snapshotId: number): Promise<number> {
  if (!(await tableExists(conn, 'study_slim'))) return -1;
  const r = await conn.runAndReadAll('SELECT count(*)::INTEGER FROM study_slim WHERE snapshot_id = $1', [
    snapshotId,
  ]);
  return Number(r.getRows()[0]?.[0] ?? 0);
}

/**
 * Complete the slim rows of a snapshot. A new snapshot normally has them already (written in its own transaction,
 * store/snapshots.ts); when duplicates were dropped or a base merged, and for snapshots of an older mscope, DuckDB
 * derives them here after COMMIT, one batch of rowids per statement (each study parsed once, none in JavaScript). A snapshot whose slim
 * rows are incomplete (an older mscope, an interruption, a failure here) is read the slow way, and completed by
 * the next call. Returns false when it failed (the snapshot itself is committed and complete either way).
 */
export async function writeSlimRows(store: Store, snapshotId: number): Promise<boolean> {
  const conn = store.connection();
  const info = await store.getSnapshot(snapshotId);
  const have = await slimCount(conn, snapshotId);
  if (have < 0) return false;
  if (have === info.studyCount) return true;
  try {
    if (have > 0) await conn.run('DELETE FROM study_slim WHERE snapshot_id = $1', [snapshotId]);
    const rowids = (
      await conn.runAndReadAll('SELECT rowid FROM studies WHERE snapshot_id = $1 ORDER BY rowid', [
        snapshotId,
      ])
    )
      .getRows()
      .map((r) => Number(r[0]));
    for (let i = 0; i < rowids.length; i += SLIM_BATCH) {
      const lo = rowids[i]!;
      const hi = rowids[Math.min(i + SLIM_BATCH, rowids.length) - 1]!;
      await conn.run(
        `INSERT INTO study_slim SELECT snapshot_id, nct_id, ${SLIM_STUDY_SQL} FROM studies
         WHERE snapshot_id = $1 AND rowid BETWEEN $2 AND $3`,
        [snapshotId, lo, hi],
      );
    }
    return true;
  } catch {
    return false;
  }
}

interface SlimJson extends Record<string, unknown> {
  iNames: string[] | null;
  iOther: string[][] | null;
  countries: Array<string | null> | null;
}

function slimStudy(json: string): Study {
  const o = JSON.parse(json) as SlimJson;
  const names = o.iNames ?? [];
  const other = o.iOther ?? [];
  const countries = o.countries ?? [];
  const s: Record<string, unknown> = {};
  for (const f of SLIM_STUDY_FIELDS) s[f] = o[f];
  // slim rows stored before they kept the registry: it follows from the registration number
  s.registry ??= parseRegistrationId(String(o.nctId))?.registry ?? 'ctgov';
  s.interventions = names.map((name, i) => ({ name, otherNames: other[i] ?? [] }));
  s.locations = countries.map((country) => ({ country }));
  return s as unknown as Study;
}

function slimLabels(json: string | null): Labels | null {
  if (json === null) return null;
  const l = JSON.parse(json) as Labels;
  l.evidence = [];
  return l;
}

export interface CompactSnapshot {
  info: SnapshotInfo;
  /** Slim rows in NCT order. */
  rows: ClassifiedStudy[];
  /** The labels of the current ruleset version when saved, else those saved last, or null when it has none. */
  rulesetVersion: string | null;
  /** One line when the labels were made by another ruleset version than the running classifier's. */
  labelsNote?: string;
}

/** Stream a query's rows chunk by chunk (DuckDB never materializes the whole result). */
async function* streamRows(conn: DuckDBConnection, sql: string, values: Array<string | number>) {
  const result = await conn.stream(sql, values);
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) return;
    yield chunk.getRows();
  }
}

/**
 * The snapshot's studies as slim rows with stored labels (no classification): the current ruleset version's when
 * saved, else those saved last with a one-line `labelsNote`; reviewer decisions applied (analyze/review.ts).
 */
export async function loadCompactRows(
  store: Store,
  ref?: string | number,
  opts: {
    onProgress?: OnProgress;
    /** Called with the rows (classifier labels, NCT order) before the reviewers' decisions are applied. */
    beforeDecisions?: (
      rows: ClassifiedStudy[],
      snapshotId: number,
      rulesetVersion: string | null,
    ) => Promise<void>;
  } = {},
): Promise<CompactSnapshot> {
  const info = await store.getSnapshot(ref);
  const { rulesetVersion, current } = await storedLabelVersion(store, info.id);
  const progress = throttled(opts.onProgress, 'load', info.studyCount, 1000);
  const conn = store.connection();
  const ids: string[] = [];
  const rows: ClassifiedStudy[] = [];
  const complete = (await slimCount(conn, info.id)) === info.studyCount;
  const sql = slimSql(complete, await hasColumn(conn, 'labels', 'slim_json'));
  for await (const chunk of streamRows(conn, sql, [info.id, rulesetVersion ?? ''])) {
    for (const [nct, study, labels] of chunk) {
      ids.push(String(nct));
      rows.push({
        study: slimStudy(String(study)),
        labels: slimLabels(labels === null ? null : String(labels)),
      });
    }
    progress.tick(rows.length);
  }
  // NCT order, as iterStudies gives it (ids are ASCII: code-unit order = DuckDB's VARCHAR order)
  const order = Array.from(rows.keys()).sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
  const sorted = order.map((i) => rows[i]!);
  progress.flush(sorted.length);
  await opts.beforeDecisions?.(sorted, info.id, rulesetVersion);
  const effective = applyDecisions(sorted, await store.listDecisions());
  if (rulesetVersion === null || rulesetVersion === current) return { info, rows: effective, rulesetVersion };
  return {
    info,
    rows: effective,
    rulesetVersion,
    labelsNote: staleLabelsNote(info.id, rulesetVersion, current),
  };
}

/** The labels whose evidence quotes the report shows (named tables' evidence columns, comparisons' text counts). */
export const REPORT_EVIDENCE_LABELS = ['modifications', 'category', 'covid19'] as const;

/**
 * Whether the report can quote evidence `e` of a study with these labels: the named tables quote the modification
 * evidence of genetically modified trials, the category evidence of cell-free (msc_derived) trials and the COVID-19
 * evidence of COVID-19 trials (analyze/tables.ts); the comparisons read genetic-modification evidence (compare.ts).
 * A registry-wide report keeps no other evidence in memory.
 */
function quoted(l: Labels, e: Labels['evidence'][number]): boolean {
  if (e.label === 'modifications')
    return l.modifications.includes('genetically_modified') || e.value === 'genetically_modified';
  if (e.label === 'category') return l.category === 'msc_derived';
  if (e.label === 'covid19') return l.covid19 === true;
  return true;
}

/**
 * Give `rows` (slim, in place) the evidence of REPORT_EVIDENCE_LABELS, read by DuckDB from the stored labels; only
 * for the included studies and those a reviewer decided (the only ones the report quotes evidence of).
 */
async function attachReportEvidence(
  store: Store,
  rows: ClassifiedStudy[],
  snapshotId: number,
  rulesetVersion: string,
): Promise<void> {
  const decided = [...new Set((await store.listDecisions()).map((d) => d.nctId))];
  const decidedSet = new Set(decided);
  const byId = new Map<string, ClassifiedStudy>();
  for (const r of rows) if (r.labels && (r.labels.included || decided.length > 0)) byId.set(r.study.nctId, r);
  const wanted = REPORT_EVIDENCE_LABELS.map((l) => `'${l}'`).join(', ');
  const sql = `SELECT nct_id, to_json(list_filter(json_extract(labels_json, '$.evidence[*]'),
      e -> json_extract_string(e, '$.label') IN (${wanted})))::VARCHAR
    FROM labels WHERE snapshot_id = $1 AND ruleset_version = $2
      AND (included OR list_contains(string_split($3, ' '), nct_id))`;
  for await (const chunk of streamRows(store.connection(), sql, [
    snapshotId,
    rulesetVersion,
    decided.join(' '),
  ])) {
    for (const [nct, evidence] of chunk) {
      const r = byId.get(String(nct));
      if (!r?.labels || evidence === null) continue;
      const all = JSON.parse(String(evidence)) as Labels['evidence'];
      // a decided study keeps all of it (its effective labels are made later); another only what can be quoted
      r.labels.evidence = decidedSet.has(r.study.nctId) ? all : all.filter((e) => quoted(r.labels!, e));
    }
  }
}

/**
 * A snapshot as the report reads it, in little memory: slim rows (loadCompactRows) with the evidence the report
 * quotes, when labels of `rulesetVersion` are stored and the snapshot holds one registry; null otherwise (the caller
 * then loads full studies: grouping registrations of several registries into trials reads their full records).
 * The report made from these rows is byte-identical to the one made from full rows (tests/report/compact.test.ts).
 */
export async function loadReportRows(
  store: Store,
  ref: string | number | undefined,
  rulesetVersion: string,
  opts: { onProgress?: OnProgress } = {},
): Promise<CompactSnapshot | null> {
  const info = await store.getSnapshot(ref);
  if (!(await store.labelVersions(info.id)).includes(rulesetVersion)) return null;
  const single = await store
    .connection()
    .runAndReadAll(
      `SELECT count(*) FROM studies WHERE snapshot_id = $1 AND source_format NOT LIKE 'ctgov-%'`,
      [info.id],
    );
  if (Number(single.getRows()[0]?.[0] ?? 0) > 0) return null;
  return loadCompactRows(store, info.id, {
    onProgress: opts.onProgress,
    beforeDecisions: (rows, id, version) =>
      version === null ? Promise.resolve() : attachReportEvidence(store, rows, id, version),
  });
}

/**
 * The rows `mscope report` (and `run`) write the report from: slim (loadReportRows) when the current ruleset's
 * labels are stored and the snapshot is ClinicalTrials.gov's alone, else full studies (loadClassifiedRows).
 */
export async function loadReportSnapshot(
  store: Store,
  ref?: string | number,
  opts: { onProgress?: OnProgress } = {},
): Promise<LoadedSnapshot> {
  const { version } = await classifier();
  const compact = await loadReportRows(store, ref, version, opts);
  if (compact === null) return loadClassifiedRows(store, ref, opts);
  return { info: compact.info, rows: compact.rows, rulesetVersion: version, labelsFrom: 'stored' };
}

/** One study in full with its full labels (evidence included), for the study view. */
export async function loadStudyDetail(
  store: Store,
  snapshotId: number,
  rulesetVersion: string | null,
  nctId: string,
): Promise<ClassifiedStudy | null> {
  const rec = await store.getStudy(snapshotId, nctId);
  if (!rec) return null;
  const decisions = await store.listDecisions();
  if (rulesetVersion === null) return applyDecisions([{ study: rec.study, labels: null }], decisions)[0]!;
  const r = await store
    .connection()
    .runAndReadAll(
      'SELECT labels_json FROM labels WHERE snapshot_id = $1 AND ruleset_version = $2 AND nct_id = $3',
      [snapshotId, rulesetVersion, nctId],
    );
  const json = r.getRows()[0]?.[0];
  const row = { study: rec.study, labels: json ? (JSON.parse(String(json)) as Labels) : null };
  return applyDecisions([row], decisions)[0]!;
}

/**
 * The review queue's priority of every study of a snapshot (analyze/queue.ts `reviewPriority`) for slim rows,
 * whose labels carry no evidence: the stored evidence is read as (label, value) pairs only, one study at a time,
 * and joined to the classifier's labels that `classifierOf` gives (the slim ones); only the priorities are kept.
 */
export async function loadReviewPriorities(
  store: Store,
  snapshotId: number,
  rulesetVersion: string | null,
  classifierOf: (nctId: string) => Labels | null | undefined,
): Promise<Map<string, Priority>> {
  const out = new Map<string, Priority>();
  if (rulesetVersion !== null) {
    const sql = `SELECT nct_id, json_object('l', json_extract_string(labels_json, '$.evidence[*].label'),
        'v', json_extract_string(labels_json, '$.evidence[*].value'))::VARCHAR
      FROM labels WHERE snapshot_id = $1 AND ruleset_version = $2`;
    for await (const chunk of streamRows(store.connection(), sql, [snapshotId, rulesetVersion])) {
      for (const [nct, json] of chunk) {
        const labels = classifierOf(String(nct));
        if (!labels) continue;
        const { l, v } = JSON.parse(String(json)) as { l: string[] | null; v: string[] | null };
        const evidence = (l ?? []).map((label, i) => ({ label, value: v?.[i] ?? '' }));
        out.set(String(nct), reviewPriority({ ...labels, evidence } as unknown as Labels));
      }
    }
  }
  return out;
}
