/**
 * Load one snapshot as ClassifiedStudy rows. Labels: those saved for the current RULESET_VERSION; when none are
 * saved, the studies are classified in memory with the current rules (nothing is written to the database).
 */
import { classify, RULESET_VERSION } from '../../classify/index.js';
import type { Labels } from '../../model/labels.js';
import type { SnapshotInfo, Store } from '../../store/index.js';
import type { ClassifiedStudy } from '../../analyze/types.js';

export interface LoadedSnapshot {
  info: SnapshotInfo;
  rows: ClassifiedStudy[];
  rulesetVersion: string;
  /** "stored": labels read from the database; "classified": computed now with the current rules. */
  labelsFrom: 'stored' | 'classified';
}

export async function loadClassified(
  store: Store,
  ref?: string | number,
  onStudy?: (n: number) => void,
): Promise<LoadedSnapshot> {
  const info = await store.getSnapshot(ref);
  const saved = await store.loadLabels(info.id, RULESET_VERSION);
  const labelsFrom = saved.size > 0 ? 'stored' : 'classified';
  const rows: ClassifiedStudy[] = [];
  for await (const study of store.iterStudies(info.id)) {
    const labels: Labels | null =
      labelsFrom === 'stored' ? (saved.get(study.nctId) ?? null) : classify(study);
    rows.push({ study, labels });
    onStudy?.(rows.length);
  }
  return { info, rows, rulesetVersion: RULESET_VERSION, labelsFrom };
}
