/** Headless Chromium check of a report page (shared by the browser tests). */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describe } from 'vitest';
import { CHROMIUM, HAS_CHROMIUM, launchChromium } from '../helpers/browser.js';

export { HAS_CHROMIUM };
/** `describe` that runs only when Chromium is installed (skips with a reason otherwise). */
export const describeBrowser = (HAS_CHROMIUM ? describe : describe.skip) as typeof describe;
if (!HAS_CHROMIUM) console.warn(`browser tests skipped: ${CHROMIUM} not found (apt-get install chromium)`);

export interface PageCheck {
  errors: string[];
  requests: string[];
  figures: Array<{ id: string; marks: number; width: number; height: number }>;
}

/** Open an HTML file, collect console errors and non-file requests, measure every figure's drawn marks. */
export async function checkReportPage(htmlFile: string, screenshot: string): Promise<PageCheck> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => !r.url().startsWith('file:') && requests.push(r.url()));
    await page.goto(`file://${htmlFile}`, { waitUntil: 'load' });
    const figures = await page.$$eval('figure[id^="fig-"]', (figs) =>
      figs.map((f) => {
        const svg = f.querySelector('svg');
        const box = svg?.getBoundingClientRect();
        const marks = Array.from(
          f.querySelectorAll('g.role-mark path, g.role-mark rect, g.role-mark circle, g.role-mark line'),
        ).filter((el) => {
          const b = (el as SVGGraphicsElement).getBBox();
          return b.width > 0 || b.height > 0;
        }).length;
        return { id: f.id, marks, width: box?.width ?? 0, height: box?.height ?? 0 };
      }),
    );
    await mkdir(dirname(screenshot), { recursive: true });
    await page.screenshot({ path: screenshot, fullPage: false });
    await page
      .locator('figure[id^="fig-"]')
      .first()
      .screenshot({ path: screenshot.replace(/\.png$/, '-fig1.png') });
    return { errors, requests, figures };
  } finally {
    await browser.close();
  }
}
