/**
 * DuckDB's native module is loaded when a database is first opened, not when the CLI starts (`mscope --help`,
 * `--version` and usage errors do not wait ~0.2 s for it). Built CLI, in a child process: this test process has
 * loaded DuckDB long ago.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/shared.js';

const dist = (p: string): string => pathToFileURL(join(REPO_ROOT, 'dist', p)).href;

it('the CLI starts without DuckDB and loads it with the first database', () => {
  const script = `
    import { createRequire } from 'node:module';
    const require = createRequire(import.meta.url);
    const duck = () => Object.keys(require.cache).filter((k) => k.includes('@duckdb')).length > 0;
    const { main } = await import(${JSON.stringify(dist('present/cli/main.js'))});
    const code = await main(['node', 'mscope', '--version']);
    const atStart = duck();
    const { openStore } = await import(${JSON.stringify(dist('store/index.js'))});
    const store = await openStore(':memory:');
    const snapshots = await store.listSnapshots();
    await store.close();
    console.log(JSON.stringify({ code, atStart, afterOpen: duck(), snapshots: snapshots.length }));
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  const out = r.stdout.trim().split('\n');
  expect(out[0]).toMatch(/^\d+\.\d+\.\d+/); // the version line
  expect(JSON.parse(out.at(-1)!)).toEqual({ code: 0, atStart: false, afterOpen: true, snapshots: 0 });
});
