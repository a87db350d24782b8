/**
 * Figures: vega-lite specs built from Metrics, rendered server-side to standalone SVG (vega View.toSVG with the
 * "none" renderer: no canvas, no browser, no network; text widths are estimated by vega).
 */
import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import type { Metrics, MetricTable } from '../../analyze/metrics.js';
import {
  colourOf,
  colourScaleFor,
  continuousYears,
  SECOND_COLOUR,
  SINGLE_COLOUR,
  type ColourDimension,
} from '../colours.js';
import { COLOUR_DIMENSION_OF } from '../colours.js';
import { nice } from './labels.js';
import { powerOfTenLabelExpr, sci } from '../numbers.js';
import { yearAxis, yearLines } from '../series.js';

export interface FigureDef {
  id: string;
  title: string;
  /** Which published figure it regenerates, if any. */
  regenerates?: string;
  caption: string;
  /** null when the metric has no data to draw. */
  spec: (m: Metrics) => TopLevelSpec | null;
}

const FONT = 'Helvetica, Arial, sans-serif';
const WIDTH = 620;

export const CHART_CONFIG = {
  font: FONT,
  background: 'white',
  padding: 8,
  title: {
    fontSize: 15,
    fontWeight: 'bold',
    anchor: 'start',
    subtitleFontSize: 11,
    subtitleColor: '#555555',
    offset: 10,
  },
  axis: {
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: 'normal',
    gridColor: '#e8e8e8',
    domainColor: '#888888',
    tickColor: '#888888',
    labelLimit: 320,
  },
  legend: {
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: 'normal',
    symbolType: 'square',
    labelLimit: 360,
  },
  view: { stroke: null },
} as const;

const CATCH_ALL = new Set(['unspecified', 'unknown', 'other', 'none', '(no location)', 'NONE']);
const fmt = (n: number) => n.toLocaleString('en-US');

interface StackDatum {
  x: string;
  series: string;
  count: number;
  /** Position of the series in the legend: stacks are drawn in legend order, first at the bottom. */
  rank?: number;
}

/** Two-dimension table -> stacked data; series beyond the `top` largest are merged into "other". */
export function stackData(
  t: MetricTable,
  top = 8,
  dropX: readonly string[] = ['unknown'],
): { data: StackDatum[]; domain: string[]; keys: string[] } {
  const totals = new Map<string, number>();
  for (const r of t.rows)
    if (!dropX.includes(r.keys[0]!)) totals.set(r.keys[1]!, (totals.get(r.keys[1]!) ?? 0) + r.count);
  const ranked = [...totals.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k]) => k);
  const real = ranked.filter((k) => !CATCH_ALL.has(k));
  const kept = new Set(real.slice(0, top));
  const merged = new Map<string, StackDatum>();
  for (const r of t.rows) {
    const x = r.keys[0]!;
    if (dropX.includes(x)) continue;
    const raw = r.keys[1]!;
    const s = kept.has(raw) || CATCH_ALL.has(raw) ? nice(raw) : nice('other');
    const key = `${x}|${s}`;
    const d = merged.get(key) ?? { x, series: s, count: 0 };
    d.count += r.count;
    merged.set(key, d);
  }
  const catchAll = ranked.filter((k) => CATCH_ALL.has(k));
  const hasOther = real.length > top;
  const keys = [
    ...new Set([
      ...real.slice(0, top),
      ...(hasOther && !catchAll.includes('other') ? ['other'] : []),
      ...catchAll,
    ]),
  ];
  const dom = keys.map(nice);
  const data = [...merged.values()].map((d) => ({ ...d, rank: dom.indexOf(d.series) }));
  return { data, domain: dom, keys };
}

/** The colour dimension of a two-dimension table's series (its second dim), if it has one. */
const seriesDimension = (t: MetricTable): ColourDimension | null =>
  (COLOUR_DIMENSION_OF[t.dims[t.dims.length - 1] ?? ''] as ColourDimension | undefined) ?? null;

