/**
 * Everything counts trials: the rows of a snapshot (one per registration) collapsed to one row per trial, using
 * the grouping of link.ts. This is the one place where several registrations of one trial become one counted row;
 * the report, its exports and the dashboard call it before filtering and counting, so every number is of trials.
 *
 * The row of a merged trial:
 * - `study`: the registration of highest precedence (FIELD_PRECEDENCE: ClinicalTrials.gov first), with each field
 *   of `fieldsFrom` taken from the registration the grouping names for it (the first one that has it, in the same
 *   order; the first-posted date from the earliest registration). `nctId`/`trialId` stay the primary's.
 * - `labels` (and `review`): those of the same primary registration; when it has none, of the next registration in
 *   precedence order that has labels. `trial.labelsFrom` names it.
 * - `trial`: every registration (registry and id), which registration supplied each field and the labels, and the
 *   links (explicit or probable, with their evidence) that joined them.
 * A trial of one registration is its row unchanged (same object, no `trial`), so a snapshot of one registry gives
 * exactly the rows it was given.
 */
import type { ClassifiedStudy, TrialOfRow } from '../types.js';
import type { Study } from '../../model/study.js';
import { groupTrials, type TrialGrouping } from './link.js';
import { registryKeys } from '../dimensions.js';

export interface TrialCounts {
  registrations: number;
  trials: number;
  /** Trials with more than one registration. */
  multiRegistered: number;
  /** Registrations per registry. */
  byRegistry: Record<string, number>;
}

export interface CollapsedRows {
  /** One row per trial, in the order of the rows given (a merged trial at its primary registration's place). */
  rows: ClassifiedStudy[];
  /** How many registrations became how many trials; null when every registration is in one registry. */
  counts: TrialCounts | null;
}

/** The registry a row's registration is in (rows of older snapshots: ClinicalTrials.gov). */
export const registryOf = (r: ClassifiedStudy): string => r.study.registry ?? 'ctgov';

/** Every registry a trial row is registered in (its own when it is one registration). */
export const registriesOf = registryKeys;

/** Every registration id of a trial row (its own first). */
export const registrationIdsOf = (r: ClassifiedStudy): string[] =>
  r.trial ? r.trial.registrations.map((x) => x.trialId) : [r.study.nctId];

function byRegistry(rows: readonly ClassifiedStudy[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[registryOf(r)] = (out[registryOf(r)] ?? 0) + 1;
  return out;
}

/**
 * Collapse registrations to trials. `grouping` is the snapshot's (pipeline: loadTrialGrouping); without it the
 * rows' own studies are grouped (they must then be full studies). A registration the grouping does not know is
 * a trial of its own.
 */
export function collapseTrials(
  rows: readonly ClassifiedStudy[],
  grouping?: TrialGrouping | null,
): CollapsedRows {
  const registries = byRegistry(rows);
  if (Object.keys(registries).length < 2) return { rows: [...rows], counts: null };
  const g = grouping ?? groupTrials(rows.map((r) => r.study));
  const byId = new Map<string, ClassifiedStudy>();
  for (const r of rows) byId.set(r.study.nctId, r);
  const trialOf = new Map<string, TrialOfRow>();
  const merged = new Map<string, ClassifiedStudy>();
  for (const t of g.trials) {
    const present = t.registrations.filter((x) => byId.has(x.trialId));
    if (present.length < 2) continue;
    const members = present.map((x) => byId.get(x.trialId)!);
    const primary = members[0]!;
    const labelled = members.find((m) => m.labels !== null) ?? primary;
    const study = { ...primary.study } as Study & Record<string, unknown>;
    const fieldsFrom: Record<string, string> = {};
    for (const [f, id] of Object.entries(t.fieldsFrom)) {
      const from = byId.get(id);
      if (!from || !present.some((x) => x.trialId === id)) continue;
      study[f] = (from.study as unknown as Record<string, unknown>)[f];
      fieldsFrom[f] = id;
    }
    const here = new Set(present.map((x) => x.trialId));
    const info: TrialOfRow = {
      id: primary.study.nctId,
      registrations: present,
      fieldsFrom,
      labelsFrom: labelled.study.nctId,
      links: t.links.filter((l) => here.has(l.a) && here.has(l.b)),
    };
    const row: ClassifiedStudy = { study, labels: labelled.labels, trial: info };
    if (labelled.review) row.review = labelled.review;
    merged.set(primary.study.nctId, row);
    for (const x of present) trialOf.set(x.trialId, info);
  }
  const out: ClassifiedStudy[] = [];
  for (const r of rows) {
    const id = r.study.nctId;
    const t = trialOf.get(id);
    if (!t) out.push(r);
    else if (t.id === id) out.push(merged.get(id)!);
  }
  return {
    rows: out,
    counts: {
      registrations: rows.length,
      trials: out.length,
      multiRegistered: merged.size,
      byRegistry: registries,
    },
  };
}
