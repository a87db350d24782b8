/**
 * The filter panel, built from /api/meta (every facet with its values and counts) and kept in sync with the
 * URL state. Every control is a native, labelled form element (keyboard accessible); changes call `onChange`
 * with the new state.
 */
import type { Meta } from './api.js';
import { append, clear, fmt, h, pretty } from './dom.js';
import { type BoolField, type ListField, type TextField, type ViewState } from './state.js';

/** Facets shown as checkbox groups, in panel order (data, not code). */
const LIST_FACETS: ReadonlyArray<{
  field: ListField;
  title: string;
  labels: boolean;
  open?: boolean;
  max?: number;
}> = [
  { field: 'category', title: 'Category', labels: true, open: true },
  { field: 'confidence', title: 'Confidence of the category', labels: true },
  { field: 'source', title: 'Tissue source', labels: true },
  { field: 'donor', title: 'Donor', labels: true },
  { field: 'productForm', title: 'Product form', labels: true },
  { field: 'modification', title: 'Modification', labels: true },
  { field: 'route', title: 'Route', labels: true },
  { field: 'specialty', title: 'Specialty', labels: true },
  { field: 'product', title: 'Named product', labels: true, max: 60 },
  { field: 'phase', title: 'Phase', labels: false },
  { field: 'status', title: 'Status', labels: false },
  { field: 'studyType', title: 'Study type', labels: false },
  { field: 'country', title: 'Country', labels: false },
  { field: 'registry', title: 'Registered in', labels: false },
  { field: 'review', title: 'Review', labels: false },
];

const BOOL_FACETS: ReadonlyArray<{ field: BoolField; title: string; yes: string; no: string }> = [
  { field: 'included', title: 'Screening', yes: 'Included MSC studies', no: 'Excluded records' },
  { field: 'covid19', title: 'COVID-19', yes: 'COVID-19 studies', no: 'Not COVID-19' },
];

const DATE_FIELDS: ReadonlyArray<{ field: TextField; title: string }> = [
  { field: 'firstPostedFrom', title: 'First posted from' },
  { field: 'firstPostedTo', title: 'First posted to' },
  { field: 'startFrom', title: 'Start from' },
  { field: 'startTo', title: 'Start to' },
  { field: 'asOf', title: 'Registry as of' },
];

const DATE_PATTERN = '\\d{4}(-\\d{2}(-\\d{2})?)?';

/** Facets the user opened or closed (kept across re-renders). */
const openFacets = new Map<string, boolean>();

export function renderFilters(
  form: HTMLFormElement,
  meta: Meta,
  state: ViewState,
  onChange: (s: ViewState) => void,
): void {
  // the panel is rebuilt from the state on every change: keep keyboard focus where it was
  const focusedId = form.contains(document.activeElement) ? (document.activeElement as HTMLElement).id : '';
  clear(form);
  const labelled = meta.rulesetVersion !== null;
  const emit = (mut: (s: ViewState) => ViewState) => onChange({ ...mut(state), page: 1 });

  const search = h('input', {
    type: 'search',
    id: 'f-text',
    name: 'text',
    value: state.texts.text ?? '',
    placeholder: 'title, condition, NCT id…',
    autocomplete: 'off',
  });
  form.appendChild(
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'f-text' }, 'Search'),
      h('div', { class: 'row' }, search, h('button', { type: 'submit' }, 'Search')),
    ),
  );
  form.onsubmit = (e) => {
    e.preventDefault();
    emit((s) => ({ ...s, texts: { ...s.texts, text: search.value.trim() || undefined } }));
  };

  for (const b of BOOL_FACETS) {
    const id = `f-${b.field}`;
    const cur = state.bools[b.field];
    const sel = h(
      'select',
      { id, name: b.field, disabled: !labelled },
      h('option', { value: '', selected: cur === undefined }, 'All'),
      h('option', { value: 'true', selected: cur === true }, b.yes),
      h('option', { value: 'false', selected: cur === false }, b.no),
    );
    sel.addEventListener('change', () =>
      emit((s) => ({
        ...s,
        bools: { ...s.bools, [b.field]: sel.value === '' ? undefined : sel.value === 'true' },
      })),
    );
    form.appendChild(h('div', { class: 'field' }, h('label', { for: id }, b.title), sel));
  }

  for (const f of LIST_FACETS) {
    const values = (meta.facets[f.field] ?? []).slice(0, f.max ?? 500);
    const chosen = state.lists[f.field] ?? [];
    // keep chosen values visible even when the snapshot has none of them
    for (const v of chosen) if (!values.some((x) => x.value === v)) values.push({ value: v, count: 0 });
    const disabled = f.labels && !labelled;
    const fs = h('fieldset', { class: 'checks', disabled }, h('legend', { class: 'sr-only' }, f.title));
    values.forEach((v, i) => {
      const id = `f-${f.field}-${i}`;
      const box = h('input', {
        type: 'checkbox',
        id,
        name: f.field,
        value: v.value,
        checked: chosen.includes(v.value),
      });
      box.addEventListener('change', () =>
        emit((s) => {
          const cur = new Set(s.lists[f.field] ?? []);
          if (box.checked) cur.add(v.value);
          else cur.delete(v.value);
          return { ...s, lists: { ...s.lists, [f.field]: cur.size ? [...cur] : undefined } };
        }),
      );
      fs.appendChild(
        h(
          'div',
          { class: 'check' },
          box,
          h('label', { for: id }, pretty(v.value), ' ', h('span', { class: 'count' }, fmt(v.count))),
        ),
      );
    });
    const summary = h(
      'summary',
      { id: `facet-${f.field}-summary` },
      f.title,
      chosen.length ? h('span', { class: 'badge' }, `${chosen.length} selected`) : null,
    );
    if (disabled) append(summary, h('span', { class: 'count' }, ' (needs labels)'));
    const details = h(
      'details',
      {
        class: 'facet',
        id: `facet-${f.field}`,
        open: openFacets.get(f.field) ?? (f.open || chosen.length > 0),
      },
      summary,
      fs,
    );
    details.addEventListener('toggle', () => openFacets.set(f.field, details.open));
    form.appendChild(details);
  }

  const dates = h('fieldset', { class: 'dates' }, h('legend', {}, 'Dates (YYYY, YYYY-MM or YYYY-MM-DD)'));
  for (const d of DATE_FIELDS) {
    const id = `f-${d.field}`;
    const input = h('input', {
      type: 'text',
      id,
      name: d.field,
      value: state.texts[d.field] ?? '',
      pattern: DATE_PATTERN,
      inputmode: 'numeric',
      placeholder: 'YYYY',
      size: 10,
    });
    input.addEventListener('change', () => {
      if (!input.checkValidity()) {
        input.reportValidity();
        return;
      }
      emit((s) => ({ ...s, texts: { ...s.texts, [d.field]: input.value.trim() || undefined } }));
    });
    dates.appendChild(h('div', { class: 'field inline' }, h('label', { for: id }, d.title), input));
  }
  form.appendChild(dates);

  const reset = h('button', { type: 'button', id: 'f-reset' }, 'Clear all filters');
  reset.addEventListener('click', () => onChange({ ...state, lists: {}, bools: {}, texts: {}, page: 1 }));
  form.appendChild(reset);
  if (focusedId) document.getElementById(focusedId)?.focus();
}
