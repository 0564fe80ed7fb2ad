/**
 * A PDF page rebuilt as the importer needs it, from the positions of its text and its ruling
 * lines (pure geometry; decode-pdf.ts reads them with pdfjs-dist).
 *
 * - Table cells from ruling lines: the rules of a table make a grid; neighbouring grid cells
 *   with no rule between them are one (merged) cell; a cell's text is one cell however many
 *   lines it wraps over. A row cut by a page break continues in the row above.
 * - Text outside tables in reading order: lines by baseline, top to bottom, characters left to
 *   right; a line that reaches the right edge of its column (or cell) is marked `full`, so
 *   that the next line may continue it (normalise.ts joins them).
 * - Page furniture marked: lines set apart at the top or bottom of a page (`edge`).
 * - Vertical text (columns of single characters): read right to left, and reported.
 *
 * No library rebuilds reading order and tables from PDF positions in JavaScript (pdfjs gives
 * positioned strings; pdf.js's own text layer only places them), hence this module.
 */
import { STARTS_BLOCK, escapeHtml, joinWrapped } from '../lines.ts';
import type { SourceLine } from '../source.ts';

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
interface RawLine {
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

/** The page's lines, with what the document needs to finish them. */
export interface PageLayout {
  lines: RawLine[];
  vertical: boolean;
}

const EPS = 2;

function isSpace(s: string): boolean {
  return s.trim() === '';
}

interface Glyphs {
  text: string;
  left: number;
  right: number;
  y: number;
  size: number;
  font?: string;
}

/** Join the items of one baseline, left to right, with spaces where the text had them or the gap is wide. */
function joinItems(items: TextItem[]): Glyphs | undefined {
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
function baselines(items: TextItem[]): TextItem[][] {
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

// ---- Tables from ruling lines -----------------------------------------------------------

interface Rule {
  /** Horizontal: y; vertical: x. */
  at: number;
  from: number;
  to: number;
}

interface Grid {
  xs: number[];
  ys: number[]; // top first (descending)
  h: Rule[];
  v: Rule[];
}

function rulesOf(segments: Segment[]): { h: Rule[]; v: Rule[] } {
  const h: Rule[] = [];
  const v: Rule[] = [];
  for (const s of segments) {
    const dx = Math.abs(s.x2 - s.x1);
    const dy = Math.abs(s.y2 - s.y1);
    if (dy <= 1.5 && dx > 4) h.push({ at: (s.y1 + s.y2) / 2, from: Math.min(s.x1, s.x2), to: Math.max(s.x1, s.x2) });
    else if (dx <= 1.5 && dy > 4) v.push({ at: (s.x1 + s.x2) / 2, from: Math.min(s.y1, s.y2), to: Math.max(s.y1, s.y2) });
  }
  return { h: mergeRules(h), v: mergeRules(v) };
}

/** Collinear rules that touch become one (Word and Chromium draw a cell's border per cell). */
function mergeRules(rules: Rule[]): Rule[] {
  const sorted = [...rules].sort((a, b) => a.at - b.at || a.from - b.from);
  const out: Rule[] = [];
  for (const r of sorted) {
    const last = out.find((o) => Math.abs(o.at - r.at) <= EPS && r.from <= o.to + EPS && r.to >= o.from - EPS);
    if (last) {
      last.from = Math.min(last.from, r.from);
      last.to = Math.max(last.to, r.to);
    } else out.push({ ...r });
  }
  return out;
}

function touches(h: Rule, v: Rule): boolean {
  return v.at >= h.from - EPS && v.at <= h.to + EPS && h.at >= v.from - EPS && h.at <= v.to + EPS;
}

/** Rules grouped into tables: each set of rules that cross or touch one another. */
function grids(segments: Segment[]): Grid[] {
  const { h, v } = rulesOf(segments);
  const parent = [...h, ...v].map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] as number)));
  h.forEach((a, i) =>
    v.forEach((b, j) => {
      if (touches(a, b)) parent[find(i)] = find(h.length + j);
    }),
  );
  const groups = new Map<number, { h: Rule[]; v: Rule[] }>();
  h.forEach((r, i) => {
    const g = groups.get(find(i)) ?? { h: [], v: [] };
    g.h.push(r);
    groups.set(find(i), g);
  });
  v.forEach((r, j) => {
    const g = groups.get(find(h.length + j)) ?? { h: [], v: [] };
    g.v.push(r);
    groups.set(find(h.length + j), g);
  });
  const out: Grid[] = [];
  for (const g of groups.values()) {
    if (g.v.length === 0 || g.h.length === 0) continue;
    // A table cut by a page break has no rule where it is cut: the vertical rules' ends stand for it.
    const left = Math.min(...g.h.map((r) => r.from));
    const right = Math.max(...g.h.map((r) => r.to));
    const bottom = Math.min(...g.v.map((r) => r.from));
    const top = Math.max(...g.v.map((r) => r.to));
    const hs = [...g.h];
    for (const y of [bottom, top]) if (!hs.some((r) => Math.abs(r.at - y) <= EPS * 2)) hs.push({ at: y, from: left, to: right });
    const xs = cluster(g.v.map((r) => r.at)).sort((a, b) => a - b);
    const ys = cluster(hs.map((r) => r.at)).sort((a, b) => b - a);
    if (xs.length < 2 || ys.length < 2) continue;
    out.push({ xs, ys, h: hs, v: g.v });
  }
  return out;
}

