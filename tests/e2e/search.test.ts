/**
 * Search in headless Chromium: the evaluation against stock Pagefind (targets held here), and
 * the search page as a person uses it, under a sub-path base.
 *
 * One file: the tests share one build, one server and one browser, which cost more than the
 * tests; split, each file would start them again.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildQuerySet, evaluateSearch, formatEval } from '../../scripts/lib/bench/search-eval.ts';
import { loadRegistries } from '../../src/lib/record/registry-fs.ts';
import { filingText, fiscalYear } from '../../src/lib/search/indexer/records.ts';
import { containsTerm } from '../../src/lib/search/tokens.ts';
import { getTokenizer } from '../../src/lib/core/tokenizer-fs.ts';
import { buildSite } from '../support/build-site.ts';
import { SHINGI, publishedContent } from '../support/published-archive.ts';
import { ARCHIVE, archiveEntries } from '../support/archive.ts';
import { run } from '../support/chromium.ts';
import { startSite } from '../support/pages.ts';

const BASE = '/archive/';
const AXE = readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');
const entries = archiveEntries();

run('search evaluation (seed archive)', () => {
  it('finds every filing that contains a query, and only those; stock Pagefind side by side', async () => {
    const dist = await buildSite();
    const queries = buildQuerySet(entries, await getTokenizer(), 30, loadRegistries(ARCHIVE));
    expect(queries.length).toBeGreaterThan(150);
    expect(new Set(queries.map((q) => q.kind))).toEqual(
      new Set([
        'word',
        'compound',
        'katakana',
        'kanji',
        'subword',
        'latin',
        'width',
        'reading-hiragana',
        'reading-katakana',
        'alias',
        'term',
        'era',
      ]),
    );
    const result = await evaluateSearch(dist, entries, queries);
    console.log(`search evaluation\n${formatEval(result)}`);
    const all = result.archive.find((r) => r.kind === 'all');
    const stock = result.stock.find((r) => r.kind === 'all');
    expect(result.failures.filter((f) => f.engine === 'archive')).toEqual([]);
    expect(all?.recall).toBe(1);
    expect(all?.exactness).toBeGreaterThanOrEqual(0.98);
    // The comparison is live: stock Pagefind does miss or over-match on these queries.
    expect(stock?.exactness).toBeLessThan(all?.exactness ?? 0);
  }, 300_000);
});

let server: Server;
let origin = '';
let browser: Browser;

run('the search page', () => {
  beforeAll(async () => {
    ({ server, origin, browser } = await startSite());
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  async function open(p: string): Promise<{ page: Page; errors: string[]; bytes: () => number; urls: string[] }> {
    const page = await browser.newPage();
    const errors: string[] = [];
    const urls: string[] = [];
    let transferred = 0;
    page.on('request', (r) => urls.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on('response', async (r) => {
      if (r.url().includes('/pagefind/')) transferred += (await r.body().catch(() => Buffer.alloc(0))).length;
    });
    await page.goto(origin + BASE + p.replace(/^\//u, ''));
    return { page, errors, bytes: () => transferred, urls };
  }
  async function settled(page: Page): Promise<void> {
    await page.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached' });
  }
  const ids = (page: Page): Promise<string[]> =>
    page.$$eval('#search-results li h2 a', (as) => as.map((a) => (a.getAttribute('href') ?? '').split('/').filter(Boolean).pop() ?? ''));
  /** Every result: those with the terms in their own text, then those with them only in their 特記事項 (opened). */
  async function everyId(page: Page): Promise<string[]> {
    if (await page.isVisible('#search-clause-only summary')) {
      await page.click('#search-clause-only summary');
      await page.waitForFunction(() => document.querySelectorAll('#search-results-clauses li').length > 0);
    }
    return page.$$eval('#search-results li h2 a, #search-results-clauses li h2 a', (as) =>
      as.map((a) => (a.getAttribute('href') ?? '').split('/').filter(Boolean).pop() ?? ''),
    );
  }
  /** The number of results the status gives. */
  const statusCount = async (page: Page): Promise<number> =>
    Number(/^(\d+)件/u.exec((await page.textContent('#search-status')) ?? '')?.[1] ?? 0);

  it('the header box on every page goes to the search page; results link to filings', async () => {
    const { page, errors, bytes, urls } = await open('/');
    await page.fill('#header-q', '住民票コード');
    await page.press('#header-q', 'Enter');
    await page.waitForURL(/\/archive\/search\/\?q=/u);
    await settled(page);
    expect(await ids(page)).toEqual(['2010-4b4b9c74']);
    expect(await page.getAttribute('#search-results li h2 a', 'href')).toBe('/archive/filings/2010-4b4b9c74/');
    expect(await page.textContent('#search-results mark')).toBe('住民票コード');
    // Title, kind, date in era and ISO, department.
    expect(await page.textContent('#search-results li .meta')).toMatch(/報告 平成22年4月1日（2010-04-01）・地域文化部 戸籍住民課/u);
    console.log(`first search transferred ${bytes()} bytes from /pagefind/`);
    // One index is loaded, the term's stream's (an even length: 4-grams), and Pagefind runs on the
    // page's main thread (src/browser/search.ts): its worker is never fetched.
    expect(urls.filter((u) => u.endsWith('/pagefind.js'))).toEqual([`${origin}${BASE}pagefind/pagefind.js`]);
    expect(urls.filter((u) => u.includes('pagefind-worker'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a compound is exact; space-separated terms are AND; a quoted phrase is exact', async () => {
    const { page, errors } = await open('/search/?q=' + encodeURIComponent('住民票 コード'));
    await settled(page);
    expect((await ids(page)).sort()).toEqual(['2008-cedd6ea7', '2010-4b4b9c74']);
    await page.goto(origin + BASE + 'search/?q=' + encodeURIComponent('"住民票コード"'));
    await settled(page);
    expect(await ids(page)).toEqual(['2010-4b4b9c74']);
    await page.goto(origin + BASE + 'search/?q=' + encodeURIComponent('電子申請'));
    await settled(page);
    expect(await ids(page)).toEqual(['2010-9bb354e9']);
    // Terms of different streams (an even and an odd length) are both searched as bigrams.
    await page.goto(origin + BASE + 'search/?q=' + encodeURIComponent('住民票コード 再委託'));
    await settled(page);
    // 再委託 is only in that filing's 特記事項: it is in the group of those.
    expect(await ids(page)).toEqual([]);
    expect(await everyId(page)).toEqual(['2010-4b4b9c74']);
    await page.goto(origin + BASE + 'search/?q=' + encodeURIComponent('コード 電子申請'));
    await settled(page);
    expect(await ids(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('width variants find the same filings', async () => {
    const { page } = await open('/search/?q=' + encodeURIComponent('ＢＣＣ'));
    await settled(page);
    expect(await ids(page)).toEqual(['2010-9bb354e9']);
    await page.goto(origin + BASE + 'search/?q=' + encodeURIComponent('ｺｰﾙｾﾝﾀｰ'));
    await settled(page);
    expect(await ids(page)).toEqual(['2010-9bb354e9']);
    await page.close();
  });

  it('facets filter with counts, live in the URL, and the back button restores the list', async () => {
    const { page, errors } = await open('/search/?q=' + encodeURIComponent('再委託'));
    await settled(page);
    expect(await statusCount(page)).toBe(5);
    // Facets are counted once the panel is opened.
    expect(await page.$$('select[name="section"]')).toEqual([]);
    await page.click('#search-facets-panel summary');
    await page.waitForSelector('select[name="section"]');
    expect(await page.textContent('select[name="section"]')).toContain('戸籍住民課（3）');
    await page.selectOption('select[name="section"]', '戸籍住民課');
    await page.waitForFunction(() => /^3件/u.test(document.querySelector('#search-status')?.textContent ?? ''));
    expect(page.url()).toContain(`section=${encodeURIComponent('戸籍住民課')}`);
    await page.selectOption('select[name="kind"]', '諮問');
    await page.waitForFunction(() => /^1件/u.test(document.querySelector('#search-status')?.textContent ?? ''));
    expect(await everyId(page)).toEqual(['2008-cedd6ea7']);
    // The URL alone gives the same page.
    const shared = page.url();
    const again = await browser.newPage();
    await again.goto(shared);
    await settled(again);
    expect(await everyId(again)).toEqual(['2008-cedd6ea7']);
    expect(await again.inputValue('select[name="kind"]')).toBe('諮問');
    await again.close();
    await page.goBack();
    await page.waitForFunction(() => /^3件/u.test(document.querySelector('#search-status')?.textContent ?? ''));
    await page.goBack();
    await page.waitForFunction(() => /^5件/u.test(document.querySelector('#search-status')?.textContent ?? ''));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('browsing by facets with an empty query', async () => {
    const { page } = await open('/search/?year=2008');
    await settled(page);
    expect((await ids(page)).sort()).toEqual(['2008-04a038e7', '2008-cedd6ea7']);
    await page.close();
  });

  it('a one-character term lists the filings that contain it, whatever else they carry', async () => {
    for (const q of ['c', '課']) {
      const { page, errors } = await open('/search/?q=' + encodeURIComponent(q));
      await settled(page);
      const expected = entries.filter((e) => containsTerm(filingText(e), q)).map((e) => e.id);
      expect((await ids(page)).sort(), q).toEqual(expected.sort());
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('no results, and HTML in a query shown as text', async () => {
    const { page, errors } = await open('/search/?q=' + encodeURIComponent('存在しない語句'));
    await settled(page);
    expect(await ids(page)).toEqual([]);
    expect(await page.textContent('#search-status')).toContain('一致する諮問・報告事項はありません');
    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    await page.goto(origin + BASE + 'search/?q=' + encodeURIComponent(hostile));
    await settled(page);
    expect(await page.textContent('#search-status')).toContain(hostile);
    expect(await page.inputValue('#search-q')).toBe(hostile);
    expect(await page.$$('#search-status img, #search-results img')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('passes axe with results shown', async () => {
    const { page } = await open('/search/?q=' + encodeURIComponent('再委託'));
    await settled(page);
    await page.evaluate(AXE);
    const violations = await page.evaluate(async () => {
      const w = window as unknown as { axe: { run: (d: Document, o: unknown) => Promise<{ violations: Array<{ id: string }> }> } };
      return (
        await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
      ).violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
    await page.close();
  });
});

run('the search page finds what people type and explains itself', () => {
  let server3: Server;
  let origin3 = '';
  let browser3: Browser;
  beforeAll(async () => {
    ({ server: server3, origin: origin3, browser: browser3 } = await startSite());
  });
  afterAll(async () => {
    await browser3?.close();
    server3?.close();
  });
  const withTerm = (t: string): string[] =>
    entries
      .filter((e) => containsTerm(filingText(e), t))
      .map((e) => e.id)
      .sort();
  async function visit(q: string, extra = ''): Promise<{ page: Page; errors: string[]; fetched: string[] }> {
    const page = await browser3.newPage();
    const errors: string[] = [];
    const fetched: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => fetched.push(r.url()));
    await page.goto(`${origin3}${BASE}search/?q=${encodeURIComponent(q)}${extra}`);
    await page.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached' });
    return { page, errors, fetched };
  }
  async function all(page: Page): Promise<string[]> {
    if (await page.isVisible('#search-clause-only summary')) {
      await page.click('#search-clause-only summary');
      await page.waitForFunction(() => document.querySelectorAll('#search-results-clauses li').length > 0);
    }
    return (
      await page.$$eval('#search-results li h2 a, #search-results-clauses li h2 a', (as) =>
        as.map((a) => (a.getAttribute('href') ?? '').split('/').filter(Boolean).pop() ?? ''),
      )
    ).sort();
  }
  const settle = (page: Page): Promise<unknown> => page.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached' });

  it('a reading in kana finds the words read that way, and says which word matched', async () => {
    const { page, errors } = await visit('じゅうみんひょう');
    expect(await all(page)).toEqual(withTerm('住民票'));
    expect(await page.textContent('#search-expansions label')).toMatch(/^住民票（\d+件）読み$/u);
    expect(await page.textContent('#search-results li .matched')).toBe('一致した語：住民票');
    await page.goto(`${origin3}${BASE}search/?q=${encodeURIComponent('ﾊﾟｽﾜｰﾄﾞ')}`);
    await settle(page);
    expect(await all(page)).toEqual(withTerm('パスワード'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('other names: the terms registry adds a word, which can be switched off; a quoted term is exact', async () => {
    const { page, errors } = await visit('性別');
    expect(await all(page)).toEqual([...new Set([...withTerm('性別'), ...withTerm('男女の別')])].sort());
    await page.uncheck('#search-expansions input[data-variant="男女の別"]');
    await page.waitForURL(/off=/u);
    await settle(page);
    expect(await all(page)).toEqual(withTerm('性別'));
    expect(await page.isChecked('#search-expansions input[data-variant="男女の別"]')).toBe(false);
    await page.goto(`${origin3}${BASE}search/?q=${encodeURIComponent('"性別"')}`);
    await settle(page);
    expect(await page.isHidden('#search-expansions')).toBe(true);
    expect(await all(page)).toEqual(withTerm('性別'));
    // A company by its registry alias.
    await page.goto(`${origin3}${BASE}search/?q=${encodeURIComponent('NTTコミュニケーションズ株式会社')}`);
    await settle(page);
    expect(await all(page)).toEqual(withTerm('エヌ・ティ・ティ・コミュニケーションズ株式会社'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('era years become a removable year filter, not a text match', async () => {
    const of2010 = entries
      .filter((e) => e.data.date.startsWith('2010'))
      .map((e) => e.id)
      .sort();
    // Newest first, as every listing; found by the year's word, without the facet instance.
    const newestFirst = [...of2010].sort((a, b) => {
      const date = (id: string): string => entries.find((e) => e.id === id)?.data.date ?? '';
      return date(b).localeCompare(date(a)) || a.localeCompare(b);
    });
    for (const q of ['平成22年', 'H22', '2010年']) {
      const { page, fetched } = await visit(q);
      expect(await all(page), q).toEqual(of2010);
      const shown = await page.$$eval('#search-results li h2 a', (as) =>
        as.map((a) => (a.getAttribute('href') ?? '').split('/').filter(Boolean).pop()),
      );
      expect(shown, q).toEqual(newestFirst.slice(0, shown.length));
      expect(shown.length).toBe(Math.min(10, of2010.length));
      expect(await page.textContent('#search-chips')).toContain('期間：平成22年（2010年）');
      expect(
        fetched.filter((u) => /role=facets|\.pf_filter$/u.test(u)),
        q,
      ).toEqual([]);
      await page.close();
    }
    const { page, errors, fetched } = await visit('住民票 平成20年度');
    expect(await all(page)).toEqual(
      withTerm('住民票').filter((id) => fiscalYear(entries.find((e) => e.id === id)?.data.date ?? '') === '2008'),
    );
    expect(fetched.filter((u) => /role=facets/u.test(u))).toEqual([]);
    await page.click('#search-chips button');
    await page.waitForURL((u) => !decodeURIComponent(u.search).includes('平成20年度'));
    await settle(page);
    expect(await all(page)).toEqual(withTerm('住民票'));
    await page.click('#search-facets-panel summary');
    await page.waitForSelector('select[name="year"]');
    expect(await page.textContent('select[name="year"]')).toContain('平成22年（2010年）');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('hits only in the 特記事項 are one line, and one switch leaves them out; each result names its clause version', async () => {
    const { page, errors } = await visit('再委託');
    const own = await page.$$eval('#search-results li', (li) => li.length);
    expect(await page.textContent('#search-clause-only summary')).toBe(`特記事項のみ：${withTerm('再委託').length - own}件`);
    expect(await page.textContent('#search-results li .version')).toMatch(/^特記事項の版：.+版/u);
    await page.check('#search-own-only');
    await page.waitForURL(/own=1/u);
    await settle(page);
    expect(await page.isHidden('#search-clause-only')).toBe(true);
    expect(await page.textContent('#search-status')).toMatch(new RegExp(`^${own}件`, 'u'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('no dead ends: why nothing was found, and a way on', async () => {
    const { page, errors } = await visit('存在しない語句');
    expect(await page.textContent('#search-help')).toContain('「存在しない語句」を含む諮問・報告事項はありません。');
    await page.goto(`${origin3}${BASE}search/?q=${encodeURIComponent('住民票コード')}&year=2008`);
    await settle(page);
    expect(await page.textContent('#search-help')).toMatch(/絞り込み「年：平成20年（2008年）」を外すと1件あります。/u);
    await page.click('#search-help button');
    await page.waitForURL((u) => !u.search.includes('year='));
    await settle(page);
    expect(await all(page)).toEqual(withTerm('住民票コード'));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a search library that fails to load says so, stops being busy, and a retry works', async () => {
    const page = await browser3.newPage();
    let fail = true;
    const asked: string[] = [];
    // Any URL of the library, whatever its query string: a retry must ask again, for real.
    await page.route(/\/pagefind\/pagefind\.js(\?.*)?$/u, (route) => {
      asked.push(route.request().url());
      return fail ? route.abort() : route.continue();
    });
    await page.goto(`${origin3}${BASE}search/?q=${encodeURIComponent('住民票コード')}`);
    await settle(page);
    expect(await page.textContent('#search-status')).toContain('検索の仕組みを読み込めませんでした');
    expect(asked).toHaveLength(1);
    fail = false;
    await page.click('#search-retry');
    await page.waitForFunction(() => /^1件/u.test(document.querySelector('#search-status')?.textContent ?? ''));
    // A second request, under another URL (the browser keeps the failed import of the first).
    expect(asked).toHaveLength(2);
    expect(asked[1]).not.toBe(asked[0]);
    expect(await all(page)).toEqual(withTerm('住民票コード'));
    await page.close();
  });

  it('passes axe with chips, added words, grouped hits and help shown, at desktop and phone width', async () => {
    for (const width of [1280, 390]) {
      const page = await browser3.newPage({ viewport: { width, height: 900 } });
      for (const q of ['性別 平成22年', '再委託', '存在しない語句']) {
        await page.goto(`${origin3}${BASE}search/?q=${encodeURIComponent(q)}`);
        await settle(page);
        await page.evaluate(AXE);
        const violations = await page.evaluate(async () => {
          const w = window as unknown as { axe: { run: (d: Document, o: unknown) => Promise<{ violations: Array<{ id: string }> }> } };
          return (
            await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
          ).violations.map((v) => v.id);
        });
        expect(violations, `${q} at ${width}`).toEqual([]);
      }
      await page.close();
    }
  });
});

run("the search page of an archive with kinds beyond the seeds'", () => {
  let server2: Server;
  let origin2 = '';
  let browser2: Browser;
  beforeAll(async () => {
    // One seed is a 審議 there, a kind of that archive's content/archive.yaml.
    ({ server: server2, origin: origin2, browser: browser2 } = await startSite({ contentDir: publishedContent() }));
  });
  afterAll(async () => {
    await browser2?.close();
    server2?.close();
  });

  it('with the facets open, every filing is found and counted, whatever its kind', async () => {
    const page = await browser2.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const settle = (): Promise<unknown> => page.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached' });
    const ids = (): Promise<string[]> => page.$$eval('#search-results li h2 a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    // Found by its own text (not its 特記事項): the facet search's filter for every filing must hold 審議.
    await page.goto(`${origin2}${BASE}search/?q=${encodeURIComponent('住民票コード')}`);
    await settle();
    expect(await ids()).toEqual([`${BASE}filings/${SHINGI}/`]);
    await page.click('#search-facets-panel summary');
    await page.waitForSelector('select[name="kind"]');
    await settle();
    expect(await page.textContent('select[name="kind"]')).toContain('審議（1）');
    expect(await ids()).toEqual([`${BASE}filings/${SHINGI}/`]);
    // Through the clause sets too: every filing has 再委託 in its 特記事項.
    await page.goto(`${origin2}${BASE}search/?q=${encodeURIComponent('再委託')}`);
    await settle();
    await page.click('#search-facets-panel summary');
    await page.waitForSelector('select[name="kind"]');
    await settle();
    expect(await page.textContent('#search-status')).toMatch(/^5件/u);
    await page.selectOption('select[name="kind"]', '審議');
    await page.waitForFunction(() => /^1件/u.test(document.querySelector('#search-status')?.textContent ?? ''));
    await page.click('#search-clause-only summary');
    await page.waitForSelector('#search-results-clauses li');
    expect(await page.$$eval('#search-results-clauses li h2 a', (as) => as.map((a) => a.getAttribute('href') ?? ''))).toEqual([
      `${BASE}filings/${SHINGI}/`,
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
