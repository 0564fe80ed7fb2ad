/**
 * Fact-level losslessness: every piece of an items cell or a 委託先 cell is in the record's facts
 * or named in a warning — never neither. The character-level check (lossless.ts) sees text kept
 * in the body; this one sees whether each piece became a fact or was said not to be one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseContractorCell } from '../../src/lib/import/facts/contractors.ts';
import { parseItems } from '../../src/lib/import/facts/fields.ts';

const RUNS = 1000;

const ITEMS = [
  '氏名',
  '住所',
  '生年月日',
  '性別',
  '電話番号',
  '世帯主の氏名',
  '住民票コード',
  '被保険者記号番号',
  '口座番号',
  'メールアドレス',
];
const LONG = '国民年金被保険者資格の取得又は喪失年月日・種別及びその変更があった年月日・国民年金手帳の基礎年金番号';
/** Pieces that introduce or refer to a list rather than being items. */
const NOT_ITEMS = ['別紙のとおり', '資料37-2のとおり', '従来の項目', '別添参照', '第１の４に同じ', '同上'];
const COMPANIES = ['株式会社あおばサービス', '日本電気株式会社', '有限会社緑川', 'NECソフト株式会社', '一般財団法人みらい協会', 'ABC Corp'];
const STATEMENTS = ['（再委託先なし）', '（未定）', '（入札により決定）'];

describe('every piece of a cell is a fact or a warning', () => {
  it(`items cells (${RUNS} runs): each piece is an item or was said not to be one`, () => {
    const piece = fc.oneof(fc.constantFrom(...ITEMS), fc.constant(LONG), fc.constantFrom(...NOT_ITEMS));
    fc.assert(
      fc.property(fc.uniqueArray(piece, { minLength: 1, maxLength: 8 }), fc.constantFrom('、', '，', '\n'), (pieces, sep) => {
        const warned: string[] = [];
        const items = parseItems(pieces.join(sep), { notItem: (p) => warned.push(p) });
        // A cell without 、 is a list written with ・ (住所・氏名): a piece may come out as its parts.
        const kept = (p: string): boolean => items.includes(p) || warned.includes(p) || p.split('・').every((x) => items.includes(x));
        for (const p of pieces) expect(kept(p), `${p} in ${JSON.stringify({ items, warned })}`).toBe(true);
        // What introduces or refers to a list (別紙のとおり, 第１の４に同じ) is never an item.
        for (const p of pieces.filter((x) => NOT_ITEMS.includes(x))) expect(items).not.toContain(p);
        // Nothing is made up: every item is one of the pieces.
        for (const it of items) expect(pieces.some((p) => p === it || p.split('・').includes(it))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it(`委託先 cells (${RUNS} runs): each company is a contractor, each statement a statement, never a name`, () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...COMPANIES), { minLength: 1, maxLength: 4 }),
        fc.subarray(STATEMENTS),
        fc.constantFrom('、', ' ', '\u3000'),
        (companies, statements, sep) => {
          const cell = parseContractorCell([...companies, ...statements].join(sep));
          const names = cell.contractors.map((c) => c.name);
          for (const c of companies) expect(names).toContain(c);
          for (const s of statements) expect(cell.statements ?? [], `${s} in ${JSON.stringify(cell)}`).toContain(s);
          for (const n of names) expect(companies).toContain(n);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
