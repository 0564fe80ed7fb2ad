/**
 * Issue 16's answers in Chromium, on the seed archive under a sub-path base: the who-got-which-data
 * tables answer exactly what the records say, at desktop and phone width and in print; the
 * pictures render with their text alternatives and pass axe; every feed is RSS 2.0 whose links
 * resolve under the base.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BASE, WIDTHS, axe, fitsWidth, open, run, startSite, type Site } from '../support/pages.ts';
import { archiveRecords } from '../support/archive.ts';

const records = archiveRecords();
let site: Site;

beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.browser.close();
  site?.server.close();
});

/** The companies named in the visible rows of the page's who-got-which-data table. */
function visibleCompanies(page: Page): Promise<string[]> {
  return page.locator('table.recipients tbody tr:visible td.company a').allInnerTexts();
}

run('who got which data', () => {
  it.each(WIDTHS)('the item pages name exactly the companies the records give the item to (%s)', async (_, width, height) => {
    for (const [item, slug] of [
      ['住民票コード', 'juumin-hyou-koodo'],
      ['氏名', 'shimei'],
    ] as const) {
      const having = records.filter((r) => r.data.items.includes(item));
      const companies = new Set(having.flatMap((r) => r.data.contractors.map((c) => c.name)));
      const { page, errors } = await open(site, `/items/${slug}/`, width, height);
      expect(new Set(await visibleCompanies(page)), item).toEqual(companies);
      // One row per company per filing, and one for each filing that names no company yet.
      const rows = having.reduce((n, r) => n + Math.max(1, r.data.contractors.length), 0);
      expect(await page.locator('table.recipients tbody tr:visible').count()).toBe(rows);
      for (const r of having.filter((x) => x.data.contractors.length === 0))
        expect(await page.locator(`table.recipients tbody tr:has(a[href$="/filings/${r.data.id}/"])`).innerText()).toContain(
          r.data.contractor_status ?? '',
        );
      if (width < 500) expect(await fitsWidth(page)).toBe(true);
      expect(await axe(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it.each(WIDTHS)('filters, counts and print agree on the 氏名 page (%s)', async (_, width, height) => {
    const { page } = await open(site, '/items/shimei/', width, height);
    const subs = records.flatMap((r) => (r.data.items.includes('氏名') ? r.data.contractors.filter((c) => c.role === '再委託先') : []));
    const total = await page.locator('table.recipients tbody tr').count();
    await page.selectOption('form[data-filter-for="recipients"] select[name="role"]', '再委託先');
    const visible = page.locator('table.recipients tbody tr:visible');
    expect(await visible.count()).toBe(subs.length);
    expect(new Set(await visibleCompanies(page))).toEqual(new Set(subs.map((c) => c.name)));
    expect(await page.locator('form[data-filter-for="recipients"] [role="status"]').innerText()).toContain(
      `${subs.length}行を表示（全${total}行）`,
    );
    expect(await page.locator('table.recipients caption [data-count]').innerText()).toBe(String(subs.length));
    await page.emulateMedia({ media: 'print' });
    expect(await visible.count()).toBe(subs.length);
    await page.emulateMedia({ media: 'screen' });
    // Sorting by company puts the names in Japanese order, and says so.
    await page.selectOption('form[data-filter-for="recipients"] select[name="role"]', '');
    // The header's buttons where the header shows; on a phone (cards, no header) the form's select.
    if (width < 500) await page.selectOption('form[data-filter-for="recipients"] select[data-sort-select]', 'company:1');
    else await page.click('table.recipients th button[data-sort="company"]');
    const names = await page
      .locator('table.recipients tbody tr')
      .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset['sortCompany'] ?? ''));
    const named = names.filter(Boolean);
    expect(named).toEqual([...named].sort((a, b) => a.localeCompare(b, 'ja', { numeric: true })));
    expect(await page.locator('table.recipients th[aria-sort="ascending"]').count()).toBe(1);
    await page.close();
  });

  it('the filings list answers two facets at once, as the records do, and keeps them in the URL', async () => {
    for (const [item, task] of [
      ['住民票コード', 'コールセンター'],
      ['氏名', 'コールセンター'],
    ] as const) {
      const want = records
        .filter((r) => r.data.items.includes(item) && r.data.contractors.some((c) => c.task === task))
        .map((r) => r.data.id);
      for (const [, width, height] of WIDTHS) {
        const { page } = await open(site, `/filings/?item=${encodeURIComponent(item)}&task=${encodeURIComponent(task)}`, width, height);
        const shown = await page
          .locator('#filings tbody tr:visible a[href*="/filings/"]')
          .evaluateAll((as) => as.map((a) => a.getAttribute('href')?.split('/').filter(Boolean).pop() ?? ''));
        expect(shown.sort(), `${item} × ${task}`).toEqual(want.sort());
        expect(await page.inputValue('select[name="item"]')).toBe(item);
        expect(page.url()).toContain(`task=${encodeURIComponent(task)}`);
        await page.close();
      }
    }
  });

  it("a contractor page shows the company's items, subcontractors, groups and periods", async () => {
    const { page } = await open(site, '/contractors/nihondenki/');
    const facts = await page.locator('dl.facts').first().innerText();
    const nec = records.filter((r) => r.data.contractors.some((c) => c.name === '日本電気株式会社'));
    for (const i of nec.flatMap((r) => r.data.items)) expect(facts).toContain(i);
    for (const s of ['NECソフト株式会社', '株式会社BCC', 'NECデザイン&プロモーション株式会社']) expect(facts).toContain(s);
    expect(facts).toContain('平成22年4月1日');
    expect(await page.locator('.contractor-groups li').count()).toBe(2);
    await page.close();
  });
});

/** Every picture of the page: drawn (a box of some size), named by its title and described. */
async function pictures(page: Page): Promise<Array<{ width: number; height: number; title: string; desc: string; role: string | null }>> {
  return page.locator('svg.picture').evaluateAll((svgs) =>
    svgs.map((svg) => {
      const box = svg.getBoundingClientRect();
      const ids = (svg.getAttribute('aria-labelledby') ?? '').split(/\s+/u);
      const text = (id: string | undefined): string => (id ? (document.getElementById(id)?.textContent ?? '') : '');
      return { width: box.width, height: box.height, title: text(ids[0]), desc: text(ids[1]), role: svg.getAttribute('role') };
    }),
  );
}

run('pictures', () => {
  it.each(WIDTHS)(
    'each picture renders within the page, with its title and description, and the page passes axe (%s)',
    async (_, width, height) => {
      const expected: Array<[string, number]> = [
        ['/', 1],
        ['/departments/koseki-juumin-ka/', 1],
        ['/filings/2010-9bb354e9/', 2],
        ...records.filter((r) => r.data.id !== '2010-9bb354e9').map((r) => [`/filings/${r.data.id}/`, 1] as [string, number]),
        ['/clauses/', 1],
      ];
      const versions = JSON.parse(readFileSync(path.join(site.dist, 'data', 'clause-versions.json'), 'utf8')) as Array<{ id: string }>;
      expected.push(...versions.map((v) => [`/clauses/${v.id}/`, 1] as [string, number]));
      for (const [p, n] of expected) {
        const { page, errors } = await open(site, p, width, height);
        const found = await pictures(page);
        expect(found, p).toHaveLength(n);
        for (const f of found) {
          expect(f.role).toBe('img');
          expect(f.width, p).toBeGreaterThan(200);
          expect(f.width, p).toBeLessThanOrEqual(width);
          expect(f.height, p).toBeGreaterThan(40);
          expect(f.title.length, p).toBeGreaterThan(3);
          expect(f.desc.length, p).toBeGreaterThan(10);
        }
        expect(await fitsWidth(page), p).toBe(true);
        expect(await axe(page), p).toEqual([]);
        expect(errors).toEqual([]);
        await page.close();
      }
    },
  );

  it('the flow diagram of a change of contractor says who comes before and after, and its arrows in words', async () => {
    const { page } = await open(site, '/filings/2010-9bb354e9/');
    const found = await pictures(page);
    expect(found.map((f) => f.title)).toEqual(['委託先とデータの流れ（変更前）', '委託先とデータの流れ（変更後）']);
    expect(found[0]?.desc).toContain('次世代電子自治体推進企業体');
    expect(found[1]?.desc).toContain('日本電気株式会社から株式会社BCCへ（再委託：コールセンター）');
    // The facts table beside it holds the same, 変更前 and 変更後 side by side.
    expect(await page.locator('dd.contractors .side h3').allInnerTexts()).toEqual(['変更前', '変更後']);
    await page.close();
  });

  it("the year chart's numbers are the archive's, in its table too", async () => {
    const { page } = await open(site, '/');
    const rows = await page
      .locator('.year-chart table tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')?.textContent ?? '', tr.lastElementChild?.textContent ?? '']));
    const byYear = new Map<string, number>();
    for (const r of records) byYear.set(r.data.date.slice(0, 4), (byYear.get(r.data.date.slice(0, 4)) ?? 0) + 1);
    expect(new Map(rows.map(([y, n]) => [y, Number(n)]))).toEqual(byYear);
    await page.close();
  });
});

