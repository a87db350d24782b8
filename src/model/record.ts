import type { Study } from './study.js';

/** What every reader yields: the normalized Study plus the original registry record, kept verbatim. */
export interface StudyRecord {
  study: Study;
  /** The record exactly as the source gave it (parsed JSON object, or the CSV row as an object). */
  raw: unknown;
  /**
   * Optional: `raw` as JSON text when the reader already holds it (e.g. an NDJSON line), so the store can keep
   * it without serializing `raw` again. Must parse to a value equal to `raw`.
   */
  rawJson?: string;
  /** Optional: `rawJson` as UTF-8 bytes when the reader holds them (a zip member's own bytes), to store as they are. */
  rawJsonUtf8?: Uint8Array;
}

/** A record that failed validation: kept verbatim with the reason instead of stopping the whole fetch. */
export interface QuarantinedRecord {
  /** The record's NCT id when it could be read. */
  nctId: string | null;
  /** The one-line validation error (names the field). */
  reason: string;
  /** Where it came from (URL and page, file and record). */
  source: string;
  raw: unknown;
}
