import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError, MscopeError } from '../../src/model/errors.js';
import type { Labels } from '../../src/model/labels.js';
import type { StudyRecord } from '../../src/model/record.js';
import { openStore, type Store } from '../../src/store/index.js';
import { labels } from '../fixtures/analyze/build.js';
import { fingerprint } from './fingerprint.js';
import { fromArray, nct, rec } from './records.js';

let dir: string;
let dbPath: string;
let store: Store;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mscope-store-'));
  dbPath = join(dir, 'test.duckdb');
  store = await openStore(dbPath);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

function labelsFor(id: string, version: string, category: Labels['category'] = 'msc_cells'): Labels {
  return labels(id, {
    rulesetVersion: version,
    category,
    included: category !== 'unrelated',
    screeningReason: category === 'unrelated' ? 'exclude.no_msc_mention' : 'include.msc_cells',
    sources: ['bone_marrow'],
    donor: 'autologous',
    routes: ['intravenous'],
    specialty: 'musculoskeletal',
    evidence: [
      {
        label: 'sources',
        value: 'bone_marrow',
        field: 'briefTitle',
        start: 0,
        end: 5,
        text: 'Study',
        rule: 'test.rule',
      },
    ],
  });
}

describe('createSnapshot / listSnapshots / getSnapshot', () => {
  it('stores one snapshot with its counts, formats and sources', async () => {
    const records = [
      rec(nct(3), { format: 'ctgov-v2-json' }),
      rec(nct(1), { format: 'ctgov-classic-fields' }),
      rec(nct(2), { format: 'ctgov-classic-fields' }),
    ];
    const progress: number[] = [];
    const info = await store.createSnapshot(
      { label: 'first', sources: ['a.json', 'b.ndjson'] },
      fromArray(records),
      {
        onProgress: (n) => progress.push(n),
      },
    );
    expect(info).toMatchObject({
      id: 1,
      label: 'first',
      sources: ['a.json', 'b.ndjson'],
      studyCount: 3,
      duplicatesDropped: 0,
      formats: { 'ctgov-v2-json': 1, 'ctgov-classic-fields': 2 },
      kind: 'ingest',
      baseSnapshotId: null,
    });
    expect(progress[progress.length - 1]).toBe(3);
    expect(new Date(info.createdAt).toISOString()).toBe(info.createdAt);
    expect(await store.listSnapshots()).toEqual([info]);
    expect(await store.getSnapshot()).toEqual(info);
    expect(await store.getSnapshot(1)).toEqual(info);
    expect(await store.getSnapshot('1')).toEqual(info);
    expect(await store.getSnapshot('first')).toEqual(info);
  });

  it('getSnapshot: unknown ref and empty store are clear errors', async () => {
    await expect(store.getSnapshot()).rejects.toThrow(/no snapshots/);
    await store.createSnapshot({ label: 'x', sources: [] }, fromArray([rec(nct(1))]));
    await expect(store.getSnapshot(7)).rejects.toThrow(/unknown snapshot "7".*1 \(x\)/);
    await expect(store.getSnapshot('nope')).rejects.toBeInstanceOf(MscopeError);
  });

  it('rejects a label already in use, or an all-digit label', async () => {
    await store.createSnapshot({ label: 'dup', sources: [] }, fromArray([rec(nct(1))]));
    await expect(
      store.createSnapshot({ label: 'dup', sources: [] }, fromArray([rec(nct(2))])),
    ).rejects.toThrow(/already used by snapshot 1/);
    await expect(
      store.createSnapshot({ label: '42', sources: [] }, fromArray([rec(nct(2))])),
    ).rejects.toThrow(/number/);
    expect((await store.listSnapshots()).length).toBe(1);
  });

  it('keeps the newest last-update per NCT id (tie: the later record) and counts the dropped ones', async () => {
    const records = [
      rec(nct(1), { lastUpdate: '2021-05-01', title: 'old' }),
      rec(nct(1), { lastUpdate: '2022-01-01', title: 'newest' }),
      rec(nct(1), { lastUpdate: '2021-12-31', title: 'middle' }),
      rec(nct(2), { lastUpdate: '2020-01-01', title: 'tie-first' }),
      rec(nct(2), { lastUpdate: '2020-01-01', title: 'tie-later' }),
      rec(nct(3), { lastUpdate: null, title: 'undated' }),
      rec(nct(3), { lastUpdate: '2019', title: 'dated' }),
      rec(nct(4), { title: 'single' }),
    ];
    const info = await store.createSnapshot({ sources: [] }, fromArray(records));
    expect(info.studyCount).toBe(4);
    expect(info.duplicatesDropped).toBe(4);
    const titles = (await collect(store.iterStudies(info.id))).map((s) => [s.nctId, s.briefTitle]);
    expect(titles).toEqual([
      [nct(1), 'newest'],
      [nct(2), 'tie-later'],
      [nct(3), 'dated'],
      [nct(4), 'single'],
    ]);
  });

  it('snapshots are independent and immutable', async () => {
    const a = await store.createSnapshot({ sources: ['a'] }, fromArray([rec(nct(1), { title: 'A' })]));
    const b = await store.createSnapshot(
      { sources: ['b'] },
      fromArray([rec(nct(1), { title: 'B' }), rec(nct(2))]),
    );
    expect(b.id).toBe(a.id + 1);
    expect((await store.getStudy(a.id, nct(1)))?.study.briefTitle).toBe('A');
    expect((await store.getStudy(b.id, nct(1)))?.study.briefTitle).toBe('B');
    expect(await store.getStudy(a.id, nct(2))).toBeNull();
    expect((await store.getSnapshot()).id).toBe(b.id);
  });

  it('concurrent writes through one store run one after the other', async () => {
    const batch = (from: number) => Array.from({ length: 2000 }, (_, i) => rec(nct(from + i)));
    const [a, b, c] = await Promise.all([
      store.createSnapshot({ label: 'a', sources: [] }, fromArray(batch(1))),
      store.createSnapshot({ label: 'b', sources: [] }, fromArray(batch(5001))),
      store.createSnapshot({ label: 'c', sources: [] }, fromArray(batch(9001))),
    ]);
    expect([a.id, b.id, c.id].sort()).toEqual([1, 2, 3]);
    for (const s of [a, b, c]) expect(s.studyCount).toBe(2000);
    expect((await store.getStudy(b.id, nct(5001)))?.study.nctId).toBe(nct(5001));
    expect(await store.getStudy(b.id, nct(1))).toBeNull();
  });

  it('an empty input makes an empty snapshot', async () => {
    const info = await store.createSnapshot({ sources: [] }, fromArray([]));
    expect(info.studyCount).toBe(0);
    expect(await collect(store.iterStudies(info.id))).toEqual([]);
  });
});

