/**
 * The geometry of a PDF page as pdfjs gives it (positioned strings and ruling lines), and the
 * first step of reading it: strings on one baseline joined into a line, left to right.
 * Shared by the table, vertical-text and page layouts beside it.
 */

/** A string pdfjs placed on the page: baseline at (x, y), PDF units (y grows upwards). */
export interface TextItem {
  str: string;
  x: number;
  y: number;
  /** Advance width of the whole string. */
  w: number;
  /** Font size (the height of an em). */
  size: number;
  /** Set in a vertical (縦書き) font. */
  vertical?: boolean;
  /** The font's name in the PDF (bold text is often another font: ゴシック for 明朝). */
  font?: string;
}

/** A straight ruling line. Thin filled rectangles are given as their centre line. */
export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** What one page holds. */
export interface PageContent {
  width: number;
  height: number;
  items: TextItem[];
  segments: Segment[];
}

/** A line of a page before the document-wide measures (body size, right edge) are known. */
export interface RawLine {
  text: string;
  left: number;
  right: number;
  /** Baseline. */
  y: number;
  size: number;
  /** Table row: no wrap, no furniture. */
  row?: boolean;
  /** Paragraph break after this line (set for the last line of a cell, table, or block). */
  breakAfter?: boolean;
  /** For cell lines: the cell decides fullness itself. */
  full?: boolean;
  /** The one font the line is set in, if it is set in one. */
  font?: string;
}

export const EPS = 2;

export function isSpace(s: string): boolean {
  return s.trim() === '';
}

export interface Glyphs {
  text: string;
  left: number;
  right: number;
  y: number;
  size: number;
  font?: string;
}

/** Join the items of one baseline, left to right, with spaces where the text had them or the gap is wide. */
export function joinItems(items: TextItem[]): Glyphs | undefined {
  const sorted = [...items].sort((a, b) => a.x - b.x);
  let text = '';
  let right = -Infinity;
  let left = Infinity;
  let size = 0;
  let pendingSpace = false;
  const fonts = new Set<string | undefined>();
  for (const it of sorted) {
    if (isSpace(it.str)) {
      pendingSpace = text !== '';
      continue;
    }
    const gap = it.x - right;
    const latinEdge = /[A-Za-z0-9]$/u.test(text) || /^[A-Za-z0-9]/u.test(it.str);
    // Between two strings: a gap of most of an em is a space in Japanese, a quarter of an em
    // between Latin words. (Inside one string pdfjs has put its own spaces.)
    const wide = gap > it.size * (latinEdge ? 0.25 : 0.8);
    if (text !== '' && (pendingSpace || wide)) text += ' ';
    text += it.str;
    fonts.add(it.font);
    pendingSpace = false;
    left = Math.min(left, it.x);
    right = Math.max(right, it.x + it.w);
    size = Math.max(size, it.size);
  }
  if (text.trim() === '') return undefined;
  const font = fonts.size === 1 ? [...fonts][0] : undefined;
  return { text, left, right, y: sorted[0]?.y ?? 0, size, ...(font !== undefined ? { font } : {}) };
}

/** Group items into baselines (top to bottom). */
export function baselines(items: TextItem[]): TextItem[][] {
  const sorted = [...items].filter((i) => i.str !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: Array<{ y: number; size: number; items: TextItem[] }> = [];
  for (const it of sorted) {
    const tol = Math.max(1, it.size * 0.35);
    const g = groups.find((x) => Math.abs(x.y - it.y) <= Math.max(tol, x.size * 0.35));
    if (g) {
      g.items.push(it);
      if (!isSpace(it.str)) g.size = Math.max(g.size, it.size);
    } else groups.push({ y: it.y, size: isSpace(it.str) ? 0 : it.size, items: [it] });
  }
  return groups.sort((a, b) => b.y - a.y).map((g) => g.items);
}

/** Advance of each character, in ems: full-width characters one, others a half. */
export function advances(str: string): number[] {
  return [...str].map((ch) =>
    /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch)
      ? 1
      : 0.5,
  );
}
