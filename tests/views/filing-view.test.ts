/** src/lib/views/filing-view.ts: the summary, fact rows, version note and contents of a filing page. */
import { describe, expect, it } from 'vitest';
import type { ClauseVersion } from '../../src/lib/clauses/versions.ts';
import { filingContents, filingFacts, filingSummary, filingsAround, firstSentence, versionNote } from '../../src/lib/views/filing-view.ts';
import { CHANGE, PATHS, archiveOf, filing } from '../support/view-fixtures.ts';

const change = filing('f1', {
  date: '2010-04-01',
  subjects: '区民',
  items: ['氏名', '住所', '生年月日', '電話番号'],
  contractors: CHANGE,
  purpose: '各種手続を電子で申請する。二文目は要約に入らない。',
  period: { start: '2010-04-01', text: '平成22年4月1日から以降継続', ongoing: true },
  references: ['平成28年度第8回'],
  basis: [{ article: '第14条第1項', label: '業務委託、再委託' }],
});
const pending = filing('f2', {
  date: '2008-12-01',
  items: ['氏名'],
  contractor_status: '入札により決定',
  period: { start: '2008-12-01', end: '2009-03-31', text: '平成20年12月1日から平成21年3月31日まで', ongoing: false },
  meeting: '平成28年度第8回',
});
const bare = filing('f3', { date: '2008-07' });

function version(id: string, name: string, filings: (typeof change)[], clauses = 13): ClauseVersion {
  return {
    id,
    name,
    clauses: Array.from({ length: clauses }, (_, i) => ({ number: i + 1, text: `条項${i + 1}` })),
    filings,
    published: [],
    first: filings[0]?.data.date ?? '',
    last: filings[filings.length - 1]?.data.date ?? '',
  };
}

describe('firstSentence', () => {
  it('is the text up to its first 。, cut at a length with …', () => {
    expect(firstSentence('一文目。二文目。')).toBe('一文目');
    expect(firstSentence('あいうえお', 3)).toBe('あいう…');
    expect(firstSentence(' 改行\nのある 文 ')).toBe('改行 のある 文');
  });
});

describe('filingSummary', () => {
  it('says whose data, which items, to whom, what for, how long, re-outsourced, which clauses', () => {
    expect(filingSummary(change.data, version('cv-1', '平成22年4月版', [change]))).toEqual([
      '区民の個人情報4項目（氏名、住所、生年月日ほか）を扱います。',
      '委託先を甲企業体（代表企業 A株式会社ほか1社）からB株式会社に変更します。',
      '目的は「各種手続を電子で申請する」です。',
      '期間は平成22年4月1日から、以降継続します。',
      'B株式会社は保守をC株式会社に、コールセンターをD株式会社に再委託します。',
      '契約には特記事項の平成22年4月版（13項）を付します。',
    ]);
  });

  it('says when no company is chosen yet, and the end of a period', () => {
    expect(filingSummary(pending.data)).toEqual([
      '個人情報1項目（氏名）を扱います。',
      '届出の時点では、委託先は決まっていませんでした（入札により決定）。',
      '期間は平成20年12月1日から平成21年3月31日までです。',
      '特記事項の本文は記録にありません。',
    ]);
  });

  it('gives a long 対象者 a sentence of its own', () => {
    const f = filing('f5', { date: '2008-07', subjects: '住民票の写しは住民登録者 印鑑登録証明書は印鑑登録者', items: ['氏名'] });
    expect(filingSummary(f.data).slice(0, 2)).toEqual([
      '対象者は「住民票の写しは住民登録者 印鑑登録証明書は印鑑登録者」です。',
      '個人情報1項目（氏名）を扱います。',
    ]);
  });

  it('says what the record does not hold', () => {
    expect(filingSummary(bare.data)).toEqual([
      '扱う個人情報の項目は記載されていません。',
      '委託先は記載されていません。',
      '期間は記載されていません。',
      '特記事項の本文は記録にありません。',
    ]);
  });

  it('says when a company re-outsources nothing', () => {
    const one = filing('f4', { date: '2020-04-01', items: ['氏名'], contractors: [{ name: 'X株式会社', role: '委託先' }] });
    expect(filingSummary(one.data).slice(1)).toEqual([
      'X株式会社に委託します。',
      '期間は記載されていません。',
      '再委託先は記載されていません。',
      '特記事項の本文は記録にありません。',
    ]);
  });
});

