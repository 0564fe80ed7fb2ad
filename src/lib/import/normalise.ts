/**
 * The second stage: a decoded document's lines made into the lines the recognisers read.
 *
 * - Page furniture left out: page numbers (`- 1 -`, `－ １ －`, `1/3`, a bare number at a page's
 *   edge) and running headers or footers (the same line at the top or bottom of most pages).
 *   What is dropped is reported, never silently lost.
 * - Lines a PDF wrapped at the column edge joined back (Japanese wraps with no space). The PDF
 *   decoder knows which lines reach the edge; in plain text a wrap shows as many lines of one
 *   width, and only then are such lines joined.
 * - Characters spread by spaces joined: `委 託 の 件 名` → `委託の件名`.
 *
 * Widths are not changed here: the record keeps what was written; comparisons use NFKC.
 */
import { compact } from '../core/text.ts';
import type { Problem, StageContext } from './messages.ts';
import { CLAUSE_HEADING, STARTS_BLOCK, nextText, wrapSeparator } from './lines.ts';
import type { Line, SourceDoc, SourceLine } from './source.ts';

/** The normalised document. */
export interface Normalised {
  lines: Line[];
  /** Page furniture left out (page numbers, running headers and footers). */
  dropped: Line[];
}

const PAGE_NUMBER = [
  /^[-－–—‐−ー―]\s*[0-9０-９]+\s*[-－–—‐−ー―]$/u, // - 1 -, －１－
  /^[0-9０-９]+\s*[/／]\s*[0-9０-９]+$/u, // 1/3
  /^(?:[pP]\.?\s*)?[0-9０-９]+\s*(?:ページ|頁)$/u, // 3ページ
  /^[pP]\.\s*[0-9０-９]+$/u, // p.3
  /^第\s*[0-9０-９]+\s*(?:ページ|頁)$/u,
];
const BARE_NUMBER = /^[0-9０-９]{1,3}$/u;

/** True when a line is a page number. `edge`: it sits at a page's edge, so a bare number counts. */
export function isPageNumber(text: string, edge: boolean): boolean {
  const t = text.trim();
  if (PAGE_NUMBER.some((re) => re.test(t))) return true;
  return edge && BARE_NUMBER.test(t);
}

/** A running header or footer's identity: digits (page numbers inside it) and spaces ignored. */
function furnitureKey(text: string): string {
  return compact(text).replace(/[0-9]+/gu, '#');
}

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー々〆()（）「」・';
const SPREAD_RUN = new RegExp(`[${CJK}](?:[ \\u3000][${CJK}]){2,}`, 'gu');
const SINGLE = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u;
const SPREAD_CELL = new RegExp(`^[${CJK}](?:[ \\u3000]+[${CJK}])+$`, 'u');

/**
 * Join characters spread by spaces (Word's 均等割り付け as extraction sees it): a run of three or
 * more single characters, or a whole cell of two or more, each set apart by one space.
 */
export function joinSpread(text: string): string {
  return text
    .split('\t')
    .map((cell) => {
      const t = cell.trim();
      if (SPREAD_CELL.test(t)) return cell.replace(t, t.replace(/[ \u3000]+/gu, ''));
      return cell.replace(SPREAD_RUN, (run) => run.replace(/[ \u3000]/gu, ''));
    })
    .join('\t');
}

/** True when `next` may continue `prev` (a wrapped line): `prev` reaches the edge and `next` starts nothing new. */
function continues(prev: SourceLine, next: SourceLine): boolean {
  if (!prev.full || next.text.trim() === '') return false;
  if (prev.text.includes('\t') || next.text.includes('\t')) return false;
  if (next.page !== prev.page && next.page !== undefined && prev.page !== undefined) {
    // Across a page break only a sentence that did not end continues.
    if (/[。．.!！?？]\s*$/u.test(prev.text)) return false;
  }
  if ((next.size ?? 1) !== (prev.size ?? 1)) return false;
  // A bracketed heading alone on its line, （秘密の保持）, is never the end of a sentence.
  if (CLAUSE_HEADING.test(next.text.trim())) return false;
  return !STARTS_BLOCK.test(next.text);
}

