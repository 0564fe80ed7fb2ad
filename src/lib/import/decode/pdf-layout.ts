/**
 * A PDF page rebuilt as the importer needs it, from the positions of its text and its ruling
 * lines (pure geometry; pdf.ts reads them with pdfjs-dist). This module lays out pages and
 * the document; the parts are beside it:
 *
 * - pdf-glyphs.ts: strings on one baseline joined into a line, left to right.
 * - pdf-tables.ts: table cells from ruling lines, a row per line; rows cut by a page break.
 * - pdf-vertical.ts: vertical text, read right to left, and reported.
 * - here: text outside tables in reading order, top to bottom; a line that reaches the right
 *   edge of its column is marked `full`, so that the next line may continue it (normalise.ts
 *   joins them); page furniture marked (`edge`); lines set larger or in another font marked
 *   as headings, which only the layout can see.
 *
 * No library rebuilds reading order and tables from PDF positions in JavaScript (pdfjs gives
 * positioned strings; pdf.js's own text layer only places them), hence these modules.
 */
import type { SourceLine } from '../source.ts';
import { baselines, joinItems, type PageContent, type RawLine, type TextItem } from './pdf-glyphs.ts';
import { grids, joinCutRows, tableLines } from './pdf-tables.ts';
import { isVertical, verticalLines } from './pdf-vertical.ts';

export type { PageContent, Segment, TextItem } from './pdf-glyphs.ts';

/** The page's lines, with what the document needs to finish them. */
export interface PageLayout {
  lines: RawLine[];
  vertical: boolean;
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
