/**
 * Numbers as a reader writes them: large counts in scientific notation with a real superscript (3.3×10⁷, not
 * "3.3e+7" or "3.3 * 107"), and a cell dose as one readable phrase. Pure (the dashboard bundle imports it).
 */
import type { Dose } from '../model/labels.js';

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const sup = (n: number): string =>
  `${n < 0 ? '⁻' : ''}${String(Math.abs(n))
    .split('')
    .map((d) => SUPERSCRIPT[Number(d)])
    .join('')}`;

/** 33000000 -> "3.3×10⁷", 1e6 -> "10⁶" (mantissa 1 dropped), 1500 -> "1,500" (below 10⁴ written out). */
export function sci(n: number, digits = 2): string {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) < 1e4) return n.toLocaleString('en-US', { maximumFractionDigits: digits });
  let exp = Math.floor(Math.log10(Math.abs(n)));
  let mant = Number((n / 10 ** exp).toFixed(digits));
  if (Math.abs(mant) >= 10) {
    mant /= 10;
    exp += 1;
  }
  return mant === 1 ? `10${sup(exp)}` : `${mant}×10${sup(exp)}`;
}

/** "3.3×10⁷ cells per administration", "1–2×10⁶ cells/kg, 3 administrations every 7 days". */
export function doseSummary(d: Dose): string {
  if (d.value === null) return d.text;
  const value = d.valueHigh !== null ? `${sci(d.value)}–${sci(d.valueHigh)}` : sci(d.value);
  const parts = [`${value} ${d.unit} per administration`];
  if (d.administrations !== null)
    parts.push(
      `${d.administrations} administration${d.administrations === 1 ? '' : 's'}${d.intervalDays ? ` every ${d.intervalDays} days` : ''}`,
    );
  else if (d.intervalDays) parts.push(`every ${d.intervalDays} days`);
  return parts.join(', ');
}

/** A vega-lite axis labelExpr that writes powers of ten as 10⁴, 10⁵ … (for log axes with ticks at 10^k). */
export function powerOfTenLabelExpr(ticks: readonly number[]): string {
  return ticks.map((t) => `datum.value == ${t} ? '${sci(t)}' : `).join('') + `format(datum.value, '.1e')`;
}