/** The white space a text ends with. */
function trailingSpace(text: string): string {
  return text.slice(text.trimEnd().length);
}

/** Display width: full-width characters count two. */
function width(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch)
      ? 2
      : 1;
  return w;
}

/**
 * In plain text, the width lines were wrapped at, if they were: many lines (five or more, and
 * two in five of the longer ones) end within a character of one width. Without such a width,
 * lines are paragraphs, as in the text extractions.
 */
export function wrapWidth(lines: SourceLine[]): number | undefined {
  const widths = lines
    .filter((l) => !l.text.includes('\t') && !/<\/?[a-z]/iu.test(l.text))
    .map((l) => width(l.text.trimEnd()))
    .filter((w) => w >= 30);
  if (widths.length < 5) return undefined;
  const counts = new Map<number, number>();
  for (const w of widths) for (const d of [0, 1, 2, 3]) counts.set(w + d, (counts.get(w + d) ?? 0) + 1);
  let best: { w: number; n: number } | undefined;
  for (const [w, n] of counts) if (!best || n > best.n || (n === best.n && w < best.w)) best = { w, n };
  if (!best || best.n < 5 || best.n / widths.length < 0.4) return undefined;
  return best.w;
}

/** Page furniture of a paged document: indexes of the lines to leave out, and a note per kind. */
function furniture(lines: SourceLine[], pages: number): { drop: Set<number>; notes: Problem[] } {
  const drop = new Set<number>();
  const notes: Problem[] = [];
  // Candidates: the first and last two non-blank lines of each page, or lines the decoder placed at an edge.
  const byPage = new Map<number, number[]>();
  lines.forEach((l, i) => {
    if (l.page === undefined || l.text.trim() === '') return;
    byPage.set(l.page, [...(byPage.get(l.page) ?? []), i]);
  });
  const candidates: number[] = [];
  for (const idx of byPage.values()) {
    // A page with one or two lines has no body beside which a line could be furniture.
    if (idx.length < 3) continue;
    const edges = idx.filter((i) => lines[i]?.edge !== undefined);
    const ends = edges.length > 0 || lines.some((l) => l.edge) ? edges : [...idx.slice(0, 2), ...idx.slice(-2)];
    candidates.push(...new Set(ends));
  }
  let numbers = 0;
  for (const i of candidates) {
    const l = lines[i] as SourceLine;
    if (isPageNumber(l.text, true)) {
      drop.add(i);
      numbers++;
    }
  }
  if (numbers > 0) notes.push({ line: 0, message: `${numbers} page number(s) left out of the record` });
  if (pages >= 2) {
    const seen = new Map<string, { pages: Set<number>; idx: number[]; text: string }>();
    for (const i of candidates) {
      if (drop.has(i)) continue;
      const l = lines[i] as SourceLine;
      const key = furnitureKey(l.text);
      if (!key || key.length > 60) continue;
      const s = seen.get(key) ?? { pages: new Set<number>(), idx: [], text: l.text.trim() };
      s.pages.add(l.page ?? 0);
      s.idx.push(i);
      seen.set(key, s);
    }
    for (const s of seen.values()) {
      if (s.pages.size < 2 || s.pages.size < pages / 2) continue;
      for (const i of s.idx) drop.add(i);
      notes.push({ line: 0, message: `running header or footer 「${s.text}」 left out of the record (${s.pages.size} pages)` });
    }
  }
  return { drop, notes };
}

