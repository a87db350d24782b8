/**
 * The trials a review names: every NCT id in the review's own text (../shared/seeds/<seed_file>, named in
 * published-figures.json and READ at run time, never stored here), with a few words of what the review says
 * about it, and where it stands in this report: not in the snapshot, first posted after the as-of date,
 * excluded by the classifier (and why), or included (with its product form, modifications, COVID-19 label).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ClassifiedStudy } from '../../analyze/types.js';
import { firstPostedYear, productFormKey } from '../../analyze/dimensions.js';
import { nice } from '../names.js';

export interface NamedTrial {
  nctId: string;
  /** A few words around the id in the review's text (what the review says the trial is). */
  context: string;
  inSnapshot: boolean;
  firstPosted: string | null;
  /** Counted in this report's numbers (in the snapshot, within the filter, included by the classifier). */
  counted: boolean;
  category: string | null;
  /** Why it is or is not counted here. */
  why: string;
}

/** The review's text, or null when the seed file is not there (a fresh clone without ../shared). */
export function readSeed(publishedFile: string, seedFile: unknown): { path: string; text: string } | null {
  if (typeof seedFile !== 'string' || !seedFile) return null;
  const path = join(dirname(publishedFile), '..', 'seeds', seedFile);
  if (!existsSync(path)) return null;
  return { path, text: readFileSync(path, 'utf8') };
}

const CONTEXT = 90;

/** Every distinct NCT id of the text, in order, with the words just before it (inside its sentence). */
export function nctMentions(text: string): Array<{ nctId: string; context: string }> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/NCT\d{8}/g)) {
    if (out.has(m[0])) continue;
    const before = text.slice(Math.max(0, m.index - CONTEXT), m.index);
    const stop = before.lastIndexOf('. ');
    const sentence = stop < 0 ? before : before.slice(stop + 2);
    const words = sentence
      .replace(/NCT\d{8}/g, ' ') // other ids of the same list
      .replace(/\[[\d,\s-]+\]/g, ' ') // reference numbers
      .replace(/[([{,:;]\s*(?=[([{,:;\s]*$)/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .split(' ')
      .filter((w) => w && !/^[([{,:;)\]]+$/.test(w));
    const cut = stop < 0; // the sentence began before the window: its first word may be cut
    const kept = words.slice(cut ? 1 : 0).slice(-12);
    const ctx = kept.join(' ').replace(/[([{,:;\s]+$/, '');
    out.set(m[0], ctx ? `${cut || words.length > 12 ? '… ' : ''}${ctx}` : '(named without words before it)');
  }
  return [...out].map(([nctId, context]) => ({ nctId, context }));
}

export function namedTrials(
  mentions: ReadonlyArray<{ nctId: string; context: string }>,
  all: readonly ClassifiedStudy[],
  counted: ReadonlySet<string>,
  asOf: string | null,
): NamedTrial[] {
  const byId = new Map(all.map((r) => [r.study.nctId, r]));
  return mentions.map(({ nctId, context }) => {
    const r = byId.get(nctId);
    if (!r)
      return {
        nctId,
        context,
        inSnapshot: false,
        firstPosted: null,
        counted: false,
        category: null,
        why: 'not in this snapshot (the registry search or file it was made from did not return it)',
      };
    const fp = r.study.firstPostedDate?.value ?? null;
    const l = r.labels;
    const base = { nctId, context, inSnapshot: true, firstPosted: fp, category: l?.category ?? null };
    if (counted.has(nctId)) {
      const form = productFormKey(r);
      const what = [
        form ? nice(form) : null,
        ...(l?.modifications ?? []).map(nice),
        l?.covid19 ? 'COVID-19' : null,
      ].filter(Boolean);
      return { ...base, counted: true, why: `included: ${what.join(', ')}` };
    }
    if (asOf && fp && fp > asOf)
      return {
        ...base,
        counted: false,
        why: `first posted ${fp}, after the as-of date ${asOf} (year ${firstPostedYear(r.study)})`,
      };
    if (!l) return { ...base, counted: false, why: 'not classified in this snapshot' };
    if (!l.included)
      return {
        ...base,
        counted: false,
        why: `excluded by the classifier: ${nice(l.category)} (${l.screeningReason ?? 'no reason'})`,
      };
    return { ...base, counted: false, why: 'outside the report filter' };
  });
}