export function stackedYears(
  t: MetricTable,
  title: string,
  subtitle: string,
  xTitle: string,
  legend: string,
  top = 8,
): TopLevelSpec | null {
  const { data, domain, keys } = stackData(t, top);
  if (data.length === 0) return null;
  // a continuous axis: every year from the first to the last, years without trials drawn as empty (zero) bands
  const years = continuousYears(data.map((d) => d.x));
  const dim = seriesDimension(t);
  const scale = dim ? colourScaleFor(dim, keys, nice) : { domain, range: keys.map(() => SINGLE_COLOUR) };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, subtitle },
    width: WIDTH,
    height: 300,
    config: CHART_CONFIG,
    data: { values: data },
    layer: [
      {
        mark: { type: 'bar', stroke: 'white', strokeWidth: 0.4 },
        encoding: {
          color: { field: 'series', type: 'nominal', title: legend, scale, sort: domain },
          order: { field: 'rank', type: 'quantitative', sort: 'ascending' },
          tooltip: [{ field: 'x' }, { field: 'series' }, { field: 'count', aggregate: 'sum' }],
        },
      },
      {
        // the year's total above its bar
        transform: [{ aggregate: [{ op: 'sum', field: 'count', as: 'count' }], groupby: ['x'] }],
        mark: { type: 'text', dy: -5, fontSize: 9.5, color: '#333333' },
        encoding: { text: { field: 'count', type: 'quantitative' } },
      },
    ],
    encoding: {
      x: yearAxis('x', xTitle, years),
      y: {
        field: 'count',
        type: 'quantitative',
        aggregate: 'sum',
        title: 'Trials',
        axis: { tickMinStep: 1 },
      },
    },
  } as TopLevelSpec;
}

/** Trials per year and registry as lines over continuous years (a trial counts in each of its registries). */
export function registryLines(
  t: MetricTable,
  title: string,
  subtitle: string,
  xTitle: string,
): TopLevelSpec | null {
  const { years, points, scale } = yearLines(t.rows, 'registry', nice);
  if (points.length === 0) return null;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, subtitle },
    width: WIDTH,
    height: 260,
    config: CHART_CONFIG,
    data: { values: points },
    encoding: {
      x: yearAxis('year', xTitle, years),
      y: { field: 'count', type: 'quantitative', title: 'Trials', axis: { tickMinStep: 1 } },
      color: {
        field: 'series',
        type: 'nominal',
        title: 'Registered in',
        scale,
        sort: scale.domain,
        legend: { symbolType: 'stroke' },
      },
      tooltip: [
        { field: 'year' },
        { field: 'series', title: 'registry' },
        { field: 'count', title: 'trials' },
      ],
    },
    layer: [{ mark: { type: 'line', strokeWidth: 2 } }, { mark: { type: 'point', filled: true, size: 28 } }],
  } as TopLevelSpec;
}

function hbar(
  t: MetricTable,
  title: string,
  subtitle: string,
  xTitle: string,
  opts: { keepOrder?: boolean; top?: number; value?: boolean } = {},
): TopLevelSpec | null {
  let rows = t.rows.filter((r) => r.count > 0);
  if (opts.top !== undefined) rows = rows.slice(0, opts.top);
  if (rows.length === 0) return null;
  const dim = (COLOUR_DIMENSION_OF[t.dims[0] ?? ''] as ColourDimension | undefined) ?? null;
  const data = rows.map((r) => ({
    label: nice(r.key),
    n: opts.value ? Math.round(r.value ?? 0) : r.count,
    share: r.share ?? null,
    colour: dim ? colourOf(dim, r.key) : SINGLE_COLOUR,
  }));
  const order = data.map((d) => d.label);
  const field = 'n';
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, subtitle },
    width: WIDTH - 160,
    height: { step: 22 },
    config: CHART_CONFIG,
    data: { values: data },
    encoding: {
      y: { field: 'label', type: 'nominal', title: null, sort: opts.keepOrder === false ? '-x' : order },
      x: { field, type: 'quantitative', title: xTitle, axis: { tickMinStep: 1 } },
    },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: { color: { field: 'colour', type: 'nominal', scale: null, legend: null } },
      },
      {
        mark: { type: 'text', align: 'left', dx: 3, fontSize: 11, color: '#222222' },
        encoding: { text: { field, type: 'quantitative', format: ',' } },
      },
    ],
  } as TopLevelSpec;
}

