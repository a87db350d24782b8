/**
 * One colour per value in every chart of the report and the dashboard, whatever the filter (the shared map in
 * src/present/colours.ts), and continuous year axes (years without trials are empty bands, not skipped).
 */
import { describe, expect, it } from 'vitest';
import type { MetricTable } from '../../src/analyze/metrics.js';
import { DONORS, MODIFICATIONS, SOURCES, SPECIALTIES } from '../../src/model/labels.js';
import { COLOURS, colourOf, continuousYears, NEUTRAL } from '../../src/present/colours.js';
import { nice } from '../../src/present/names.js';
import { stackedYears } from '../../src/present/report/charts.js';
import { barSpec, yearSpec } from '../../src/present/web/charts.js';

type Cell = [year: string, key: string, count: number];
const table2 = (id: string, dims: string[], cells: Cell[]): MetricTable => ({
  id,
  title: id,
  dims,
  unit: 'trials',
  denominator: cells.reduce((a, c) => a + c[2], 0),
  note: '',
  rows: cells.map(([y, k, n]) => ({ key: `${y}|${k}`, keys: [y, k], count: n, nctIds: [] })),
});
const table1 = (dim: string, rows: [string, number][]): MetricTable => ({
  id: dim,
  title: dim,
  dims: [dim],
  unit: 'trials',
  denominator: 0,
  note: '',
  rows: rows.map(([k, n]) => ({ key: k, keys: [k], count: n, nctIds: [] })),
});

/** name -> colour of a vega-lite spec's colour scale (report: display names; dashboard: display names). */
function scaleColours(spec: unknown): Map<string, string> {
  type Enc = { color?: { scale: { domain: string[]; range: string[] } } };
  const sp = spec as { encoding?: Enc; layer?: Array<{ encoding?: Enc }> };
  const color = sp.encoding?.color ?? sp.layer?.find((l) => l.encoding?.color)?.encoding?.color;
  const { domain, range } = color!.scale;
  return new Map(domain.map((d, i) => [d, range[i]!]));
}
/** label -> colour of a bar chart whose colour is a data field (scale: null). */
function barColours(spec: unknown): Map<string, string> {
  const values = (spec as { data: { values: { label: string; colour: string }[] } }).data.values;
  return new Map(values.map((v) => [v.label, v.colour]));
}

// Two "filters" of the same data: umbilical cord is the largest source in one and third in the other, and
// adipose is missing from the second, so a palette assigned by rank would change both colours.
const allSources: Cell[] = [
  ['2010', 'bone_marrow', 5],
  ['2012', 'adipose', 9],
  ['2012', 'umbilical_cord', 3],
  ['2015', 'multiple', 2],
  ['2015', 'unspecified', 4],
];
const filtered: Cell[] = [
  ['2011', 'umbilical_cord', 8],
  ['2014', 'bone_marrow', 2],
  ['2014', 'cord_blood', 1],
];