describe('reading back', () => {
  it('iterStudies yields normalized studies in NCT order; iterRecords and getStudy keep the raw record', async () => {
    const ids = [7, 3, 9, 1, 5].map(nct);
    const records = ids.map((id, i) =>
      rec(id, { record: i + 1, raw: { original: id, n: i, nested: { a: [1, null, 'x'] } } }),
    );
    const info = await store.createSnapshot({ sources: [] }, fromArray(records));
    const studies = await collect(store.iterStudies(info.id));
    expect(studies.map((s) => s.nctId)).toEqual([...ids].sort());
    const byId = new Map(records.map((r) => [r.study.nctId, r]));
    for (const s of studies) expect(s).toEqual(byId.get(s.nctId)!.study);
    const recs = await collect(store.iterRecords(info.id));
    for (const r of recs) expect(r).toEqual(byId.get(r.study.nctId));
    expect(await store.getStudy(info.id, nct(9))).toEqual(byId.get(nct(9)));
    expect(await store.getStudy(info.id, nct(2))).toBeNull();
  });

  it('iterStudyJsonBatches yields the same JSON as iterStudyJson, as UTF-8 in batches, stored in NCT order or not', async () => {
    const { studyJsonTexts } = await import('../../src/store/read.js');
    for (const ids of [Array.from({ length: 300 }, (_, i) => nct(i + 1)), [7, 3, 9, 1, 5, 2].map(nct)]) {
      const info = await store.createSnapshot(
        { sources: [] },
        fromArray(ids.map((id, i) => rec(id, { record: i + 1 }))),
      );
      // non-ASCII text survives the bytes' round trip
      await store
        .connection()
        .run(
          `UPDATE studies SET study_json = replace(study_json, '"briefTitle":"', '"briefTitle":"ß≥ 🧫 ') WHERE snapshot_id = $1`,
          [info.id],
        );
      const texts = await collect(store.iterStudyJson(info.id));
      expect(texts.map((t) => (JSON.parse(t) as { nctId: string }).nctId)).toEqual([...ids].sort());
      expect(texts.every((t) => t.includes('ß≥ 🧫 '))).toBe(true);
      const batches = await collect(store.iterStudyJsonBatches(info.id, 128));
      expect(batches.map((b) => b.ends.length)).toEqual(ids.length === 300 ? [128, 128, 44] : [6]);
      expect(batches.flatMap(studyJsonTexts)).toEqual(texts);
    }
  });

  it("keeps a reader's rawJson text verbatim instead of re-serializing raw", async () => {
    const r = rec(nct(1), { raw: { b: 1, a: [2] } });
    r.rawJson = '{"b": 1, "a": [2]}\r\n';
    const info = await store.createSnapshot(
      { sources: [] },
      fromArray([r, rec(nct(2), { raw: { z: true } })]),
    );
    const rows = (
      await store
        .connection()
        .runAndReadAll('SELECT raw_json FROM studies WHERE snapshot_id = $1 ORDER BY nct_id', [info.id])
    ).getRows();
    expect(rows.map((x) => x[0])).toEqual(['{"b": 1, "a": [2]}', '{"z":true}']);
    expect((await store.getStudy(info.id, nct(1)))?.raw).toEqual({ b: 1, a: [2] });
  });

  it('other store calls may run while an iteration is in progress', async () => {
    const records = Array.from({ length: 5000 }, (_, i) => rec(nct(i + 1)));
    const info = await store.createSnapshot({ sources: [] }, fromArray(records));
    let n = 0;
    for await (const s of store.iterStudies(info.id)) {
      if (n % 1000 === 0) expect((await store.getStudy(info.id, s.nctId))?.study.nctId).toBe(s.nctId);
      n++;
    }
    expect(n).toBe(5000);
  });

  it('an iteration stopped early releases its connection; a long one sees one consistent snapshot', async () => {
    const info = await store.createSnapshot(
      { sources: [] },
      fromArray(Array.from({ length: 5000 }, (_, i) => rec(nct(i + 1)))),
    );
    let seen = 0;
    for await (const s of store.iterStudies(info.id)) {
      if (s.nctId) seen++;
      if (seen === 3) break;
    }
    expect(seen).toBe(3);
    // writing while another iteration is open does not disturb it (it reads its own transaction's view)
    const ids: string[] = [];
    for await (const s of store.iterStudies(info.id)) {
      ids.push(s.nctId);
      if (ids.length === 2100) await store.createSnapshot({ sources: [] }, fromArray([rec(nct(1))]));
    }
    expect(ids).toEqual(Array.from({ length: 5000 }, (_, i) => nct(i + 1)));
    expect((await store.listSnapshots()).length).toBe(2);
  });

  it('fills the queryable columns', async () => {
    const r = rec(nct(1), {
      countries: ['Spain', 'France', 'Spain'],
      phases: ['PHASE1', 'PHASE2'],
      enrollment: 42,
    });
    r.study.startDate = { value: '2019-03', precision: 'month', type: 'ACTUAL' };
    r.study.hasResults = true;
    const info = await store.createSnapshot({ sources: [] }, fromArray([r]));
    const row = (
      await store.connection().runAndReadAll(
        `SELECT nct_id, phases, countries, enrollment, start_date, start_precision, has_results, lead_sponsor_class,
           source_format, last_update_date FROM studies WHERE snapshot_id = $1`,
        [info.id],
      )
    ).getRowObjectsJS()[0];
    expect(row).toEqual({
      nct_id: nct(1),
      phases: ['PHASE1', 'PHASE2'],
      countries: ['Spain', 'France'],
      enrollment: 42,
      start_date: '2019-03',
      start_precision: 'month',
      has_results: true,
      lead_sponsor_class: 'OTHER',
      source_format: 'ctgov-v2-json',
      last_update_date: '2020-01-01',
    });
  });
});

