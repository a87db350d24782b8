/**
 * The real registry samples in ../shared (skipped when absent): every folder ingests with its exact record
 * count (counted here independently of the readers), every study carries its registry and trial id, no contact
 * detail reaches the stored records, and all of them load together in ONE snapshot.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsvSync } from 'csv-parse/sync';
import { afterAll, expect, it } from 'vitest';
import type { StudyRecord } from '../../src/model/record.js';
import { readStudies } from '../../src/sources/index.js';
import { fileRows, openStore } from '../../src/store/index.js';
import { describeShared, sharedPath } from '../helpers/shared.js';

const ICTRP = sharedPath('data', 'ictrp');
const FILES = {
  xml2020: join(ICTRP, 'ICTRP-Results_18Mar2020.xml'),
  xml2024: join(ICTRP, 'ICTRP-Results_export-2024-06-09.xml'),
  csv927: join(ICTRP, 'COVID19-927-trials_7Apr2020.csv'),
  csv1135: join(ICTRP, 'COVID19-1135-trials.csv'),
  anzctr: sharedPath('data', 'anzctr-2017', 'anzctr-sample.zip'),
  chictr: sharedPath('data', 'chictr', 'ChiCTR2000034346.xml'),
  euctr: sharedPath('data', 'euctr', 'test_error_trials_euctr.txt'),
  ctis: sharedPath('data', 'ctis', 'ctis_retrieve_sample.json'),
};

async function read(path: string): Promise<{ recs: StudyRecord[]; warnings: string[] }> {
  const recs: StudyRecord[] = [];
  const warnings: string[] = [];
  for await (const r of readStudies(path, { onWarning: (m) => warnings.push(m) })) recs.push(r);
  return { recs, warnings };
}

const count = (rs: StudyRecord[], key: (r: StudyRecord) => string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const r of rs) out[key(r)] = (out[key(r)] ?? 0) + 1;
  return out;
};

const CONTACT_KEY = /"(Contact[ _](Firstname|Lastname|Email|Tel|Address)|contacts|email|telephone|phone)"/i;
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.]+/;

const dir = mkdtempSync(join(tmpdir(), 'mscope-registries-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeShared('registry samples in ../shared', () => {
  it('ICTRP XML: 578 and 95 <Trial> records, with their source registers', async () => {
    for (const [f, n] of [
      [FILES.xml2020, 578],
      [FILES.xml2024, 95],
    ] as const) {
      const text = readFileSync(f, 'utf8');
      expect(text.match(/<Trial>/g)?.length).toBe(n);
      const { recs } = await read(f);
      expect(recs).toHaveLength(n);
      for (const r of recs) expect((r.raw as { TrialID: string }).TrialID).toContain(r.study.trialId);
    }
    const { recs } = await read(FILES.xml2024);
    expect(count(recs, (r) => r.study.registry)).toEqual({
      ctgov: 47, euctr: 28, jprn: 9, drks: 6, ntr: 2, ctis: 1, chictr: 1, cris: 1,
    }); // prettier-ignore
    for (const r of recs) expect(JSON.stringify(r.raw)).not.toMatch(CONTACT_KEY);
  }, 60_000);

  it('ICTRP CSV: 927 and 1,135 rows (independent CSV parse), 10 source registers', async () => {
    for (const [f, n] of [
      [FILES.csv927, 927],
      [FILES.csv1135, 1135],
    ] as const) {
      const rows = parseCsvSync(readFileSync(f), { columns: true, bom: true }) as Record<string, string>[];
      expect(rows).toHaveLength(n);
      const { recs } = await read(f);
      expect(recs).toHaveLength(n);
      expect(recs.map((r) => r.study.sourceRegister)).toEqual(rows.map((r) => r['Source Register']!.trim()));
      for (const r of recs) {
        expect(JSON.stringify(r.raw)).not.toMatch(CONTACT_KEY);
        expect(JSON.stringify(r.study)).not.toMatch(EMAIL);
      }
    }
    const { recs } = await read(FILES.csv927);
    expect(count(recs, (r) => r.study.registry)).toEqual({
      chictr: 581, ctgov: 286, euctr: 21, anzctr: 9, irct: 8, isrctn: 8, ntr: 6, jprn: 5, tctr: 2, drks: 1,
    }); // prettier-ignore
    // bridged records of one trial in several registers are flagged (16 in the later export)
    const later = await read(FILES.csv1135);
    expect(later.recs.filter((r) => r.study.ictrpBridge !== null)).toHaveLength(16);
  }, 60_000);

  it('ANZCTR zip: 4,992 trials (3,101 ANZCTR_Trial, 1,891 CT.GOV_Trial); the ASSIST CLAD pair is there', async () => {
    const { recs } = await read(FILES.anzctr);
    expect(recs).toHaveLength(4992);
    expect(count(recs, (r) => r.study.registry)).toEqual({ anzctr: 3101, ctgov: 1891 });
    expect(count(recs, (r) => r.study.sourceRegister ?? 'own')).toEqual({ own: 3101, ANZCTR: 1891 });
    const ids = new Set(recs.map((r) => r.study.trialId));
    expect(ids.size).toBe(4992);
    expect(ids.has('ACTRN12616000338460') && ids.has('NCT02709343')).toBe(true);
    const clad = recs.find((r) => r.study.trialId === 'ACTRN12616000338460')!.study;
    expect(clad).toMatchObject({ acronym: 'ASSIST CLAD', phases: ['PHASE2'], enrollment: { count: 82 } });
    expect(clad.interventions[0]!.description).toMatch(/Mesenchymal stromal cells/i);
    for (const r of recs) expect(JSON.stringify(r.raw)).not.toMatch(/"contacts"|"email"|"phone"/);
  }, 180_000);

  it('ChiCTR XML: 1 trial; target size "2019 Y:2418;2020 Y:821;" summed', async () => {
    const { recs } = await read(FILES.chictr);
    expect(recs).toHaveLength(1);
    expect(recs[0]!.study).toMatchObject({
      trialId: 'ChiCTR2000034346',
      registry: 'chictr',
      enrollment: { count: 3239 },
    });
    expect(JSON.stringify(recs[0]!.raw)).not.toMatch(EMAIL);
  });

  it('EUCTR: 10 blocks, 8 records loaded, the 2 damaged ones reported with their position, 2 trials', async () => {
    const text = readFileSync(FILES.euctr, 'utf8');
    expect(text.match(/^Summary$/gm)?.length).toBe(10);
    const { recs, warnings } = await read(FILES.euctr);
    expect(recs.map((r) => r.study.trialId)).toEqual(['2022-002568-62', '2021-002179-21']);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/record 1 \(line 3, EudraCT 2022-002568-62, Spain\): field A\.7/);
    expect(warnings[1]).toMatch(/record 4 \(line 802, EudraCT 2021-002179-21, France\): field A\.8/);
    const loaded = recs.map((r) => (r.raw as { memberStateRecords: unknown[] }).memberStateRecords.length);
    expect(loaded).toEqual([2, 6]);
    expect(recs[0]!.study.phases).toEqual(['PHASE1', 'PHASE2']);
    expect(recs[1]!.study.locations.map((l) => l.country)).toEqual([
      'Spain',
      'Greece',
      'Poland',
      'Portugal',
      'Hungary',
    ]);
    for (const r of recs) expect(JSON.stringify(r.raw)).not.toMatch(EMAIL);
  });

  it('CTIS: 1 trial, phase code 5 = phase 3', async () => {
    const { recs } = await read(FILES.ctis);
    expect(recs).toHaveLength(1);
    expect(recs[0]!.study).toMatchObject({
      trialId: '2025-523333-26-00',
      registry: 'ctis',
      phases: ['PHASE3'],
    });
  });

  it('each sample folder expands to its data files only (SOURCES.md beside them is documentation)', async () => {
    const { expandInputs } = await import('../../src/pipeline/ingest.js');
    const folders = ['ictrp', 'anzctr-2017', 'chictr', 'euctr', 'ctis'].map((f) => sharedPath('data', f));
    const files = (await expandInputs(folders)).map((f) => f.path);
    expect([...files].sort()).toEqual(Object.values(FILES).sort());
  });

  it('all of them in ONE snapshot (files, a zip): registrations keyed by trial id', async () => {
    const store = await openStore(join(dir, 'all.duckdb'));
    const warnings: string[] = [];
    try {
      const paths = Object.values(FILES);
      const info = await store.createSnapshot(
        { sources: paths },
        fileRows(paths, { worker: false, onWarning: (m) => warnings.push(m) }),
      );
      expect(warnings).toHaveLength(2);
      const conn = await store.connection();
      const rows = (
        await conn.runAndReadAll(
          `SELECT source_format, count(*)::INTEGER FROM studies WHERE snapshot_id = $1 GROUP BY 1 ORDER BY 1`,
          [info.id],
        )
      ).getRows();
      const byFormat = Object.fromEntries(rows.map((r) => [r[0], r[1]]));
      expect(Object.keys(byFormat).sort()).toEqual([
        'anzctr-xml',
        'chictr-xml',
        'ctis-json',
        'euctr-text',
        'ictrp-csv',
        'ictrp-xml',
      ]);
      // 578 + 95 + 927 + 1135 + 4992 + 1 + 2 + 1 records read; a registration read twice is kept once
      expect(info.studyCount + info.duplicatesDropped).toBe(7731);
      const ids = (
        await conn.runAndReadAll('SELECT nct_id FROM studies WHERE snapshot_id = $1', [info.id])
      ).getRows();
      expect(new Set(ids.map((r) => r[0])).size).toBe(info.studyCount);
    } finally {
      await store.close();
    }
  }, 300_000);
});
