import { describe, expect, it } from 'vitest';
import {
  ERAS,
  eraOf,
  findDates,
  formatEra,
  formatEraSpan,
  formatEraWithIso,
  parseJapaneseNumber,
  yearInEra,
} from '../../src/lib/core/era.ts';

describe('parseJapaneseNumber', () => {
  it.each([
    ['12', 12],
    ['１２', 12],
    ['元', 1],
    ['十', 10],
    ['十二', 12],
    ['二十二', 22],
    ['三十一', 31],
    ['二〇', 20],
    ['百二', 102],
  ])('%s → %i', (text, n) => expect(parseJapaneseNumber(text)).toBe(n));
  it('rejects non-numbers', () => expect(parseJapaneseNumber('年')).toBeUndefined());
});

describe('findDates', () => {
  const iso = (t: string): string[] => findDates(t).dates.map((d) => d.iso);
  it('reads full dates in every era', () => {
    expect(iso('平成22年4月1日から')).toEqual(['2010-04-01']);
    expect(iso('令和2年4月1日から令和3年3月31日まで')).toEqual(['2020-04-01', '2021-03-31']);
    expect(iso('昭和64年1月7日')).toEqual(['1989-01-07']);
    expect(iso('明治元年')).toEqual(['1868']);
    expect(iso('大正15年12月24日')).toEqual(['1926-12-24']);
  });
  it('reads 元年, full-width and kanji digits, spaces from extraction', () => {
    expect(iso('令和元年5月1日')).toEqual(['2019-05-01']);
    expect(iso('令和２年４月１日')).toEqual(['2020-04-01']);
    expect(iso('平成二十二年四月一日')).toEqual(['2010-04-01']);
    expect(iso('平成 29 年度')).toEqual(['2017']);
    expect(iso('平成20年12月1日 から')).toEqual(['2008-12-01']);
  });
  it('keeps reduced precision for month-only dates', () => {
    expect(iso('平成20年7月契約締結後')).toEqual(['2008-07']);
  });
  it('reads 年度 months as the fiscal year (April to March)', () => {
    expect(iso('令和2年度1月')).toEqual(['2021-01']);
    expect(iso('令和2年度4月')).toEqual(['2020-04']);
    expect(findDates('令和2年度').dates[0]?.fiscal).toBe(true);
  });
  it('converts 平成 past its end with a warning', () => {
    const { dates } = findDates('平成32年3月31日まで');
    expect(dates[0]?.iso).toBe('2020-03-31');
    expect(dates[0]?.warnings[0]).toMatch(/after the end of 平成/u);
    expect(findDates('平成31年4月30日').dates[0]?.warnings).toEqual([]);
    expect(findDates('平成31年5月1日').dates[0]?.warnings).toHaveLength(1);
  });
  it('reports impossible dates as errors, not guesses', () => {
    expect(findDates('令和0年4月1日').errors[0]?.message).toMatch(/does not exist/u);
    expect(findDates('令和2年2月30日').errors[0]?.message).toMatch(/2月30日 does not exist/u);
    expect(findDates('令和2年13月1日').errors[0]?.message).toMatch(/month 13/u);
    expect(findDates('令和2年2月30日').dates).toEqual([]);
    expect(findDates('令和2年2月29日').errors).toEqual([]);
    expect(findDates('令和3年2月29日').errors).toHaveLength(1);
  });
  it('reads western dates written with 年', () => {
    expect(iso('２０２０年４月１日')).toEqual(['2020-04-01']);
  });
});

describe('formatEra', () => {
  it('shows the era calendar with 元年', () => {
    expect(formatEra('2020-04-01')).toBe('令和2年4月1日');
    expect(formatEra('2019-05-01')).toBe('令和元年5月1日');
    expect(formatEra('2008-07')).toBe('平成20年7月');
    expect(formatEra('2010')).toBe('平成22年');
  });
  it('adds the ISO form', () => expect(formatEraWithIso('2020-04-01')).toBe('令和2年4月1日（2020-04-01）'));
});

describe('formatEraSpan', () => {
  it('joins two dates, and gives one date when both ends are the same day', () => {
    expect(formatEraSpan('2008-07', '2008-12-01')).toBe('平成20年7月〜平成20年12月1日');
    expect(formatEraSpan('2020-04-01', '2020-04-01')).toBe('令和2年4月1日');
    expect(formatEraSpan('2019-04-30', '2019-05-01', (a, b) => `${a}から${b}`)).toBe('平成31年4月30日から令和元年5月1日');
  });
});

describe('eraOf and yearInEra', () => {
  it('give the era of a date by its first day and the year in it, 元年 as 1', () => {
    expect(eraOf('2019-04-30')).toMatchObject({ era: { name: '平成' }, year: 31 });
    expect(eraOf('2019-05-01')).toMatchObject({ era: { name: '令和' }, year: 1 });
    expect(eraOf('2020')).toMatchObject({ era: { name: '令和' }, year: 2 });
    expect(eraOf('1989-01-07')).toMatchObject({ era: { name: '昭和' }, year: 64 });
    expect(eraOf('1800-01-01')).toBeUndefined();
  });
  it('count an era on past its end, as documents written before a change do', () => {
    const heisei = ERAS.find((e) => e.name === '平成');
    expect(heisei && yearInEra(heisei, 2020)).toBe(32);
  });
});
