/**
 * The importer's core: the text of one filing (as extracted from PDF or a word processor)
 * to a record — frontmatter facts plus a Markdown body — with every problem tied to a line.
 *
 * The source is read line by line because its structure is in its lines: tab-separated
 * table rows, `#` headings or bare heading words, bullets, and clauses numbered at the start
 * of a line. Cell contents (HTML or plain) go through unified (see html.ts).
 */
import { createHash } from 'node:crypto';
import type { Heading, List, Paragraph, PhrasingContent, Root, RootContent, Table, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { findDates } from '../era.ts';
import type { Clause, Contractor, Department, FilingInput, Period } from '../schema.ts';
import { compact, endsSentence, nfkc, squash } from '../text.ts';
import { parseBasis, parseKind } from './basis.ts';
import { looksLikeCompany, parseContractorCell } from './contractors.ts';
import { parseDepartment, splitBureauSection, stripDepartmentBrackets } from './department.ts';
import { findReferences, parseItems, parsePeriod } from './fields.ts';
import { fragmentToPhrasing, fragmentToPlain, hasHtml, htmlToBlocks } from './html.ts';
import type { Problem } from './messages.ts';
import { extractClauses } from '../clauses.ts';

/** What parsing one filing produced. `data` is absent when the filing could not be imported. */
export interface ParsedFiling {
  data?: FilingInput;
  body: string;
  clauses: Clause[];
  warnings: Problem[];
  errors: Problem[];
}

/** Options for parseFiling. */
export interface ParseOptions {
  /** File name recorded as provenance. */
  file: string;
  /** SHA-256 of the source bytes. */
  sha256: string;
  /** Use this id instead of the derived one. */
  id?: string;
}

interface Line {
  no: number;
  text: string;
  /** A council heading kept in the body without a warning. */
  council?: boolean;
}

/** Headings that filings write without `#` marks (compared in compact form). */
const BARE_HEADINGS = ['事業の概要', '特記事項', '付属資料', '別紙', '参考資料', '添付資料', '資料'];

function bareHeading(text: string): boolean {
  const c = compact(text);
  if (text.includes('\t') || c.length > 40) return false;
  if (BARE_HEADINGS.includes(c)) return true;
  if (/^別紙[(（]?[^。]*[)）]?$/u.test(c) && c.length <= 30) return true;
  return /^件名\S/u.test(c) && !/\t/u.test(text);
}

function isBlank(line: Line | undefined): boolean {
  return line === undefined || line.text.trim() === '';
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/gu;
const HASH_HEADING = /^\s*(#{1,6})\s+(.*?)\s*#*\s*$/u;
const UNDERLINE = /^[\s\-－─━—―‐_＿=＝\t]*$/u;
const TITLE = /^\s*(?:#{1,6}\s*)?(?:\*\*)?件[\s\u3000]*名(?:\*\*)?(?:\t+|[\s\u3000]+|[：:]\s*)(.+)$/u;

/** Parse one filing. Never throws for bad input: problems come back as warnings and errors. */
export function parseFiling(text: string, options: ParseOptions): ParsedFiling {
  const warnings: Problem[] = [];
  const errors: Problem[] = [];
  const fail = (line: number, message: string): ParsedFiling => {
    errors.push({ line, message });
    return { body: '', clauses: [], warnings, errors };
  };
  const lines: Line[] = text
    .replace(/^\uFEFF/u, '')
    .split('\n')
    .map((t, i) => {
      // Control characters are not text (Markdown could not keep them anyway): removed, with a note.
      const clean = t.replace(CONTROL, '');
      if (clean !== t) warnings.push({ line: i + 1, message: 'control characters removed from this line' });
      return { no: i + 1, text: clean.replace(/\s+$/u, '') };
    });
  if (lines.every((l) => l.text.trim() === '')) return fail(0, 'the file is empty; nothing to import');

  // ---- Header: title, kind, basis, department ------------------------------------------
  const titleIndex = lines.findIndex((l) => TITLE.test(l.text));
  if (titleIndex < 0) {
    const first = lines.find((l) => l.text.trim() !== '');
    return fail(
      first?.no ?? 1,
      'no 件名 (subject) line found, so this does not look like a council filing; check that the file is a filing and that its 件名 line survived extraction',
    );
  }
  const titleLine = lines[titleIndex] as Line;
  const title = squash(fragmentToPlain((TITLE.exec(titleLine.text)?.[1] ?? '').replace(/\t+/gu, ' ')));
  let kind: FilingInput['kind'] | undefined;
  const basis: FilingInput['basis'] = [];
  let department: Department | undefined;
  const prelude: Line[] = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i] as Line;
    const t = line.text;
    const c = compact(t.replace(/\*\*/gu, ''));
    if (c === '') continue;
    if (i === titleIndex) continue;
    // The form's printed header. Only the standard wording is dropped (the record's keys say the
    // same); any other council line, e.g. one with the municipality's name, stays in the body.
    if (i < titleIndex && c === '情報公開・個人情報保護審議会諮問・報告事項') continue;
    if (i < titleIndex && /審議会/u.test(c) && !t.includes('\t')) {
      prelude.push({ ...line, council: true });
      continue;
    }
    if (i > titleIndex && (HASH_HEADING.test(t) || bareHeading(t))) break;
    if (i > titleIndex && t.includes('\t') && !UNDERLINE.test(t)) break;
    if (UNDERLINE.test(t) && /[-－─━—―‐]{3,}/u.test(t)) continue;
    if (c === '内容は別紙のとおり' || c === '条例の根拠') continue;
    const k = parseKind(t);
    const b = parseBasis(t);
    if (k || b.length > 0) {
      if (k) {
        kind = k;
      }
      basis.push(...b);
      if (leftover(c, k, b) !== '') {
        prelude.push(line);
        warnings.push({
          line: line.no,
          message: 'this line has text besides the kind and article; the whole line is also kept at the start of the body',
        });
      }
      continue;
    }
    if (/担当部課/u.test(c)) {
      const parts = [t];
      // The department may continue over the next lines (担当係, 担当者, 内線), blank lines between.
      if (!/[）)]\s*$/u.test(t)) {
        let j = i + 1;
        while (j < lines.length) {
          const next = lines[j] as Line;
          if (isBlank(next)) {
            j++;
            continue;
          }
          if (HASH_HEADING.test(next.text) || bareHeading(next.text) || next.text.includes('\t')) break;
          if (!/担当係|担当者|内線|係|電話/u.test(next.text)) break;
          parts.push(next.text);
          i = j;
          j++;
          if (/[）)]\s*$/u.test(next.text)) break;
        }
      }
      department = parseDepartment(stripDepartmentBrackets(parts.join(' ')));
      if (!department)
        warnings.push({ line: line.no, message: 'the 担当部課 line names no department; it is taken from the 担当課 row instead' });
      continue;
    }
    prelude.push(line);
  }
  const bodyStart = i;
  if (!kind)
    warnings.push({
      line: titleLine.no,
      message:
        'no kind (【諮問】, 【報告】 or 【事前報告】) found after 条例の根拠; recorded as 報告 — check the source and correct `kind` in the record',
    });
  if (basis.length === 0)
    warnings.push({
      line: titleLine.no,
      message: 'no article (第…条) found under 条例の根拠; `basis` is empty — add it to the record by hand',
    });
  for (const p of prelude)
    if (!p.council) warnings.push({ line: p.no, message: 'unrecognised line in the header; kept at the start of the body' });

  const rest = lines.slice(bodyStart);
  if (rest.every((l) => l.text.trim() === '')) {
    return fail(
      lines[lines.length - 1]?.no ?? 1,
      'the filing stops after its header: no 事業の概要, annex table or 特記事項 follows; the file looks cut off — extract the whole document again',
    );
  }

  // ---- Body: headings, tables, paragraphs, bullets, clauses ------------------------------
  const body = buildBody(prelude, rest, warnings);

  // ---- Facts from the tables ----------------------------------------------------------
  const facts = readFacts(body.tables, () => annexItems(body), warnings, errors);
  if (!department && facts.section) {
    department = { ...splitBureauSection(facts.section.text) };
    warnings.push({ line: facts.section.line, message: 'no 担当部課 line; department taken from this row' });
  }
  if (!department) return fail(titleLine.no, 'no department found (neither a 担当部課 line nor a 担当課 row); add one to the source');
  if (department && !department.bureau && facts.section) {
    const fromRow = splitBureauSection(facts.section.text);
    if (fromRow.bureau && fromRow.section === department.section) department.bureau = fromRow.bureau;
  }

  if (errors.length > 0) return { body: '', clauses: [], warnings, errors };
  let date: string | undefined = facts.period?.start;
  if (!date) {
    const any = findDates(text).dates[0];
    if (any) {
      date = any.iso;
      warnings.push({
        line: lineOf(any.index, text),
        message: `no period start; the date is inferred from the first date in the filing (${any.text})`,
      });
    }
  }
  if (!date)
    return fail(
      titleLine.no,
      'no date found anywhere in the filing (no period, no era date); add the period (委託の開始時期及び期限) to the source',
    );

  const markdown = stringify(body.root);
  const clauses = extractClauses(markdown);
  const section = department.section;
  const id = options.id ?? deriveId(title, section, date);
  const data: FilingInput = {
    id,
    title,
    kind: kind ?? '報告',
    basis,
    department,
    date,
    date_source: 'inferred',
    contractors: facts.contractors,
    ...(facts.contractorStatus ? { contractor_status: facts.contractorStatus } : {}),
    ...(facts.period ? { period: facts.period } : {}),
    items: facts.items,
    ...(facts.media ? { media: facts.media } : {}),
    ...(facts.purpose ? { purpose: facts.purpose } : {}),
    ...(facts.subjects ? { subjects: facts.subjects } : {}),
    measures: facts.measures,
    references: findReferences(text),
    source: { file: options.file, sha256: options.sha256 },
  };
  return { data, body: markdown, clauses, warnings, errors };
}

