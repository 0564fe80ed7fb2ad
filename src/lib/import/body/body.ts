/**
 * The body of a filing: the importer's lines after the header, as the record's Markdown tree,
 * in the source's order — headings (with `#` marks, bare known section words, `第1 業務委託について`),
 * tables (tab-separated rows; HTML inside cells through unified), paragraphs, bullets, numbered
 * items that carry a fact (`１ 委託の件名` with its value below), and the clause set. It also
 * collects what the facts are read from: the tables and the labelled items.
 */
import type { Heading, List, Paragraph, PhrasingContent, Root, RootContent, Table, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { marker, type Shape } from '../../core/numbering.ts';
import { compact, endsSentence, nfkc } from '../../core/text.ts';
import { readClauses, type ClauseRead } from './clause-reader.ts';
import { parseItems } from '../facts/fields.ts';
import { fragmentToPhrasing, hasHtml, htmlToBlocks } from '../decode/html.ts';
import type { Problem } from '../messages.ts';
import { HASH_HEADING, nextText } from '../lines.ts';
import type { Line } from '../source.ts';
import { ANNEX_TITLE, CLAUSE_SET_TITLE, factOf, type Vocabulary } from '../recognise/vocabulary.ts';

/** A table as read: its rows' cells, with lines. */
export interface TableBlock {
  line: number;
  rows: Array<{ line: number; cells: string[] }>;
}

/** A labelled item outside a table: `１ 委託の件名` with its value, or `委託先：株式会社…`. */
export interface Field {
  label: string;
  value: string;
  line: number;
}

/** A clause set found in the body. */
export interface ClauseSetFound extends ClauseRead {
  title: string;
  line: number;
}

/** What buildBody produced. */
export interface Body {
  root: Root;
  tables: TableBlock[];
  fields: Field[];
  /** Section headings (第1 業務委託について …), for the matters. */
  sections: string[];
  clauseSets: ClauseSetFound[];
}

/** Headings that filings write without `#` marks (compared in compact form). */
const BARE_HEADINGS = ['事業の概要', '付属資料', '別紙', '参考資料', '添付資料', '資料', '審議資料', '諮問資料', '報告資料', '説明資料'];

export const UNDERLINE = /^[\s\-－─━—―‐_＿=＝\t]*$/u;

/** A clause set's title line: 特記事項, 個人情報取扱特記事項, 別記 個人情報の取扱いに関する特記事項 … */
export function isClauseSetTitle(text: string): boolean {
  const c = compact(text.replace(/\*\*/gu, ''))
    .replace(/^[(（【〔]|[)）】〕]$/gu, '')
    .replace(/[(（][^()（）]*[)）]$/u, '');
  if (c.length > 40 || /[。、「」『』]/u.test(c)) return false;
  return new RegExp(`(?:${CLAUSE_SET_TITLE.source})$`, 'u').test(c);
}

/** A known section word standing alone (事業の概要, 別紙, 付属資料, 件名…, 審議資料). */
export function bareHeading(text: string): boolean {
  const c = compact(text.replace(/\*\*/gu, ''));
  if (text.includes('\t') || c.length > 40) return false;
  if (BARE_HEADINGS.includes(c) || isClauseSetTitle(c)) return true;
  if (/^別紙[(（]?[^。]*[)）]?$/u.test(c) && c.length <= 30) return true;
  if (ANNEX_TITLE.test(c)) return true;
  return /^件名\S/u.test(c);
}

/** A part of a 審議資料: `第1 業務委託について`, `第２\u3000電子計算機の結合について`. */
export function isPartHeading(text: string): boolean {
  const m = marker(text);
  return (
    !!m &&
    (m.shape === 'dai' || m.shape === 'jo') &&
    m.rest.length > 0 &&
    m.rest.length <= 40 &&
    !endsSentence(m.rest) &&
    /について$|に関すること$|の概要$/u.test(m.rest)
  );
}

export function heading(depth: number, text: string): Heading {
  return { type: 'heading', depth: Math.min(6, Math.max(2, depth)) as Heading['depth'], children: fragmentToPhrasing(text) };
}

export function paragraphOf(ls: Line[]): Paragraph {
  const children: PhrasingContent[] = [];
  ls.forEach((l, idx) => {
    if (idx > 0) children.push({ type: 'break' });
    children.push(...fragmentToPhrasing(l.text));
  });
  return { type: 'paragraph', children };
}

export function listOf(texts: string[]): List {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: texts.map((text) => ({
      type: 'listItem',
      spread: false,
      children: [paragraphOf(text.split('\n').map((t, i) => ({ no: i, text: t })))],
    })),
  };
}

