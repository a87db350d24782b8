/** Issue 11 #6: ingesting a title-level export (website CSV, no descriptions) says labels will be weak and names the fix. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/shared.js';

const FX = join(REPO_ROOT, 'tests', 'fixtures', 'sources');

describe('ingest of a title-level export', { timeout: 30_000 }, () => {
  it('prints one note naming mscope fetch --ids-from; full records print none', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mscope-title-'));
    const csv = join(FX, 'classic-export.csv');
    const a = await runCli(['--db', join(dir, 'a.duckdb'), 'ingest', csv]);
    expect(a.code, a.stderr).toBe(0);
    const lines = a.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^mscope: note: \d+ of \d+ studies come from a title-level export .*labels will be weak/,
    );
    expect(lines[0]).toContain(`mscope fetch --ids-from ${csv}`);
    const b = await runCli(['--db', join(dir, 'b.duckdb'), 'ingest', join(FX, 'v2-study.json')]);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stderr).toBe('');
  });
});
