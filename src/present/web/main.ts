/**
 * mscope dashboard entry: wires the URL state to the filter panel, the linked charts, the map, the study
 * table and the study page. Every state change goes through `navigate` (history.pushState); popstate
 * re-renders from the URL, so reload, sharing and the back button all reproduce the same view.
 */
import {
  ApiFailure,
  getJson,
  type Meta,
  type MetricsResponse,
  type ReviewDetail,
  type ReviewQueue,
  type SnapshotInfo,
  type StudiesPage,
  type StudyDetail,
} from './api.js';
import { renderCharts } from './charts.js';
import { append, byId, clear, fmt, h, pretty } from './dom.js';
import { renderFilters } from './filters.js';
import { renderStudy } from './study.js';
import { renderReview } from './review.js';
import { renderTable } from './table.js';
import {
  BOOL_FIELDS,
  LIST_FIELDS,
  TEXT_FIELDS,
  filterParams,
  parseState,
  stateToSearch,
  toggleValue,
  type ViewState,
} from './state.js';

let state: ViewState = parseState(location.search);
let meta: Meta | null = null;
let metaSnapshot: string | null | undefined;
let lastMetricsKey: string | null = null;
let renderToken = 0;

const el = {
  snapshot: () => byId<HTMLSelectElement>('snapshot'),
  form: () => byId<HTMLFormElement>('filter-form'),
  count: () => byId('count'),
  chips: () => byId('chips'),
  error: () => byId('error'),
  notice: () => byId('notice'),
  overview: () => byId('overview'),
  summary: () => byId('summary'),
  charts: () => byId('charts'),
  table: () => byId('table'),
  study: () => byId('study'),
  exportLink: () => byId<HTMLAnchorElement>('export'),
  reviewLine: () => byId('review-line'),
};