describe('atomicity', () => {
  it('a reader error mid-stream leaves no partial snapshot and earlier ones untouched', async () => {
    await store.createSnapshot({ label: 'keep', sources: [] }, fromArray([rec(nct(1)), rec(nct(2))]));
    await store.saveLabels(1, 'v1', [labelsFor(nct(1), 'v1')]);
    const before = await fingerprint(store);
    const many = Array.from({ length: 3000 }, (_, i) => rec(nct(i + 1)));
    const bad = new InputError({ file: 'bad.ndjson', record: 2500 }, 'unexpected token');
    await expect(
      store.createSnapshot({ label: 'broken', sources: [] }, fromArray(many, { index: 2500, error: bad })),
    ).rejects.toBe(bad);
    expect(await fingerprint(store)).toBe(before);
    // the store still works afterwards, and the failed label is free again
    const next = await store.createSnapshot({ label: 'broken', sources: [] }, fromArray([rec(nct(5))]));
    expect(next.id).toBe(2);
  });

  it('a failure after uncommitted row groups were already written to the file still changes nothing', async () => {
    await store.createSnapshot({ label: 'keep', sources: [] }, fromArray([rec(nct(1))]));
    const before = await fingerprint(store);
    const { randomBytes } = await import('node:crypto');
    const big = Array.from({ length: 12_000 }, (_, i) => {
      const r = rec(nct(i + 1));
      // ~100 M distinct (incompressible) characters over 12,000 rows: flushed row groups reach the file
      r.rawJson = JSON.stringify({ i, filler: randomBytes(4_000).toString('hex') });
      return r;
    });
    const { statSync } = await import('node:fs');
    const sizeBefore = statSync(dbPath).size;
    let sizeAtFailure = 0;
    const err = new Error('reader failed late');
    async function* failing(): AsyncGenerator<StudyRecord> {
      yield* big;
      sizeAtFailure = statSync(dbPath).size;
      throw err;
    }
    await expect(store.createSnapshot({ sources: [] }, failing())).rejects.toBe(err);
    expect(sizeAtFailure).toBeGreaterThan(sizeBefore + 10_000_000); // uncommitted data did reach the file
    expect(await fingerprint(store)).toBe(before);
    await store.close();
    store = await openStore(dbPath);
    expect(await fingerprint(store)).toBe(before);
  });

  it('an invalid NCT id is an InputError naming file and record, and changes nothing', async () => {
    await store.createSnapshot({ sources: [] }, fromArray([rec(nct(1))]));
    const before = await fingerprint(store);
    const badRec = rec(nct(2), { file: 'x.csv', record: 17 });
    badRec.study.nctId = 'NCT123';
    const err = await store
      .createSnapshot({ sources: [] }, fromArray([rec(nct(3)), badRec]))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/x\.csv: record 17, field "nctId"/);
    expect(await fingerprint(store)).toBe(before);
  });
});

