/**
 * `mscope review` scripted from a pipe (non-TTY stdin), then `mscope validate` and `mscope eval --gold` with a
 * decisions export, as a user runs them (the built CLI).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { createFixtureDb, fixtureLabels } from '../server/fixture.js';

let dir: string;
let db: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mscope-review-cli-'));
  db = join(dir, 'r.duckdb');
  await createFixtureDb(db);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('mscope review | validate | eval --gold decisions', () => {
  it(
    'reviews a stored sample from a pipe, validates it and scores the export as gold',
    { timeout: 300_000 },
    async () => {
      const sampleArgs = [
        '--db',
        db,
        'review',
        '--snapshot',
        'fixture',
        '--sample',
        '4',
        '--seed',
        '7',
        '--fields',
        'category,donor',
      ];
      const list = await runCli([...sampleArgs, '--list']);
      expect(list.code).toBe(0);
      expect(list.stderr).toMatch(/sample "n4-seed7-snap1": 4 of 8 trials \(seed 7\)/);
      const ids = list.stdout
        .trim()
        .split('\n')
        .map((l) => l.split('\t')[0]!);
      expect(ids).toHaveLength(4);
      const labels = new Map(fixtureLabels().map((l) => [l.nctId, l]));
      // the first labelled trial: a typo (re-prompted), then a correction with a note; the rest accepted
      const firstLabelled = ids.find((id) => labels.has(id))!;
      const wrong = labels.get(firstLabelled)!.category === 'unrelated' ? 'msc_cells' : 'unrelated';
      const input = ids
        .flatMap((id) =>
          !labels.has(id)
            ? ['msc_cells', 'autologous']
            : id === firstLabelled
              ? ['msc_cellz', `${wrong} # checked the arms`, '']
              : ['', ''],
        )
        .join('\n');
      const r = await runCli([...sampleArgs, '--reviewer', 'ana'], { input: `${input}\n` });
      expect(r.stderr).toMatch(/sample "n4-seed7-snap1"/);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/invalid value "msc_cellz" for category/);
      expect(r.stdout).toMatch(
        /8 decision\(s\) saved \(\d+ accepted, \d+ changed\) on 4 trial\(s\); queue done/,
      );

      const v = await runCli(['--db', db, 'validate', '--json']);
      expect(v.code).toBe(0);
      const rep = JSON.parse(v.stdout) as {
        fields: Array<{ field: string; n: number; agree: number }>;
        trials: number;
      };
      const labelled = ids.filter((id) => labels.has(id)).length;
      expect(rep.trials).toBe(4);
      expect(rep.fields.find((f) => f.field === 'category')).toMatchObject({
        n: labelled,
        agree: labelled - 1,
      });
      const text = await runCli(['--db', db, 'validate']);
      expect(text.stdout).toMatch(
        /To validate the automatic labels, a random sample of 4 of the 8 registry records of snapshot 1/,
      );
      expect(text.stdout).toMatch(/\| category \| \d \| accuracy \|/);

      const gold = join(dir, 'gold.jsonl');
      expect((await runCli(['--db', db, 'decisions', 'export', '--out', gold])).code).toBe(0);
      const e = await runCli(['--db', db, 'eval', '--gold', gold, '--snapshot', 'fixture', '--json']);
      expect(e.code).toBe(0);
      const er = JSON.parse(e.stdout) as { fields: Array<{ field: string; n: number; agree: number }> };
      expect(er.fields.find((f) => f.field === 'category')).toMatchObject({
        n: labelled,
        agree: labelled - 1,
      });
    },
  );
});
