/**
 * src/lib/portal/build-fs.ts readArchives on a hostile archive folder: its links stay on its own
 * origin, its manifest cannot make the portal read another file, and errors never echo content.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_FORMAT, type Manifest } from '../../src/lib/publish/manifest.ts';
import { PORTAL_READ_LIMITS, portalData, readArchives } from '../../src/lib/portal/build-fs.ts';
import { SEARCH_FORMAT } from '../../src/lib/search/format.ts';

const OURS = { format: SEARCH_FORMAT, pagefind: '1.6.0' };
const SITE = 'https://a.example/archive/';

/** An archive folder with this manifest data and these files (relative to the folder). */
function archive(data: Partial<Manifest['data']>, files: Record<string, string>, site = SITE): string {
  const work = mkdtempSync(path.join(tmpdir(), 'portal-read-'));
  const dir = path.join(work, 'dist');
  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    municipality: 'あおば市',
    council: 'あおば市審議会',
    title: 'あおば市アーカイブ',
    site,
    base: '/archive/',
    built: '2026-12-01',
    counts: { filings: 1, contractors: 1, items: 1, clauseVersions: 0 },
    kinds: ['報告'],
    search: { format: SEARCH_FORMAT, pagefind: '1.6.0', bundle: 'pagefind/', streams: {}, shards: 16 },
    data: {
      filings: 'data/filings.json',
      csv: 'data/filings.csv',
      clauseVersions: 'data/clause-versions.json',
      contractors: 'data/contractors.json',
      ...data,
    },
  };
  for (const [f, text] of Object.entries({ 'data/archive.json': JSON.stringify(manifest), ...files })) {
    mkdirSync(path.dirname(path.join(work, f.startsWith('../') ? f.slice(3) : path.join('dist', f))), { recursive: true });
    writeFileSync(path.join(work, f.startsWith('../') ? f.slice(3) : path.join('dist', f)), text);
  }
  return dir;
}

const filing = (url: string): Record<string, unknown> => ({
  id: 'x',
  url,
  title: 't',
  kind: '報告',
  date: '2020-01-01',
  items: ['氏名'],
  contractors: [],
});
const company = (url: string): Record<string, unknown> => ({ name: 'A社', names: ['A社'], url, filings: [] });

