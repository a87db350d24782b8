/** Ingest of the real registry files in ../shared (skipped when absent). */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';
import { CLASSIC_CSV, CLASSIC_NDJSON, describeShared, V2_SAMPLES } from '../helpers/shared.js';

interface IngestJson {
  snapshot: { id: number; studyCount: number; duplicatesDropped: number; formats: Record<string, number> };
}

/** NCT ids in a v2 JSON file (single record, export array or page), read without mscope's readers. */
function v2NctIds(file: string): string[] {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  const list = Array.isArray(doc) ? doc : ((doc as { studies?: unknown[] }).studies ?? [doc]);
  return list.map(
    (s) =>
      (s as { protocolSection: { identificationModule: { nctId: string } } }).protocolSection
        .identificationModule.nctId,
  );
}

describeShared('ingest of the shared registry files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mscope-shared-ingest-'));
  const db = join(dir, 'shared.duckdb');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('studies.ndjson -> one snapshot of 1,535 studies', async () => {
    const r = await runCli(['--db', db, 'ingest', CLASSIC_NDJSON, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const { snapshot } = JSON.parse(r.stdout) as IngestJson;
    expect(snapshot.studyCount).toBe(1535);
    expect(snapshot.formats).toEqual({ 'ctgov-classic-fields': 1535 });
    // the raw record is kept verbatim: compare one against the file line, parsed independently
    const firstLine = readFileSync(CLASSIC_NDJSON, 'utf8').split('\n', 1)[0]!;
    const raw = JSON.parse(firstLine) as { NCTId: string[] };
    const store = await openStore(db, { readOnly: true });
    try {
      expect((await store.getStudy(snapshot.id, raw.NCTId[0]!))?.raw).toEqual(raw);
    } finally {
      await store.close();
    }
  });

  it('search-export.csv -> one snapshot of 1,389 studies', async () => {
    const r = await runCli(['--db', db, 'ingest', CLASSIC_CSV, '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as IngestJson).snapshot.studyCount).toBe(1389);
  });

  it('all ctgov-v2-samples/*.json in one ingest -> every distinct study', async () => {
    const files = readdirSync(V2_SAMPLES)
      .filter((f) => f.endsWith('.json'))
      .map((f) => join(V2_SAMPLES, f));
    const ids = files.flatMap(v2NctIds);
    const distinct = new Set(ids).size;
    const r = await runCli(['--db', db, 'ingest', ...files, '--json']);
    expect(r.code).toBe(0);
    const { snapshot } = JSON.parse(r.stdout) as IngestJson;
    expect(snapshot.studyCount).toBe(distinct);
    expect(snapshot.duplicatesDropped).toBe(ids.length - distinct);
    const snaps = JSON.parse((await runCli(['--db', db, 'snapshots', '--json'])).stdout) as unknown[];
    expect(snaps).toHaveLength(3);
  });
});
