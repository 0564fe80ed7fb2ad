/** The search page's pure logic: readings, other names, era years, explanations, help for an empty search. */
import { describe, expect, it } from 'vitest';
import {
  foldReading,
  isKanaTerm,
  readingBucket,
  readingBuckets,
  readingPairs,
  wordsForReading,
  SPLIT,
} from '../../src/lib/search/readings.ts';
import { explain, sentences } from '../../src/lib/search/explain.ts';
import { emptyHelp } from '../../src/lib/search/help.ts';
import { nameGroups, otherNames } from '../../src/lib/search/names.ts';
import { parseSearch, parseYear, termVariants, withoutYear, yearLabel } from '../../src/lib/search/query.ts';
import { getTokenizer } from '../../src/lib/core/tokenizer-fs.ts';

describe('readings', () => {
  it('fold kana the same on both sides: widths, hiragana, long vowels, small vowels', () => {
    expect(foldReading('じゅうみんひょう')).toBe('ジュウミンヒョウ');
    expect(foldReading('ぱすわーど')).toBe(foldReading('パスワード'));
    expect(foldReading('ﾊﾟｽﾜｰﾄﾞ')).toBe(foldReading('パスワード'));
    expect(foldReading('ファイル')).toBe(foldReading('フアイル'));
    expect(foldReading('じゆう')).not.toBe(foldReading('じゅう'));
    expect(isKanaTerm('じゅうみんひょう')).toBe(true);
    expect(isKanaTerm('住民票')).toBe(false);
    expect(isKanaTerm('ー')).toBe(false);
  });

  it('list every word and compound of a text under its reading (kuromoji), hiragana-only words left out', async () => {
    const t = await getTokenizer();
    const pairs = readingPairs(t.tokenize('住民票コードの記載、パスワードを設定する。'));
    expect(pairs).toEqual(
      expect.arrayContaining([
        ['ジュウミン', '住民'],
        ['ジュウミンヒョウ', '住民票'],
        ['ジュウミンヒョウコド', '住民票コード'],
        ['パスワド', 'パスワード'],
      ]),
    );
    expect(pairs.map((p) => p[1])).not.toContain('の');
    // A compound of more than four words: its runs of four, and the whole of it.
    const long = readingPairs(t.tokenize('サービス計画作成開始年月日を記載する。')).map((p) => p[1]);
    expect(long).toEqual(expect.arrayContaining(['サービス計画作成開始', '計画作成開始年月日', 'サービス計画作成開始年月日']));
    expect(long).toHaveLength(15 + 1);
  });

  it('cut the list into small files, a big one again by two characters, and read a kana term back', () => {
    const readings = new Map([
      ['ジュウミンヒョウ', new Map([['住民票', 5]])],
      ['ジュウショ', new Map([['住所', 9]])],
      [
        'コウショウ',
        new Map([
          ['交渉', 3],
          ['公証', 1],
        ]),
      ],
    ]);
    const buckets = readingBuckets(readings);
    expect([...buckets.keys()].sort()).toEqual([readingBucket('コ'), readingBucket('ジ')].sort());
    expect(wordsForReading('こうしょう', buckets.get(readingBucket('コ')) ?? {})).toEqual(['交渉', '公証']);
    // Typed mid-input: the readings that begin with it.
    expect(wordsForReading('じゅうみんひょ', buckets.get(readingBucket('ジ')) ?? {})).toEqual(['住民票']);
    const split = readingBuckets(readings, 8, 10);
    expect(split.get(readingBucket('ジ'))).toEqual({ [SPLIT]: [] });
    expect(split.get(readingBucket('ジュ', 2))).toEqual({ ジュウミンヒョウ: ['住民票'], ジュウショ: ['住所'] });
  });
});

