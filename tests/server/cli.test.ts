/** `mscope serve` as a user runs it (built CLI in a child process): help, usage errors, start, answer, stop. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, runCli } from '../helpers/cli.js';
import { createFixtureDb, FIXTURE_COUNT } from './fixture.js';

let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mscope-serve-cli-'));
  db = join(dir, 'fixture.duckdb');
  await createFixtureDb(db);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('mscope serve', () => {
  it('--help documents the options', async () => {
    const r = await runCli(['serve', '--help']);
    expect(r.code).toBe(0);
    for (const opt of ['--snapshot', '--host', '--port', '--json']) expect(r.stdout).toContain(opt);
    expect(r.stdout).toContain('127.0.0.1');
  });

  it('a bad port is a usage error (exit 2)', async () => {
    const r = await runCli(['--db', db, 'serve', '--port', '99999']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--port/);
  });

  it('a missing database or snapshot fails with one clear line (exit 1)', async () => {
    const missing = await runCli(['--db', join(dir, 'nope.duckdb'), 'serve', '--port', '0']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^mscope: .*nope\.duckdb/);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    const snap = await runCli(['--db', db, 'serve', '--port', '0', '--snapshot', 'no-such-label']);
    expect(snap.code).toBe(1);
    expect(snap.stderr).toMatch(/no-such-label/);
  });

  it('starts on 127.0.0.1, answers the API, and stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [CLI, '--db', db, 'serve', '--port', '0', '--json', '--snapshot', 'fixture'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        out += d;
        if (out.includes('\n')) resolve(out.split('\n')[0]!);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    const info = JSON.parse(line) as { url: string; studies: number };
    expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(info.studies).toBe(FIXTURE_COUNT);
    const res = await fetch(`${info.url}api/studies?pageSize=1`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { total: number }).total).toBe(FIXTURE_COUNT);
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', (c) => resolve(c));
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
  });
});