function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of sorted) if (out.length === 0 || x - (out[out.length - 1] as number) > EPS) out.push(x);
  return out;
}

interface Cell {
  row: number;
  col: number;
  rowEnd: number;
  colEnd: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  items: TextItem[];
}

/** The merged cells of a grid: unit cells with no rule between them are one. */
function cellsOf(g: Grid): Cell[] {
  const rows = g.ys.length - 1;
  const cols = g.xs.length - 1;
  const id = (r: number, c: number): number => r * cols + c;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] as number)));
  const covered = (rules: Rule[], at: number, mid: number): boolean =>
    rules.some((r) => Math.abs(r.at - at) <= EPS && r.from - EPS <= mid && r.to + EPS >= mid);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const ymid = ((g.ys[r] as number) + (g.ys[r + 1] as number)) / 2;
      const xmid = ((g.xs[c] as number) + (g.xs[c + 1] as number)) / 2;
      if (c + 1 < cols && !covered(g.v, g.xs[c + 1] as number, ymid)) parent[find(id(r, c + 1))] = find(id(r, c));
      if (r + 1 < rows && !covered(g.h, g.ys[r + 1] as number, xmid)) parent[find(id(r + 1, c))] = find(id(r, c));
    }
  const cells = new Map<number, Cell>();
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const root = find(id(r, c));
      const cell = cells.get(root);
      if (cell) {
        cell.rowEnd = Math.max(cell.rowEnd, r);
        cell.colEnd = Math.max(cell.colEnd, c);
      } else cells.set(root, { row: r, col: c, rowEnd: r, colEnd: c, left: 0, right: 0, top: 0, bottom: 0, items: [] });
    }
  for (const cell of cells.values()) {
    cell.left = g.xs[cell.col] as number;
    cell.right = g.xs[cell.colEnd + 1] as number;
    cell.top = g.ys[cell.row] as number;
    cell.bottom = g.ys[cell.rowEnd + 1] as number;
  }
  return [...cells.values()].sort((a, b) => a.row - b.row || a.col - b.col);
}

