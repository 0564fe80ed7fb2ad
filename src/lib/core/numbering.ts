/**
 * How clauses and their parts are numbered in Japanese contract clauses (特記事項), in every
 * common shape: `1 text`, `第1 text`, `第１\u3000text`, `第1条 text` (with paragraphs `2`, `3` of an
 * article on lines of their own), `(1)`/`（１）`, `ア`/`イ`/`ウ`, `①`. Shared by the importer
 * (reading a source) and src/lib/clauses/extract.ts (reading a record back).
 */
import { parseJapaneseNumber } from './era.ts';
import { nfkc } from './text.ts';

/** The shapes a number can take. */
export type Shape = 'jo' | 'dai' | 'num' | 'paren' | 'kana' | 'circled';

/** A number at the start of a line. */
export interface Marker {
  shape: Shape;
  /** The number's value (ア = 1, イ = 2 …). */
  value: number;
  /** The marker as written, e.g. `第１条`, `（２）`, `ア`. */
  written: string;
  /** The rest of the line after the marker and its space. */
  rest: string;
}

const KANA = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン';
const DIGITS = '[0-9０-９]{1,3}';
const KANJI = '[一二三四五六七八九十百]{1,4}';

const SHAPES: Array<{ shape: Shape; re: RegExp }> = [
  {
    shape: 'jo',
    re: new RegExp(
      `^(第[\\s\\u3000]*(${DIGITS}|${KANJI})[\\s\\u3000]*条(?:の[0-9０-９一二三四五六七八九十]+)?)(?:[\\s\\u3000]+|(?=[（(])|$)`,
      'u',
    ),
  },
  {
    shape: 'dai',
    re: new RegExp(
      `^(第[\\s\\u3000]*(${DIGITS}|${KANJI}))(?![条項号章節回0-9０-９一二三四五六七八九十])(?:[\\s\\u3000]+|(?=[（(])|$)`,
      'u',
    ),
  },
  { shape: 'num', re: new RegExp(`^((${DIGITS})[.．、]?)(?:[\\s\\u3000]+|(?<=[.．、])|$)`, 'u') },
  // 一\u3000委託先 (kanji numerals, in vertical text above all): only with a space or a mark after it.
  { shape: 'num', re: new RegExp(`^((${KANJI})[.．、]?)(?:[\\s\\u3000]+|(?<=[.．、]))`, 'u') },
  { shape: 'paren', re: new RegExp(`^([（(][\\s\\u3000]*(${DIGITS}|${KANJI})[\\s\\u3000]*[）)])[\\s\\u3000]*`, 'u') },
  { shape: 'kana', re: new RegExp(`^(([${KANA}])[.．、]?)(?:[\\s\\u3000]+|(?<=[.．、]))`, 'u') },
  { shape: 'circled', re: /^(([①-⑳]))[\s\u3000]*/u },
];

function valueOf(shape: Shape, digits: string): number | undefined {
  if (shape === 'kana') return KANA.indexOf(digits) + 1;
  if (shape === 'circled') return (digits.codePointAt(0) ?? 0) - 0x2460 + 1;
  const n = nfkc(digits);
  return /^[0-9]+$/u.test(n) ? Number(n) : parseJapaneseNumber(n);
}

/** The marker a line starts with, if any (bullets `- ` before it are allowed). */
export function marker(line: string): Marker | undefined {
  const t = line.replace(/^[\s\u3000]*(?:[-*+][\s\u3000]+)?/u, '');
  for (const { shape, re } of SHAPES) {
    const m = re.exec(t);
    if (!m) continue;
    const value = valueOf(shape, m[2] ?? '');
    if (value === undefined || value < 0) continue;
    return { shape, value, written: m[1] ?? '', rest: t.slice(m[0].length).trim() };
  }
  return undefined;
}

/** Shapes that number clauses (the top level of a clause set). */
export function isClauseShape(shape: Shape): boolean {
  return shape === 'jo' || shape === 'dai' || shape === 'num';
}

/**
 * The role of a marker in a clause set whose clauses are numbered in `top`: a new clause, a
 * paragraph (項) of the current article (bare numbers under 第N条 / 第N), or a sub-item.
 */
export function roleOf(m: Marker, top: Shape): 'clause' | 'paragraph' | 'item' {
  if (m.shape === top) return 'clause';
  if ((top === 'jo' || top === 'dai') && m.shape === 'num') return 'paragraph';
  if (isClauseShape(m.shape) && !isClauseShape(top)) return 'clause';
  if (m.shape === 'jo' || m.shape === 'dai') return 'clause';
  return 'item';
}

/** How a shape is described to people: `第N条`, `第N`, `N`, `(N)`, `ア`, `①`. */
export function shapeName(shape: Shape): string {
  return { jo: '第N条', dai: '第N', num: 'N', paren: '(N)', kana: 'ア', circled: '①' }[shape];
}

/** The marker as the record writes it: widths normalised, no inner spaces (`第１\u3000条` → `第1条`). */
export function recordMarker(m: Marker): string {
  return nfkc(m.written).replace(/[\s\u3000]+/gu, '');
}
