/**
 * The review page: the study view (registry text with highlighted evidence) under a panel where each label field
 * can be accepted or corrected, with previous/next in the review queue. Decisions are POSTed to the decisions API
 * with the write token the server embedded in the page (<meta name="mscope-token">); a server started with
 * --read-only embeds none and the panel says so.
 */
import { ApiFailure, type Evidence, type ReviewDetail, type ReviewQueue } from './api.js';
import { append, clear, fmt, h, pretty } from './dom.js';
import { LABEL_ROWS, renderStudy, valueText } from './study.js';

const FIELD_TITLES = new Map(LABEL_ROWS);

const REVIEWER_KEY = 'mscope-reviewer';

/** The write token of this page, or null (read-only server). */
export function writeToken(): string | null {
  const m = document.querySelector('meta[name="mscope-token"]');
  const t = m?.getAttribute('content') ?? '';
  return t ? t : null;
}

export async function postDecision(body: unknown, token: string): Promise<unknown> {
  const res = await fetch('/api/decisions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Mscope-Token': token },
    body: JSON.stringify(body),
  });
  const out = (await res.json().catch(() => null)) as { error?: string; parameter?: string | null } | null;
  if (!res.ok) throw new ApiFailure(out?.error ?? `HTTP ${res.status}`, res.status, out?.parameter ?? null);
  return out;
}

type Value = unknown;

const text = (v: Value): string => (Array.isArray(v) && v.length === 0 ? '— (none)' : valueText(v));

/** A form control for one field; `read()` gives the value in the API's form (or an error message). */
function control(
  field: string,
  vocab: ReviewQueue['vocab'],
  current: Value,
): { el: HTMLElement; read: () => { ok: true; value: Value } | { ok: false; error: string } } {
  const id = `rv-${field}`;
  const kind = vocab.kinds[field];
  if (kind === 'enum') {
    const sel = h('select', { id, name: field });
    for (const v of vocab.values[field] ?? [])
      sel.appendChild(h('option', { value: v, selected: v === current }, pretty(v)));
    return { el: sel, read: () => ({ ok: true, value: sel.value }) };
  }
  if (kind === 'set') {
    const chosen = new Set((current as string[] | null) ?? []);
    const fs = h('fieldset', { id, class: 'rv-set' }, h('legend', { class: 'sr-only' }, field));
    (vocab.values[field] ?? []).forEach((v, i) => {
      const cid = `${id}-${i}`;
      append(
        fs,
        h(
          'span',
          { class: 'check' },
          h('input', { type: 'checkbox', id: cid, value: v, checked: chosen.has(v) }),
          h('label', { for: cid }, pretty(v)),
        ),
      );
    });
    return {
      el: fs,
      read: () => ({
        ok: true,
        value: Array.from(fs.querySelectorAll<HTMLInputElement>('input:checked'), (b) => b.value),
      }),
    };
  }
  if (kind === 'bool') {
    const sel = h(
      'select',
      { id, name: field },
      h('option', { value: 'true', selected: current === true }, 'yes'),
      h('option', { value: 'false', selected: current !== true }, 'no'),
    );
    return { el: sel, read: () => ({ ok: true, value: sel.value === 'true' }) };
  }
  if (kind === 'json') {
    const input = h('input', {
      id,
      type: 'text',
      size: 30,
      value: current === null || current === undefined ? '' : JSON.stringify(current),
      placeholder: 'none',
    });
    return {
      el: input,
      read: () => {
        const t = input.value.trim();
        if (!t || t === 'none') return { ok: true, value: null };
        try {
          return { ok: true, value: JSON.parse(t) as unknown };
        } catch {
          return { ok: false, error: 'not JSON' };
        }
      },
    };
  }
  const input = h('input', {
    id,
    type: 'text',
    size: 24,
    value: (current as string | null) ?? '',
    placeholder: 'none',
  });
  return { el: input, read: () => ({ ok: true, value: input.value.trim() ? input.value.trim() : null }) };
}

export interface ReviewNav {
  /** Position of this trial in the whole queue (0-based), -1 when not in it. */
  index: number;
  queue: ReviewQueue;
  go(nct: string): void;
  close(): void;
  saved(): void;
}

