/** DuckDB snapshot store: immutable snapshots of normalized studies, plus labels per ruleset version. */
export type { SnapshotInfo, SnapshotMeta, CreateSnapshotOptions, Store } from './types.js';
export { openStore } from './store.js';
export type { OpenStoreOptions } from './store.js';
export { fileRows } from './file-rows.js';
export type { FileRowsOptions } from './file-rows.js';
export type { RowSource, RowBatch } from './rows.js';
export type { AddDecisionsResult, NewDecision, ReviewSample } from './decisions.js';
