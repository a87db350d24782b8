import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchLiterature } from '../../src/bench/literature.js';
import { REPO_ROOT } from '../helpers/shared.js';

describe('benchLiterature', () => {
  it('runs the reader + extractor over N replicated documents and reports the work done', async () => {
    // the fixture folder's two .txt documents name 3 (CORD-19 sample) and 2 (plain notes) trials
    const r = await benchLiterature({
      docs: 6,
      seedsDir: join(REPO_ROOT, 'tests', 'fixtures', 'literature', 'good'),
    });
    expect(r.docs).toBe(6);
    expect(r.mentions).toBe(3 * (3 + 2));
    expect(r.seconds).toBeGreaterThan(0);
    expect(Math.abs(r.docsPerSecond - r.docs / r.seconds) / (r.docs / r.seconds)).toBeLessThan(0.01);
  });

  it('a missing seeds folder is a clear error', async () => {
    await expect(benchLiterature({ docs: 1, seedsDir: '/nonexistent/seeds' })).rejects.toThrow(
      /no seeds folder/,
    );
  });
});
