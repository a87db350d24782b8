/** Debian's Chromium for the browser tests (report pages, dashboard), driven by playwright-core. */
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);

/** Launch headless Chromium: no sandbox, no GPU, no background network traffic. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Run `action` on the dashboard and wait until the page has finished the render it caused (body[data-ready] changes). */
export async function settle(page: Page, action: () => Promise<unknown>): Promise<void> {
  const before = (await page.getAttribute('body', 'data-ready').catch(() => null)) ?? '';
  await action();
  await page.waitForFunction(
    (b) => (document.body.dataset.ready ?? '') !== b && document.body.dataset.ready !== undefined,
    before,
    { timeout: 30_000 },
  );
}
