/** Small readings of the importer's lines that several stages share. */
import { nfkc } from '../core/text.ts';
import type { Line } from './source.ts';

/** A Markdown-ish heading: `## 特記事項`. */
export const HASH_HEADING = /^\s*(#{1,6})\s+(.*?)\s*#*\s*$/u;

/**
 * A line that starts something of its own (a numbered clause or item, a bullet, a note, a bracketed
 * label), so that a wrapped line never runs into it.
 */
export const STARTS_BLOCK =
  /^\s*(?:第\s*[0-9０-９一二三四五六七八九十]+\s*[条項号]?|[0-9０-９]{1,3}(?:[\s\u3000.．、)）]|$)|[（(][0-9０-９一二三四五六七八九十]{1,3}[)）]|[①-⑳]|[ア-ン][\s\u3000.．、]|[・●○■□◆◇※＊*-]|[【〔［])/u;

/** A bracketed heading on its own line: `（秘密の保持）`, `(基本的事項)`, `【秘密の保持】`. */
export const CLAUSE_HEADING = /^[（(【〔][^（）()【】〔〕]{1,40}[）)】〕]$/u;

/** The index of the first non-blank line at or after `from`. */
export function nextText(lines: Line[], from: number): number | undefined {
  for (let k = from; k < lines.length; k++) if ((lines[k]?.text.trim() ?? '') !== '') return k;
  return undefined;
}

/** Text as HTML text: the three characters that would be markup escaped. */
export function escapeHtml(s: string): string {
  return s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

/**
 * Join two wrapped pieces: no space in Japanese; one space between two Latin words, and one where
 * either piece kept the space it was cut at.
 */
export function joinWrapped(a: string, b: string): string {
  return a.trimEnd() + wrapSeparator(a, b) + b.trimStart();
}

/**
 * What goes between two wrapped pieces: a space, or nothing. Only their ends are looked at, so a
 * caller joining thousands of pieces passes the last one, not the paragraph so far.
 */
export function wrapSeparator(a: string, b: string): string {
  const left = a.trimEnd();
  const right = b.trimStart();
  const spaced = left.length !== a.length || right.length !== b.length;
  const latin = /[A-Za-z0-9,;:]$/u.test(nfkc([...left.slice(-2)].pop() ?? '')) && /^[A-Za-z0-9(]/u.test(nfkc(right.slice(0, 2)));
  return latin || spaced ? ' ' : '';
}
