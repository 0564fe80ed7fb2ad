/**
 * Tables of the body: tab-separated rows become a Markdown table (HTML inside cells through
 * unified), with a header row; cells that an extraction repeated from a table inside a cell are
 * dropped with a warning.
 */
import type { PhrasingContent, RootContent, Table, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { compact } from '../../core/text.ts';
import { fragmentToPhrasing, hasHtml, htmlToBlocks } from '../decode/html.ts';
import type { StageContext } from '../messages.ts';
import type { TableBlock } from './body.ts';

export function tableNode(block: TableBlock, ctx: StageContext): Table {
  const rows = dropRepeatedCells(block, ctx);
  const width = Math.max(...rows.map((r) => r.cells.length));
  const cellRow = (cells: string[]): TableRow => ({
    type: 'tableRow',
    children: Array.from({ length: width }, (_, k) => ({
      type: 'tableCell',
      children: fragmentToPhrasing((cells[k] ?? '').trim()).map(noNewlines),
    })),
  });
  const first = rows[0]?.cells ?? [];
  // A wide table whose first row is all short labels has a real header (No., 手続名, …);
  // key/value tables get 項目/内容 so that the Markdown table is well formed.
  const realHeader = width >= 3 && first.length === width && first.every((c) => c.trim() !== '' && c.length <= 20 && !hasHtml(c));
  const header = realHeader ? first : Array.from({ length: width }, (_, k) => (width % 2 === 0 ? (k % 2 === 0 ? '項目' : '内容') : ''));
  const bodyRows = realHeader ? rows.slice(1) : rows;
  return {
    type: 'table',
    align: Array.from({ length: width }, () => null),
    children: [cellRow(header), ...bodyRows.map((r) => cellRow(r.cells))],
  };
}

function noNewlines(node: PhrasingContent): PhrasingContent {
  if (node.type === 'text') return { ...node, value: node.value.replace(/\s*\n\s*/gu, ' ') };
  return node;
}

/**
 * Some extractions repeat the cells of an HTML table that sits inside a cell, first as extra
 * cells on the same row, then as plain rows after it. The HTML table keeps the text; the copies
 * are dropped, with a warning naming the line.
 */
function dropRepeatedCells(block: TableBlock, ctx: StageContext): TableBlock['rows'] {
  const rows = block.rows.map((r) => ({ ...r, cells: [...r.cells] }));
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    const htmlCell = row.cells.findIndex((c) => /<table/iu.test(c));
    if (htmlCell < 0) continue;
    const inner = innerTableCells(row.cells[htmlCell] ?? '');
    if (inner.length === 0) continue;
    const flat = inner.flat();
    const extra = row.cells.slice(htmlCell + 1).map(compact);
    if (extra.length === flat.length && extra.every((c, k) => c === flat[k])) {
      row.cells = row.cells.slice(0, htmlCell + 1);
      ctx.report.warn(row.line, 'cells repeating the table inside this row were dropped (the table keeps the text)');
    }
    let k = 0;
    while (k < inner.length) {
      const next = rows[r + 1];
      if (!next || next.cells.map(compact).join('\t') !== (inner[k] ?? []).join('\t')) break;
      ctx.report.warn(next.line, 'row repeating the table inside the row above was dropped (the table keeps the text)');
      rows.splice(r + 1, 1);
      k++;
    }
  }
  return rows;
}

function innerTableCells(html: string): string[][] {
  const out: string[][] = [];
  const visit = (nodes: RootContent[]): void => {
    for (const n of nodes) {
      if (n.type === 'table') {
        // hast-util-to-mdast adds an empty header row to a table without <thead>.
        for (const row of n.children) {
          const cells = row.children.map((c) => compact(toString(c)));
          if (cells.some((c) => c !== '')) out.push(cells);
        }
      } else if ('children' in n) {
        visit(n.children as RootContent[]);
      }
    }
  };
  visit(htmlToBlocks(html));
  return out;
}
