/** What the search index is given: filings by their own text, 特記事項 sets once, shards by date. */
import { describe, expect, it } from 'vitest';
import {
  bodyText,
  clauseSetId,
  filingText,
  searchDocuments,
  searchRecords,
  splitBody,
  type SearchRecord,
} from '../../src/lib/search/indexer/records.ts';
import {
  CLAUSE_SHARD,
  FILING_SHARDS,
  SHARDS,
  clauseSetOfValue,
  clauseSetToken,
  filterWord,
  containsTerm,
  contentTokens,
  GAP,
  shardName,
  shardOf,
} from '../../src/lib/search/tokens.ts';
import { WORD_FACETS } from '../../src/lib/search/format.ts';
import { archiveEntries } from '../support/archive.ts';

const entries = archiveEntries();

describe('splitBody', () => {
  it('cuts each seed body into its own text and its 特記事項, losing nothing', () => {
    for (const e of entries) {
      const { own, clauses } = splitBody(e.body);
      expect(clauses.startsWith('特記事項'), e.id).toBe(true);
      expect(own).not.toContain('特記事項\n');
      // Every line of the body is in exactly one of the two parts.
      const lines = bodyText(e.body).split('\n');
      const parts = [...own.split('\n'), ...clauses.split('\n')];
      expect([...parts].sort()).toEqual([...lines].sort());
    }
  });
  it('a body without 特記事項 is all its own text', () => {
    expect(splitBody('## 事業の概要\n\n本文です。\n')).toEqual({ own: '事業の概要\n本文です。', clauses: '' });
  });
});

describe('the facts a result shows', () => {
  it("label the municipality's own measures with the word it uses for itself", () => {
    const withMeasures = entries.filter((e) => e.data.measures.municipality);
    expect(withMeasures.length).toBeGreaterThan(0);
    for (const [self, other] of [
      ['市', '区'],
      ['区', '市'],
    ] as const) {
      // The filings' documents (the clause sets' hold no facts).
      const facts = searchDocuments(withMeasures, '/', undefined, undefined, self).flatMap((d) => d.meta['facts'] ?? []);
      expect(facts).toHaveLength(withMeasures.length);
      for (const f of facts) {
        expect(f).toContain(`${self}が行う情報保護対策\t`);
        expect(f).not.toContain(`${other}が行う情報保護対策`);
      }
    }
  });
});

/** The text a filing's record is tokenised from: its facts, then its body outside the 特記事項. */
function ownText(record: { url: string } | undefined): string {
  const entry = entries.find((e) => record?.url.endsWith(`/${e.id}/`));
  if (!entry) throw new Error(`no entry for ${record?.url}`);
  return filingText({ ...entry, body: '' }) + splitBody(entry.body).own;
}

describe('searchRecords', () => {
  const records = [...searchRecords(entries, '/archive/')];
  const filings = records.filter((r) => r.url.startsWith('/archive/filings/'));
  const sets = records.filter((r) => !r.url.startsWith('/archive/filings/'));

  it('lists the filings newest first, then one record per distinct clause set', () => {
    expect(filings.map((r) => r.meta['date'])).toEqual(entries.map((e) => e.data.date).sort((a, b) => b.localeCompare(a)));
    const distinct = new Set(entries.map((e) => clauseSetId(splitBody(e.body).clauses)));
    expect(sets).toHaveLength(distinct.size);
    expect(records.slice(-sets.length)).toEqual(sets);
  });

  it('a filing holds its own text in its shard, then the word of its clause set and a word for each filter value', () => {
    filings.forEach((r, rank) => {
      const entry = entries.find((e) => r.url.endsWith(`/${e.id}/`));
      if (!entry) throw new Error(r.url);
      const words = r.content.split(' ');
      const set = clauseSetId(splitBody(entry.body).clauses);
      const values = WORD_FACETS.flatMap((f) => (r.filters[f] ?? []).map((v) => filterWord(f, v)));
      expect(values).toContain(filterWord('year', entry.data.date.slice(0, 4)));
      for (const c of entry.data.contractors) expect(values).toContain(filterWord('contractor', c.name));
      expect(words.slice(-values.length - 1)).toEqual([clauseSetToken(set), ...values]);
      const shard = shardOf(rank, filings.length);
      expect(words.slice(0, -values.length - 1).every((w) => w === GAP || w.endsWith(shardName('tri', shard)))).toBe(true);
      expect(r.filters['clauseset']).toEqual([set]);
      // The clause text is not in the filing's record, and is in its set's.
      expect(r.meta['body']).not.toContain('業務に関して知り得た');
      expect(r.meta['body']).toBe(splitBody(entry.body).own);
      const setRecord = sets.find((s) => clauseSetOfValue(s.filters['set']?.[0] ?? '') === set);
      expect(setRecord?.meta['text']).toBe(splitBody(entry.body).clauses);
      expect(setRecord?.content).toBe(contentTokens(splitBody(entry.body).clauses, CLAUSE_SHARD, 'tri').join(' '));
    });
  });

  it('whatever a filing contains is found in its own record or in its clause set (the union is the whole text)', () => {
    for (const e of entries) {
      const { own, clauses } = splitBody(e.body);
      const whole = filingText(e);
      for (const term of ['再委託', '住民票コード', '漏らしてはならない', '電子申請', '第14条第1項'])
        expect(containsTerm(whole, term), `${e.id} ${term}`).toBe(
          containsTerm(filingText({ ...e, body: '' }), term) || containsTerm(own, term) || containsTerm(clauses, term),
        );
    }
  });

  it('shards cut the filings into runs by date, each token once per record', () => {
    expect(FILING_SHARDS).toHaveLength(SHARDS);
    expect(new Set(FILING_SHARDS).size).toBe(SHARDS);
    expect(FILING_SHARDS).not.toContain(CLAUSE_SHARD);
    const shards = Array.from({ length: 1000 }, (_, i) => shardOf(i, 1000));
    expect(shards[0]).toBe(FILING_SHARDS[0]);
    expect(shards.at(-1)).toBe(FILING_SHARDS.at(-1));
    expect(new Set(shards).size).toBe(SHARDS);
    // Runs: a shard never comes back once the next has started.
    expect(shards.filter((s, i) => i > 0 && s !== shards[i - 1])).toHaveLength(SHARDS - 1);
    const tail = (r: SearchRecord | undefined): number => r?.content.split(' ').filter((w) => w.startsWith('ω')).length ?? 0;
    expect(filings[0]?.content.split(' ').length).toBe(contentTokens(ownText(filings[0]), 0, 'tri').length + tail(filings[0]));
  });

  it('one token stream per index: the records of a stream hold its tokens only, the same records in the same order', () => {
    const quad = [...searchRecords(entries, '/archive/', { stream: 'quad' })];
    expect(quad.map((r) => r.url)).toEqual(records.map((r) => r.url));
    expect(quad.map((r) => r.meta)).toEqual(records.map((r) => r.meta));
    const first = quad[0];
    expect(
      first?.content
        .split(' ')
        .filter((w) => !w.startsWith('ω'))
        .every((w) => w === GAP || w.endsWith(shardName('quad', 0))),
    ).toBe(true);
    expect(first?.content.split(' ').filter((w) => !w.startsWith('ω')).length).toBe(contentTokens(ownText(first), 0, 'quad').length);
  });
});