const BULLET = /^\s*[-*+]\s+(.*)$/u;

/** A numbered line that labels a fact: its marker shape, label and any value on the same line. */
function labelledItem(text: string, v: Vocabulary): { shape: Shape; written: string; label: string; value: string } | undefined {
  const m = marker(text);
  if (!m || !m.rest || m.shape === 'jo') return undefined;
  const rest = m.rest.replace(/\*\*/gu, '');
  // The label alone, or with its value after a colon or a space (一\u3000委託先\u3000株式会社…).
  const tries: Array<[string, string]> = [];
  const colon = /^(.{1,40}?)[：:]\s*(.*)$/u.exec(rest);
  if (colon) tries.push([colon[1] ?? '', colon[2] ?? '']);
  const space = /^(\S{1,40}?)[\s\u3000]+(.+)$/u.exec(rest);
  if (space) tries.push([space[1] ?? '', space[2] ?? '']);
  tries.push([rest, '']);
  for (const [label, value] of tries) {
    if (label.length > 40 || endsSentence(label)) continue;
    if (factOf(label, v)) return { shape: m.shape, written: m.written, label, value: value.trim() };
  }
  return undefined;
}

/** A numbered line of the same numbering as the labelled items before it, with a short label of its own. */
function siblingItem(text: string, shape: Shape | undefined): { shape: Shape; written: string; label: string; value: string } | undefined {
  const m = shape ? marker(text) : undefined;
  if (!m || m.shape !== shape || !m.rest || m.rest.length > 30 || /[。、，,]/u.test(m.rest)) return undefined;
  return { shape: m.shape, written: m.written, label: m.rest, value: '' };
}

/**
 * A known label alone on its line with its value in the paragraph below, as a table flattened by
 * extraction or a form without numbers writes it (`委託先` / `株式会社…`).
 */
function labelAlone(lines: Line[], i: number, v: Vocabulary): { label: string; value: string } | undefined {
  const t = (lines[i]?.text ?? '').replace(/\*\*/gu, '').trim();
  if (t.length > 30 || /[。、，,：:\t]/u.test(t) || marker(t) || !factOf(t, v)) return undefined;
  if ((lines[i - 1]?.text.trim() ?? '') !== '' || (lines[i + 1]?.text.trim() ?? '') !== '') return undefined;
  const value: string[] = [];
  for (let k = i + 2; k < lines.length; k++) {
    const n = (lines[k]?.text ?? '').trim();
    if (n === '' || n.includes('\t') || HASH_HEADING.test(n)) break;
    value.push(n);
  }
  const first = value[0];
  if (!first || (first.length <= 30 && factOf(first, v))) return undefined;
  return { label: t, value: value.join('\n') };
}

/** `委託先：株式会社…` on one line: a known label, a colon and the value. */
function colonField(text: string, v: Vocabulary): { label: string; value: string } | undefined {
  const m = /^\s*([^：:\t]{1,30})[：:]\s*(.+)$/u.exec(text.replace(/\*\*/gu, ''));
  if (!m || marker(text)) return undefined;
  const label = m[1] ?? '';
  return factOf(label, v) ? { label: label.trim(), value: (m[2] ?? '').trim() } : undefined;
}

