/**
 * Pipeline step 2: classify every study of a snapshot with the current rules (src/classify, through its public
 * API only) and optionally save the labels under the ruleset version. On a machine with 2+ cores the studies are
 * parsed and classified in worker threads (classify-pool.ts); the labels are byte-identical either way.
 */
import type { ClassifiedStudy } from '../analyze/types.js';
import type { ScreeningSummary } from '../classify/screening.js';
import { ScreeningTally } from '../classify/screening.js';
import type { Labels } from '../model/labels.js';
import type { Study } from '../model/study.js';
import { classifyOnWorkers, classifyWorkers, POOL_BATCH } from './classify-pool.js';
import type { SnapshotInfo, Store } from '../store/index.js';
import type { LabelSink } from '../store/labels.js';
import { studyJsonTexts } from '../store/read.js';
import { throttled, type OnProgress } from './progress.js';

export interface ClassifyOptions {
  onProgress?: OnProgress;
  /** Also return the studies with their labels (for a report right after). Default false. */
  keepStudies?: boolean;
  /**
   * Save the labels under the ruleset version. Default false. They are written as they are made (one transaction,
   * committed at the end), so with `labels: 'slim'` memory does not hold any evidence.
   */
  save?: boolean;
  /**
   * 'full' (default): the returned labels carry their evidence; 'slim': evidence dropped (summaries only); 'none': no
   * labels are returned (with `save`: a whole registry's labels are not held, `summary` counts them).
   */
  labels?: 'full' | 'slim' | 'none';
  /** Worker threads (0 = classify in this thread). Default: classifyWorkers(studies), see classify-pool.ts. */
  workers?: number;
}

export interface ClassifiedSnapshot {
  info: SnapshotInfo;
  rulesetVersion: string;
  /** One per study, in NCT order (none with `labels: 'none'`). */
  labels: Labels[];
  /** The screening summary of every label made (also with `labels: 'none'`). */
  summary: ScreeningSummary;
  /** With keepStudies: the studies and their labels, in NCT order. */
  rows: ClassifiedStudy[] | null;
}

/** The classifier, loaded on use: compiling the rules costs start-up time other commands should not pay. */
export async function classifier(): Promise<{
  classify: (s: ClassifiedStudy['study']) => Labels;
  version: string;
}> {
  const { classify, RULESET_VERSION } = await import('../classify/index.js');
  return { classify, version: RULESET_VERSION };
}

export async function classifySnapshot(
  store: Store,
  ref: string | number | undefined,
  opts: ClassifyOptions = {},
): Promise<ClassifiedSnapshot> {
  const { classify, version } = await classifier();
  const info = await store.getSnapshot(ref);
  const progress = throttled(opts.onProgress, 'classify', info.studyCount);
  progress.flush(0);
  const labels: Labels[] = [];
  const rows: ClassifiedStudy[] | null = opts.keepStudies ? [] : null;
  const slim = opts.labels === 'slim';
  const none = opts.labels === 'none';
  const tally = new ScreeningTally();
  let made = 0;
  const workers = opts.workers ?? classifyWorkers(info.studyCount);
  const run = async (sink: LabelSink | null): Promise<void> => {
    const keep = (batch: readonly Labels[], save = true): void => {
      if (save) sink?.(batch);
      made += batch.length;
      for (const l of batch) {
        tally.add(l);
        if (!none) labels.push(slim ? { ...l, evidence: [] } : l);
      }
    };
    if (workers > 0) {
      // decode + parse + classify on the workers; this thread reads the JSON's bytes from DuckDB (and decodes and
      // parses them only to keep studies).
      // Saved labels come back as checked, serialized rows; label objects only when they are returned.
      const wants = { labels: !none || rows !== null, rows: sink !== null, studies: rows !== null };
      const source = store.iterStudyJsonBatches(info.id, POOL_BATCH);
      await classifyOnWorkers(source, workers, wants, (b, studies) => {
        if (b.rows !== null) sink!.prepared(b.rows);
        if (b.labels !== null) {
          keep(b.labels, b.rows === null);
          if (rows) {
            const json = studyJsonTexts(studies!);
            for (let i = 0; i < b.labels.length; i++)
              rows.push({ study: JSON.parse(json[i]!) as Study, labels: b.labels[i]! });
          }
        } else {
          made += b.tally!.length;
          for (const t of b.tally!) tally.add(t);
        }
        progress.tick(made);
      });
    } else {
      let batch: Labels[] = [];
      for await (const study of store.iterStudies(info.id)) {
        const l = classify(study);
        batch.push(l);
        rows?.push({ study, labels: l });
        if (batch.length >= 256) {
          keep(batch);
          batch = [];
        }
        progress.tick(made + batch.length);
      }
      keep(batch);
    }
  };
  if (opts.save) await store.saveLabelStream(info.id, version, run);
  else await run(null);
  progress.flush(made);
  return { info, rulesetVersion: version, labels, summary: tally.summary(), rows };
}
