/**
 * Provenance of every export: which snapshot (id, label, date, source files), which ruleset, which as-of date
 * and filters, which mscope version and which command made it. It is the first sheet of tables.xlsx and
 * tables/provenance.json beside the CSV files, so a table taken into R, Python or Excel still says where its
 * numbers come from.
 */
import type { Filter } from '../../analyze/filter.js';
import type { ReportData } from './data.js';

export interface Provenance {
  generator: { name: 'mscope'; version: string };
  generatedAt: string;
  /** The command line that made the export (null when called as a library). */
  command: string | null;
  snapshot: {
    id: number | null;
    label: string | null;
    createdAt: string | null;
    sources: string[];
    studyCount: number;
  };
  rulesetVersion: string | null;
  labelsFrom: 'stored' | 'classified' | null;
  asOf: string | null;
  filter: Filter;
  yearBasis: string;
  /** The published-figures file the comparison sheets read, when there are comparisons. */
  publishedFigures: string | null;
  /** The files this provenance describes. */
  files: string[];
}

/** Quote one argument for a POSIX shell only when it needs it. */
export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** The command line of this process, as a user would retype it ("mscope report --out r ..."). */
export function currentCommand(argv: readonly string[] = process.argv): string {
  return ['mscope', ...argv.slice(2).map(shellQuote)].join(' ');
}

/** Filter as "key=value" pairs joined with "; " (what --filter took), "none" when empty. */
export function filterText(f: Filter): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === null) continue;
    for (const x of Array.isArray(v) ? v : [v]) parts.push(`${k}=${String(x)}`);
  }
  return parts.length ? parts.join('; ') : 'none';
}

export function provenanceOf(d: ReportData, files: string[]): Provenance {
  const published = d.comparisons.map((c) => c.publishedFile).filter((f): f is string => !!f);
  return {
    generator: d.generator,
    generatedAt: d.generatedAt,
    command: d.command,
    snapshot: d.snapshot,
    rulesetVersion: d.rulesetVersion,
    labelsFrom: d.labelsFrom,
    asOf: d.asOf,
    filter: d.filter,
    yearBasis: d.metrics.options.yearBasis,
    publishedFigures: published[0] ?? null,
    files,
  };
}

/** The provenance as the two-column first sheet of tables.xlsx ("field", "value"). */
export function provenanceRows(p: Provenance): Array<[string, string | number]> {
  return [
    ['mscope version', p.generator.version],
    ['generated at', p.generatedAt],
    ['command', p.command ?? '(not run from the command line)'],
    ['snapshot id', p.snapshot.id ?? 'none'],
    ['snapshot label', p.snapshot.label ?? 'none'],
    ['snapshot date', p.snapshot.createdAt ?? 'not stated'],
    ['snapshot studies', p.snapshot.studyCount],
    ['snapshot sources', p.snapshot.sources.join('; ') || 'not stated'],
    ['ruleset version', p.rulesetVersion ?? 'not stated'],
    [
      'labels',
      p.labelsFrom === 'classified' ? 'classified when the report was made' : (p.labelsFrom ?? 'none'),
    ],
    ['as-of date', p.asOf ?? 'none (every study of the snapshot)'],
    ['filters', filterText(p.filter)],
    ['year basis', p.yearBasis],
    ['published figures', p.publishedFigures ?? 'none'],
  ];
}
