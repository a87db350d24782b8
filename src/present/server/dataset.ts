/**
 * One snapshot held in memory for the dashboard: every study as a slim row (the fields lists and metrics read;
 * full text is read per study view), a compact row summary
 * per study (what the table, sort and CSV export show), presorted orders per sort key, and LRU caches of
 * filter results and metrics keyed by the canonical filter. Filtering and metrics are the analyze/ functions.
 */
import type { Filter } from '../../analyze/filter.js';
import { columnsOf, filterColumns, updateColumns, type StudyColumns } from '../../analyze/columns.js';
import { buildPrepared, studyText, type PackedCodes } from '../../analyze/prepare.js';
import { reviewPriority, type Priority } from '../../analyze/queue.js';
import {
  countriesOf,
  donorKey,
  modificationKeys,
  phaseKey,
  routeKeys,
  sourceKeys,
  specialtyKey,
  statusKey,
  studyLink,
  studyTypeKey,
} from '../../analyze/dimensions.js';
import type { ClassifiedStudy, TrialOfRow } from '../../analyze/types.js';
import type { Study } from '../../model/study.js';
import type { Labels } from '../../model/labels.js';
import type { SnapshotInfo, Store } from '../../store/index.js';
import { hasLinkSchema, listDocuments, mentionsInDocument } from '../../store/links.js';
import { loadCompactRows } from '../../pipeline/compact.js';
import { loadTrialGrouping } from '../../pipeline/trials.js';
import { collapseTrials, registrationIdsOf, type TrialCounts } from '../../analyze/trials/collapse.js';
import { createLru, type Lru } from './lru.js';
import type { SortKey } from './sort-keys.js';
import { sortedRangePage, sortRanksOf, sortSelection, type SortRanks } from './sort-ranks.js';

/** What /api/studies returns per study (and the CSV export writes). */
export interface StudyRow {
  nctId: string;
  title: string | null;
  phase: string;
  status: string;
  studyType: string;
  enrollment: number | null;
  startDate: string | null;
  firstPosted: string | null;
  sponsor: string | null;
  countries: string[];
  category: string | null;
  included: boolean | null;
  sources: string[];
  donor: string | null;
  routes: string[];
  modifications: string[];
  specialty: string | null;
  covid19: boolean | null;
  product: string | null;
  url: string;
  /** Every registration id of the trial (its own first; more than one when registered in several registries). */
  registrations: string[];
}

/** A linked publication that mentions a study (from `mscope link`), with the sentence that mentions it. */
export interface Publication {
  docId: string;
  title: string | null;
  date: string | null;
  journal: string | null;
  doi: string | null;
  pmid: string | null;
  section: string;
  sentence: string;
}

export interface Dataset {
  snapshot: SnapshotInfo;
  /** NCT id -> linked publications mentioning it (empty when the database has no literature tables). */
  publications: ReadonlyMap<string, Publication[]>;
  /** Ruleset version of the labels in use; null when the snapshot has no labels. */
  rulesetVersion: string | null;
  /** One line saying the labels in use were made by another ruleset version than the running classifier's. */
  labelsNote?: string;
  rows: readonly ClassifiedStudy[];
  /**
   * The rows' prepared keys (analyze/prepare.ts) as columns (analyze/columns.ts: typed arrays of codes, ranks and
   * the search text in blocks), built once at load: what filters and metrics without NCT ids read. The prepared
   * objects themselves are not kept (a metrics request with NCT ids builds those of its selection).
   */
  columns: StudyColumns;
  /** Their metric codes packed in row order (= columns.packed). */
  packed: PackedCodes;
  /** What /api/studies lists for row i (made on each call from the slim row: not kept for every study). */
  summary(i: number): StudyRow;
  /** Trial id -> row index; every registration id of a merged trial leads to the trial's row. */
  byNct: ReadonlyMap<string, number>;
  /** How many registrations were merged into how many trials (null: one registry, each registration a trial). */
  trialCounts: TrialCounts | null;
  /** Indices (ascending) of the rows passing the filter; kept per canonical filter key once asked for twice. */
  select(filter: Filter): Int32Array;
  /** Indices of the selection in the order of the sort key (nulls last either way). */
  sorted(selection: Int32Array, key: SortKey, order: 'asc' | 'desc'): Int32Array;
  /**
   * Rows [from, from + size) of that order for the rows whose first-posted day rank is within [lo, hi], and their
   * number, made without the selection or its whole order (sort-ranks.ts sortedRangePage).
   */
  rangePage(
    lo: number,
    hi: number,
    key: SortKey,
    order: 'asc' | 'desc',
    from: number,
    size: number,
  ): { total: number; page: Int32Array };
  /** Per-dataset LRU for derived results (metrics, facet counts), keyed by the caller. */
  cache: Lru<string, unknown>;
  /**
   * Row `i` in full (every Study field, labels with evidence) for the study view. `rows` may be slim (the server's
   * compact load keeps only what lists and metrics read, pipeline/compact.ts); this reads the rest.
   */
  detail(i: number): Promise<ClassifiedStudy>;
  /**
   * Replace row `i` (a reviewer decision changed its effective labels): its summary, prepared keys and packed
   * codes are rebuilt, its cached study view dropped, and every cached selection, order and body dropped.
   */
  updateRow(i: number, row: ClassifiedStudy): void;
  /**
   * The review-queue priority of every study (analyze/queue.ts), from the classifier's labels and their evidence;
   * computed on first use (slim rows carry no evidence: `loadPriorities` reads it) and kept, since decisions do not
   * change the classifier's labels.
   */
  priorities(): Promise<ReadonlyMap<string, Priority>>;
}