/** A cell's text: wrapped lines joined, paragraphs kept apart (as HTML paragraphs when there are several). */
function cellText(cell: Cell): string {
  const lines = baselines(cell.items)
    .map(joinItems)
    .filter((g): g is Glyphs => g !== undefined);
  if (lines.length === 0) return '';
  const pad = Math.max(0, Math.min(...lines.map((l) => l.left)) - cell.left);
  const edge = cell.right - pad;
  const paragraphs: string[] = [];
  let current = '';
  lines.forEach((l, i) => {
    current = current === '' ? l.text : joinWrapped(current, l.text);
    const next = lines[i + 1];
    const full = l.right >= edge - l.size * 1.5;
    if (!next || !full || startsBlock(next.text)) {
      paragraphs.push(current);
      current = '';
    }
  });
  const clean = paragraphs.map((p) => p.replace(/\t/gu, ' ').trim()).filter(Boolean);
  if (clean.length === 1 && !/[<&]/u.test(clean[0] as string)) return clean[0] as string;
  return clean.map((p) => `<p>${escapeHtml(p)}</p>`).join('');
}

function startsBlock(text: string): boolean {
  return STARTS_BLOCK.test(text);
}

/** Advance of each character, in ems: full-width characters one, others a half. */
function advances(str: string): number[] {
  return [...str].map((ch) =>
    /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch)
      ? 1
      : 0.5,
  );
}

/**
 * pdfjs joins the text of one baseline into one string even across a cell's border (a narrow
 * No. column: `11 子ども医療証…`). Such a string is cut where a vertical rule crosses it; the
 * characters' places are estimated from their widths (full-width one em, others half).
 */
const parentOf = new WeakMap<TextItem, TextItem>();

export function splitAtRules(items: TextItem[], rules: Rule[]): TextItem[] {
  const out: TextItem[] = [];
  for (const it of items) {
    const chars = [...it.str];
    const crossing = rules.filter((r) => r.at > it.x + 1 && r.at < it.x + it.w - 1 && it.y >= r.from - EPS && it.y <= r.to + EPS);
    if (chars.length < 2 || crossing.length === 0) {
      out.push(it);
      continue;
    }
    // Widths in points: characters by their em width; what is left over goes to the spaces
    // (pdfjs writes one where a gap is wide, such as between two cells), or, without spaces,
    // every character is scaled alike.
    const ems = advances(it.str);
    const spaces = chars.filter((c) => c.trim() === '').length;
    const inked = chars.reduce((n, c, k) => n + (c.trim() === '' ? 0 : (ems[k] as number) * it.size), 0);
    const spaceWidth = spaces > 0 && it.w > inked ? (it.w - inked) / spaces : undefined;
    const scale = spaceWidth === undefined ? it.w / (ems.reduce((a, b) => a + b, 0) * it.size || 1) : 1;
    const edges: number[] = [it.x];
    chars.forEach((c, k) => {
      const width = c.trim() === '' && spaceWidth !== undefined ? spaceWidth : (ems[k] as number) * it.size * scale;
      edges.push((edges[edges.length - 1] as number) + width);
    });
    // Cut only at a space pdfjs put there (a cell's gap), never inside a word that overflows its cell.
    const cuts = new Set<number>();
    for (const r of crossing) {
      let best = -1;
      let dist = Infinity;
      chars.forEach((c, k) => {
        if (c.trim() !== '') return;
        const d = Math.abs(((edges[k] as number) + (edges[k + 1] as number)) / 2 - r.at);
        if (d < dist) {
          dist = d;
          best = k;
        }
      });
      if (best >= 0 && dist <= it.size * 1.5) cuts.add(best);
    }
    let start = 0;
    for (const cut of [...cuts].sort((a, b) => a - b).concat(chars.length)) {
      const str = chars.slice(start, cut).join('').trim();
      if (str !== '') {
        const piece = { ...it, str, x: edges[start] as number, w: (edges[cut] as number) - (edges[start] as number) };
        parentOf.set(piece, it);
        out.push(piece);
      }
      start = cut;
    }
  }
  return out;
}

