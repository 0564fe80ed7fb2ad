/**
 * The word index src/lib/search/indexer/pagefind-words.ts writes is the one Pagefind writes for the same
 * records: same chunk files byte for byte (so the same names), same chunk bounds, same word
 * counts. Pagefind itself is the reference, run here on the full token streams as the indexer
 * did before it wrote the word index itself.
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode, encode } from 'cborg';
import fc from 'fast-check';
import * as pagefind from 'pagefind';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRecords } from '../../src/lib/record/load-fs.ts';
import { documentTokens, searchDocuments } from '../../src/lib/search/indexer/records.ts';
import { GAP, SHARDS, STREAMS, contentTokens } from '../../src/lib/search/tokens.ts';
import {
  CHUNK_SIZE,
  PAGEFIND_VERSION,
  SIGNATURE,
  WordIndexBuilder,
  checkPagefindVersion,
  compareCodePoints,
  pagefindWord,
  readPagefindFile,
} from '../../src/lib/search/indexer/pagefind-words.ts';
import { hostileContent } from '../support/hostile-archive.ts';
import { ARCHIVE } from '../support/archive.ts';

interface Page {
  url: string;
  tokens: string[];
}

/** What Pagefind writes for these pages: word counts by URL, chunk bounds, chunk bodies by name. */
async function pagefindWordIndex(pages: Page[], chunkSize = CHUNK_SIZE) {
  const out = mkdtempSync(path.join(tmpdir(), 'pagefind-reference-'));
  const saved = process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'];
  process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] = String(chunkSize);
  try {
    const { index } = await pagefind.createIndex({});
    if (!index) throw new Error('Pagefind did not start');
    for (const p of pages) {
      const res = await index.addCustomRecord({ url: p.url, content: p.tokens.join(' '), language: 'zxx', meta: {}, filters: {} });
      expect(res.errors).toEqual([]);
    }
    expect((await index.writeFiles({ outputPath: out })).errors).toEqual([]);
  } finally {
    await pagefind.close();
    if (saved === undefined) delete process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'];
    else process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] = saved;
  }
  const metaName = readdirSync(out).find((f) => f.endsWith('.pf_meta'));
  const meta = decode(readPagefindFile(path.join(out, metaName as string))) as [string, [string, number][], [string, string, string][]];
  const urls = meta[1].map(
    ([hash]) => (JSON.parse(readPagefindFile(path.join(out, 'fragment', `${hash}.pf_fragment`)).toString()) as { url: string }).url,
  );
  return {
    urls,
    counts: Object.fromEntries(meta[1].map(([, count], i) => [urls[i], count])),
    bounds: meta[2].map(([from, to, hash]) => [from, to, hash]),
    bodies: Object.fromEntries(meta[2].map(([, , hash]) => [hash, readPagefindFile(path.join(out, 'index', `${hash}.pf_index`))])),
  };
}

/** What pagefind-words.ts writes for the same pages, in Pagefind's page order. */
function ourWordIndex(pages: Page[], urls: string[], chunkSize = CHUNK_SIZE) {
  const byUrl = new Map(pages.map((p) => [p.url, p]));
  const builder = new WordIndexBuilder();
  const counts = Object.fromEntries(urls.map((url, i) => [url, builder.addPage(i, (byUrl.get(url) as Page).tokens)]));
  const chunks = [...builder.chunks('zxx', chunkSize)];
  return {
    counts,
    bounds: chunks.map((c) => [c.from, c.to, c.hash]),
    bodies: Object.fromEntries(chunks.map((c) => [c.hash, gunzipSync(c.file).subarray(SIGNATURE.length)])),
  };
}

async function expectSameAsPagefind(pages: Page[], chunkSize = CHUNK_SIZE): Promise<number> {
  const reference = await pagefindWordIndex(pages, chunkSize);
  // Pagefind leaves out a page with no words; the shell gives every page one (search-index.ts).
  expect(reference.urls.length).toBe(pages.length);
  const ours = ourWordIndex(pages, reference.urls, chunkSize);
  expect(ours.counts).toEqual(reference.counts);
  expect(ours.bounds).toEqual(reference.bounds);
  expect(Object.keys(ours.bodies)).toEqual(Object.keys(reference.bodies));
  for (const [hash, body] of Object.entries(reference.bodies)) {
    const mine = ours.bodies[hash] as Buffer;
    if (!mine.equals(body)) expect(decode(mine)).toEqual(decode(body)); // shows where, if not byte-equal
    expect(mine.equals(body)).toBe(true);
  }
  return reference.bounds.length;
}

function archivePages(dir: string): Record<string, Page[]> {
  const entries = loadRecords(dir).map((r) => ({ id: r.data.id, data: r.data, body: r.body }));
  const docs = searchDocuments(entries, '/');
  return Object.fromEntries(STREAMS.map((s) => [s, docs.map((d) => ({ url: d.url, tokens: documentTokens(d, s) }))]));
}

describe('pagefindWord', () => {
  it('takes a word as Pagefind does: diacritics folded with the original kept, a GAP indexes nothing', () => {
    expect(pagefindWord('住民票')).toEqual({ key: '住民票' });
    expect(pagefindWord('データδ')).toEqual({ key: 'データδ' });
    expect(pagefindWord('セキ')).toEqual({ key: 'セキ' });
    expect(pagefindWord('한')).toEqual({ key: '\u1112\u1161\u11ab', form: '한' });
    expect(pagefindWord('한が')).toEqual({ key: '한が' });
    expect(pagefindWord('éが')).toEqual({ key: 'eが', form: 'éが' });
    expect(pagefindWord('café')).toEqual({ key: 'cafe', form: 'café' });
    expect(pagefindWord('abc')).toEqual({ key: 'abc' });
    expect(pagefindWord(GAP)).toBeUndefined();
  });
  it('refuses a token Pagefind would also index in parts, rather than index it differently', () => {
    expect(() => pagefindWord('a-b')).toThrow(/Pagefind would index parts/u);
    expect(() => pagefindWord('aB')).toThrow(/Pagefind would index parts/u);
    expect(() => pagefindWord('コード')).toThrow(/katakana tails/u);
    expect(pagefindWord('コードδ')).toEqual({ key: 'コードδ' });
  });
});

