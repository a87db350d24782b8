/**
 * Space left by an interrupted write is given back (issue 16, item 9): a killed write leaves dead blocks at the end
 * of the file (simulated here by appending them, as a SIGKILL mid-ingest does) and spill files in `<db>.tmp`; a
 * failed write leaves them in-process. The committed data stays exactly as it was; a read-only open changes nothing.
 */
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StudyRecord } from '../../src/model/record.js';
import { openStore } from '../../src/store/index.js';
import { fromArray, nct, rec } from './records.js';

const SMALL = { minBytes: 1024 * 1024, minShare: 0.2 };
let dir: string;
let db: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mscope-reclaim-'));
  db = join(dir, 'm.duckdb');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function seed(): Promise<number> {
  const store = await openStore(db);
  try {
    const recs = Array.from({ length: 50 }, (_, i) =>
      rec(nct(i + 1), { title: `Mesenchymal study ${i + 1}` }),
    );
    await store.createSnapshot({ label: 'base', sources: ['fixture.json'] }, fromArray(recs));
  } finally {
    await store.close();
  }
  return statSync(db).size;
}

async function contents(): Promise<string[]> {
  const store = await openStore(db, { readOnly: true });
  try {
    const out: string[] = [];
    for (const s of await store.listSnapshots()) {
      for await (const st of store.iterStudies(s.id)) out.push(`${s.label}:${st.nctId}:${st.briefTitle}`);
    }
    return out;
  } finally {
    await store.close();
  }
}

describe('dead space after an interrupted write', () => {
  it('a read-write open gives back dead blocks and removes stale spill files; the data is unchanged', async () => {
    const clean = await seed();
    const before = await contents();
    appendFileSync(db, Buffer.alloc(8 * 1024 * 1024)); // what a killed write leaves: unreferenced blocks at the end
    mkdirSync(`${db}.tmp`);
    writeFileSync(join(`${db}.tmp`, 'duckdb_temp_storage_DEFAULT-0.tmp'), 'x');

    const ro = await openStore(db, { readOnly: true, reclaim: SMALL });
    await ro.close();
    expect(statSync(db).size).toBe(clean + 8 * 1024 * 1024);

    const notes: string[] = [];
    const rw = await openStore(db, { reclaim: SMALL, onNote: (m) => notes.push(m) });
    await rw.close();
    expect(notes).toEqual([expect.stringMatching(/gave back \d+ MB of space left by an interrupted write/)]);
    expect(statSync(db).size).toBeLessThanOrEqual(clean);
    expect(existsSync(`${db}.tmp`)).toBe(false);
    expect(await contents()).toEqual(before);
    expect(existsSync(`${db}.reclaim-${process.pid}`)).toBe(false);
  });

  it('dead space below the limits is left alone (a copy is not worth it)', async () => {
    const clean = await seed();
    appendFileSync(db, Buffer.alloc(256 * 1024));
    const notes: string[] = [];
    const rw = await openStore(db, { reclaim: SMALL, onNote: (m) => notes.push(m) });
    await rw.close();
    expect(notes).toEqual([]);
    expect(statSync(db).size).toBe(clean + 256 * 1024);
  });

  it('a failed write is rolled back and its space given back when the store closes', async () => {
    await seed();
    const before = await contents();
    const notes: string[] = [];
    const store = await openStore(db, { reclaim: SMALL, onNote: (m) => notes.push(m) });
    let seedValue = 20261206;
    const word = (): string => ((seedValue = (seedValue * 1103515245 + 12345) % 2 ** 31) >>> 0).toString(36);
    async function* failing(): AsyncGenerator<StudyRecord> {
      for (let i = 0; i < 15000; i++) {
        const r = rec(nct(100_000 + i), { title: `Study ${i}` });
        r.study.briefSummary = Array.from({ length: 300 }, word).join(' '); // incompressible, like real text at scale
        yield r;
      }
      throw new Error('input broke at record 15001');
    }
    await expect(store.createSnapshot({ label: 'broken', sources: ['b.json'] }, failing())).rejects.toThrow(
      /record 15001/,
    );
    const grown = statSync(db).size;
    await store.close();
    expect(grown, 'the rolled-back write reached the file (the case to cover)').toBeGreaterThan(
      8 * 1024 * 1024,
    );
    expect(notes).toEqual([expect.stringMatching(/gave back \d+ MB of space left by the failed write/)]);
    expect(statSync(db).size).toBeLessThan(grown / 4);
    expect(await contents()).toEqual(before);
  });
});
