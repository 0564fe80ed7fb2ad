/**
 * Tables from ruling lines: the rules of a table make a grid; neighbouring grid cells with no
 * rule between them are one (merged) cell; a cell's text is one cell however many lines it
 * wraps over; a row cut by a page break continues in the row above. Each row becomes one
 * tab-separated line.
 */
import { STARTS_BLOCK, escapeHtml, joinWrapped } from '../lines.ts';
import type { SourceLine } from '../source.ts';
import { EPS, advances, baselines, joinItems, type Glyphs, type RawLine, type Segment, type TextItem } from './pdf-glyphs.ts';

export interface Rule {
  /** Horizontal: y; vertical: x. */
  at: number;
  from: number;
  to: number;
}

export interface Grid {
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
export function grids(segments: Segment[]): Grid[] {
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
export function tableLines(g: Grid, all: TextItem[]): { lines: RawLine[]; used: Set<TextItem> } {
  const cells = cellsOf(g);
  // The cell covering each unit cell of the grid, and the cells starting on each row: looked up,
  // not searched (a page of thousands of rules has a grid of tens of thousands of cells).
  const rows = g.ys.length - 1;
  const cols = g.xs.length - 1;
  const at: Array<Cell | undefined> = new Array<Cell | undefined>(rows * cols);
  const startingOn: Cell[][] = Array.from({ length: rows }, () => []);
  for (const cell of cells) {
    startingOn[cell.row]?.push(cell);
    for (let r = cell.row; r <= cell.rowEnd; r++) for (let c = cell.col; c <= cell.colEnd; c++) at[r * cols + c] = cell;
  }
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
    const c = firstSpan(g.xs, cx, (a, b) => cx >= a && cx <= b);
    const r = firstSpan(g.ys, cy, (a, b) => cy <= a && cy >= b);
    const cell = c >= 0 && r >= 0 ? at[r * cols + c] : undefined;
    if (cell) {
      cell.items.push(it);
      used.add(parentOf.get(it) ?? it);
    }
  }
  const lines: RawLine[] = [];
  for (let r = 0; r < rows; r++) {
    const starting = startingOn[r] ?? [];
    if (starting.length === 0) continue;
    const texts: string[] = [];
    for (let c = 0; c < cols;) {
      const cell = at[r * cols + c];
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

/** The first span (k, k+1) of sorted grid lines that holds a point, by binary search then a step back; -1 if none. */
function firstSpan(lines: number[], point: number, holds: (a: number, b: number) => boolean): number {
  const n = lines.length - 1;
  // The spans that hold the point are consecutive: find one by bisection on which side it lies.
  let lo = 0;
  let hi = n - 1;
  const ascending = (lines[n] as number) >= (lines[0] as number);
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const a = lines[mid] as number;
    const b = lines[mid + 1] as number;
    if (holds(a, b)) {
      found = mid;
      hi = mid - 1;
    } else if (ascending ? point < a : point > a) hi = mid - 1;
    else lo = mid + 1;
  }
  return found;
}

/** A table row cut by the page break: its first cells empty on the next page, the rest continuing in the row above. */
export function joinCutRows(lines: SourceLine[]): SourceLine[] {
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
