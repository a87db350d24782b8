import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Labels } from '../../src/model/labels.js';
import { openStore, type SnapshotInfo } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/shared.js';
import { labels } from '../fixtures/analyze/build.js';
import { fingerprint } from '../store/fingerprint.js';

const FIX = join(REPO_ROOT, 'tests', 'fixtures', 'cli');
const EXPORT = join(FIX, 'export-small.json');
const UPDATES = join(FIX, 'updates.ndjson');
const BAD = join(FIX, 'bad', 'bad-middle.ndjson');

let dir: string;
let db: string;
const cli = (...args: string[]) => runCli(['--db', db, ...args]);

async function dbFingerprint(): Promise<string> {
  const store = await openStore(db, { readOnly: true });
  try {
    return await fingerprint(store);
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mscope-cli-'));
  db = join(dir, 'atlas.duckdb');
  const first = await cli('ingest', EXPORT, '--label', 'first', '--json');
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('mscope ingest', () => {
  it('created one snapshot from the export and reports it as JSON', async () => {
    const r = await cli('snapshots', '--json');
    expect(r.code).toBe(0);
    const snaps = JSON.parse(r.stdout) as SnapshotInfo[];
    expect(snaps).toHaveLength(1);
    expect(snaps[0]).toMatchObject({
      id: 1,
      label: 'first',
      studyCount: 3,
      duplicatesDropped: 0,
      kind: 'ingest',
    });
    expect(snaps[0]!.formats).toEqual({ 'ctgov-v2-json': 3 });
    expect(snaps[0]!.sources).toEqual([EXPORT]);
  });

  it('ingests several files (a directory expands to its files) into ONE snapshot, newest record wins', async () => {
    const sub = join(dir, 'inputs');
    const { mkdirSync, copyFileSync } = await import('node:fs');
    mkdirSync(sub);
    copyFileSync(UPDATES, join(sub, 'b-updates.ndjson'));
    copyFileSync(EXPORT, join(sub, 'a-export.json'));
    writeFileSync(join(sub, '.hidden'), 'ignored dotfile');
    const r = await cli('ingest', sub, '--label', 'second');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/snapshot 2 "second" created: 4 studies from 2 files/);
    expect(r.stdout).toMatch(/duplicates dropped: 1/);
    expect(r.stdout).toMatch(/formats: ctgov-v2-json 4/);
    expect(r.stdout).toMatch(/elapsed: \d+\.\d s/);
    const snaps = JSON.parse((await cli('snapshots', '--json')).stdout) as SnapshotInfo[];
    expect(snaps[1]!.sources).toEqual([join(sub, 'a-export.json'), join(sub, 'b-updates.ndjson')]);
    const ndjson = await cli(
      'studies',
      '--snapshot',
      'second',
      '--format',
      'ndjson',
      '--fields',
      'nctId,briefTitle',
    );
    expect(
      ndjson.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual([
      { nctId: 'NCT90000001', briefTitle: 'Bone marrow stromal cells in heart failure' },
      { nctId: 'NCT90000002', briefTitle: 'Adipose-derived cells, updated' },
      { nctId: 'NCT90000003', briefTitle: 'Umbilical cord MSC for knee osteoarthritis' },
      { nctId: 'NCT90000004', briefTitle: 'Exosomes from MSC in ARDS' },
    ]);
  });

  it('a bad record in the middle: exit 1 naming file and line, database unchanged', async () => {
    const before = await dbFingerprint();
    const r = await cli('ingest', UPDATES, BAD, '--label', 'broken');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad-middle\.ndjson.*line 2/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(await dbFingerprint()).toBe(before);
  });

  it('a failed first ingest leaves no database file behind', async () => {
    const fresh = join(dir, 'fresh.duckdb');
    const r = await runCli(['--db', fresh, 'ingest', BAD]);
    expect(r.code).toBe(1);
    expect(existsSync(fresh)).toBe(false);
    expect(existsSync(`${fresh}.wal`)).toBe(false);
  });

  it('a missing path: exit 1 naming it, database unchanged', async () => {
    const before = await dbFingerprint();
    const r = await cli('ingest', join(dir, 'nope.json'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nope\.json: no such file/);
    expect(await dbFingerprint()).toBe(before);
  });

  it('usage errors exit 2', async () => {
    expect((await cli('ingest')).code).toBe(2);
    const dup = await cli('ingest', EXPORT, '--label', 'first');
    expect(dup.code).toBe(2);
    expect(dup.stderr).toMatch(/label "first" is already used by snapshot 1/);
  });

  it('--help works for each command', async () => {
    for (const c of ['ingest', 'snapshots', 'studies']) {
      const r = await cli(c, '--help');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`Usage: mscope ${c}`));
    }
  });
});

describe('mscope snapshots', () => {
  it('prints a table', async () => {
    const r = await cli('snapshots');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^id\s+label\s+created\s+kind\s+studies/);
    expect(lines.find((l) => /^1\s+first\s/.test(l))).toMatch(/ingest\s+3\s/);
  });

  it('a database that does not exist is a clear error', async () => {
    const r = await runCli(['--db', join(dir, 'none.duckdb'), 'snapshots']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/none\.duckdb: no database here/);
  });
});

