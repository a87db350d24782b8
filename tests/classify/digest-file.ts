/** Paths of the label digest (no vitest import: `npm run digest` runs this outside vitest). */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHARED_DIR = process.env.MSCOPE_SHARED ?? resolve(ROOT, '..', 'shared');

/** The committed label digest of the shared 2022 corpus (see src/classify/digest.ts). */
export const DIGEST_FILE = join(ROOT, 'tests', 'fixtures', 'classify', 'corpus-2022.digest.tsv');
export const CORPUS_2022 = join(SHARED_DIR, 'data', 'ctgov-classic-msc-2022', 'studies.ndjson');
export const HAS_CORPUS_2022 = existsSync(CORPUS_2022);
