/**
 * The faults of a walk-through of the answer pages, each as a reader meets it in Chromium, on the seed
 * archive under a sub-path base. Each test failed on the site before its fix.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildLog } from '../support/build-site.ts';
import { BASE, WIDTHS, open, run, startSite, type Site } from '../support/pages.ts';
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

run('faults found in the walk-through', () => {
  it.each(WIDTHS)('/filings/ at %s width: a filter hides the other rows, and status, caption and print agree', async (_, width, height) => {
    const { page, errors } = await open(site, '/filings/', width, height);
    const visible = (): Promise<number> => page.locator('tbody tr:visible').count();
    expect(await visible()).toBe(records.length);
    await page.selectOption('select[name="section"]', '戸籍住民課');
    const expected = records.filter((r) => r.data.department.section === '戸籍住民課').length;
    expect(await visible()).toBe(expected);
    expect(await page.locator('form[data-filter-for] [role="status"]').innerText()).toContain(`${expected}件`);
    const caption = await page.locator('table caption').first().innerText();
    expect(caption).toContain(`${expected}件`);
    expect(caption).not.toContain(`${records.length}件`);
    await page.emulateMedia({ media: 'print' });
    expect(await visible()).toBe(expected);
    await page.emulateMedia({ media: 'screen' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a company's groups are separate links, a group's page lists its members' filings, and the index counts them", async () => {
    const { page } = await open(site, '/contractors/nihondenki/');
    const groups = page.locator('.contractor-groups a');
    expect(await groups.count()).toBe(2);
    const line = await page.locator('.contractor-groups').innerText();
    expect(line).not.toContain('次世代電子自治体推進企業体NECグループ');
    await page.goto(`${site.origin}${BASE}contractors/nec-guruupu/`);
    expect(await page.locator('main a[href*="/filings/2010-9bb354e9/"]').count()).toBeGreaterThan(0);
    await page.goto(`${site.origin}${BASE}contractors/`);
    const row = page.locator('tbody tr', { has: page.locator('a[href$="/contractors/nec-guruupu/"]') });
    expect(await row.locator('td').last().innerText()).toBe('1件');
    await page.close();
  });

  it("a filing's note counts the unchanged clauses as its 新旧対照表 does", async () => {
    for (const id of ['2010-9bb354e9', '2010-4b4b9c74']) {
      const { page } = await open(site, `/filings/${id}/`);
      const count = async (): Promise<string | undefined> =>
        /変更のない条項\s*(\d+)件/u.exec(await page.locator('main').innerText())?.[1] ?? undefined;
      const onFiling = await count();
      const href = await page.locator('main a[href*="/clauses/compare/"]').first().getAttribute('href');
      await page.goto(`${site.origin}${href}`);
      expect(onFiling, id).toBe(await count());
      await page.close();
    }
  });

  it('the version note names the filings it counts, each within the years it states', async () => {
    for (const id of ['2010-9bb354e9', '2010-4b4b9c74']) {
      const { page } = await open(site, `/filings/${id}/`);
      const note = page.locator('.version-note');
      const text = await note.innerText();
      const links = await note.locator('a[href*="/filings/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      const ids = links.map((h) => h.split('/').filter(Boolean).pop() ?? '');
      expect(ids.length, id).toBeGreaterThan(0);
      expect(text).toContain(`${ids.length}件`);
      const [from, to] = [...text.matchAll(/（(\d{4})〜(\d{4})年）/gu)][0]?.slice(1).map(Number) ?? [];
      for (const other of ids) {
        const year = Number(records.find((r) => r.data.id === other)?.data.date.slice(0, 4));
        expect(year).toBeGreaterThanOrEqual(from ?? Infinity);
        expect(year).toBeLessThanOrEqual(to ?? -Infinity);
      }
      await page.close();
    }
  });

  it('the list of filings without a contractor has every filing whose page says so', async () => {
    const { page } = await open(site, '/contractors/');
    const listed = await page
      .locator('.undetermined a[href*="/filings/"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')?.split('/').filter(Boolean).pop() ?? ''));
    for (const r of records.filter((x) => x.data.contractors.length === 0)) {
      await page.goto(`${site.origin}${BASE}filings/${r.data.id}/`);
      const said = await page.locator('dd.contractors').innerText();
      expect(listed, `${r.data.id} says ${said}`).toContain(r.data.id);
    }
    await page.close();
  });

  it("a clause topic's heading has no brackets around the clause's heading", async () => {
    const { page } = await open(site, '/clauses/topics/sai-itaku-no-kinshi/');
    expect(await page.locator('h1').innerText()).toBe('条項の変遷：再委託の禁止');
    await page.close();
  });

  it('a version named その2 says why, and the wording named その2 is the newer of its month', async () => {
    const versions = JSON.parse(readFileSync(path.join(site.dist, 'data', 'clause-versions.json'), 'utf8')) as Array<{
      id: string;
      name: string;
      predecessor: string | null;
    }>;
    const second = versions.filter((v) => /その\d+$/u.test(v.name));
    expect(second.length).toBeGreaterThan(0);
    for (const v of second) {
      const first = versions.find((x) => x.name === v.name.replace(/その\d+$/u, ''));
      // The newer wording descends from the first of the month, not the other way round.
      expect(versions.find((x) => x.id === first?.id)?.predecessor).not.toBe(v.id);
      const { page } = await open(site, `/clauses/${v.id}/`);
      const note = page.locator('.version-name-note');
      expect(await note.locator(`a[href$="/clauses/${first?.id}/"]`).count()).toBe(1);
      await page.close();
    }
  });

  it('no span of dates runs from a day to the same day', async () => {
    const versions = JSON.parse(readFileSync(path.join(site.dist, 'data', 'clause-versions.json'), 'utf8')) as Array<{ id: string }>;
    for (const p of ['/clauses/', ...versions.map((v) => `/clauses/${v.id}/`), '/clauses/topics/sai-itaku-no-kinshi/']) {
      const { page } = await open(site, p);
      const text = await page.locator('main').innerText();
      expect(text, p).not.toMatch(/((?:明治|大正|昭和|平成|令和)[元\d]+年\d+月(?:\d+日)?)\s*(?:〜|から)\s*\1/u);
      await page.close();
    }
  });

  it('the 2020 filing says that the formatting its text refers to (太ゴシック・下線) is in the original only', async () => {
    const { page } = await open(site, '/filings/2020-27c263f1/');
    const note = page.locator('.record-body .format-note');
    expect(await note.count()).toBe(1);
    expect(await note.innerText()).toContain('原本');
    expect(await note.locator('a[href*="/sources/"]').count()).toBe(1);
    await page.close();
  });

  it('the CSV has Japanese column headers, and its keys are documented', async () => {
    const { page } = await open(site, '/');
    const csv = await (await page.request.get(`${site.origin}${BASE}data/filings.csv`)).text();
    const header = csv.replace(/^\uFEFF/u, '').split('\r\n')[0] ?? '';
    expect(header.split(',').slice(0, 4)).toEqual(['整理番号', 'URL', '件名', '種別']);
    expect(readFileSync('README.md', 'utf8')).toMatch(/\| *整理番号 *\| *`id`/u);
    await page.close();
  });

  it('the build warns that ARCHIVE_SITE is unset, as the feed, sitemap and data then say example.invalid', () => {
    expect(buildLog(site.dist)).toMatch(/ARCHIVE_SITE is not set/u);
  });
});
