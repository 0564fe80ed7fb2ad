/**
 * The body of a filing: the importer's lines after the header, as the record's Markdown tree,
 * in the source's order — headings (with `#` marks, bare known section words, `第1 業務委託について`),
 * tables (tab-separated rows; HTML inside cells through unified), paragraphs, bullets, numbered
 * items that carry a fact (`１ 委託の件名` with its value below), and the clause set. It also
 * collects what the facts are read from: the tables and the labelled items.
 */
import type { Root, RootContent } from 'mdast';
import { marker, type Shape } from '../../core/numbering.ts';
import { compact, endsSentence } from '../../core/text.ts';
import { CLAUSE_HEADING, HASH_HEADING, nextText } from '../lines.ts';
import type { StageContext } from '../messages.ts';
import type { Line } from '../source.ts';
import { UNDERLINE, bareHeading, isClauseSetTitle, isPartHeading } from '../recognise/headings.ts';
import { ANNEX_TITLE, type Vocabulary } from '../recognise/vocabulary.ts';
import { readClauses, type ClauseRead } from './clause-reader.ts';
import { colonField, labelAlone, labelledItem, siblingItem } from './labelled.ts';
import { heading, listOf, paragraphOf } from './mdast.ts';
import { tableNode } from './tables.ts';

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
  /** The attachment label it stands under (別紙2, 別記), when its title is a line of its own. */
  label?: string;
}

/** What the caller knows of the body beyond its lines. */
export interface BodyOptions {
  /**
   * A line (index into the body's lines) to read as a clause set's title whatever it says: the
   * document's own title, when the vocabulary does not know it and numbered clauses follow.
   */
  clauseTitleAt?: number;
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

const BULLET = /^\s*[-*+]\s+(.*)$/u;

/** Build the body from the header lines kept (`prelude`) and the lines after the header. */
export function buildBody(prelude: Line[], rest: Line[], v: Vocabulary, ctx: StageContext, options: BodyOptions = {}): Body {
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
      children.push(tableNode(table, ctx));
    }
    para = [];
    list = [];
    table = undefined;
  };
  const startClauses = (title: string, depth: number, i: number, line: Line, label?: string): number => {
    const read = readClauses(rest, i + 1, children, ctx, {
      depth: Math.min(6, depth),
      heading,
      paragraph: paragraphOf,
      list: listOf,
      isSection: (t) => bareHeading(t) && !isClauseSetTitle(t) && !ANNEX_TITLE.test(compact(t)),
    });
    clauseSets.push({ ...read, title, line: line.no, ...(label ? { label } : {}) });
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
    if (i === options.clauseTitleAt) {
      flush();
      const text = (HASH_HEADING.exec(t)?.[2] ?? t).trim();
      children.push(heading(2, text));
      i = startClauses(text, 2, i, line);
      continue;
    }
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
        // Its title on the line below: a known clause-set title, or any short line that is not a
        // clause (情報セキュリティに関する安全対策仕様): the vocabulary helps, it does not gate.
        if (next !== undefined && (isClauseSetTitle(nt) || titleLine(nt))) {
          children.push(heading(depth + 1, nt.trim()));
          i = startClauses(nt.trim(), depth + 1, next, rest[next] as Line, text);
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

/** A line that can be a document's title: short, one line, no sentence, no number, no bracketed heading, no table. */
export function titleLine(text: string): boolean {
  const t = text.replace(/\*\*/gu, '').trim();
  return (
    t.length >= 2 && t.length <= 40 && !t.includes('\t') && !marker(t) && !endsSentence(t) && !/[、，,]/u.test(t) && !CLAUSE_HEADING.test(t)
  );
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
