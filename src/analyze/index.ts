/** Analytics public API: pure functions over ClassifiedStudy rows. */
export type { ClassifiedStudy, TrialOfRow } from './types.js';
export * from './filter.js';
export * from './metrics.js';
export * from './tables.js';
export * from './diff.js';
export * from './dimensions.js';
export * from './prepare.js';
export * from './review.js';
