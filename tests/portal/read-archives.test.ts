/**
 * src/lib/portal/build-fs.ts readArchives on a hostile archive folder: its links stay on its own
 * origin, its manifest cannot make the portal read another file, and errors never echo content.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_FORMAT, type Manifest } from '../../src/lib/publish/manifest.ts';
import { readArchives } from '../../src/lib/portal/build-fs.ts';
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
