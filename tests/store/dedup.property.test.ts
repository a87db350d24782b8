/** Property: snapshot de-duplication and base merging agree with a plain reference model. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { fromArray, nct, rec } from './records.js';

interface Item {
  id: number;
  lastUpdate: string | null;
}

const itemArb = fc.record({
  id: fc.integer({ min: 1, max: 6 }),
  lastUpdate: fc.constantFrom(null, '2019', '2020', '2020-05', '2020-05-01', '2020-05-02', '2021-01-01'),
});

/** Winner per NCT id: newest last update (null oldest), ties to the later item. `prior` items lose ties. */
function model(
  prior: Array<Item & { title: string }>,
  incoming: Array<Item & { title: string }>,
): Map<string, string> {
  const best = new Map<string, { lu: string | null; title: string }>();
  for (const it of [...prior, ...incoming]) {
    const key = nct(it.id);
    const cur = best.get(key);
    const newer =
      cur === undefined ||
      (it.lastUpdate === null ? cur.lu === null : cur.lu === null || it.lastUpdate >= cur.lu);
    if (newer) best.set(key, { lu: it.lastUpdate, title: it.title });
  }
  return new Map(
    [...best].map(([k, v]) => [k, v.title]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1)) as Array<
      [string, string]
    >,
  );
}

let dir: string;
let store: Store;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mscope-prop-'));
  store = await openStore(join(dir, 'p.duckdb'));
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function titles(id: number): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for await (const s of store.iterStudies(id)) out.set(s.nctId, s.briefTitle ?? '');
  return out;
}

it('keeps the newest last-update per NCT id (tie: later record), also when merging onto a base', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(itemArb, { maxLength: 25 }),
      fc.array(itemArb, { maxLength: 25 }),
      async (a, b) => {
        const baseItems = a.map((x, i) => ({ ...x, title: `base-${i}` }));
        const incItems = b.map((x, i) => ({ ...x, title: `inc-${i}` }));
        const toRec = (x: Item & { title: string }) =>
          rec(nct(x.id), { lastUpdate: x.lastUpdate, title: x.title });

        const base = await store.createSnapshot({ sources: [] }, fromArray(baseItems.map(toRec)));
        const expectedBase = model([], baseItems);
        expect(base.studyCount).toBe(expectedBase.size);
        expect(base.duplicatesDropped).toBe(baseItems.length - expectedBase.size);
        expect(await titles(base.id)).toEqual(expectedBase);

        const inc = await store.createSnapshot(
          { sources: [], baseSnapshotId: base.id, kind: 'fetch' },
          fromArray(incItems.map(toRec)),
        );
        // the base snapshot's surviving rows compete with the incoming records and lose ties
        const baseWinners = baseItems.filter((x) => expectedBase.get(nct(x.id)) === x.title);
        const expectedInc = model(baseWinners, incItems);
        expect(await titles(inc.id)).toEqual(expectedInc);
        expect(inc.studyCount).toBe(expectedInc.size);
        expect(await titles(base.id)).toEqual(expectedBase); // base untouched
      },
    ),
    { numRuns: 30 },
  );
});