/** Normalise a decoded document; what was done that a reader should know (furniture dropped, lines joined) is reported. */
export function normalise(doc: SourceDoc, { report }: StageContext): Normalised {
  const src = doc.lines;
  const pages = doc.pages ?? Math.max(0, ...src.map((l) => l.page ?? 0));
  const { drop, notes: furnitureNotes } = pages > 0 ? furniture(src, pages) : { drop: new Set<number>(), notes: [] as Problem[] };
  for (const n of furnitureNotes) report.warn(n.line, n.message);
  // Plain text without pages: only decorated page numbers (- 1 -) standing alone are furniture.
  if (pages === 0) {
    let n = 0;
    src.forEach((l, i) => {
      const blankAround = (src[i - 1]?.text.trim() ?? '') === '' && (src[i + 1]?.text.trim() ?? '') === '';
      if (blankAround && l.text.trim() !== '' && isPageNumber(l.text, false)) {
        drop.add(i);
        n++;
      }
    });
    if (n > 0) report.warn(0, `${n} page number(s) left out of the record`);
  }
  const wrap = doc.format === 'text' ? wrapWidth(src) : undefined;
  const marked: SourceLine[] = src.map((l) =>
    wrap !== undefined && !l.text.includes('\t') && width(l.text.trimEnd()) >= wrap - 3 ? { ...l, full: true } : l,
  );
  // Characters spread so far apart that extraction put each on a line of its own (件 / 名): one line.
  for (let i = 0; i < marked.length; i++) {
    const run: number[] = [];
    let k = i;
    while (k < marked.length && SINGLE.test(marked[k]?.text.trim() ?? '')) {
      run.push(k);
      k++;
      if ((marked[k]?.text.trim() ?? 'x') === '' && SINGLE.test(marked[k + 1]?.text.trim() ?? '')) k++;
    }
    if (run.length >= 2) {
      const first = marked[run[0] as number] as SourceLine;
      marked[run[0] as number] = { ...first, text: run.map((r) => marked[r]?.text.trim() ?? '').join('') };
      for (let r = (run[0] as number) + 1; r < k; r++) marked[r] = { ...(marked[r] as SourceLine), text: '' };
      i = k - 1;
    }
  }
  const lines: Line[] = [];
  const dropped: Line[] = [];
  let joins = 0;
  let prev: SourceLine | undefined;
  let afterDrop = false;
  // The pieces of each line that wrapped lines were joined to, joined once at the end: building
  // the paragraph string at each join made a long paragraph quadratic.
  const pieces = new Map<Line, string[]>();
  marked.forEach((l, i) => {
    if (drop.has(i)) {
      dropped.push({ no: i + 1, text: l.text, ...(l.page !== undefined ? { page: l.page } : {}) });
      afterDrop = true;
      return;
    }
    // Blank lines the furniture leaves between two pieces of one sentence do not count.
    if (afterDrop && l.text.trim() === '' && prev?.full) return;
    afterDrop = false;
    const text = joinSpread(l.text);
    const last = lines[lines.length - 1];
    if (prev && last && continues(prev, l)) {
      const parts = pieces.get(last) ?? [last.text];
      parts.push(wrapSeparator((parts[parts.length - 1] ?? '') + trailingSpace(prev.text), text) + text.trim());
      pieces.set(last, parts);
      joins++;
      prev = { ...l, text };
      return;
    }
    // Blank lines the furniture left behind between two pieces of one sentence do not count.
    lines.push({ no: i + 1, text: text.trimEnd(), ...(l.page !== undefined ? { page: l.page } : {}) });
    prev = l;
  });
  for (const [line, parts] of pieces) line.text = parts.join('').trimEnd();
  // A clause number glued to the end of the sentence before (…同様とする。3 / 乙は、…), as a wrap
  // joiner or an extraction leaves it: it starts the line it numbers.
  let moved = 0;
  for (let k = 0; k < lines.length; k++) {
    const tail = /^(.*[。．])[\s\u3000]*([0-9０-９]{1,2})$/u.exec(lines[k]?.text ?? '');
    const n = nextText(lines, k + 1);
    const next = n === undefined ? undefined : lines[n];
    if (!tail || !next || STARTS_BLOCK.test(next.text) || next.text.includes('\t') || (lines[k]?.text ?? '').includes('\t')) continue;
    (lines[k] as Line).text = tail[1] ?? '';
    next.text = `${tail[2]} ${next.text.trim()}`;
    moved++;
  }
  if (moved > 0)
    report.warn(0, `${moved} clause number(s) at the end of the sentence before them (…。3) moved to the start of their clause`);
  if (joins > 0 && doc.format === 'text') report.warn(0, `${joins} line(s) wrapped at ${wrap} columns joined to the line before`);
  return { lines, dropped };
}
