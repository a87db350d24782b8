/**
 * The server's compact path (slim rows built by DuckDB, full study text read per study view) answers exactly what
 * the object path (every study and its labels loaded in full) answered: the same bytes for metrics, lists, meta,
 * CSV exports and study views, over a set of filters. Checked on the hand-made fixture and, when ../shared is
 * present, on the 1,535-study registry corpus (ingested and classified here).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { classifySnapshot } from '../../src/pipeline/classify.js';
import { loadLatestLabelled } from '../../src/pipeline/load.js';
import { ingestSnapshot } from '../../src/pipeline/ingest.js';
import { buildDataset, loadPublications } from '../../src/present/server/dataset.js';
import { createApp, createDatasetSource, type DatasetSource } from '../../src/present/server/index.js';
import { openStore } from '../../src/store/index.js';
import { CLASSIC_NDJSON, describeShared } from '../helpers/shared.js';
import { createFixtureDb, nct } from './fixture.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The object path: every study loaded in full (what the server held before the compact path). */
async function objectSource(db: string, ref?: string): Promise<DatasetSource> {
  const store = await openStore(db, { readOnly: true });
  try {
    const { info, rows, rulesetVersion } = await loadLatestLabelled(store, ref);
    const ds = buildDataset(info, rulesetVersion, rows, await loadPublications(store));
    const snapshots = await Promise.all(
      (await store.listSnapshots()).map(async (s) => {
        const v = await store.labelVersions(s.id);
        return { ...s, rulesetVersion: v[v.length - 1] ?? null };
      }),
    );
    return {
      defaultSnapshotId: info.id,
      get: async () => ds,
      snapshots: async () => snapshots,
      writable: false,
      decide: () => Promise.reject(new Error('read-only')),
    };
  } finally {
    await store.close();
  }
}

const FILTERS = [
  '',
  'included=true',
  'included=false',
  'source=umbilical_cord&phase=PHASE2',
  'source=bone_marrow,adipose',
  'country=China',
  'country=(no location)',
  'text=knee',
  'text=cord',
  // one run of word characters (the word index's candidates are the matches): a word's inside, start, several words
  'text=orda',
  'text=enchym',
  'text=stro',
  'text=e',
  'text=cord&included=true',
  // common words, an id, several words (the word index's two lookups: compared words, a scan of the vocabulary)
  'text=cells',
  'text=covid',
  'text=nct0',
  'text=stem cell',
  'route=intravenous',
  'route=unspecified',
  'donor=autologous',
  'category=msc_derived,stromal_mixture',
  'specialty=neurology',
  'productForm=derived',
  'modification=genetically_modified',
  'modification=none',
  'covid19=true',
  'product=none',
  'status=completed',
  'studyType=OBSERVATIONAL',
  'firstPostedFrom=2015-03-01',
  'firstPostedFrom=2012&firstPostedTo=2019-06',
  'startFrom=2010&startTo=2018',
  'asOf=2021-07-14',
];

function urls(ids: string[]): string[] {
  const out = ['/api/meta'];
  for (const f of FILTERS) {
    const q = f ? `${f}&` : '';
    out.push(
      `/api/metrics?${q}`,
      `/api/metrics?${q}onlyIncluded=false&parts=summary,tables`,
      `/api/metrics?${q}yearBasis=start&ids=true`,
      `/api/studies?${q}sort=firstPosted&order=desc`,
      `/api/studies?${q}sort=title&pageSize=100&page=2`,
      `/api/studies?${q}sort=sponsor&order=asc`,
      `/api/export.csv?${q}sort=enrollment&order=desc`,
      `/api/review/queue?${q}`,
    );
  }
  for (const id of ids) out.push(`/api/studies/${id}`);
  return out;
}

async function compare(db: string, ids: string[], ref?: string): Promise<number> {
  const objects = createApp({ source: await objectSource(db, ref), assets: new Map(), loopbackOnly: false });
  const compact = createApp({
    source: await createDatasetSource(db, ref),
    assets: new Map(),
    loopbackOnly: false,
  });
  let compared = 0;
  for (const url of urls(ids)) {
    const a = await objects.request(`http://127.0.0.1${url}`);
    const b = await compact.request(`http://127.0.0.1${url}`);
    expect(b.status, url).toBe(a.status);
    expect(a.status, url).toBe(200);
    expect(await b.text(), url).toBe(await a.text());
    compared++;
  }
  return compared;
}

describe('compact server data = object server data', () => {
  it('fixture: every body is the same', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mscope-compact-'));
    dirs.push(dir);
    const db = join(dir, 'fixture.duckdb');
    await createFixtureDb(db);
    const n = await compare(db, [nct(1001), nct(1002), nct(1005)], 'fixture');
    expect(n).toBeGreaterThan(FILTERS.length * 8);
  });
});

describeShared('compact server data = object server data (registry corpus)', () => {
  it('1,535 classified studies: every body is the same', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mscope-compact-'));
    dirs.push(dir);
    const db = join(dir, 'corpus.duckdb');
    const store = await openStore(db);
    let ids: string[];
    try {
      const { size } = await import('node:fs').then((fs) => fs.statSync(CLASSIC_NDJSON));
      const info = await ingestSnapshot(
        store,
        { files: [{ path: CLASSIC_NDJSON, size }] },
        { worker: false },
      );
      const run = await classifySnapshot(store, info.id, { save: true });
      const included = run.labels.filter((l) => l.included);
      ids = [run.labels[0]!.nctId, included[0]!.nctId, included[included.length - 1]!.nctId];
      expect(included.some((l) => l.dose !== null)).toBe(true);
    } finally {
      await store.close();
    }
    const n = await compare(db, ids);
    expect(n).toBe(1 + FILTERS.length * 8 + ids.length);
  }, 300_000);
});
