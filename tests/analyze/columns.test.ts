/**
 * The columnar path of the dashboard server (analyze/columns.ts, metrics.ts computeColumnMetrics) answers exactly
 * what the prepared-object path answers: the same indices as filterIndices and the same metrics object (as JSON)
 * as computePreparedMetrics without NCT ids, over many filters and every metrics option; on the hand-made analyze
 * corpus and, with ../shared, on the 1,535-study registry corpus classified here.
 */
import { describe, expect, it } from 'vitest';
import { buildColumns, filterColumns, firstPostedOnly, updateColumns } from '../../src/analyze/columns.js';
import { buildRangeTable } from '../../src/analyze/ranges.js';
import { filterFromQuery, filterIndices, type Filter } from '../../src/analyze/filter.js';
import {
  computeColumnMetrics,
  computePreparedMetrics,
  computeRangeMetrics,
} from '../../src/analyze/metrics.js';
import { buildPrepared, prepareAll, studyText } from '../../src/analyze/prepare.js';
import type { ClassifiedStudy } from '../../src/analyze/types.js';
import { classify } from '../../src/classify/index.js';
import { readStudies } from '../../src/sources/index.js';
import { corpus } from '../fixtures/analyze/corpus.js';
import { CLASSIC_NDJSON, describeShared } from '../helpers/shared.js';

const QUERIES = [
  '',
  'included=true',
  'included=false',
  'covid19=true',
  'covid19=false',
  'category=msc_derived,stromal_mixture',
  'category=undetermined',
  'confidence=low',
  'confidence=high,medium',
  'source=umbilical_cord&phase=PHASE2',
  'source=bone_marrow,adipose',
  'source=unspecified',
  'donor=autologous',
  'route=intravenous',
  'route=unspecified',
  'modification=genetically_modified',
  'modification=none',
  'specialty=neurology',
  'productForm=derived',
  'productForm=cells,mixture',
  'product=none',
  'phase=PHASE1|PHASE2,NA',
  'phase=NONE',
  'status=completed,RECRUITING',
  'studyType=OBSERVATIONAL',
  'studyType=unknown',
  'country=China',
  'country=(no location)',
  'country=united states,Korea, Republic of',
  'registry=ctgov',
  'text=knee',
  'text=cord',
  'text=nct0',
  'text=stem cell',
  'text=zzzz-no-such-text',
  // text search through the word index: word starts, ends, insides, several words, punctuation, one letter
  'text=k',
  'text=ee',
  'text=ell ther',
  'text=stem cell therapy',
  'text=cell-',
  'text=-derived',
  'text=(',
  'text=e c',
  'text=cells in',
  'text=knee osteoarthritis',
  'text=nct01',
  'text=mesenchymal',
  'text=enchym',
  'text=2',
  'text=é',
  // the word lookup's two ways: words compared where their character masks pass (common words, a word's inside, a
  // c-word with no match) and the vocabulary scanned (runs most words could hold: ids, digits, one letter)
  'text=cells',
  'text=covid',
  'text=covidu',
  'text=cordu',
  'text=ord bl',
  'text=stem cells for',
  'text=covid-19',
  'text=c',
  'text=nct',
  'text=nct02',
  'text=0',
  'text=19',
  'text=, ',
  'text=cord&included=true&firstPostedFrom=2015',
  'text=stem&country=China&phase=PHASE1|PHASE2,NA',
  'firstPostedFrom=2015-03-01',
  'firstPostedFrom=2099',
  'firstPostedTo=1990',
  'firstPostedFrom=1990-01-01&firstPostedTo=1990-12-31',
  'firstPostedFrom=2016-02-29&firstPostedTo=2016-02-29',
  'firstPostedFrom=2014&included=true',
  'firstPostedFrom=2012&firstPostedTo=2019-06',
  'firstPostedTo=2010',
  'firstPostedFrom=2009-06-15',
  'firstPostedFrom=2017-01&firstPostedTo=2017-03',
  'firstPostedFrom=2000&firstPostedTo=2030',
  'startFrom=2010&startTo=2018',
  'startTo=2000',
  'asOf=2021-07-14',
  'asOf=2005',
  'review=unreviewed',
  'included=true&country=China&firstPostedFrom=2018',
];

function filterOf(q: string): Filter {
  const params: Record<string, string[]> = {};
  for (const part of q.split('&').filter(Boolean)) {
    const i = part.indexOf('=');
    (params[part.slice(0, i)] ??= []).push(part.slice(i + 1));
  }
  return filterFromQuery(params);
}

const OPTIONS = [
  {},
  { onlyIncluded: false },
  { yearBasis: 'start' as const },
  { onlyIncluded: false, yearBasis: 'start' as const },
];

