/** report.html: one self-contained page (inline CSS and SVG, no scripts, no external resources). */
import { reviewHtml } from './review.js';
import type { MetricTable } from '../../analyze/metrics.js';
import type { NamedTable } from '../../analyze/tables.js';
import type { Comparison } from './compare.js';
import type { ReportData } from './data.js';
import type { RenderedFigure } from './charts.js';
import { esc } from './prisma.js';
import { nice, NOT_STATED } from './labels.js';
import { sci } from '../numbers.js';

/** Rows of a trial table shown before the rest is folded away (a 426-row table was 36,800 px of page). */
export const TABLE_ROWS_SHOWN = 25;

const fmt = (n: number | null | undefined, digits = 0) =>
  n === null || n === undefined ? '–' : n.toLocaleString('en-US', { maximumFractionDigits: digits });
/** "bone_marrow; adipose" -> "Bone marrow; Adipose". */
const niceList = (s: string) => (s ? s.split('; ').map(nice).join('; ') : NOT_STATED);
/** A cell that may be empty: "not stated" (greyed), never a blank cell. */
const orNot = (s: string) => (s ? esc(s) : `<span class="ns">${NOT_STATED}</span>`);
const pct = (x: number | undefined) => (x === undefined ? '' : `${(x * 100).toFixed(1)}%`);

/** Make the ids of one inline SVG unique in the page (vega reuses "clip1" … in every chart). */
export function scopeSvgIds(svg: string, prefix: string): string {
  return svg
    .replace(/\bid="([^"]+)"/g, (_m, id: string) => `id="${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_m, id: string) => `url(#${prefix}-${id})`)
    .replace(/href="#([^"]+)"/g, (_m, id: string) => `href="#${prefix}-${id}"`);
}

const CSS = `
body{font-family:Helvetica,Arial,sans-serif;color:#222;max-width:1100px;margin:0 auto;padding:24px 28px;line-height:1.45}
h1{font-size:26px;margin:0 0 4px} h2{font-size:20px;margin:34px 0 10px;border-bottom:1px solid #ddd;padding-bottom:4px}
h3{font-size:16px;margin:22px 0 6px} .meta{color:#555;font-size:13px} .note{color:#444;font-size:13px}
ul.notes{font-size:13px;color:#333;padding-left:20px}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:10px 0}
.card{border:1px solid #cfe0ec;background:#f4f8fb;border-radius:6px;padding:8px 12px;min-width:120px}
.card b{display:block;font-size:22px;color:#0b4f7c} .card span{font-size:12px;color:#444}
figure{margin:18px 0 28px} figure svg{max-width:100%;height:auto} figcaption{font-size:13px;color:#444;margin-top:4px}
table{border-collapse:collapse;font-size:12.5px;margin:6px 0 14px} th,td{border:1px solid #ddd;padding:3px 7px;text-align:left;vertical-align:top}
th{background:#f2f2f2} td.n{text-align:right;font-variant-numeric:tabular-nums} tr:nth-child(even) td{background:#fafafa}
td.pos{color:#0b6b2f} td.neg{color:#a11}
details{margin:6px 0} summary{cursor:pointer;font-weight:bold;font-size:14px}
.ids{font-size:11px;color:#666;max-width:420px;word-break:break-word}
a{color:#0b5fa5} .ns{color:#888;font-style:italic}
details.more>summary{font-weight:normal;color:#0b5fa5;margin:2px 0 10px}
`;

function metricHtml(t: MetricTable): string {
  const hasShare = t.rows.some((r) => r.share !== undefined);
  const hasValue = t.rows.some((r) => r.value !== undefined);
  const head = [
    ...t.dims,
    'trials',
    ...(hasShare ? ['share'] : []),
    ...(hasValue ? [t.valueLabel ?? 'value'] : []),
    'NCT ids',
  ];
  const body = t.rows
    .map(
      (r) =>
        `<tr>${r.keys.map((k) => `<td>${esc(nice(k))}</td>`).join('')}<td class="n">${fmt(r.count)}</td>${hasShare ? `<td class="n">${pct(r.share)}</td>` : ''}${hasValue ? `<td class="n">${fmt(r.value, 1)}</td>` : ''}<td class="ids">${esc(r.nctIds.slice(0, 12).join(' '))}${r.nctIds.length > 12 ? ` … (+${r.nctIds.length - 12}, all in tables/${t.id}.csv)` : ''}</td></tr>`,
    )
    .join('');
  return `<details id="table-${esc(t.id)}"><summary>${esc(t.title)} (${t.rows.length} rows)</summary><p class="note">${esc(t.note)}</p><table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${body}</tbody></table></details>`;
}

