/**
 * Reading a clause set (特記事項 and its other names) from the importer's lines into the record's
 * Markdown: a bracketed heading `### (見出し)` above the clauses it covers, each clause a
 * paragraph that starts with its number, paragraphs (項) of an article as paragraphs of their
 * own, sub-items as a list.
 *
 * Every common numbering shape is read (src/lib/core/numbering.ts); the first clause number sets the
 * shape of the top level. A heading may stand above a clause or after its number
 * (`第1条（秘密の保持）乙は…`, `第１\u3000秘密の保持` with the text below); a number may stand alone
 * on its line with the text on the next. A sentence broken over a page break is joined. A short
 * line is not a heading just because it is short: only after a finished clause and set apart
 * by a blank line does it end the clause set.
 */
import type { List, Paragraph, RootContent } from 'mdast';
import { marker, recordMarker, roleOf, shapeName, type Marker, type Shape } from '../../core/numbering.ts';
import { endsSentence } from '../../core/text.ts';
import type { StageContext } from '../messages.ts';
import { CLAUSE_HEADING, HASH_HEADING, nextText } from '../lines.ts';
import type { Line } from '../source.ts';

/** One half-width space between two kanji or kana. */
const WORD_SPACE =
  /(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々])\u0020(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々])/gu;
const ERA_DATE = /(?:明治|大正|昭和|平成|令和)[\s\u3000]*(?:元|[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})[\s\u3000]*年/u;

type Part = { type: 'p'; text: string } | { type: 'items'; items: string[] };

interface Draft {
  marker: string;
  line: number;
  parts: Part[];
}

/** What reading a clause set found. */
export interface ClauseRead {
  /** Index of the first line after the clause set. */
  end: number;
  /** Clauses read. */
  count: number;
  /** The shape of the clause numbers, when there were any. */
  shape?: Shape;
  /** Clauses that had a heading. */
  headed: number;
}

/** Options for readClauses. */
export interface ReadOptions {
  /** Heading depth of the clause set's own heading. */
  depth: number;
  /** A heading the reader adds (mdast) at the given depth. */
  heading: (depth: number, text: string) => RootContent;
  /** A paragraph of plain lines. */
  paragraph: (lines: Line[]) => Paragraph;
  /** A list of plain item texts. */
  list: (items: string[]) => List;
  /** True for a line that starts a known section of the document (事業の概要, 付属資料 …). */
  isSection: (text: string) => boolean;
}

/**
 * Read the clause set from line `start` until it ends; its Markdown goes into `out`. Returns
 * where it ended and what it found.
 */
export function readClauses(lines: Line[], start: number, out: RootContent[], ctx: StageContext, o: ReadOptions): ClauseRead {
  let top: Shape | undefined;
  let current: Draft | undefined;
  let blankBefore = false;
  let count = 0;
  let headed = 0;
  let spaced = 0;
  // A space a PDF left between two characters of a word (受注 者は, 秘密等の保 持): Japanese prose
  // puts none between kanji and kana, so in a clause's sentences it is removed (and counted).
  const unspace = (text: string): string => {
    // An item's own marker (ア, (1)) keeps the space after it.
    const m = marker(text);
    const head = m && text.startsWith(m.written) ? text.slice(0, text.length - m.rest.length) : '';
    return (
      head +
      text.slice(head.length).replace(WORD_SPACE, () => {
        spaced++;
        return '';
      })
    );
  };
  const emit = (): void => {
    if (!current) return;
    for (const p of current.parts)
      if (p.type === 'p') p.text = unspace(p.text);
      else p.items = p.items.map(unspace);
    const [first, ...more] = current.parts;
    const text = first?.type === 'p' ? first.text : '';
    out.push({ type: 'paragraph', children: [{ type: 'text', value: text ? `${current.marker} ${text}` : current.marker }] });
    for (const p of first?.type === 'items' ? current.parts : more) {
      if (p.type === 'p') out.push({ type: 'paragraph', children: [{ type: 'text', value: p.text }] });
      else out.push(o.list(p.items));
    }
    current = undefined;
  };
  /** The set ends before line `end`: its last clause out, the spaces removed said once. */
  const finish = (end: number): ClauseRead => {
    emit();
    if (spaced > 0) ctx.report.warn(lines[start]?.no ?? 0, `${spaced} space(s) inside words of the 特記事項 (受注 者) removed`);
    return { end, count, headed, ...(top ? { shape: top } : {}) };
  };
  const last = (): Part | undefined => current?.parts[current.parts.length - 1];
  const headingOut = (text: string): void => {
    emit();
    out.push(o.heading(o.depth + 1, text));
    headed++;
  };
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i] as Line;
    const raw = line.text;
    if (raw.trim() === '') {
      blankBefore = true;
      continue;
    }
    const hash = HASH_HEADING.exec(raw);
    const t = (hash ? (hash[2] ?? '') : raw).replace(/\*\*/gu, '').trim();
    // A bracketed date (（令和3年4月1日改正）) is the set's date, not a clause heading.
    if (CLAUSE_HEADING.test(t) && !ERA_DATE.test(t)) {
      headingOut(t);
      blankBefore = false;
      continue;
    }
    if (hash && (hash[1]?.length ?? 1) + 1 <= o.depth + 1 && !marker(t)) break; // a new section
    if (raw.includes('\t')) break;
    if (o.isSection(t) && (!current || endsSentence(textOfLast(current)))) break;
    const m = marker(t);
    const role = m ? roleIn(m, top) : undefined;
    if (m && role === 'clause') {
      top ??= m.shape;
      emit();
      const { heading, rest } = splitHeading(m, lines, i);
      if (heading) headingOut(heading.text);
      if (heading?.consumed) i = heading.consumed;
      let text = rest;
      // A number alone on its line: the text is on the next line (after a heading, if one stands there).
      if (text === '') {
        const n = nextText(lines, i + 1);
        if (n && !marker(lines[n]?.text ?? '') && !(lines[n]?.text ?? '').includes('\t')) {
          const nt = (lines[n] as Line).text.trim();
          if (CLAUSE_HEADING.test(nt)) {
            headingOut(nt);
            const n2 = nextText(lines, n + 1);
            if (n2 && !marker(lines[n2]?.text ?? '')) {
              text = (lines[n2] as Line).text.trim();
              i = n2;
            } else i = n;
          } else {
            text = nt;
            i = n;
          }
        }
      }
      current = { marker: recordMarker(m), line: line.no, parts: text ? [{ type: 'p', text }] : [] };
      count++;
      blankBefore = false;
      continue;
    }
    if (m && current && role === 'paragraph') {
      current.parts.push({ type: 'p', text: `${recordMarker(m)} ${m.rest}`.trim() });
      blankBefore = false;
      continue;
    }
    if (m && current && role === 'item') {
      const p = last();
      const item = `${m.written} ${m.rest}`.trim();
      if (p?.type === 'items') p.items.push(item);
      else current.parts.push({ type: 'items', items: [item] });
      blankBefore = false;
      continue;
    }
    const plain = t.replace(/^[-*+]\s+/u, '');
    if (current) {
      const p = last();
      const previous = p ? (p.type === 'p' ? p.text : (p.items[p.items.length - 1] ?? '')) : '';
      if (p && !endsSentence(previous)) {
        if (blankBefore) ctx.report.warn(line.no, `clause ${current.marker} continues after a page break; the two parts are joined`);
        setLast(p, previous + plain);
        blankBefore = false;
        continue;
      }
      if (!p) {
        current.parts.push({ type: 'p', text: plain });
        continue;
      }
      // After a finished clause, a short line without final punctuation, set apart, is the next section's heading.
      if (blankBefore && plain.length <= 40 && !endsSentence(plain) && !CLAUSE_HEADING.test(plain)) {
        emit();
        out.push(o.heading(o.depth, plain));
        return finish(i + 1);
      }
      setLast(p, `${previous}\n${plain}`);
      blankBefore = false;
      continue;
    }
    // Before the first clause: a preamble (…次の事項を遵守しなければならない。) is expected; anything else is noted.
    out.push(o.paragraph([line]));
    if (!endsSentence(plain) && !ERA_DATE.test(plain))
      ctx.report.warn(line.no, 'text in the 特記事項 before the first numbered clause; kept as a paragraph');
  }
  return finish(i);
}

