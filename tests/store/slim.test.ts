/**
 * The slim rows (`study_slim`) a new snapshot gets in its own transaction are the rows DuckDB derives from the stored
 * study JSON (the path older snapshots take, pipeline/compact.ts writeSlimRows): the same values once parsed. When
 * duplicates were dropped, they are left to writeSlimRows after COMMIT, which then completes them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeSlimRows } from '../../src/pipeline/compact.js';
import { openStore, type Store } from '../../src/store/index.js';
import { fromArray, nct, rec } from './records.js';

let store: Store;
beforeEach(async () => {
  store = await openStore(':memory:');
});
afterEach(async () => {
  await store.close();
});

async function slimRows(id: number): Promise<Map<string, unknown>> {
  const r = await store
    .connection()
    .runAndReadAll('SELECT nct_id, slim_json FROM study_slim WHERE snapshot_id = $1', [id]);
  return new Map(r.getRows().map(([n, j]) => [String(n), JSON.parse(String(j)) as unknown]));
}

function records() {
  const a = rec(nct(1), { countries: ['France', 'Spain'] });
  a.study.interventions = [
    {
      type: 'BIOLOGICAL',
      name: 'MSC',
      description: null,
      otherNames: ['stromal cells', 'MSC-1'],
      armGroupLabels: [],
    },
    { type: null, name: 'Placebo', description: 'saline', otherNames: [], armGroupLabels: ['B'] },
  ];
  a.study.keywords = ['knee'];
  a.study.acronym = 'KNEE-1';
  const b = rec(nct(2), { countries: [], enrollment: null, phases: [] });
  const c = rec(nct(3));
  c.study.locations.push({ facility: 'X', city: null, state: null, country: null, geoPoint: null });
  return [a, b, c];
}

describe('slim rows written with the snapshot', () => {
  it('equal the rows DuckDB derives from the stored study JSON', async () => {
    const info = await store.createSnapshot({ sources: ['t.json'] }, fromArray(records()));
    const written = await slimRows(info.id);
    expect([...written.keys()].sort()).toEqual([nct(1), nct(2), nct(3)]);
    await store.connection().run('DELETE FROM study_slim WHERE snapshot_id = $1', [info.id]);
    expect(await writeSlimRows(store, info.id)).toBe(true);
    const derived = await slimRows(info.id);
    expect(derived.size).toBe(3);
    for (const [id, row] of written) expect(row, id).toEqual(derived.get(id));
    expect(written.get(nct(1))).toMatchObject({
      iNames: ['MSC', 'Placebo'],
      iOther: [['stromal cells', 'MSC-1'], []],
      countries: ['France', 'Spain'],
      acronym: 'KNEE-1',
    });
  });

  it('are derived after COMMIT when duplicates were dropped', async () => {
    const recs = [...records(), rec(nct(2), { lastUpdate: '2021-01-01', title: 'newer' })];
    const info = await store.createSnapshot({ sources: ['t.json'] }, fromArray(recs));
    expect(info.studyCount).toBe(3);
    expect((await slimRows(info.id)).size).toBe(0);
    expect(await writeSlimRows(store, info.id)).toBe(true);
    const rows = await slimRows(info.id);
    expect(rows.size).toBe(3);
    expect(rows.get(nct(2))).toMatchObject({ briefTitle: 'newer' });
  });
});