function namedHtml(t: NamedTable): string {
  // the Evidence column only when the table has evidence (the completed-trials table has none)
  const withEvidence = t.rows.some((r) => r.evidence);
  const row = (r: NamedTable['rows'][number]) =>
    `<tr><td><a href="${esc(r.link)}">${esc(r.nctId)}</a></td><td>${esc(r.title)}</td><td>${esc(nice(r.phase))}</td><td>${esc(nice(r.status))}</td><td class="n">${r.enrollment === null ? `<span class="ns">${NOT_STATED}</span>` : fmt(r.enrollment)}</td><td>${orNot(r.source ? niceList(r.source) : '')}</td><td>${orNot(r.route ? niceList(r.route) : '')}</td><td>${r.hasResults ? 'yes' : 'no'}</td>${withEvidence ? `<td>${orNot(r.evidence)}</td>` : ''}</tr>`;
  const head = `<thead><tr><th>NCT id</th><th>Title</th><th>Phase</th><th>Status</th><th>Enrollment</th><th>Source</th><th>Route</th><th>Results posted</th>${withEvidence ? '<th>Evidence</th>' : ''}</tr></thead>`;
  const shown = t.rows.slice(0, TABLE_ROWS_SHOWN);
  const rest = t.rows.slice(TABLE_ROWS_SHOWN);
  const more = rest.length
    ? `<details class="more"><summary>Show the other ${rest.length} trials (all ${t.rows.length} are in tables/${esc(t.id)}.csv and tables.xlsx)</summary><table>${head}<tbody>${rest.map(row).join('')}</tbody></table></details>`
    : '';
  return `<h3 id="named-${esc(t.id)}">${esc(t.title)} — ${t.rows.length} trials</h3><p class="note">${esc(t.description)} Regenerates ${esc(t.regenerates)}.</p>${
    t.rows.length
      ? `<table>${head}<tbody>${shown.map(row).join('')}</tbody></table>${more}`
      : '<p class="note">No trials.</p>'
  }`;
}

