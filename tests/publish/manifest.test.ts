import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { incompatibility, manifestSchema, parseManifest } from '../../src/lib/publish/manifest.ts';
import { SEARCH_FORMAT, WORD_FACETS } from '../../src/lib/search/format.ts';
import { foldReading, readingBucket } from '../../src/lib/search/readings.ts';
import { clauseSetToken, contentTokens, filterWord, pagefindQuery, searchPlan, SHARDS, STREAMS } from '../../src/lib/search/tokens.ts';

/**
 * What the query side and the index must agree on, for a sample text: the tokens of every
 * stream in two shards, the query of a few terms, reading folds and buckets, a clause-set word,
 * and (since format 2) the filter words.
 */
function searchFingerprint(): string {
  const text = '株式会社ＢＣＣ（コールセンター）は住民票コード、氏名及び性別を平成22年4月1日から扱う。端末 I D';
  const parts: unknown[] = [SHARDS];
  for (const stream of STREAMS) for (const shard of [0, 5, SHARDS]) parts.push(contentTokens(text, shard, stream));
  for (const term of ['住民票コード', '住民', '票', 'コールセンター', '14条、第1項'])
    parts.push([0, 7].map((shard) => pagefindQuery(searchPlan(term), shard)));
  for (const kana of ['じゅうみんひょう', 'ｼﾞｭｳﾐﾝﾋｮｳ', 'ぱすわーど', 'ァィゥ'])
    parts.push([foldReading(kana), readingBucket(foldReading(kana), 2)]);
  parts.push(clauseSetToken('2010-04'));
  parts.push(
    WORD_FACETS,
    ['2010', '株式会社ＢＣＣ', '住民票コード'].map((v) => filterWord('contractor', v)),
    filterWord('year', '2010'),
  );
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
}

/** The fingerprint of each search format. A new format gets its line; an old one keeps its own. */
const PINNED: Record<string, string> = {
  'council-archive-search/1': '7119c9d45e8597c4',
  'council-archive-search/2': '343f5de076bf3cae',
};

describe('the search format', () => {
  it('changes whenever the tokens a query is cut into change (portals compare it before they merge an index)', () => {
    const pin = PINNED[SEARCH_FORMAT];
    expect(pin, `add ${SEARCH_FORMAT}: '${searchFingerprint()}' to PINNED`).toBeDefined();
    expect(
      searchFingerprint(),
      `the search tokens changed: give SEARCH_FORMAT in src/lib/publish/manifest.ts a new version (portals must not merge old and new indexes) and pin it here`,
    ).toBe(pin);
  });
});

describe('manifest', () => {
  const manifest = {
    format: 'council-archive-manifest/1',
    municipality: 'あおば市',
    council: 'あおば市情報公開・個人情報保護審議会',
    title: 'あおば市情報公開・個人情報保護審議会 諮問・報告事項アーカイブ',
    site: 'https://aoba.example.jp/archive/',
    base: '/archive/',
    built: '2026-12-01',
    counts: { filings: 3, contractors: 2, items: 5, clauseVersions: 1 },
    kinds: ['諮問', '報告'],
    search: { format: SEARCH_FORMAT, pagefind: '1.6.0', bundle: 'pagefind/', streams: { tri: 'ა' }, shards: 16 },
    data: {
      filings: 'data/filings.json',
      csv: 'data/filings.csv',
      clauseVersions: 'data/clause-versions.json',
      contractors: 'data/contractors.json',
    },
  };

  it('reads a manifest and says what is wrong with one that is not', () => {
    expect(parseManifest(JSON.stringify(manifest)).manifest).toEqual(manifestSchema.parse(manifest));
    expect(parseManifest('{').problems[0]).toMatch(/^not JSON/u);
    expect(parseManifest(JSON.stringify({ ...manifest, site: 'not a url', counts: { ...manifest.counts, filings: -1 } })).problems).toEqual(
      [expect.stringMatching(/^site: /u), expect.stringMatching(/^counts\.filings: /u)],
    );
  });

  it('is compatible only with the same search format and the same Pagefind, and says which side to rebuild', () => {
    const ours = { format: SEARCH_FORMAT, pagefind: '1.6.0' };
    expect(incompatibility(manifest, ours)).toBeUndefined();
    expect(incompatibility({ ...manifest, search: { ...manifest.search, pagefind: '1.5.0' } }, ours)).toMatch(
      new RegExp(
        `its index was written with ${SEARCH_FORMAT} by Pagefind 1\\.5\\.0, this portal queries ${SEARCH_FORMAT} with Pagefind 1\\.6\\.0: .*Rebuild the archive`,
        'u',
      ),
    );
    expect(incompatibility({ ...manifest, search: { ...manifest.search, format: 'council-archive-search/0' } }, ours)).toMatch(
      /council-archive-search\/0/u,
    );
  });
});
