/**
 * The portal (npm run portal) in headless Chromium: three archives of different municipalities,
 * each built from the corpus generator and served from an origin of its own, and a portal over
 * them on a fourth. A query's results on the portal are the union of the three archives' own
 * results; the municipality facet keeps one archive's; an archive stopped mid-test is named and
 * the others' results still come; an archive whose index is of another format is refused.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { buildPortal, readArchives } from '../../src/lib/portal/build-fs.ts';
import { serveStatic } from '../../scripts/lib/static-server.ts';
import { PORTAL_UI } from '../../src/lib/words/portal.ts';
import { SEARCH_UI } from '../../src/lib/words/search.ts';
import { SEARCH_FORMAT } from '../../src/lib/search/format.ts';
import { buildSite } from '../support/build-site.ts';
import { corpusContent, type Municipality } from '../support/corpus-archive.ts';
import { axe, collectErrors, run, WIDTHS } from '../support/pages.ts';

const TOWNS: Array<Municipality & { base: string; seed: number }> = [
  {
    municipality: 'あおば市',
    council: 'あおば市情報公開・個人情報保護審議会',
    ordinance: 'あおば市個人情報保護条例',
    base: '/aoba/',
    seed: 11,
  },
  {
    municipality: 'みなと区',
    council: 'みなと区情報公開・個人情報保護審議会',
    ordinance: 'みなと区個人情報保護条例',
    base: '/minato/',
    seed: 12,
  },
  {
    municipality: 'さくら町',
    council: 'さくら町情報公開・個人情報保護審議会',
    ordinance: 'さくら町個人情報保護条例',
    base: '/sakura/',
    seed: 13,
  },
];
const FILINGS = 30;
/** Queries of several kinds: a compound, a task, a kana reading, two terms, a word mostly in the 特記事項. */
const QUERIES = ['住民票コード', 'コールセンター', 'じゅうみんひょう', 'システム 保守', '再委託'];

interface Served {
  town: (typeof TOWNS)[number];
  dist: string;
  server: Server;
  origin: string;
}
let archives: Served[] = [];
let portal: { server: Server; origin: string; dist: string };
let browser: Browser;