/** Table rows of a grid as tab-separated lines, top to bottom. */
function tableLines(g: Grid, all: TextItem[]): { lines: RawLine[]; used: Set<TextItem> } {
  const cells = cellsOf(g);
  const used = new Set<TextItem>();
  const top = g.ys[0] as number;
  const bottom = g.ys[g.ys.length - 1] as number;
  const inside = all.filter(
    (i) => i.y <= top + EPS && i.y >= bottom - EPS && i.x < (g.xs[g.xs.length - 1] as number) && i.x + i.w > (g.xs[0] as number),
  );
  const items = splitAtRules(inside, g.v);
  for (const it of items) {
    const cx = it.x + it.w / 2;
    const cy = it.y + it.size * 0.3;
    const cell = cells.find((c) => cx >= c.left && cx <= c.right && cy <= c.top && cy >= c.bottom);
    if (cell) {
      cell.items.push(it);
      used.add(parentOf.get(it) ?? it);
    }
  }
  const rows = g.ys.length - 1;
  const lines: RawLine[] = [];
  for (let r = 0; r < rows; r++) {
    const starting = cells.filter((c) => c.row === r);
    if (starting.length === 0) continue;
    const texts: string[] = [];
    const cols = g.xs.length - 1;
    for (let c = 0; c < cols;) {
      const cell = cells.find((x) => x.col <= c && x.colEnd >= c && x.row <= r && x.rowEnd >= r);
      if (!cell) {
        c++;
        continue;
      }
      texts.push(cell.row === r ? cellText(cell) : '');
      c = cell.colEnd + 1;
    }
    if (texts.every((t) => t === '')) continue;
    const size = Math.max(0, ...starting.flatMap((c) => c.items.map((i) => i.size)));
    lines.push({
      text: texts.length === 1 ? `${texts[0]}\t` : texts.join('\t'),
      left: g.xs[0] as number,
      right: g.xs[g.xs.length - 1] as number,
      y: g.ys[r] as number,
      size,
      row: true,
    });
  }
  return { lines, used };
}

// ---- Vertical text -----------------------------------------------------------------------

/**
 * True when most characters stand one below the other rather than side by side: counted in
 * characters, so that a few stacked labels on a page of horizontal text do not turn it.
 */
export function isVertical(items: TextItem[]): boolean {
  const glyphs = items.filter((i) => !isSpace(i.str));
  let down = 0;
  let across = 0;
  for (const g of glyphs) {
    const n = [...g.str.trim()].length - 1;
    if (g.vertical) down += n;
    else across += n;
  }
  for (let i = 1; i < glyphs.length; i++) {
    const a = glyphs[i - 1] as TextItem;
    const b = glyphs[i] as TextItem;
    if (Math.abs(a.x - b.x) < a.size * 0.3 && a.y - b.y > 0 && a.y - b.y < a.size * 1.8) down++;
    else if (Math.abs(a.y - b.y) < a.size * 0.3) across++;
  }
  return down >= 8 && down > across;
}

function verticalLines(items: TextItem[]): RawLine[] {
  const glyphs = items.filter((i) => !isSpace(i.str)).sort((a, b) => b.x - a.x || b.y - a.y);
  const columns: Array<{ x: number; items: TextItem[] }> = [];
  for (const g of glyphs) {
    const col = columns.find((c) => Math.abs(c.x - g.x) < g.size * 0.5);
    if (col) col.items.push(g);
    else columns.push({ x: g.x, items: [g] });
  }
  return columns
    .sort((a, b) => b.x - a.x)
    .map((c) => {
      const sorted = c.items.sort((a, b) => b.y - a.y);
      const size = Math.max(...sorted.map((i) => i.size));
      // A gap of more than half a character down the column is a space.
      const text = sorted.map((g, k) => (k > 0 && (sorted[k - 1] as TextItem).y - g.y > g.size * 1.5 ? ` ${g.str}` : g.str)).join('');
      return {
        text,
        left: c.x,
        right: c.x + size,
        y: sorted[0]?.y ?? 0,
        size,
        breakAfter: true,
      };
    });
}

// ---- The page ------------------------------------------------------------------------------

