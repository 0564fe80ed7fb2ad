/**
 * Lines that are headings without `#` marks, as filings write them: known section words alone
 * (事業の概要, 別紙, 付属資料), the clause set's title, a part of a 審議資料 (`第1 業務委託について`).
 * Recognising the header and building the body both ask.
 */
import { marker } from '../../core/numbering.ts';
import { compact, endsSentence } from '../../core/text.ts';
import { ANNEX_TITLE, CLAUSE_SET_TITLE } from './vocabulary.ts';

/** Headings that filings write without `#` marks (compared in compact form). */
const BARE_HEADINGS = ['事業の概要', '付属資料', '別紙', '参考資料', '添付資料', '資料', '審議資料', '諮問資料', '報告資料', '説明資料'];

export const UNDERLINE = /^[\s\-－─━—―‐_＿=＝\t]*$/u;

/** A clause set's title line: 特記事項, 個人情報取扱特記事項, 別記 個人情報の取扱いに関する特記事項 … */
export function isClauseSetTitle(text: string): boolean {
  const c = compact(text.replace(/\*\*/gu, ''))
    .replace(/^[(（【〔]|[)）】〕]$/gu, '')
    .replace(/[(（][^()（）]*[)）]$/u, '');
  if (c.length > 40 || /[。、「」『』]/u.test(c)) return false;
  return new RegExp(`(?:${CLAUSE_SET_TITLE.source})$`, 'u').test(c);
}

/** A known section word standing alone (事業の概要, 別紙, 付属資料, 件名…, 審議資料). */
export function bareHeading(text: string): boolean {
  const c = compact(text.replace(/\*\*/gu, ''));
  if (text.includes('\t') || c.length > 40) return false;
  if (BARE_HEADINGS.includes(c) || isClauseSetTitle(c)) return true;
  if (/^別紙[(（]?[^。]*[)）]?$/u.test(c) && c.length <= 30) return true;
  if (ANNEX_TITLE.test(c)) return true;
  return /^件名\S/u.test(c);
}

/** A part of a 審議資料: `第1 業務委託について`, `第２\u3000電子計算機の結合について`. */
export function isPartHeading(text: string): boolean {
  const m = marker(text);
  return (
    !!m &&
    (m.shape === 'dai' || m.shape === 'jo') &&
    m.rest.length > 0 &&
    m.rest.length <= 40 &&
    !endsSentence(m.rest) &&
    /について$|に関すること$|の概要$/u.test(m.rest)
  );
}
