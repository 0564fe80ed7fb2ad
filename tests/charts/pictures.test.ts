/**
 * The build-time pictures: src/lib/charts/flow-diagram.ts, src/lib/charts/year-chart.ts, src/lib/charts/version-chart.ts
 * and their text measure src/lib/charts/svg-text.ts — geometry from small literal inputs.
 */
import { describe, expect, it } from 'vitest';
import type { ClauseVersion } from '../../src/lib/clauses/versions.ts';
import { FLOW, flowDiagrams } from '../../src/lib/charts/flow-diagram.ts';
import { partySides } from '../../src/lib/views/parties.ts';
import { contractorSchema } from '../../src/lib/record/schema.ts';
import { textEms, wrapText } from '../../src/lib/charts/svg-text.ts';
import { versionChart } from '../../src/lib/charts/version-chart.ts';
import { yearChart } from '../../src/lib/charts/year-chart.ts';
import { filing } from '../support/view-fixtures.ts';

describe('textEms and wrapText', () => {
  it('counts full-width characters as one em and others as 0.6', () => {
    expect(textEms('氏名')).toBe(2);
    expect(textEms('ＩＤ')).toBe(2);
    expect(textEms('ID')).toBeCloseTo(1.2);
  });
  it('wraps Japanese anywhere but keeps Latin runs whole and punctuation off the start of a line', () => {
    expect(wrapText('東京電子自治体共同運営', 4)).toEqual(['東京電子', '自治体共', '同運営']);
    expect(wrapText('株式会社BCCの窓口', 5)).toEqual(['株式会社', 'BCCの窓口']);
    expect(wrapText('あいう、えお', 3)).toEqual(['あいう、', 'えお']);
    expect(wrapText('ABCDEFGHIJ', 3)).toEqual(['ABCDE', 'FGHIJ']);
  });
});

describe('flowDiagrams', () => {
  it('draws the department, the 委託先 labelled with the items, and its subcontractor with the task', () => {
    const sides = partySides(
      [
        { name: 'X株式会社', role: '委託先' },
        { name: 'Y株式会社', role: '再委託先', task: '保守' },
      ].map((c) => contractorSchema.parse(c)),
    );
    const [d] = flowDiagrams({
      id: 'g',
      department: '情報課',
      sides,
      items: ['氏名', '住所', '電話番号', '性別'],
      status: undefined,
      href: () => undefined,
    });
    expect(d?.title).toBe('委託先とデータの流れ');
    expect(d?.nodes.map((n) => [n.kind, n.x, n.y, n.width, n.height, n.lines.join('|'), n.role])).toEqual([
      ['department', 0, 0, 360, 51, '情報課', '担当課'],
      ['contractor', 26, 79, 334, 51, 'X株式会社', '委託先'],
      ['sub', 52, 158, 308, 51, 'Y株式会社', '再委託先'],
    ]);
    expect(d?.links.map((l) => [l.kind, l.d, l.label?.lines.join('|')])).toEqual([
      ['contractor', 'M13,51L13,104.5L26,104.5', '氏名、住所、電話番号ほか1項目'],
      ['sub', 'M39,130L39,183.5L52,183.5', '再委託：保守'],
    ]);
    expect(d?.desc).toBe('情報課から：情報課からX株式会社へ（氏名、住所、電話番号ほか1項目）。X株式会社からY株式会社へ（再委託：保守）');
    expect(d?.height).toBe(211);
    expect(FLOW.width).toBe(360);
  });

  it('draws one diagram per side of a change, and the undetermined contractor when none is named', () => {
    const change = partySides(
      [
        { name: 'A', role: '委託先', change: '変更前' },
        { name: 'B', role: '委託先', change: '変更後' },
      ].map((c) => contractorSchema.parse(c)),
    );
    expect(
      flowDiagrams({ id: 'g', department: '課', sides: change, items: [], status: undefined, href: () => undefined }).map((d) => [
        d.id,
        d.title,
      ]),
    ).toEqual([
      ['g-0', '委託先とデータの流れ（変更前）'],
      ['g-1', '委託先とデータの流れ（変更後）'],
    ]);
    const [none] = flowDiagrams({ id: 'g', department: '課', sides: [], items: ['氏名'], status: '入札により決定', href: () => undefined });
    expect(none?.nodes.map((n) => [n.kind, n.lines.join(''), n.role])).toEqual([
      ['department', '課', '担当課'],
      ['undetermined', '入札により決定', '委託先未定'],
    ]);
  });
});

