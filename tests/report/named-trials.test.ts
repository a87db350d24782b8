/**
 * The trials a review names by NCT id (read from its text at run time) and why each is or is not counted:
 * hand-written review text and studies; the real reviews in tests/report/shared.test.ts.
 */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/analyze/metrics.js';
import { namedTables } from '../../src/analyze/tables.js';
import { compareWith } from '../../src/present/report/compare.js';
import { namedTrials, nctMentions } from '../../src/present/report/named-trials.js';
import { cs } from '../fixtures/analyze/build.js';

const TEXT =
  'Header line of the review. Only one trial of MSCs edited with CRISPR has been registered (NCT00000001). ' +
  'EV trials were run for lung (numbers: NCT00000002, NCT00000003) and for skin [12] (NCT00000009). ' +
  'A later study (NCT00000004) and an unrelated one NCT00000005 and NCT00000001 again.';

const rows = [
  cs(1, { labels: { category: 'ex_vivo_only', included: false, screeningReason: 'exclude.ex_vivo_only' } }),
  cs(2, { labels: { category: 'msc_derived', included: true } }),
  cs(3, { labels: { category: 'msc_cells', included: true, modifications: ['genetically_modified'] } }),
  cs(4, { study: { firstPostedDate: { value: '2022-03-01', precision: 'day', type: 'ACTUAL' } } }),
  cs(5, { labels: null }),
];

describe('trials a review names', () => {
  it('every distinct id once, in order, with the words before it (other ids and reference numbers dropped)', () => {
    const m = nctMentions(TEXT);
    expect(m.map((x) => x.nctId)).toEqual([
      'NCT00000001',
      'NCT00000002',
      'NCT00000003',
      'NCT00000009',
      'NCT00000004',
      'NCT00000005',
    ]);
    expect(m[0]!.context).toBe('Only one trial of MSCs edited with CRISPR has been registered');
    expect(m[2]!.context).not.toContain('NCT');
    expect(m[3]!.context).not.toMatch(/\[12\]/);
  });

  it('says why each is or is not counted here', () => {
    const counted = new Set(['NCT00000002', 'NCT00000003']);
    const t = Object.fromEntries(
      namedTrials(nctMentions(TEXT), rows, counted, '2021-07-14').map((x) => [x.nctId, x]),
    );
    expect(t.NCT00000001).toMatchObject({ inSnapshot: true, counted: false });
    expect(t.NCT00000001!.why).toMatch(
      /^excluded by the classifier: MSCs only ex vivo \(exclude\.ex_vivo_only\)/,
    );
    expect(t.NCT00000002!.why).toBe('included: EVs / secretome (cell-free)');
    expect(t.NCT00000003!.why).toBe('included: MSCs (cells), Genetically modified');
    expect(t.NCT00000004!.why).toMatch(/^first posted 2022-03-01, after the as-of date 2021-07-14/);
    expect(t.NCT00000005!.why).toBe('not classified in this snapshot');
    expect(t.NCT00000009).toMatchObject({ inSnapshot: false, counted: false });
    expect(t.NCT00000009!.why).toMatch(/^not in this snapshot/);
  });

  it('compareWith reads the review text named by seed_file beside the published figures', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mscope-named-'));
    await mkdir(join(dir, 'reference'));
    await mkdir(join(dir, 'seeds'));
    await writeFile(join(dir, 'seeds', 'review.txt'), TEXT);
    const file = join(dir, 'reference', 'published-figures.json');
    const published = {
      zhou2021: { citation: 'Test', seed_file: 'review.txt', crispr_modified_msc_trials: { count: 1 } },
    };
    await writeFile(file, JSON.stringify(published));
    // included and first posted by the as-of date (as the report's filter keeps them)
    const counted = rows.filter(
      (r) => r.labels?.included && (r.study.firstPostedDate?.value ?? '') <= '2021-07-14',
    );
    const c = compareWith('zhou2021', published, file, computeMetrics(rows), namedTables(counted), {
      asOf: '2021-07-14',
      rows: { all: rows, counted },
    });
    expect(c.seedFile).toBe(join(dir, 'seeds', 'review.txt'));
    expect(c.namedTrials.map((t) => [t.nctId, t.counted])).toEqual([
      ['NCT00000001', false],
      ['NCT00000002', true],
      ['NCT00000003', true],
      ['NCT00000009', false],
      ['NCT00000004', false],
      ['NCT00000005', false],
    ]);
    expect(c.notes.join(' ')).toMatch(/names 6 trials by NCT id .* 2 of them are counted here/);
  });
});
