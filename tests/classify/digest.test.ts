/**
 * The committed label digest of the shared 2022 corpus equals the labels the classifier gives now. A failing test
 * means labels changed: review the changes, then `npm run digest` rewrites the file so the diff shows them.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { classify } from '../../src/classify/index.js';
import { digestChanges, digestLine, labelDigest } from '../../src/classify/digest.js';
import type { Labels } from '../../src/model/labels.js';
import { readStudies } from '../../src/sources/index.js';
import { CLASSIC_NDJSON, describeShared } from '../helpers/shared.js';
import { DIGEST_FILE } from './digest-file.js';
import { classifyChecked } from './checked.js';
import { reasonProblems } from './reason-check.js';

describe('label digest', () => {
  it('one line per study: id, category, reason, a hash of every other field but the version, the reason codes', () => {
    const l = classifyChecked({
      nct: 'NCT00000001',
      interventions: [
        { name: 'Umbilical cord MSCs', type: 'BIOLOGICAL', description: 'Given intravenously.' },
      ],
    });
    const line = digestLine(l);
    expect(line).toMatch(
      /^NCT00000001\tmsc_cells\tinclude\.msc_cells\t[0-9a-f]{8}\tsources=stated\.intervention donor=perinatal_implied routes=stated\.intervention specialty=none_matched$/,
    );
    expect(digestLine({ ...l, rulesetVersion: 'other' })).toBe(line);
    expect(digestLine({ ...l, routes: [] })).not.toBe(line);
    // the reason codes are spelled out, not hashed: a changed code changes only the last column
    const moved = digestLine({ ...l, reasons: { ...l.reasons!, routes: 'iv_default.intervention' } });
    expect(moved.split('\t').slice(0, 4)).toEqual(line.split('\t').slice(0, 4));
    expect(moved).toContain('routes=iv_default.intervention');
    // labels stored before the reason codes existed: the same hash, no codes
    const { reasons: _reasons, ...old } = l;
    expect(digestLine(old).split('\t')).toEqual([...line.split('\t').slice(0, 4), '-']);
    const d = labelDigest([l]);
    expect(digestChanges(d, labelDigest([{ ...l, donor: 'autologous' }])).map((c) => c.nct)).toEqual([
      'NCT00000001',
    ]);
  });
});

describeShared('label digest of the shared 2022 corpus', () => {
  const labels: Labels[] = [];
  beforeAll(async () => {
    for await (const r of readStudies(CLASSIC_NDJSON)) labels.push(classify(r.study));
  }, 120_000);

  it('every label carries a reason code per family that agrees with its value and evidence', () => {
    const problems = labels.flatMap(reasonProblems);
    expect(problems.slice(0, 20), `${problems.length} problems`).toEqual([]);
  });

  it('equals the committed digest (npm run digest rewrites it after a reviewed label change)', () => {
    const changes = digestChanges(readFileSync(DIGEST_FILE, 'utf8'), labelDigest(labels));
    expect(labels.length).toBe(1535);
    expect(changes.slice(0, 20), `${changes.length} studies' labels differ from ${DIGEST_FILE}`).toEqual([]);
  });
});
