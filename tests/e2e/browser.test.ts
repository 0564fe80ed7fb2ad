/**
 * The seed archive in headless Chromium: each page type opens without errors, passes axe
 * (WCAG 2.2 AA rules), works with the keyboard, and is photographed at desktop and phone width.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hasChromium } from '../../scripts/lib/browser.ts';
import { serveStatic } from '../../scripts/lib/static-server.ts';
import { buildSite } from '../support/build-site.ts';
import { SET_2023, SHINGI, publishedContent } from '../support/published-archive.ts';
import { axe, collectErrors, startSite } from '../support/pages.ts';
import { run } from '../support/chromium.ts';

const SHOTS = path.resolve('test-results/screenshots');
const BASE = '/archive/';

let server: Server;
let origin = '';
let browser: Browser;

beforeAll(async () => {
  if (!hasChromium()) return;
  ({ server, origin, browser } = await startSite());
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** Open a page and collect console errors and failed requests. */
async function open(p: string, width = 1280, height = 900): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height } });
  const errors = collectErrors(page);
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  const response = await page.goto(origin + BASE + p.replace(/^\//u, ''));
  if (p !== '/no-such-page/') expect(response?.status(), p).toBe(200);
  return { page, errors };
}

const PAGE_TYPES: Array<[string, string]> = [
  ['home', '/'],
  ['filings', '/filings/'],
  ['filing', '/filings/2010-9bb354e9/'],
  ['departments', '/departments/'],
  ['section', '/departments/koseki-juumin-ka/'],
  ['bureau', '/departments/chiiki-bunka-bu/'],
  ['contractors', '/contractors/'],
  ['contractor', '/contractors/nihondenki/'],
  ['items', '/items/'],
  ['item', '/items/shimei/'],
  ['matters', '/matters/'],
  ['matter', '/matters/gyoumu-itaku/'],
  ['basis', '/basis/article-14-1/'],
  ['year', '/years/2010/'],
  ['404', '/no-such-page/'],
];

run('page types in Chromium', () => {
  it.each(PAGE_TYPES)('%s: no errors, no axe violations, screenshots', async (name, p) => {
    for (const [label, width, height] of [
      ['desktop', 1280, 900],
      ['phone', 390, 844],
    ] as const) {
      const { page, errors } = await open(p, width, height);
      expect(await page.getAttribute('html', 'lang')).toBe('ja');
      const csp = (await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content')) ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('wasm-unsafe-eval');
      expect(await axe(page)).toEqual([]);
      // Nothing wider than the screen on a phone (tables scroll inside their wrapper).
      if (label === 'phone') expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
      await page.screenshot({ path: path.join(SHOTS, `${name}-${label}.png`), fullPage: true });
      // The 404 page is itself served with status 404, which Chromium logs.
      expect(errors.filter((e) => !(name === '404' && /status of 404/u.test(e)))).toEqual([]);
      await page.close();
    }
  });

  it('the Content-Security-Policy is in force: an injected inline script is refused', async () => {
    const { page } = await open('/filings/2010-9bb354e9/');
    await expect(page.addScriptTag({ content: 'window.injected = 1' })).rejects.toThrow(/Content Security Policy/u);
    expect(await page.evaluate(() => (window as unknown as { injected?: number }).injected)).toBeUndefined();
    await page.close();
  });

  it('keyboard: the skip link is first and moves focus to the content', async () => {
    const { page } = await open('/filings/2020-27c263f1/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('本文へ移動');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main');
    await page.close();
  });

  it('the filings list filters by facet and keeps the filter in the URL', async () => {
    const { page, errors } = await open('/filings/');
    const visible = (): Promise<number> => page.locator('tbody tr:visible').count();
    expect(await visible()).toBe(5);
    await page.selectOption('select[name="section"]', '戸籍住民課');
    expect(await visible()).toBe(3);
    await page.selectOption('select[name="bureau"]', '地域文化部');
    expect(await visible()).toBe(2);
    expect(page.url()).toContain('section=%E6%88%B8%E7%B1%8D%E4%BD%8F%E6%B0%91%E8%AA%B2');
    await page.reload();
    expect(await visible()).toBe(2);
    await page.selectOption('select[name="section"]', '');
    await page.selectOption('select[name="bureau"]', '');
    await page.selectOption('select[name="contractor"]', '日本電気株式会社');
    expect(await visible()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});

run('clause pages in Chromium', () => {
  it('a 新旧対照表 shows both columns with underlines, passes axe, and prints on A4 landscape', async () => {
    const { page, errors } = await open('/clauses/');
    expect(await axe(page)).toEqual([]);
    // The picker reaches any pair, in either order.
    const options = await page.locator('select[name="old"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options.length).toBe(4);
    for (const [a, b] of [
      [options[0], options[3]],
      [options[2], options[1]],
    ] as const) {
      await page.goto(`${origin}${BASE}clauses/`);
      await page.selectOption('select[name="old"]', a ?? '');
      await page.selectOption('select[name="new"]', b ?? '');
      await page.click('#picker button');
      await page.waitForURL(/\/clauses\/compare\//u);
      const [x, y] = options.indexOf(a ?? '') < options.indexOf(b ?? '') ? [a, b] : [b, a];
      expect(page.url()).toContain(`/clauses/compare/${x}/${y}/`);
      expect(await page.locator('.shinkyu-table thead th').count()).toBe(2);
    }
    const underline = await page
      .locator('.shinkyu-table .chg')
      .first()
      .evaluate((el) => getComputedStyle(el).textDecorationLine);
    expect(underline).toContain('underline');
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'compare-desktop.png'), fullPage: false });
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.length).toBeGreaterThan(1000);
    // A4 landscape: the first page's MediaBox is 842 × 595 points.
    const box = /\/MediaBox \[([\d.\s]+)\]/u.exec(pdf.toString('latin1'))?.[1]?.trim().split(/\s+/u).map(Number) ?? [];
    expect(box.slice(2).map(Math.round)).toEqual([842, 595]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

run("another municipality's archive in Chromium", () => {
  let server2: Server;
  let origin2 = '';
  beforeAll(async () => {
    const dist = await buildSite({ contentDir: publishedContent(), base: BASE });
    ({ server: server2, origin: origin2 } = await serveStatic(dist, BASE));
    const versions = JSON.parse(readFileSync(path.join(dist, 'data', 'clause-versions.json'), 'utf8')) as Array<{
      id: string;
      published: Array<{ id: string }>;
    }>;
    published = versions.find((v) => v.published.some((p) => p.id === SET_2023.id))?.id ?? '';
  });
  afterAll(() => server2?.close());
  let published = '';

  it("a filing with its original, number and matters, and a published clause set's version: no errors, no axe violations, the original downloads", async () => {
    for (const [name, p] of [
      ['filing-original', `filings/${SHINGI}/`],
      ['version-published', `clauses/${published}/`],
    ] as const) {
      for (const [label, width, height] of [
        ['desktop', 1280, 900],
        ['phone', 390, 844],
      ] as const) {
        const page = await browser.newPage({ viewport: { width, height } });
        const errors: string[] = [];
        page.on('console', (m) => {
          if (m.type() === 'error') errors.push(m.text());
        });
        page.on('pageerror', (e) => errors.push(e.message));
        expect((await page.goto(`${origin2}${BASE}${p}`))?.status()).toBe(200);
        expect(await axe(page)).toEqual([]);
        if (label === 'phone') expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
        await page.screenshot({ path: path.join(SHOTS, `${name}-${label}.png`), fullPage: true });
        if (label === 'desktop') {
          const link = page.locator('a[data-original]').first();
          const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
          expect(download.suggestedFilename()).toBe(await link.getAttribute('download'));
          expect(download.url()).toMatch(new RegExp(`${BASE}sources/[0-9a-f]{16}\\.(txt|pdf)$`, 'u'));
        }
        expect(errors).toEqual([]);
        await page.close();
      }
    }
  });
});
