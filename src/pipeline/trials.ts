/**
 * Pipeline step: the trial grouping of a snapshot (analyze/trials), for the loaders that collapse registrations
 * to trials (report, dashboard). A snapshot whose ids are all NCT numbers holds one registry: every registration
 * is its own trial and nothing is read (null). Otherwise every study is read once and reduced to what the grouping
 * needs (registrationInfo), so the full studies are not held at once.
 */
import { groupRegistrations, registrationInfo, type TrialGrouping } from '../analyze/trials/index.js';
import type { Store } from '../store/index.js';

/** True when some registration of the snapshot is not a ClinicalTrials.gov one (its id is no NCT number). */
export async function hasOtherRegistries(store: Store, snapshotId: number): Promise<boolean> {
  const r = await store
    .connection()
    .runAndReadAll(
      `SELECT count(*)::INTEGER FROM studies WHERE snapshot_id = $1 AND NOT regexp_full_match(nct_id, 'NCT[0-9]{8}')`,
      [snapshotId],
    );
  return Number(r.getRows()[0]?.[0] ?? 0) > 0;
}

/** The snapshot's registrations grouped into trials; null when it holds one registry only. */
export async function loadTrialGrouping(store: Store, snapshotId: number): Promise<TrialGrouping | null> {
  if (!(await hasOtherRegistries(store, snapshotId))) return null;
  const infos = [];
  for await (const s of store.iterStudies(snapshotId)) infos.push(registrationInfo(s));
  return groupRegistrations(infos);
}