/** Lay out one page: its table rows and lines, top to bottom. */
export function layoutPage(page: PageContent): PageLayout {
  const items = page.items.filter((i) => i.str !== '' && Number.isFinite(i.x) && Number.isFinite(i.y));
  if (isVertical(items)) return { lines: verticalLines(items), vertical: true };
  const lines: RawLine[] = [];
  const used = new Set<TextItem>();
  for (const g of grids(page.segments)) {
    if (g.xs.length < 3) continue; // a single box around text is a frame, not a table
    const t = tableLines(g, items);
    if (t.lines.length === 0) continue;
    (t.lines[t.lines.length - 1] as RawLine).breakAfter = true;
    lines.push(...t.lines);
    for (const i of t.used) used.add(i);
  }
  for (const group of baselines(items.filter((i) => !used.has(i)))) {
    const g = joinItems(group);
    if (g) lines.push({ ...g });
  }
  lines.sort((a, b) => b.y - a.y || a.left - b.left);
  return { lines, vertical: false };
}

function mode(values: number[], bin: number): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) {
    const k = Math.round(v / bin);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let best: [number, number] | undefined;
  for (const e of counts) if (!best || e[1] > best[1] || (e[1] === best[1] && e[0] > best[0])) best = e;
  return best ? best[0] * bin : undefined;
}

/**
 * Lay out a whole document: body size and right edge measured over every page, each line
 * marked full, furniture and headings flagged, paragraphs separated by blank lines.
 */
export function layoutDocument(pages: PageContent[]): { lines: SourceLine[]; vertical: number[] } {
  const layouts = pages.map(layoutPage);
  const text = layouts.flatMap((l) => l.lines.filter((x) => !x.row));
  const bodySize = mode(
    text.flatMap((l) => Array.from({ length: Math.max(1, l.text.length) }, () => l.size)),
    0.5,
  );
  const right = mode(
    text.filter((l) => l.right - l.left > 100).map((l) => l.right),
    2,
  );
  // The body's left edge: a line that starts far right of it (a date or a name set flush
  // right) is not a wrapped line even where it reaches the right edge.
  const left = mode(
    text.filter((l) => l.right - l.left > 100).map((l) => l.left),
    2,
  );
  // The body's font: the one most characters are set in. A short line wholly in another font
  // (Word sets bold in ゴシック) is a heading.
  const fontChars = new Map<string, number>();
  for (const l of text) if (l.font) fontChars.set(l.font, (fontChars.get(l.font) ?? 0) + l.text.length);
  const bodyFont = [...fontChars].sort((a, b) => b[1] - a[1])[0]?.[0];
  // The usual distance between the lines of a paragraph; a wider gap ends a paragraph.
  const gaps: number[] = [];
  for (const layout of layouts)
    layout.lines.forEach((l, i) => {
      const n = layout.lines[i + 1];
      if (n && !l.row && !n.row && Math.abs(l.size - n.size) <= l.size * 0.1 && l.y > n.y) gaps.push(l.y - n.y);
    });
  gaps.sort((a, b) => a - b);
  const pitch = gaps[Math.floor(gaps.length / 2)] ?? 0;
  const out: SourceLine[] = [];
  const vertical: number[] = [];
  layouts.forEach((layout, p) => {
    const pageNo = p + 1;
    if (layout.vertical) vertical.push(pageNo);
    const ls = layout.lines;
    const edges = edgeLines(ls, pages[p] as PageContent);
    ls.forEach((l, i) => {
      const size = bodySize && l.size ? Math.round((l.size / bodySize) * 10) / 10 : 1;
      const em = Math.max(l.size, 1);
      const full =
        !l.row && !l.breakAfter && right !== undefined && l.right >= right - em * 1.5 && (left === undefined || l.left <= left + em * 4);
      const edge = edges.get(i);
      const otherFont = l.font !== undefined && bodyFont !== undefined && l.font !== bodyFont && size >= 1;
      const heading = !l.row && (size >= 1.2 || otherFont) && l.text.length <= 40 && !/[。．]$/u.test(l.text) && edge === undefined;
      out.push({
        text: heading ? `${'#'.repeat(size >= 1.5 ? 1 : size >= 1.2 ? 2 : 3)} ${l.text}` : l.text,
        page: pageNo,
        ...(full ? { full } : {}),
        ...(size !== 1 ? { size } : {}),
        ...(edge ? { edge } : {}),
      });
      const next = ls[i + 1];
      // A paragraph ends where a line stops short of the edge, before and after a table and a
      // heading, and where the next line stands further below than the lines of a paragraph do.
      const rowRun = l.row && next?.row && !l.breakAfter;
      // (A header or footer below is not the next paragraph: a sentence may go on over the page.)
      const spaced = next !== undefined && !edges.has(i + 1) && pitch > 0 && l.y - next.y > pitch * 1.4;
      if (!rowRun && (!full || spaced || heading || l.row || next?.row || edge !== undefined)) out.push({ text: '', page: pageNo });
    });
  });
  // A table row cut by the page break: its first cells empty on the next page, the rest continuing.
  return { lines: joinCutRows(out), vertical };
}

