/** `mscope decisions add|list|export|import|conflicts` as a user runs them (the built CLI). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { createFixtureDb, nct } from '../server/fixture.js';

let dir: string;
let db: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mscope-decisions-cli-'));
  db = join(dir, 'a.duckdb');
  await createFixtureDb(db);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('mscope decisions', () => {
  it(
    'adds, exports, imports into a second database and lists conflicts between reviewers',
    { timeout: 240_000 },
    async () => {
      const add = await runCli([
        '--db',
        db,
        'decisions',
        'add',
        '--snapshot',
        'fixture',
        '--nct',
        nct(1001),
        '--field',
        'category',
        '--value',
        'stromal_mixture',
        '--reviewer',
        'ana',
        '--note',
        'not expanded',
      ]);
      expect(add.stderr).toBe('');
      expect(add.code).toBe(0);
      expect(add.stdout).toMatch(/NCT00001001 category = stromal_mixture \(classifier: msc_cells\) by ana/);
      const add2 = await runCli([
        '--db',
        db,
        'decisions',
        'add',
        '--snapshot',
        'fixture',
        '--nct',
        nct(1002),
        '--field',
        'routes',
        '--value',
        'intravenous|inhalation',
        '--reviewer',
        'ana',
      ]);
      expect(add2.code).toBe(0);

      const csv = join(dir, 'ana.csv');
      const exp = await runCli(['--db', db, 'decisions', 'export', '--out', csv]);
      expect(exp.code).toBe(0);
      const text = readFileSync(csv, 'utf8');
      expect(text.split('\n')[0]).toBe(
        'nct_id,field,value,note,reviewer,decided_at,classifier_value,ruleset_version,snapshot_id',
      );
      expect(text).toContain('NCT00001002,routes,inhalation|intravenous,,ana,');

      // reviewer 2 decides differently on the same trial, in their own database, then imports ana's decisions
      const db2 = join(dir, 'b.duckdb');
      await createFixtureDb(db2);
      await runCli([
        '--db',
        db2,
        'decisions',
        'add',
        '--snapshot',
        'fixture',
        '--nct',
        nct(1001),
        '--field',
        'category',
        '--value',
        'msc_cells',
        '--reviewer',
        'ben',
      ]);
      const imp = await runCli(['--db', db2, 'decisions', 'import', csv]);
      expect(imp.code).toBe(0);
      expect(imp.stdout).toMatch(/2 decision\(s\) added, 0 already present/);
      expect(imp.stdout).toMatch(/1 conflict\(s\) between reviewers/);
      expect(imp.stdout).toMatch(/NCT00001001\s+category\s+ana: stromal_mixture; ben: msc_cells/);
      const again = await runCli(['--db', db2, 'decisions', 'import', csv]);
      expect(again.stdout).toMatch(/0 decision\(s\) added, 2 already present/);
      const list = await runCli(['--db', db2, 'decisions', 'list', '--json']);
      expect((JSON.parse(list.stdout) as unknown[]).length).toBe(3);
    },
  );

  it(
    'rejects a bad decisions file with one line naming file, record and field, and imports nothing',
    { timeout: 120_000 },
    async () => {
      const bad = join(dir, 'bad.jsonl');
      writeFileSync(
        bad,
        [
          JSON.stringify({
            nctId: nct(1003),
            field: 'donor',
            value: 'autologous',
            reviewer: 'ana',
            decidedAt: '2026-12-01T00:00:00Z',
          }),
          JSON.stringify({
            nctId: nct(1004),
            field: 'donor',
            value: 'autologus',
            reviewer: 'ana',
            decidedAt: '2026-12-01T00:00:00Z',
          }),
        ].join('\n'),
      );
      const before = await runCli(['--db', db, 'decisions', 'list', '--json']);
      const r = await runCli(['--db', db, 'decisions', 'import', bad]);
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(
        /bad\.jsonl: record 2 \(line 2\), field "value": invalid value "autologus" for donor/,
      );
      const after = await runCli(['--db', db, 'decisions', 'list', '--json']);
      expect(after.stdout).toBe(before.stdout);
    },
  );
});