describe('one colour per value', () => {
  it('every value of a dimension has its own colour; catch-alls are grey', () => {
    const dims = { source: SOURCES, donor: DONORS, modification: MODIFICATIONS, specialty: SPECIALTIES };
    for (const [dim, values] of Object.entries(dims)) {
      const real = values.filter((v) => !(v in NEUTRAL));
      const colours = real.map((v) => colourOf(dim as keyof typeof COLOURS, v));
      expect(new Set(colours).size, dim).toBe(real.length);
      for (const c of colours) expect(Object.values(NEUTRAL)).not.toContain(c);
    }
    expect(colourOf('source', 'unspecified')).toBe(NEUTRAL.unspecified);
    expect(colourOf('specialty', 'other')).toBe(NEUTRAL.other);
  });

  it('the report keeps a source colour across charts and filters', () => {
    const a = scaleColours(
      stackedYears(table2('t', ['year', 'source'], allSources), 'a', '', 'Year', 'Source'),
    );
    const b = scaleColours(
      stackedYears(table2('t', ['year', 'source'], filtered), 'b', '', 'Year', 'Source'),
    );
    const cord = colourOf('source', 'umbilical_cord');
    expect(a.get(nice('umbilical_cord'))).toBe(cord);
    expect(b.get(nice('umbilical_cord'))).toBe(cord);
    expect(a.get(nice('adipose'))).toBe(colourOf('source', 'adipose'));
    expect(a.get(nice('bone_marrow'))).toBe(b.get(nice('bone_marrow')));
    expect(a.get(nice('unspecified'))).toBe(NEUTRAL.unspecified);
  });

  it('the dashboard uses the same colours as the report, in the year chart and in the bar charts', () => {
    for (const cells of [allSources, filtered]) {
      const t = table2('trialsPerFirstPostedYear', ['year', 'source'], cells);
      const dash = scaleColours(yearSpec(t));
      const report = scaleColours(stackedYears(t, 'x', '', 'Year', 'Source'));
      for (const [name, colour] of dash) expect(report.get(name), name).toBe(colour);
    }
    const bars = barColours(
      barSpec(
        table1('source', [
          ['umbilical_cord', 4],
          ['adipose', 3],
        ]),
        'Source',
        [],
      ),
    );
    expect(bars.get(nice('umbilical_cord'))).toBe(colourOf('source', 'umbilical_cord'));
    const selected = barColours(
      barSpec(table1('source', [['umbilical_cord', 4]]), 'Source', ['umbilical_cord']),
    );
    expect(selected.get(nice('umbilical_cord'))).toBe(colourOf('source', 'umbilical_cord'));
    const spec = barSpec(table1('specialty', [['neurology', 4]]), 'Specialty', []);
    expect(barColours(spec).get(nice('neurology'))).toBe(colourOf('specialty', 'neurology'));
  });

  it('the report colours the other over-time dimensions from the same map', () => {
    const donor = stackedYears(
      table2(
        'd',
        ['year', 'donor'],
        [
          ['2010', 'autologous', 1],
          ['2011', 'allogeneic', 3],
          ['2011', 'unspecified', 1],
        ],
      ),
      'd',
      '',
      'Year',
      'Donor',
    );
    expect(scaleColours(donor).get(nice('autologous'))).toBe(colourOf('donor', 'autologous'));
    const covid = stackedYears(
      table2(
        'c',
        ['year', 'covid19'],
        [
          ['2020', 'COVID-19', 5],
          ['2020', 'other', 3],
        ],
      ),
      'c',
      '',
      'Year',
      'Target',
    );
    expect(scaleColours(covid).get('COVID-19')).toBe(colourOf('covid19', 'COVID-19'));
    expect(scaleColours(covid).get(nice('other'))).toBe(NEUTRAL.other);
  });
});

describe('continuous year axes', () => {
  it('every year from the first to the last, in order', () => {
    expect(continuousYears(['2015', '1999', 'unknown', '2001'])).toEqual(
      Array.from({ length: 17 }, (_, i) => String(1999 + i)),
    );
    expect(continuousYears([])).toEqual([]);
  });

  const xDomain = (spec: unknown) =>
    (spec as { encoding: { x: { scale: { domain: string[] } } } }).encoding.x.scale.domain;

  it('the report and the dashboard year charts show missing years as empty bands', () => {
    const t = table2('t', ['year', 'source'], [...allSources, ['unknown', 'adipose', 3]]);
    const years = ['2010', '2011', '2012', '2013', '2014', '2015'];
    expect(xDomain(stackedYears(t, 'a', '', 'Year', 'Source'))).toEqual(years);
    expect(xDomain(yearSpec(t))).toEqual(years);
  });
});

describe('trials per registry over time', () => {
  const t = table2(
    'registryOverTime',
    ['year', 'registry'],
    [
      ['2015', 'ctgov', 4],
      ['2018', 'ctgov', 2],
      ['2018', 'anzctr', 1],
      ['2019', 'chictr', 3],
      ['unknown', 'ctgov', 5],
    ],
  );

  it('report and dashboard draw one line per registry over continuous years, in the shared colours', async () => {
    const { registryLines } = await import('../../src/present/report/charts.js');
    const { registryLinesSpec } = await import('../../src/present/web/charts.js');
    const report = registryLines(t, 'x', '', 'Year')!;
    const dash = registryLinesSpec(t, []);
    for (const spec of [report, dash]) {
      const colours = scaleColours(spec);
      expect(colours.get(nice('ctgov'))).toBe(colourOf('registry', 'ctgov'));
      expect(colours.get(nice('anzctr'))).toBe(colourOf('registry', 'anzctr'));
      expect(colours.get(nice('chictr'))).toBe(colourOf('registry', 'chictr'));
      const values = (spec as { data: { values: { year: string; key: string; count: number }[] } }).data
        .values;
      // every year 2015..2019 on every line (zeros where a registry has no trial), the unknown year left out
      expect(new Set(values.map((v) => v.year))).toEqual(new Set(['2015', '2016', '2017', '2018', '2019']));
      expect(values).toHaveLength(15);
      expect(values.find((v) => v.year === '2016' && v.key === 'ctgov')!.count).toBe(0);
      expect(values.find((v) => v.year === '2019' && v.key === 'chictr')!.count).toBe(3);
    }
    expect(new Set(Object.values(COLOURS.registry)).size).toBe(Object.keys(COLOURS.registry).length);
  });
});
