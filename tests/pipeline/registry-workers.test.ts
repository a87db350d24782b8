/**
 * The whole-registry ingest on several reading workers (`fileRows`: zip members and files dealt in blocks to worker
 * threads, taken back in order) stores exactly what one thread stores: the same study rows in the same order (every
 * column: stored study JSON, raw JSON, ingest_seq), the same slim rows, the same de-duplication decisions and
 * counts; a damaged member fails with the same one-line error and stores nothing. The workers are the compiled
 * ones (`npm run build`); without dist/ only the one-thread path runs and the comparison is skipped.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { ingestSnapshot as IngestSnapshot } from '../../src/pipeline/ingest.js';
import { expandInputs } from '../../src/pipeline/ingest.js';
import type { openStore as OpenStore, Store } from '../../src/store/index.js';
import { nctOf, registryStudies, writeStudyFiles, writeStudyZip } from './registry-records.js';

const DIR = mkdtempSync(join(tmpdir(), 'mscope-registry-workers-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

const DIST = resolve(__dirname, '../../dist');
const built = existsSync(join(DIST, 'store/ingest-worker.js'));
const load = async <T>(p: string): Promise<T> => (await import(pathToFileURL(join(DIST, p)).href)) as T;

type Obj = Record<string, unknown>;
const N = 300;
const FETCHED = '2026-01-02T03:04:05.000Z';
const studies = registryStudies(N);
/** A later record of study 40 with another title: de-duplication keeps it (same update date, later record). */
const dup = JSON.parse(JSON.stringify(studies[40])) as Obj;
((dup.protocolSection as Obj).identificationModule as Obj).briefTitle = 'The later record of the same study';

async function content(store: Store, id: number) {
  const conn = store.connection();
  const rows = (
    await conn.runAndReadAll(
      'SELECT * EXCLUDE (snapshot_id) FROM studies WHERE snapshot_id = $1 ORDER BY ingest_seq',
      [id],
    )
  ).getRowObjectsJS();
  const slim = (
    await conn.runAndReadAll(
      'SELECT nct_id, slim_json FROM study_slim WHERE snapshot_id = $1 ORDER BY nct_id',
      [id],
    )
  ).getRowObjectsJS();
  return { rows, slim };
}