run('feeds', () => {
  it('every feed is RSS 2.0 with absolute links under the base that resolve, and its page announces it', async () => {
    const feeds = readdirSync(site.dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('feed.xml'));
    // The whole archive's, and one per section and bureau, contractor, item and clause version.
    const versions = JSON.parse(readFileSync(path.join(site.dist, 'data', 'clause-versions.json'), 'utf8')) as unknown[];
    const pagesWith = (dir: string): number =>
      readdirSync(path.join(site.dist, dir)).filter((d) => existsSync(path.join(site.dist, dir, d, 'index.html'))).length;
    expect(feeds.length).toBe(1 + pagesWith('departments') + pagesWith('contractors') + pagesWith('items') + versions.length);
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
    const origin = 'https://example.invalid';
    /** The file a URL of the built site is, or undefined when it is not under the base. */
    const fileOf = (u: string): string | undefined => {
      const url = new URL(u);
      if (url.origin !== origin || !url.pathname.startsWith(BASE)) return undefined;
      const rel = decodeURIComponent(url.pathname.slice(BASE.length));
      return path.join(site.dist, rel.endsWith('/') || rel === '' ? `${rel}index.html` : rel);
    };
    const { page } = await open(site, '/');
    for (const f of feeds) {
      const xml = readFileSync(path.join(site.dist, f), 'utf8');
      expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>'), f).toBe(true);
      const doc = parser.parse(xml) as {
        rss: {
          '@version': string;
          channel: {
            title: string;
            link: string;
            description: string;
            language: string;
            'atom:link': { '@href': string; '@rel': string; '@type': string };
            item?:
              Array<{ title: string; link: string; guid: { '#text': string } | string; pubDate: string; description: string }> | object;
          };
        };
      };
      expect(doc.rss['@version'], f).toBe('2.0');
      const ch = doc.rss.channel;
      for (const k of ['title', 'link', 'description'] as const) expect(String(ch[k]).length, `${f} ${k}`).toBeGreaterThan(0);
      expect(ch.language).toBe('ja');
      // The channel names itself, at its own address.
      expect(ch['atom:link']['@rel']).toBe('self');
      expect(ch['atom:link']['@type']).toBe('application/rss+xml');
      expect(fileOf(ch['atom:link']['@href']), f).toBe(path.join(site.dist, f));
      const pageFile = fileOf(ch.link);
      expect(pageFile && existsSync(pageFile), `${f}: channel link ${ch.link}`).toBe(true);
      const items = Array.isArray(ch.item) ? ch.item : ch.item ? [ch.item as never] : [];
      expect(items.length, f).toBeGreaterThan(0);
      for (const item of items) {
        expect(String(item.title).length).toBeGreaterThan(0);
        const file = fileOf(item.link);
        expect(file && existsSync(file), `${f}: ${item.link}`).toBe(true);
        expect(typeof item.guid === 'string' ? item.guid : item.guid['#text']).toBe(item.link);
        // RFC 822 dates, as RSS 2.0 requires.
        expect(item.pubDate).toMatch(
          /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/u,
        );
      }
      // The page it follows announces it and links to it, under the base.
      const rel = path.relative(site.dist, pageFile ?? '').replace(/index\.html$/u, '');
      await page.goto(`${site.origin}${BASE}${rel}`);
      const href = `${BASE}${f.replace(/\\/gu, '/')}`;
      expect(await page.locator(`head link[rel="alternate"][type="application/rss+xml"][href="${href}"]`).count(), rel).toBe(1);
      const response = await page.request.get(`${site.origin}${href}`);
      expect(response.status()).toBe(200);
    }
    await page.close();
  }, 300_000);
});
