/**
 * report.html in headless Chromium (Debian's /usr/bin/chromium via playwright-core): opens from file:// with no
 * console errors and no network requests, every figure has drawn marks with a visible size. Screenshots go to
 * artifacts/ (gitignored) for a human look.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { generateReport } from '../../src/present/report/index.js';
import { REPO_ROOT } from '../helpers/shared.js';
import { corpus } from '../fixtures/analyze/corpus.js';
import { checkReportPage, describeBrowser } from './page-check.js';

describeBrowser('report.html in headless Chromium', () => {
  it('opens without console errors or network, and every chart draws marks', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mscope-browser-'));
    const r = await generateReport(corpus(), {
      outDir: dir,
      snapshot: { id: 1, label: 'fixture', createdAt: null, sources: [], studyCount: 9 },
      rulesetVersion: 't',
    });
    const check = await checkReportPage(
      join(dir, 'report.html'),
      join(REPO_ROOT, 'artifacts', 'report-fixture.png'),
    );
    expect(check.errors).toEqual([]);
    expect(check.requests).toEqual([]);
    expect(check.figures.map((f) => f.id)).toEqual(r.data.figures.map((f) => `fig-${f.id}`));
    for (const f of check.figures) {
      expect(f.marks, f.id).toBeGreaterThan(0);
      expect(f.width, f.id).toBeGreaterThan(200);
      expect(f.height, f.id).toBeGreaterThan(80);
    }
  });
});
