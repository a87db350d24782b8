/** One trial, many registrations: record linkage across registries (see link.ts). */
export * from './link.js';
export { profile, similarity, WEIGHTS, type Profile, type Similarity } from './features.js';
export * from './collapse.js';
