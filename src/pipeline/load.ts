/**
 * Pipeline step 3: one snapshot as ClassifiedStudy rows (what the report, diff and the analyses take).
 * loadClassifiedRows: the labels saved for the current ruleset version, else the studies are classified in memory
 * with the current rules (nothing is written). loadLatestLabelled: stored labels only, the current version's when
 * saved, else the last saved with a one-line note.
 * Both apply the reviewers' decisions (analyze/review.ts): the rows carry the EFFECTIVE labels (a decision wins over
 * the classifier) and `review` with the classifier's own labels.
 */
import type { ClassifiedStudy } from '../analyze/types.js';
import { applyDecisions } from '../analyze/review.js';
import type { Labels } from '../model/labels.js';
import type { SnapshotInfo, Store } from '../store/index.js';
import { classifier } from './classify.js';
import { throttled, type OnProgress } from './progress.js';

export interface LoadedSnapshot {
  info: SnapshotInfo;
  rows: ClassifiedStudy[];
  /** The current ruleset version (of the stored or the computed labels). */
  rulesetVersion: string;
  /** "stored": labels read from the database; "classified": computed now with the current rules. */
  labelsFrom: 'stored' | 'classified';
}

export interface LoadOptions {
  onProgress?: OnProgress;
}

export async function loadClassifiedRows(
  store: Store,
  ref?: string | number,
  opts: LoadOptions = {},
): Promise<LoadedSnapshot> {
  const { classify, version } = await classifier();
  const info = await store.getSnapshot(ref);
  const saved = await store.loadLabels(info.id, version);
  const labelsFrom = saved.size > 0 ? 'stored' : 'classified';
  const progress = throttled(
    opts.onProgress,
    labelsFrom === 'stored' ? 'load' : 'classify',
    info.studyCount,
    100,
  );
  const rows: ClassifiedStudy[] = [];
  for await (const study of store.iterStudies(info.id)) {
    const labels: Labels | null =
      labelsFrom === 'stored' ? (saved.get(study.nctId) ?? null) : classify(study);
    rows.push({ study, labels });
    progress.tick(rows.length);
  }
  progress.flush(rows.length);
  const decisions = await store.listDecisions();
  return { info, rows: applyDecisions(rows, decisions), rulesetVersion: version, labelsFrom };
}

/**
 * The studies of a snapshot with stored labels, never classifying: those of the current ruleset version when saved,
 * else those saved last (any version), with `labelsNote` saying in one line that another version made them.
 */
export async function loadLatestLabelled(
  store: Store,
  ref?: string | number,
  opts: LoadOptions = {},
): Promise<{
  info: SnapshotInfo;
  rows: ClassifiedStudy[];
  rulesetVersion: string | null;
  labelsNote?: string;
}> {
  const info = await store.getSnapshot(ref);
  const { rulesetVersion, current } = await storedLabelVersion(store, info.id);
  const labels = rulesetVersion ? await store.loadLabels(info.id, rulesetVersion) : new Map<string, Labels>();
  const progress = throttled(opts.onProgress, 'load', info.studyCount, 100);
  const rows: ClassifiedStudy[] = [];
  for await (const study of store.iterStudies(info.id)) {
    rows.push({ study, labels: labels.get(study.nctId) ?? null });
    progress.tick(rows.length);
  }
  progress.flush(rows.length);
  const effective = applyDecisions(rows, await store.listDecisions());
  if (rulesetVersion === null || rulesetVersion === current) return { info, rows: effective, rulesetVersion };
  return {
    info,
    rows: effective,
    rulesetVersion,
    labelsNote: staleLabelsNote(info.id, rulesetVersion, current),
  };
}

/** The stored labels to read: the current ruleset version's when saved, else the latest saved (null: none). */
export async function storedLabelVersion(
  store: Store,
  snapshotId: number,
): Promise<{ rulesetVersion: string | null; current: string }> {
  const versions = await store.labelVersions(snapshotId);
  const { version: current } = await classifier();
  const rulesetVersion = versions.includes(current) ? current : (versions[versions.length - 1] ?? null);
  return { rulesetVersion, current };
}

/** The one-line note for labels made by another ruleset version than the running classifier's. */
export function staleLabelsNote(snapshotId: number, version: string, current: string): string {
  return (
    `labels of snapshot ${snapshotId} were made by ruleset ${version}, not the current ${current}: ` +
    `run \`mscope classify --snapshot ${snapshotId}\` to refresh them`
  );
}
