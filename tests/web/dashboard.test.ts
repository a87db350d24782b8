/**
 * The dashboard in a real browser (Debian's /usr/bin/chromium driven by playwright-core) on the real corpus:
 * ../shared classic studies ingested and classified into a temporary database. Filters applied through the
 * UI, table count vs. /api/studies, a chart click, the study page's evidence highlights, URL round-trip
 * (reload, back button), no CSP violation, and a screenshot in artifacts/ to look at.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { classifyAll, RULESET_VERSION } from '../../src/classify/index.js';
import type { Study } from '../../src/model/study.js';
import { startServer, type RunningServer } from '../../src/present/server/index.js';
import { readStudies } from '../../src/sources/index.js';
import { openStore } from '../../src/store/index.js';
import { CHROMIUM, HAS_CHROMIUM, launchChromium, settle as settleOn } from '../helpers/browser.js';
import { CLASSIC_NDJSON, describeShared, REPO_ROOT } from '../helpers/shared.js';

const ARTIFACTS = join(REPO_ROOT, 'artifacts');
const SUBSET = 200;

const describeBrowser = (HAS_CHROMIUM ? describeShared : describeShared.skip) as typeof describeShared;
if (!HAS_CHROMIUM) console.warn(`tests/web skipped: ${CHROMIUM} is absent (apt-get install -y chromium)`);

describeBrowser('dashboard in chromium on the classic corpus', () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  const settle = (action: () => Promise<unknown>): Promise<void> => settleOn(page, action);

  async function apiTotal(search: string): Promise<number> {
    const q = new URLSearchParams(search);
    for (const k of ['nct', 'page', 'pageSize']) q.delete(k);
    const res = await fetch(`${server.url}api/studies?${q.toString()}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { total: number }).total;
  }

  const shownTotal = async () => Number(await page.getAttribute('#count', 'data-total'));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mscope-web-'));
    const db = join(dir, 'classic.duckdb');
    const store = await openStore(db);
    try {
      const snap = await store.createSnapshot(
        { label: 'classic', sources: [CLASSIC_NDJSON] },
        readStudies(CLASSIC_NDJSON),
      );
      const studies: Study[] = [];
      for await (const s of store.iterStudies(snap.id)) studies.push(s);
      await store.saveLabels(snap.id, RULESET_VERSION, classifyAll(studies));
      // a second, unlabelled snapshot of the first SUBSET studies, for the snapshot picker
      async function* firstStudies() {
        let n = 0;
        for await (const r of readStudies(CLASSIC_NDJSON)) {
          if (n++ >= SUBSET) return;
          yield r;
        }
      }
      await store.createSnapshot({ label: 'subset', sources: [CLASSIC_NDJSON] }, firstStudies());
    } finally {
      await store.close();
    }
    server = await startServer({ dbPath: db, port: 0, snapshot: 'classic' });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith('data:'))
        problems.push(`external request: ${r.url()}`);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('filters through the UI, keeps the URL in sync, and shows evidence on the study page', async () => {
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready]');
    // first visit: the included MSC studies, written into the URL
    expect(new URL(page.url()).searchParams.get('included')).toBe('true');
    const start = await shownTotal();
    expect(start).toBe(await apiTotal(new URL(page.url()).search));
    expect(await page.locator('#charts figure').count()).toBeGreaterThanOrEqual(8);
    expect(await page.locator('#charts svg').count()).toBeGreaterThanOrEqual(8);

    // filter 1: a checkbox in the Phase facet, with the keyboard (focus stays on it after the re-render)
    await page.locator('details.facet:has(input[name="phase"]) > summary').focus();
    await page.keyboard.press('Enter');
    const phaseBox = page.locator('input[name="phase"][value="PHASE2"]');
    await phaseBox.focus();
    const boxId = await phaseBox.getAttribute('id');
    await settle(() => page.keyboard.press('Space'));
    expect(await phaseBox.isChecked()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(boxId);
    const afterPhase = await shownTotal();
    expect(afterPhase).toBeLessThan(start);
    expect(afterPhase).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.getAll('phase')).toEqual(['PHASE2']);
    expect(afterPhase).toBe(await apiTotal(new URL(page.url()).search));

    // filter 2: free-text search typed with the keyboard
    await page.locator('#f-text').focus();
    await page.keyboard.type('cord');
    await settle(() => page.keyboard.press('Enter'));
    const afterText = await shownTotal();
    expect(afterText).toBeLessThan(afterPhase);
    expect(afterText).toBeGreaterThan(0);
    const filteredUrl = page.url();
    expect(new URL(filteredUrl).searchParams.get('text')).toBe('cord');
    expect(afterText).toBe(await apiTotal(new URL(filteredUrl).search));
    // the table's pager agrees with the count
    expect(await page.locator('.pager').textContent()).toContain(`of ${afterText.toLocaleString('en')}`);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard.png'), fullPage: true });

    // reload: same filter, same count, controls restored
    await page.reload();
    await page.waitForSelector('body[data-ready]');
    expect(page.url()).toBe(filteredUrl);
    expect(await shownTotal()).toBe(afterText);
    expect(await page.locator('input[name="phase"][value="PHASE2"]').isChecked()).toBe(true);
    expect(await page.locator('#f-text').inputValue()).toBe('cord');

    // back button: the previous filter state (phase only)
    await settle(() => page.goBack());
    expect(new URL(page.url()).searchParams.get('text')).toBeNull();
    expect(await shownTotal()).toBe(afterPhase);
    await settle(() => page.goForward());
    expect(await shownTotal()).toBe(afterText);

    // study page: evidence spans highlighted with the rule id as title, link to the registry
    const firstLink = page.locator('a.study-link').first();
    const nctId = (await firstLink.textContent())!.trim();
    await settle(() => firstLink.click());
    expect(new URL(page.url()).searchParams.get('nct')).toBe(nctId);
    const marks = page.locator('#study mark[title]');
    expect(await marks.count()).toBeGreaterThan(0);
    const title = (await marks.first().getAttribute('title'))!;
    expect(title).toMatch(/^[a-z0-9_]+(\.[\w-]+)+ \(/i);
    // each family's value shows the reason code of the branch that gave it
    const reasons = await page.locator('#study .label-table .reason').allTextContents();
    expect(reasons.length).toBeGreaterThan(0);
    for (const r of reasons) expect(r).toMatch(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/);
    expect(await page.locator('#registry-link').getAttribute('href')).toBe(
      `https://clinicaltrials.gov/study/${nctId}`,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-study.png'), fullPage: false });
    await settle(() => page.goBack());
    expect(page.url()).toBe(filteredUrl);
    expect(await page.locator('#study').isHidden()).toBe(true);
    expect(await shownTotal()).toBe(afterText);
  });

  it('a click on a bar filters by that value and a second click removes it', async () => {
    await settle(() => page.goto(`${server.url}?included=true`));
    const before = await shownTotal();
    const bar = page
      .locator('figure:has(figcaption:text-is("Tissue source")) path[role="graphics-symbol"]')
      .first();
    await bar.hover();
    await page.waitForSelector('#vg-tooltip-element.visible', { timeout: 10_000 });
    expect(await page.locator('#vg-tooltip-element').textContent()).toMatch(/trials/);
    await settle(() => bar.click());
    const source = new URL(page.url()).searchParams.getAll('source');
    expect(source).toHaveLength(1);
    const after = await shownTotal();
    expect(after).toBeLessThan(before);
    expect(after).toBe(await apiTotal(new URL(page.url()).search));
    // the active filter chip removes it again
    await settle(() => page.locator('#chips button.chip', { hasText: 'source' }).click());
    expect(await shownTotal()).toBe(before);
    // the same with the keyboard: the chart's values as buttons
    const fig = page.locator('figure:has(figcaption:text-is("Phase"))');
    await fig.locator('details.values-box > summary').focus();
    await page.keyboard.press('Enter');
    const first = fig.locator('ul.values button').first();
    await first.focus();
    await settle(() => page.keyboard.press('Enter'));
    expect(new URL(page.url()).searchParams.getAll('phase')).toHaveLength(1);
    expect(await shownTotal()).toBeLessThan(before);
    expect(await shownTotal()).toBe(await apiTotal(new URL(page.url()).search));
  });

  it('a shared URL with a comma-containing country gives the same count as the API', async () => {
    const meta = (await (await fetch(`${server.url}api/meta`)).json()) as {
      facets: { country: Array<{ value: string; count: number }> };
    };
    const country = meta.facets.country.find((c) => c.value.includes(','));
    expect(country, 'the corpus has a country name with a comma').toBeDefined();
    const search = `?country=${encodeURIComponent(country!.value)}`;
    await settle(() => page.goto(server.url + search));
    expect(await shownTotal()).toBe(country!.count);
    expect(await shownTotal()).toBe(await apiTotal(search));
    expect(await page.locator('#chips').textContent()).toContain(country!.value);
  });

  it('the CSV export link downloads exactly the filtered studies', async () => {
    await settle(() => page.goto(`${server.url}?included=true&phase=PHASE3`));
    const href = await page.locator('#export').getAttribute('href');
    const res = await fetch(new URL(href!, server.url));
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const rows = parse((await res.text()).replace(/^\ufeff/, ''), { columns: true }) as Array<{
      phase: string;
    }>;
    expect(rows.length).toBe(await shownTotal());
    expect(new Set(rows.map((r) => r.phase))).toEqual(new Set(['PHASE3']));
  });

  it('the snapshot picker switches snapshot, dropping label filters on an unlabelled one', async () => {
    await settle(() => page.goto(`${server.url}?included=true`));
    const options = await page.locator('#snapshot option').allTextContents();
    expect(options).toHaveLength(2);
    const subset = await page.locator('#snapshot option', { hasText: 'subset' }).getAttribute('value');
    await settle(() => page.locator('#snapshot').selectOption(subset!));
    const url = new URL(page.url());
    expect(url.searchParams.get('snapshot')).toBe(subset);
    expect(url.searchParams.get('included')).toBeNull();
    expect(await shownTotal()).toBe(SUBSET);
    expect(await page.locator('#f-included').isDisabled()).toBe(true);
    // the page says at the top that this snapshot has no labels, and how to get them
    expect(await page.locator('#notice').isVisible()).toBe(true);
    expect(await page.locator('#notice').textContent()).toContain(`mscope classify --snapshot ${subset}`);
    expect(await page.locator('#snapshot option', { hasText: 'subset' }).textContent()).toContain(
      'not classified',
    );
    await settle(() => page.goBack());
    expect(await page.locator('#snapshot').inputValue()).not.toBe(subset);
    expect(await page.locator('#notice').isHidden()).toBe(true);
  });

  it('without --snapshot the server opens the newest CLASSIFIED snapshot, and its first page shows the included studies', async () => {
    const other = await startServer({ dbPath: join(dir, 'classic.duckdb'), port: 0 });
    try {
      const snaps = (await (await fetch(`${other.url}api/snapshots`)).json()) as {
        defaultSnapshotId: number;
        snapshots: Array<{ id: number; label: string; rulesetVersion: string | null }>;
      };
      const classic = snaps.snapshots.find((x) => x.label === 'classic')!;
      const subset = snaps.snapshots.find((x) => x.label === 'subset')!;
      expect(subset.id).toBeGreaterThan(classic.id);
      expect(snaps.defaultSnapshotId).toBe(classic.id);
      expect(classic.rulesetVersion).toBe(RULESET_VERSION);
      expect(subset.rulesetVersion).toBeNull();
      const p2 = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      try {
        await p2.goto(other.url);
        await p2.waitForSelector('body[data-ready]');
        expect(new URL(p2.url()).searchParams.get('included')).toBe('true');
        const included = (await (await fetch(`${other.url}api/studies?included=true`)).json()) as {
          total: number;
        };
        expect(Number(await p2.getAttribute('#count', 'data-total'))).toBe(included.total);
        expect(await p2.locator('#notice').isHidden()).toBe(true);
      } finally {
        await p2.close();
      }
    } finally {
      await other.close();
    }
  });

  it('loaded without CSP violations, script errors or external requests', () => {
    expect(problems).toEqual([]);
  });
});

it.skipIf(HAS_CHROMIUM)('browser tests need /usr/bin/chromium', () => {
  expect(HAS_CHROMIUM).toBe(false);
});
