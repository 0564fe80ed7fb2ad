/** The importer on each seed filing: the facts it must extract, and its warnings. */
import { describe, expect, it } from 'vitest';
import { parse, seed } from '../support/helpers.ts';

describe('parseFiling on the seeds', () => {
  it('000: report, one-line department with unit, no contractor yet, open-ended period, 13 clauses', () => {
    const r = parse(seed('000').text);
    expect(r.errors).toEqual([]);
    expect(r.data).toMatchObject({
      title: '住民記録業務における電子計算機端末による入出力業務委託について',
      kind: '報告',
      basis: [{ article: '第14条第1項', label: '業務委託' }],
      department: { bureau: '地域文化部', section: '戸籍住民課', unit: '住民記録係' },
      date: '2010-04-01',
      date_source: 'inferred',
      contractors: [],
      contractor_status: '未定(入札により決定する)',
      period: { start: '2010-04-01', ongoing: true, text: '平成22年4月1日から、以降継続' },
      media: '電子的媒体(住民情報オンラインシステム)',
      subjects: '申請・届出を行った者',
    });
    expect(r.data?.items).toContain('住民票コード');
    expect(r.data?.items).toContain('氏名');
    expect(r.clauses).toHaveLength(13);
    // Each fact says where it was read and how: the date is the period's start, inferred.
    expect(r.data?.provenance).toMatchObject({
      title: { how: 'read', line: 5 }, // the 件名 line of the text
      kind: { how: 'read' },
      date: { how: 'inferred', line: r.data?.provenance?.period?.line },
      period: { how: 'read' },
      items: { how: 'read' },
      matters: { how: 'inferred' },
    });
    expect(Object.values(r.data?.provenance ?? {}).every((p) => p.how !== 'read' || (p.line ?? 0) > 0)).toBe(true);
    expect(r.clauses[1]).toEqual({
      number: 2,
      heading: '秘密の保持',
      text: '乙は、業務に関して知り得た情報を一切第三者に漏らしてはならない。この契約が終了した後においても同様とする。',
    });
  });

  it('001: prior report, department over two lines, bid pending, dated period, cites an earlier session', () => {
    const r = parse(seed('001').text);
    expect(r.errors).toEqual([]);
    expect(r.data).toMatchObject({
      title: '滞納整理支援システムに格納する滞納整理交渉経過の入力作業委託について',
      kind: '事前報告',
      basis: [{ article: '第14条第1項', label: '重要な個人情報の提供等を伴う委託' }],
      department: { bureau: '健康部', section: '医療保険年金課', unit: '国保整理係', contact: '担当者 小林 内線(4199)' },
      contractor_status: '入札により委託先を決定',
      period: { start: '2008-12-01', end: '2009-03-31', ongoing: false },
      media: '国民健康保険料滞納整理票(紙台帳)',
      references: ['平成19年度第6回'],
    });
    expect(r.data?.items).toEqual([
      '生活状況',
      '資産・負債内容',
      '分割納付状況',
      '職業・勤務先',
      '滞納処分状況',
      '納付交渉内容',
      '催告状況・内容',
    ]);
    expect(r.clauses).toHaveLength(13);
    expect(r.clauses[8]?.text).toBe('乙は、甲の立入調査等による監査を受けるものとする。');
  });

  it('002: 21 clauses, sub-items, a clause broken over a page break, headings shared by several clauses', () => {
    const r = parse(seed('002').text);
    expect(r.errors).toEqual([]);
    expect(r.data).toMatchObject({
      kind: '報告',
      department: { bureau: '地域振興部', section: '戸籍住民課' },
      contractor_status: '入札またはプロポーザルにより決定する',
      period: { start: '2020-04-01', end: '2021-03-31', ongoing: true },
      references: ['平成28年度第8回', '令和元年度第4回'],
    });
    expect(r.clauses.map((c) => c.number)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(r.clauses[4]?.items).toEqual([
      '(1) 思想、信条及び宗教に関する事項',
      '(2) 社会的差別の原因となる事実に関する事項',
      '(3) 犯罪に関する事項',
      '(4) その他区民の個人的秘密が侵害されるおそれがあると甲が認めた事項',
    ]);
    expect(r.clauses[8]?.text).toBe('乙は、業務を行うために甲から提供され、又は乙が収集した個人情報を複写し、又は複製してはならない。');
    expect(r.warnings).toContainEqual({ line: 84, message: expect.stringMatching(/clause 9 continues after a page break/u) as string });
    expect(r.clauses[11]).toMatchObject({ number: 12, heading: '資料等の返還等' });
    expect(r.clauses[15]).toMatchObject({ number: 16, heading: '監査等' });
    expect(r.data?.measures?.municipality).toMatch(/^【運用上の対策】/u);
    expect(r.data?.items).toEqual(expect.arrayContaining(['申請書ID', '顔写真', '氏名', '住所', '生年月日']));
  });

  it('003: consultation on computer processing, bold kind, spread digits, month-only period, items from the annex', () => {
    const r = parse(seed('003').text);
    expect(r.errors).toEqual([]);
    expect(r.data).toMatchObject({
      title: '証明書自動交付機導入におけるシステム開発について',
      kind: '諮問',
      basis: [{ article: '第16条第1項本文', label: '電子計算機による個人情報の処理開発、変更' }],
      department: { bureau: '地域文化部', section: '戸籍住民課', unit: '住民記録係', contact: '担当者 知見 内線（3173）' },
      date: '2008-07',
      period: { start: '2008-07', text: '平成20年7月契約締結後' },
      contractors: [],
    });
    expect(r.data?.contractor_status).toBeUndefined();
    expect(r.data?.items).toEqual(expect.arrayContaining(['住民番号', 'カナ氏名', '印影', '暗証番号']));
    expect(r.clauses).toHaveLength(13);
    expect(r.clauses[12]?.text).toMatch(/賠償するものとする$/u);
    // The copies of the table inside 事業内容 are reported, line by line.
    expect(r.warnings.map((w) => w.line)).toEqual(expect.arrayContaining([26, 27, 28, 29]));
    expect(r.body).not.toMatch(/\| 本庁舎 +\| 平日 8:30～17:00 +\|/u);
    expect(r.body).toMatch(/本庁舎 平日 8:30～17:00/u);
  });

  it('004: change of contractor with a group, members, subcontractors and tasks; items from the procedures table', () => {
    const r = parse(seed('004').text);
    expect(r.errors).toEqual([]);
    expect(r.data).toMatchObject({
      kind: '報告',
      basis: [{ article: '第14条第1項', label: '業務委託、再委託' }],
      department: { bureau: '総合政策部', section: '情報政策課' },
      period: { start: '2010-04-01', ongoing: true },
      media: '電磁的記録',
    });
    const c = r.data?.contractors ?? [];
    expect(c.map((x) => [x.change, x.role, x.name, x.task ?? null])).toEqual([
      ['変更前', '委託先', '次世代電子自治体推進企業体', null],
      ['変更前', '代表企業', '東日本電信電話株式会社', null],
      ['変更前', '構成企業', 'エヌ・ティ・ティ・コミュニケーションズ株式会社', null],
      ['変更前', '構成企業', '日本電気株式会社', null],
      ['変更前', '構成企業', 'トランスコスモス株式会社', null],
      ['変更後', '委託先', '日本電気株式会社', null],
      ['変更後', '再委託先', 'NECソフト株式会社', '保守'],
      ['変更後', '再委託先', '株式会社BCC', 'コールセンター'],
      ['変更後', '再委託先', 'NECデザイン&プロモーション株式会社', '研修'],
    ]);
    expect(r.data?.items).toEqual(expect.arrayContaining(['ID', 'パスワード', '電子メールアドレス', '氏名', '受給者番号']));
    expect(r.clauses).toHaveLength(13);
    // The procedures table keeps all 29 rows (No. 10 is missing in the source) and its header.
    expect(r.body).toMatch(/\| No\. +\| 手続名/u);
    expect(r.body).toMatch(/歯科衛生相談予約/u);
    // The security section after the clauses is its own section, not part of clause 13.
    expect(r.clauses[12]?.text).not.toMatch(/システム安全対策/u);
    expect(r.body).toMatch(/## システム安全対策の概要/u);
  });
});
