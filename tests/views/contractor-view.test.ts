/** src/lib/views/contractor-view.ts and the clause pages' notes (src/lib/views/clause-view.ts). */
import { describe, expect, it } from 'vitest';
import { nameNote, spanText, useSpan } from '../../src/lib/views/clause-view.ts';
import type { ClauseVersion } from '../../src/lib/clauses/versions.ts';
import { contractorView, ownRows } from '../../src/lib/views/contractor-view.ts';
import { CHANGE, PATHS, archiveOf, filing } from '../support/view-fixtures.ts';

const a = filing('a', {
  date: '2010-04-01',
  items: ['氏名', '住所'],
  contractors: CHANGE,
  period: { start: '2010-04-01', text: '…', ongoing: true },
});
const b = filing('b', {
  date: '2012-04-01',
  items: ['氏名'],
  contractors: [
    { name: 'C株式会社', role: '委託先' },
    { name: 'B株式会社', role: '再委託先', task: '保守' },
  ],
  period: { start: '2012-04-01', end: '2013-03-31', text: '…', ongoing: false },
});
const archive = archiveOf([a, b]);
const company = (name: string) => archive.contractorByName.get(name)!;

describe('contractorView', () => {
  it('gives the items a company received, its subcontractors, whom it worked under and its periods', () => {
    const view = contractorView(company('B株式会社'), archive, PATHS);
    expect(view.items.map((i) => [i.item.text, i.count])).toEqual([
      ['氏名', 2],
      ['住所', 1],
    ]);
    expect(view.subcontractors.map((s) => [s.company.text, s.tasks, s.count])).toEqual([
      ['C株式会社', ['保守'], 1],
      ['D株式会社', ['コールセンター'], 1],
    ]);
    expect(view.principals.map((p) => [p.company.text, p.count])).toEqual([['C株式会社', 1]]);
    expect(view.span).toEqual({ start: '2010-04-01', end: '2013-03-31', ongoing: true });
    expect(view.groups.map((g) => g.text)).toEqual(['甲企業体']);
  });

  it("gives a 企業体's members", () => {
    expect(contractorView(company('甲企業体'), archive, PATHS).members.map((m) => m.text)).toEqual(['A株式会社', 'B株式会社']);
  });
});

describe('ownRows', () => {
  it("keeps a company's rows and, for a 企業体, its members' rows within it only", () => {
    const g = company('甲企業体');
    const keep = ownRows(g);
    expect(keep(g.key, {})).toBe(true);
    expect(keep(company('A株式会社').key, { group: g.key })).toBe(true);
    // B株式会社 as the 委託先 after the change is not the 企業体's.
    expect(keep(company('B株式会社').key, {})).toBe(false);
  });
});

const v = (id: string, name: string, first: string, dates: string[]): ClauseVersion => ({
  id,
  name,
  clauses: [],
  filings: dates.map((d, i) => filing(`${id}${i}`, { date: d })),
  published: [],
  first,
  last: dates[dates.length - 1] ?? first,
});

describe('useSpan and spanText', () => {
  it("is the span of a version's filings, one date when it is one day", () => {
    expect(useSpan(v('x', 'x', '2008-07', ['2008-07', '2008-12-01']))).toEqual({ first: '2008-07', last: '2008-12-01' });
    expect(useSpan(v('x', 'x', '2023-04-01', []))).toBeUndefined();
    expect(spanText('2008-07', '2008-12-01')).toBe('平成20年7月〜平成20年12月1日');
    expect(spanText('2020-04-01', '2020-04-01')).toBe('令和2年4月1日');
  });
});

describe('nameNote', () => {
  it('explains その2 beside the other versions of its month, and nothing for a version alone', () => {
    const first = v('a', '平成22年4月版', '2010-04-01', ['2010-04-01']);
    const second = v('b', '平成22年4月版その2', '2010-04-01', ['2010-04-01']);
    const other = v('c', '令和2年4月版', '2020-04-01', ['2020-04-01']);
    const note = nameNote(second, [first, second, other]);
    expect(note?.siblings.map((s) => s.id)).toEqual(['a', 'b']);
    expect(note?.text).toBe(
      '平成22年4月に初めて付された版は2つあり、初めて付された日の順（同じ日なら、それ以前の版に近い文言を先）に「平成22年4月版」「平成22年4月版その2」…と名付けています。「その2」は、同じ月に現れたもう一つの、より新しい文言です。同じ月の版：',
    );
    expect(nameNote(other, [first, second, other])).toBeUndefined();
  });
});
