import { describe, expect, it } from 'vitest';
import { MANIFEST_FORMAT, type Manifest } from '../../src/lib/publish/manifest.ts';
import { SEARCH_FORMAT } from '../../src/lib/search/format.ts';
import {
  acrossRows,
  portalView,
  type OpenCompany,
  type OpenFiling,
  type OpenVersion,
  type PortalArchive,
} from '../../src/lib/portal/view.ts';
import {
  chosenSources,
  interleave,
  isWebAddress,
  ownLink,
  ownWasm,
  sourceOfUrl,
  sumCounts,
  type SearchSource,
} from '../../src/lib/search/sources.ts';

function manifest(municipality: string): Manifest {
  return {
    format: MANIFEST_FORMAT,
    municipality,
    council: `${municipality}審議会`,
    title: `${municipality}アーカイブ`,
    site: `https://${municipality}.example.jp/`,
    base: '/',
    built: '2026-12-01',
    counts: { filings: 2, contractors: 2, items: 2, clauseVersions: 1 },
    kinds: ['報告'],
    search: { format: SEARCH_FORMAT, pagefind: '1.6.0', bundle: 'pagefind/', streams: {}, shards: 16 },
    data: { filings: 'f', csv: 'c', clauseVersions: 'v', contractors: 'k' },
  };
}
const filing = (id: string, date: string, items: string[], contractors: OpenFiling['contractors']): OpenFiling => ({
  id,
  url: `https://x/${id}/`,
  title: `件名${id}`,
  kind: '報告',
  date,
  bureau: '区民部',
  section: '戸籍住民課',
  items,
  contractors,
});
const company = (name: string, names: string[], ids: string[], role = '委託先', task?: string): OpenCompany => ({
  name,
  names,
  url: `https://x/c/${name}/`,
  groups: [],
  members: [],
  filings: ids.map((id) => ({ id, roles: [{ role, written: name, ...(task ? { task } : {}) }] })),
});
const version = (name: string, first: string, headings: string[]): OpenVersion => ({
  id: first,
  name,
  clauses: headings.map((h, i) => ({ number: i + 1, heading: h, text: '…' })),
  filings: ['a1'],
  first,
  last: first,
});

const A: PortalArchive = {
  key: 'a0',
  manifest: manifest('あおば市'),
  site: 'https://aoba.example.jp/',
  filings: [
    filing('a1', '2010-04-01', ['氏名', '住民票コード'], [{ name: '株式会社ＢＣＣ', role: '委託先' }]),
    filing('a2', '2012-04-01', ['氏名'], [{ name: '日本電気株式会社', role: '委託先' }]),
  ],
  companies: [company('株式会社ＢＣＣ', ['株式会社ＢＣＣ'], ['a1']), company('日本電気株式会社', ['日本電気株式会社'], ['a2'])],
  versions: [version('平成20年版', '2008-04-01', ['（秘密の保持）', '（再委託の禁止）'])],
};
const B: PortalArchive = {
  key: 'a1',
  manifest: manifest('みなと区'),
  site: 'https://minato.example.jp/',
  filings: [filing('b1', '2020-04-01', ['住民票コード ', '性別'], [{ name: 'BCC 株式会社', role: '再委託先', task: 'コールセンター' }])],
  companies: [company('BCC株式会社', ['BCC 株式会社'], ['b1'], '再委託先', 'コールセンター')],
  versions: [version('令和2年版', '2020-04-01', ['秘密の保持', '事故の報告'])],
};
const slugify = (t: string): string => [...t].map((c) => c.codePointAt(0)?.toString(36)).join('');

