/**
 * `mscope studies`: export a snapshot's normalized studies as JSON, NDJSON or CSV (streamed).
 *
 * When the snapshot has labels (`mscope classify`), each study carries them as TOP-LEVEL keys next to the
 * Study fields: category, included, screeningReason, sources, donor, modifications, biomaterial, routes,
 * covid19, specialty, product, dose, reasons (the reason code of each other family; null in labels stored before
 * the codes existed), evidence (null for a study the labels do not cover). In CSV they are columns; evidence,
 * dose and reasons as JSON text.
 *
 * Option parsing lives in `parseStudiesOptions` (one place), and rows come from `selectStudies(store,
 * snapshotId, predicate)`: a filter plugs in as the predicate.
 */
import type { Command } from 'commander';
import { UsageError } from '../../../model/errors.js';
import type { Store } from '../../../store/index.js';
import { withStore } from '../util/db.js';
import { collect } from '../util/options.js';
import { DEFAULT_CSV_FIELDS, LABEL_FIELDS, parseFields } from '../util/fields.js';
import { csvCell, csvLine, exportObject, FORMATS, type ExportFormat } from '../util/format.js';
import { openSink, OutputClosed } from '../util/output.js';
import { selectStudies, type StudyPredicate } from '../util/select.js';
import { collapseTrials } from '../../../analyze/trials/collapse.js';
import type { ClassifiedStudy } from '../../../analyze/types.js';
import { loadTrialGrouping } from '../../../pipeline/trials.js';
import { compileFilter, filterFromPairs, isEmptyFilter, type Filter } from '../../../analyze/filter.js';
import { VERSION } from '../../../version.js';
import { currentCommand } from '../../report/provenance.js';
import { writeFile } from 'node:fs/promises';
import { openVocabularyNotes } from '../util/notes.js';

export { selectStudies, type StudyPredicate } from '../util/select.js';

export interface StudiesCliOptions {
  snapshot?: string;
  format: string;
  fields?: string;
  out?: string;
  ruleset?: string;
  /** Filter (analyze/filter.ts): repeatable KEY=VALUE pairs and --as-of. */
  filter?: string[];
  asOf?: string;
  /** One row per registration as stored, not per trial. */
  registrations?: boolean;
}

/** Parsed, validated export request. `fields` null = everything (json/ndjson) / the default columns (csv). */
export interface StudiesQuery {
  snapshot: string | undefined;
  format: ExportFormat;
  fieldsSpec: string | undefined;
  out: string | undefined;
  rulesetVersion: string | undefined;
  predicate?: StudyPredicate;
  /** The filter behind `predicate` (for notes on values that match nothing). */
  filter?: Filter;
  /** One row per registration as stored (default: one per trial, registrations of one trial merged). */
  registrations?: boolean;
}

export function parseStudiesOptions(opts: StudiesCliOptions): StudiesQuery {
  const format = opts.format.toLowerCase();
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(
      `--format: unknown format "${opts.format}" (expected one of: ${FORMATS.join(', ')})`,
    );
  }
  if (opts.fields !== undefined) parseFields(opts.fields, true); // names checked before the database is opened
  const filter = filterFromPairs(opts.filter, { 'as-of': opts.asOf });
  return {
    ...(isEmptyFilter(filter) ? {} : { predicate: compileFilter(filter), filter }),
    snapshot: opts.snapshot,
    format: format as ExportFormat,
    fieldsSpec: opts.fields,
    out: opts.out,
    rulesetVersion: opts.ruleset,
    registrations: opts.registrations === true,
  };
}

/**
 * The rows to export: one per trial (analyze/trials/collapse.ts; the filter applies to the trials), or one per
 * registration with `registrations`. A snapshot of one registry streams either way; one of several registries
 * is read whole to merge the registrations of each trial.
 */
async function* exportRows(
  store: Store,
  snapshotId: number,
  q: StudiesQuery,
  opts: { rulesetVersion?: string },
): AsyncGenerator<ClassifiedStudy> {
  const grouping = q.registrations ? null : await loadTrialGrouping(store, snapshotId);
  if (!grouping) {
    yield* selectStudies(store, snapshotId, q.predicate, opts);
    return;
  }
  const all: ClassifiedStudy[] = [];
  for await (const r of selectStudies(store, snapshotId, undefined, opts)) all.push(r);
  for (const r of collapseTrials(all, grouping).rows) if (!q.predicate || q.predicate(r)) yield r;
}