function participants(m: Metrics): TopLevelSpec | null {
  const full = m.tables.participantsByCountryFull.rows.filter((r) => r.key !== '(no location)').slice(0, 15);
  if (full.length === 0) return null;
  const split = new Map(m.tables.participantsByCountrySplit.rows.map((r) => [r.key, r.value ?? 0]));
  const data = full.flatMap((r) => [
    { country: r.key, rule: 'Full count', participants: Math.round(r.value ?? 0) },
    { country: r.key, rule: 'Split evenly', participants: Math.round(split.get(r.key) ?? 0) },
  ]);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'Registered participants by country (15 largest)',
      subtitle: `Full count: each country of a multi-country trial gets its whole enrollment; split evenly: enrollment / number of countries. Total ${fmt(m.summary.participants.total)} participants.`,
    },
    width: WIDTH - 160,
    height: { step: 13 },
    config: CHART_CONFIG,
    data: { values: data },
    encoding: {
      y: { field: 'country', type: 'nominal', title: null, sort: full.map((r) => r.key) },
      yOffset: { field: 'rule', type: 'nominal', sort: ['Full count', 'Split evenly'] },
      x: {
        field: 'participants',
        type: 'quantitative',
        title: 'Registered participants (actual or anticipated enrollment)',
        axis: { format: ',.0f' },
        scale: { domainMax: Math.max(...data.map((d) => d.participants)) * 1.12 },
      },
      tooltip: [{ field: 'country' }, { field: 'rule' }, { field: 'participants', format: ',' }],
    },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          color: {
            field: 'rule',
            type: 'nominal',
            title: 'Multi-country rule',
            scale: { domain: ['Full count', 'Split evenly'], range: [SINGLE_COLOUR, SECOND_COLOUR] },
          },
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 3, fontSize: 9, color: '#222222' },
        encoding: { text: { field: 'participants', type: 'quantitative', format: ',' } },
      },
    ],
  } as TopLevelSpec;
}

function dose(m: Metrics): TopLevelSpec | null {
  const routes = m.dose.byRoute.slice(0, 8).map((s) => s.key);
  // deterministic vertical jitter (golden-ratio sequence) so that equal doses do not hide each other
  const data = m.dose.points.flatMap((p, i) =>
    p.routes
      .filter((r) => routes.includes(r))
      .map((r) => ({
        route: nice(r),
        dose: p.value,
        doseText: `${sci(p.value)} cells/kg`,
        nct: p.nctId,
        phase: nice(p.phase),
        jitter: ((i * 0.618034) % 1) - 0.5,
      })),
  );
  if (data.length === 0) return null;
  const lo = Math.floor(Math.log10(Math.min(...data.map((d) => d.dose))) - 1e-9);
  const hi = Math.ceil(Math.log10(Math.max(...data.map((d) => d.dose))) + 1e-9);
  const ticks = Array.from({ length: hi - lo + 1 }, (_, i) => 10 ** (lo + i));
  const medians = m.dose.byRoute
    .filter((s) => routes.includes(s.key))
    .map((s) => ({ route: nice(s.key), median: s.median, medianText: `${sci(s.median)} cells/kg`, n: s.n }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'Cell dose per administration (cells/kg) by route',
      subtitle: `${m.dose.perKgTrials} trials state a per-kg dose; dots = trials (low end of a range), bar = median. Log scale.`,
    },
    width: WIDTH - 160,
    height: { step: 30 },
    config: CHART_CONFIG,
    layer: [
      {
        data: { values: data },
        mark: { type: 'circle', size: 40, opacity: 0.55, color: SINGLE_COLOUR },
        encoding: {
          y: {
            field: 'route',
            type: 'nominal',
            title: null,
            sort: routes.map(nice),
            scale: { type: 'band' },
          },
          yOffset: { field: 'jitter', type: 'quantitative', scale: { domain: [-0.5, 0.5], range: [5, 25] } },
          x: {
            field: 'dose',
            type: 'quantitative',
            title: 'Cells per kg body weight',
            scale: { type: 'log', domain: [ticks[0], ticks[ticks.length - 1]] },
            axis: { values: ticks, labelExpr: powerOfTenLabelExpr(ticks) },
          },
          tooltip: [{ field: 'nct' }, { field: 'doseText', title: 'dose' }, { field: 'phase' }],
        },
      },
      {
        data: { values: medians },
        mark: { type: 'tick', color: SECOND_COLOUR, thickness: 3, size: 22 },
        encoding: {
          y: {
            field: 'route',
            type: 'nominal',
            sort: routes.map(nice),
            scale: { type: 'band' },
            bandPosition: 0.5,
          },
          x: { field: 'median', type: 'quantitative' },
          tooltip: [{ field: 'route' }, { field: 'medianText', title: 'median' }, { field: 'n' }],
        },
      },
    ],
  } as TopLevelSpec;
}