/** What is left of a kind/basis line once the kind, the articles and their labels are taken out. */
function leftover(c: string, kind: string | undefined, basis: FilingInput['basis']): string {
  let rest = c.replace(/\*\*/gu, '').replace(/^条例の根拠/u, '');
  if (kind) rest = rest.replace(new RegExp(`【${kind}】`, 'u'), '');
  for (const b of basis ?? []) {
    rest = rest.replace(b.article, '');
    if (b.label) rest = rest.replace(compact(`(${b.label})`), '');
  }
  return rest.replace(/[◇◆・、,]/gu, '');
}

/** The 1-based line of an offset in the text. */
function lineOf(offset: number, text: string): number {
  return text.slice(0, offset).split('\n').length;
}

/** `<year>-<8 hex>`: from the subject, section and year, so a re-import (even re-encoded) gives the same id. */
export function deriveId(title: string, section: string, date: string): string {
  const hash = createHash('sha256')
    .update(`${compact(title)}\n${compact(section)}\n${date.slice(0, 4)}`)
    .digest('hex');
  return `${date.slice(0, 4)}-${hash.slice(0, 8)}`;
}

const markdownWriter = unified().use(remarkGfm, { tablePipeAlign: false }).use(remarkStringify, {
  bullet: '-',
  rule: '-',
  fences: true,
  listItemIndent: 'one',
  strong: '*',
  emphasis: '_',
});

