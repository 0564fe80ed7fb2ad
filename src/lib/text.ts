/**
 * Text normalisation shared by the importer, the site and search.
 *
 * Filings arrive with mixed widths (２０２０, ＢＣＣ, half-width katakana), full- and
 * half-width brackets, and digits spread by spaces from PDF extraction. Comparisons
 * and keys use NFKC; stored text keeps what was written.
 */

/** NFKC-normalise (full-width digits and letters to ASCII, half-width kana to full-width). */
export function nfkc(text: string): string {
  return text.normalize('NFKC');
}

/** NFKC and remove every kind of whitespace: the form used to compare labels and keys. */
export function compact(text: string): string {
  return nfkc(text).replace(/[\s\u200b\u3000]+/gu, '');
}

/** Collapse runs of whitespace (including U+3000) to one ASCII space and trim. */
export function squash(text: string): string {
  return text.replace(/[\s\u3000]+/gu, ' ').trim();
}

/**
 * Join digits that PDF extraction spread apart with spaces: `内線（3 1 7 3）` → `内線（3173）`,
 * `平成 28 年度第 8 回` → `平成28年度第8回`. Only whitespace between a digit and a digit,
 * or between a digit and a CJK character, is removed, so `ID 123 ABC` keeps its spaces.
 */
export function joinSpacedDigits(text: string): string {
  const cjk = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}（）()、。';
  return text
    .replace(/(?<=[0-9０-９])[ \u3000]+(?=[0-9０-９])/gu, '')
    .replace(new RegExp(`(?<=[0-9０-９])[ \\u3000]+(?=[${cjk}])`, 'gu'), '')
    .replace(new RegExp(`(?<=[${cjk}])[ \\u3000]+(?=[0-9０-９])`, 'gu'), '');
}

/** Strip one pair of enclosing brackets, full- or half-width: `（秘密の保持）` → `秘密の保持`. */
export function unbracket(text: string): string {
  const t = text.trim();
  const m = /^[（(【［[]\s*(.*?)\s*[）)】］\]]$/u.exec(t);
  return m?.[1] ?? t;
}

/** True when the text ends with sentence-final punctuation (used to detect page breaks). */
export function endsSentence(text: string): boolean {
  return /[。．.!！?？）)」』】]\s*$/u.test(text);
}