const basisText = (m: Metrics) => (m.options.yearBasis === 'start' ? 'Start year' : 'Year first posted');

/** The report's figures, in order. */
export const FIGURES: readonly FigureDef[] = [
  {
    id: 'trials-per-year-first-posted',
    title: 'Trials per year first posted, by tissue source',
    regenerates: 'Jovic et al. 2022, Fig. 2 (left)',
    caption:
      'New trials per calendar year of first posting on ClinicalTrials.gov, stacked by MSC tissue source (one group per trial).',
    spec: (m) =>
      stackedYears(
        m.tables.trialsPerFirstPostedYear,
        'Trials per year first posted, by tissue source',
        'One source group per trial; trials with several sources are "Multiple sources".',
        'Year first posted',
        'Tissue source',
      ),
  },
  {
    id: 'trials-per-year-start',
    title: 'Trials per start year, by tissue source',
    regenerates: 'Jovic et al. 2022, Fig. 2 (left), start-date variant',
    caption:
      'Trials per calendar year of the (actual or anticipated) study start date, stacked by tissue source. Trials without a start date are left out of the chart.',
    spec: (m) =>
      stackedYears(
        m.tables.trialsPerStartYear,
        'Trials per start year, by tissue source',
        'Actual or anticipated start date; one source group per trial.',
        'Start year',
        'Tissue source',
      ),
  },
  {
    id: 'tissue-sources',
    title: 'MSC tissue sources',
    regenerates: 'Jovic et al. 2022, Fig. 2 (right)',
    caption: 'Trials per MSC tissue source; a trial with several sources counts under each.',
    spec: (m) =>
      hbar(
        m.tables.sources,
        'MSC tissue sources',
        'Trials per source; trials with several sources count under each.',
        'Trials',
      ),
  },
  {
    id: 'phases',
    title: 'Trials by registry phase',
    regenerates: 'Jovic et al. 2022, Fig. 3 (left)',
    caption: 'Registered phase; combined phases (Phase 1/2, Phase 2/3) are kept distinct.',
    spec: (m) =>
      hbar(
        m.tables.phases,
        'Trials by registry phase',
        'Combined phases kept distinct; "No phase given" is mostly observational studies.',
        'Trials',
      ),
  },
  {
    id: 'statuses',
    title: 'Trials by overall status',
    regenerates: 'Jovic et al. 2022, Fig. 3 (right)',
    caption: 'Overall recruitment status as of the snapshot.',
    spec: (m) =>
      hbar(
        m.tables.statuses,
        'Trials by overall status',
        'Status as of the snapshot date (not as of any --as-of date).',
        'Trials',
      ),
  },
  {
    id: 'participants-by-country',
    title: 'Registered participants by country',
    regenerates: 'Jovic et al. 2022, Fig. 4',
    caption: 'Registered enrollment by country, both multi-country rules side by side.',
    spec: participants,
  },
  {
    id: 'trials-by-country',
    title: 'Trials per country',
    caption: 'Trials per location country (20 largest); multi-country trials count in each.',
    spec: (m) =>
      hbar(
        m.tables.trialsByCountry,
        'Trials per country (20 largest)',
        'Multi-country trials count in each of their countries.',
        'Trials',
        { top: 20 },
      ),
  },
  {
    id: 'observational-by-country',
    title: 'Observational studies per country',
    caption: 'Observational studies per location country.',
    spec: (m) =>
      hbar(
        m.tables.observationalByCountry,
        'Observational studies per country',
        `${m.summary.observational} observational studies; multi-country studies count in each country.`,
        'Studies',
        { top: 20 },
      ),
  },
  {
    id: 'routes',
    title: 'Administration routes',
    regenerates: 'Jovic et al. 2022, Fig. 5A',
    caption: 'Trials per administration route; a trial with several routes counts under each.',
    spec: (m) =>
      hbar(
        m.tables.routes,
        'Administration routes',
        'Trials per route; trials with several routes count under each.',
        'Trials',
      ),
  },
  {
    id: 'specialty-over-time',
    title: 'Medical specialty over time',
    regenerates: 'Jovic et al. 2022, Fig. 5B',
    caption: 'Trials per year by principal medical specialty (9 largest named; the rest merged into Other).',
    spec: (m) =>
      stackedYears(
        m.tables.specialtyOverTime,
        'Medical specialty over time',
        'One principal specialty per trial; smaller specialties merged into "Other".',
        basisText(m),
        'Specialty',
        9,
      ),
  },
  {
    id: 'specialties',
    title: 'Medical specialties',
    caption: 'Trials per principal medical specialty.',
    spec: (m) =>
      hbar(m.tables.specialties, 'Medical specialties', 'One principal specialty per trial.', 'Trials'),
  },
  {
    id: 'donor-over-time',
    title: 'Autologous vs allogeneic over time',
    caption: 'Trials per year by donor type.',
    spec: (m) =>
      stackedYears(
        m.tables.donorOverTime,
        'Autologous vs allogeneic MSCs over time',
        '"Both" = different arms use each.',
        basisText(m),
        'Donor',
      ),
  },
  {
    id: 'product-form-over-time',
    title: 'Cells vs EVs/secretome vs stromal mixtures over time',
    caption: 'Trials per year by product form.',
    spec: (m) =>
      stackedYears(
        m.tables.productFormOverTime,
        'Cells vs cell-free products vs stromal mixtures',
        'Product form of the MSC intervention, per year.',
        basisText(m),
        'Product form',
      ),
  },
  {
    id: 'modifications',
    title: 'Primed, genetically modified and differentiated MSCs',
    caption: 'Trials per stated modification of the cells.',
    spec: (m) => {
      // the unmodified majority would dwarf the modified few: it is stated in the subtitle instead of drawn
      const none = m.tables.modifications.rows.find((r) => r.key === 'none')?.count ?? 0;
      return hbar(
        { ...m.tables.modifications, rows: m.tables.modifications.rows.filter((r) => r.key !== 'none') },
        'Modified MSC products',
        `Trials per stated modification (a trial can have several); ${fmt(none)} trials state none (unmodified or not said) and are not drawn.`,
        'Trials',
      );
    },
  },
  {
    id: 'covid19-over-time',
    title: 'COVID-19 trials over time',
    regenerates: 'Zhou et al. 2021, Table 8 context',
    caption: 'COVID-19 trials vs all other trials per year.',
    spec: (m) =>
      stackedYears(
        m.tables.covid19OverTime,
        'COVID-19 trials among MSC trials',
        `${m.summary.covid19} COVID-19 trials in total.`,
        basisText(m),
        'Target',
      ),
  },
  {
    id: 'registry-over-time',
    title: 'Trials per registry over time',
    caption:
      'Trials per year and registry (registered in). A trial registered in several registries is one trial, drawn once on the line of each of its registries; its year is that of its first registration.',
    spec: (m) =>
      registryLines(
        m.tables.registryOverTime,
        'Trials per registry over time',
        `${m.tables.registries.rows.length} ${m.tables.registries.rows.length === 1 ? 'registry' : 'registries'}; a trial registered in several counts on each of their lines.`,
        basisText(m),
      ),
  },
  {
    id: 'sponsor-classes',
    title: 'Lead sponsor class',
    caption: 'Trials per lead sponsor class.',
    spec: (m) =>
      hbar(
        m.tables.sponsorClasses,
        'Lead sponsor class',
        'Registry agency class of the lead sponsor.',
        'Trials',
      ),
  },
  {
    id: 'dose-by-route',
    title: 'Dose distribution (cells/kg) by route',
    caption: 'Per-administration dose in cells/kg, by route (8 routes with most dosed trials).',
    spec: dose,
  },
];

/** Render a vega-lite spec to a standalone SVG string. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const compiled = vl.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.Error });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export interface RenderedFigure {
  id: string;
  title: string;
  regenerates: string | null;
  caption: string;
  svg: string;
  spec: TopLevelSpec;
}

export async function renderFigures(
  m: Metrics,
  defs: readonly FigureDef[] = FIGURES,
): Promise<RenderedFigure[]> {
  const out: RenderedFigure[] = [];
  for (const d of defs) {
    const spec = d.spec(m);
    if (!spec) continue;
    out.push({
      id: d.id,
      title: d.title,
      regenerates: d.regenerates ?? null,
      caption: d.caption,
      svg: await renderSvg(spec),
      spec,
    });
  }
  return out;
}