function textOfLast(d: Draft): string {
  const p = d.parts[d.parts.length - 1];
  if (!p) return '';
  return p.type === 'p' ? p.text : (p.items[p.items.length - 1] ?? '');
}

function setLast(p: Part, text: string): void {
  if (p.type === 'p') p.text = text;
  else p.items[p.items.length - 1] = text;
}

/** Before the first clause, any number starts one: a set numbered (1), (2) … or ①, ② … has those as its clauses. */
function roleIn(m: Marker, top: Shape | undefined): 'clause' | 'paragraph' | 'item' {
  return top === undefined ? 'clause' : roleOf(m, top);
}

/**
 * A heading written after the clause number: `第1条（秘密の保持）乙は…` (in brackets), or
 * `第１\u3000秘密の保持` alone on its line with the clause's text on the lines below.
 */
function splitHeading(m: Marker, lines: Line[], i: number): { heading?: { text: string; consumed?: number }; rest: string } {
  const bracket = /^([（(【〔][^（）()【】〔〕]{1,40}[）)】〕])[\s\u3000]*(.*)$/u.exec(m.rest);
  if (bracket && m.shape !== 'num') return { heading: { text: bracket[1] ?? '' }, rest: (bracket[2] ?? '').trim() };
  // A plain number (1, ２) heads a clause only with a short noun phrase: `1 秘密保持義務`, not
  // `1 乙は` wrapped before its sentence goes on.
  const numHeading = m.shape !== 'num' || (m.rest.length <= 20 && !/[はがをにのでとへもやて]$/u.test(m.rest));
  if (numHeading && m.rest && m.rest.length <= 25 && !endsSentence(m.rest) && !/[、，,]/u.test(m.rest)) {
    const n = nextText(lines, i + 1);
    const next = n === undefined ? undefined : (lines[n] as Line).text.trim();
    if (next && !marker(next) && !CLAUSE_HEADING.test(next) && !next.includes('\t') && next.length > m.rest.length)
      return { heading: { text: m.rest }, rest: '' };
    // `1 個人情報等の定義` over its sub-items `(1) …`, `(2) …`: the heading of a clause made of items.
    const sub = next ? marker(next) : undefined;
    if (sub && sub.shape !== m.shape && roleOf(sub, m.shape) === 'item' && endsSentence(sub.rest))
      return { heading: { text: m.rest }, rest: '' };
  }
  return { rest: m.rest };
}

/** A short account of a clause set's numbering for messages: `9 of the form 第N（見出し）`. */
export function describeClauses(read: ClauseRead): string {
  if (read.count === 0) return 'none found';
  const shape = read.shape ? shapeName(read.shape) : 'N';
  return `${read.count} of the form ${shape}${read.headed > 0 ? '（見出し）' : ''}`;
}