describe('mscope studies', () => {
  it('exports JSON: full normalized studies in NCT order', async () => {
    const r = await cli('studies', '--snapshot', '1');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(rows.map((s) => s.nctId)).toEqual(['NCT90000001', 'NCT90000002', 'NCT90000003']);
    const s3 = rows[2]!;
    expect(s3.phases).toEqual(['PHASE1', 'PHASE2']);
    expect(s3.startDate).toEqual({ value: '2021-05', precision: 'month', type: 'ACTUAL' });
    expect((s3.provenance as { file: string }).file).toBe(EXPORT);
    expect(s3).not.toHaveProperty('category'); // no labels yet
  });

  it('exports CSV with arrays joined by the one list separator "; " and dates as ISO values', async () => {
    const r = await cli('studies', '--snapshot', 'first', '--format', 'csv');
    expect(r.code).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(3);
    const s3 = rows.find((x) => x.nctId === 'NCT90000003')!;
    expect(s3.phases).toBe('PHASE1; PHASE2');
    expect(s3.countries).toBe('France; Spain'); // distinct countries (locations.country repeats one per site)
    expect(s3.startDate).toBe('2021-05');
    expect(s3['leadSponsor.name']).toBe('Example University');
    expect(rows.find((x) => x.nctId === 'NCT90000001')!.hasResults).toBe('true');
  });

  it('selects fields (dotted paths) and writes --out only when complete', async () => {
    const out = join(dir, 'sel.csv');
    const r = await cli(
      'studies',
      '--snapshot',
      'first',
      '--format',
      'csv',
      '--fields',
      'nctId,lastUpdatePostedDate.value,overallStatus',
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(parse(readFileSync(out, 'utf8'))).toEqual([
      ['nctId', 'lastUpdatePostedDate.value', 'overallStatus'],
      ['NCT90000001', '2020-07-15', 'COMPLETED'],
      ['NCT90000002', '2019-01-10', 'NOT_YET_RECRUITING'],
      ['NCT90000003', '2022-02-01', 'RECRUITING'],
    ]);
    // the CSV's provenance in a sidecar file
    const p = JSON.parse(readFileSync(`${out}.provenance.json`, 'utf8'));
    expect(p).toMatchObject({
      generator: { name: 'mscope' },
      snapshot: { label: 'first', studyCount: 3 },
      rulesetVersion: null,
      fields: ['nctId', 'lastUpdatePostedDate.value', 'overallStatus'],
      rows: 3,
      files: [out],
    });
    expect(p.command).toMatch(
      /^mscope .*studies --snapshot first --format csv --fields nctId,lastUpdatePostedDate\.value,overallStatus --out /,
    );
  });

  it('unknown field: usage error (exit 2) listing the valid ones', async () => {
    const r = await cli('studies', '--fields', 'nctId,bogus');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown field "bogus"/);
    expect(r.stderr).toMatch(/leadSponsor\{name,class\}/);
    expect(r.stdout).toBe('');
  });

  it('unknown snapshot: exit 1 with a message; bad --format: exit 2', async () => {
    const r = await cli('studies', '--snapshot', 'nope');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unknown snapshot "nope"; known snapshots: 1 \(first\)/);
    const f = await cli('studies', '--format', 'xml');
    expect(f.code).toBe(2);
    expect(f.stderr).toMatch(/--format/);
  });

  it('a failed export to --out leaves an existing file untouched', async () => {
    const out = join(dir, 'keep.json');
    writeFileSync(out, 'precious');
    const r = await cli('studies', '--snapshot', '99', '--out', out);
    expect(r.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('precious');
    expect(readdirSync(dir).filter((f) => f.startsWith('keep.json.tmp-'))).toEqual([]);
  });

  it('carries labels as top-level keys (json, ndjson) and columns (csv) once the snapshot is classified', async () => {
    const store = await openStore(db);
    const mk = (nctId: string, category: Labels['category']): Labels =>
      labels(nctId, {
        rulesetVersion: 'test-1',
        category,
        included: category !== 'unrelated',
        screeningReason: category === 'unrelated' ? 'exclude.no_msc_mention' : 'include.msc_cells',
        sources: category === 'unrelated' ? [] : ['umbilical_cord', 'bone_marrow'],
        donor: 'allogeneic',
        routes: ['intra_articular'],
        specialty: 'musculoskeletal',
        evidence: [
          {
            label: 'sources',
            value: 'umbilical_cord',
            field: 'briefTitle',
            start: 0,
            end: 15,
            text: 'Umbilical cord ',
            rule: 't.r',
          },
        ],
      });
    // NCT90000003's labels carry reason codes; NCT90000001's were stored before the codes existed
    const withReasons: Labels = {
      ...mk('NCT90000003', 'msc_cells'),
      reasons: {
        sources: 'stated.title',
        donor: 'perinatal_implied',
        modifications: 'none_stated',
        biomaterial: 'none_stated',
        routes: 'stated.intervention',
        covid19: 'none_stated',
        specialty: 'matched',
        product: 'none_named',
        dose: 'none_stated',
      },
    };
    try {
      await store.saveLabels(1, 'test-1', [withReasons, mk('NCT90000001', 'unrelated')]);
    } finally {
      await store.close();
    }
    const json = JSON.parse((await cli('studies', '--snapshot', '1')).stdout) as Array<
      Record<string, unknown>
    >;
    const s3 = json.find((s) => s.nctId === 'NCT90000003')!;
    expect(s3.category).toBe('msc_cells');
    expect(s3.sources).toEqual(['umbilical_cord', 'bone_marrow']);
    expect((s3.evidence as unknown[]).length).toBe(1);
    expect(s3.reasons).toEqual(withReasons.reasons);
    expect(json.find((s) => s.nctId === 'NCT90000001')!.reasons).toBeNull();
    expect(json.find((s) => s.nctId === 'NCT90000002')!.category).toBeNull();

    const nd = (
      await cli('studies', '--snapshot', '1', '--format', 'ndjson', '--fields', 'nctId,category,routes')
    ).stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as unknown);
    expect(nd[0]).toEqual({ nctId: 'NCT90000001', category: 'unrelated', routes: ['intra_articular'] });
    const rs = (
      await cli('studies', '--snapshot', '1', '--format', 'ndjson', '--fields', 'nctId,reasons')
    ).stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { reasons: unknown });
    expect(rs.map((r) => r.reasons)).toEqual([null, null, withReasons.reasons]);

    const csv = parse((await cli('studies', '--snapshot', '1', '--format', 'csv')).stdout, {
      columns: true,
    }) as Array<Record<string, string>>;
    const c3 = csv.find((x) => x.nctId === 'NCT90000003')!;
    expect(c3.category).toBe('msc_cells');
    expect(c3.sources).toBe('umbilical_cord; bone_marrow');
    expect(JSON.parse(c3.evidence!)).toEqual([
      expect.objectContaining({ rule: 't.r', text: 'Umbilical cord ' }),
    ]);
    expect(JSON.parse(c3.reasons!)).toEqual(withReasons.reasons);
    expect(csv.find((x) => x.nctId === 'NCT90000001')!.reasons).toBe('');
    expect(csv.find((x) => x.nctId === 'NCT90000002')!.category).toBe('');
  });
});