describe('portal view', () => {
  const view = portalView([A, B], slugify);

  it('joins a company across municipalities by its normalised name (widths, 株式会社 placement), with what it received where', () => {
    const bcc = view.companies.find((c) => c.names.includes('株式会社ＢＣＣ'));
    expect(bcc?.archives.map((a) => a.archive.municipality)).toEqual(['あおば市', 'みなと区']);
    expect(bcc?.names.sort()).toEqual(['BCC 株式会社', 'BCC株式会社', '株式会社ＢＣＣ'].sort());
    expect(bcc?.archives[0]?.items).toEqual(['氏名', '住民票コード']);
    expect(bcc?.archives[1]?.filings[0]?.roles).toEqual(['再委託先（コールセンター）']);
    expect(bcc?.archives[1]?.page).toBe('https://x/c/BCC株式会社/');
    expect(view.companies).toHaveLength(2);
  });

  it('an item across municipalities lists the companies that received it in each, linked to their portal page', () => {
    const code = view.items.find((i) => i.name === '住民票コード');
    expect(code?.archives.map((a) => [a.archive.municipality, a.filings.map((f) => f.title), a.companies.map((c) => c.name)])).toEqual([
      ['あおば市', ['件名a1'], ['株式会社ＢＣＣ']],
      ['みなと区', ['件名b1'], ['BCC 株式会社']],
    ]);
    const slugs = code?.archives.map((a) => a.companies[0]?.slug);
    expect(slugs?.[0]).toBeDefined();
    expect(slugs?.[0]).toBe(slugs?.[1]);
    // Slugs are unique.
    expect(new Set(view.items.map((i) => i.slug)).size).toBe(view.items.length);
  });

  it('lists the names of an index found in more municipalities first, each with its page, municipalities and filings', () => {
    const rows = acrossRows(view.items, (slug) => `/items/${slug}/`);
    expect(rows[0]).toEqual({
      name: '住民票コード',
      href: `/items/${view.items.find((i) => i.name === '住民票コード')?.slug}/`,
      municipalities: ['あおば市', 'みなと区'],
      filings: 2,
    });
    expect(rows.map((r) => r.name)).toEqual([
      ...view.items
        .filter((i) => i.archives.length === 2)
        .map((i) => i.name)
        .sort((a, b) => a.localeCompare(b, 'ja')),
      ...view.items
        .filter((i) => i.archives.length === 1)
        .map((i) => i.name)
        .sort((a, b) => a.localeCompare(b, 'ja')),
    ]);
  });

  it('puts the newest clause versions side by side, clauses joined by heading with or without brackets', () => {
    expect(view.clauses.rows.map((r) => [r.heading, r.cells.map((c) => c?.number ?? null)])).toEqual([
      ['（秘密の保持）', [1, 1]],
      ['（再委託の禁止）', [2, null]],
      ['事故の報告', [null, 2]],
    ]);
    expect(view.clauses.archives.map((a) => a.newest)).toEqual(['平成20年版', '令和2年版']);
    expect(view.clauses.archives[0]?.versions[0]?.url).toBe('https://aoba.example.jp/clauses/2008-04-01/');
  });
});

describe('search sources', () => {
  const s = (key: string, site: string): SearchSource => ({
    key,
    label: key,
    site,
    bundle: `${site}pagefind/`,
    baseUrl: new URL(site).origin,
    kinds: [],
  });
  const sources = [s('あおば市', 'https://aoba.example.jp/archive/'), s('みなと区', 'https://minato.example.jp/')];

  it('knows which archive a URL is of, and gives the portal’s own WebAssembly for an archive’s', () => {
    expect(sourceOfUrl('https://aoba.example.jp/archive/pagefind/index/x.pf_index', sources)?.key).toBe('あおば市');
    expect(sourceOfUrl('https://aoba.example.jp/other/', sources)).toBeUndefined();
    expect(ownWasm('https://minato.example.jp/pagefind/wasm.unknown.pagefind?x=1', sources, 'https://portal/pagefind/')).toBe(
      'https://portal/pagefind/wasm.unknown.pagefind',
    );
    expect(ownWasm('https://minato.example.jp/pagefind/pagefind.unknown.pf_meta', sources, 'https://portal/pagefind/')).toBeUndefined();
    expect(ownWasm('https://elsewhere/pagefind/wasm.unknown.pagefind', sources, 'https://portal/pagefind/')).toBeUndefined();
  });

  it('interleaves lists, sums counts, and a municipality chooses its archive', () => {
    expect(interleave([[1, 2, 3], [], [10, 20]])).toEqual([1, 10, 2, 20, 3]);
    expect(sumCounts([{ kind: { 報告: 2 } }, undefined, { kind: { 報告: 1, 諮問: 1 } }])).toEqual({ kind: { 報告: 3, 諮問: 1 } });
    expect(chosenSources(sources, 'みなと区').map((x) => x.key)).toEqual(['みなと区']);
    expect(chosenSources(sources, undefined)).toHaveLength(2);
  });
});

describe('links from an archive', () => {
  const site = 'https://a.example/archive/';
  it('keeps http(s) links on the archive’s own origin, resolved', () => {
    expect(ownLink('https://a.example/archive/filings/x/', site)).toBe('https://a.example/archive/filings/x/');
    expect(ownLink('/archive/filings/x/', site)).toBe('https://a.example/archive/filings/x/');
    expect(ownLink('filings/x/', site)).toBe('https://a.example/archive/filings/x/');
  });
  it('gives the archive’s own address for script, data, another host or no URL at all', () => {
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      '//other.example/x',
      'https://other.example/archive/filings/x/',
      'http://a.example:8080/x',
      'vbscript:x',
      'http://[bad',
    ])
      expect(ownLink(bad, site), bad).toBe(site);
  });
  it('takes only http(s) addresses as an archive’s own', () => {
    expect(isWebAddress(site)).toBe(true);
    for (const bad of ['javascript:alert(1)', 'data:,x', 'file:///etc/', 'not a url']) expect(isWebAddress(bad), bad).toBe(false);
  });
});
