/**
 * The published-vs-snapshot comparison. Published numbers are READ at run time from
 * ../shared/reference/published-figures.json (or --published FILE); nothing of it is stored in the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MscopeError, UsageError } from '../../model/errors.js';
import type { Metrics } from '../../analyze/metrics.js';
import type { NamedTable } from '../../analyze/tables.js';
import { COMPARISONS, type ComparisonDef, type OurSelector } from './comparisons.js';
import type { ClassifiedStudy } from '../../analyze/types.js';
import { namedTrials, nctMentions, readSeed, type NamedTrial } from './named-trials.js';

export const REVIEWS = ['jovic2022', 'zhou2021'] as const;
export type ReviewId = (typeof REVIEWS)[number];

export interface ComparisonRow {
  label: string;
  /** Dotted path in published-figures.json. */
  publishedKey: string;
  /** As printed (number or text such as "about 500"); null when the file has no such entry. */
  publishedRaw: number | string | null;
  /** The number in it, when there is one. */
  published: number | null;
  /** "about", "more than" …, when the paper gives an approximate figure. */
  qualifier: string | null;
  ours: number | null;
  /** ours - published (null when either is missing). */
  difference: number | null;
  reason: string;
  /** The paper's own inconsistency note from published-figures.json, when there is one. */
  publishedNote: string | null;
}

export interface Comparison {
  review: ReviewId;
  citation: string;
  publishedFile: string;
  /** The registry date the review counted, when the file gives one. */
  publishedAsOf: string | null;
  query: string | null;
  /** Statements about date semantics and status drift for this report. */
  notes: string[];
  rows: ComparisonRow[];
  /** The trials the review's text names (NCT ids), and why each is or is not counted here; [] without its text. */
  namedTrials: NamedTrial[];
  /** The review's text the ids were read from (null when absent). */
  seedFile: string | null;
}

/** The studies a comparison can look at beyond the metrics: the counted ones and the whole snapshot. */
export interface CompareRows {
  counted: readonly ClassifiedStudy[];
  all: readonly ClassifiedStudy[];
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const REL = ['reference', 'published-figures.json'];

/** Where to read the published figures: the explicit path, else ../shared/... from the cwd, MSCOPE_SHARED, or the repo. */
export function resolvePublishedPath(explicit?: string, cwd = process.cwd()): string {
  if (explicit) {
    const p = resolve(cwd, explicit);
    if (!existsSync(p)) throw new MscopeError(`published figures file not found: ${p}`);
    return p;
  }
  const candidates = [
    ...(process.env.MSCOPE_SHARED ? [resolve(process.env.MSCOPE_SHARED, ...REL)] : []),
    resolve(cwd, '..', 'shared', ...REL),
    resolve(cwd, 'shared', ...REL),
    resolve(REPO_ROOT, '..', 'shared', ...REL),
  ];
  const hit = candidates.find((c) => existsSync(c));
  if (!hit) {
    throw new MscopeError(
      `published figures file not found (tried ${[...new Set(candidates)].join(', ')}); pass --published FILE`,
    );
  }
  return hit;
}

export function loadPublished(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new MscopeError(`${file}: cannot read published figures: ${(e as Error).message}`);
  }
  try {
    const v = JSON.parse(text) as unknown;
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('expected a JSON object');
    return v as Record<string, unknown>;
  } catch (e) {
    throw new MscopeError(`${file}: not valid published-figures JSON: ${(e as Error).message}`);
  }
}

export function parseReview(id: string): ReviewId {
  if ((REVIEWS as readonly string[]).includes(id)) return id as ReviewId;
  throw new UsageError(`--compare: unknown review "${id}" (known: ${REVIEWS.join(', ')})`);
}

function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

const QUALIFIERS = /^(about|approximately|around|over|more than|less than|under|nearly|almost)\s+/i;

/** 1014 -> {1014, null}; "about 500" -> {500, "about"}; "more than 300" -> {300, "more than"}. */
export function parsePublishedValue(v: unknown): {
  value: number | null;
  qualifier: string | null;
  raw: number | string | null;
} {
  if (typeof v === 'number') return { value: v, qualifier: null, raw: v };
  if (typeof v === 'string') {
    const q = QUALIFIERS.exec(v.trim());
    const num = /(\d[\d,]*(?:\.\d+)?)/.exec(v);
    return {
      value: num ? Number(num[1]!.replace(/,/g, '')) : null,
      qualifier: q ? q[1]!.toLowerCase() : null,
      raw: v,
    };
  }
  return { value: null, qualifier: null, raw: null };
}

function inRange(value: string, cond: string): boolean {
  const m = /^(.*)\.\.(.*)$/.exec(cond);
  if (!m) return value === cond;
  return value >= m[1]! && value <= m[2]!;
}

