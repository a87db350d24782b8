/**
 * The snapshot store's public contract. A snapshot is one immutable, atomically created set of studies
 * (one `ingest` or `fetch`); labels are attached to a snapshot per ruleset version.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Decision } from '../model/decisions.js';
import type { Labels } from '../model/labels.js';
import type { LabelSink } from './labels.js';
import type { AddDecisionsResult, NewDecision, ReviewSample } from './decisions.js';
import type { QuarantinedRecord, StudyRecord } from '../model/record.js';
import type { Study } from '../model/study.js';
import type { RowSource } from './rows.js';
import type { StudyJsonBatch } from './read.js';

export interface SnapshotInfo {
  id: number;
  label: string | null;
  /** ISO timestamp (UTC) of creation. */
  createdAt: string;
  /** Files / URLs the records came from, as given by the caller. */
  sources: string[];
  studyCount: number;
  /** Records dropped because a newer (or later) record with the same NCT id was in the same input. */
  duplicatesDropped: number;
  /** Studies per source format (provenance.format), e.g. { "ctgov-classic-fields": 1535 }. */
  formats: Record<string, number>;
  kind: 'ingest' | 'fetch' | string;
  /** For incremental fetches: the snapshot whose studies were carried over and updated. */
  baseSnapshotId: number | null;
}

export interface SnapshotMeta {
  label?: string | null;
  sources: string[];
  kind?: string;
  baseSnapshotId?: number | null;
  /**
   * Records that failed validation, stored in the snapshot's `quarantine` table. Read after `records` is exhausted,
   * so the producer may fill it while it yields.
   */
  quarantine?: readonly QuarantinedRecord[];
}

export interface CreateSnapshotOptions {
  /** Called every so often with the number of records received so far. */
  onProgress?: (n: number) => void;
}

export interface Store {
  /**
   * Build ONE new immutable snapshot from `records`. Atomic: if the iterable throws (bad record) or anything
   * else fails, no snapshot is created and earlier snapshots are untouched. Duplicate NCT ids keep the record
   * with the newest lastUpdatePostedDate (tie: the later record). With `baseSnapshotId`, the new snapshot is
   * the base snapshot's studies replaced/added by the incoming records (newest last-update wins).
   * `records` may also be a RowSource of pre-serialized rows (`fileRows(paths)`: the fast, threaded path).
   */
  createSnapshot(
    meta: SnapshotMeta,
    records: AsyncIterable<StudyRecord> | RowSource,
    opts?: CreateSnapshotOptions,
  ): Promise<SnapshotInfo>;
  /** All snapshots, oldest first. */
  listSnapshots(): Promise<SnapshotInfo[]>;
  /** By numeric id, by label, or the latest when undefined. MscopeError when not found / store empty. */
  getSnapshot(ref?: string | number): Promise<SnapshotInfo>;
  /** All studies of a snapshot in NCT order. */
  iterStudies(snapshotId: number): AsyncGenerator<Study>;
  /** The same studies as their stored JSON text, unparsed (to hand to worker threads). */
  iterStudyJson(snapshotId: number): AsyncGenerator<string>;
  /** The same as UTF-8 bytes in batches of `size` studies (one buffer per batch, to transfer to worker threads). */
  iterStudyJsonBatches(snapshotId: number, size: number): AsyncGenerator<StudyJsonBatch>;
  /** All studies of a snapshot in NCT order, with the original raw record. */
  iterRecords(snapshotId: number): AsyncGenerator<StudyRecord>;
  getStudy(snapshotId: number, nctId: string): Promise<StudyRecord | null>;
  /** Replaces the labels of that (snapshot, ruleset version). */
  saveLabels(snapshotId: number, rulesetVersion: string, labels: Labels[]): Promise<void>;
  /**
   * Replaces the labels of that (snapshot, ruleset version) with those `fill` passes to its sink as they are made
   * (one transaction, committed when `fill` resolves; memory does not hold them). Returns how many were saved.
   */
  saveLabelStream(
    snapshotId: number,
    rulesetVersion: string,
    fill: (sink: LabelSink) => Promise<void>,
  ): Promise<number>;
  /** Labels by NCT id; the latest saved ruleset version when `rulesetVersion` is omitted (empty map if none). */
  loadLabels(snapshotId: number, rulesetVersion?: string): Promise<Map<string, Labels>>;
  /** Ruleset versions with labels for the snapshot, oldest saved first. */
  labelVersions(snapshotId: number): Promise<string[]>;
  /**
   * Append reviewer decisions (one transaction; all or nothing). Identical decisions already stored (same trial,
   * field, reviewer, time, value) are skipped, so importing a file twice adds nothing.
   */
  addDecisions(decisions: readonly NewDecision[]): Promise<AddDecisionsResult>;
  /** Every decision in append order (the full history; empty for a database without any). */
  listDecisions(): Promise<Decision[]>;
  /** Store a review sample (immutable: an existing sample of that name is returned unchanged). */
  saveSample(sample: ReviewSample): Promise<ReviewSample>;
  /** Review samples, oldest first. */
  listSamples(): Promise<ReviewSample[]>;
  /** Escape hatch for analytics / server SQL. Treat as read-only. */
  connection(): DuckDBConnection;
  close(): Promise<void>;
}
