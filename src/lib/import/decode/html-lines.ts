/**
 * An HTML document (Word through mammoth, or a council's web page) as the importer's lines:
 * each paragraph a line, headings with `#` marks, list items with their numbers, each table
 * row a line of tab-separated cells whose HTML is kept (the path the text extractions' HTML
 * cells take). Merged cells keep their columns: a cell spanning rows leaves an empty cell in
 * the rows below.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { hasHtml } from './html.ts';
import { escapeHtml } from '../lines.ts';
import type { Problem } from '../messages.ts';
import type { SourceLine } from '../source.ts';

const parser = unified().use(rehypeParse, { fragment: true });

const BLOCKS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'ol',
  'ul',
  'div',
  'section',
  'article',
  'main',
  'blockquote',
  'pre',
  'dl',
  'body',
  'header',
  'footer',
]);

function isElement(n: ElementContent | Root['children'][number]): n is Element {
  return n.type === 'element';
}

function textOf(node: Element): string {
  return toText(node, { whitespace: 'normal' }).replace(/\s+/gu, ' ').trim();
}

/** A paragraph's text as a line: plain, or escaped HTML where the text itself looks like markup. */
function plainLine(text: string): string {
  return hasHtml(text) ? `<p>${escapeHtml(text)}</p>` : text;
}

/** A cell's content: plain text for one plain paragraph, otherwise its HTML on one line. */
function cellContent(cell: Element): string {
  const blocks = cell.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  const only = blocks[0];
  if (
    blocks.length === 1 &&
    only &&
    isElement(only) &&
    only.tagName === 'p' &&
    !only.children.some((c) => isElement(c) && c.tagName !== 'strong' && c.tagName !== 'b' && c.tagName !== 'em' && c.tagName !== 'span')
  ) {
    const t = textOf(only);
    return hasHtml(t) ? `<p>${escapeHtml(t)}</p>` : t;
  }
  if (blocks.every((b) => b.type === 'text')) return plainLine(textOf(cell));
  return toHtml(blocks)
    .replace(/[\t\r\n]+/gu, ' ')
    .trim();
}

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  const walk = (n: Element): void => {
    for (const c of n.children) {
      if (!isElement(c)) continue;
      if (c.tagName === 'tr') rows.push(c);
      else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') walk(c);
    }
  };
  walk(table);
  return rows;
}

function span(cell: Element, name: 'rowSpan' | 'colSpan'): number {
  const v = Number(cell.properties?.[name] ?? 1);
  return Number.isFinite(v) && v >= 1 ? Math.min(v, 100) : 1;
}

/** A table's rows as tab-separated lines; spanned positions below a row-spanning cell are empty. */
function tableLines(table: Element): string[] {
  const grid: Array<Array<string | null>> = [];
  rowsOf(table).forEach((tr, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of tr.children) {
      if (!isElement(cell) || (cell.tagName !== 'td' && cell.tagName !== 'th')) continue;
      const row = grid[r] as Array<string | null>;
      while (row[c] !== undefined) c++;
      const rows = span(cell, 'rowSpan');
      const cols = span(cell, 'colSpan');
      row[c] = cellContent(cell);
      for (let dc = 1; dc < cols; dc++) row[c + dc] = null; // spanned across: no cell of its own
      for (let dr = 1; dr < rows; dr++) {
        const below = (grid[r + dr] ??= []);
        below[c] = '';
        for (let dc = 1; dc < cols; dc++) below[c + dc] = null;
      }
      c += cols;
    }
  });
  return grid
    .map((row) => Array.from(row, (x) => x).filter((x): x is string => x !== null))
    .filter((cells) => cells.some((x) => x !== ''))
    .map((cells) => (cells.length === 1 ? `${cells[0]}\t` : cells.join('\t')));
}

/** Lines of an HTML document or fragment. `notes` receives what the reader should know. */
export function htmlToLines(html: string, notes: Problem[] = []): SourceLine[] {
  const root = parser.parse(html);
  const out: string[] = [];
  let restored = 0;
  const para = (t: string): void => {
    if (t !== '') out.push(plainLine(t), '');
  };
  const list = (el: Element, depth: number): void => {
    const ordered = el.tagName === 'ol';
    let n = Number(el.properties?.['start'] ?? 1) || 1;
    for (const li of el.children) {
      // Text or other elements straight inside a list (no <li>): lines of their own.
      if (!isElement(li) || li.tagName !== 'li') {
        const loose = li.type === 'text' ? li.value.replace(/\s+/gu, ' ').trim() : isElement(li) ? textOf(li) : '';
        if (loose) out.push(plainLine(loose));
        continue;
      }
      const nested = li.children.filter((c): c is Element => isElement(c) && (c.tagName === 'ol' || c.tagName === 'ul'));
      const own: Element = { ...li, children: li.children.filter((c) => !nested.includes(c as Element)) };
      const text = textOf(own);
      const marker = ordered ? (depth === 0 ? `${n}` : `(${n})`) : '・';
      if (ordered) restored++;
      if (text !== '') out.push(plainLine(`${marker} ${text}`));
      n++;
      for (const sub of nested) list(sub, depth + 1);
    }
    out.push('');
  };
  const walk = (nodes: ElementContent[] | Root['children']): void => {
    let inline: ElementContent[] = [];
    const flushInline = (): void => {
      const t = inline
        .map((n) => (n.type === 'text' ? n.value : isElement(n) ? textOf(n) : ''))
        .join('')
        .replace(/\s+/gu, ' ')
        .trim();
      inline = [];
      para(t);
    };
    for (const n of nodes) {
      if (!isElement(n)) {
        if (n.type === 'text') inline.push(n);
        continue;
      }
      if (!BLOCKS.has(n.tagName) && n.tagName !== 'br' && n.tagName !== 'hr') {
        inline.push(n);
        continue;
      }
      flushInline();
      const tag = n.tagName;
      if (/^h[1-6]$/u.test(tag)) {
        const t = textOf(n);
        if (t) out.push(`${'#'.repeat(Number(tag.slice(1)))} ${t}`, '');
      } else if (tag === 'p' || tag === 'pre') {
        // Line breaks inside a paragraph are lines of their own.
        const pieces: string[] = [''];
        for (const c of n.children) {
          if (isElement(c) && c.tagName === 'br') pieces.push('');
          else pieces[pieces.length - 1] += c.type === 'text' ? c.value : isElement(c) ? toText(c) : '';
        }
        const ls = pieces.map((p) => p.replace(/\s+/gu, ' ').trim()).filter(Boolean);
        if (ls.length > 0) out.push(...ls.map(plainLine), '');
      } else if (tag === 'table') {
        out.push(...tableLines(n), '');
      } else if (tag === 'ol' || tag === 'ul') {
        list(n, 0);
      } else if (tag === 'br' || tag === 'hr') {
        out.push('');
      } else {
        walk(n.children);
      }
    }
    flushInline();
  };
  walk(root.children);
  if (restored > 0)
    notes.push({
      line: 0,
      message: `${restored} list item(s) numbered by the document's automatic numbering: their numbers were restored by position (1, 2 … and (1), (2) …), not in the document's own format; check them against the original`,
    });
  return out.map((text) => ({ text }));
}
