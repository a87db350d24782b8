/**
 * The linked charts: one vega-lite spec per metric table (from /api/metrics), embedded with vega-embed in
 * CSP-safe mode (`ast: true`: expressions run by vega's interpreter, no eval). Clicking a bar or a country
 * toggles that value in the matching filter; the page then reloads every view for the new filter.
 */
import embed, { type VisualizationSpec } from 'vega-embed';
import type { MetricTable } from './api.js';
import { atlasFeatures, placeCountries } from './map.js';
import { append, clear, fmt, h, pretty } from './dom.js';
import type { ListField } from './state.js';
import { yearAxis, yearLines } from '../series.js';
import {
  COLOUR_DIMENSION_OF,
  colourOf,
  colourScaleFor,
  continuousYears,
  SINGLE_COLOUR,
  type ColourDimension,
} from '../colours.js';

/** Which chart shows which metric table, and which filter a click on it sets (data, not code). */
export const CHARTS: ReadonlyArray<{
  table: string;
  filter: ListField | 'year';
  title: string;
  limit?: number;
  /** Drawn as lines over continuous years (a [year, value] table; a click filters by the value). */
  lines?: boolean;
}> = [
  {
    table: 'trialsPerFirstPostedYear',
    filter: 'year',
    title: 'Studies per year first posted, by tissue source',
  },
  { table: 'sources', filter: 'source', title: 'Tissue source' },
  { table: 'phases', filter: 'phase', title: 'Phase' },
  { table: 'statuses', filter: 'status', title: 'Recruitment status' },
  { table: 'specialties', filter: 'specialty', title: 'Medical specialty' },
  { table: 'routes', filter: 'route', title: 'Route of administration', limit: 15 },
  { table: 'donors', filter: 'donor', title: 'Donor' },
  { table: 'productForms', filter: 'productForm', title: 'Product form' },
  {
    table: 'registryOverTime',
    filter: 'registry',
    title: 'Trials per registry over time',
    lines: true,
  },
];

export type ChartClick = (filter: ListField | 'year', value: string) => void;

const EMBED_OPTS = {
  ast: true,
  renderer: 'svg' as const,
  // no actions menu (without vega-embed's injected styles it cannot fold away) and no injected <style>
  // elements (the CSP allows stylesheets from 'self' only): style.css styles the tooltip instead
  actions: false,
  defaultStyle: false,
  tooltip: { disableDefaultStyle: true, theme: 'light' },
  /** vega's own warnings (e.g. autosize notes) are not for the reader: errors only. */
  logLevel: 1,
};

const AUTOSIZE = { type: 'fit-x', contains: 'padding' } as const;

const BASE_CONFIG = {
  font: 'system-ui, sans-serif',
  axis: { labelFontSize: 11, titleFontSize: 11, labelLimit: 180 },
  legend: { labelFontSize: 11, titleFontSize: 11 },
  view: { stroke: null },
};

export function barSpec(
  t: MetricTable,
  title: string,
  selected: readonly string[],
  limit?: number,
): VisualizationSpec {
  // the same colour per value as the report (../colours.ts); a selection is marked by an outline and by fading
  // the values not selected, so the colour keeps meaning the value
  const dim = (COLOUR_DIMENSION_OF[t.dims[0] ?? ''] as ColourDimension | undefined) ?? null;
  const any = selected.length > 0;
  const values = t.rows.slice(0, limit ?? 25).map((r) => ({
    key: r.key,
    label: pretty(r.key),
    count: r.count,
    sel: selected.includes(r.key),
    colour: dim ? colourOf(dim, r.key) : SINGLE_COLOUR,
    fade: any && !selected.includes(r.key),
  }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: `${title}: bar chart of ${t.unit} per value. Click a bar to filter by it.`,
    width: 'container',
    autosize: AUTOSIZE,
    height: { step: 18 },
    data: { values },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: { field: 'count', order: 'descending' }, title: null },
      // room for the value labels right of the longest bar
      x: {
        field: 'count',
        type: 'quantitative',
        title: t.unit,
        scale: { domainMax: Math.max(1, ...values.map((v) => v.count)) * 1.15 },
      },
      tooltip: [
        { field: 'label', title: 'value' },
        { field: 'count', title: t.unit },
      ],
    },
    layer: [
      {
        mark: { type: 'bar', cursor: 'pointer', tooltip: true },
        encoding: {
          color: { field: 'colour', type: 'nominal', scale: null, legend: null },
          opacity: { condition: { test: 'datum.fade', value: 0.3 }, value: 1 },
          stroke: { condition: { test: 'datum.sel', value: '#111111' }, value: null },
          strokeWidth: { condition: { test: 'datum.sel', value: 2 }, value: 0 },
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 3, fontSize: 10, color: '#222222' },
        encoding: { text: { field: 'count', type: 'quantitative', format: ',' } },
      },
    ],
    config: BASE_CONFIG,
  } as VisualizationSpec;
}

