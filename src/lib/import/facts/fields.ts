/**
 * Facts read from annex cells: the period, personal data items and cited council sessions.
 */
import { findDates, parseJapaneseNumber } from '../../core/era.ts';
import type { Period } from '../../record/schema.ts';
import { joinSpacedDigits, nfkc } from '../../core/text.ts';
import type { Problem } from '../messages.ts';

/** Parse 委託の開始時期及び期限: `平成22年4月1日から、以降継続`, `…から…まで`, `平成20年7月契約締結後`. */
export function parsePeriod(text: string, line: number): { period: Period; warnings: Problem[]; errors: Problem[] } {
  const { dates, errors } = findDates(text);
  const warnings: Problem[] = dates.flatMap((d) => d.warnings.map((message) => ({ line, message })));
  const ongoing = /以降継続|以降も|継続して|次年度以降/u.test(text);
  const [first, second] = dates;
  const period: Period = { text, ongoing };
  if (first) period.start = first.iso;
  if (second) {
    const between = text.slice(first ? first.index + first.text.length : 0, second.index);
    if (/から|～|〜|~|－|-/u.test(between) || /まで/u.test(text.slice(second.index))) period.end = second.iso;
  }
  if (first?.fiscal) period.start = `${first.iso}-04`;
  if (!first && errors.length === 0)
    warnings.push({ line, message: `no date found in the period 「${text}」; the record keeps the wording only` });
  return {
    period,
    warnings,
    errors: errors.map((e) => ({ line, message: `impossible date in the period: ${e.message}; correct the source and import again` })),
  };
}

/** Council sessions a filing cites: `平成 28 年度第 8 回` → `平成28年度第8回`, `令和元年第4回` → `令和元年度第4回`. */
export function findReferences(text: string): string[] {
  const out: string[] = [];
  const re =
    /(明治|大正|昭和|平成|令和)\s*(元|[0-9０-９]+|[一二三四五六七八九十]+)\s*年度?\s*第\s*([0-9０-９]+|[一二三四五六七八九十]+)\s*回/gu;
  for (const m of joinSpacedDigits(text).matchAll(re)) {
    const year = parseJapaneseNumber(m[2] ?? '');
    const n = parseJapaneseNumber(m[3] ?? '');
    if (year === undefined || n === undefined) continue;
    const ref = `${m[1]}${year === 1 ? '元' : year}年度第${n}回`;
    if (!out.includes(ref)) out.push(ref);
  }
  return out;
}

/**
 * An item longer than this is kept whole (some are: 国民年金被保険者資格の取得又は喪失年月日・種別…)
 * but said to staff: a long one may also be text of another column that an extraction ran into
 * the cell.
 */
export const LONG_ITEM = 40;

// Words that introduce or close a list of items, or refer to one given elsewhere (第１の４に同じ,
// 上記に同じ, 同上), rather than being items: said in a warning, and the cell stays in the body.
const ITEM_NOISE = /のとおり|別紙|別添|を追加|従来の|に同じ|と同じ|^同上$/u;

/**
 * Personal data items from an items cell: split on 、 and ・ outside brackets, with the
 * leading qualifier (`申請・届出者の申請・届出にかかる`) and list labels (`2 情報項目`) removed.
 * Items listed inside 「…(a、b)」 are taken from the brackets.
 */
export function parseItems(text: string, options: { dots?: boolean; notItem?: (piece: string) => void } = {}): string[] {
  const out: string[] = [];
  const add = (raw: string): void => {
    let t = raw
      .trim()
      .replace(/[。．.]+$/u, '')
      .trim();
    t = t.replace(/^[・\-－]\s*/u, '');
    t = t.replace(/^(?:[0-9０-９]+\s*)?(?:情報項目|記録項目|対象者)\s*/u, '');
    t = t.replace(/^.*?(?:にかかる|に係る|に関する|のうち)(?=.)/u, '');
    t = t.replace(/(?:など|等)の.*$/u, '').trim();
    if (!t) return;
    if (ITEM_NOISE.test(t)) {
      options.notItem?.(t);
      return;
    }
    if (!out.includes(t)) out.push(t);
  };
  for (const line of text.split('\n')) {
    if (/^(?:[0-9０-９]+\s*)?対象者/u.test(nfkc(line).trim())) continue;
    // 「申請情報(申請書ID、顔写真、…)」: the items are the ones in brackets.
    for (const m of line.matchAll(/「([^」]*)」/gu)) {
      const inner = /[（(]([^）)]*)[）)]/u.exec(m[1] ?? '');
      if (inner?.[1]) inner[1].split(/[、,]/u).forEach(add);
    }
    const outside = line.replace(/「[^」]*」/gu, '');
    for (const part of splitOutsideBrackets(outside, options.dots ?? !/[、,，]/u.test(outside))) add(part);
  }
  return out;
}

/** Split on 、 (and on ・ when `dots`: lists written 住所・氏名・…) outside brackets. */
function splitOutsideBrackets(text: string, dots: boolean): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if ('（(「'.includes(ch)) depth++;
    if ('）)」'.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && ('、,，'.includes(ch) || (dots && ch === '・'))) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}
