/** src/lib/views/table-filter.ts: the browser-side filter and sort logic of the site's tables. */
import { describe, expect, it } from 'vitest';
import { chosenFrom, compareKeys, fill, matches, queryOf, rowValues, sortOrder } from '../../src/lib/views/table-filter.ts';

describe('rowValues and matches', () => {
  it('reads line-separated values and ANDs the chosen filters', () => {
    const row: Record<string, string> = { item: '氏名\n住所', task: 'コールセンター' };
    const values = (k: string): string[] => rowValues(row[k]);
    expect(rowValues(undefined)).toEqual([]);
    expect(matches(values, [['item', '住所']])).toBe(true);
    expect(
      matches(values, [
        ['item', '住所'],
        ['task', 'コールセンター'],
      ]),
    ).toBe(true);
    expect(
      matches(values, [
        ['item', '住所'],
        ['task', '保守'],
      ]),
    ).toBe(false);
    expect(matches(values, [['item', '住']])).toBe(false);
    expect(matches(values, [])).toBe(true);
  });
});

describe('chosenFrom and queryOf', () => {
  it('round-trip the filters through the URL, in the form order, empty ones left out', () => {
    const chosen = chosenFrom(new URLSearchParams('task=保守&item=氏名&kind=&other=x'), ['kind', 'item', 'task']);
    expect(chosen).toEqual([
      ['item', '氏名'],
      ['task', '保守'],
    ]);
    expect(queryOf(chosen)).toBe('?item=%E6%B0%8F%E5%90%8D&task=%E4%BF%9D%E5%AE%88');
    expect(queryOf([])).toBe('');
  });
});

describe('fill', () => {
  it('fills the placeholders it has values for', () => {
    expect(fill('{n}件を表示（全{total}件）', { n: 3, total: 5 })).toBe('3件を表示（全5件）');
    expect(fill('{n}/{x}', { n: 1 })).toBe('1/{x}');
  });
});

describe('compareKeys and sortOrder', () => {
  it('sorts numbers and ISO dates as such, text in Japanese order, empty keys last', () => {
    expect(sortOrder(['10', '9', '', '100'], 1)).toEqual([1, 0, 3, 2]);
    expect(sortOrder(['2010-04-01', '2008-07', '2008-12-01'], -1)).toEqual([0, 2, 1]);
    expect(sortOrder(['', 'い', 'あ'], -1)).toEqual([1, 2, 0]);
    expect(compareKeys('a', 'a', 1)).toBe(0);
  });
  it('keeps the order of equal keys', () => {
    expect(sortOrder(['b', 'a', 'b', 'a'], 1)).toEqual([1, 3, 0, 2]);
  });
});