/** Stream the export described by `q` from `store`. Returns the number of studies written. */
export async function exportStudies(store: Store, q: StudiesQuery): Promise<number> {
  const snap = await store.getSnapshot(q.snapshot);
  if (q.filter)
    for (const n of await openVocabularyNotes(store, snap.id, q.filter))
      process.stderr.write(`mscope: note: ${n}\n`);
  const versions = await store.labelVersions(snap.id);
  if (q.rulesetVersion !== undefined && !versions.includes(q.rulesetVersion)) {
    throw new UsageError(
      `--ruleset: snapshot ${snap.id} has no labels of ruleset version "${q.rulesetVersion}"` +
        (versions.length ? ` (it has: ${versions.join(', ')})` : ' (it has none)'),
    );
  }
  // Labels of the running classifier's version when saved; else the latest saved, said in one line.
  let version = q.rulesetVersion;
  if (version === undefined && versions.length > 0) {
    const { RULESET_VERSION } = await import('../../../classify/index.js');
    if (versions.includes(RULESET_VERSION)) version = RULESET_VERSION;
    else {
      version = versions[versions.length - 1]!;
      process.stderr.write(
        `mscope studies: warning: labels of snapshot ${snap.id} were made by ruleset ${version}, not the current ` +
          `${RULESET_VERSION}: run \`mscope classify --snapshot ${snap.id}\` to refresh them\n`,
      );
    }
  }
  const withLabels = versions.length > 0;
  const fields = q.fieldsSpec === undefined ? null : parseFields(q.fieldsSpec, withLabels);
  const sink = await openSink(q.out);
  let n = 0;
  try {
    const rows = exportRows(store, snap.id, q, version ? { rulesetVersion: version } : {});
    if (q.format === 'csv') {
      const cols = fields ?? [...DEFAULT_CSV_FIELDS, ...(withLabels ? LABEL_FIELDS : [])];
      await sink.write(csvLine(cols));
      for await (const { study, labels } of rows) {
        const obj = exportObject(study, labels, cols, withLabels);
        await sink.write(csvLine(cols.map((c) => csvCell(obj[c]))));
        n++;
      }
    } else if (q.format === 'ndjson') {
      for await (const { study, labels, trial } of rows) {
        await sink.write(`${JSON.stringify(exportObject(study, labels, fields, withLabels, trial))}\n`);
        n++;
      }
    } else {
      await sink.write('[');
      for await (const { study, labels, trial } of rows) {
        await sink.write(
          `${n === 0 ? '\n' : ',\n'}${JSON.stringify(exportObject(study, labels, fields, withLabels, trial))}`,
        );
        n++;
      }
      await sink.write(n === 0 ? ']\n' : '\n]\n');
    }
    await sink.end();
    // a CSV file carries its provenance in a sidecar <file>.provenance.json (JSON exports hold provenance per study)
    if (q.out && q.format === 'csv') {
      const provenance = {
        generator: { name: 'mscope', version: VERSION },
        generatedAt: new Date().toISOString(),
        command: currentCommand(),
        snapshot: {
          id: snap.id,
          label: snap.label,
          createdAt: snap.createdAt,
          sources: snap.sources,
          studyCount: snap.studyCount,
        },
        rulesetVersion: withLabels ? (q.rulesetVersion ?? versions[versions.length - 1]!) : null,
        asOf: q.filter?.asOf ?? null,
        filter: q.filter ?? {},
        fields: fields ?? [...DEFAULT_CSV_FIELDS, ...(withLabels ? LABEL_FIELDS : [])],
        rows: n,
        files: [q.out],
      };
      await writeFile(`${q.out}.provenance.json`, JSON.stringify(provenance, null, 2) + '\n');
    }
  } catch (err) {
    await sink.abort();
    if (err instanceof OutputClosed) return n; // the reader stopped reading (e.g. `| head`): not an error
    throw err;
  }
  return n;
}

export function register(program: Command): void {
  program
    .command('studies')
    .description("export a snapshot's normalized studies (with their labels when classified)")
    .option('--snapshot <id|label>', 'snapshot to export (default: the latest)')
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'json')
    .option(
      '--fields <a,b,c>',
      'only these dotted Study paths / derived fields / label keys (e.g. nctId,leadSponsor.name,countries,category,dose.value)',
    )
    .option(
      '--ruleset <version>',
      'ruleset version of the labels to attach (default: the current one when saved, else the latest saved, with a warning)',
    )
    .option('--out <file>', 'write to this file instead of stdout (written only when complete)')
    .option(
      '--filter <key=value>',
      'keep matching studies, e.g. --filter included=true --filter phase=PHASE1|PHASE2 (repeatable; keys as in the HTTP API / mscope report)',
      collect,
    )
    .option('--as-of <date>', 'keep studies first posted on or before DATE')
    .option(
      '--registrations',
      'one row per registration as stored (default: one row per trial, its registrations in several registries merged)',
    )
    .addHelpText(
      'after',
      '\nLabels (when the snapshot is classified) are top-level keys next to the Study fields:\n' +
        `  ${LABEL_FIELDS.join(', ')}\n` +
        'Derived fields: countries (distinct), phase (PHASE1|PHASE2, NA, NONE), dose.value, dose.valueHigh,\n' +
        '  dose.unit, dose.perKg, dose.administrations, dose.intervalDays, dose.text.\n' +
        'CSV: lists joined with "; " (the one list separator of every export), registry dates as their ISO value,\n' +
        '  objects (evidence, dose) as JSON text; with --out FILE, FILE.provenance.json says where it came from.\n' +
        'A path through a list maps over it: locations.country = the country of every location (repeats per site).',
    )
    .action(async (opts: StudiesCliOptions, cmd: Command) => {
      const q = parseStudiesOptions(opts);
      await withStore(cmd, { readOnly: true }, (store) => exportStudies(store, q));
    });
}
