/**
 * `npm run digest`: classify the shared 2022 corpus and (re)write tests/fixtures/classify/corpus-2022.digest.tsv,
 * printing which studies changed against the committed digest (category/reason changes spelled out).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { classify } from '../../src/classify/index.js';
import { digestChanges, labelDigest } from '../../src/classify/digest.js';
import type { Labels } from '../../src/model/labels.js';
import { readStudies } from '../../src/sources/index.js';
import { CORPUS_2022, DIGEST_FILE, HAS_CORPUS_2022 } from './digest-file.js';

if (!HAS_CORPUS_2022) {
  process.stderr.write('npm run digest: ../shared is absent (the 2022 corpus is needed)\n');
  process.exit(1);
}
const labels: Labels[] = [];
for await (const r of readStudies(CORPUS_2022)) labels.push(classify(r.study));
const next = labelDigest(labels);
const before = existsSync(DIGEST_FILE) ? readFileSync(DIGEST_FILE, 'utf8') : '';
const changes = digestChanges(before, next);
writeFileSync(DIGEST_FILE, next);
for (const c of changes) {
  const [, c0, r0] = (c.before ?? '').split('\t');
  const [, c1, r1] = (c.after ?? '').split('\t');
  const what =
    c0 === c1 && r0 === r1 ? 'other fields' : `${c0 ?? '-'} ${r0 ?? ''} -> ${c1 ?? '-'} ${r1 ?? ''}`;
  process.stdout.write(`${c.nct}: ${what}\n`);
}
process.stdout.write(
  `${labels.length} studies; ${changes.length} digest lines changed; wrote ${DIGEST_FILE}\n`,
);