describe('filingFacts', () => {
  const archive = archiveOf([change, pending, bare]);
  const ctx = { archive, paths: PATHS, self: '区', about: (a: string) => (a === '第14条第1項' ? '業務委託の手続' : undefined) };

  it('shows 変更前 and 変更後 side by side, each company linked, members and subcontractors indented', () => {
    const row = filingFacts(change, ctx).find((r) => r.key === 'contractors');
    expect(
      row?.sides?.map((s) => [s.heading, s.lines.map((l) => `${'  '.repeat(l.depth)}${l.parts.map((p) => p.text).join('')}`)]),
    ).toEqual([
      ['変更前', ['甲企業体（委託先）', '  A株式会社（代表企業）', '  B株式会社（構成企業）']],
      ['変更後', ['B株式会社（委託先）', '  C株式会社（再委託先（保守））', '  D株式会社（再委託先（コールセンター））']],
    ]);
    expect(row?.sides?.[1]?.lines[0]?.parts[0]?.href).toMatch(/^\/contractor\/s\d+$/u);
  });

  it("says 委託先の記載なし when a filing names no company and gives no status, and a pending one's status", () => {
    expect(filingFacts(bare, ctx).find((r) => r.key === 'contractors')?.lines).toEqual([
      { parts: [{ text: '委託先の記載なし' }], depth: 0 },
    ]);
    expect(filingFacts(pending, ctx).find((r) => r.key === 'contractors')?.lines).toEqual([
      { parts: [{ text: '入札により決定' }], depth: 0 },
    ]);
  });

  it('links a cited session to its filings when the archive has them, and the article to what it is about', () => {
    const href = `/meeting/${archive.meetings.get('平成28年度第8回')?.slug}`;
    expect(filingFacts(change, ctx).find((r) => r.key === 'references')?.lines).toEqual([
      {
        parts: [
          { text: '平成28年度第8回', href },
          { text: '（この回の諮問・報告事項1件）', meta: true },
        ],
        depth: 0,
      },
    ]);
    expect(filingFacts(pending, ctx).find((r) => r.key === 'meeting')?.lines).toEqual([
      { parts: [{ text: '平成28年度第8回', href }], depth: 0 },
    ]);
    // A session the archive has no filing of is text.
    expect(
      filingFacts(filing('f9', { date: '2020-01-01', references: ['令和元年度第4回'] }), ctx).find((r) => r.key === 'references')?.lines,
    ).toEqual([{ parts: [{ text: '令和元年度第4回' }], depth: 0 }]);
    expect(filingFacts(change, ctx).find((r) => r.key === 'basis')?.lines).toEqual([
      {
        parts: [
          { text: '第14条第1項', href: '/basis/article-14-1' },
          { text: '（業務委託、再委託）' },
          { text: '：業務委託の手続', meta: true },
        ],
        depth: 0,
      },
    ]);
  });

  it('gives the period in era and ISO with its wording', () => {
    expect(filingFacts(pending, ctx).find((r) => r.key === 'period')?.lines).toEqual([
      {
        parts: [
          { text: '平成20年12月1日（2008-12-01）', datetime: '2008-12-01' },
          { text: 'から' },
          { text: '平成21年3月31日（2009-03-31）', datetime: '2009-03-31' },
          { text: 'まで' },
        ],
        depth: 0,
      },
      { parts: [{ text: '原文：平成20年12月1日から平成21年3月31日まで', meta: true }], depth: 0 },
    ]);
  });
});

describe('filingsAround', () => {
  it("gives a version's filings within the years either side", () => {
    const a = filing('a', { date: '2006-01-01' });
    const b = filing('b', { date: '2008-05-01' });
    const c = filing('c', { date: '2012-05-01' });
    expect(filingsAround(version('v', 'v', [a, b, c]), 2010, 3).map((f) => f.id)).toEqual(['b', 'c']);
  });
});

describe('versionNote', () => {
  it('counts the filings of the window and keeps every row, so the counts match the comparison page', () => {
    const old1 = filing('o1', { date: '2008-07' });
    const old2 = filing('o2', { date: '2008-12-01' });
    const far = filing('o3', { date: '2001-04-01' });
    const mainline = version('cv-old', '平成20年7月版', [far, old1, old2]);
    const own = version('cv-new', '平成22年4月版', [change]);
    const rows = [
      { kind: 'same' as const, renumbered: false, moved: false, old: undefined, new: undefined },
      { kind: 'changed' as const, renumbered: false, moved: false, old: undefined, new: undefined },
    ];
    const note = versionNote(change, own, PATHS, { mainline, older: mainline, newer: own, rows });
    expect(note.version).toEqual({ id: 'cv-new', name: '平成22年4月版', clauses: 13, href: '/version/cv-new' });
    expect(note.departure).toEqual({
      mainline: { id: 'cv-old', name: '平成20年7月版', href: '/version/cv-old' },
      years: 3,
      from: 2007,
      to: 2013,
      filings: [
        { id: 'o1', title: '件名o1', date: '2008-07', href: '/filing/o1' },
        { id: 'o2', title: '件名o2', date: '2008-12-01', href: '/filing/o2' },
      ],
      count: 2,
      compareHref: '/compare/cv-old/cv-new',
      rows,
    });
  });

  it('is the version alone when the filing keeps to its time', () => {
    expect(versionNote(change, version('cv-1', '版', [change]), PATHS).departure).toBeUndefined();
  });
});

describe('filingContents', () => {
  it("lists the page's sections with the body's below 本文", () => {
    expect(
      filingContents(
        [
          ['facts', '概要'],
          ['body', '本文'],
          ['provenance', '出典'],
        ],
        [{ id: 'body-1', text: '事業の概要' }],
        'body',
      ),
    ).toEqual([
      { id: 'facts', text: '概要', children: [] },
      { id: 'body', text: '本文', children: [{ id: 'body-1', text: '事業の概要', children: [] }] },
      { id: 'provenance', text: '出典', children: [] },
    ]);
  });
});
