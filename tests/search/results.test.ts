/** src/lib/search/results.ts: the pure steps of the search page on Pagefind's answers. */
import { describe, expect, it } from 'vitest';
import {
  byWords,
  combine,
  concat,
  countFacets,
  expansionsOf,
  rank,
  setsOf,
  unionCounts,
  withFilters,
  type PagefindResult,
  type PagefindResultData,
  type TermSearch,
} from '../../src/lib/search/results.ts';

const result = (id: string): PagefindResult => ({ id, data: () => Promise.resolve({ url: `/${id}/`, meta: {} }) });
const byId = (...ids: string[]): Map<string, PagefindResult> => new Map(ids.map((id) => [id, result(id)]));
const term = (text: string, own: string[], via: string[], variants: TermSearch['variants'] = []): TermSearch => ({
  term: { text, quoted: false },
  variants,
  own: byId(...own),
  via: byId(...via),
  sets: [],
});
const ids = (rs: PagefindResult[]): string[] => rs.map((r) => r.id);

describe('combine', () => {
  it('keeps the filings every term finds, those found by every term in their own text first', () => {
    const { own, clauseOnly } = combine([term('住民票', ['a', 'b', 'd'], ['c']), term('委託', ['a'], ['b', 'c'])]);
    expect(ids(own)).toEqual(['a']);
    expect(ids(clauseOnly)).toEqual(['b', 'c']);
  });
  it('finds nothing without terms, and a filing one term misses is left out', () => {
    expect(combine([])).toEqual({ own: [], clauseOnly: [] });
    expect(ids(combine([term('x', ['a', 'b'], []), term('y', ['b'], [])]).own)).toEqual(['b']);
  });
});

describe('counts', () => {
  it('unionCounts adds two counts less what both counted, value by value', () => {
    expect(unionCounts({ kind: { 諮問: 2 } }, { kind: { 諮問: 3, 報告: 1 } }, { kind: { 諮問: 1 } })).toEqual({
      kind: { 諮問: 4, 報告: 1 },
    });
    expect(unionCounts(undefined, { year: { '2010': 1 } }, undefined)).toEqual({ year: { '2010': 1 } });
  });
  it('countFacets counts the search facets of the results it is given, and nothing else', () => {
    const d = (filters: Record<string, string[]>): PagefindResultData => ({ url: '/', meta: {}, filters });
    expect(countFacets([d({ kind: ['諮問'], item: ['氏名', '住所'] }), d({ kind: ['諮問'], set: ['x'] })])).toEqual({
      kind: { 諮問: 2 },
      item: { 氏名: 1, 住所: 1 },
    });
  });
  it('setsOf lists the sets a response counted, in order, and none of those it did not', () => {
    expect(setsOf({ results: [], filters: { set: { b: 1, a: 2, c: 0 } } })).toEqual(['a', 'b']);
    expect(setsOf(null)).toEqual([]);
  });
});

describe('filters', () => {
  it('byWords is true only when every filter is one value of a facet carried as a word', () => {
    expect(byWords({ year: '2010', contractor: '日本電気' })).toBe(true);
    expect(byWords({})).toBe(true);
    expect(byWords({ municipality: 'あおば市' })).toBe(false);
    expect(byWords({ year: { any: ['2010'] } })).toBe(false);
  });
  it('withFilters gives the chosen filters, else a filter on every kind when counts are wanted', () => {
    expect(withFilters({ year: '2010' }, true, ['諮問'])).toEqual({ filters: { year: '2010' } });
    expect(withFilters({}, true, ['諮問', '報告'])).toEqual({ filters: { kind: { any: ['諮問', '報告'] } } });
    expect(withFilters({}, false, ['諮問'])).toEqual({});
  });
  it('concat keeps each page once, in the order of the responses', () => {
    expect(
      ids(concat([{ results: [result('a'), result('b')], filters: {} }, null, { results: [result('b'), result('c')], filters: {} }])),
    ).toEqual(['a', 'b', 'c']);
  });
});

describe('expansionsOf', () => {
  it("merges each term's forms over the archives, each form once with its counts added", () => {
    const found = (own: number, via = 0): NonNullable<TermSearch['variants'][number]['found']> => ({
      own: Array.from({ length: own }, (_, i) => result(`o${i}`)),
      via: Array.from({ length: via }, (_, i) => result(`v${i}`)),
      sets: [],
    });
    const one = [
      term(
        'NEC',
        [],
        [],
        [
          { variant: { text: 'NEC', source: 'typed' }, active: true, found: found(1) },
          { variant: { text: '日本電気', source: 'name' }, active: true, found: found(2, 1) },
        ],
      ),
    ];
    const two = [
      term(
        'NEC',
        [],
        [],
        [
          { variant: { text: 'NEC', source: 'typed' }, active: true, found: found(0) },
          { variant: { text: '日本電気', source: 'name' }, active: true, found: found(4) },
          { variant: { text: 'エヌイーシー', source: 'reading' }, active: false },
        ],
      ),
    ];
    expect(expansionsOf([one, two])).toEqual([
      {
        term: { text: 'NEC', quoted: false },
        variants: [
          { variant: { text: 'NEC', source: 'typed' }, active: true, count: 1 },
          { variant: { text: '日本電気', source: 'name' }, active: true, count: 7 },
          { variant: { text: 'エヌイーシー', source: 'reading' }, active: false },
        ],
      },
    ]);
  });
});

describe('rank', () => {
  it('puts results with every term in the title first, then more hits, then newer', () => {
    const shown = (id: string, title: string, body: string, date: string): { id: string; d: PagefindResultData } => ({
      id,
      d: { url: `/${id}/`, meta: { title, body, date } },
    });
    const items = [
      shown('none', '保守業務', '', '2024-01-01'),
      shown('new-one', '保守業務', '住民票', '2020-01-01'),
      shown('title', '住民票の写しの交付', '', '2001-01-01'),
      shown('old-one', '保守業務', '住民票', '2010-01-01'),
    ];
    const terms = [{ text: '住民票', quoted: false }];
    expect(rank(items, ['住民票'], terms).map((x) => x.id)).toEqual(['title', 'new-one', 'old-one', 'none']);
    // More hits before fewer, however far apart they are in the text.
    const many = shown('old-many', '保守業務', `住民票\n${'本文。'.repeat(100)}\n住民票の写し 住民票コード`, '2008-01-01');
    expect(rank([...items, many], ['住民票'], terms).map((x) => x.id)).toEqual(['title', 'old-many', 'new-one', 'old-one', 'none']);
  });
});