function stringify(root: Root): string {
  return markdownWriter.stringify(root);
}

// ---------------------------------------------------------------------------------------

/**
 * Items listed in an annex when the items cell says 別紙のとおり: the lines of the 別紙 section
 * (住民番号・世帯番号・…), or else the column headings of a wide table (a list of procedures
 * with one column per item handed over).
 */
function annexItems(body: Body): string[] {
  const nodes = body.root.children;
  const at = nodes.findIndex((n) => n.type === 'heading' && n.depth === 2 && /^別紙/u.test(compact(toString(n))));
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

interface TableBlock {
  line: number;
  rows: Array<{ line: number; cells: string[] }>;
}

interface Body {
  root: Root;
  tables: TableBlock[];
}

function heading(depth: number, text: string): Heading {
  return { type: 'heading', depth: Math.min(6, Math.max(2, depth)) as Heading['depth'], children: fragmentToPhrasing(text) };
}

function paragraphOf(ls: Line[]): Paragraph {
  const children: PhrasingContent[] = [];
  ls.forEach((l, idx) => {
    if (idx > 0) children.push({ type: 'break' });
    children.push(...fragmentToPhrasing(l.text));
  });
  return { type: 'paragraph', children };
}

const BULLET = /^\s*[-*+]\s+(.*)$/u;
const CLAUSE = /^\s*(?:[-*+]\s+)?([0-9０-９]{1,3})[\s\u3000]+(\S.*)$/u;
const SUB_ITEM = /^\s*(?:[-*+]\s+)?([（(][0-9０-９]{1,2}[）)]|[①-⑳])\s*(.*)$/u;
const CLAUSE_HEADING = /^[（(][^（）()]{1,40}[）)]$/u;

function buildBody(prelude: Line[], rest: Line[], warnings: Problem[]): Body {
  const children: RootContent[] = [];
  const tables: TableBlock[] = [];
  if (prelude.length > 0) children.push(paragraphOf(prelude));
  let para: Line[] = [];
  let list: Line[] = [];
  let table: TableBlock | undefined;
  let sectionLevel = 0;
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
    if (hash || bareHeading(t)) {
      flush();
      const text = hash ? (hash[2] ?? '') : t.trim();
      const level = hash ? (hash[1]?.length ?? 1) : 0;
      // Filings mark their sections with #, ## or nothing, inconsistently: the known sections
      // (事業の概要, 件名…, 別紙, 特記事項, 付属資料) are always level 2, and other headings keep
      // their distance below the last known section.
      let depth: number;
      if (bareHeading(text)) {
        depth = 2;
        sectionLevel = level;
      } else {
        depth = 2 + Math.max(1, level - sectionLevel);
      }
      children.push(heading(depth, text));
      if (compact(text.replace(/\*\*/gu, '')) === '特記事項') {
        i = readClauses(rest, i + 1, Math.min(6, depth), children, warnings) - 1;
      }
      continue;
    }
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
  return { root: { type: 'root', children }, tables };
}

function listOf(texts: string[]): List {
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

interface ClauseDraft {
  number: string;
  line: number;
  text: string;
  items: string[];
}

/**
 * Read the 特記事項 from line `start` until the section ends. Returns the index of the first
 * line after it. Clauses come with or without bullets; a sentence broken over a page break
 * (blank line, no final 。) is joined; sub-items (1)…(4) are kept as a list.
 */
function readClauses(rest: Line[], start: number, depth: number, out: RootContent[], warnings: Problem[]): number {
  let current: ClauseDraft | undefined;
  let blankBefore = false;
  const emit = (): void => {
    if (!current) return;
    out.push({ type: 'paragraph', children: [{ type: 'text', value: `${nfkc(current.number)} ${current.text}` }] });
    if (current.items.length > 0) out.push(listOf(current.items));
    current = undefined;
  };
  let i = start;
  for (; i < rest.length; i++) {
    const line = rest[i] as Line;
    const raw = line.text;
    if (raw.trim() === '') {
      blankBefore = true;
      continue;
    }
    const hash = HASH_HEADING.exec(raw);
    const t = (hash ? (hash[2] ?? '') : raw).trim();
    const level = hash ? (hash[1]?.length ?? 1) + 1 : undefined;
    if (CLAUSE_HEADING.test(t.replace(/\*\*/gu, ''))) {
      emit();
      out.push(heading(depth + 1, t));
      blankBefore = false;
      continue;
    }
    if (hash && level !== undefined && level <= depth + 1) break; // a new section
    if (raw.includes('\t')) break;
    const clause = CLAUSE.exec(raw);
    if (clause && !SUB_ITEM.test(raw)) {
      emit();
      current = { number: clause[1] ?? '', line: line.no, text: (clause[2] ?? '').trim(), items: [] };
      blankBefore = false;
      continue;
    }
    const sub = SUB_ITEM.exec(raw);
    if (sub && current) {
      current.items.push(`${sub[1] ?? ''} ${(sub[2] ?? '').trim()}`.trim());
      blankBefore = false;
      continue;
    }
    const plain = t.replace(/^[-*+]\s+/u, '');
    if (current) {
      const target = current.items.length > 0 ? current.items : undefined;
      const previous = target ? (target[target.length - 1] ?? '') : current.text;
      if (!endsSentence(previous)) {
        if (blankBefore)
          warnings.push({
            line: line.no,
            message: `clause ${nfkc(current.number)} continues after a page break; the two parts are joined`,
          });
        if (target) target[target.length - 1] = previous + plain;
        else current.text = previous + plain;
        blankBefore = false;
        continue;
      }
      // After a finished clause, a short line with no final punctuation is the next section's heading.
      if (plain.length <= 40 && !endsSentence(plain)) {
        emit();
        out.push(heading(depth, plain));
        return i + 1;
      }
      if (target) target[target.length - 1] = `${previous}\n${plain}`;
      else current.text = `${previous}\n${plain}`;
      blankBefore = false;
      continue;
    }
    if (plain.length <= 40 && !endsSentence(plain)) {
      out.push(heading(depth, plain));
      return i + 1;
    }
    out.push(paragraphOf([line]));
    warnings.push({ line: line.no, message: 'text in the 特記事項 before the first numbered clause; kept as a paragraph' });
  }
  emit();
  return i;
}

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

// ---------------------------------------------------------------------------------------

interface Facts {
  contractors: Contractor[];
  contractorStatus?: string;
  period?: Period;
  items: string[];
  media?: string;
  purpose?: string;
  subjects?: string;
  measures: { municipality?: string; contractor?: string };
  section?: { text: string; line: number };
}

/** Read the facts the council decides on from every key/value pair of every table. */
function readFacts(tables: TableBlock[], annexItems: () => string[], warnings: Problem[], errors: Problem[]): Facts {
  const facts: Facts = { contractors: [], items: [], measures: {} };
  let reason: string | undefined;
  let heldMedia: string | undefined;
  const statuses: string[] = [];
  for (const table of tables) {
    for (const row of table.rows) {
      for (let k = 0; k + 1 < row.cells.length; k += 2) {
        const key = compact(fragmentToPlain(row.cells[k] ?? ''));
        const raw = row.cells[k + 1] ?? '';
        const value = fragmentToPlain(raw);
        if (!key || !value) continue;
        if (/^委託先/u.test(key)) {
          const change = key.includes('変更前') ? '変更前' : key.includes('変更後') ? '変更後' : undefined;
          const cell = parseContractorCell(value.replace(/\n/gu, ' '), change);
          facts.contractors.push(...cell.contractors);
          if (cell.status) statuses.push(cell.status);
          if (cell.contractors.length > 0 && !cell.contractors.some((c) => looksLikeCompany(c.name))) {
            warnings.push({
              line: row.line,
              message: `委託先 「${value}」 does not read as a company name; check the contractors in the record`,
            });
          }
        } else if (/記録媒体|媒体で提供/u.test(key)) {
          facts.media ??= value;
        } else if (/(処理させる|記録される|提供する)(情報)?項目|提供する項目/u.test(key)) {
          if (facts.items.length === 0) facts.items = /別紙のとおり|別紙参照|別添/u.test(value) ? annexItems() : parseItems(value);
        } else if (/媒体に記録/u.test(key)) {
          heldMedia ??= value;
        } else if (key === '目的') {
          facts.purpose ??= value;
        } else if (/^(委託の?理由|新規開発・追加・変更の理由)$/u.test(key)) {
          reason ??= value;
        } else if (key === '対象者') {
          facts.subjects ??= value;
        } else if (/開始時期|期限|変更の時期|実施時期/u.test(key)) {
          if (!facts.period) {
            const parsed = parsePeriod(value.replace(/\n/gu, ' '), row.line);
            facts.period = parsed.period;
            warnings.push(...parsed.warnings);
            errors.push(...parsed.errors);
          }
        } else if (/区が行う.*(保護)?対策/u.test(key)) {
          facts.measures.municipality ??= value;
        } else if (/受託事業者.*対策|委託する場合における.*対策/u.test(key)) {
          facts.measures.contractor ??= value;
        } else if (/^(担当課|保有課)/u.test(key)) {
          if (!facts.section || splitBureauSection(value).bureau) facts.section = { text: value, line: row.line };
        }
      }
    }
  }
  if (!facts.purpose && reason) facts.purpose = reason;
  if (!facts.media && heldMedia) facts.media = heldMedia;
  if (statuses.length > 0 && facts.contractors.length === 0) facts.contractorStatus = statuses.join(' / ');
  return facts;
}