describe('incremental snapshots (baseSnapshotId)', () => {
  it('carries the base over, replaced/added by newer incoming records', async () => {
    const base = await store.createSnapshot(
      { sources: ['base'] },
      fromArray([
        rec(nct(1), { lastUpdate: '2020-01-01', title: 'b1' }),
        rec(nct(2), { lastUpdate: '2021-01-01', title: 'b2' }),
        rec(nct(3), { lastUpdate: '2021-01-01', title: 'b3' }),
      ]),
    );
    const inc = await store.createSnapshot(
      { sources: ['live'], kind: 'fetch', baseSnapshotId: base.id },
      fromArray([
        rec(nct(2), { lastUpdate: '2022-06-01', title: 'new2', format: 'ctgov-v2-live' }),
        rec(nct(3), { lastUpdate: '2020-06-01', title: 'older3', format: 'ctgov-v2-live' }),
        rec(nct(4), { lastUpdate: '2022-06-01', title: 'new4', format: 'ctgov-v2-live' }),
      ]),
    );
    expect(inc).toMatchObject({
      kind: 'fetch',
      baseSnapshotId: base.id,
      studyCount: 4,
      duplicatesDropped: 0,
    });
    expect(inc.formats).toEqual({ 'ctgov-v2-json': 2, 'ctgov-v2-live': 2 });
    const titles = (await collect(store.iterStudies(inc.id))).map((s) => s.briefTitle);
    expect(titles).toEqual(['b1', 'new2', 'b3', 'new4']);
    // the base snapshot is unchanged
    expect((await collect(store.iterStudies(base.id))).map((s) => s.briefTitle)).toEqual(['b1', 'b2', 'b3']);
  });

  it('an unknown base is an error', async () => {
    await expect(
      store.createSnapshot({ sources: [], baseSnapshotId: 9 }, fromArray([rec(nct(1))])),
    ).rejects.toThrow(/unknown snapshot "9"/);
  });
});

