/** The report's review section (HTML and Markdown): what reviewers decided and where the classifier now differs. */
import { valueText } from '../../model/decisions.js';
import type { ReviewSummary } from '../../analyze/review.js';

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function lead(r: ReviewSummary): string {
  return `${r.trialsReviewed} trials and ${r.fieldsReviewed} label fields were reviewed; the reviewer's decision is what every figure counts. The classifier's current labels differ from ${r.fieldsDisagreeing} decided fields (${r.trialsCorrected} trials). ${r.changedSinceDecision.length} decided fields changed in the classifier since the decision was made.`;
}

function changedRows(r: ReviewSummary): string[][] {
  return r.changedSinceDecision.map((c) => [
    c.nctId,
    c.field,
    valueText(c.field, c.decided),
    valueText(c.field, c.classifierThen),
    valueText(c.field, c.classifierNow),
    `${c.reviewer}, ${c.decidedAt.slice(0, 10)}`,
  ]);
}

const CHANGED_HEAD = ['Trial', 'Field', 'Decision', 'Classifier then', 'Classifier now', 'Decided by'];

export function reviewHtml(r: ReviewSummary | null): string {
  if (!r) return '';
  const byField = r.byField
    .map(
      (f) =>
        `<tr><td>${esc(f.field)}</td><td class="n">${f.reviewed}</td><td class="n">${f.disagreeing}</td></tr>`,
    )
    .join('');
  const changed = changedRows(r)
    .map((row) => `<tr>${row.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
    .join('');
  return `<h2 id="review">Reviewer decisions</h2>
<p class="note">${esc(lead(r))}</p>
<table><thead><tr><th>Field</th><th>Reviewed</th><th>Classifier differs</th></tr></thead><tbody>${byField}</tbody></table>
${changed ? `<h3>Classifier changed since the decision (worth a look)</h3><table><thead><tr>${CHANGED_HEAD.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${changed}</tbody></table>` : ''}`;
}

export function reviewMarkdown(r: ReviewSummary | null): string {
  if (!r) return '';
  const md = (head: string[], rows: string[][]) =>
    [
      `| ${head.join(' | ')} |`,
      `|${head.map(() => '---').join('|')}|`,
      ...rows.map((x) => `| ${x.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`),
    ].join('\n');
  const out = [
    `## Reviewer decisions\n`,
    `${lead(r)}\n`,
    md(
      ['field', 'reviewed', 'classifier differs'],
      r.byField.map((f) => [f.field, String(f.reviewed), String(f.disagreeing)]),
    ) + '\n',
  ];
  if (r.changedSinceDecision.length)
    out.push(
      `### Classifier changed since the decision (worth a look)\n\n${md(CHANGED_HEAD, changedRows(r))}\n`,
    );
  return out.join('\n');
}
