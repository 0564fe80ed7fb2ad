/** Unit tests for each parser piece, on lines taken from the seeds. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/lib/record/config.ts';
import { parseBasis } from '../../src/lib/import/recognise/basis.ts';
import { kindIn, vocabulary } from '../../src/lib/import/recognise/vocabulary.ts';
import { parseContractorCell } from '../../src/lib/import/facts/contractors.ts';
import { parseDepartment, splitBureauSection, stripDepartmentBrackets } from '../../src/lib/import/facts/department.ts';
import { findReferences, parseItems, parsePeriod } from '../../src/lib/import/facts/fields.ts';
import { fragmentToPhrasing, fragmentToPlain, hasHtml } from '../../src/lib/import/decode/html.ts';
import { compact, joinSpacedDigits, unbracket } from '../../src/lib/core/text.ts';

describe('text', () => {
  it('compact folds widths and whitespace', () => expect(compact('件 名　ＢＣＣ２０２０')).toBe('件名BCC2020'));
  it('joinSpacedDigits joins digits spread by extraction', () => {
    expect(joinSpacedDigits('内線（3 1 7 3）')).toBe('内線（3173）');
    expect(joinSpacedDigits('平成 28 年度第 8 回')).toBe('平成28年度第8回');
    expect(joinSpacedDigits('ID 123 ABC')).toBe('ID 123 ABC');
  });
  it('unbracket strips one pair of brackets of either width', () => {
    expect(unbracket('(秘密の保持)')).toBe('秘密の保持');
    expect(unbracket('（秘密の保持）')).toBe('秘密の保持');
  });
});

describe('kindIn', () => {
  const v = vocabulary(DEFAULT_CONFIG);
  it.each([
    ['【報告】', '報告'],
    ['**【諮問】**', '諮問'],
    ['【事前報告】', '事前報告'],
    ['【 報 告 】', '報告'],
  ])('%s', (line, kind) => expect(kindIn(line, v)).toBe(kind));
  it('returns undefined without a kind', () => expect(kindIn('条例の根拠', v)).toBeUndefined());
});

describe('parseBasis', () => {
  it('reads the seeds’ forms', () => {
    expect(parseBasis('第14条第1項（業務委託）')).toEqual([{ article: '第14条第1項', label: '業務委託' }]);
    expect(parseBasis('◇第14条第1項（重要な個人情報の提供等を伴う委託）')).toEqual([
      { article: '第14条第1項', label: '重要な個人情報の提供等を伴う委託' },
    ]);
    expect(parseBasis('◇第 16 条第 1 項本文（電子計算機による個人情報の処理開発、変更）')).toEqual([
      { article: '第16条第1項本文', label: '電子計算機による個人情報の処理開発、変更' },
    ]);
    expect(parseBasis('第14条第1項（業務委託、再委託）')).toEqual([{ article: '第14条第1項', label: '業務委託、再委託' }]);
  });
  it('reads several articles on one line, full-width digits', () => {
    expect(parseBasis('第１４条第１項（業務委託）、第16条第1項本文（電子計算機による個人情報の処理開発、変更）')).toEqual([
      { article: '第14条第1項', label: '業務委託' },
      { article: '第16条第1項本文', label: '電子計算機による個人情報の処理開発、変更' },
    ]);
  });
});

describe('department', () => {
  it('splits bureau and section written together', () => {
    expect(splitBureauSection('健康部医療保険年金課')).toEqual({ bureau: '健康部', section: '医療保険年金課' });
    expect(splitBureauSection('総合政策部 情報政策課')).toEqual({ bureau: '総合政策部', section: '情報政策課' });
    expect(splitBureauSection('教育委員会事務局教育支援課')).toEqual({ bureau: '教育委員会事務局', section: '教育支援課' });
    expect(splitBureauSection('戸籍住民課')).toEqual({ section: '戸籍住民課' });
  });
  it('reads a one-line department with a unit', () => {
    expect(parseDepartment(stripDepartmentBrackets('（担当部課：地域文化部 戸籍住民課 住民記録係）'))).toEqual({
      bureau: '地域文化部',
      section: '戸籍住民課',
      unit: '住民記録係',
    });
  });
  it('reads a department over two lines with staff and extension', () => {
    expect(parseDepartment(stripDepartmentBrackets('(担当部課：健康部医療保険年金課 担当係 国保整理係 担当者 小林 内線(4199))'))).toEqual({
      bureau: '健康部',
      section: '医療保険年金課',
      unit: '国保整理係',
      contact: '担当者 小林 内線(4199)',
    });
  });
  it('joins an extension spread by spaces, without a closing bracket', () => {
    expect(
      parseDepartment(stripDepartmentBrackets('（担当部課： 地域文化部戸籍住民課 担当係 住民記録係 担当者 知見 内線（3 1 7 3）')),
    ).toEqual({
      bureau: '地域文化部',
      section: '戸籍住民課',
      unit: '住民記録係',
      contact: '担当者 知見 内線（3173）',
    });
  });
});

describe('parseContractorCell', () => {
  it('a status when no company is chosen', () => {
    expect(parseContractorCell('未定(入札により決定する)')).toEqual({ contractors: [], status: '未定(入札により決定する)' });
    expect(parseContractorCell('入札またはプロポーザルにより決定する')).toEqual({
      contractors: [],
      status: '入札またはプロポーザルにより決定する',
    });
  });
  it('a group with its representative and members (変更前)', () => {
    const cell = parseContractorCell(
      '次世代電子自治体推進企業体 代表企業：東日本電信電話株式会社 構成企業：エヌ・ティ・ティ・コミュニケーションズ株式会社、日本電気株式会社、トランスコスモス株式会社',
      '変更前',
    );
    const g = '次世代電子自治体推進企業体';
    expect(cell.contractors).toEqual([
      { name: g, role: '委託先', change: '変更前' },
      { name: '東日本電信電話株式会社', role: '代表企業', change: '変更前', group: g },
      { name: 'エヌ・ティ・ティ・コミュニケーションズ株式会社', role: '構成企業', change: '変更前', group: g },
      { name: '日本電気株式会社', role: '構成企業', change: '変更前', group: g },
      { name: 'トランスコスモス株式会社', role: '構成企業', change: '変更前', group: g },
    ]);
  });
  it('a contractor with subcontractors and their tasks (変更後)', () => {
    const cell = parseContractorCell(
      '委託先 日本電気株式会社 再委託先(保守、コールセンター、研修) 保守 NECソフト株式会社 コールセンター 株式会社BCC 研修 NECデザイン&プロモーション株式会社',
      '変更後',
    );
    expect(cell.contractors).toEqual([
      { name: '日本電気株式会社', role: '委託先', change: '変更後' },
      { name: 'NECソフト株式会社', role: '再委託先', change: '変更後', task: '保守' },
      { name: '株式会社BCC', role: '再委託先', change: '変更後', task: 'コールセンター' },
      { name: 'NECデザイン&プロモーション株式会社', role: '再委託先', change: '変更後', task: '研修' },
    ]);
  });
  it('keeps a name whose company type was set apart by a space', () => {
    expect(parseContractorCell('株式会社 日立製作所').contractors).toEqual([{ name: '株式会社 日立製作所', role: '委託先' }]);
    // Also right after a role label (the bench's generated filings had 167 companies called 株式会社).
    expect(
      parseContractorCell('総合共同企業体 代表企業：株式会社城南大和印刷 構成企業：株式会社 BCCデータ、第一電算株式会社').contractors,
    ).toEqual([
      { name: '総合共同企業体', role: '委託先' },
      { name: '株式会社城南大和印刷', role: '代表企業', group: '総合共同企業体' },
      { name: '株式会社 BCCデータ', role: '構成企業', group: '総合共同企業体' },
      { name: '第一電算株式会社', role: '構成企業', group: '総合共同企業体' },
    ]);
  });
});

describe('parsePeriod', () => {
  it('open-ended', () => {
    expect(parsePeriod('平成22年4月1日から、以降継続', 1).period).toEqual({
      text: '平成22年4月1日から、以降継続',
      ongoing: true,
      start: '2010-04-01',
    });
  });
  it('from … to', () => {
    expect(parsePeriod('平成20年12月1日 から平成21年3月31日まで', 1).period).toMatchObject({
      start: '2008-12-01',
      end: '2009-03-31',
      ongoing: false,
    });
  });
  it('from … to, continuing next year', () => {
    expect(parsePeriod('令和2年4月1日から令和3年3月31日まで (次年度以降も、同様の業務委託を行う。)', 1).period).toMatchObject({
      start: '2020-04-01',
      end: '2021-03-31',
      ongoing: true,
    });
  });
  it('month only', () => expect(parsePeriod('平成20年7月契約締結後', 1).period).toMatchObject({ start: '2008-07' }));
  it('平成 past its end: converted, with a warning naming the line', () => {
    const r = parsePeriod('平成31年4月1日から平成32年3月31日まで', 7);
    expect(r.period).toMatchObject({ start: '2019-04-01', end: '2020-03-31' });
    expect(r.warnings).toEqual([{ line: 7, message: expect.stringMatching(/平成32年3月31日 is after the end of 平成/u) as string }]);
  });
  it('impossible dates are errors', () => {
    expect(parsePeriod('令和0年4月1日から', 3).errors[0]?.line).toBe(3);
    expect(parsePeriod('令和2年2月30日から', 3).errors).toHaveLength(1);
    expect(parsePeriod('令和2年13月1日から', 3).errors).toHaveLength(1);
  });
});

describe('findReferences', () => {
  it('normalises spacing and 年/年度', () => {
    expect(findReferences('（平成 28 年度第 8 回及び令和元年第 4 回本審議回了承事項）')).toEqual(['平成28年度第8回', '令和元年度第4回']);
    expect(findReferences('平成19年度第6回の情報公開')).toEqual(['平成19年度第6回']);
  });
});

describe('parseContractorCell statements', () => {
  it('reads なし, 再委託先なし and the like as statements, never as companies', () => {
    expect(parseContractorCell('株式会社ABC（再委託先なし）')).toEqual({
      contractors: [{ name: '株式会社ABC', role: '委託先' }],
      statements: ['（再委託先なし）'],
    });
    expect(parseContractorCell('株式会社ABC (再委託先 なし)').contractors.map((c) => c.name)).toEqual(['株式会社ABC']);
    expect(parseContractorCell('なし')).toEqual({ contractors: [], status: 'なし' });
    expect(parseContractorCell('株式会社ABC（保守 運用）').contractors.map((c) => c.name)).toEqual(['株式会社ABC（保守 運用）']);
  });
  it('every piece of a contractor cell is a company or a statement, never neither (property)', () => {
    const company = fc
      .string({ unit: fc.constantFrom(...'アイウエオカキクケコサシスセソABCDE'), minLength: 1, maxLength: 8 })
      .map((w) => `株式会社${w}`);
    const statement = fc.constantFrom('（再委託先なし）', '(再委託先 なし)', '（再委託なし）', '（該当なし）', '(再委託は行わない)');
    fc.assert(
      fc.property(
        fc.array(company, { minLength: 1, maxLength: 5 }),
        fc.array(statement, { maxLength: 3 }),
        fc.constantFrom('、', ' ', '\u3000'),
        (companies, statements, sep) => {
          const cell = parseContractorCell([...companies, ...statements].join(sep));
          const names = cell.contractors.map((c) => c.name);
          for (const c of companies) expect(names, c).toContain(c);
          for (const st of statements) expect(cell.statements ?? [], st).toContain(st);
          expect(names).toHaveLength(companies.length);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('parseItems', () => {
  it('drops the leading qualifier and splits on 、', () => {
    expect(parseItems('申請・届出者の申請・届出にかかる氏名、出生の年月日、住民票コード、印鑑番号。')).toEqual([
      '氏名',
      '出生の年月日',
      '住民票コード',
      '印鑑番号',
    ]);
  });
  it('takes items from 「…(a、b)」 and ignores the 対象者 line', () => {
    expect(
      parseItems(
        '1 対象者 マイナンバーカード(個人番号カード)の交付申請を行う者\n2 情報項目 氏名、住所、生年月日などの従来の情報項目に、マイナンバーカードの「申請情報(申請書ID、顔写真)」を追加する。',
      ),
    ).toEqual(['申請書ID', '顔写真', '氏名', '住所', '生年月日']);
  });
  it('keeps a long item whole, and names each piece it does not take as an item', () => {
    const long = '国民年金被保険者資格の取得又は喪失年月日・種別及びその変更があった年月日・国民年金手帳の基礎年金番号';
    const notItems: string[] = [];
    expect(parseItems(`氏名、${long}、別紙のとおり`, { notItem: (p) => notItems.push(p) })).toEqual(['氏名', long]);
    expect(notItems).toEqual(['別紙のとおり']);
  });
  it('every piece of an items cell is an item or named as not one, never neither (property)', () => {
    const word = fc.string({
      unit: fc.constantFrom(...'氏名住所電話番号生年月日性別世帯主続柄口座記号被保険者資格取得喪失コード'),
      minLength: 1,
      maxLength: 70,
    });
    const noise = fc.constantFrom('別紙のとおり', '資料3のとおり', '従来の項目', '別添');
    fc.assert(
      fc.property(fc.array(fc.oneof(word, noise), { minLength: 1, maxLength: 12 }), (pieces) => {
        const notItems: string[] = [];
        const items = parseItems(pieces.join('、'), { notItem: (p) => notItems.push(p) });
        for (const p of pieces) expect(items.includes(p) || notItems.includes(p), p).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
  it('splits on ・ only when the list has no 、', () => {
    expect(parseItems('住民番号・世帯番号・カナ氏名')).toEqual(['住民番号', '世帯番号', 'カナ氏名']);
    expect(parseItems('・生活状況、資産・負債内容')).toEqual(['生活状況', '資産・負債内容']);
  });
});

describe('HTML fragments', () => {
  it('detects tags', () => {
    expect(hasHtml('<p>a</p>')).toBe(true);
    expect(hasHtml('a < b')).toBe(false);
  });
  it('turns paragraphs and list items into lines', () => {
    expect(fragmentToPlain('<p>趣旨</p> <ol style="list-style-type: none"><li>1 住民票</li><li>2 印鑑</li></ol>')).toBe(
      '趣旨\n1 住民票\n2 印鑑',
    );
  });
  it('keeps the text of bold; **bold** in plain lines becomes strong', () => {
    expect(fragmentToPlain('<b>事業名</b>')).toBe('事業名');
    expect(fragmentToPhrasing('**【諮問】**')).toEqual([{ type: 'strong', children: [{ type: 'text', value: '【諮問】' }] }]);
  });
  it('keeps the text of script and style as inert text', () => {
    expect(fragmentToPlain('<p>a</p><script>alert(1)</script>')).toBe('a\nalert(1)');
  });
  it('flattens a table inside a cell into lines', () => {
    expect(fragmentToPlain('<table><tr><td>本庁舎</td><td>平日</td></tr></table>')).toBe('本庁舎 平日');
  });
});