function check(rows: ClassifiedStudy[]): number {
  const prepared = prepareAll(rows);
  const cols = buildColumns(prepared);
  let compared = 0;
  let ranged = 0;
  for (const q of QUERIES) {
    const filter = filterOf(q);
    const sel = filterIndices(prepared, filter);
    expect([...filterColumns(cols, filter)], q).toEqual([...sel]);
    for (const opts of OPTIONS) {
      const want = computePreparedMetrics(
        Array.from(sel, (i) => prepared[i]!),
        { ...opts, omitNctIds: true },
        { codes: cols.packed, at: sel },
      );
      const got = computeColumnMetrics(cols, sel, opts);
      expect(JSON.stringify(got), `${q} ${JSON.stringify(opts)}`).toBe(JSON.stringify(want));
      compared++;
      // a first-posted range only: the range table's counts (blocks of 8 and 64 studies: whole blocks, partial
      // blocks at either end, a range within one block) = the one-pass counts, with no selection given
      const range = firstPostedOnly(cols, filter);
      if (range) {
        for (const block of [8, 64]) {
          cols.ranges = buildRangeTable(cols, block);
          const viaRange = computeRangeMetrics(cols, range[0], range[1], opts);
          expect(JSON.stringify(viaRange), `${q} ${JSON.stringify(opts)} block ${block}`).toBe(
            JSON.stringify(want),
          );
          expect(JSON.stringify(computeColumnMetrics(cols, sel, opts, range))).toBe(JSON.stringify(want));
          ranged++;
        }
      }
    }
  }
  // the range path was compared (the filters include first-posted ranges only)
  expect(ranged).toBeGreaterThan(30);
  return compared;
}

describe('columns = prepared objects', () => {
  it('analyze corpus: every filter and every metrics object', () => {
    expect(check(corpus())).toBe(QUERIES.length * OPTIONS.length);
  });

  it('a row updated in place (labels changed) = columns built afresh', () => {
    const rows = corpus();
    const cols = buildColumns(prepareAll(rows));
    cols.ranges = buildRangeTable(cols, 8);
    const changed = rows.map((r) => r);
    const labelled = rows.flatMap((r, i) => (r.labels ? [i] : []));
    for (const i of [labelled[0]!, labelled[3]!, labelled[labelled.length - 1]!]) {
      const r = rows[i]!;
      const l = r.labels!;
      changed[i] = {
        ...r,
        labels: {
          ...l,
          included: !l.included,
          routes: l.routes.length ? [] : ['intravenous', 'intramuscular'],
          sources: [...l.sources, 'adipose'],
          covid19: !l.covid19,
        },
      } as ClassifiedStudy;
      expect(updateColumns(cols, i, buildPrepared(changed[i]!), studyText(changed[i]!))).toBe(true);
    }
    const fresh = buildColumns(prepareAll(changed));
    // the range table made before the changes is dropped; made again, blocks of 8 studies
    expect(cols.ranges).toBeUndefined();
    cols.ranges = buildRangeTable(cols, 8);
    let ranged = 0;
    for (const q of QUERIES) {
      const filter = filterOf(q);
      const sel = filterColumns(fresh, filter);
      expect([...filterColumns(cols, filter)], q).toEqual([...sel]);
      const range = firstPostedOnly(fresh, filter);
      for (const opts of OPTIONS) {
        expect(JSON.stringify(computeColumnMetrics(cols, sel, opts)), q).toBe(
          JSON.stringify(computeColumnMetrics(fresh, sel, opts)),
        );
        if (range) {
          expect(JSON.stringify(computeRangeMetrics(cols, range[0], range[1], opts)), q).toBe(
            JSON.stringify(computeColumnMetrics(fresh, sel, opts)),
          );
          ranged++;
        }
      }
    }
    expect(ranged).toBeGreaterThan(10);
  });

  it('a selection with a repeated NCT id is left to the object path', () => {
    const rows = corpus();
    const cols = buildColumns(prepareAll([...rows, rows[0]!]));
    expect(computeColumnMetrics(cols, Int32Array.from([0, rows.length]))).toBeNull();
    // a range path does not check selections for repeats: it declines when the snapshot repeats an NCT id
    expect(computeRangeMetrics(cols, 0, cols.firstPostedDay.sorted.length - 1)).toBeNull();
  });
});

describeShared('columns = prepared objects (registry corpus)', () => {
  it('1,535 classified studies: every filter and every metrics object', async () => {
    const rows: ClassifiedStudy[] = [];
    for await (const r of readStudies(CLASSIC_NDJSON))
      rows.push({ study: r.study, labels: classify(r.study) } as ClassifiedStudy);
    expect(rows.length).toBe(1535);
    // the filters select something on this corpus (the comparisons are not all of empty selections)
    const prepared = prepareAll(rows);
    for (const q of ['included=true', 'text=knee', 'country=China', 'firstPostedFrom=2015-03-01'])
      expect(filterIndices(prepared, filterOf(q)).length, q).toBeGreaterThan(0);
    expect(check(rows)).toBe(QUERIES.length * OPTIONS.length);
  }, 120_000);
});
