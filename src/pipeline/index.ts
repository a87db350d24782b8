/**
 * The pipeline steps, each with a progress callback, used alike by the CLI, the report and the server
 * (present/ only adapts them: options in, bars and printing out).
 *
 *   ingestSnapshot      files or the live API -> one new snapshot (store)
 *   classifySnapshot    a snapshot's studies -> labels (optionally saved)
 *   loadClassifiedRows  a snapshot's studies with their labels (stored, or classified in memory)
 *   linkDocuments       publications -> stored trial/product mentions, with a per-document report
 */
export type { ProgressEvent, OnProgress, Stage } from './progress.js';
export {
  expandInputs,
  ingestSnapshot,
  type InputFile,
  type IngestSource,
  type IngestOptions,
} from './ingest.js';
export { classifySnapshot, type ClassifiedSnapshot, type ClassifyOptions } from './classify.js';
export { loadClassifiedRows, loadLatestLabelled, type LoadedSnapshot, type LoadOptions } from './load.js';
export {
  linkDocuments,
  pickSnapshot,
  snapshotHas,
  type LinkResult,
  type LinkOptions,
  type DocumentLinkReport,
  type TrialLinkReport,
} from './link.js';
export { hasOtherRegistries, loadTrialGrouping } from './trials.js';