describe.skipIf(!built)('ingest on several reading workers', () => {
  it('stores the same snapshot as one thread (zip with a duplicate; folder and zip together)', async () => {
    const { ingestSnapshot } = await load<{ ingestSnapshot: typeof IngestSnapshot }>('pipeline/ingest.js');
    const { openStore } = await load<{ openStore: typeof OpenStore }>('store/index.js');
    const zip = writeStudyZip(join(DIR, 'dup.zip'), [...studies, dup]);
    const folder = writeStudyFiles(join(DIR, 'files'), studies.slice(0, 45));
    const other = writeStudyZip(join(DIR, 'other.zip'), registryStudies(N + 60).slice(N));
    const inputs: Array<{ name: string; paths: string[] }> = [
      { name: 'zip', paths: [zip] },
      { name: 'folder and zip', paths: [folder, other] },
    ];
    for (const { name, paths } of inputs) {
      const files = await expandInputs(paths);
      const store = await openStore(join(DIR, `${name.replace(/ /g, '-')}.duckdb`));
      try {
        const ingest = async (workers: number, block?: number) => {
          const info = await ingestSnapshot(store, { files }, { workers, block, fetchedAt: FETCHED });
          return { info: { ...info, id: 0, createdAt: '' }, ...(await content(store, info.id)) };
        };
        const one = await ingest(0);
        if (name === 'zip') {
          expect(one.info.studyCount).toBe(N);
          expect(one.info.duplicatesDropped).toBe(1);
          const kept = one.rows.find((r) => r.nct_id === nctOf(dup))!;
          expect(String(kept.brief_title)).toBe('The later record of the same study');
          expect(kept.ingest_seq).toBe(N + 1);
        } else expect(one.info.studyCount).toBe(45 + 60);
        expect(one.slim.length).toBe(one.info.studyCount);
        for (const [workers, block] of [
          [1, undefined],
          [2, 7],
          [3, 5],
          [2, 1],
        ] as const) {
          const many = await ingest(workers, block);
          expect(many.info).toEqual(one.info);
          expect(many.rows).toEqual(one.rows);
          expect(many.slim).toEqual(one.slim);
        }
      } finally {
        await store.close();
      }
    }
  });

  it('stores awkward text the same way (the CSV quote byte, quotes, commas, line breaks, non-BMP, lists)', async () => {
    const { ingestSnapshot } = await load<{ ingestSnapshot: typeof IngestSnapshot }>('pipeline/ingest.js');
    const { openStore } = await load<{ openStore: typeof OpenStore }>('store/index.js');
    const odd = registryStudies(40).map((s) => JSON.parse(JSON.stringify(s)) as Obj);
    const texts = [
      'quote byte \u0001 inside, "double quotes", commas, and \\ backslashes',
      'line\r\nbreaks\n and \ttabs ',
      ' leading and trailing spaces ',
      'non-BMP \u{1F9EC} and ünïcödé',
      '\u0001',
      ',',
    ];
    texts.forEach((t, i) => {
      const p = odd[i * 3]!.protocolSection as Obj;
      (p.identificationModule as Obj).briefTitle = t;
      p.conditionsModule = { conditions: [t, 'a, b', '["not a list"]', '\u0001\u0001'] };
    });
    // a text longer than the chunk writer's buffer (1 MB), with 2-, 3- and 4-byte UTF-8 characters and quote bytes
    const long = 'é€\u{1F9EC}\u0001,\n'.repeat(120_000);
    ((odd[1]!.protocolSection as Obj).descriptionModule as Obj).detailedDescription = long;
    // pretty-printed and compact raw JSON alike (raw_json keeps the member's text, without a byte order mark and the
    // spaces around it)
    const frame = (i: number, json: string): string =>
      i % 4 === 1 ? `\uFEFF${json} \r\n` : i % 4 === 3 ? `\n\t ${json}\n` : json;
    const zip = writeStudyZip(join(DIR, 'odd.zip'), odd, { pretty: (i) => i % 2 === 0, frame });
    const files = await expandInputs([zip]);
    const store = await openStore(join(DIR, 'odd.duckdb'));
    const settings = async () =>
      (
        await store
          .connection()
          .runAndReadAll("SELECT current_setting('memory_limit'), current_setting('threads')")
      ).getRows()[0];
    const before = await settings();
    try {
      const ingest = async (workers: number, block?: number) => {
        const info = await ingestSnapshot(store, { files }, { workers, block, fetchedAt: FETCHED });
        return { info: { ...info, id: 0, createdAt: '' }, ...(await content(store, info.id)) };
      };
      const one = await ingest(0);
      expect(one.info.studyCount).toBe(40);
      expect(one.rows.map((r) => r.brief_title)).toEqual(expect.arrayContaining(texts));
      expect(one.rows.some((r) => String(r.study_json).includes(JSON.stringify(long)))).toBe(true);
      const compact = odd.filter((_s, i) => i % 2 === 1);
      for (const s of compact)
        expect(one.rows.find((r) => r.nct_id === nctOf(s))?.raw_json).toBe(JSON.stringify(s));
      expect(one.rows.find((r) => r.brief_title === ',')?.conditions).toEqual([
        ',',
        'a, b',
        '["not a list"]',
        '\u0001\u0001',
      ]);
      for (const [workers, block] of [
        [1, undefined],
        [2, 3],
      ] as const) {
        const many = await ingest(workers, block);
        expect(many.info).toEqual(one.info);
        expect(many.rows).toEqual(one.rows);
        expect(many.slim).toEqual(one.slim);
      }
      // the workers' CSV chunks were written in the database's spill folder, and are gone
      expect(readdirSync(join(DIR, 'odd.duckdb.tmp'))).toEqual([]);
      // DuckDB's threads and memory limit, changed while the chunks were inserted, are as they were
      expect(await settings()).toEqual(before);
    } finally {
      await store.close();
    }
  });

  it('a damaged member: the same one-line error as one thread, and no snapshot', async () => {
    const { ingestSnapshot } = await load<{ ingestSnapshot: typeof IngestSnapshot }>('pipeline/ingest.js');
    const { openStore } = await load<{ openStore: typeof OpenStore }>('store/index.js');
    const zip = writeStudyZip(join(DIR, 'to-damage.zip'), studies, { level: 0 });
    const bytes = readFileSync(zip);
    // a member in the middle: its JSON no longer parses (stored, so the CRC is what fails first)
    const name = Buffer.from(`ctg-studies/${nctOf(studies[170]!)}.json`);
    const at = bytes.indexOf(name) + name.length + 40;
    bytes[at] = bytes[at]! ^ 0x20;
    const bad = join(DIR, 'damaged.zip');
    writeFileSync(bad, bytes);
    const store = await openStore(join(DIR, 'damaged.duckdb'));
    try {
      const fail = (workers: number, block?: number) =>
        ingestSnapshot(store, { files: [{ path: bad, size: bytes.length }] }, { workers, block }).then(
          () => null,
          (e: Error) => e,
        );
      const one = await fail(0);
      expect(one?.message).toContain(`${bad}!ctg-studies/${nctOf(studies[170]!)}.json`);
      expect(one?.message).not.toContain('\n');
      for (const [workers, block] of [
        [2, 7],
        [3, 13],
      ] as const) {
        const many = await fail(workers, block);
        expect(many?.name).toBe(one?.name);
        expect(many?.message).toBe(one?.message);
      }
      expect(await store.listSnapshots()).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
