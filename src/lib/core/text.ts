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

/** Bidirectional controls (embeddings, overrides, isolates, marks). */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/gu;

/** True when a text holds a bidirectional control: in a name it can make it read as another (社会式株ルーツ as ツール株式会社). */
export const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/u;

/**
 * Text as the site shows it: each bidirectional control made visible as its code point
 * (〔U+202E〕). Left in, an unclosed right-to-left override disguises a name (社会式株ルーツ
 * shows as ツール株式会社) and reverses what follows it on the page. Records keep what was written.
 */
export function revealControls(text: string): string {
  return text.replace(BIDI_CONTROLS, (c) => `〔U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}〕`);
}

/** Every string in a value passed through revealControls (for a record's data as the site shows it). */
export function revealAll<T>(value: T): T {
  if (typeof value === 'string') return revealControls(value) as T;
  if (Array.isArray(value)) return value.map(revealAll) as T;
  if (value && typeof value === 'object' && !(value instanceof Date))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revealAll(v)])) as T;
  return value;
}
