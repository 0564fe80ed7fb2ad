/**
 * rehype plugin: each column of a record body's table gets a width class from its cells, so a
 * wide table scrolls with readable columns on a phone instead of squeezing every column to the
 * same few characters (the 手続×項目 matrix of seed 004: 手続名 came out two characters wide
 * beside thirteen mostly empty item columns).
 */
import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';

/** Width classes, narrowest first. */
export type ColumnWidth = 'col-narrow' | 'col-mid' | 'col-wide';

/**
 * The width class of a column from its cells' text lengths: wide for running text, mid for labels
 * and names (事業名, 戸籍住民課), narrow for marks, numbers and empty cells. The header counts for
 * little (a long header over ○ marks wraps), so it is capped.
 */
export function columnWidth(header: number, cells: number[]): ColumnWidth {
  const sorted = [...cells].sort((a, b) => a - b);
  // The 80th percentile: one long cell does not widen a column of short ones.
  const typical = sorted[Math.floor(sorted.length * 0.8)] ?? 0;
  const n = Math.max(Math.min(header, 2), typical);
  return n > 12 ? 'col-wide' : n > 2 ? 'col-mid' : 'col-narrow';
}

function cells(row: Element): Element[] {
  return row.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));
}

function addClass(el: Element, cls: string): void {
  const current = el.properties['className'];
  el.properties['className'] = [...(Array.isArray(current) ? current.map(String) : current ? [String(current)] : []), cls];
}

export default function rehypeColumnWidths() {
  return (tree: Root): void => {
    visit(tree, 'element', (table: Element) => {
      if (table.tagName !== 'table') return;
      const rows: Element[] = [];
      visit(table, 'element', (el: Element) => {
        if (el.tagName === 'tr') rows.push(el);
      });
      const [head, ...body] = rows;
      if (!head) return;
      const columns = cells(head).length;
      for (let c = 0; c < columns; c++) {
        const header = toText(cells(head)[c] as Element).trim().length;
        const width = columnWidth(
          header,
          body.map((r) => (cells(r)[c] ? toText(cells(r)[c] as Element).trim().length : 0)),
        );
        for (const r of rows) {
          const cell = cells(r)[c];
          if (cell) addClass(cell, width);
        }
      }
    });
  };
}