export function renderReview(root: HTMLElement, d: ReviewDetail, nav: ReviewNav): void {
  clear(root);
  const pageToken = writeToken();
  // decisions are keyed by NCT id: another registry's trial is shown, not decided
  const decidable = /^NCT\d{8}$/.test(d.study.nctId);
  const token = decidable ? pageToken : null;
  const { queue, index } = nav;
  // queue.items is a window of the queue starting at position queue.offset
  const at = (k: number) => (k >= queue.offset ? queue.items[k - queue.offset] : undefined);
  const prev = index > 0 ? at(index - 1) : undefined;
  const next = index >= 0 ? at(index + 1) : queue.items[0];
  const prevB = h('button', { type: 'button', id: 'rv-prev', disabled: !prev }, '← Previous');
  const nextB = h('button', { type: 'button', id: 'rv-next', disabled: !next }, 'Next →');
  prevB.addEventListener('click', () => prev && nav.go(prev.nctId));
  nextB.addEventListener('click', () => next && nav.go(next.nctId));
  const closeB = h('button', { type: 'button', id: 'rv-close' }, 'Leave review');
  closeB.addEventListener('click', nav.close);
  const reviewer = h('input', {
    id: 'rv-reviewer',
    type: 'text',
    size: 16,
    value: localStorage.getItem(REVIEWER_KEY) ?? '',
    placeholder: 'your name',
    autocomplete: 'name',
  });
  reviewer.addEventListener('change', () => localStorage.setItem(REVIEWER_KEY, reviewer.value.trim()));
  const status = h('p', { id: 'rv-status', role: 'status', 'aria-live': 'polite' });
  const item = index >= 0 ? at(index) : undefined;

  const panel = h(
    'section',
    { class: 'review-panel', 'aria-labelledby': 'rv-h' },
    h(
      'div',
      { class: 'rv-bar' },
      h('h2', { id: 'rv-h' }, `Review ${d.study.nctId}`),
      h(
        'span',
        { class: 'rv-pos', id: 'rv-pos' },
        index >= 0 ? `${fmt(index + 1)} of ${fmt(queue.total)} in the queue` : 'not in the queue',
      ),
      prevB,
      nextB,
      closeB,
    ),
    item ? h('p', { class: 'rv-why', id: 'rv-why' }, `Why in the queue: ${item.reason}`) : null,
    h('div', { class: 'rv-who' }, h('label', { for: 'rv-reviewer' }, 'Reviewer '), reviewer),
    pageToken
      ? null
      : h(
          'p',
          { class: 'warning', role: 'note' },
          'This server is read-only (started with --read-only, or listening beyond this machine): decisions cannot be saved here.',
        ),
    decidable
      ? null
      : h(
          'p',
          { class: 'warning', role: 'note' },
          'Decisions are kept per NCT id: this registry record cannot be decided here yet.',
        ),
  );

  const tbody = h('tbody');
  const review = d.review;
  const classifier = review ? review.classifier : d.labels;
  const evidence: Evidence[] = classifier?.evidence ?? d.evidence;
  for (const field of queue.vocab.fields) {
    const title = FIELD_TITLES.get(field) ?? pretty(field);
    const decided = review?.fields[field];
    const classifierValue = classifier ? (classifier as Record<string, unknown>)[field] : null;
    const effective = d.labels ? (d.labels as Record<string, unknown>)[field] : classifierValue;
    const ctl = control(field, queue.vocab, effective);
    const note = h('input', {
      type: 'text',
      id: `rv-note-${field}`,
      size: 12,
      placeholder: 'note',
      value: decided?.decision.note ?? '',
    });
    const save = h('button', { type: 'button', id: `rv-save-${field}`, disabled: !token }, 'Save');
    const accept = h(
      'button',
      { type: 'button', id: `rv-accept-${field}`, disabled: !token || !classifier },
      'Accept',
    );
    const send = async (value: Value) => {
      const name = reviewer.value.trim();
      if (!name) {
        status.textContent = 'Type your reviewer name first.';
        reviewer.focus();
        return;
      }
      localStorage.setItem(REVIEWER_KEY, name);
      status.textContent = `Saving ${title}…`;
      try {
        await postDecision(
          { nctId: d.study.nctId, field, value, note: note.value.trim() || null, reviewer: name },
          token!,
        );
        status.textContent = `Saved ${title}.`;
        nav.saved();
      } catch (err) {
        status.textContent = `Not saved: ${err instanceof Error ? err.message : String(err)}`;
      }
    };
    save.addEventListener('click', () => {
      const r = ctl.read();
      if (!r.ok) status.textContent = `${title}: ${r.error}`;
      else void send(r.value);
    });
    accept.addEventListener('click', () => void send(classifierValue));
    const state = decided
      ? h(
          'span',
          { class: decided.agrees ? 'rv-ok' : 'rv-diff' },
          `decided by ${decided.decision.reviewer}${decided.agrees ? '' : ' (classifier differs)'}${decided.changedSinceDecision ? ' · classifier changed since' : ''}`,
        )
      : h('span', { class: 'count' }, 'not reviewed');
    // the classifier's evidence for this field: links to its highlight in the registry text below
    const cites = h('div', { class: 'rv-evidence' });
    const quoted = new Set<string>(); // each quote once (the first span of it)
    evidence.forEach((e, i) => {
      if (e.label !== field && !(field === 'category' && e.label === 'screening')) return;
      if (quoted.has(e.text.toLowerCase())) return;
      quoted.add(e.text.toLowerCase());
      append(
        cites,
        h(
          'a',
          { href: `#ev-${i}`, class: `ev-ref mark-${e.label}`, title: `${e.rule} (${e.field})` },
          `“${e.text}”`,
        ),
        ' ',
      );
    });
    tbody.appendChild(
      h(
        'tr',
        {
          id: `rv-row-${field}`,
          class: decided && !decided.agrees ? 'rv-differs' : null,
          'data-decided': decided ? 'true' : 'false',
        },
        h(
          'th',
          { scope: 'row' },
          h('label', { for: `rv-${field}` }, title),
          h('div', { class: 'rv-state' }, state),
        ),
        h('td', { class: 'rv-classifier' }, text(classifierValue), cites.childNodes.length ? cites : null),
        h('td', {}, ctl.el),
        h('td', { class: 'rv-actions' }, note, ' ', save, ' ', accept),
      ),
    );
  }
  panel.appendChild(
    h(
      'table',
      { class: 'review-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...[
            ['Field', 'rv-c-field'],
            ['Classifier', 'rv-c-classifier'],
            ['Decision', 'rv-c-decision'],
            ['Note and save', 'rv-c-actions'],
          ].map(([t, c]) => h('th', { scope: 'col', class: c }, t)),
        ),
      ),
      tbody,
    ),
  );
  panel.appendChild(status);
  root.appendChild(panel);
  const studyBox = h('div', { class: 'review-study' });
  root.appendChild(studyBox);
  renderStudy(studyBox, { ...d, labels: classifier, evidence }, nav.close);
  const labelsHead = studyBox.querySelector('#labels-h');
  if (labelsHead) labelsHead.textContent = "The classifier's labels and evidence";
}
