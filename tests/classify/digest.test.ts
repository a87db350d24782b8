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

describe('label digest', () => {
  it('one line per study: id, category, reason and a hash that moves with any field but the version', () => {
    const l = classifyChecked({
      nct: 'NCT00000001',
      interventions: [
        { name: 'Umbilical cord MSCs', type: 'BIOLOGICAL', description: 'Given intravenously.' },
      ],
    });
    const line = digestLine(l);
    expect(line).toMatch(/^NCT00000001\tmsc_cells\tinclude\.msc_cells\t[0-9a-f]{8}$/);
    expect(digestLine({ ...l, rulesetVersion: 'other' })).toBe(line);
    expect(digestLine({ ...l, routes: [] })).not.toBe(line);
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

  it('equals the committed digest (npm run digest rewrites it after a reviewed label change)', () => {
    const changes = digestChanges(readFileSync(DIGEST_FILE, 'utf8'), labelDigest(labels));
    expect(labels.length).toBe(1535);
    expect(changes.slice(0, 20), `${changes.length} studies' labels differ from ${DIGEST_FILE}`).toEqual([]);
  });
});