describe('labels', () => {
  it('saves, replaces and loads labels per ruleset version', async () => {
    const s = await store.createSnapshot({ sources: [] }, fromArray([rec(nct(1)), rec(nct(2))]));
    expect(await store.loadLabels(s.id)).toEqual(new Map());
    await store.saveLabels(s.id, 'v1', [labelsFor(nct(1), 'v1'), labelsFor(nct(2), 'v1', 'unrelated')]);
    await store.saveLabels(s.id, 'v2', [labelsFor(nct(1), 'v2', 'msc_derived')]);
    expect(await store.labelVersions(s.id)).toEqual(['v1', 'v2']);
    const latest = await store.loadLabels(s.id);
    expect([...latest.keys()]).toEqual([nct(1)]);
    expect(latest.get(nct(1))).toEqual(labelsFor(nct(1), 'v2', 'msc_derived'));
    const v1 = await store.loadLabels(s.id, 'v1');
    expect(v1.get(nct(2))).toEqual(labelsFor(nct(2), 'v1', 'unrelated'));
    // re-saving v1 replaces it and makes it the latest
    await store.saveLabels(s.id, 'v1', [labelsFor(nct(2), 'v1')]);
    expect(await store.labelVersions(s.id)).toEqual(['v2', 'v1']);
    expect([...(await store.loadLabels(s.id)).keys()]).toEqual([nct(2)]);
    const row = (
      await store
        .connection()
        .runAndReadAll(`SELECT category, included, sources, routes FROM labels WHERE ruleset_version = 'v2'`)
    ).getRowObjectsJS();
    expect(row).toEqual([
      { category: 'msc_derived', included: true, sources: ['bone_marrow'], routes: ['intravenous'] },
    ]);
  });

  it('rejects labels for studies outside the snapshot, wrong versions or invalid values, changing nothing', async () => {
    const s = await store.createSnapshot({ sources: [] }, fromArray([rec(nct(1))]));
    await store.saveLabels(s.id, 'v1', [labelsFor(nct(1), 'v1')]);
    const before = await fingerprint(store);
    await expect(
      store.saveLabels(s.id, 'v1', [labelsFor(nct(1), 'v1'), labelsFor(nct(9), 'v1')]),
    ).rejects.toThrow(new RegExp(`not in snapshot ${s.id}: ${nct(9)}`));
    await expect(store.saveLabels(s.id, 'v1', [labelsFor(nct(1), 'v0')])).rejects.toThrow(
      /ruleset version "v0"/,
    );
    const bad = { ...labelsFor(nct(1), 'v1'), category: 'nonsense' } as unknown as Labels;
    await expect(store.saveLabels(s.id, 'v1', [bad])).rejects.toThrow(/invalid field "category"/);
    await expect(store.saveLabels(99, 'v1', [])).rejects.toThrow(/unknown snapshot 99/);
    expect(await fingerprint(store)).toBe(before);
  });
});

