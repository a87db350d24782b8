/** A content fingerprint of a whole store, to prove a failed operation changed nothing. */
import type { Store } from '../../src/store/index.js';

export async function fingerprint(store: Store): Promise<string> {
  const conn = store.connection();
  const snaps = await store.listSnapshots();
  const studies = (
    await conn.runAndReadAll(
      `SELECT snapshot_id, count(*)::INTEGER AS n, bit_xor(hash(nct_id || study_json || coalesce(raw_json, '')))::VARCHAR AS h
       FROM studies GROUP BY 1 ORDER BY 1`,
    )
  ).getRowObjectsJS();
  const labels = (
    await conn.runAndReadAll(
      `SELECT snapshot_id, ruleset_version, count(*)::INTEGER AS n, bit_xor(hash(labels_json))::VARCHAR AS h
       FROM labels GROUP BY ALL ORDER BY ALL`,
    )
  ).getRowObjectsJS();
  return JSON.stringify({ snaps, studies, labels });
}
