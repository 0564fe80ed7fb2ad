/**
 * The built seed archive: pages, cross-links, open data, base path, hostile content.
 *
 * One file: every check reads the one site its beforeAll builds (a build costs more than all the
 * checks); split, each file would build it again.
 */
import { revealControls } from '../../src/lib/core/text.ts';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../../scripts/lib/link-check.ts';
import { describeRole } from '../../src/lib/crosslinks/archive.ts';
import { extractClauses } from '../../src/lib/clauses/extract.ts';
import { loadRecords } from '../../src/lib/record/load-fs.ts';
import { companyKey } from '../../src/lib/core/names.ts';
import { sourcePath } from '../../src/lib/record/record.ts';
import { searchDocuments } from '../../src/lib/search/indexer/records.ts';
import { buildLog, buildSite } from '../support/build-site.ts';
import {
  ABOUT_14,
  BETSUKI,
  COUNCIL,
  MISSING_ORIGINAL,
  MUNICIPALITY,
  ORDINANCE,
  SET_2008,
  SET_2023,
  SHINGI,
  publishedContent,
} from '../support/published-archive.ts';
import { ARCHIVE, archiveRecords } from '../support/archive.ts';

const parser = unified().use(rehypeParse);
const records = archiveRecords();
let dist = '';

function page(rel: string, root = dist): Root {
  const file = path.join(root, rel, rel.endsWith('.html') ? '' : 'index.html');
  return parser.parse(readFileSync(file, 'utf8'));
}
/** Links below `prefix` (the index page `prefix` itself, linked from the navigation, excluded). */
function linksTo(tree: Root, prefix: string): string[] {
  return selectAll('main a[href]', tree)
    .map((a) => String(a.properties['href']))
    .filter((h) => h.startsWith(prefix) && h !== prefix);
}
/** Text exactly as in the document (hast-util-to-text drops some format characters). */
function rawText(node: Root | Element): string {
  return node.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? rawText(c) : '')).join('');
}

beforeAll(async () => {
  dist = await buildSite();
});