/** Build the body from the header lines kept (`prelude`) and the lines after the header. */
export function buildBody(prelude: Line[], rest: Line[], v: Vocabulary, warnings: Problem[]): Body {
  const children: RootContent[] = [];
  const tables: TableBlock[] = [];
  const fields: Field[] = [];
  const sections: string[] = [];
  const clauseSets: ClauseSetFound[] = [];
  if (prelude.length > 0) children.push(paragraphOf(prelude));
  let para: Line[] = [];
  let list: Line[] = [];
  let table: TableBlock | undefined;
  let sectionLevel = 0;
  let partDepth = 2;
  let itemShape: Shape | undefined;
  const flush = (): void => {
    if (para.length > 0) children.push(paragraphOf(para));
    if (list.length > 0) children.push(listOf(list.map((l) => l.text)));
    if (table) {
      tables.push(table);
      children.push(tableNode(table, warnings));
    }
    para = [];
    list = [];
    table = undefined;
  };
  const startClauses = (title: string, depth: number, i: number, line: Line): number => {
    const read = readClauses(rest, i + 1, children, warnings, {
      depth: Math.min(6, depth),
      heading,
      paragraph: paragraphOf,
      list: listOf,
      isSection: (t) => bareHeading(t) && !isClauseSetTitle(t) && !ANNEX_TITLE.test(compact(t)),
    });
    clauseSets.push({ ...read, title, line: line.no });
    return read.end - 1;
  };
  for (let i = 0; i < rest.length; i++) {
    const line = rest[i] as Line;
    const t = line.text;
    if (t.trim() === '') {
      flush();
      continue;
    }
    if (t.includes('\t') && !UNDERLINE.test(t)) {
      if (para.length > 0 || list.length > 0) {
        const keep = table;
        table = undefined;
        flush();
        table = keep;
      }
      table ??= { line: line.no, rows: [] };
      table.rows.push({ line: line.no, cells: t.split('\t') });
      continue;
    }
    if (table) flush();
    const hash = HASH_HEADING.exec(t);
    if (hash || bareHeading(t) || isPartHeading(t)) {
      flush();
      const text = hash ? (hash[2] ?? '') : t.trim();
      const level = hash ? (hash[1]?.length ?? 1) : 0;
      // Filings mark their sections with #, ## or nothing, inconsistently: the known sections
      // (事業の概要, 件名…, 別紙, 特記事項, 付属資料) are always level 2, and other headings keep
      // their distance below the last known section.
      let depth: number;
      if (bareHeading(text) || isPartHeading(text)) {
        depth = 2;
        sectionLevel = level;
      } else {
        depth = 2 + Math.max(1, level - sectionLevel);
      }
      if (isPartHeading(text)) {
        sections.push(text);
        partDepth = 3;
      } else if (depth === 2) partDepth = 2;
      if (depth === 2 && !isPartHeading(text)) itemShape = undefined;
      children.push(heading(depth, text));
      if (isClauseSetTitle(text)) {
        i = startClauses(text, depth, i, line);
        continue;
      }
      // 別記 / 別紙N standing above numbered clauses (with or without a title line of their own).
      if (ANNEX_TITLE.test(compact(text)) && annexHoldsClauses(rest, i + 1)) {
        const next = nextText(rest, i + 1);
        const nt = next === undefined ? '' : (rest[next] as Line).text;
        if (next !== undefined && isClauseSetTitle(nt)) {
          children.push(heading(depth + 1, nt.trim()));
          i = startClauses(nt.trim(), depth + 1, next, rest[next] as Line);
        } else i = startClauses(text, depth, i, line);
      }
      continue;
    }
    // A numbered item that labels a fact, or one of its siblings in the same numbered list (２ 結合の相手方).
    const item = labelledItem(t, v) ?? siblingItem(t, itemShape);
    if (item && list.length === 0) {
      itemShape = item.shape;
      flush();
      children.push(heading(partDepth + 1, item.value ? `${item.written} ${item.label}` : t.trim()));
      // The value: the lines below until the next item of the same numbering, a heading or a table.
      const valueLines: Line[] = item.value ? [{ ...line, text: item.value }] : [];
      let j = i + 1;
      for (; j < rest.length; j++) {
        const n = rest[j] as Line;
        const nt = n.text;
        if (nt.trim() === '') continue;
        const nm = marker(nt);
        if (nt.includes('\t') || HASH_HEADING.test(nt) || bareHeading(nt) || isPartHeading(nt) || (nm && nm.shape === item.shape)) break;
        valueLines.push(n);
      }
      // Trailing blank lines belong to what follows.
      let k = j;
      while (k > i + 1 && (rest[k - 1]?.text.trim() ?? '') === '') k--;
      for (const group of paragraphsOf(valueLines, rest.slice(i + 1, k))) children.push(paragraphOf(group));
      fields.push({ label: item.label, value: valueLines.map((l) => l.text.trim()).join('\n'), line: line.no });
      i = k - 1;
      continue;
    }
    const colon = colonField(t, v) ?? labelAlone(rest, i, v);
    if (colon) fields.push({ ...colon, line: line.no });
    const bullet = BULLET.exec(t);
    if (bullet && !/^[-\s]+$/u.test(t)) {
      if (para.length > 0) {
        children.push(paragraphOf(para));
        para = [];
      }
      list.push({ no: line.no, text: bullet[1] ?? '' });
      continue;
    }
    if (list.length > 0) {
      // A line after bullets without a bullet continues the last item (wrapped text).
      const last = list[list.length - 1] as Line;
      last.text += `\n${t.trim()}`;
      continue;
    }
    para.push(line);
  }
  flush();
  return { root: { type: 'root', children }, tables, fields, sections, clauseSets };
}