describe('parseYear and parseSearch', () => {
  it('era years, letters and western years, calendar or fiscal', () => {
    const y = (t: string): string | undefined => {
      const c = parseYear(t);
      return c && `${c.facet}:${c.value}`;
    };
    expect(['平成22年', 'H22', 'h22', 'Ｈ２２', '2010年', '平成２２年'].map(y)).toEqual(Array(6).fill('year:2010'));
    expect(['平成22年度', 'H22年度', '2010年度'].map(y)).toEqual(Array(3).fill('fy:2010'));
    expect(['令和2年', 'R2', '令和元年', 'R元', '昭和64年'].map(y)).toEqual([
      'year:2020',
      'year:2020',
      'year:2019',
      'year:2019',
      'year:1989',
    ]);
    for (const t of ['平成', '2010', '22年', 'H', '平成99年', '住民票']) expect(y(t), t).toBeUndefined();
  });

  it('a query is its terms and its year chips; a quoted term stays a term', () => {
    expect(parseSearch('住民票 平成22年 "H22"')).toEqual({
      terms: [
        { text: '住民票', quoted: false },
        { text: 'H22', quoted: true },
      ],
      years: [{ facet: 'year', value: '2010', typed: '平成22年' }],
    });
    expect(withoutYear('住民票 平成22年', { facet: 'year', value: '2010', typed: '平成22年' })).toBe('住民票');
    expect(yearLabel('2010')).toBe('平成22年（2010年）');
    expect(yearLabel('2019')).toBe('平成31年・令和元年（2019年）');
    expect(yearLabel('2010', true)).toBe('平成22年度（2010年度）');
  });

  it('a term is searched as typed, in the words its kana reads as, and by its other names; a quoted one as typed only', () => {
    const readings = { ジュウミンヒョウ: ['住民票'] };
    const names = nameGroups({
      contractors: { contractors: [{ name: '日本電気株式会社', aliases: ['NEC'] }] },
      terms: { terms: [['氏名', '漢字氏名']] },
    });
    expect(termVariants({ text: 'じゅうみんひょう', quoted: false }, { readings, names })).toEqual([
      { text: 'じゅうみんひょう', source: 'typed' },
      { text: '住民票', source: 'reading' },
    ]);
    expect(termVariants({ text: 'ＮＥＣ', quoted: false }, { names })).toEqual([
      { text: 'ＮＥＣ', source: 'typed' },
      { text: '日本電気', source: 'name' },
    ]);
    expect(termVariants({ text: '氏名', quoted: false }, { names })).toEqual([
      { text: '氏名', source: 'typed' },
      { text: '漢字氏名', source: 'term' },
    ]);
    expect(termVariants({ text: 'NEC', quoted: true }, { names })).toEqual([{ text: 'NEC', source: 'typed' }]);
    expect(otherNames('日本電気(株)', names)).toEqual([
      { text: '日本電気', kind: 'name' },
      { text: 'NEC', kind: 'name' },
    ]);
    // Without its legal form, however written; a name that is nothing but one stays whole.
    const ntt = nameGroups({ contractors: { contractors: [{ name: '株式会社 ＩＤＣテクノロジー', aliases: ['NTT東日本', '株式会社'] }] } });
    expect(otherNames('NTT東日本', ntt)).toEqual([
      { text: 'ＩＤＣテクノロジー', kind: 'name' },
      { text: '株式会社', kind: 'name' },
    ]);
  });
});

describe('explain', () => {
  const r = {
    facts: '件名\t電子申請サービスの委託\n再委託先\t株式会社BCC（コールセンター）',
    body: '受付は窓口で行う。コールセンターで問合せに応じる。以上。',
  };
  it('a hit in a fact shows its label; in the body, its sentence', () => {
    expect(explain(r, ['BCC'])).toEqual({
      label: '再委託先',
      parts: [
        { text: '株式会社', hit: false },
        { text: 'BCC', hit: true },
        { text: '（コールセンター）', hit: false },
      ],
    });
    expect(
      explain({ ...r, facts: '件名\t委託' }, ['問合せ'])
        .parts.map((p) => p.text)
        .join(''),
    ).toBe('コールセンターで問合せに応じる。');
    expect(sentences('一。二！\n三')).toEqual(['一。', '二！', '三']);
  });
});

describe('emptyHelp', () => {
  it('says which term found nothing, what a filter emptied, and which forms do have hits', () => {
    expect(
      emptyHelp({
        terms: [{ text: '存在しない', count: 0 }],
        filters: [{ facet: 'year', value: '2010', label: '年：平成22年（2010年）', countWithout: 3 }],
        alternatives: [{ text: '住民票', count: 2 }],
      }),
    ).toEqual([
      { kind: 'term-none', term: '存在しない' },
      { kind: 'filter', facet: 'year', value: '2010', label: '年：平成22年（2010年）', count: 3 },
      { kind: 'alternative', text: '住民票', count: 2 },
    ]);
    expect(
      emptyHelp({
        terms: [
          { text: 'a', count: 2 },
          { text: 'b', count: 1 },
        ],
        filters: [],
        alternatives: [],
      }),
    ).toEqual([
      { kind: 'term-alone', term: 'a', count: 2 },
      { kind: 'term-alone', term: 'b', count: 1 },
    ]);
  });
});
