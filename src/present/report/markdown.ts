/** report.md: the same content as the HTML, as Markdown with the figures linked from figures/. */
import { reviewMarkdown } from './review.js';
import type { MetricTable } from '../../analyze/metrics.js';
import type { ReportData } from './data.js';
import { nice } from './labels.js';

const fmt = (n: number | null | undefined) =>
  n === null || n === undefined ? '–' : n.toLocaleString('en-US', { maximumFractionDigits: 1 });
/** Registry text is data, never markup: HTML special characters are escaped (a title's `<script>` stays text). */
const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const cell = (s: string) =>
  html(s)
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ');

function mdTable(head: string[], rows: string[][]): string {
  return [
    `| ${head.map(cell).join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

function metricMd(t: MetricTable): string {
  const hasValue = t.rows.some((r) => r.value !== undefined);
  const rows = t.rows.map((r) => [
    ...r.keys.map(nice),
    fmt(r.count),
    ...(r.share !== undefined ? [`${(r.share * 100).toFixed(1)}%`] : hasValue ? [] : ['']),
    ...(hasValue ? [fmt(r.value)] : []),
  ]);
  const head = [...t.dims, 'trials', ...(hasValue ? [t.valueLabel ?? 'value'] : ['share'])];
  return `### ${html(t.title)}\n\n${html(t.note)}\n\n${
    rows.length
      ? mdTable(
          head,
          rows.map((r) => r.slice(0, head.length)),
        )
      : '_No data._'
  }\n`;
}

export function renderMarkdown(d: ReportData): string {
  const s = d.metrics.summary;
  const f = d.metrics.flow;
  const out: string[] = [];
  out.push(`# ${html(d.title)}\n`);
  out.push(
    `Generated ${d.generatedAt} by mscope ${d.generator.version} · snapshot ${d.snapshot.id ?? '–'}${d.snapshot.label ? ` "${html(d.snapshot.label)}"` : ''} · ruleset ${d.rulesetVersion ?? 'unknown'} · filter: ${Object.keys(d.filter).length ? '`' + JSON.stringify(d.filter) + '`' : 'none'}\n`,
  );
  out.push(d.notes.map((n) => `- ${html(n)}`).join('\n') + '\n');
  out.push(`## Screening flow\n\n![Screening flow](figures/screening-flow.svg)\n`);
  out.push(
    `- Records in the snapshot: ${fmt(d.snapshot.studyCount)}\n- ${d.trials ? 'Trials' : 'Records'} after the report filter: ${fmt(f.identified)}\n${
      d.trials
        ? `- Registrations in ${Object.keys(d.trials.byRegistry).length} registries (${Object.entries(
            d.trials.byRegistry,
          )
            .map(([r, n]) => `${r} ${fmt(n)}`)
            .join(
              ', ',
            )}) merged into ${fmt(d.trials.trials)} trials (${fmt(d.trials.multiRegistered)} registered more than once; \`mscope trials\` lists the links)\n`
        : ''
    }- Not classified: ${fmt(f.unclassified)}\n- Awaiting classification (too little text to decide): ${fmt(f.awaiting)}\n- Category label of low confidence: ${fmt(f.lowConfidence)}\n- Excluded: ${fmt(f.excluded)}\n${f.excludedByReason.map((r) => `  - ${html(r.key)}: ${fmt(r.count)}`).join('\n')}\n- Included: ${fmt(f.included)}\n${f.includedByCategory.map((r) => `  - ${html(nice(r.key))}: ${fmt(r.count)}`).join('\n')}\n`,
  );
  const review = reviewMarkdown(d.review);
  if (review) out.push(review);
  out.push(
    `## Key numbers\n\n${mdTable(
      ['metric', 'value'],
      [
        ['included trials', fmt(s.counted)],
        ['registered participants', fmt(s.participants.total)],
        ['countries', fmt(s.countries)],
        ['completed', fmt(s.completed)],
        ['completed with results posted', fmt(s.completedWithResults)],
        ['COVID-19 trials', fmt(s.covid19)],
        ['EV / secretome trials', fmt(s.evSecretome)],
        ['genetically modified', fmt(s.geneticallyModified)],
      ],
    )}\n`,
  );
  for (const c of d.comparisons) {
    out.push(
      `## Published vs this snapshot: ${c.citation}\n\n${c.notes.map((n) => `- ${n}`).join('\n')}\n\n${mdTable(
        ['metric', 'published', 'this snapshot', 'difference', 'why they can differ'],
        c.rows.map((r) => [
          r.label,
          r.publishedRaw === null ? '–' : String(r.publishedRaw),
          fmt(r.ours),
          r.difference === null ? '–' : `${r.difference > 0 ? '+' : ''}${fmt(r.difference)}`,
          r.reason + (r.publishedNote ? ` (paper: ${r.publishedNote})` : ''),
        ]),
      )}\n`,
    );
    if (c.namedTrials.length)
      out.push(
        `### Trials the review names\n\n${mdTable(
          ['NCT id', 'what the review says (words before the id)', 'counted here', 'why'],
          c.namedTrials.map((t) => [t.nctId, t.context, t.counted ? 'yes' : 'no', t.why]),
        )}\n`,
      );
  }
  out.push('## Figures\n');
  for (const fig of d.figures)
    out.push(
      `### ${fig.title}\n\n![${fig.title}](${fig.file})\n\n${fig.caption}${fig.regenerates ? ` Regenerates ${fig.regenerates}.` : ''}\n`,
    );
  out.push('## Trial tables\n');
  for (const t of d.namedTables) {
    out.push(
      `### ${t.title} (${t.rows.length})\n\n${t.description} Regenerates ${t.regenerates}.\n\n${
        t.rows.length
          ? mdTable(
              ['NCT id', 'title', 'phase', 'status', 'enrollment', 'source', 'route', 'results'],
              t.rows.map((r) => [
                `[${r.nctId}](${r.link})`,
                r.title,
                nice(r.phase),
                nice(r.status),
                fmt(r.enrollment),
                r.source,
                r.route,
                r.hasResults ? 'yes' : 'no',
              ]),
            )
          : '_No trials._'
      }\n`,
    );
  }
  out.push('## Metric tables\n');
  for (const t of Object.values(d.metrics.tables)) out.push(metricMd(t));
  return out.join('\n');
}
