/**
 * The whole-registry path: ClinicalTrials.gov's full download is a zip of one v2 JSON file per study. A small
 * archive built here from hand-written records ingests into one snapshot with the same studies, the same stored
 * study JSON (provenance aside) and the same labels as the same files ingested separately; Zip64 end records and
 * streamed (large) members read the same bytes; `mscope run --from <zip>` goes from the archive to the report.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Labels } from '../../src/model/labels.js';
import type { Study } from '../../src/model/study.js';
import { classifySnapshot } from '../../src/pipeline/classify.js';
import { expandInputs, ingestSnapshot } from '../../src/pipeline/ingest.js';
import { readStudies } from '../../src/sources/index.js';
import { zipMembers } from '../../src/sources/zip.js';
import { openStore, type Store } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';
import { nctOf, registryStudies, writeStudyFiles, writeStudyZip } from './registry-records.js';

const DIR = mkdtempSync(join(tmpdir(), 'mscope-registry-zip-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

const N = 240;
const studies = registryStudies(N);

async function snapshotContent(
  store: Store,
  id: number,
): Promise<{ studies: Study[]; labels: Labels[]; files: string[] }> {
  const out: Study[] = [];
  const files: string[] = [];
  for await (const s of store.iterStudies(id)) {
    files.push(s.provenance.file);
    out.push({ ...s, provenance: { ...s.provenance, file: '', record: null, fetchedAt: '' } });
  }
  const { labels } = await classifySnapshot(store, id, { workers: 0 });
  return { studies: out, labels, files };
}

describe('a zip of one v2 JSON file per study', () => {
  it('ingests to the same studies and labels as the same files ingested one by one', async () => {
    const dir = writeStudyFiles(join(DIR, 'files'), studies);
    const zip = writeStudyZip(join(DIR, 'ctg-studies.zip'), studies);
    const store = await openStore(join(DIR, 'a.duckdb'));
    try {
      const fromFiles = await ingestSnapshot(store, { files: await expandInputs([dir]) }, { worker: false });
      const seen: number[] = [];
      const fromZip = await ingestSnapshot(
        store,
        { files: await expandInputs([zip]) },
        { worker: false, onProgress: (p) => p.stage === 'read' && seen.push(p.done) },
      );
      expect(fromFiles.studyCount).toBe(N);
      expect(fromZip.studyCount).toBe(N);
      expect(fromZip.formats).toEqual({ 'ctgov-v2-json': N });
      // progress over the archive's bytes, never going back, ending at its size
      expect(seen.length).toBeGreaterThan(2);
      expect(seen.every((v, i) => i === 0 || v >= seen[i - 1]!)).toBe(true);
      expect(seen.at(-1)).toBe(readFileSync(zip).length);

      const a = await snapshotContent(store, fromFiles.id);
      const b = await snapshotContent(store, fromZip.id);
      expect(b.studies.map((s) => s.nctId)).toEqual(studies.map(nctOf).sort());
      expect(b.studies).toEqual(a.studies);
      expect(b.labels).toEqual(a.labels);
      expect(b.labels.filter((l) => l.included).length).toBeGreaterThan(0);
      expect(b.labels.filter((l) => !l.included).length).toBeGreaterThan(0);
      expect(b.files[0]).toBe(`${zip}!ctg-studies/${b.studies[0]!.nctId}.json`);
      // labels saved as they are made (slim in memory) are the full labels, evidence included
      const saved = await classifySnapshot(store, fromZip.id, { save: true, labels: 'slim', workers: 0 });
      expect(saved.labels.every((l) => l.evidence.length === 0)).toBe(true);
      expect(saved.labels).toEqual(b.labels.map((l) => ({ ...l, evidence: [] })));
      expect([...(await store.loadLabels(fromZip.id, saved.rulesetVersion)).values()]).toEqual(b.labels);
      // a save that fails part-way stores nothing
      const failed = await store
        .saveLabelStream(fromFiles.id, saved.rulesetVersion, async (sink) => {
          sink(a.labels.slice(0, 10));
          throw new Error('stopped');
        })
        .catch((e: Error) => e.message);
      expect(failed).toBe('stopped');
      expect((await store.loadLabels(fromFiles.id, saved.rulesetVersion)).size).toBe(0);
      // the raw record as stored reads back as the file's JSON (compact or pretty-printed)
      const raw = new Map<string, unknown>();
      for await (const r of store.iterRecords(fromZip.id)) raw.set(r.study.nctId, r.raw);
      for (const s of studies) expect(raw.get(nctOf(s))).toEqual(s);
    } finally {
      await store.close();
    }
  });

  it('reads Zip64 end records and large (streamed) members to the same records', async () => {
    const some = studies.slice(0, 30);
    const plain = writeStudyZip(join(DIR, 'plain.zip'), some);
    const zip64 = writeStudyZip(join(DIR, 'zip64.zip'), some, { zip64: true });
    const ids = async (p: string): Promise<string[]> => {
      const out: string[] = [];
      for await (const r of readStudies(p)) out.push(r.study.nctId);
      return out;
    };
    expect(await ids(zip64)).toEqual(await ids(plain));
    expect((await ids(plain)).length).toBe(30);
    // every member streamed (wholeBytes 0) yields the same bytes as inflated whole
    const whole: string[] = [];
    for await (const m of zipMembers(plain)) whole.push(Buffer.from(m.whole!).toString('utf8'));
    const streamed: string[] = [];
    for await (const m of zipMembers(plain, 0)) {
      expect(m.whole).toBeNull();
      const parts: Buffer[] = [];
      for await (const c of m.chunks) parts.push(Buffer.from(c));
      streamed.push(Buffer.concat(parts).toString('utf8'));
    }
    expect(streamed).toEqual(whole);
    expect(whole.map((t) => JSON.parse(t) as unknown)).toEqual(some);
  });

  it('a damaged member is named in one line and nothing is stored', async () => {
    const zip = writeStudyZip(join(DIR, 'damaged.zip'), studies.slice(0, 20), { level: 0 });
    const bytes = readFileSync(zip);
    // flip a byte inside the 6th member's data: its CRC-32 no longer matches
    const name = Buffer.from(`ctg-studies/${nctOf(studies[5]!)}.json`);
    const at = bytes.indexOf(name) + name.length + 40;
    bytes[at] = bytes[at]! ^ 0x20;
    const bad = join(DIR, 'damaged-2.zip');
    (await import('node:fs')).writeFileSync(bad, bytes);
    const store = await openStore(join(DIR, 'damaged.duckdb'));
    try {
      const before = (await store.listSnapshots()).length;
      const err = await ingestSnapshot(store, { files: await expandInputs([bad]) }, { worker: false }).catch(
        (e: Error) => e,
      );
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).message).toContain(`${bad}!ctg-studies/${nctOf(studies[5]!)}.json`);
      expect((err as Error).message).toMatch(/CRC-32|corrupt/);
      expect((err as Error).message).not.toContain('\n');
      expect((await store.listSnapshots()).length).toBe(before);
    } finally {
      await store.close();
    }
  });

  it('mscope run --from <zip>: ingest, classify and report in one command', async () => {
    const zip = writeStudyZip(join(DIR, 'run.zip'), studies);
    const out = join(DIR, 'report');
    const r = await runCli(['--db', join(DIR, 'run.duckdb'), 'run', '--from', zip, '--out', out, '--json']);
    expect(r.stderr).not.toMatch(/Error|at .*\.js:\d+/);
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout) as {
      snapshotCreated: { studyCount: number };
      summary: { included: number; excluded: number };
    };
    expect(res.snapshotCreated.studyCount).toBe(N);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as {
      metrics: { flow: { identified: number } };
    };
    expect(report.metrics.flow.identified).toBe(N);
    expect(res.summary.included).toBeGreaterThan(0);
  });
});
