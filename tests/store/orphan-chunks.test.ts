import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeOrphanChunks } from '../../src/store/snapshots.js';

describe('chunk folders left by a killed ingest', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it("removes a dead writer's folder and keeps this process's, a live process's and foreign folders", () => {
    const base = mkdtempSync(join(tmpdir(), 'mscope-orphans-'));
    dirs.push(base);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid; // exited and reaped
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      const made = {
        dead: join(base, `ingest-${dead}-abc`),
        self: join(base, `ingest-${process.pid}-def`),
        live: join(base, `ingest-${live.pid}-ghi`),
        foreign: join(base, 'notes'),
      };
      for (const d of Object.values(made)) {
        mkdirSync(d);
        writeFileSync(join(d, 'studies-000000.csv'), 'x');
      }
      removeOrphanChunks(base);
      expect(existsSync(made.dead)).toBe(false);
      expect(existsSync(made.self)).toBe(true);
      expect(existsSync(made.live)).toBe(true);
      expect(existsSync(made.foreign)).toBe(true);
    } finally {
      live.kill();
    }
  });

  it('does nothing when the folder does not exist', () => {
    const missing = join(tmpdir(), `mscope-orphans-missing-${process.pid}`);
    expect(() => removeOrphanChunks(missing)).not.toThrow();
    expect(existsSync(missing)).toBe(false);
  });
});
