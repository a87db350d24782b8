/** PRISMA-style flow diagram as a standalone SVG (hand-laid boxes; no browser needed). */
import type { ScreeningFlow } from '../../analyze/metrics.js';
import { nice } from './labels.js';

export const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const fmt = (n: number) => n.toLocaleString('en-US');
const FONT = 'Helvetica, Arial, sans-serif';

function box(
  x: number,
  y: number,
  w: number,
  lines: string[],
  opts: { bold?: boolean; fill?: string } = {},
): { svg: string; h: number } {
  const h = 14 + lines.length * 17;
  const text = lines
    .map(
      (l, i) =>
        `<text x="${x + 10}" y="${y + 21 + i * 17}" font-size="${i === 0 ? 13 : 12}"${i === 0 && opts.bold !== false ? ' font-weight="bold"' : ''}>${esc(l)}</text>`,
    )
    .join('');
  return {
    svg: `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="4" fill="${opts.fill ?? '#F4F8FB'}" stroke="#0072B2" stroke-width="1.2"/>${text}`,
    h,
  };
}

const arrow = (x1: number, y1: number, x2: number, y2: number) =>
  `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#444" stroke-width="1.3" marker-end="url(#arrow)"/>`;

/**
 * `total`: records in the snapshot before the report filter (default: flow.identified); `filterNote` says what the
 * filter left out (e.g. "first posted after 2021-07-14").
 */
export function prismaSvg(
  flow: ScreeningFlow,
  opts: {
    maxReasons?: number;
    total?: number;
    filterNote?: string;
    /** Registrations of several registries merged into trials (then `total` counts trials). */
    merged?: { registrations: number; registries: number; trials: number };
  } = {},
): string {
  const maxReasons = opts.maxReasons ?? 10;
  const W = 760;
  const leftX = 20;
  const leftW = 300;
  const rightX = 400;
  const rightW = 340;
  const parts: string[] = [];
  let y = 20;

  const total = opts.total ?? flow.identified;
  // after registrations of one trial are merged, every box counts trials
  const unit = opts.merged ? 'trials' : 'records';
  const outside = total - flow.identified;
  const m = opts.merged;
  const b1 = box(
    leftX,
    y,
    leftW,
    m
      ? [
          'Records identified',
          `${fmt(m.registrations)} registrations in ${fmt(m.registries)} registries`,
          `merged into ${fmt(m.trials)} trials (counted once each)`,
        ]
      : ['Records identified', `${fmt(total)} registry records in the snapshot`],
  );
  parts.push(b1.svg);
  const y1 = y + b1.h;
  const notScreened = [
    `Not screened: ${fmt(outside + flow.unclassified)} ${unit}`,
    ...(outside > 0
      ? [`${fmt(outside)}  outside the report filter${opts.filterNote ? ` (${opts.filterNote})` : ''}`]
      : []),
    `${fmt(flow.unclassified)}  without labels (not classified)`,
  ];
  const ub = box(rightX, y, rightW, notScreened, { fill: '#FFFFFF' });
  parts.push(ub.svg, arrow(leftX + leftW, y + b1.h / 2, rightX, y + b1.h / 2));
  y = Math.max(y1, y + ub.h) + 40;

  const b2 = box(leftX, y, leftW, [
    'Records screened',
    `${fmt(flow.screened)} ${unit} classified by the rules`,
    ...(flow.lowConfidence > 0 ? [`${fmt(flow.lowConfidence)} with a low-confidence category`] : []),
  ]);
  parts.push(b2.svg, arrow(leftX + leftW / 2, y1, leftX + leftW / 2, y));
  const y2 = y + b2.h;

  const reasons = flow.excludedByReason.slice(0, maxReasons);
  const rest = flow.excludedByReason.slice(maxReasons).reduce((s, r) => s + r.count, 0);
  const lines = [
    ...(flow.awaiting > 0
      ? [
          `Awaiting classification: ${fmt(flow.awaiting)} ${unit}`,
          '(too little text to decide; not included)',
        ]
      : []),
    `Excluded: ${fmt(flow.excluded)} ${unit}`,
    ...reasons.map((r) => `${fmt(r.count)}  ${r.key.replace(/^exclude\./, '').replace(/_/g, ' ')}`),
    ...(rest ? [`${fmt(rest)}  other reasons`] : []),
  ];
  const eb = box(rightX, y, rightW, lines, { fill: '#FFFFFF' });
  parts.push(eb.svg, arrow(leftX + leftW, y + b2.h / 2, rightX, y + b2.h / 2));

  y = Math.max(y2, y + eb.h) + 40;
  const cats = flow.includedByCategory.map((r) => `${fmt(r.count)}  ${nice(r.key)}`);
  const b3 = box(leftX, y, leftW, [`Included: ${fmt(flow.included)} studies`, ...cats], { fill: '#E8F2F9' });
  parts.push(b3.svg, arrow(leftX + leftW / 2, y2, leftX + leftW / 2, y));
  const H = y + b3.h + 20;

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${FONT}" role="img" aria-label="Screening flow">` +
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#444"/></marker></defs>` +
    `<rect width="${W}" height="${H}" fill="white"/>` +
    parts.join('') +
    `</svg>`
  );
}
