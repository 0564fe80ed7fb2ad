/** The built seed archive: pages, cross-links, open data, base path, hostile content. */
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../scripts/lib/link-check.ts';
import { describeRole } from '../src/lib/archive.ts';
import { extractClauses } from '../src/lib/clauses.ts';
import { loadRecords } from '../src/lib/load.ts';
import { companyKey } from '../src/lib/names.ts';
import { buildSite } from './build-site.ts';

const parser = unified().use(rehypeParse);
const records = loadRecords(path.resolve('content'));
let dist = '';

function page(rel: string): Root {
  const file = path.join(dist, rel, rel.endsWith('.html') ? '' : 'index.html');
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
          describeRole({ role: c.role, written: c.name, ...(c.change ? { change: c.change } : {}), ...(c.task ? { task: c.task } : {}) }),
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
      const want = expected.get(companyKey(name));
      if (!want) {
        // A group from the registry (NECグループ): no filing names it, its members are listed.
        expect(selectAll('tbody tr', tree)).toEqual([]);
        expect(linksTo(tree, '/contractors/').length).toBeGreaterThan(0);
        continue;
      }
      seen.add(companyKey(name));
      const rows = selectAll('tbody tr', tree);
      const got = new Map(
        rows.map((row) => [
          String(select('a[href^="/filings/"]', row)?.properties['href']).split('/')[2] ?? '',
          selectAll('li.role', row).map((li) =>
            toText(li)
              .replace(/（[^（）]*企業体[^（）]*）$/u, '')
              .trim(),
          ),
        ]),
      );
      expect(new Map([...got].map(([k, v]) => [k, [...v].sort()]))).toEqual(new Map([...(want ?? [])].map(([k, v]) => [k, [...v].sort()])));
    }
    expect(seen).toEqual(new Set(expected.keys()));
    // The undetermined filings are on the index, not as a company.
    const undetermined = records.filter((r) => r.data.contractors.length === 0 && r.data.contractor_status);
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
    expect(csv.startsWith('\uFEFFid,url,title,kind')).toBe(true);
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
    expect(rawText(select('h1', tree) as Element)).toBe(rawRecord.title);
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
