/**
 * Vertical text (縦書き: columns of single characters): recognised by how most characters stand,
 * read right to left, column by column.
 */
import { isSpace, type RawLine, type TextItem } from './pdf-glyphs.ts';

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

export function verticalLines(items: TextItem[]): RawLine[] {
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