/** Reads the review priorities of a dataset's rows (slim rows: their evidence is in the database). */
export type PriorityLoader = (
  snapshotId: number,
  rulesetVersion: string | null,
  classifierOf: (nctId: string) => Labels | null | undefined,
) => Promise<Map<string, Priority>>;

/** Reads one study in full: (snapshot id, ruleset version, NCT id) -> the row, or null when it is gone. */
export type DetailLoader = (
  snapshotId: number,
  rulesetVersion: string | null,
  nctId: string,
) => Promise<ClassifiedStudy | null>;

export function summarize(r: ClassifiedStudy): StudyRow {
  const s = r.study;
  const l = r.labels;
  return {
    nctId: s.nctId,
    title: s.briefTitle ?? s.officialTitle,
    phase: phaseKey(s),
    status: statusKey(s),
    studyType: studyTypeKey(s),
    enrollment: s.enrollment.count,
    startDate: s.startDate?.value ?? null,
    firstPosted: s.firstPostedDate?.value ?? null,
    sponsor: s.leadSponsor?.name ?? null,
    countries: countriesOf(s),
    category: l?.category ?? null,
    included: l?.included ?? null,
    sources: l ? sourceKeys(r) : [],
    donor: l ? donorKey(r) : null,
    routes: l ? routeKeys(r) : [],
    modifications: l ? modificationKeys(r).filter((m) => m !== 'none') : [],
    specialty: l ? specialtyKey(r) : null,
    covid19: l?.covid19 ?? null,
    product: l?.product ?? null,
    url: studyLink(s.nctId),
    registrations: registrationIdsOf(r),
  };
}

