/**
 * The study page: the registry text of one study with every evidence span highlighted (`<mark>`, the rule id
 * as title), the labels with their evidence, a link to the public registry record, and for a trial registered
 * in several registries every registration: how it was linked (explicit or probable, with the evidence), which
 * fields it supplies.
 */
import type { Dose } from '../../model/labels.js';
import { doseSummary } from '../numbers.js';
import type { Evidence, StudyDetail, TrialLink } from './api.js';
import { append, clear, h, pretty } from './dom.js';
import { segments } from './highlight.js';

/** Sections of registry text, in page order: dotted-path prefixes of Study fields (data, not code). */
const SECTIONS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['Titles', ['briefTitle', 'officialTitle', 'acronym']],
  ['Brief summary', ['briefSummary']],
  ['Detailed description', ['detailedDescription']],
  ['Conditions and keywords', ['conditions', 'keywords']],
  ['Interventions', ['interventions']],
  ['Arms', ['arms']],
  ['Outcomes', ['primaryOutcomes', 'secondaryOutcomes']],
  ['Eligibility', ['eligibility.criteria']],
];

/** Label fields and their display names (the study view's rows; the review page's fields). */
export const LABEL_ROWS: ReadonlyArray<readonly [string, string]> = [
  ['category', 'Category'],
  ['screeningReason', 'Screening reason'],
  ['sources', 'Tissue source'],
  ['donor', 'Donor'],
  ['modifications', 'Modifications'],
  ['routes', 'Routes'],
  ['specialty', 'Specialty'],
  ['covid19', 'COVID-19'],
  ['biomaterial', 'Biomaterial'],
  ['product', 'Named product'],
  ['dose', 'Dose'],
];

/** Trial fields a registration can supply (analyze/trials FIELDS) and their display names. */
const TRIAL_FIELDS: Readonly<Record<string, string>> = {
  briefTitle: 'brief title',
  officialTitle: 'official title',
  acronym: 'acronym',
  leadSponsor: 'sponsor',
  overallStatus: 'status',
  phases: 'phase',
  enrollment: 'enrollment',
  startDate: 'start date',
  firstPostedDate: 'first posted',
  conditions: 'conditions',
  interventions: 'interventions',
  locations: 'locations',
};

/** The site a registry link leads to (studyLink: the registry's own page, else the WHO ICTRP record). */
export function siteName(url: string): string {
  const host = /^https?:\/\/([^/]+)/.exec(url)?.[1] ?? '';
  if (host.endsWith('clinicaltrials.gov')) return 'ClinicalTrials.gov';
  if (host.endsWith('clinicaltrialsregister.eu')) return 'the EU Clinical Trials Register';
  if (host.endsWith('euclinicaltrials.eu')) return 'CTIS';
  if (host.endsWith('who.int')) return 'WHO ICTRP';
  return host || 'the registry';
}

/** How a link joined two registrations, in one phrase. */
export function linkKind(l: TrialLink): string {
  if (l.kind === 'probable') return `probable (score ${l.score.toFixed(2)})`;
  return l.evidence.some((e) => e.startsWith('ICTRP flags'))
    ? 'explicit (secondary id, ICTRP bridging flag)'
    : 'explicit (secondary id)';
}

/** The trial's registrations: registry, id and link, how each was linked, which fields each supplies. */
function renderRegistrations(d: StudyDetail): HTMLElement | null {
  const t = d.trial;
  if (!t) return null;
  const box = h(
    'section',
    { class: 'trial-registrations', id: 'trial-registrations', 'aria-labelledby': 'regs-h' },
    h('h3', { id: 'regs-h' }, `Registrations of this trial (${t.registrations.length})`),
    h(
      'p',
      { class: 'note' },
      'The trial counts once. Its id and each field come from the registration of highest precedence that has ' +
        'it (the first posted date from the earliest registration); the text below is that merged record.',
    ),
  );
  const tbody = h('tbody');
  for (const r of t.registrations) {
    const other = (l: TrialLink) => (l.a === r.trialId ? l.b : l.a);
    const how = r.primary
      ? h('td', {}, 'primary registration (the trial id)')
      : h('td', {}, ...r.links.flatMap((l, i) => [i ? h('br') : null, `${linkKind(l)} with ${other(l)}`]));
    const supplies = [...r.fields.map((f) => TRIAL_FIELDS[f] ?? f), ...(r.labels ? ['labels'] : [])];
    tbody.appendChild(
      h(
        'tr',
        { 'data-registration': r.trialId, 'data-link': r.primary ? 'primary' : (r.links[0]?.kind ?? '') },
        h('td', {}, r.registryName),
        h(
          'td',
          {},
          h(
            'a',
            { href: r.url, target: '_blank', rel: 'noopener noreferrer', class: 'registration-link' },
            r.trialId,
          ),
        ),
        how,
        h('td', { class: 'supplies' }, supplies.length ? supplies.join(', ') : '—'),
      ),
    );
  }
  box.appendChild(
    h(
      'table',
      { class: 'label-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Registry'),
          h('th', { scope: 'col' }, 'Registration'),
          h('th', { scope: 'col' }, 'Linked to the trial'),
          h('th', { scope: 'col' }, 'Supplies'),
        ),
      ),
      tbody,
    ),
  );
  const ul = h('ul', { class: 'trial-links' });
  for (const l of t.links)
    ul.appendChild(
      h(
        'li',
        { 'data-kind': l.kind },
        h('strong', {}, `${l.a} ↔ ${l.b}`),
        `: ${linkKind(l)}`,
        h('ul', {}, ...l.evidence.map((e) => h('li', {}, e))),
      ),
    );
  append(box, h('h4', {}, 'Evidence for each link'), ul);
  return box;
}