export function yearSpec(t: MetricTable): VisualizationSpec {
  const rows = t.rows.filter((r) => r.keys[0] !== 'unknown');
  // a continuous axis (years without studies are empty bands) and the report's colour per source
  const years = continuousYears(rows.map((r) => r.keys[0] ?? ''));
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.keys[1] ?? '', (totals.get(r.keys[1] ?? '') ?? 0) + r.count);
  const neutral = (k: string) => k === 'unspecified' || k === 'other';
  const keys = [...totals.keys()].sort(
    (a, b) =>
      Number(neutral(a)) - Number(neutral(b)) || totals.get(b)! - totals.get(a)! || a.localeCompare(b),
  );
  const scale = colourScaleFor('source', keys, pretty);
  // stacks in legend order, the largest source at the bottom
  const values = rows.map((r) => ({
    year: r.keys[0],
    source: pretty(r.keys[1] ?? ''),
    count: r.count,
    rank: keys.indexOf(r.keys[1] ?? ''),
  }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description:
      'Stacked bar chart of studies per year first posted, by tissue source. Click a year to filter by it.',
    width: 'container',
    autosize: AUTOSIZE,
    height: 220,
    data: { values },
    mark: { type: 'bar', cursor: 'pointer' },
    encoding: {
      x: yearAxis('year', null, years),
      y: {
        field: 'count',
        type: 'quantitative',
        aggregate: 'sum',
        title: 'studies',
        axis: { tickMinStep: 1, format: 'd' },
      },
      color: { field: 'source', type: 'nominal', title: 'source', scale, sort: scale.domain },
      order: { field: 'rank', type: 'quantitative', sort: 'ascending' },
      tooltip: [
        { field: 'year' },
        { field: 'source' },
        { field: 'count', aggregate: 'sum', title: 'studies' },
      ],
    },
    config: BASE_CONFIG,
  } as VisualizationSpec;
}

/** Trials per year and registry as lines (the report's figure, same colours); a click filters by the registry. */
export function registryLinesSpec(t: MetricTable, selected: readonly string[]): VisualizationSpec {
  const { years, points, scale } = yearLines(t.rows, 'registry', pretty);
  const any = selected.length > 0;
  const values = points.map((p) => ({ ...p, fade: any && !selected.includes(p.key) }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description:
      'Line chart of trials per year first posted, one line per registry. Click a point to filter by its registry.',
    width: 'container',
    autosize: AUTOSIZE,
    height: 220,
    data: { values },
    encoding: {
      x: yearAxis('year', null, years),
      y: { field: 'count', type: 'quantitative', title: t.unit, axis: { tickMinStep: 1, format: 'd' } },
      color: { field: 'series', type: 'nominal', title: 'registered in', scale, sort: scale.domain },
      opacity: { condition: { test: 'datum.fade', value: 0.3 }, value: 1 },
      tooltip: [{ field: 'year' }, { field: 'series', title: 'registry' }, { field: 'count', title: t.unit }],
    },
    layer: [
      { mark: { type: 'line', strokeWidth: 2 } },
      { mark: { type: 'point', filled: true, size: 40, cursor: 'pointer' } },
    ],
    config: BASE_CONFIG,
  } as VisualizationSpec;
}

function mapSpec(t: MetricTable): VisualizationSpec {
  const { mapped } = placeCountries(t.rows);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: 'World map of studies per country. Click a country to filter by it.',
    width: 'container',
    autosize: AUTOSIZE,
    height: 330,
    projection: { type: 'equalEarth' },
    layer: [
      {
        data: { values: atlasFeatures },
        mark: { type: 'geoshape', fill: '#e6e6e6', stroke: '#fff', strokeWidth: 0.5 },
      },
      {
        data: { values: atlasFeatures },
        transform: [
          {
            lookup: 'properties.name',
            from: { data: { values: mapped }, key: 'atlas', fields: ['count', 'registry'] },
          },
          { filter: 'datum.count > 0' },
        ],
        mark: { type: 'geoshape', stroke: '#fff', strokeWidth: 0.5, cursor: 'pointer' },
        encoding: {
          color: {
            field: 'count',
            type: 'quantitative',
            title: 'studies',
            scale: { type: 'sqrt', scheme: 'blues', domainMin: 0 },
            legend: { format: 'd' },
          },
          tooltip: [
            { field: 'registry', title: 'country' },
            { field: 'count', title: 'studies' },
          ],
        },
      },
    ],
    config: BASE_CONFIG,
  } as VisualizationSpec;
}

