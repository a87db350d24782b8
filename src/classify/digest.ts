/**
 * The label digest: one short line per study (NCT id, category, screening reason, and an 8-hex sha1 over every
 * label field but the ruleset version, evidence included). The digest of the shared 2022 corpus is committed
 * (tests/fixtures/classify/corpus-2022.digest.tsv, written by `npm run digest`) and compared by
 * tests/classify/digest.test.ts, so every label change shows in the diff of the commit that makes it.
 */
import { createHash } from 'node:crypto';
import type { Labels } from '../model/labels.js';

const DIGEST_HEADER = '# nct\tcategory\tscreening_reason\tsha1_8 of all label fields but rulesetVersion';

/** The digest line of one study's labels. */
export function digestLine(l: Labels): string {
  const { rulesetVersion: _version, ...fields } = l;
  const sha = createHash('sha1').update(JSON.stringify(fields)).digest('hex').slice(0, 8);
  return `${l.nctId}\t${l.category}\t${l.screeningReason}\t${sha}`;
}

/** The whole digest (header, then one line per study in NCT order), newline-terminated. */
export function labelDigest(labels: Iterable<Labels>): string {
  const lines = [...labels].map(digestLine).sort();
  return [DIGEST_HEADER, ...lines].join('\n') + '\n';
}

/** NCT ids whose digest lines differ between two digests (added, removed or changed), with both lines. */
export function digestChanges(
  before: string,
  after: string,
): Array<{ nct: string; before: string | null; after: string | null }> {
  const parse = (t: string): Map<string, string> =>
    new Map(
      t
        .split('\n')
        .filter((l) => l && !l.startsWith('#'))
        .map((l) => [l.slice(0, l.indexOf('\t')), l]),
    );
  const a = parse(before);
  const b = parse(after);
  const out: Array<{ nct: string; before: string | null; after: string | null }> = [];
  for (const nct of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const x = a.get(nct) ?? null;
    const y = b.get(nct) ?? null;
    if (x !== y) out.push({ nct, before: x, after: y });
  }
  return out;
}
