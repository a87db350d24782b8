/** Literature linking: trial ids, product names and the facts stated around them in documents. */
export { extractMentions } from './mentions.js';
export type { DocumentMentions, ExtractOptions, ProductMention, TrialMention } from './mentions.js';
export { extractFacts, findQuantities, normalizePhase } from './facts.js';
export type { Fact, Quantity } from './facts.js';
export { findNctIds, isNctId } from './nct.js';
export type { NctMatch } from './nct.js';
export { compileProducts, loadProducts } from './products.js';
export type { ProductEntry, ProductMatch, ProductMatcher } from './products.js';
export { compileLiteratureRules, loadLiteratureRules } from './rules.js';
export type { LiteratureRules } from './rules.js';
export { sentenceAt, splitSentences } from './sentences.js';
export type { Span } from './sentences.js';