/** Every string leaf of the study with its dotted path (provenance excluded). */
export function stringLeaves(obj: unknown, prefix = ''): Array<[string, string]> {
  if (typeof obj === 'string') return obj.trim() ? [[prefix, obj]] : [];
  if (obj === null || typeof obj !== 'object') return [];
  const out: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    if (!prefix && k === 'provenance') continue;
    out.push(...stringLeaves(v, prefix ? `${prefix}.${k}` : k));
  }
  return out;
}

const inSection = (path: string, prefixes: readonly string[]) =>
  prefixes.some((p) => path === p || path.startsWith(`${p}.`));

/** A label value as the study view shows it (booleans yes/no, sets joined, the dose read and as written). */
export function valueText(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (Array.isArray(v)) return v.length ? v.map((x) => pretty(String(x))).join(', ') : '—';
  if (typeof v === 'object') {
    const d = v as Partial<Dose>;
    // the dose as read (3.3×10⁷ cells), then as written in the record ("3.3 * 107 cell": a lost superscript)
    if (typeof d.text === 'string' && d.unit) return `${doseSummary(d as Dose)} (as written: “${d.text}”)`;
    return d.text ?? JSON.stringify(v);
  }
  return pretty(String(v));
}

export function renderStudy(root: HTMLElement, d: StudyDetail, onClose: () => void): void {
  clear(root);
  const s = d.study;
  const evidence = d.evidence;
  const ids = new Map<Evidence, string>(evidence.map((e, i) => [e, `ev-${i}`]));
  const byField = new Map<string, Evidence[]>();
  for (const e of evidence) byField.set(e.field, [...(byField.get(e.field) ?? []), e]);

  const back = h('button', { type: 'button', id: 'study-back' }, '← Back to the list');
  back.addEventListener('click', onClose);
  root.appendChild(
    h(
      'header',
      { class: 'study-head' },
      back,
      h('h2', { id: 'study-title', tabindex: '-1' }, s.briefTitle ?? s.nctId),
      h(
        'p',
        {},
        h('strong', {}, s.nctId),
        ' · ',
        pretty(d.summary.phase),
        ' · ',
        pretty(d.summary.status),
        ' · ',
        h(
          'a',
          { href: d.links.registry, target: '_blank', rel: 'noopener noreferrer', id: 'registry-link' },
          `View on ${siteName(d.links.registry)} ↗`,
        ),
      ),
    ),
  );
  const regs = renderRegistrations(d);
  if (regs) root.appendChild(regs);

  // labels with their evidence
  const labels = d.labels;
  const labelBox = h(
    'section',
    { class: 'labels', 'aria-labelledby': 'labels-h' },
    h('h3', { id: 'labels-h' }, 'Labels and evidence'),
  );
  if (!labels) labelBox.appendChild(h('p', {}, 'This study has not been classified in this snapshot.'));
  else {
    append(
      labelBox,
      h(
        'p',
        { class: 'note' },
        `Ruleset ${d.rulesetVersion ?? '?'} · ${evidence.length} evidence span(s). Highlights in the text below carry the rule id as their title.`,
      ),
    );
    const tbody = h('tbody');
    for (const [key, title] of LABEL_ROWS) {
      if (!(key in labels)) continue;
      const ev = evidence.filter((e) => e.label === key || (key === 'category' && e.label === 'screening'));
      const cell = h('td');
      ev.forEach((e, i) =>
        append(
          cell,
          i ? ' ' : '',
          h(
            'a',
            { href: `#${ids.get(e)}`, class: `ev-ref mark-${e.label}`, title: `${e.rule} (${e.field})` },
            `“${e.text}”`,
          ),
        ),
      );
      // the reason code of the branch that gave the value (labels stored before the codes existed have none)
      const reason = (labels.reasons as Record<string, string> | undefined)?.[key];
      const value = h(
        'td',
        {},
        valueText(labels[key]),
        reason ? h('span', { class: 'reason', title: 'reason code' }, reason) : null,
      );
      tbody.appendChild(h('tr', {}, h('th', { scope: 'row' }, title), value, cell));
    }
    labelBox.appendChild(
      h(
        'table',
        { class: 'label-table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, 'Label'),
            h('th', { scope: 'col' }, 'Value'),
            h('th', { scope: 'col' }, 'Evidence'),
          ),
        ),
        tbody,
      ),
    );
    const other = evidence.filter((e) => !LABEL_ROWS.some(([k]) => k === e.label) && e.label !== 'screening');
    if (other.length) {
      const ul = h('ul');
      for (const e of other)
        ul.appendChild(
          h(
            'li',
            {},
            `${e.label} = ${e.value}: `,
            h('a', { href: `#${ids.get(e)}`, title: e.rule }, `“${e.text}”`),
          ),
        );
      labelBox.appendChild(ul);
    }
  }
  root.appendChild(labelBox);

  // registry text with highlights
  const leaves = stringLeaves(s);
  const shown = new Set<string>();
  const textBox = h(
    'section',
    { class: 'registry-text', 'aria-labelledby': 'text-h' },
    h('h3', { id: 'text-h' }, 'Registry text'),
  );
  const mismatched: Evidence[] = [];
  const renderLeaf = (path: string, text: string) => {
    shown.add(path);
    const spans = byField.get(path) ?? [];
    const { segments: segs, mismatched: bad } = segments(text, spans);
    mismatched.push(...bad);
    const p = h('p', { class: 'text' });
    for (const seg of segs) {
      if (!seg.spans.length) {
        append(p, seg.text);
        continue;
      }
      const first = seg.spans[0]!;
      const title = seg.spans.map((e) => `${e.rule} (${e.label}=${e.value})`).join('; ');
      const mark = h(
        'mark',
        { title, class: `mark-${first.label}`, 'data-rule': seg.spans.map((e) => e.rule).join(' ') },
        seg.text,
      );
      for (const e of seg.spans) if (seg.start === e.start && !mark.id) mark.id = ids.get(e) ?? '';
      p.appendChild(mark);
    }
    return h('div', { class: 'leaf' }, h('div', { class: 'path' }, path), p);
  };
  for (const [title, prefixes] of SECTIONS) {
    const items = leaves.filter(
      ([p]) => inSection(p, prefixes) && !/\.(type|armGroupLabels|interventionNames)(\.|$)/.test(p),
    );
    if (!items.length) continue;
    const sec = h('section', { class: 'text-section' }, h('h4', {}, title));
    for (const [p, t] of items) sec.appendChild(renderLeaf(p, t));
    textBox.appendChild(sec);
  }
  const rest = leaves.filter(([p]) => !shown.has(p) && byField.has(p));
  if (rest.length) {
    const sec = h('section', { class: 'text-section' }, h('h4', {}, 'Other fields with evidence'));
    for (const [p, t] of rest) sec.appendChild(renderLeaf(p, t));
    textBox.appendChild(sec);
  }
  const missing = evidence.filter((e) => !leaves.some(([p]) => p === e.field));
  if (mismatched.length || missing.length) {
    textBox.appendChild(
      h(
        'p',
        { class: 'warning', role: 'note' },
        `${mismatched.length + missing.length} evidence span(s) do not match the registry text of this snapshot and are not highlighted.`,
      ),
    );
  }
  root.appendChild(textBox);

  const { references, publications } = d.links;
  if (references.length || publications.length) {
    const pubs = h(
      'section',
      { class: 'publications', 'aria-labelledby': 'pubs-h' },
      h('h3', { id: 'pubs-h' }, 'Publications'),
    );
    if (publications.length) {
      const ul = h('ul');
      for (const p of publications) {
        ul.appendChild(
          h(
            'li',
            {},
            h('strong', {}, p.title ?? p.docId),
            p.journal || p.date ? ` (${[p.journal, p.date].filter(Boolean).join(', ')})` : '',
            p.doi
              ? h(
                  'span',
                  {},
                  ' · ',
                  h(
                    'a',
                    { href: `https://doi.org/${p.doi}`, target: '_blank', rel: 'noopener noreferrer' },
                    `doi:${p.doi}`,
                  ),
                )
              : null,
            h('blockquote', {}, `${p.section}: ${p.sentence}`),
          ),
        );
      }
      append(pubs, h('h4', {}, 'Linked publications mentioning this study'), ul);
    }
    if (references.length) {
      const ul = h('ul');
      for (const r of references)
        ul.appendChild(
          h(
            'li',
            {},
            r.citation ?? `PMID ${r.pmid}`,
            ' ',
            h('a', { href: r.url, target: '_blank', rel: 'noopener noreferrer' }, `PubMed ${r.pmid}`),
            r.type ? h('span', { class: 'count' }, ` ${pretty(r.type)}`) : null,
          ),
        );
      append(pubs, h('h4', {}, 'Registry references'), ul);
    }
    root.appendChild(pubs);
  }
}