function navigate(next: ViewState, opts: { replace?: boolean } = {}): void {
  state = next;
  const url = `${location.pathname}${stateToSearch(next)}`;
  if (opts.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  void render();
}

function showError(err: unknown): void {
  const box = el.error();
  clear(box);
  if (!err) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  const msg =
    err instanceof ApiFailure
      ? `${err.message}${err.parameter ? ` (parameter: ${err.parameter})` : ''}`
      : String(err);
  append(box, h('strong', {}, 'Error: '), msg);
}

async function loadMeta(): Promise<void> {
  if (meta && metaSnapshot === state.snapshot) return;
  const q = new URLSearchParams();
  if (state.snapshot) q.set('snapshot', state.snapshot);
  meta = await getJson<Meta>('/api/meta', q);
  metaSnapshot = state.snapshot;
  lastMetricsKey = null;
  // a snapshot without labels: label filters would match nothing, drop them (and say so in the URL)
  if (!meta.rulesetVersion) {
    const lists = Object.fromEntries(Object.entries(state.lists).filter(([f]) => !LABEL_FIELDS.has(f)));
    if (Object.keys(lists).length !== Object.keys(state.lists).length || Object.keys(state.bools).length) {
      state = { ...state, lists, bools: {} };
      history.replaceState(null, '', `${location.pathname}${stateToSearch(state)}`);
    }
  }
}

/** Filters that need classifier labels. */
const LABEL_FIELDS: ReadonlySet<string> = new Set([
  'category',
  'confidence',
  'source',
  'donor',
  'route',
  'specialty',
  'productForm',
  'modification',
  'product',
]);

/** At the top of the page: this snapshot has no labels, and the command that gives it some. */
function renderNotice(): void {
  const box = el.notice();
  clear(box);
  box.hidden = !meta || !!meta.rulesetVersion;
  if (!meta || meta.rulesetVersion) return;
  const id = meta.snapshot.id;
  append(
    box,
    h('strong', {}, `Snapshot #${id} is not classified. `),
    'Tissue source, donor, route, specialty and the screening (included MSC studies) come from the classifier, so ',
    'every label chart shows "Not stated" and label filters are off. Label it with ',
    h('code', {}, `mscope classify --snapshot ${id}`),
    ' (same --db as this server), then reload this page.',
  );
}

function renderChips(): void {
  const box = el.chips();
  clear(box);
  const chip = (label: string, drop: (s: ViewState) => ViewState) => {
    const b = h(
      'button',
      { type: 'button', class: 'chip', 'aria-label': `Remove filter ${label}` },
      label,
      h('span', { 'aria-hidden': 'true' }, ' ×'),
    );
    b.addEventListener('click', () => navigate({ ...drop(state), page: 1 }));
    box.appendChild(b);
  };
  for (const f of LIST_FIELDS)
    for (const v of state.lists[f] ?? []) chip(`${f}: ${pretty(v)}`, (s) => toggleValue(s, f, v));
  for (const f of BOOL_FIELDS)
    if (state.bools[f] !== undefined)
      chip(`${f}: ${state.bools[f]}`, (s) => ({ ...s, bools: { ...s.bools, [f]: undefined } }));
  for (const f of TEXT_FIELDS)
    if (state.texts[f])
      chip(`${f}: ${state.texts[f]}`, (s) => ({ ...s, texts: { ...s.texts, [f]: undefined } }));
}

function renderSummary(m: MetricsResponse['metrics']['summary']): void {
  const box = el.summary();
  clear(box);
  const card = (n: number, label: string) =>
    h('div', { class: 'card' }, h('div', { class: 'n' }, fmt(n)), h('div', { class: 'l' }, label));
  append(
    box,
    card(m.studies, 'studies'),
    card(m.included, 'included (MSC)'),
    card(m.completed, 'completed'),
    card(m.withResults, 'with results'),
    card(m.countries, 'countries'),
    card(m.participants.total, 'participants'),
  );
}

function onChartClick(filter: string, value: string): void {
  if (filter === 'year') {
    const same = state.texts.firstPostedFrom === value && state.texts.firstPostedTo === value;
    navigate({
      ...state,
      texts: {
        ...state.texts,
        firstPostedFrom: same ? undefined : value,
        firstPostedTo: same ? undefined : value,
      },
      page: 1,
    });
    return;
  }
  const field = filter as (typeof LIST_FIELDS)[number];
  if (canFilter(field, value)) navigate(toggleValue(state, field, value));
}

/** Only values the filter accepts (a metric's "other"/"unspecified" buckets may not be filter values). */
function canFilter(field: (typeof LIST_FIELDS)[number], value: string): boolean {
  return (
    field === 'country' ||
    (meta?.facets[field] ?? []).some((f) => f.value === value) ||
    (state.lists[field] ?? []).includes(value)
  );
}

const n = (k: number, noun: string): string => `${fmt(k)} ${noun}${k === 1 ? '' : 's'}`;

/** The review line: how many trials/fields were reviewed, where the classifier now differs; a way into the queue. */
function renderReviewLine(): void {
  const box = el.reviewLine();
  clear(box);
  if (!meta) return;
  const r = meta.review;
  const start = h('button', { type: 'button', id: 'review-start' }, 'Review the queue');
  start.addEventListener('click', () => void openQueue());
  append(
    box,
    h(
      'span',
      { id: 'review-counts', 'data-trials': r.trialsReviewed, 'data-fields': r.fieldsReviewed },
      r.trialsReviewed
        ? `Reviewed: ${n(r.trialsReviewed, 'trial')} (${n(r.fieldsReviewed, 'field')}); the classifier differs on ${n(r.fieldsDisagreeing, 'field')}${r.changedSinceDecision ? `, ${fmt(r.changedSinceDecision)} changed since the decision` : ''}. `
        : 'No trial reviewed yet. ',
    ),
    start,
  );
}

/** The review queue of the current filter: the trial `at` and its neighbours (or the first two trials). */
async function fetchQueue(at?: string): Promise<ReviewQueue> {
  const q = filterParams(state);
  if (at) q.set('at', at);
  return getJson<ReviewQueue>('/api/review/queue', q);
}

async function openQueue(): Promise<void> {
  try {
    const q = await fetchQueue();
    const first = q.firstUnreviewed ?? q.items[0]?.nctId;
    if (first) navigate({ ...state, nct: first, reviewMode: true });
  } catch (err) {
    showError(err);
  }
}

function showCount(total: number): void {
  el.count().textContent = `${fmt(total)} ${total === 1 ? 'study matches' : 'studies match'}`;
  el.count().setAttribute('data-total', String(total));
}

/** Marks a finished render on <body data-ready> (a new value each time: tests and tools wait for it). */
function markReady(token: number): void {
  document.body.setAttribute('data-ready', `${Date.now()}-${token}`);
}

async function render(): Promise<void> {
  const token = ++renderToken;
  try {
    await loadMeta();
    if (token !== renderToken || !meta) return;
    showError(null);
    renderNotice();
    el.snapshot().value = String(state.snapshot ?? meta.snapshot.id);
    renderFilters(el.form(), meta, state, (s) => navigate(s));
    renderChips();
    const fq = filterParams(state);
    const ex = new URLSearchParams(fq);
    ex.set('sort', state.sort);
    ex.set('order', state.order);
    el.exportLink().href = `/api/export.csv?${ex.toString()}`;

    renderReviewLine();
    if (state.nct && state.reviewMode) {
      el.overview().hidden = true;
      el.study().hidden = false;
      const q = new URLSearchParams();
      if (state.snapshot) q.set('snapshot', state.snapshot);
      const [detail, queue] = await Promise.all([
        getJson<ReviewDetail>(`/api/studies/${encodeURIComponent(state.nct)}`, q),
        fetchQueue(state.nct),
      ]);
      if (token !== renderToken) return;
      showCount(queue.total);
      const local = queue.items.findIndex((i) => i.nctId === detail.study.nctId);
      renderReview(el.study(), detail, {
        queue,
        index: local < 0 ? -1 : queue.offset + local,
        go: (nct) => navigate({ ...state, nct }),
        close: () => navigate({ ...state, nct: null, reviewMode: false }),
        saved: () => {
          meta = null;
          lastMetricsKey = null;
          void render();
        },
      });
      document.title = `Review ${detail.study.nctId} · mscope`;
      markReady(token);
      return;
    }
    if (state.nct) {
      el.overview().hidden = true;
      el.study().hidden = false;
      const q = new URLSearchParams();
      if (state.snapshot) q.set('snapshot', state.snapshot);
      const cq = new URLSearchParams(fq);
      cq.set('pageSize', '1');
      const [detail, count] = await Promise.all([
        getJson<StudyDetail>(`/api/studies/${encodeURIComponent(state.nct)}`, q),
        getJson<StudiesPage>('/api/studies', cq),
      ]);
      if (token !== renderToken) return;
      showCount(count.total);
      renderStudy(el.study(), detail, () => navigate({ ...state, nct: null }));
      const rv = h('button', { type: 'button', id: 'study-review' }, 'Review this study');
      rv.addEventListener('click', () => navigate({ ...state, reviewMode: true }));
      el.study().querySelector('.study-head')?.appendChild(rv);
      document.title = `${detail.study.nctId} · mscope`;
      byId('study-title').focus();
      markReady(token);
      return;
    }
    el.study().hidden = true;
    el.overview().hidden = false;
    document.title = 'mscope · MSC clinical trials atlas';

    const sq = new URLSearchParams(fq);
    sq.set('sort', state.sort);
    sq.set('order', state.order);
    sq.set('page', String(state.page));
    sq.set('pageSize', String(state.pageSize));
    const metricsKey = fq.toString();
    const mq = new URLSearchParams(fq);
    mq.set('onlyIncluded', 'false');
    mq.set('parts', 'summary,tables');
    // the table and count first; the charts when their metrics arrive (they take longer on a large snapshot)
    const pagePromise = getJson<StudiesPage>('/api/studies', sq);
    const metricsPromise =
      metricsKey === lastMetricsKey ? Promise.resolve(null) : getJson<MetricsResponse>('/api/metrics', mq);
    metricsPromise.catch(() => undefined);
    if (metricsKey !== lastMetricsKey) el.charts().setAttribute('aria-busy', 'true');
    const page = await pagePromise;
    if (token !== renderToken) return;
    showCount(page.total);
    renderTable(el.table(), page, state, {
      onState: (s) => navigate(s),
      studyHref: (nct) => `${location.pathname}${stateToSearch({ ...state, nct })}`,
      onOpen: (nct) => navigate({ ...state, nct }),
    });
    const metrics = await metricsPromise;
    if (token !== renderToken) return;
    if (metrics) {
      el.charts().removeAttribute('aria-busy');
      lastMetricsKey = metricsKey;
      renderSummary(metrics.metrics.summary);
      await renderCharts(
        el.charts(),
        metrics.metrics.tables,
        (f) => state.lists[f] ?? [],
        onChartClick,
        canFilter,
      );
    }
    markReady(token);
  } catch (err) {
    if (token === renderToken) {
      showError(err);
      markReady(token);
    }
  }
}

async function init(): Promise<void> {
  try {
    const snaps = await getJson<{ defaultSnapshotId: number; snapshots: SnapshotInfo[] }>('/api/snapshots');
    const picker = el.snapshot();
    clear(picker);
    for (const s of [...snaps.snapshots].reverse()) {
      append(
        picker,
        h(
          'option',
          { value: s.id },
          `#${s.id}${s.label ? ` ${s.label}` : ''} · ${s.createdAt.slice(0, 10)} · ${fmt(s.studyCount)} studies${s.rulesetVersion === null ? ' · not classified' : ''}${s.id === snaps.defaultSnapshotId ? ' (default)' : ''}`,
        ),
      );
    }
    picker.addEventListener('change', () =>
      navigate({
        ...state,
        snapshot: picker.value === String(snaps.defaultSnapshotId) ? null : picker.value,
        page: 1,
        nct: null,
      }),
    );
    await loadMeta();
    // first visit without any state: show the included MSC studies (the atlas population) when labels exist
    if (location.search === '' && meta?.rulesetVersion) {
      state = { ...state, bools: { ...state.bools, included: true } };
      history.replaceState(null, '', `${location.pathname}${stateToSearch(state)}`);
    }
  } catch (err) {
    showError(err);
  }
  await render();
}

window.addEventListener('popstate', () => {
  state = parseState(location.search);
  void render();
});

void init();
