/**
 * Field selection for exports: dotted Study paths (derived from the zod StudySchema, so they follow the
 * model) plus the label keys. A path through an array of objects maps over it: "locations.country" is the
 * list of location countries, "interventions.name" the intervention names.
 */
import { z } from 'zod';
import { UsageError } from '../../../model/errors.js';
import type { Labels } from '../../../model/labels.js';
import { StudySchema, type Study } from '../../../model/study.js';
import { countriesOf, phaseKeyOf } from '../../../analyze/dimensions.js';

/** Label keys an exported study carries (top-level keys next to the Study fields) when labels exist. */
export const LABEL_FIELDS = [
  'category',
  'included',
  'screeningReason',
  'sources',
  'donor',
  'modifications',
  'biomaterial',
  'routes',
  'covid19',
  'specialty',
  'product',
  'dose',
  'reasons',
  'evidence',
] as const;
export type LabelField = (typeof LABEL_FIELDS)[number];

function unwrap(t: z.ZodType): z.ZodType {
  let cur = t;
  while (cur instanceof z.ZodNullable || cur instanceof z.ZodOptional) cur = cur.unwrap() as z.ZodType;
  return cur;
}

function collect(t: z.ZodType, prefix: string, out: string[]): void {
  let cur = unwrap(t);
  if (cur instanceof z.ZodArray) cur = unwrap(cur.element as z.ZodType);
  if (!(cur instanceof z.ZodObject)) return;
  for (const [key, child] of Object.entries(cur.shape as Record<string, z.ZodType>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    out.push(path);
    collect(child, path, out);
  }
}

/** Every selectable dotted Study path, in schema order. */
export const STUDY_FIELDS: readonly string[] = (() => {
  const out: string[] = [];
  collect(StudySchema, '', out);
  return out;
})();

/** The field tree in brace notation, e.g. "startDate{value,precision,type}", for error messages. */
export function compactFieldList(paths: readonly string[] = STUDY_FIELDS): string {
  interface Node {
    children: Map<string, Node>;
  }
  const root: Node = { children: new Map() };
  for (const p of paths) {
    let node = root;
    for (const k of p.split('.')) {
      let next = node.children.get(k);
      if (!next) node.children.set(k, (next = { children: new Map() }));
      node = next;
    }
  }
  const render = (n: Node, sep: string): string =>
    [...n.children].map(([k, c]) => (c.children.size ? `${k}{${render(c, ',')}}` : k)).join(sep);
  return render(root, ', ');
}

/**
 * Fields made from the record or its labels for analysis: one value per study, ready for R/Python/Excel.
 * `countries`: distinct location countries (first-seen order; `locations.country` repeats a country per site);
 * `phase`: the registry phase list as ONE key, as the filters and metrics use it (`PHASE1|PHASE2`, `NA`, `NONE`);
 * `dose.*`: the per-administration cell dose split into its parts (label fields: need a classified snapshot).
 */
export const DERIVED_FIELDS: Readonly<
  Record<string, { labels: boolean; value: (s: Study, l: Labels | null) => unknown; doc: string }>
> = {
  countries: { labels: false, value: (s) => countriesOf(s), doc: 'distinct location countries' },
  phase: {
    labels: false,
    value: (s) => phaseKeyOf(s.phases),
    doc: 'phase key, e.g. PHASE1|PHASE2, NA, NONE',
  },
  'dose.value': {
    labels: true,
    value: (_s, l) => l?.dose?.value ?? null,
    doc: 'cells per administration (low end of a range)',
  },
  'dose.valueHigh': {
    labels: true,
    value: (_s, l) => l?.dose?.valueHigh ?? null,
    doc: 'high end of a dose range',
  },
  'dose.unit': { labels: true, value: (_s, l) => l?.dose?.unit ?? null, doc: '"cells" or "cells/kg"' },
  'dose.perKg': {
    labels: true,
    value: (_s, l) => (l?.dose ? l.dose.unit === 'cells/kg' : null),
    doc: 'true when the dose is per kg body weight',
  },
  'dose.administrations': {
    labels: true,
    value: (_s, l) => l?.dose?.administrations ?? null,
    doc: 'number of administrations',
  },
  'dose.intervalDays': {
    labels: true,
    value: (_s, l) => l?.dose?.intervalDays ?? null,
    doc: 'days between administrations',
  },
  'dose.text': {
    labels: true,
    value: (_s, l) => l?.dose?.text ?? null,
    doc: 'the dose as written in the record',
  },
};
const DERIVED_FIELD_SET = new Set(Object.keys(DERIVED_FIELDS));

const STUDY_FIELD_SET = new Set(STUDY_FIELDS);
const LABEL_FIELD_SET = new Set<string>(LABEL_FIELDS);

/** Default CSV columns: the scalar-ish overview of a study (arrays joined with "|"). */
export const DEFAULT_CSV_FIELDS: readonly string[] = [
  'nctId',
  'briefTitle',
  'acronym',
  'overallStatus',
  'studyType',
  'phases',
  'startDate',
  'primaryCompletionDate',
  'completionDate',
  'firstPostedDate',
  'lastUpdatePostedDate',
  'enrollment.count',
  'enrollment.type',
  'leadSponsor.name',
  'leadSponsor.class',
  'conditions',
  'keywords',
  'interventions.name',
  'countries',
  'hasResults',
  'provenance.format',
  'provenance.file',
];

/** Parse and validate `--fields a,b,c`; unknown names are a usage error listing the valid ones. */
export function parseFields(spec: string, withLabels: boolean): string[] {
  const fields = spec
    .split(',')
    .map((f) => f.trim())
    .filter((f) => f !== '');
  if (fields.length === 0) throw new UsageError('--fields: no field names given');
  const unknown = fields.filter(
    (f) => !STUDY_FIELD_SET.has(f) && !LABEL_FIELD_SET.has(f) && !DERIVED_FIELD_SET.has(f),
  );
  if (unknown.length) {
    throw new UsageError(
      `--fields: unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((f) => `"${f}"`).join(', ')}.\n` +
        `Valid Study fields (nested ones with dots, e.g. leadSponsor.name): ${compactFieldList()}\n` +
        `Derived fields: ${Object.keys(DERIVED_FIELDS).join(', ')}\n` +
        `Label fields (when the snapshot is classified): ${LABEL_FIELDS.join(', ')}`,
    );
  }
  if (!withLabels) {
    const labelOnly = fields.filter((f) => LABEL_FIELD_SET.has(f) || DERIVED_FIELDS[f]?.labels === true);
    if (labelOnly.length) {
      throw new UsageError(
        `--fields: ${labelOnly.join(', ')} ${labelOnly.length > 1 ? 'are label fields' : 'is a label field'}, ` +
          'but this snapshot has no labels (run "mscope classify" first)',
      );
    }
  }
  return [...new Set(fields)];
}

export const isLabelField = (f: string): f is LabelField => LABEL_FIELD_SET.has(f);

/** Value at a dotted path; arrays of objects are mapped over (and nested arrays flattened). */
export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const key of path.split('.')) {
    if (cur === null || cur === undefined) return null;
    if (Array.isArray(cur)) {
      cur = cur.flatMap((el) => {
        const v = el === null || typeof el !== 'object' ? null : (el as Record<string, unknown>)[key];
        return v === undefined ? [null] : Array.isArray(v) ? v : [v];
      });
    } else if (typeof cur === 'object') {
      cur = (cur as Record<string, unknown>)[key];
    } else {
      return null;
    }
  }
  return cur === undefined ? null : cur;
}

/** The value of `field` for a study and its labels (null labels: label fields are null). */
export function fieldValue(study: Study, labels: Labels | null, field: string): unknown {
  const derived = DERIVED_FIELDS[field];
  if (derived) return derived.value(study, labels);
  if (isLabelField(field)) return labels ? (labels[field] ?? null) : null;
  return getPath(study, field);
}
