/**
 * The study page of a trial registered in several registries, in Chromium: every registration with its registry,
 * id and public link, how it was linked (explicit by secondary id with ICTRP's bridging flag; probable with its
 * score) with the evidence of each link, and which fields each registration supplies. Fixture: hand-written
 * registrations (tests/server/trials-fixture.ts). Screenshot: artifacts/dashboard-trial.png.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/present/server/index.js';
import { CHROMIUM, HAS_CHROMIUM, launchChromium, settle } from '../helpers/browser.js';
import { REPO_ROOT } from '../helpers/shared.js';
import { trialsDatabase } from '../server/trials-fixture.js';

const ARTIFACTS = join(REPO_ROOT, 'artifacts');
const describeBrowser = HAS_CHROMIUM ? describe : describe.skip;
if (!HAS_CHROMIUM) console.warn(`tests/web/trial-registrations skipped: ${CHROMIUM} is absent`);

describeBrowser('study page of a trial registered in several registries (chromium)', () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    const made = await trialsDatabase();
    dir = made.dir;
    server = await startServer({ dbPath: made.db, port: 0 });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const rowOf = (id: string) => page.locator(`#trial-registrations tr[data-registration="${id}"]`);

  it('lists every registration, how it was linked, the evidence and what each supplies', async () => {
    await page.goto(`${server.url}?nct=NCT09999931`);
    await page.waitForSelector('#trial-registrations');
    await page.waitForSelector('body[data-ready]');
    expect(await page.locator('#regs-h').textContent()).toBe('Registrations of this trial (3)');
    expect(await page.locator('#trial-registrations tbody tr').count()).toBe(3);

    const ctgov = rowOf('NCT09999931');
    expect(await ctgov.getAttribute('data-link')).toBe('primary');
    expect(await ctgov.locator('td').first().textContent()).toBe('ClinicalTrials.gov');
    expect(await ctgov.locator('a.registration-link').getAttribute('href')).toBe(
      'https://clinicaltrials.gov/study/NCT09999931',
    );
    expect(await ctgov.locator('td.supplies').textContent()).toMatch(
      /^brief title, official title, .*labels$/,
    );

    const jprn = rowOf('JPRN-jRCT2031200931');
    expect(await jprn.getAttribute('data-link')).toBe('explicit');
    expect(await jprn.locator('td').first().textContent()).toBe('Japan Primary Registries Network');
    expect(await jprn.locator('td').nth(2).textContent()).toContain(
      'explicit (secondary id, ICTRP bridging flag) with NCT09999931',
    );
    expect(await jprn.locator('a.registration-link').getAttribute('href')).toBe(
      'https://trialsearch.who.int/Trial2.aspx?TrialID=JPRN-jRCT2031200931',
    );
    expect(await jprn.locator('td.supplies').textContent()).toBe('—');

    const chictr = rowOf('ChiCTR2100099931');
    expect(await chictr.getAttribute('data-link')).toBe('probable');
    expect(await chictr.locator('td').nth(2).textContent()).toMatch(
      /probable \(score (0\.\d\d|1\.00)\) with NCT09999931/,
    );
    expect(await chictr.locator('td.supplies').textContent()).toBe('first posted');

    // the evidence of each link: the explicit one names the secondary id and the bridging flag
    const explicit = page.locator('#trial-registrations .trial-links > li[data-kind="explicit"]');
    expect(await explicit.count()).toBe(1);
    expect(await explicit.locator('li').allTextContents()).toEqual([
      'JPRN-jRCT2031200931 names NCT09999931 as a secondary id',
      'ICTRP flags JPRN-jRCT2031200931 as bridged to another registration (child)',
    ]);
    const probable = page.locator('#trial-registrations .trial-links > li[data-kind="probable"]');
    expect(await probable.count()).toBeGreaterThanOrEqual(1);
    expect((await probable.first().locator('li').allTextContents()).join('\n')).toMatch(/^titles share/);

    // the header link names the site it leads to
    expect(await page.locator('#registry-link').textContent()).toBe('View on ClinicalTrials.gov ↗');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-trial.png'), fullPage: false });
    expect(problems).toEqual([]);
  });

  it('a registration id of the trial opens the same page; a single registration has no such section', async () => {
    await settle(page, () => page.goto(`${server.url}?nct=ChiCTR2100099931`));
    await page.waitForSelector('#trial-registrations');
    expect(await page.locator('#study strong').first().textContent()).toBe('NCT09999931');
    expect(await page.locator('#trial-registrations tbody tr').count()).toBe(3);

    await settle(page, () => page.goto(`${server.url}?nct=ACTRN12620099999924`));
    await page.waitForSelector('#study-title');
    expect(await page.locator('#trial-registrations').count()).toBe(0);
    expect(await page.locator('#registry-link').textContent()).toBe('View on WHO ICTRP ↗');
    expect(problems).toEqual([]);
  });
});
