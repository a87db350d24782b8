/**
 * A report run killed while writing leaves `<file>.tmp-<pid>` files beside the report (issue 16: no partial files
 * after a kill). The next run removes those of processes that are gone and keeps everything else.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeStaleTemps } from '../../src/present/report/write.js';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('stale temp files of a killed report run', () => {
  it('are removed when their process is gone; live ones, our own and real files stay', async () => {
    dir = mkdtempSync(join(tmpdir(), 'mscope-stale-'));
    mkdirSync(join(dir, 'tables'));
    mkdirSync(join(dir, 'figures'));
    const gone = 2_147_483_000; // no such process
    const files = {
      dead: [`report.html.tmp-${gone}`, `tables/studies.csv.tmp-${gone}`, `figures/years.svg.tmp-${gone}`],
      kept: [
        'report.html',
        'tables/studies.csv',
        `report.md.tmp-${process.pid}`,
        `report.json.tmp-${process.ppid}`,
      ],
    };
    for (const f of [...files.dead, ...files.kept]) writeFileSync(join(dir, f), 'x');
    const removed = await removeStaleTemps(dir);
    expect(removed.sort()).toEqual([...files.dead].sort());
    for (const f of files.dead) expect(existsSync(join(dir, f)), f).toBe(false);
    for (const f of files.kept) expect(existsSync(join(dir, f)), f).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(
      [
        'figures',
        'report.html',
        `report.json.tmp-${process.ppid}`,
        `report.md.tmp-${process.pid}`,
        'tables',
      ].sort(),
    );
  });
  it('a missing output folder is not an error', async () => {
    dir = mkdtempSync(join(tmpdir(), 'mscope-stale-'));
    expect(await removeStaleTemps(join(dir, 'nope'))).toEqual([]);
  });
});