/** The value lines grouped into paragraphs as the source groups them (blank lines between). */
function paragraphsOf(values: Line[], span: Line[]): Line[][] {
  if (values.length === 0) return [];
  const first = values[0] as Line;
  const groups: Line[][] = [];
  let current: Line[] = [];
  // A value written on the item's own line comes first.
  if (!span.includes(first)) {
    current.push(first);
  }
  for (const l of span) {
    if (l.text.trim() === '') {
      if (current.length > 0) groups.push(current);
      current = [];
      continue;
    }
    current.push(l);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** True when numbered clauses (two or more of one shape) follow within a few lines. */
function annexHoldsClauses(lines: Line[], from: number): boolean {
  let seen = 0;
  for (let k = from; k < Math.min(lines.length, from + 12); k++) {
    const t = lines[k]?.text ?? '';
    if (t.includes('\t') || HASH_HEADING.test(t)) return false;
    const m = marker(t);
    if (
      m &&
      (m.shape === 'jo' || m.shape === 'dai' || m.shape === 'num') &&
      /(?:乙|受託者|受注者)は/u.test(`${m.rest}${lines[k + 1]?.text ?? ''}${lines[k + 2]?.text ?? ''}`)
    )
      seen++;
    if (seen >= 1) return true;
  }
  return false;
}

// ---- Tables --------------------------------------------------------------------------------

function tableNode(block: TableBlock, warnings: Problem[]): Table {
  const rows = dropRepeatedCells(block, warnings);
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
function dropRepeatedCells(block: TableBlock, warnings: Problem[]): TableBlock['rows'] {
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
      warnings.push({ line: row.line, message: 'cells repeating the table inside this row were dropped (the table keeps the text)' });
    }
    let k = 0;
    while (k < inner.length) {
      const next = rows[r + 1];
      if (!next || next.cells.map(compact).join('\t') !== (inner[k] ?? []).join('\t')) break;
      warnings.push({ line: next.line, message: 'row repeating the table inside the row above was dropped (the table keeps the text)' });
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

// ---- Items listed in an annex ----------------------------------------------------------------

/**
 * Items listed in an annex when the items cell says 別紙のとおり: the lines of the 別紙 section
 * (住民番号・世帯番号・…), or else the column headings of a wide table (a list of procedures
 * with one column per item handed over).
 */
export function annexItems(body: Body): string[] {
  const nodes = body.root.children;
  const at = nodes.findIndex(
    (n) => n.type === 'heading' && n.depth === 2 && /^別紙/u.test(compact(toString(n))) && !isClauseSetTitle(toString(n)),
  );
  if (at >= 0) {
    const lines: string[] = [];
    for (const n of nodes.slice(at + 1)) {
      if (n.type === 'heading' && n.depth <= 2) break;
      if (n.type === 'paragraph') lines.push(...paragraphLines(n));
    }
    if (lines.length > 0) return parseItems(lines.join('\n'), { dots: true });
  }
  const wide = body.tables.find((t) => (t.rows[0]?.cells.length ?? 0) >= 6);
  if (wide) {
    const header = (wide.rows[0]?.cells ?? []).map((c) => c.trim());
    return header.filter((c) => c && !/^(No\.?|番号|手続名|担当所轄|担当課|その他の項目|備考)$/iu.test(nfkc(c)));
  }
  return [];
}

function paragraphLines(p: Paragraph): string[] {
  const lines: string[] = [''];
  for (const c of p.children) {
    if (c.type === 'break') lines.push('');
    else lines[lines.length - 1] += toString(c);
  }
  return lines;
}
