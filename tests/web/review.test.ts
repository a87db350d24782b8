/**
 * The review page in a real browser (Debian's /usr/bin/chromium via playwright-core) on the hand-made fixture
 * database: correct a label, reload (it persists), walk the queue (previous/next in analyze/queue.ts order), leave
 * the review and see the dashboard's counts follow. A screenshot of the review page goes to artifacts/review-page.png.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/present/server/index.js';
import { openStore } from '../../src/store/index.js';
import { CHROMIUM, HAS_CHROMIUM, launchChromium, settle as settleOn } from '../helpers/browser.js';
import { REPO_ROOT } from '../helpers/shared.js';
import { createFixtureDb, nct } from '../server/fixture.js';

const ARTIFACTS = join(REPO_ROOT, 'artifacts');
const describeBrowser = HAS_CHROMIUM ? describe : describe.skip;
if (!HAS_CHROMIUM)
  console.warn(`tests/web/review skipped: ${CHROMIUM} is absent (apt-get install -y chromium)`);

describeBrowser('review page in chromium', () => {
  let dir: string;
  let db: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  const settle = (action: () => Promise<unknown>): Promise<void> => settleOn(page, action);
  const includedCard = async () =>
    Number(
      ((await page.locator('#summary .card').nth(1).locator('.n').textContent()) ?? '').replace(/,/g, ''),
    );
  const shownTotal = async () => Number(await page.getAttribute('#count', 'data-total'));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mscope-review-web-'));
    db = join(dir, 'fixture.duckdb');
    await createFixtureDb(db);
    server = await startServer({ dbPath: db, port: 0, snapshot: 'fixture' });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(
    'corrects a label, which persists across a reload and changes the dashboard counts',
    { timeout: 180_000 },
    async () => {
      await page.goto(server.url);
      await page.waitForSelector('body[data-ready]');
      const total0 = await shownTotal(); // first visit: the included studies
      const included0 = await includedCard();
      expect(total0).toBe(included0);
      expect(await page.locator('#review-counts').getAttribute('data-trials')).toBe('0');

      // into the queue, then to the trial to correct
      await settle(() => page.click('#review-start'));
      expect(new URL(page.url()).searchParams.get('mode')).toBe('review');
      // the whole snapshot's queue (with the included filter the corrected trial would leave the queue)
      await settle(() => page.goto(`${server.url}?nct=${nct(1001)}&mode=review`));
      expect(await page.locator('#rv-pos').textContent()).toMatch(/of \d+ in the queue/);
      expect(await page.locator('#rv-category').inputValue()).toBe('msc_cells'); // the classifier's value, shown
      expect(((await page.locator('#rv-row-category .rv-classifier').textContent()) ?? '').trim()).not.toBe(
        '',
      );
      expect(await page.locator('mark').count()).toBeGreaterThan(0); // the evidence is highlighted in the study text

      await page.fill('#rv-reviewer', 'ana');
      await page.selectOption('#rv-category', 'unrelated');
      await page.fill('#rv-note-category', 'the product is not given to patients');
      await settle(() => page.click('#rv-save-category'));
      await page.waitForSelector('#rv-row-category[data-decided="true"]');
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'review-page.png'), fullPage: true });

      await settle(() => page.reload());
      expect(await page.locator('#rv-category').inputValue()).toBe('unrelated');
      expect(await page.locator('#rv-row-category').getAttribute('data-decided')).toBe('true');
      expect(await page.locator('#rv-row-category').textContent()).toMatch(
        /decided by ana \(classifier differs\)/,
      );
      expect(await page.locator('#rv-reviewer').inputValue()).toBe('ana');

      // next/previous walk the queue in its order (analyze/queue.ts, served by /api/review/queue)
      const queue = (await (await fetch(`${server.url}api/review/queue`)).json()) as {
        items: Array<{ nctId: string }>;
      };
      const order = queue.items.map((i) => i.nctId);
      expect(order).toHaveLength(8);
      const pos = (await page.locator('#rv-pos').textContent()) ?? '';
      const k = Number(pos.split(' ')[0]);
      expect(order[k - 1]).toBe(nct(1001));
      expect(k).toBeLessThan(order.length);
      await settle(() => page.click('#rv-next'));
      expect(await page.locator('#rv-pos').textContent()).toMatch(new RegExp(`^${k + 1} of`));
      expect(new URL(page.url()).searchParams.get('nct')).toBe(order[k]);
      await settle(() => page.click('#rv-prev'));
      expect(new URL(page.url()).searchParams.get('nct')).toBe(nct(1001));

      await settle(() => page.click('#rv-close'));
      expect(await includedCard()).toBe(included0 - 1);
      await settle(() => page.goto(`${server.url}?included=true`));
      expect(await shownTotal()).toBe(total0 - 1);
      expect(await includedCard()).toBe(included0 - 1);
      expect(await page.locator('#review-counts').getAttribute('data-trials')).toBe('1');
      expect(await page.locator('#review-counts').textContent()).toMatch(
        /Reviewed: 1 trial \(1 field\); the classifier differs on 1 field\b/,
      );

      // the filter "review: reviewed" shows exactly that trial
      await settle(() => page.goto(`${server.url}?review=reviewed`));
      expect(await shownTotal()).toBe(1);
      expect(problems).toEqual([]);

      await server.close();
      const store = await openStore(db, { readOnly: true });
      const ds = await store.listDecisions();
      await store.close();
      expect(ds.map((d) => [d.nctId, d.field, d.value, d.reviewer, d.note])).toEqual([
        [nct(1001), 'category', 'unrelated', 'ana', 'the product is not given to patients'],
      ]);
      server = await startServer({ dbPath: db, port: 0, snapshot: 'fixture' });
    },
  );

  it('a --read-only server shows the decisions but cannot save', { timeout: 60_000 }, async () => {
    const ro = await startServer({ dbPath: db, port: 0, snapshot: 'fixture', readOnly: true });
    try {
      await page.goto(`${ro.url}?nct=${nct(1001)}&mode=review`);
      await page.waitForSelector('body[data-ready]');
      expect(await page.locator('.review-panel .warning').textContent()).toMatch(/read-only/);
      expect(await page.locator('#rv-save-category').isDisabled()).toBe(true);
      expect(await page.locator('#rv-category').inputValue()).toBe('unrelated'); // the decision saved above
      expect(await page.locator('meta[name="mscope-token"]').count()).toBe(0);
    } finally {
      await ro.close();
    }
  });
});
