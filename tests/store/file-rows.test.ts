/**
 * The fast ingest path (`fileRows`: pre-serialized rows, read in a worker thread when compiled) stores exactly
 * what the StudyRecord path stores, and reports bad input with the same error.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/errors.js';
import { readStudies } from '../../src/sources/index.js';
import { fileRows, openStore, type RowSource } from '../../src/store/index.js';
import { v2Record } from '../cli/gen.js';

const dir = mkdtempSync(join(tmpdir(), 'mscope-filerows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FETCHED = '2026-01-02T03:04:05.000Z';
const lines = (from: number, n: number): string =>
  Array.from({ length: n }, (_, i) => JSON.stringify(v2Record(from + i, 20))).join('\n') + '\n';

const a = join(dir, 'a.ndjson');
const b = join(dir, 'b.ndjson');
// 150 + 70 records: several batches, a partial one at each file's end; one id repeated (dedup)
writeFileSync(a, lines(0, 150));
writeFileSync(b, lines(150, 69) + JSON.stringify(v2Record(3, 20)) + '\n');
const bad = join(dir, 'bad.ndjson');
writeFileSync(bad, lines(0, 100) + '{"protocolSection": {"identificationModule": {"nctId": "NCT1"}}}\n');

async function rowsOf(
  db: string,
  records: Parameters<Awaited<ReturnType<typeof openStore>>['createSnapshot']>[1],
) {
  const store = await openStore(db);
  try {
    const info = await store.createSnapshot({ label: 'x', sources: [a, b] }, records);
    const rows = (
      await store
        .connection()
        .runAndReadAll(
          'SELECT * EXCLUDE (snapshot_id) FROM studies WHERE snapshot_id = $1 ORDER BY ingest_seq',
          [info.id],
        )
    ).getRowObjectsJS();
    return { info: { ...info, createdAt: '' }, rows };
  } finally {
    await store.close();
  }
}

async function* both() {
  yield* readStudies(a, { fetchedAt: FETCHED });
  yield* readStudies(b, { fetchedAt: FETCHED });
}

/** The compiled module, when `npm run build` has run: its fileRows uses the worker thread. */
const DIST = resolve(__dirname, '../../dist/store/index.js');
const compiled = existsSync(DIST)
  ? ((await import(pathToFileURL(DIST).href)) as { fileRows: (p: string[], o?: object) => RowSource })
  : null;

describe('fileRows', () => {
  it('stores the same rows and counts as the StudyRecord path (in this thread and in the worker)', async () => {
    const expected = await rowsOf(join(dir, 'r.duckdb'), both());
    expect(expected.info.studyCount).toBe(219);
    expect(expected.info.duplicatesDropped).toBe(1);
    const inThread = await rowsOf(
      join(dir, 't.duckdb'),
      fileRows([a, b], { fetchedAt: FETCHED, inThread: true }),
    );
    expect(inThread).toEqual(expected);
    if (compiled) {
      const viaWorker = await rowsOf(
        join(dir, 'w.duckdb'),
        compiled.fileRows([a, b], { fetchedAt: FETCHED }),
      );
      expect(viaWorker).toEqual(expected);
    }
  });

  it('reports progress per file up to each file size', async () => {
    const seen: Array<[number, number, number]> = [];
    for await (const x of fileRows([a, b], {
      inThread: true,
      onBytes: (i, n, s) => seen.push([i, n, s]),
    }).batches())
      expect(x.rows).toBeGreaterThan(0);
    expect(seen.at(-1)![0]).toBe(1);
    expect(seen.at(-1)![1]).toBe(seen.at(-1)![2]);
    expect(seen.some(([i]) => i === 0)).toBe(true);
  });

  it('bad input: the same InputError as the StudyRecord path, and no snapshot', async () => {
    const db = join(dir, 'bad.duckdb');
    const store = await openStore(db);
    try {
      const viaRecords = await store
        .createSnapshot({ sources: [bad] }, readStudies(bad))
        .catch((e: unknown) => e);
      expect(viaRecords).toBeInstanceOf(InputError);
      expect((viaRecords as Error).message).toMatch(/bad\.ndjson: record 101 \(line 101\)/);
      const inThread = await store
        .createSnapshot({ sources: [bad] }, fileRows([bad], { inThread: true }))
        .catch((e: unknown) => e);
      expect(inThread).toBeInstanceOf(InputError);
      expect((inThread as Error).message).toBe((viaRecords as Error).message);
      if (compiled) {
        const viaWorker = await store
          .createSnapshot({ sources: [bad] }, compiled.fileRows([bad]))
          .catch((e: unknown) => e);
        expect((viaWorker as Error).name).toBe('InputError');
        expect((viaWorker as Error).message).toBe((viaRecords as Error).message);
        expect((viaWorker as { location?: unknown }).location).toEqual((viaRecords as InputError).location);
      }
      expect(await store.listSnapshots()).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('an aborted read stops with the abort reason', async () => {
    const ctl = new AbortController();
    const reason = new Error('stop');
    ctl.abort(reason);
    const src = compiled
      ? compiled.fileRows([a], { signal: ctl.signal })
      : fileRows([a], { signal: ctl.signal });
    const it = src.batches()[Symbol.asyncIterator]();
    await expect(it.next()).rejects.toBe(reason);
  });
});
