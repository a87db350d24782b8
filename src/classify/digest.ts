/**
 * The label digest: one line per study (NCT id, category, screening reason, an 8-hex sha1 over every label field
 * but the ruleset version and the reason codes, evidence included, and the other families' reason codes spelled
 * out as family=code, those of empty values left out: none_stated, none_named, not_included): together they cover
 * every label field. The digest of the shared
 * 2022 corpus is committed
 * (tests/fixtures/classify/corpus-2022.digest.tsv, written by `npm run digest`) and compared by
 * tests/classify/digest.test.ts, so every label change shows in the diff of the commit that makes it.
 */
import { createHash } from 'node:crypto';
import type { Labels } from '../model/labels.js';

const DIGEST_HEADER =
  '# nct\tcategory\tscreening_reason\tsha1_8 of all label fields but rulesetVersion and reasons' +
  '\treasons (family=code; none_stated, none_named, not_included left out)';

/** Reason codes of empty values, left out of the digest (the category and the values say them). */
const EMPTY = new Set(['none_stated', 'none_named', 'not_included']);

/** The reason codes of a study's labels as `family=code` pairs ("-" for labels made before the codes existed). */
function reasonsText(l: Labels): string {
  if (!l.reasons) return '-';
  const pairs = Object.entries(l.reasons).filter(([, code]) => !EMPTY.has(code));
  return pairs.map(([family, code]) => `${family}=${code}`).join(' ') || '-';
}

/** The digest line of one study's labels. */
export function digestLine(l: Labels): string {
  const { rulesetVersion: _version, reasons: _reasons, ...fields } = l;
  const sha = createHash('sha1').update(JSON.stringify(fields)).digest('hex').slice(0, 8);
  return `${l.nctId}\t${l.category}\t${l.screeningReason}\t${sha}\t${reasonsText(l)}`;
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
