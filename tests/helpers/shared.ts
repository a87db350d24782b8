/**
 * Access to ../shared (real registry data, gold labels, seeds). Tests that need it use `describeShared`,
 * which skips cleanly when the folder is absent (a fresh clone elsewhere); CI has it and runs them.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED = process.env.MSCOPE_SHARED ?? resolve(REPO_ROOT, '..', 'shared');
export const HAS_SHARED = existsSync(join(SHARED, 'data'));

export const sharedPath = (...parts: string[]): string => join(SHARED, ...parts);
export const CLASSIC_NDJSON = sharedPath('data', 'ctgov-classic-msc-2022', 'studies.ndjson');
export const CLASSIC_CSV = sharedPath('data', 'ctgov-classic-msc-2022', 'search-export.csv');
export const V2_SAMPLES = sharedPath('data', 'ctgov-v2-samples');
export const GOLD_DEV = sharedPath('gold', 'dev.jsonl');
export const SEEDS = sharedPath('seeds');
export const PUBLISHED_FIGURES = sharedPath('reference', 'published-figures.json');

/** `describe` that runs only when ../shared is present. */
export const describeShared: typeof describe = (HAS_SHARED ? describe : describe.skip) as typeof describe;
