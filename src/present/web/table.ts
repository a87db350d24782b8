/** The study table: sortable column headers (buttons with aria-sort), pagination, links to the study page. */
import type { StudiesPage, StudyRow } from './api.js';
import { append, clear, fmt, h, pretty } from './dom.js';
import type { ViewState } from './state.js';

const COLUMNS: ReadonlyArray<{
  key: string;
  title: string;
  sort?: string;
  cell: (r: StudyRow) => string | number | null;
  num?: boolean;
}> = [
  { key: 'nctId', title: 'NCT id', sort: 'nctId', cell: (r) => r.nctId },
  { key: 'title', title: 'Title', sort: 'title', cell: (r) => r.title },
  { key: 'phase', title: 'Phase', sort: 'phase', cell: (r) => pretty(r.phase) },
  { key: 'status', title: 'Status', sort: 'status', cell: (r) => pretty(r.status) },
  {
    key: 'enrollment',
    title: 'Enrollment',
    sort: 'enrollment',
    cell: (r) => (r.enrollment === null ? null : fmt(r.enrollment)),
    num: true,
  },
  { key: 'firstPosted', title: 'First posted', sort: 'firstPosted', cell: (r) => r.firstPosted },
  { key: 'category', title: 'Category', sort: 'category', cell: (r) => pretty(r.category) },
  { key: 'sources', title: 'Source', sort: 'source', cell: (r) => r.sources.map(pretty).join(', ') },
  { key: 'donor', title: 'Donor', sort: 'donor', cell: (r) => pretty(r.donor) },
  { key: 'routes', title: 'Route', sort: 'route', cell: (r) => r.routes.map(pretty).join(', ') },
  { key: 'specialty', title: 'Specialty', sort: 'specialty', cell: (r) => pretty(r.specialty) },
  { key: 'countries', title: 'Countries', sort: 'country', cell: (r) => r.countries.join(', ') },
];

export interface TableHandlers {
  onState(s: ViewState): void;
  studyHref(nct: string): string;
  onOpen(nct: string): void;
}

export function renderTable(root: HTMLElement, page: StudiesPage, state: ViewState, on: TableHandlers): void {
  const focusedId = root.contains(document.activeElement) ? (document.activeElement as HTMLElement).id : '';
  clear(root);
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const head = h('tr');
  for (const c of COLUMNS) {
    const active = c.sort === state.sort;
    const ariaSort = active ? (state.order === 'asc' ? 'ascending' : 'descending') : null;
    const th = h('th', { scope: 'col', 'aria-sort': ariaSort, class: c.num ? 'num' : null });
    if (c.sort) {
      const btn = h(
        'button',
        { type: 'button', class: 'sort', id: `sort-${c.sort}`, 'data-sort': c.sort },
        c.title,
        h('span', { 'aria-hidden': 'true' }, active ? (state.order === 'asc' ? ' ▲' : ' ▼') : ''),
      );
      btn.addEventListener('click', () => {
        const order = active
          ? state.order === 'asc'
            ? 'desc'
            : 'asc'
          : c.num || c.sort === 'firstPosted'
            ? 'desc'
            : 'asc';
        on.onState({ ...state, sort: c.sort!, order, page: 1 });
      });
      th.appendChild(btn);
    } else th.textContent = c.title;
    head.appendChild(th);
  }
  const body = h('tbody');
  for (const r of page.rows) {
    const tr = h('tr');
    for (const c of COLUMNS) {
      const v = c.cell(r);
      if (c.key === 'nctId') {
        const a = h('a', { href: on.studyHref(r.nctId), class: 'study-link' }, r.nctId);
        a.addEventListener('click', (e) => {
          if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
          e.preventDefault();
          on.onOpen(r.nctId);
        });
        tr.appendChild(h('th', { scope: 'row' }, a));
      } else tr.appendChild(h('td', { class: c.num ? 'num' : null }, v === null || v === '' ? '—' : v));
    }
    body.appendChild(tr);
  }
  if (page.rows.length === 0)
    body.appendChild(
      h('tr', {}, h('td', { colspan: COLUMNS.length, class: 'empty' }, 'No study matches these filters.')),
    );
  root.appendChild(
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { id: 'studies' },
        h('caption', { class: 'sr-only' }, 'Studies matching the filters'),
        h('thead', {}, head),
        body,
      ),
    ),
  );

  const prev = h('button', { type: 'button', id: 'page-prev', disabled: page.page <= 1 }, '← Previous');
  const next = h('button', { type: 'button', id: 'page-next', disabled: page.page >= pages }, 'Next →');
  prev.addEventListener('click', () => on.onState({ ...state, page: Math.max(1, page.page - 1) }));
  next.addEventListener('click', () => on.onState({ ...state, page: Math.min(pages, page.page + 1) }));
  const size = h('select', { id: 'page-size' });
  for (const n of [10, 25, 50, 100, 250, 500])
    append(size, h('option', { value: n, selected: n === page.pageSize }, String(n)));
  size.addEventListener('change', () => on.onState({ ...state, pageSize: Number(size.value), page: 1 }));
  const from = page.total === 0 ? 0 : (page.page - 1) * page.pageSize + 1;
  const to = Math.min(page.total, page.page * page.pageSize);
  root.appendChild(
    h(
      'nav',
      { class: 'pager', 'aria-label': 'Table pages' },
      prev,
      h(
        'span',
        {},
        `Rows ${fmt(from)}–${fmt(to)} of ${fmt(page.total)} · page ${fmt(page.page)} of ${fmt(pages)}`,
      ),
      next,
      h('label', { for: 'page-size' }, 'Rows per page'),
      size,
    ),
  );
  if (focusedId) document.getElementById(focusedId)?.focus();
}