describe('readArchives on a hostile archive', () => {
  it('keeps every link of its open data on its own origin, http(s) only', async () => {
    const bad = ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', '//other.example/x', 'https://other.example/archive/'];
    const dir = archive(
      {},
      {
        'data/filings.json': JSON.stringify([...bad, 'https://a.example/archive/filings/x/'].map(filing)),
        'data/contractors.json': JSON.stringify(bad.map(company)),
        'data/clause-versions.json': '[]',
      },
    );
    const r = await readArchives([dir], OURS);
    expect(r.problems).toEqual([]);
    const [a] = r.archives;
    expect(a?.filings.map((f) => f.url)).toEqual([...bad.map(() => SITE), 'https://a.example/archive/filings/x/']);
    expect(a?.companies.map((c) => c.url)).toEqual(bad.map(() => SITE));
  });

  it('refuses data paths that climb out of its folder, and says so without their content', async () => {
    const dir = archive(
      { filings: '../private.json' },
      { '../private.json': 'root:x:0:0:root:/root:/bin/bash', 'data/contractors.json': '[]', 'data/clause-versions.json': '[]' },
    );
    const r = await readArchives([dir], OURS);
    expect(r.archives).toEqual([]);
    expect(r.problems.join('\n')).toMatch(/outside the archive's folder: refused/u);
    expect(r.problems.join('\n')).not.toContain('root:x');
  });

  it('says a file is not JSON without quoting it', async () => {
    const dir = archive({}, { 'data/filings.json': 'root:x:0:0:secret', 'data/contractors.json': '[]', 'data/clause-versions.json': '[]' });
    const r = await readArchives([dir], OURS);
    expect(r.problems.join('\n')).toMatch(/data\/filings\.json is not JSON/u);
    expect(r.problems.join('\n')).not.toMatch(/root:x|secret/u);
  });

  it('bounds what it reads: a manifest with a huge name or 20,000 kinds, a data file over the limit, a body that never ends', async () => {
    const files = { 'data/filings.json': '[]', 'data/contractors.json': '[]', 'data/clause-versions.json': '[]' };
    const huge = archive({}, files);
    const manifest = JSON.parse(readFileSync(path.join(huge, 'data/archive.json'), 'utf8')) as Manifest;
    writeFileSync(path.join(huge, 'data/archive.json'), JSON.stringify({ ...manifest, municipality: 'あ'.repeat(1_000_000) }));
    const kinds = archive({}, files);
    writeFileSync(
      path.join(kinds, 'data/archive.json'),
      JSON.stringify({ ...manifest, kinds: Array.from({ length: 20_000 }, (_, i) => `k${i}`) }),
    );
    const r = await readArchives([huge, kinds], OURS);
    expect(r.archives).toEqual([]);
    expect(r.problems.join('\n')).toMatch(/data\/archive\.json is 2\.9 MB, more than the 1 MB a portal reads of it: refused/u);
    expect(r.problems.join('\n')).toMatch(
      new RegExp(`${kinds.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}: data/archive\\.json is not an archive manifest \\(kinds: .*`, 'u'),
    );

    const saved = PORTAL_READ_LIMITS.data;
    PORTAL_READ_LIMITS.data = 1000;
    let origin = '';
    const server = createServer((req, res) => {
      if (req.url === '/data/archive.json') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ...manifest, site: `${origin}/` }));
        return;
      }
      // Open data with no Content-Length and no end: the portal must stop reading by itself.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('[');
      const timer = setInterval(() => res.write(' '.repeat(500)), 5);
      res.on('close', () => clearInterval(timer));
    });
    try {
      const big = archive({}, { ...files, 'data/filings.json': `[${' '.repeat(2000)}]` });
      const folder = await readArchives([big], OURS);
      expect(folder.archives).toEqual([]);
      expect(folder.problems.join('\n')).toMatch(/data\/filings\.json is 0\.0 MB, more than the 0 MB a portal reads of it: refused/u);
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const endless = await readArchives([`${origin}/`], OURS);
      expect(endless.archives).toEqual([]);
      expect(endless.problems.join('\n')).toMatch(/data\/[a-z-]+\.json is 0\.0 MB, more than the 0 MB a portal reads of it: refused/u);
    } finally {
      PORTAL_READ_LIMITS.data = saved;
      server.closeAllConnections();
      server.close();
    }
  });

  it("refuses a manifest that points its index at another archive's, and tells same-name archives apart by address", async () => {
    const files = { 'data/filings.json': '[]', 'data/contractors.json': '[]', 'data/clause-versions.json': '[]' };
    const elsewhere = archive({}, files);
    const m = JSON.parse(readFileSync(path.join(elsewhere, 'data/archive.json'), 'utf8')) as Manifest;
    for (const bundle of ['https://b.example/archive/pagefind/', '../other/pagefind/', '//b.example/pagefind/']) {
      writeFileSync(path.join(elsewhere, 'data/archive.json'), JSON.stringify({ ...m, search: { ...m.search, bundle } }));
      const r = await readArchives([elsewhere], OURS);
      expect(r.archives).toEqual([]);
      expect(r.problems.join('\n')).toMatch(
        /its manifest points its search index at .*, outside the archive \(https:\/\/a\.example\/archive\/\): refused/u,
      );
    }
    const one = archive({}, files, 'https://a.example/archive/');
    const two = archive({}, files, 'https://b.example/archive/');
    const both = await readArchives([one, two], OURS);
    const data = await portalData(both.archives, []);
    expect(data.sources.map((x) => x.label)).toEqual(['あおば市（a.example）', 'あおば市（b.example）']);
  });

  it('refuses an archive whose address is not http(s)', async () => {
    const dir = archive(
      {},
      { 'data/filings.json': '[]', 'data/contractors.json': '[]', 'data/clause-versions.json': '[]' },
      'javascript:alert(1)//',
    );
    const r = await readArchives([dir], OURS);
    expect(r.archives).toEqual([]);
    expect(r.problems.join('\n')).toMatch(/not an http\(s\) address: refused/u);
  });
});