async function embedInto(
  el: HTMLElement,
  spec: VisualizationSpec,
  onClick: (datum: Record<string, unknown>) => void,
): Promise<void> {
  const result = await embed(el, spec, EMBED_OPTS);
  result.view.addEventListener('click', (_event, item) => {
    const d = (item as { datum?: Record<string, unknown> } | null | undefined)?.datum;
    if (d) onClick(d);
  });
}

export interface RenderedCharts {
  finalize(): void;
}

/** Render all charts and the map into `root` (replacing what was there). */
export async function renderCharts(
  root: HTMLElement,
  tables: Record<string, MetricTable>,
  selected: (f: ListField) => readonly string[],
  onClick: ChartClick,
  canFilter: (f: ListField, value: string) => boolean = () => true,
): Promise<void> {
  clear(root);
  const jobs: Promise<void>[] = [];
  const figure = (title: string, wide: boolean, note: string) => {
    const body = h('div', { class: 'chart-body' });
    const fig = h(
      'figure',
      { class: wide ? 'chart wide' : 'chart' },
      h('figcaption', {}, title),
      body,
      h('p', { class: 'note' }, note),
    );
    root.appendChild(fig);
    return { fig, body };
  };

  const countries = tables.trialsByCountry;
  if (countries) {
    const { fig, body } = figure('Studies per country (location of sites)', true, countries.note);
    if (placeCountries(countries.rows).mapped.length)
      jobs.push(
        embedInto(
          body,
          mapSpec(countries),
          (d) => typeof d.registry === 'string' && onClick('country', d.registry),
        ),
      );
    else body.appendChild(h('p', { class: 'empty' }, 'No study with a location on the map.'));
    const { unmapped } = placeCountries(countries.rows);
    const noLoc = countries.rows.find((r) => r.key === '(no location)');
    if (unmapped.length || noLoc) {
      const p = h('p', { class: 'note' }, 'Not on the map: ');
      unmapped.forEach((r, i) => {
        append(
          p,
          i ? ', ' : '',
          h(
            'button',
            { type: 'button', class: 'linklike', 'data-country': r.key },
            `${r.key} (${fmt(r.count)})`,
          ),
        );
      });
      if (noLoc) append(p, unmapped.length ? '; ' : '', `no location listed: ${fmt(noLoc.count)}`);
      p.addEventListener('click', (e) => {
        const c = (e.target as HTMLElement).closest('button')?.getAttribute('data-country');
        if (c) onClick('country', c);
      });
      fig.appendChild(p);
    }
  }

  for (const c of CHARTS) {
    const t = tables[c.table];
    if (!t) continue;
    const wide = c.filter === 'year' || c.lines === true;
    const { fig, body } = figure(c.title, wide, t.note);
    if (t.rows.length === 0) {
      body.appendChild(h('p', { class: 'empty' }, 'No studies.'));
      continue;
    }
    const spec =
      c.filter === 'year'
        ? yearSpec(t)
        : c.lines
          ? registryLinesSpec(t, selected(c.filter))
          : barSpec(t, c.title, selected(c.filter), c.limit);
    jobs.push(
      embedInto(body, spec, (d) => {
        const v = c.filter === 'year' ? d.year : d.key;
        if (typeof v === 'string' && v !== 'unknown') onClick(c.filter, v);
      }),
    );
    const field = c.filter;
    if (field !== 'year')
      fig.appendChild(
        valueList(
          c.lines ? (tables.registries ?? t) : t,
          selected(field),
          (v) => canFilter(field, v),
          (v) => onClick(field, v),
        ),
      );
  }
  await Promise.all(jobs);
}

/** The chart's values as buttons (keyboard and screen-reader access to the same click-to-filter). */
function valueList(
  t: MetricTable,
  selected: readonly string[],
  canFilter: (value: string) => boolean,
  onClick: (value: string) => void,
): HTMLElement {
  const list = h('ul', { class: 'values' });
  for (const r of t.rows) {
    const b = h(
      'button',
      {
        type: 'button',
        'aria-pressed': selected.includes(r.key) ? 'true' : 'false',
        disabled: !canFilter(r.key),
      },
      `${pretty(r.key)}: ${fmt(r.count)}`,
    );
    b.addEventListener('click', () => onClick(r.key));
    list.appendChild(h('li', {}, b));
  }
  return h('details', { class: 'values-box' }, h('summary', {}, `Values as a list (${t.rows.length})`), list);
}