describe('yearChart', () => {
  const filings = [
    { date: '2008-07', kind: '諮問' },
    { date: '2008-12-01', kind: '事前報告' },
    { date: '2010-04-01', kind: '報告' },
    { date: '2010-04-01', kind: '報告' },
  ];
  const chart = yearChart(filings, ['諮問', '報告', '事前報告'], (y) => `/year/${y}`);

  it('has a row for every year from the first to the last, empty ones too', () => {
    expect(chart?.rows.map((r) => [r.year, r.total, r.href])).toEqual([
      ['2008', 2, '/year/2008'],
      ['2009', 0, undefined],
      ['2010', 2, '/year/2010'],
    ]);
  });

  it('stacks the kinds in the archive order, each with its colour index', () => {
    expect(chart?.rows[0]?.segments.map((s) => [s.kind, s.k, s.x, s.width, s.title])).toEqual([
      ['諮問', 0, 56, 137, '2008年 諮問1件'],
      ['事前報告', 2, 193, 137, '2008年 事前報告1件'],
    ]);
    expect(chart?.kinds).toEqual([
      { name: '諮問', k: 0 },
      { name: '報告', k: 1 },
      { name: '事前報告', k: 2 },
    ]);
    expect(chart?.ticks.map((t) => t.label)).toEqual(['0', '1', '2']);
  });

  it('says the same in words and as a table', () => {
    expect(chart?.desc).toBe('2008年から2010年までの諮問・報告事項4件の年ごとの件数。2008年：諮問1件・事前報告1件。2010年：報告2件');
    expect(chart?.table).toEqual([
      { year: '2008', counts: [1, 0, 1], total: 2 },
      { year: '2010', counts: [0, 2, 0], total: 2 },
    ]);
  });

  it('is nothing without filings', () => {
    expect(yearChart([], ['諮問'], String)).toBeUndefined();
  });
});

describe('versionChart', () => {
  const v = (id: string, name: string, dates: string[], first = dates[0] ?? ''): ClauseVersion => ({
    id,
    name,
    clauses: [],
    filings: dates.map((d, i) => filing(`${id}-${i}`, { date: d })),
    published: [],
    first,
    last: dates[dates.length - 1] ?? first,
  });
  const chart = versionChart(
    [v('a', '平成20年7月版', ['2008-07', '2008-12-01']), v('b', '令和2年4月版', ['2020-04-01']), v('c', '令和5年4月版', [], '2023-04-01')],
    (id) => `/version/${id}`,
    'b',
  );

  it('gives each version a lane from its first to its last use, with a dot per year', () => {
    expect(
      chart?.lanes.map((l) => [l.id, l.current, l.y, Math.round(l.x1), Math.round(l.x2), l.dots.map((d) => [d.year, d.count])]),
    ).toEqual([
      // 2008 to 2024 over x 16…344: July 2008 at 26, December at 35.
      ['a', false, 36, 26, 35, [['2008', 2]]],
      ['b', true, 80, 267, 267, [['2020', 1]]],
      ['c', false, 124, 329, 329, []],
    ]);
    expect(chart?.lanes[2]?.published?.title).toBe('令和5年4月版：令和5年4月1日に公表、付した諮問・報告事項なし');
  });

  it('has year ticks and a description of every version', () => {
    expect(chart?.ticks.map((t) => t.label)).toEqual(['2008', '2010', '2012', '2014', '2016', '2018', '2020', '2022', '2024']);
    expect(chart?.desc).toBe(
      '各版が付された期間と年ごとの件数。平成20年7月版：平成20年7月〜平成20年12月1日、2件。令和2年4月版：令和2年4月1日、1件。令和5年4月版：令和5年4月1日に公表、付した諮問・報告事項なし',
    );
  });
});