describe('checkPagefindVersion', () => {
  it('passes the installed Pagefind, which the tests below compare with, and refuses another', async () => {
    const { version } = JSON.parse(readFileSync('node_modules/pagefind/package.json', 'utf8')) as { version: string };
    expect(version).toBe(PAGEFIND_VERSION);
    expect(() => checkPagefindVersion(version, 'x')).not.toThrow();
    expect(() => checkPagefindVersion('1.7.0', 'dist/pagefind/pagefind-entry.json')).toThrow(
      /pagefind-entry.json: Pagefind 1.7.0 .* follows Pagefind 1.6.0/u,
    );
  });
});

describe('WordIndexBuilder', () => {
  it('refuses pages out of order, and a token Pagefind would split or drop at white space', () => {
    const builder = new WordIndexBuilder();
    builder.addPage(1, ['a']);
    expect(() => builder.addPage(1, ['b'])).toThrow(/pages go in order/u);
    expect(() => new WordIndexBuilder().addPage(0, ['a b'])).toThrow(/white space/u);
    expect(() => new WordIndexBuilder().addPage(0, [''])).toThrow(/empty/u);
  });
  it('counts every token as a position, a GAP too, as Pagefind does', () => {
    expect(new WordIndexBuilder().addPage(0, ['a', GAP, 'b', GAP])).toBe(4);
  });
});

describe('compareCodePoints', () => {
  it('orders as UTF-8 bytes do, across surrogates and U+E000 and above', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        const bytes = Buffer.compare(Buffer.from(a), Buffer.from(b));
        expect(Math.sign(compareCodePoints(a, b))).toBe(bytes);
      }),
    );
    expect(compareCodePoints('𠮷', 'ﬀ')).toBeGreaterThan(0);
  });
});

describe('the word index is the one Pagefind writes', () => {
  let hostile: string;
  beforeAll(() => {
    hostile = hostileContent();
  });

  for (const stream of STREAMS)
    it(`seed archive, ${stream} stream, at Pagefind's chunk size and at a small one`, async () => {
      const pages = archivePages(ARCHIVE)[stream] as Page[];
      await expectSameAsPagefind(pages);
      expect(await expectSameAsPagefind(pages, 500)).toBeGreaterThan(20);
    }, 120_000);

  it('hostile archive, every stream', async () => {
    for (const stream of STREAMS) await expectSameAsPagefind(archivePages(hostile)[stream] as Page[], 2000);
  }, 180_000);

  it('random texts of odd characters, as the search tokens cut them, in every stream', async () => {
    // Kana with voicing marks (full and half width), small kana and ー, kanji (two beyond U+FFFF),
    // accented Latin, Greek, Cyrillic, Hangul, Devanagari, Arabic, a ligature, digits, separators.
    const chars = [...'aZéệか が パ ヷ ぁ ー ｶﾞ ﾊﾟ 住 民 票 𠮷 𩸽 한 글 ﬀ 9 ９ ω ά я कि بَ、。・-(（'.replaceAll(' ', ''), ' ', '\n'];
    const text = fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 80 }).map((c) => c.join(''));
    await fc.assert(
      fc.asyncProperty(
        fc.array(text, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(...STREAMS),
        fc.constantFrom(5, 40, CHUNK_SIZE),
        async (texts, stream, size) => {
          // A page needs a word for Pagefind to keep it; `x` gives every page one.
          const pages = texts.map((t, i) => ({ url: `/p${i}/`, tokens: ['x', ...contentTokens(t, i % SHARDS, stream)] }));
          await expectSameAsPagefind(pages, size);
        },
      ),
      { numRuns: 60 },
    );
  }, 300_000);
});

describe('the CBOR written by hand', () => {
  it('is what cborg writes for the same chunk', () => {
    const builder = new WordIndexBuilder();
    builder.addPage(0, ['あい', GAP, 'あい', 'cafè', 'x'.repeat(300)]);
    builder.addPage(
      70_000,
      Array.from({ length: 70_000 }, (_, i) => (i % 3 === 0 ? 'cafe' : 'cafè')),
    );
    const [chunk, ...more] = [...builder.chunks('zxx', 10 ** 9)];
    expect(more).toEqual([]);
    const body = gunzipSync((chunk as { file: Buffer }).file).subarray(SIGNATURE.length);
    expect(Buffer.from(encode(decode(body))).equals(body)).toBe(true);
    const words = (decode(body) as [[string, [number, number[], number[]][], [string, unknown[]][]][]])[0];
    expect(words.map((w) => w[0])).toEqual(['cafe', 'x'.repeat(300), 'あい']);
    // cafe: page 70,000 only in plain form; cafè a variant on pages 0 and 70,000.
    const ka = words[0] as [string, [number, number[], number[]][], [string, [number, number[], number[]][]][]];
    expect(ka[1].map((p) => p[0])).toEqual([70_000]);
    expect(ka[2].map(([form, pages]) => [form, pages.map((p) => p[0])])).toEqual([['cafè', [0, 70_000]]]);
  });
});
