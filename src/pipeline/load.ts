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
  const versions = await store.labelVersions(info.id);
  const { version: current } = await classifier();
  const rulesetVersion = versions.includes(current)
    ? current
    : versions.length
      ? versions[versions.length - 1]!
      : null;
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
  const labelsNote =
    `labels of snapshot ${info.id} were made by ruleset ${rulesetVersion}, not the current ${current}: ` +
    `run \`mscope classify --snapshot ${info.id}\` to refresh them`;
  return { info, rows: effective, rulesetVersion, labelsNote };
}