run('the portal over three archives', () => {
  beforeAll(async () => {
    archives = [];
    for (const town of TOWNS) {
      const { municipality, council, ordinance } = town;
      const content = await corpusContent({ municipality, council, ordinance }, FILINGS, town.seed);
      const dist = await buildSite({ contentDir: content, base: town.base });
      const { server, origin } = await serveStatic(dist, town.base, { cors: true });
      archives.push({ town, dist, server, origin });
    }
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'portal-')), 'portal');
    const built = await buildPortal({ archives: archives.map((a) => `${a.dist}=${a.origin}${a.town.base}`), out, log: () => {} });
    expect(built.problems).toEqual([]);
    const served = await serveStatic(out, '/');
    portal = { ...served, dist: out };
    browser = await launchBrowser();
  }, 900_000);
  afterAll(async () => {
    await browser?.close();
    portal?.server.close();
    for (const a of archives) a.server.close();
  });

  async function open(url: string, width = 1280): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    // Failed requests are not collected: the test stops an archive on purpose.
    const errors = collectErrors(page, { requests: false });
    await page.goto(url);
    return { page, errors };
  }
  async function settled(page: Page): Promise<void> {
    await page.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached', timeout: 30_000 });
  }
  /** Every result's absolute URL: the list paged to its end, and the 特記事項-only group opened and paged. */
  async function everyUrl(page: Page): Promise<string[]> {
    await settled(page);
    while (await page.isVisible('#search-more')) {
      const n = await page.locator('#search-results > li').count();
      await page.click('#search-more');
      await page.waitForFunction((k) => document.querySelectorAll('#search-results > li').length > k, n);
    }
    if (await page.isVisible('#search-clause-only summary')) {
      await page.click('#search-clause-only summary');
      await page.waitForFunction(() => document.querySelectorAll('#search-results-clauses li').length > 0);
      while (await page.isVisible('#search-clause-more')) {
        const n = await page.locator('#search-results-clauses > li').count();
        await page.click('#search-clause-more');
        await page.waitForFunction((k) => document.querySelectorAll('#search-results-clauses > li').length > k, n);
      }
    }
    return page.$$eval('#search-results li h2 a, #search-results-clauses li h2 a', (as) => as.map((a) => (a as HTMLAnchorElement).href));
  }
  async function ownResults(a: Served, q: string): Promise<string[]> {
    const { page, errors } = await open(`${a.origin}${a.town.base}search/?q=${encodeURIComponent(q)}`);
    const urls = await everyUrl(page);
    expect(errors).toEqual([]);
    await page.close();
    return urls;
  }
  const own = new Map<string, string[][]>();

  it('a query finds on the portal exactly what the three archives find on their own pages, each result labelled and linked', async () => {
    for (const q of QUERIES) own.set(q, await Promise.all(archives.map((a) => ownResults(a, q))));
    let nonEmpty = 0;
    for (const q of QUERIES) {
      const each = own.get(q) ?? [];
      const union = each.flat();
      if (each.filter((r) => r.length > 0).length >= 2) nonEmpty += 1;
      const { page, errors } = await open(`${portal.origin}/?q=${encodeURIComponent(q)}`);
      const found = await everyUrl(page);
      expect(found.sort(), `${q} (${(await page.textContent('#search-unanswered')) ?? ''})`).toEqual([...union].sort());
      expect(new Set(found).size, q).toBe(found.length);
      // Each result names its municipality, the one whose archive it links to.
      const labels = await page.$$eval('#search-results li', (lis) =>
        lis.map((li) => [li.querySelector('.municipality')?.textContent ?? '', li.querySelector('h2 a')?.getAttribute('href') ?? '']),
      );
      for (const [label = '', href = ''] of labels) {
        const a = archives.find((x) => href.startsWith(`${x.origin}${x.town.base}`));
        expect(a?.town.municipality, href).toBe(label);
      }
      expect(errors, q).toEqual([]);
      await page.close();
    }
    // The comparison is not vacuous: most queries find filings in two archives or more.
    expect(nonEmpty).toBeGreaterThanOrEqual(3);
  }, 300_000);

  it('the municipality facet keeps one archive’s results, at both widths; the page passes axe', async () => {
    const q = '住民票コード';
    const each = own.get(q) ?? (await Promise.all(archives.map((a) => ownResults(a, q))));
    const i = each.findIndex((r) => r.length > 0);
    const town = TOWNS[i]?.municipality ?? '';
    for (const [, width] of WIDTHS) {
      const { page, errors } = await open(`${portal.origin}/?q=${encodeURIComponent(q)}&municipality=${encodeURIComponent(town)}`, width);
      const found = await everyUrl(page);
      expect(found.sort()).toEqual([...(each[i] ?? [])].sort());
      expect(await page.inputValue('#search-facets select[name="municipality"]')).toBe(town);
      expect(await axe(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    }
  }, 120_000);

  it('an archive that stops answering is named, and the other archives’ results still come', async () => {
    const q = '氏名 委託';
    const each = await Promise.all(archives.map((a) => ownResults(a, q)));
    const stopped = archives[1];
    if (!stopped) throw new Error('no second archive');
    stopped.server.close();
    stopped.server.closeAllConnections();
    const { page } = await open(`${portal.origin}/?q=${encodeURIComponent(q)}`);
    const found = await everyUrl(page);
    expect(found.sort()).toEqual([...(each[0] ?? []), ...(each[2] ?? [])].sort());
    expect(await page.textContent('#search-unanswered')).toContain(SEARCH_UI.unanswered([stopped.town.municipality]));
    expect(await page.getAttribute('#search-results', 'aria-busy')).toBe('false');
    await page.close();
  }, 120_000);

  it('an archive rebuilt with another search format since the portal was built is refused on the page, with why', async () => {
    const a = archives[0];
    if (!a) throw new Error('no first archive');
    const file = path.join(a.dist, 'data', 'archive.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { search: { format: string } };
    manifest.search.format = 'council-archive-search/0';
    writeFileSync(file, JSON.stringify(manifest));
    const q = '住民票コード';
    const { page } = await open(`${portal.origin}/?q=${encodeURIComponent(q)}`);
    const found = await everyUrl(page);
    expect(found.every((u) => u.startsWith(archives[2]?.origin ?? '-'))).toBe(true);
    expect(await page.textContent('#search-unanswered')).toMatch(
      new RegExp(`${TOWNS[0]?.municipality}の索引は形式が異なる.*council-archive-search/0`, 'u'),
    );
    await page.close();
  }, 60_000);

  it('the portal build refuses an archive of another search format, with a message naming it, and builds over the others', async () => {
    const copy = path.join(mkdtempSync(path.join(tmpdir(), 'portal-refused-')), 'dist');
    const b = archives[2];
    if (!b) throw new Error('no third archive');
    cpSync(b.dist, copy, { recursive: true });
    const file = path.join(copy, 'data', 'archive.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { search: { pagefind: string } };
    manifest.search.pagefind = '0.12.0';
    writeFileSync(file, JSON.stringify(manifest));
    const r = await readArchives([`${copy}=http://127.0.0.1:9/sakura/`, `${b.dist}=${b.origin}${b.town.base}`]);
    expect(r.archives.map((x) => x.manifest.municipality)).toEqual([b.town.municipality]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toContain(`refused: its index was written with ${SEARCH_FORMAT} by Pagefind 0.12.0`);
    expect(r.problems[0]).toContain(copy);
    const missing = await readArchives([path.join(copy, 'nothing-here')]);
    expect(missing.problems[0]).toMatch(/data\/archive\.json: not found: give the folder of a built archive/u);
  });

  it('a company across municipalities: its page lists each archive with the items it received there, linking to the archive', async () => {
    const { page, errors } = await open(`${portal.origin}/contractors/`);
    // The company found in most archives first.
    const first = await page.$eval('main tbody tr th a', (a) => (a as HTMLAnchorElement).href);
    const towns = (await page.textContent('main tbody tr td')) ?? '';
    expect(towns.split('、').length).toBeGreaterThanOrEqual(2);
    await page.goto(first);
    const sections = await page.$$eval('main section h2', (hs) => hs.map((h) => h.textContent ?? ''));
    expect(sections).toEqual(towns.split('、'));
    const links = await page.$$eval('main section table a', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links.slice(0, 3)) {
      const ok = archives.some((a) => link.startsWith(`${a.origin}${a.town.base}filings/`));
      expect(ok, link).toBe(true);
    }
    expect(await page.textContent('main')).toContain(PORTAL_UI.itemsReceived);
    for (const [, width] of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      expect(await axe(page)).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `page wider than the screen at ${width}`).toBeLessThanOrEqual(0);
    }
    for (const p of ['/items/', '/clauses/']) {
      await page.goto(`${portal.origin}${p}`);
      expect(await axe(page), p).toEqual([]);
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
