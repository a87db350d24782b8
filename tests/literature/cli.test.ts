/**
 * `mscope link` end to end on hand-made fixtures (no ../shared needed): a snapshot made with the store API,
 * documents linked with the built CLI. Run `npm run build` first.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyStudy } from '../../src/model/study.js';
import type { StudyRecord } from '../../src/model/record.js';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/shared.js';

const FIX = join(REPO_ROOT, 'tests', 'fixtures', 'literature');
const prov = {
  format: 'ctgov-v2-json' as const,
  file: 'mem',
  record: 1,
  fetchedAt: '2024-01-01T00:00:00Z',
  registryVersion: null,
};

async function* records(): AsyncGenerator<StudyRecord> {
  // in the snapshot: two trials the fixtures mention, and one that cites the PubMed fixture as its RESULT
  yield {
    study: { ...emptyStudy('NCT01234567', prov), briefTitle: 'Invented trial A', overallStatus: 'COMPLETED' },
    raw: {},
  };
  yield {
    study: {
      ...emptyStudy('NCT33333333', prov),
      briefTitle: 'Invented trial B',
      overallStatus: 'RECRUITING',
    },
    raw: {},
  };
  yield {
    study: {
      ...emptyStudy('NCT44444440', prov),
      briefTitle: 'Invented trial D',
      overallStatus: 'COMPLETED',
      hasResults: true,
    },
    raw: {},
  };
  yield {
    study: {
      ...emptyStudy('NCT99999999', prov),
      briefTitle: 'Invented trial C',
      overallStatus: 'COMPLETED',
      references: [{ pmid: '39000001', type: 'RESULT', citation: 'Garcia M. Invented results. 2021.' }],
    },
    raw: {},
  };
}

describe('mscope link (fixtures)', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mscope-link-'));
    db = join(dir, 'test.duckdb');
    const store = await openStore(db);
    await store.createSnapshot({ sources: ['fixtures'], label: 'fixture' }, records());
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('links every fixture document and splits trials into in / not in the snapshot', async () => {
    const r = await runCli(['--db', db, 'link', join(FIX, 'good'), '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      snapshot: { id: number; label: string };
      totals: { documents: number };
      documents: Array<{
        docId: string;
        inSnapshot: string[];
        notInSnapshot: string[];
        trials: Array<{ nctId: string; registryReference: string | null }>;
      }>;
    };
    expect(out.snapshot.label).toBe('fixture');
    expect(out.totals.documents).toBe(8);
    const byId = new Map(out.documents.map((d) => [d.docId, d]));
    const cord = byId.get('cord:abcd1234')!;
    expect(cord.inSnapshot).toEqual(['NCT01234567']);
    expect(cord.notInSnapshot).toEqual(['NCT07654321', 'NCT00000102']);
    // the PubMed record: DataBank ids, plus the study whose registry reference cites its PMID
    const pubmed = byId.get('pmid:39000001')!;
    expect(pubmed.inSnapshot).toEqual(['NCT33333333', 'NCT99999999']);
    expect(pubmed.notInSnapshot).toEqual(['NCT33333334']);
    expect(pubmed.trials.find((t) => t.nctId === 'NCT99999999')!.registryReference).toBe('RESULT');
    expect(byId.get('sha:2222222222222222222222222222222222222222')!.notInSnapshot).toEqual([
      'NCT22222222',
      'NCT22222223',
    ]);
  });

  it('re-linking is idempotent', async () => {
    const before = JSON.parse((await runCli(['--db', db, 'link', '--docs', '--json'])).stdout) as {
      documents: unknown[];
    };
    const again = await runCli(['--db', db, 'link', join(FIX, 'good', 'cord19-sample.txt')]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/1 in snapshot 1, 2 not \(worth fetching\)/);
    const after = JSON.parse((await runCli(['--db', db, 'link', '--docs', '--json'])).stdout) as {
      documents: unknown[];
    };
    expect(after.documents).toEqual(
      (before.documents as Array<{ docId: string; linkedAt: string }>).map((d) =>
        d.docId === 'cord:abcd1234' ? { ...d, linkedAt: expect.any(String) } : d,
      ),
    );
  });

  it('--study lists registry references and mentioning documents with their sentences and facts', async () => {
    const r = await runCli(['--db', db, 'link', '--study', 'nct01234567', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      nctId: string;
      inSnapshot: boolean;
      publications: Array<{
        source: string;
        docId: string;
        mentions: Array<{ sentence: string; facts: Array<{ kind: string; value: string }> }>;
      }>;
    };
    expect(out.nctId).toBe('NCT01234567');
    expect(out.inSnapshot).toBe(true);
    expect(out.publications.map((p) => [p.source, p.docId])).toEqual([['mention', 'cord:abcd1234']]);
    const m = out.publications[0]!.mentions[0]!;
    expect(m.sentence).toContain('(NCT 01234567) enrolled 120 patients');
    expect(m.facts.map((f) => `${f.kind}=${f.value}`)).toEqual(
      expect.arrayContaining([
        'phase=PHASE2/PHASE3',
        'design=double-blind',
        'design=placebo-controlled',
        'enrollment=120',
        'outcome=survival',
      ]),
    );
    const c = await runCli(['--db', db, 'link', '--study', 'NCT99999999']);
    expect(c.stdout).toMatch(/registry reference RESULT: PMID 39000001 \(linked document pmid:39000001\)/);
  });

  it('--doc shows one document; unknown ids and bad usage fail clearly', async () => {
    const r = await runCli(['--db', db, 'link', '--doc', 'cord:abcd1234']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/not in snapshot: NCT07654321 NCT00000102/);
    const unknown = await runCli(['--db', db, 'link', '--doc', 'cord:nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no linked document "cord:nope"/);
    const usage = await runCli(['--db', db, 'link']);
    expect(usage.code).toBe(2);
    const both = await runCli(['--db', db, 'link', '--docs', '--study', 'NCT01234567']);
    expect(both.code).toBe(2);
    const badId = await runCli(['--db', db, 'link', '--study', 'NCT123']);
    expect(badId.code).toBe(2);
    expect(badId.stderr).toMatch(/expected an NCT id/);
    const badSnap = await runCli(['--db', db, 'link', join(FIX, 'good', 'notes.txt'), '--snapshot', '42']);
    expect(badSnap.code).toBe(1);
    expect(badSnap.stderr).toMatch(/unknown snapshot "42"/);
  });

  it('bad input fails naming the file and leaves the stored links as they were', async () => {
    const before = (await runCli(['--db', db, 'link', '--docs', '--json'])).stdout;
    const r = await runCli([
      '--db',
      db,
      'link',
      join(FIX, 'good', 'notes.md'),
      join(FIX, 'bad', 'bad-unclosed.xml'),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^mscope: .*bad-unclosed\.xml \(line \d+\): malformed XML/);
    expect((await runCli(['--db', db, 'link', '--docs', '--json'])).stdout).toBe(before);
  });

  it('--transparency counts completed trials by registry results and linked publications', async () => {
    const r = await runCli(['--db', db, 'link', '--transparency', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      total: { completed: number; resultsPosted: number; publication: number; neither: number };
      studies: Array<{ nctId: string; evidence: string[] }>;
    };
    // A: mentioned by the CORD-19 sample; C: registry RESULT reference; D: results posted; B is not completed
    expect(out.total).toMatchObject({ completed: 3, resultsPosted: 1, publication: 2, neither: 0 });
    expect(out.studies.find((s) => s.nctId === 'NCT01234567')!.evidence).toEqual(['document cord:abcd1234']);
  });

  it('without any snapshot every trial is "not in snapshot"', async () => {
    const empty = join(dir, 'empty.duckdb');
    const r = await runCli(['--db', empty, 'link', join(FIX, 'good', 'notes.txt'), '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { snapshot: null; documents: Array<{ notInSnapshot: string[] }> };
    expect(out.snapshot).toBeNull();
    expect(out.documents[0]!.notInSnapshot).toEqual(['NCT55555555', 'NCT55555556']);
  });
});