/** Canonical cache key of a filter: keys sorted, list values sorted, empty lists dropped. */
export function filterKey(filter: Filter): string {
  const entries = Object.entries(filter)
    .filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => [k, Array.isArray(v) ? [...v].map(String).sort() : v] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

export function buildDataset(
  snapshot: SnapshotInfo,
  rulesetVersion: string | null,
  rows: ClassifiedStudy[],
  publications: ReadonlyMap<string, Publication[]> = new Map(),
  loadDetail?: DetailLoader,
  loadPriorities?: PriorityLoader,
  trialCounts: TrialCounts | null = null,
): Dataset {
  rows = [...rows];
  const byNct = new Map(rows.map((r, i) => [r.study.nctId, i] as const));
  rows.forEach((r, i) => {
    for (const id of registrationIdsOf(r)) if (!byNct.has(id)) byNct.set(id, i);
  });
  const allColumns = () =>
    columnsOf(
      rows.length,
      (i) => buildPrepared(rows[i]!),
      (i) => studyText(rows[i]!),
    );
  const columns = allColumns();
  const selections = createLru<string, Int32Array>(256);
  const cache = createLru<string, unknown>(128);
  const details = createLru<number, Promise<ClassifiedStudy>>(32);
  /** Per sort key, its ranks (sort-ranks.ts): built for every key at load, one key again after a row changes. */
  const orders = new Map<SortKey, SortRanks>(sortRanksOf(rows.length, (i) => summarize(rows[i]!)));
  const orderOf = (key: SortKey): SortRanks => {
    let o = orders.get(key);
    if (!o) {
      o = sortRanksOf(rows.length, (i) => summarize(rows[i]!), [key])[0]![1];
      orders.set(key, o);
    }
    return o;
  };

  let priorities: Promise<Map<string, Priority>> | undefined;
  const classifierOf = (nct: string): Labels | null | undefined => {
    const i = byNct.get(nct);
    if (i === undefined) return undefined;
    const r = rows[i]!;
    return r.review ? r.review.classifier : r.labels;
  };

  const ds: Dataset = {
    snapshot,
    publications,
    rulesetVersion,
    rows,
    columns,
    packed: columns.packed,
    summary: (i) => summarize(rows[i]!),
    byNct,
    trialCounts,
    cache,
    select(filter) {
      const key = filterKey(filter);
      let sel = selections.get(key);
      if (!sel) {
        sel = key === '[]' ? Int32Array.from(rows.keys()) : filterColumns(ds.columns, filter);
        // kept once asked for again (lru.ts offer): a stream of one-off filters leaves no garbage behind
        selections.offer(key, sel);
      }
      return sel;
    },
    updateRow(i, row) {
      rows[i] = row;
      if (!updateColumns(ds.columns, i, buildPrepared(row), studyText(row))) ds.columns = allColumns();
      ds.packed = ds.columns.packed;
      details.delete(i);
      selections.clear();
      cache.clear();
      orders.clear();
    },
    priorities() {
      if (!priorities) {
        priorities = loadPriorities
          ? loadPriorities(snapshot.id, rulesetVersion, classifierOf)
          : Promise.resolve(
              new Map(rows.map((r) => [r.study.nctId, reviewPriority(classifierOf(r.study.nctId) ?? null)])),
            );
        priorities.catch(() => (priorities = undefined));
      }
      return priorities;
    },
    detail(i) {
      const row = rows[i]!;
      if (!loadDetail) return Promise.resolve(row);
      let p = details.get(i);
      if (!p) {
        p = loadDetail(snapshot.id, rulesetVersion, row.study.nctId).then((r) =>
          r && row.trial
            ? mergedDetail(r, row.trial, (id) => loadDetail(snapshot.id, rulesetVersion, id))
            : (r ?? row),
        );
        details.set(i, p);
        p.catch(() => {
          if (details.get(i) === p) details.delete(i);
        });
      }
      return p;
    },
    sorted: (selection, key, order) => sortSelection(orderOf(key), selection, order),
    rangePage: (lo, hi, key, order, from, size) =>
      sortedRangePage(orderOf(key), ds.columns.firstPostedDay.rank, lo, hi, order, from, size),
  };
  return ds;
}

/**
 * The study view of a trial registered more than once: its primary registration in full, with each field of
 * `fieldsFrom` read from the registration named there (as collapseTrials merges the slim rows) and the labels of
 * `labelsFrom`.
 */
async function mergedDetail(
  primary: ClassifiedStudy,
  trial: TrialOfRow,
  load: (id: string) => Promise<ClassifiedStudy | null>,
): Promise<ClassifiedStudy> {
  const study = { ...primary.study } as Study & Record<string, unknown>;
  const others = new Set([...Object.values(trial.fieldsFrom), trial.labelsFrom]);
  others.delete(primary.study.nctId);
  let out: ClassifiedStudy = { ...primary, study, trial };
  for (const id of others) {
    const o = await load(id);
    if (!o) continue;
    for (const [f, from] of Object.entries(trial.fieldsFrom))
      if (from === id) study[f] = (o.study as unknown as Record<string, unknown>)[f];
    if (id === trial.labelsFrom) {
      out = { ...out, labels: o.labels };
      if (o.review) out.review = o.review;
      else delete out.review;
    }
  }
  return out;
}

/**
 * The snapshot the dashboard opens when none is named: the newest one with labels (an unclassified snapshot
 * would show every chart as "not stated" and 0 included), else the newest one.
 */
export async function defaultSnapshotId(store: Store): Promise<number | undefined> {
  const snaps = [...(await store.listSnapshots())].sort((a, b) => b.id - a.id);
  for (const s of snaps) if ((await store.labelVersions(s.id)).length > 0) return s.id;
  return snaps[0]?.id;
}

/**
 * Load one snapshot's studies and its labels as slim rows (pipeline/compact.ts), reviewer decisions applied: the
 * running classifier's ruleset version's labels when saved, else the latest saved, with a `labelsNote` saying
 * another version made them. `loadDetail` reads a study in full for the study view (without it, the study view
 * shows the slim row).
 */
export async function loadDataset(
  store: Store,
  ref?: string | number,
  loadDetail?: DetailLoader,
  loadPriorities?: PriorityLoader,
): Promise<Dataset> {
  const { info, rows, rulesetVersion, labelsNote } = await loadCompactRows(
    store,
    ref ?? (await defaultSnapshotId(store)),
  );
  // one row per trial: registrations of one trial in several registries count once (analyze/trials/collapse.ts)
  const trials = collapseTrials(rows, await loadTrialGrouping(store, info.id));
  const ds = buildDataset(
    info,
    rulesetVersion,
    trials.rows,
    await loadPublications(store),
    loadDetail,
    loadPriorities,
    trials.counts,
  );
  if (labelsNote) ds.labelsNote = labelsNote;
  return ds;
}

/** Publications linked by `mscope link`, grouped by the NCT ids they mention (one entry per document and trial). */
export async function loadPublications(store: Store): Promise<Map<string, Publication[]>> {
  const out = new Map<string, Publication[]>();
  const conn = store.connection();
  if (!(await hasLinkSchema(conn))) return out;
  for (const doc of await listDocuments(conn)) {
    const seen = new Set<string>();
    for (const m of await mentionsInDocument(conn, doc.docId)) {
      if (seen.has(m.nctId)) continue;
      seen.add(m.nctId);
      const list = out.get(m.nctId) ?? [];
      list.push({
        docId: doc.docId,
        title: doc.title,
        date: doc.date,
        journal: doc.journal,
        doi: doc.doi,
        pmid: doc.pmid,
        section: m.sectionName,
        sentence: m.sentence,
      });
      out.set(m.nctId, list);
    }
  }
  return out;
}