function matchCount(
  sel: { matching: string; in: 'conditions' | 'modificationEvidence' },
  rows?: CompareRows,
): number | null {
  if (!rows) return null;
  const re = new RegExp(sel.matching, 'i');
  return rows.counted.filter((r) => {
    if (sel.in === 'conditions') {
      const s = r.study;
      return [...s.conditions, ...s.keywords, s.briefTitle ?? '', s.officialTitle ?? ''].some((t) =>
        re.test(t),
      );
    }
    return (r.labels?.evidence ?? []).some(
      (e) => e.label === 'modifications' && e.value === 'genetically_modified' && re.test(e.text),
    );
  }).length;
}

export function selectOurs(
  sel: OurSelector,
  metrics: Metrics,
  tables: readonly NamedTable[],
  rows?: CompareRows,
): number | null {
  if ('matching' in sel) return matchCount(sel, rows);
  if ('summary' in sel) {
    const v = getPath(metrics.summary, sel.summary);
    return typeof v === 'number' ? v : null;
  }
  if ('table' in sel) {
    const t = metrics.tables[sel.table];
    const dims = Object.entries(sel.where).map(([d, cond]) => [t.dims.indexOf(d), cond] as const);
    if (dims.some(([i]) => i < 0)) return null;
    const field = sel.field ?? 'count';
    const sum = t.rows
      .filter((r) => dims.every(([i, c]) => inRange(r.keys[i]!, c)))
      .reduce((s, r) => s + (r[field] ?? 0), 0);
    return Math.round(sum);
  }
  const nt = tables.find((t) => t.id === sel.namedTable);
  if (!nt) return null;
  const where = Object.entries(sel.where ?? {});
  return nt.rows.filter((r) =>
    where.every(([k, v]) => String((r as unknown as Record<string, unknown>)[k]) === v),
  ).length;
}

export function compareWith(
  review: ReviewId,
  published: Record<string, unknown>,
  publishedFile: string,
  metrics: Metrics,
  tables: readonly NamedTable[],
  ctx: { asOf?: string | null; snapshotDate?: string | null; rows?: CompareRows },
  defs: readonly ComparisonDef[] = COMPARISONS,
): Comparison {
  const paper = published[review];
  if (!paper || typeof paper !== 'object') throw new MscopeError(`${publishedFile}: no entry "${review}"`);
  const p = paper as Record<string, unknown>;
  const rows: ComparisonRow[] = defs
    .filter((d) => d.review === review)
    .map((d) => {
      const pv = parsePublishedValue(getPath(p, d.published));
      const parent = d.published.includes('.')
        ? getPath(p, d.published.slice(0, d.published.lastIndexOf('.')))
        : undefined;
      const note =
        parent && typeof parent === 'object' ? (parent as Record<string, unknown>).note : undefined;
      const ours = selectOurs(d.ours, metrics, tables, ctx.rows);
      return {
        label: d.label,
        publishedKey: d.published,
        publishedRaw: pv.raw,
        published: pv.value,
        qualifier: pv.qualifier,
        ours,
        difference: ours !== null && pv.value !== null ? ours - pv.value : null,
        reason: pv.raw === null ? `the review prints no number for this; ${d.reason}` : d.reason,
        publishedNote: typeof note === 'string' ? note : null,
      };
    });
  const publishedAsOf = typeof p.as_of === 'string' ? p.as_of : null;
  const notes: string[] = [];
  if (publishedAsOf) {
    notes.push(
      ctx.asOf === publishedAsOf
        ? `The review counted the registry as of ${publishedAsOf}; this report keeps studies first posted on or before the same date.`
        : `The review counted the registry as of ${publishedAsOf}; this report ${ctx.asOf ? `keeps studies first posted on or before ${ctx.asOf}` : 'uses the whole snapshot'} (use --as-of ${publishedAsOf} to match).`,
    );
  }
  notes.push(
    `Statuses, enrollment and other fields are those of the snapshot${ctx.snapshotDate ? ` (${ctx.snapshotDate})` : ''}, not of the review date: completed/unknown/recruiting counts drift as trials progress.`,
  );
  if (typeof p.query === 'string')
    notes.push(
      `The review's registry query: "${p.query}". This report counts every record the classifier includes.`,
    );
  const seed = readSeed(publishedFile, p.seed_file);
  const counted = new Set((ctx.rows?.counted ?? []).map((r) => r.study.nctId));
  const named =
    seed && ctx.rows ? namedTrials(nctMentions(seed.text), ctx.rows.all, counted, ctx.asOf ?? null) : [];
  if (named.length)
    notes.push(
      `The review names ${named.length} trial${named.length === 1 ? '' : 's'} by NCT id (read from ${seed!.path}); ${named.filter((t) => t.counted).length} of them are counted here. Each is listed below with the reason.`,
    );
  return {
    review,
    citation: typeof p.citation === 'string' ? p.citation : review,
    publishedFile,
    publishedAsOf,
    query: typeof p.query === 'string' ? p.query : null,
    notes,
    rows,
    namedTrials: named,
    seedFile: seed?.path ?? null,
  };
}
