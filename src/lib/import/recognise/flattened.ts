/**
 * Text a hosting site flattened onto a line or two (諮問第3号 … 記 … 件名 … １ 委託先 … on one
 * line): cut again at the markers a council's form is made of, before the form is recognised.
 * Only a document that is flattened is cut (few lines, one of them very long): in a document
 * with its lines, the same markers inside a sentence are text.
 */
import { marker } from '../../core/numbering.ts';
import { CLAUSE_HEADING } from '../lines.ts';
import type { Line } from '../source.ts';
import { bareHeading, isClauseSetTitle, isPartHeading } from './headings.ts';
import { factOf, type Vocabulary } from './vocabulary.ts';

/** A line this long, in a document of at most this many lines, is flattened text. */
const FLAT_LINE = 150;
const FLAT_LINES = 5;

const ERA_DATE =
  /^(?:明治|大正|昭和|平成|令和)(?:元|[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})年(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})月(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})日$/u;
const DOC_NUMBER = /(?:諮問|報告|審議)第[0-9０-９一二三四五六七八九十百]+号$/u;

/**
 * Whether a token starts a new line of the form: 記, a date, a numbered label or part, a heading,
 * a clause heading. A plain number (１, 2) starts one before a label the vocabulary knows, or as
 * the next of a numbered list already cut or the first after a part (`last`) before a short label: a number inside a
 * sentence (平成 29 年度) is neither.
 */
function startsLine(tokens: string[], k: number, v: Vocabulary, last: number): boolean {
  const t = tokens[k] ?? '';
  const next = tokens[k + 1] ?? '';
  if (t === '記' || ERA_DATE.test(t) || DOC_NUMBER.test(t) || (CLAUSE_HEADING.test(t) && !marker(t))) return true;
  if (bareHeading(t) || isClauseSetTitle(t)) return true;
  const m = marker(`${t} ${next}`);
  if (!m || m.written !== t) return false;
  // 第１ 業務委託について, （１） …, １ 委託先 (a label the vocabulary knows), ア …
  if (m.shape !== 'num' || factOf(next, v) !== undefined || factOf(`${next}${tokens[k + 2] ?? ''}`, v) !== undefined) return true;
  return last >= 0 && m.value === last + 1 && next.length <= 20 && !/[。、，,]/u.test(next);
}

/** Whether the line ends after this token: a sentence, the document's number, its title (…について（諮問）), 記, a date. */
function endsLine(t: string): boolean {
  return (
    /[。．]$/u.test(t) ||
    DOC_NUMBER.test(t) ||
    /[（(](?:諮問|報告)[）)]$/u.test(t) ||
    t === '記' ||
    ERA_DATE.test(t) ||
    (CLAUSE_HEADING.test(t) && !marker(t))
  );
}

/** The lines cut at the form's markers, when the document is flattened; `cut` counts the new lines. */
export function resegment(lines: Line[], v: Vocabulary): { lines: Line[]; cut: number } {
  const texts = lines.filter((l) => l.text.trim() !== '');
  if (texts.length > FLAT_LINES || !texts.some((l) => l.text.length >= FLAT_LINE)) return { lines, cut: 0 };
  const out: Line[] = [];
  for (const line of lines) {
    if (line.text.length < FLAT_LINE || line.text.includes('\t')) {
      out.push(line);
      continue;
    }
    const tokens = line.text.trim().split(/[\s\u3000]+/u);
    let current: string[] = [];
    // The last plain number cut at, 0 just after a part (第２ …), -1 before any.
    let last = -1;
    const push = (): void => {
      if (current.length === 0) return;
      out.push({ ...line, text: current.join(' ') });
      current = [];
    };
    tokens.forEach((t, k) => {
      if (current.length > 0 && startsLine(tokens, k, v, last)) {
        push();
        const m = marker(`${t} ${tokens[k + 1] ?? ''}`);
        if (m?.shape === 'num') last = m.value;
        else if (m?.shape === 'dai') last = 0;
      }
      current.push(t);
      // A part's heading (第２ 電子計算機の結合について) is a line of its own.
      if (endsLine(t) || isPartHeading(current.join(' '))) push();
    });
    push();
  }
  return { lines: out, cut: Math.max(0, out.length - lines.length) };
}