describe('opening', () => {
  it('persists across reopen and opens read-only', async () => {
    const info = await store.createSnapshot({ label: 'p', sources: ['f'] }, fromArray([rec(nct(1))]));
    await store.close();
    store = await openStore(dbPath, { readOnly: true });
    expect(await store.listSnapshots()).toEqual([info]);
    await expect(store.createSnapshot({ sources: [] }, fromArray([rec(nct(2))]))).rejects.toThrow(
      /opened read-only/,
    );
    expect(await store.listSnapshots()).toEqual([info]);
  });

  it('read-only open of a missing file is a clear error', async () => {
    await expect(openStore(join(dir, 'missing.duckdb'), { readOnly: true })).rejects.toThrow(
      /missing\.duckdb: no database/,
    );
  });

  it('refuses a database of a newer schema version', async () => {
    await store.connection().run(`UPDATE meta SET value = '999' WHERE key = 'schema_version'`);
    await store.close();
    await expect(openStore(dbPath)).rejects.toThrow(
      /schema version 999 is newer than this mscope supports \(2\)/,
    );
    store = await openStore(':memory:');
  });

  it('refuses a file that is not a database', async () => {
    const { writeFileSync } = await import('node:fs');
    const junk = join(dir, 'junk.duckdb');
    writeFileSync(junk, 'this is not duckdb '.repeat(1000));
    await expect(openStore(junk)).rejects.toThrow(/junk\.duckdb/);
  });
});

describe('DuckDB memory limit', () => {
  const setting = async (s: Store) =>
    String((await s.connection().runAndReadAll("SELECT current_setting('memory_limit')")).getRows()[0]![0]);

  it('bounds the buffer pool of a database file by default, overridable by MSCOPE_DUCKDB_MEMORY', async () => {
    // DuckDB reports the limit in its own units (256MB -> "244.1 MiB"); compare against an explicit SET
    const mem = await openStore(':memory:');
    await mem.connection().run("SET memory_limit = '256MB'");
    const expected256 = await setting(mem);
    await mem.connection().run("SET memory_limit = '1GB'");
    const expected1g = await setting(mem);
    await mem.close();
    expect(await setting(store)).toBe(expected256);
    await store.close();
    process.env.MSCOPE_DUCKDB_MEMORY = '1GB';
    try {
      store = await openStore(dbPath);
      expect(await setting(store)).toBe(expected1g);
    } finally {
      delete process.env.MSCOPE_DUCKDB_MEMORY;
    }
  });

  it('rejects a malformed MSCOPE_DUCKDB_MEMORY with a message naming it, database untouched', async () => {
    await store.createSnapshot({ label: 'keep', sources: ['x'] }, fromArray([rec(nct(1))]));
    await store.close();
    process.env.MSCOPE_DUCKDB_MEMORY = 'lots';
    try {
      await expect(openStore(dbPath)).rejects.toThrow(/MSCOPE_DUCKDB_MEMORY: "lots"/);
    } finally {
      delete process.env.MSCOPE_DUCKDB_MEMORY;
    }
    store = await openStore(dbPath);
    expect((await store.listSnapshots()).map((s) => s.label)).toEqual(['keep']);
  });
});
