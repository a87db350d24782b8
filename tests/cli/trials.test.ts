/**
 * `mscope ingest` of mixed registry files and `mscope trials`: one snapshot from ANZCTR, ClinicalTrials.gov,
 * EUCTR (a damaged block reported on stderr) and CTIS files; the ANZCTR and ClinicalTrials.gov registrations
 * of one trial grouped with the link's evidence; bad registry input fails in one line, database unchanged.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/shared.js';
import { fingerprint } from '../store/fingerprint.js';

const FIX = join(REPO_ROOT, 'tests', 'fixtures', 'registries');
let dir: string;
let db: string;
const cli = (...args: string[]) => runCli(['--db', db, ...args]);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mscope-trials-'));
  db = join(dir, 'atlas.duckdb');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('mscope ingest + trials on several registries', () => {
  it('ingests the files into one snapshot, warning about the damaged EUCTR block', async () => {
    const r = await cli(
      'ingest',
      join(FIX, 'anzctr.xml'),
      join(FIX, 'ctgov-fixture-lung.json'),
      join(FIX, 'euctr.txt'),
      join(FIX, 'ctis.json'),
      '--json',
    );
    expect(r.code).toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^warning: .*euctr\.txt: record 2 \(line \d+, EudraCT 2019-000123-45, France\)/);
    const out = JSON.parse(r.stdout) as {
      snapshot: { studyCount: number; formats: Record<string, number> };
      warnings: string[];
    };
    expect(out.snapshot.studyCount).toBe(5);
    expect(out.snapshot.formats).toEqual({
      'anzctr-xml': 1,
      'ctgov-v2-json': 1,
      'euctr-text': 2,
      'ctis-json': 1,
    });
    expect(out.warnings).toHaveLength(1);
  });

  it('groups the ANZCTR and ClinicalTrials.gov registrations of one trial, with the evidence', async () => {
    const r = await cli('trials', '--json');
    expect(r.code).toBe(0);
    const g = JSON.parse(r.stdout) as {
      registrations: number;
      trials: {
        id: string;
        registrations: { trialId: string }[];
        links: { kind: string; evidence: string[] }[];
      }[];
    };
    expect(g.registrations).toBe(5);
    expect(g.trials).toHaveLength(4);
    const t = g.trials.find((x) => x.registrations.length > 1)!;
    expect(t.id).toBe('NCT09999903');
    expect(t.registrations.map((x) => x.trialId)).toEqual(['NCT09999903', 'ACTRN12616099999901']);
    expect(t.links[0]).toMatchObject({
      kind: 'explicit',
      evidence: ['ACTRN12616099999901 names NCT09999903 as a secondary id'],
    });
    const text = await cli('trials');
    expect(text.stdout).toMatch(/5 registrations -> 4 trials/);
    expect(text.stdout).toMatch(/NCT09999903: NCT09999903 \(ctgov\) \+ ACTRN12616099999901 \(anzctr\)/);
  });

  it("studies --registrations carries each registration's registry and trial id", async () => {
    const r = await cli(
      'studies',
      '--registrations',
      '--format',
      'json',
      '--fields',
      'nctId,registry,trialId',
    );
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { registry: string; trialId: string }[];
    expect(rows.map((x) => `${x.registry}:${x.trialId}`).sort()).toEqual([
      'anzctr:ACTRN12616099999901',
      'ctgov:NCT09999903',
      'ctis:2024-512345-12-00',
      'euctr:2018-000999-11',
      'euctr:2019-000123-45',
    ]);
  });

  it('bad registry input: one line naming file and record, exit 1, database unchanged', async () => {
    const store = await openStore(db, { readOnly: true });
    const before = await fingerprint(store);
    await store.close();
    const bad = join(dir, 'bad-ictrp.xml');
    writeFileSync(
      bad,
      readFileSync(join(FIX, 'ictrp.xml'), 'utf8').replace(
        '<Date_registration>05/03/2019',
        '<Date_registration>31/02/2019',
      ),
    );
    const r = await cli('ingest', bad);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/bad-ictrp\.xml: record 2 \(line \d+\), field "Date_registration": invalid day/);
    const after = await openStore(db, { readOnly: true });
    expect(await fingerprint(after)).toBe(before);
    await after.close();
  });
});

describe('a folder of several registries: documentation skipped, exports per trial', () => {
  const COUNT = join(REPO_ROOT, 'tests', 'fixtures', 'trials', 'count');
  let db2: string;
  const cli2 = (...args: string[]) => runCli(['--db', db2, ...args]);
  beforeAll(() => {
    db2 = join(dir, 'count.duckdb');
  });

  it('ingest skips SOURCES.md with a one-line note (not an error) and reads the six registrations', async () => {
    const r = await cli2('ingest', COUNT, '--json');
    expect(r.code).toBe(0);
    expect(r.stderr.trim()).toBe(
      `mscope: note: skipped 1 documentation file (not registry records): ${join(COUNT, 'SOURCES.md')}`,
    );
    const out = JSON.parse(r.stdout) as { snapshot: { studyCount: number }; skipped: string[] };
    expect(out.snapshot.studyCount).toBe(6);
    expect(out.skipped).toEqual([join(COUNT, 'SOURCES.md')]);
    expect((await cli2('classify')).code).toBe(0);
  });

  it('studies exports one row per trial (its registrations named), --registrations one per registration', async () => {
    const trials = await cli2('studies', '--format', 'csv', '--fields', 'nctId,registry,firstPostedDate');
    expect(trials.code).toBe(0);
    expect(trials.stdout.trim().split('\n')).toEqual([
      'nctId,registry,firstPostedDate',
      'ACTRN12620099999924,anzctr,2020-03-09',
      'NCT09999921,ctgov,2019-04-18',
      'NCT09999922,ctgov,2019-12-20',
      'NCT09999923,ctgov,2022-05-09',
    ]);
    const json = JSON.parse((await cli2('studies', '--filter', 'registry=chictr')).stdout) as Array<{
      nctId: string;
      trial: { registrations: { trialId: string }[]; fieldsFrom: Record<string, string> };
    }>;
    expect(json.map((s) => s.nctId)).toEqual(['NCT09999922']);
    expect(json[0]!.trial.registrations.map((x) => x.trialId)).toEqual(['NCT09999922', 'ChiCTR1900099922']);
    expect(json[0]!.trial.fieldsFrom.firstPostedDate).toBe('ChiCTR1900099922');
    const regs = await cli2('studies', '--registrations', '--format', 'csv', '--fields', 'nctId');
    expect(regs.stdout.trim().split('\n')).toHaveLength(7);
  });
});