/**
 * Lines at the top or bottom of a page outside the body: in the outer 7 % of the page (where
 * headers and footers print), or set apart from the body by more than twice the usual line
 * spacing within the outer fifth.
 */
function edgeLines(lines: RawLine[], page: PageContent): Map<number, 'top' | 'bottom'> {
  const out = new Map<number, 'top' | 'bottom'>();
  if (lines.length < 2) return out;
  const gaps = lines.slice(1).map((l, i) => (lines[i] as RawLine).y - l.y);
  const pitch = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)] ?? 0;
  const h = page.height;
  for (let k = 0; k < Math.min(3, lines.length - 1); k++) {
    const l = lines[k] as RawLine;
    const apart = (gaps[k] ?? 0) > pitch * 2 && l.y > h * 0.8;
    if (l.row || !(l.y > h * 0.93 || apart)) break;
    out.set(k, 'top');
  }
  for (let k = lines.length - 1; k > Math.max(0, lines.length - 4); k--) {
    const l = lines[k] as RawLine;
    const apart = (gaps[k - 1] ?? 0) > pitch * 2 && l.y < h * 0.2;
    if (l.row || !(l.y < h * 0.07 || apart)) break;
    out.set(k, 'bottom');
  }
  return out;
}

function joinCutRows(lines: SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  const merged = new Set<number>();
  for (const l of lines) {
    const prevRow = [...out].reverse().find((x) => x.text.trim() !== '' && x.edge === undefined);
    if (
      l.text.includes('\t') &&
      prevRow?.text.includes('\t') &&
      prevRow.page !== undefined &&
      l.page === prevRow.page + 1 &&
      !merged.has(l.page) &&
      isFirstRowOfPage(out, l)
    ) {
      merged.add(l.page);
      const cells = l.text.split('\t');
      const above = prevRow.text.split('\t');
      if (cells.length === above.length && (cells[0] ?? '') === '' && cells.some((c) => c !== '')) {
        prevRow.text = above.map((a, k) => joinCell(a, cells[k] ?? '')).join('\t');
        // Drop the blank line between the two halves.
        while (out.length > 0 && out[out.length - 1]?.text === '' && out[out.length - 1] !== prevRow) out.pop();
        continue;
      }
    }
    out.push(l);
  }
  return out;
}

function isFirstRowOfPage(out: SourceLine[], l: SourceLine): boolean {
  return !out.some((x) => x.page === l.page && x.text.trim() !== '' && x.edge === undefined);
}

function joinCell(a: string, b: string): string {
  if (b === '') return a;
  if (a === '') return b;
  const html = (s: string): string => (s.startsWith('<p>') ? s : `<p>${escapeHtml(s)}</p>`);
  if (a.startsWith('<p>') || b.startsWith('<p>')) {
    // The last paragraph above continues in the first below.
    const joined = `${html(a).replace(/<\/p>$/u, '')}${html(b).replace(/^<p>/u, '')}`;
    return joined;
  }
  return joinWrapped(a, b);
}
