/**
 * The hostile archive in headless Chromium: every page opens with no dialog, no script that did
 * not come from the build, no console error or CSP violation, and its legitimate text visible.
 */
import { readdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hostileContent, OVERSIZED_MARKERS } from '../support/hostile-archive.ts';
import { run } from '../support/chromium.ts';
import { startSite } from '../support/pages.ts';

const BASE = '/archive/';

let server: Server;
let origin = '';
let browser: Browser;
let pages: string[] = [];

interface Watch {
  page: Page;
  problems: string[];
}

/** A tab that records dialogs, console errors, page errors, failed requests and CSP violations. */
async function watchedPage(): Promise<Watch> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 404/u.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => {
    if (!/ERR_ABORTED/u.test(r.failure()?.errorText ?? '')) problems.push(`request failed: ${r.url()}`);
  });
  // Runs before any page script, through DevTools (not subject to the page's CSP).
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return { page, problems };
}

/** Every script the page loaded or holds: each must be a file of the build, under the base. */
function foreignScripts(page: Page, allowed: string): Promise<string[]> {
  return page.evaluate((prefix) => {
    const out: string[] = [];
    for (const s of Array.from(document.scripts)) {
      if (!s.src) out.push(`inline: ${s.textContent?.slice(0, 60) ?? ''}`);
      else if (!s.src.startsWith(prefix)) out.push(s.src);
    }
    for (const e of performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      if (e.initiatorType === 'script' && !e.name.startsWith(prefix)) out.push(e.name);
    return out;
  }, allowed);
}

run('the hostile archive in Chromium', () => {
  beforeAll(async () => {
    const site = await startSite({ contentDir: hostileContent() });
    const dist = site.dist;
    pages = readdirSync(dist, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.html'))
      .map((f) => f.replace(/\\/gu, '/').replace(/index\.html$/u, ''))
      .sort();
    ({ server, origin, browser } = site);
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('every page: no dialog, no foreign script, no error or CSP violation, main text visible', async () => {
    expect(pages.length).toBeGreaterThan(150);
    const { page, problems } = await watchedPage();
    const report: string[] = [];
    for (const p of pages) {
      problems.length = 0;
      await page.goto(`${origin}${BASE}${p}`, { waitUntil: 'load' });
      const state = await page.evaluate(() => ({
        violations: (window as unknown as { __violations: string[] }).__violations,
        // Injected <style> must not hide the page: the heading is rendered and has text.
        heading: (() => {
          const h = document.querySelector('h1');
          if (!h) return 'no h1';
          const r = h.getBoundingClientRect();
          return r.width > 0 && r.height > 0 && getComputedStyle(h).visibility !== 'hidden' && h.innerText.trim() !== '' ? '' : 'h1 hidden';
        })(),
      }));
      const foreign = await foreignScripts(page, `${origin}${BASE}`);
      for (const x of [...problems, ...state.violations.map((v) => `csp: ${v}`), ...foreign.map((f) => `script: ${f}`), state.heading])
        if (x) report.push(`${p}: ${x}`);
    }
    expect(report).toEqual([]);
    await page.close();
  }, 600_000);

  it('the oversized record shows all of its text, and markup in it as text', async () => {
    const { page, problems } = await watchedPage();
    await page.goto(`${origin}${BASE}filings/hostile-2/`);
    const text = await page.evaluate(() => document.body.innerText);
    for (const marker of OVERSIZED_MARKERS) expect(text).toContain(marker);
    expect(text).toContain('長い件名<script>alert("t")</script>');
    expect(text).toContain('𠮷');
    // Nothing wider than a phone screen, even with 100,000-character fields.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('search over hostile content shows markup as text and runs nothing', async () => {
    const { page, problems } = await watchedPage();
    await page.goto(`${origin}${BASE}search/?q=${encodeURIComponent('<script>alert')}`);
    await page.waitForSelector('#search-results[aria-busy="false"]');
    const results = page.locator('#search-results li');
    expect(await results.count()).toBeGreaterThan(0);
    expect(await page.locator('#search-results script, #search-results img').count()).toBe(0);
    expect(await page.locator('#search-results').innerText()).toContain('<script>');
    await page.goto(`${origin}${BASE}search/?q=${encodeURIComponent('巨大な条項の終わり')}`);
    await page.waitForSelector('#search-results[aria-busy="false"]');
    expect(await page.locator('#search-results a[href$="/filings/hostile-2/"]').count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});