function comparisonHtml(c: Comparison): string {
  const seenNotes = new Set<string>();
  const rows = c.rows
    .map((r) => {
      // the paper's note is shown once, on the first row it applies to
      const note = r.publishedNote && !seenNotes.has(r.publishedNote) ? r.publishedNote : null;
      if (r.publishedNote) seenNotes.add(r.publishedNote);
      const cls = r.difference === null ? '' : r.difference > 0 ? 'pos' : r.difference < 0 ? 'neg' : '';
      const diff = r.difference === null ? '–' : `${r.difference > 0 ? '+' : ''}${fmt(r.difference)}`;
      return `<tr><td>${esc(r.label)}</td><td class="n">${esc(r.publishedRaw === null ? '–' : typeof r.publishedRaw === 'number' ? fmt(r.publishedRaw) : r.publishedRaw)}</td><td class="n">${fmt(r.ours)}</td><td class="n ${cls}">${diff}</td><td>${esc(r.reason)}${note ? `<br><i>Paper: ${esc(note)}</i>` : ''}</td></tr>`;
    })
    .join('');
  const named = c.namedTrials.length
    ? `<h4>Trials the review names</h4><table><thead><tr><th>NCT id</th><th>What the review says (words before the id)</th><th>Counted here</th><th>Why</th></tr></thead><tbody>${c.namedTrials
        .map(
          (t) =>
            `<tr><td><a href="https://clinicaltrials.gov/study/${esc(t.nctId)}">${esc(t.nctId)}</a></td><td>${esc(t.context)}</td><td>${t.counted ? 'yes' : 'no'}</td><td>${esc(t.why)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '';
  return `<h3>${esc(c.citation)}</h3><ul class="notes">${c.notes.map((n) => `<li>${esc(n)}</li>`).join('')}<li>Published numbers read from ${esc(c.publishedFile)}.</li></ul><table><thead><tr><th>Metric</th><th>Published</th><th>This snapshot</th><th>Difference</th><th>Why they can differ</th></tr></thead><tbody>${rows}</tbody></table>${named}`;
}

export function renderHtml(d: ReportData, figures: readonly RenderedFigure[], prisma: string): string {
  const s = d.metrics.summary;
  const cards: Array<[string, number]> = [
    ['included trials', s.counted],
    ['registered participants', s.participants.total],
    ['countries', s.countries],
    ['completed', s.completed],
    ['completed with results posted', s.completedWithResults],
    ['COVID-19 trials', s.covid19],
    ['EV / secretome trials', s.evSecretome],
    ['genetically modified', s.geneticallyModified],
  ];
  const filterText = Object.keys(d.filter).length ? esc(JSON.stringify(d.filter)) : 'none';
  const figs = figures
    .map(
      (f) =>
        `<figure id="fig-${esc(f.id)}">${scopeSvgIds(f.svg.replace(/^<\?xml[^>]*>/, ''), `f-${f.id}`)}<figcaption>${esc(f.caption)}${f.regenerates ? ` <i>Regenerates ${esc(f.regenerates)}.</i>` : ''} File: figures/${esc(f.id)}.svg</figcaption></figure>`,
    )
    .join('\n');
  const dose = d.metrics.dose;
  const doseRows = [
    ...(dose.overall ? [dose.overall] : []),
    ...dose.byRoute.map((x) => ({ ...x, key: `route: ${nice(x.key)}` })),
    ...dose.byPhase.map((x) => ({ ...x, key: `phase: ${nice(x.key)}` })),
  ]
    .map(
      (x) =>
        `<tr><td>${esc(x.key)}</td><td class="n">${x.n}</td>${[x.min, x.q1, x.median, x.q3, x.max].map((v) => `<td class="n">${sci(v)}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(d.title)}</title><style>${CSS}</style></head>
<body>
<h1>${esc(d.title)}</h1>
<p class="meta">Generated ${esc(d.generatedAt)} by mscope ${esc(d.generator.version)} · snapshot ${esc(String(d.snapshot.id ?? '–'))}${d.snapshot.label ? ` “${esc(d.snapshot.label)}”` : ''}${d.snapshot.createdAt ? ` (${esc(d.snapshot.createdAt)})` : ''} · ruleset ${esc(d.rulesetVersion ?? 'unknown')} · filter: ${filterText}${d.asOf ? ` · <b>as of ${esc(d.asOf)}</b>` : ''}</p>
<ul class="notes">${d.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>
<h2 id="flow">Screening flow</h2>
<figure>${prisma}<figcaption>Records identified in the snapshot, excluded by the classifier's screening reason, and included. Exclusion reasons are rule codes; each record's evidence is in the database.</figcaption></figure>
${reviewHtml(d.review)}
<h2 id="summary">Key numbers</h2>
<div class="cards">${cards.map(([l, n]) => `<div class="card"><b>${fmt(n)}</b><span>${esc(l)}</span></div>`).join('')}</div>
${d.comparisons.length ? `<h2 id="comparison">Published vs this snapshot</h2>${d.comparisons.map(comparisonHtml).join('\n')}` : ''}
<h2 id="figures">Figures</h2>
${figs}
<h2 id="tables">Trial tables</h2>
${d.namedTables.map(namedHtml).join('\n')}
<h2 id="dose">Dose (cells/kg per administration)</h2>
<p class="note">${esc(dose.note)} ${dose.perKgTrials} trials with a per-kg dose, ${dose.absoluteTrials} with an absolute cell number only, ${dose.noDoseTrials} without a readable dose.</p>
${doseRows ? `<table><thead><tr><th>Group</th><th>n</th><th>min</th><th>Q1</th><th>median</th><th>Q3</th><th>max</th></tr></thead><tbody>${doseRows}</tbody></table>` : ''}
<h2 id="metrics">All metric tables</h2>
<p class="note">Every number with its counting rule and the NCT ids behind it (also in tables/*.csv, tables.xlsx and report.json).</p>
${Object.values(d.metrics.tables).map(metricHtml).join('\n')}
</body></html>
`;
}
