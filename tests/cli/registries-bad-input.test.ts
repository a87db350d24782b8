/**
 * Bad input in every registry format (issue 12): `mscope ingest` of a good file together with a damaged one fails
 * with one line naming the file and the record (and the field, when one is at fault), exits 1, and leaves the
 * database exactly as it was (the good file's records are not stored either). Hand-written fixtures
 * (tests/fixtures/registries), each damaged in one place here.
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
const fixture = (name: string): string => readFileSync(join(FIX, name), 'utf8');
let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mscope-bad-registry-'));
  db = join(dir, 'atlas.duckdb');
  const r = await runCli(['--db', db, 'ingest', join(FIX, 'ctgov-fixture-lung.json')]);
  expect(r.code).toBe(0);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** [format, file name, damaged content, the one line expected (after the file path)] */
const CASES: Array<[string, string, string, RegExp]> = [
  [
    'ICTRP XML: an element not closed',
    'ictrp.xml',
    fixture('ictrp.xml').replace('</Trial>\n  <Trial>', '\n  <Trial>'),
    /: record \d \(line \d+\): malformed XML/,
  ],
  [
    'ICTRP XML: a date that is none',
    'ictrp.xml',
    fixture('ictrp.xml').replace('<Date_registration>05/03/2019', '<Date_registration>sometime in 2019'),
    /: record 2 \(line \d+\), field "Date_registration": not a date: "sometime in 2019"/,
  ],
  [
    'ICTRP CSV: a trial id no registry issues',
    'ictrp.csv',
    fixture('ictrp.csv').replace('ACTRN12620099999901', 'XYZ-42'),
    /: record 2 \(line \d+\), field "TrialID": "XYZ-42" is not a registration number of a known registry/,
  ],
  [
    'ANZCTR XML: no trial id',
    'anzctr.xml',
    fixture('anzctr.xml').replace('ACTRN12616099999901p', ''),
    /: record 1, field "actrnumber": record has no trial id/,
  ],
  [
    'ANZCTR XML (CT.GOV_Trial root): malformed',
    'anzctr-ctgov.xml',
    fixture('anzctr-ctgov.xml').replace(/<\/([\w.]+)>\s*$/, '</$1'),
    /: record 1 \(line \d+\): malformed XML/,
  ],
  [
    'ChiCTR XML: an impossible date',
    'chictr.xml',
    fixture('chictr.xml').replace('2020-07-02', '32/13/2020'),
    /: record 1 \(line \d+\), field "main\.date_registration": invalid month/,
  ],
  [
    'CTIS JSON: a ctNumber that is none',
    'ctis.json',
    fixture('ctis.json').replace('2024-512345-12-00', '2024-X'),
    /: record 1, field "ctNumber": "2024-X" is not a registration number/,
  ],
  [
    'EUCTR text: a block whose EudraCT number is none, no other block',
    'euctr.txt',
    'Summary\nEudraCT Number: none\n',
    /: record 1 \(line 1\): no loadable trial record in the EUCTR download: EudraCT Number "none" is not a EudraCT number$/,
  ],
];

describe('bad registry input: one line naming file and record, exit 1, database unchanged', () => {
  it.each(CASES)(
    '%s',
    async (_what, name, content, line) => {
      const store = await openStore(db, { readOnly: true });
      const before = await fingerprint(store);
      await store.close();
      const bad = join(dir, `bad-${name}`);
      writeFileSync(bad, content);
      const r = await runCli(['--db', db, 'ingest', join(FIX, 'anzctr.xml'), bad]);
      expect(r.code).toBe(1);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(bad);
      expect(lines[0]!.slice(lines[0]!.indexOf(bad) + bad.length)).toMatch(line);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      const after = await openStore(db, { readOnly: true });
      expect(await fingerprint(after)).toBe(before);
      await after.close();
    },
    60_000,
  );
});