describe('the seed archive', () => {
  it('has a page for every filing with every fact, era dates and clauses', () => {
    for (const r of records) {
      const tree = page(`filings/${r.data.id}`);
      const text = toText(tree);
      expect(select('html', tree)?.properties['lang']).toBe('ja');
      expect(select('h1', tree) && toText(select('h1', tree) as Element)).toBe(r.data.title);
      expect(text).toContain(r.data.department.section);
      for (const b of r.data.basis) expect(text).toContain(b.article);
      for (const c of r.data.contractors) expect(text).toContain(c.name);
      for (const i of r.data.items) expect(text).toContain(i);
      for (const c of extractClauses(r.body)) expect(text.replace(/\s+/gu, '')).toContain(c.text.replace(/\s+/gu, '').slice(0, 40));
      expect(text).toContain(r.data.source?.sha256);
      expect(text).toMatch(/(平成|令和)(\d+|元)年\d+月(\d+日)?（\d{4}-\d{2}(-\d{2})?）/u);
      // Every department, contractor, article and item on the page is a link.
      expect(linksTo(tree, '/departments/').length).toBeGreaterThanOrEqual(r.data.department.bureau ? 2 : 1);
      expect(linksTo(tree, '/contractors/').length).toBeGreaterThanOrEqual(r.data.contractors.length);
      expect(linksTo(tree, '/basis/')).toHaveLength(r.data.basis.length);
      expect(linksTo(tree, '/items/')).toHaveLength(r.data.items.length);
      // No script on a page that does not need it.
      expect(selectAll('script', tree)).toHaveLength(0);
    }
  });

  it('publishes each original under /sources/ and links it from the filing page with its type and size', () => {
    for (const r of records) {
      const source = r.data.source!;
      const name = path.basename(sourcePath(source.sha256, path.extname(source.file)));
      expect(readFileSync(path.join(dist, 'sources', name))).toEqual(readFileSync(path.join(ARCHIVE, 'sources', name)));
      const tree = page(`filings/${r.data.id}`);
      const links = selectAll('a[data-original]', tree);
      expect(links).toHaveLength(1);
      expect(links[0]?.properties['href']).toBe(`/sources/${name}`);
      expect(links[0]?.properties['download']).toBe(source.file);
      const dd = toText(select('.original', tree) as Element);
      expect(dd).toContain(source.file);
      expect(dd).toContain(`テキスト・${(source.size! / 1024).toFixed(1)} KB`);
      expect(toText(tree)).toContain('原本');
    }
  });

  it("names the seeds' ward and council from the default configuration", () => {
    const home = page('');
    const title = '新宿区情報公開・個人情報保護審議会 諮問・報告事項アーカイブ';
    expect(toText(select('title', home) as Element)).toBe(title);
    expect(toText(select('.site-name', home) as Element)).toBe(title);
    expect(String(select('meta[name="description"]', home)?.properties['content'])).toMatch(
      /^新宿区情報公開・個人情報保護審議会に諮問・報告された/u,
    );
    expect(readFileSync(path.join(dist, 'feed.xml'), 'utf8')).toContain(`<title>${title}</title>`);
    expect(toText(select('main', home) as Element)).toContain('新宿区の部署が個人情報を扱う業務');
    // The article pages say what the article is about.
    expect(toText(page('basis/article-14-1'))).toContain('個人情報を取り扱う業務を外部に委託するときの手続');
  });

  it('the 戸籍住民課 page lists every 戸籍住民課 filing, under both bureau names', () => {
    const expected = records.filter((r) => r.data.department.section === '戸籍住民課');
    expect(new Set(expected.map((r) => r.data.department.bureau))).toEqual(new Set(['地域文化部', '地域振興部']));
    const tree = page('departments/koseki-juumin-ka');
    const filingLinks = linksTo(tree, '/filings/').map((h) => h.split('/')[2]);
    expect(new Set(filingLinks)).toEqual(new Set(expected.map((r) => r.data.id)));
    const text = toText(tree);
    expect(text).toContain('地域文化部');
    expect(text).toContain('地域振興部');
    expect(linksTo(tree, '/departments/')).toEqual(
      expect.arrayContaining(['/departments/chiiki-bunka-bu/', '/departments/chiiki-shinkou-bu/']),
    );
    // Each bureau page links back to the one section page.
    for (const b of ['chiiki-bunka-bu', 'chiiki-shinkou-bu'])
      expect(linksTo(page(`departments/${b}`), '/departments/')).toContain('/departments/koseki-juumin-ka/');
  });

  it('each contractor page lists exactly its filings and its roles in each', () => {
    // Expected, computed from the records without the site's index code.
    const expected = new Map<string, Map<string, string[]>>();
    for (const r of records) {
      for (const c of r.data.contractors) {
        const key = companyKey(c.name);
        const byFiling = expected.get(key) ?? new Map<string, string[]>();
        byFiling.set(r.data.id, [
          ...(byFiling.get(r.data.id) ?? []),
          describeRole({
            role: c.role,
            written: c.name,
            ...(c.change ? { change: c.change } : {}),
            ...(c.task ? { task: c.task } : {}),
          }),
        ]);
        expected.set(key, byFiling);
      }
    }
    const index = page('contractors');
    const slugs = linksTo(index, '/contractors/');
    const seen = new Set<string>();
    for (const href of slugs) {
      const tree = page(href.slice(1));
      const name = toText(select('h1', tree) as Element);
      // The rows of the who-got-which-data table that are this company's own (others are its members').
      const own = selectAll('table.recipients tbody tr', tree).filter((row) => select(`td.company a[href="${href}"]`, row));
      const want = expected.get(companyKey(name));
      if (!want) {
        // A group from the registry (NECグループ): no filing names it; its members' rows are listed.
        expect(own).toEqual([]);
        expect(selectAll('table.recipients tbody tr', tree).length).toBeGreaterThan(0);
        continue;
      }
      seen.add(companyKey(name));
      const got = new Map<string, string[]>();
      for (const row of own) {
        const id = String(select('a[href^="/filings/"]', row)?.properties['href']).split('/')[2] ?? '';
        got.set(id, [...(got.get(id) ?? []), toText(select('.role', row) as Element).trim()]);
      }
      expect(new Map([...got].map(([k, v]) => [k, [...v].sort()]))).toEqual(new Map([...want].map(([k, v]) => [k, [...v].sort()])));
    }
    expect(seen).toEqual(new Set(expected.keys()));
    // Filings that name no company are on the index, with what they say, not as a company.
    const undetermined = records.filter((r) => r.data.contractors.length === 0);
    expect(undetermined.length).toBeGreaterThan(0);
    for (const r of undetermined) expect(linksTo(index, '/filings/')).toContain(`/filings/${r.data.id}/`);
    expect(existsSync(path.join(dist, 'contractors', 'mitei'))).toBe(false);
  });

  it('item pages list the filings that hand the item over', () => {
    const tree = page('items/shimei');
    const ids = linksTo(tree, '/filings/').map((h) => h.split('/')[2]);
    expect(new Set(ids)).toEqual(new Set(records.filter((r) => r.data.items.includes('氏名')).map((r) => r.data.id)));
  });

  it('/data/filings.json and /data/filings.csv match the records', () => {
    const json = JSON.parse(readFileSync(path.join(dist, 'data', 'filings.json'), 'utf8')) as Array<Record<string, unknown>>;
    expect(json).toHaveLength(records.length);
    for (const r of records) {
      const row = json.find((x) => x['id'] === r.data.id);
      expect(row).toMatchObject(JSON.parse(JSON.stringify(r.data)) as Record<string, unknown>);
      expect(row?.['url']).toMatch(new RegExp(`/filings/${r.data.id}/$`, 'u'));
      expect(row?.['clauses']).toEqual(extractClauses(r.body));
    }
    const csv = readFileSync(path.join(dist, 'data', 'filings.csv'), 'utf8');
    // Japanese headers for people; the keys (CSV_COLUMNS) are the JSON export's, listed in the README.
    expect(csv.startsWith('\uFEFF整理番号,URL,件名,種別')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(records.length + 1);
    for (const r of records) {
      const line = lines.find((l) => l.startsWith(`${r.data.id},`)) ?? '';
      expect(line).toContain(r.data.title);
      expect(line).toContain(r.data.date);
      for (const c of r.data.contractors) expect(line).toContain(c.name);
    }
  });

  it('has a feed, a sitemap and a 404 page', () => {
    const feed = readFileSync(path.join(dist, 'feed.xml'), 'utf8');
    for (const r of records) expect(feed).toContain(`/filings/${r.data.id}/`);
    expect(existsSync(path.join(dist, 'sitemap-index.xml'))).toBe(true);
    expect(existsSync(path.join(dist, '404.html'))).toBe(true);
  });

  it('every internal link resolves, under the root base', () => {
    const result = checkLinks(dist, '/');
    expect(result.broken).toEqual([]);
    expect(result.links).toBeGreaterThan(500);
  });
});

describe('under a sub-path base', () => {
  it('every internal link and anchor resolves under /archive/', async () => {
    const sub = await buildSite({ base: '/archive/' });
    const result = checkLinks(sub, '/archive/');
    expect(result.broken).toEqual([]);
    expect(result.pages).toBeGreaterThan(20);
    const home = readFileSync(path.join(sub, 'index.html'), 'utf8');
    expect(home).toContain('href="/archive/filings/"');
    expect(home).not.toMatch(/href="\/(filings|departments|contractors)\//u);
  });

  it('the link checker finds a broken link (it can fail)', async () => {
    const sub = await buildSite({ base: '/archive/' });
    expect(checkLinks(sub, '/').broken.length).toBeGreaterThan(0);
  });
});

describe('a hostile record', () => {
  it('renders inert, with its text intact', async () => {
    const out = await buildSite({ contentDir: 'tests/fixtures/hostile' });
    const html = readFileSync(path.join(out, 'filings', 'hostile-1', 'index.html'), 'utf8');
    const tree = parser.parse(html);
    expect(selectAll('script, iframe, style, object, embed', tree)).toEqual([]);
    selectAll('*', tree).forEach((el) => {
      for (const [k, v] of Object.entries(el.properties)) {
        expect(k.toLowerCase().startsWith('on'), `${el.tagName} ${k}`).toBe(false);
        if (k === 'href' || k === 'src') expect(String(v)).not.toMatch(/^\s*(javascript|data|vbscript):/iu);
      }
    });
    const text = toText(tree);
    for (const legit of [
      '危険な件名',
      '𠮷野家',
      '悪意株式会社',
      'クリックしても何も起きない段落',
      '危ないリンク',
      '生のリンク',
      '正当な表のセル',
      '漏らしてはならない',
      '図の文字',
    ])
      expect(text).toContain(legit);
    // Markup in titles and names is shown as text, not interpreted.
    expect(text).toContain("<script>alert('title')</script>");
    expect(text).toContain('<b onmouseover=alert(2)>');
    const rawRecord = parseYaml(readFileSync('tests/fixtures/hostile/filings/hostile-1.md', 'utf8').split('---')[1] ?? '') as {
      title: string;
    };
    // The title exactly as recorded, but for its bidirectional override, shown as its code point so it reverses nothing.
    expect(rawRecord.title).toContain('\u202e');
    expect(rawText(select('h1', tree) as Element)).toBe(revealControls(rawRecord.title));
    expect(rawText(select('h1', tree) as Element)).not.toContain('\u202e');
  });

  it('every page of the hostile archive is free of injected script', async () => {
    const out = await buildSite({ contentDir: 'tests/fixtures/hostile' });
    const files = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    for (const f of files) {
      const tree = parser.parse(readFileSync(path.join(out, f), 'utf8'));
      for (const s of selectAll('script', tree)) expect(toText(s)).not.toMatch(/alert/u);
      expect(selectAll('iframe', tree)).toEqual([]);
    }
  });
});

describe('clause versions on the site', () => {
  it('/data/clause-versions.json lists each version with its clauses, filings and predecessor', () => {
    const data = JSON.parse(readFileSync(path.join(dist, 'data', 'clause-versions.json'), 'utf8')) as Array<{
      id: string;
      name: string;
      clauses: Array<{ number: number; heading: string | null; text: string }>;
      filings: string[];
      predecessor: string | null;
    }>;
    expect(data).toHaveLength(4);
    expect(data.flatMap((v) => v.filings).sort()).toEqual(records.map((r) => r.data.id).sort());
    for (const v of data) {
      expect(v.id).toMatch(/^cv-[0-9a-f]{8}$/u);
      expect(existsSync(path.join(dist, 'clauses', v.id, 'index.html'))).toBe(true);
      if (v.predecessor) expect(existsSync(path.join(dist, 'clauses', 'compare', v.predecessor, v.id, 'index.html'))).toBe(true);
    }
    expect(data.filter((v) => v.predecessor === null)).toHaveLength(1);
  });

  it('each filing page names its version; a filing that departs from its time shows how', () => {
    const data = JSON.parse(readFileSync(path.join(dist, 'data', 'clause-versions.json'), 'utf8')) as Array<{
      id: string;
      filings: string[];
    }>;
    for (const r of records) {
      const v = data.find((x) => x.filings.includes(r.data.id));
      expect(linksTo(page(`filings/${r.data.id}`), '/clauses/')).toContain(`/clauses/${v?.id}/`);
    }
    const departing = page('filings/2010-4b4b9c74');
    const marked = selectAll('.shinkyu-table .chg', departing).map((e) => toText(e));
    expect(marked).toEqual(['業務に関し、']);
  });

  it('a 新旧対照表 has both columns, new on the left, underlines, （略） and （新設）', () => {
    const data = JSON.parse(readFileSync(path.join(dist, 'data', 'clause-versions.json'), 'utf8')) as Array<{
      id: string;
      clauses: unknown[];
    }>;
    const oldest = data[0];
    const newest = data[data.length - 1];
    const tree = page(`clauses/compare/${oldest?.id}/${newest?.id}`);
    const heads = selectAll('.shinkyu-table thead th', tree).map((e) => toText(e));
    expect(heads[0]).toMatch(/^新/u);
    expect(heads[1]).toMatch(/^旧/u);
    expect(toText(tree)).toContain('（傍線部分は変更部分）');
    expect(selectAll('.shinkyu-table .chg', tree).length).toBeGreaterThan(10);
    expect(toText(tree)).toContain('（略）');
    expect(toText(tree)).toContain('（新設）');
    expect(selectAll('tr[data-kind="split"]', tree)).toHaveLength(2);
  });

  it('topic pages follow one clause across versions', () => {
    const tree = page('clauses/topics/sai-itaku-no-kinshi');
    expect(linksTo(tree, '/clauses/cv-')).toHaveLength(4);
  });
});

describe('another municipality, with clause sets published on their own', () => {
  let out = '';
  let content = '';
  type Version = {
    id: string;
    name: string;
    filings: string[];
    first: string;
    predecessor: string | null;
    published: Array<{ id: string; title: string; date_text: string | null; source: { file: string; url: string | null } | null }>;
  };
  let versions: Version[] = [];
  const of = (setId: string): Version => versions.find((v) => v.published.some((p) => p.id === setId))!;

  beforeAll(async () => {
    content = publishedContent();
    out = await buildSite({ contentDir: content });
    versions = JSON.parse(readFileSync(path.join(out, 'data', 'clause-versions.json'), 'utf8')) as Version[];
  });

  it('a record whose original is missing builds without a link, and the build names the file', () => {
    const tree = page(`filings/${MISSING_ORIGINAL}`, out);
    expect(selectAll('a[data-original]', tree)).toEqual([]);
    const source = records.find((r) => r.data.id === MISSING_ORIGINAL)!.data.source!;
    expect(toText(select('.original', tree) as Element)).toBe(`${source.file}（原本は公開されていません）`);
    const expected = path.join(content, sourcePath(source.sha256, path.extname(source.file)));
    expect(buildLog(out)).toContain(`original ${source.file} is not at ${expected}`);
    expect(buildLog(out)).toContain(path.join(content, 'filings', `${MISSING_ORIGINAL}.md`));
    expect(existsSync(path.join(out, path.relative(content, expected)))).toBe(false);
    // The others are there.
    expect(selectAll('a[data-original]', page(`filings/${SHINGI}`, out))).toHaveLength(1);
  });

  it('a published set with the wording filings attached is their version; its page names it with its original', () => {
    const v = of(SET_2008.id);
    const seeds = records.filter((r) => /^00[13]/u.test(r.data.source?.file ?? '')).map((r) => r.data.id);
    expect(v.filings.sort()).toEqual(seeds.sort());
    expect(v.first).toBe(SET_2008.date);
    const tree = page(`clauses/${v.id}`, out);
    const text = toText(tree);
    expect(text).toContain(SET_2008.title);
    expect(text).toContain(SET_2008.date_text);
    const link = select('a[data-original]', tree);
    const name = String(link?.properties['href']).replace(/^\/sources\//u, '');
    expect(link?.properties['download']).toBe(SET_2008.file);
    expect(name).toMatch(/^[0-9a-f]{16}\.docx$/u);
    expect(readFileSync(path.join(out, 'sources', name))).toEqual(readFileSync(path.join(content, 'sources', name)));
    expect(toText(select('.original', tree) as Element)).toContain('Word・');
    // Its filings link to it, as to any version.
    for (const id of seeds) expect(linksTo(page(`filings/${id}`, out), '/clauses/')).toContain(`/clauses/${v.id}/`);
  });

  it('a published set no filing attached is a version of its own: page, timeline, 新旧対照表, open data', () => {
    const v = of(SET_2023.id);
    expect(v.filings).toEqual([]);
    expect(v.name).toBe('令和5年4月版');
    expect(versions).toHaveLength(5);
    expect(versions[versions.length - 1]?.id).toBe(v.id);
    expect(v.published[0]).toMatchObject({ title: SET_2023.title, date_text: SET_2023.date_text, source: { file: SET_2023.file } });
    expect(v.published[0]?.source?.url).toMatch(/\/sources\/[0-9a-f]{16}\.pdf$/u);
    const tree = page(`clauses/${v.id}`, out);
    expect(toText(tree)).toContain(SET_2023.title);
    expect(toText(tree)).toContain('この版を付した諮問・報告事項はありません');
    expect(toText(select('.original', tree) as Element)).toMatch(/PDF・\d+\.\d KB/u);
    const timeline = page('clauses', out);
    expect(linksTo(timeline, '/clauses/')).toContain(`/clauses/${v.id}/`);
    expect(toText(timeline)).toContain(SET_2023.title);
    // Every older version has its comparison with it.
    for (const other of versions.slice(0, -1))
      expect(existsSync(path.join(out, 'clauses', 'compare', other.id, v.id, 'index.html'))).toBe(true);
    // Written with 発注者/受注者, it still pairs clause by clause with the 21-clause version it follows,
    // and the table underlines the party words.
    const predecessor = versions.find((x) => x.id === v.predecessor)!;
    expect(predecessor.filings).toEqual([records.find((r) => r.data.source?.file.startsWith('002'))?.data.id]);
    const table = page(`clauses/compare/${predecessor.id}/${v.id}`, out);
    expect(selectAll('tr[data-kind="added"], tr[data-kind="deleted"]', table)).toEqual([]);
    expect(new Set(selectAll('.shinkyu-table .chg', table).map((e) => toText(e)))).toEqual(new Set(['受注者', '発注者', '甲', '乙']));
  });

  it('a filing whose clauses are under another heading (clause_section) keeps its version', () => {
    const v = versions.find((x) => x.filings.includes(BETSUKI))!;
    expect(v.name).toBe('令和2年4月版');
    expect(linksTo(page(`filings/${BETSUKI}`, out), '/clauses/')).toContain(`/clauses/${v.id}/`);
  });

  it("the search index keeps that filing's 特記事項 apart as its clause set, as it does for the others", () => {
    const entries = loadRecords(content).map((r) => ({ id: r.data.id, data: r.data, body: r.body }));
    const docs = searchDocuments(entries, '/');
    const doc = docs.find((d) => d.url === `/filings/${BETSUKI}/`)!;
    expect(doc.words?.some((w) => w.startsWith('ωclauseset'))).toBe(true);
    expect(doc.text).not.toContain('個人情報の保護及び情報セキュリティの重要性');
    const set = docs.find((d) => d.filters['set'] && d.text.includes('個人情報を取り扱う従事者の指定'));
    expect(set?.text.startsWith('別記')).toBe(true);
  });

  it('the title, header, description, feed and home page name the configured municipality and council', () => {
    const home = page('', out);
    const title = `${COUNCIL} 諮問・報告事項アーカイブ`;
    expect(toText(select('title', home) as Element)).toBe(title);
    expect(toText(select('.site-name', home) as Element)).toBe(title);
    const description = String(select('meta[name="description"]', home)?.properties['content']);
    expect(description).toMatch(new RegExp(`^${COUNCIL}に諮問・報告された`, 'u'));
    const feed = readFileSync(path.join(out, 'feed.xml'), 'utf8');
    expect(feed).toContain(`<title>${title}</title>`);
    const lead = toText(select('main', home) as Element);
    expect(lead).toContain(`${MUNICIPALITY}の部署が個人情報を扱う業務`);
    for (const t of [toText(select('header', home) as Element), description, lead, feed.slice(0, feed.indexOf('<item>'))])
      expect(t).not.toContain('新宿区');
    const filing = page(`filings/${SHINGI}`, out);
    expect(toText(select('title', filing) as Element)).not.toContain('新宿区');
    expect(toText(filing)).toContain('市が行う情報保護対策');
    // The article's page: the ordinance and what the article is about.
    const basis = toText(page('basis/article-14-1', out));
    expect(basis).toContain(`${ORDINANCE}第14条第1項（業務委託）`);
    expect(basis).toContain(ABOUT_14);
  });

  it("a filing shows its number, its matters (each linked to its list) and the document's date", () => {
    const tree = page(`filings/${SHINGI}`, out);
    const text = toText(tree);
    expect(text).toMatch(/番号\s*審議第3号/u);
    expect(text).toContain('（文書の日付）');
    const matters = linksTo(tree, '/matters/');
    expect(matters).toHaveLength(2);
    for (const href of matters) expect(linksTo(page(href.slice(1), out), '/filings/')).toContain(`/filings/${SHINGI}/`);
    expect(linksTo(page('matters', out), '/matters/')).toEqual(expect.arrayContaining(matters));
    // Every filing with matters links them.
    for (const r of records)
      expect(linksTo(page(`filings/${r.data.id}`, out), '/matters/').length).toBeGreaterThanOrEqual(r.data.matters.length);
  });

  it('the filings list and the search page know every kind of the archive', () => {
    const list = page('filings', out);
    expect(selectAll('select[name="kind"] option', list).map((o) => toText(o))).toContain('審議');
    expect(select(`tr[data-kind="審議"]`, list)).toBeDefined();
    const kinds = JSON.parse(String(select('#search', page('search', out))?.properties['dataKinds'])) as string[];
    expect(kinds).toEqual(['諮問', '報告', '事前報告', '審議', '通知']);
  });

  it('every internal link resolves, originals included', () => {
    const result = checkLinks(out, '/');
    expect(result.broken).toEqual([]);
  });
});
