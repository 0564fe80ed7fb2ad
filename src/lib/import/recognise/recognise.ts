/**
 * The third stage: which form a document is in, and what its header says.
 *
 * - **The council sheet** (the seeds' form): the council's heading, a 件名 line, 内容は別紙のとおり,
 *   条例の根拠 with the kind (【報告】, 審議事項 …) and the articles, the （担当部課：…） line.
 * - **The 諮問書** (letter of consultation): 諮問第N号, a date, the addressee and the sender, the
 *   sentence `…条例第N条第N項…の規定に基づき、下記の事項について諮問します`, 記, the subject line;
 *   the department stands in the 審議資料 below, under its date.
 * - **None**: no header. The document may still be a clause set published on its own
 *   (parse-filing.ts decides from the body).
 */
import { findDates } from '../../core/era.ts';
import type { Basis, Department } from '../../record/schema.ts';
import { marker } from '../../core/numbering.ts';
import { comparable, sourceRuns } from '../lossless.ts';
import { compact, squash } from '../../core/text.ts';
import { parseBasis } from './basis.ts';
import { UNDERLINE, bareHeading } from './headings.ts';
import { HASH_HEADING } from '../lines.ts';
import { parseDepartment, stripDepartmentBrackets } from '../facts/department.ts';
import { fragmentToPlain } from '../decode/html.ts';
import type { Problem, StageContext } from '../messages.ts';
import type { Line } from '../source.ts';
import { kindIn, kindOfVerb, type Vocabulary } from './vocabulary.ts';

/** What the header of a document says. */
export interface Header {
  form: 'sheet' | 'shimon' | 'none';
  title?: { text: string; line: number };
  kind?: { name: string; line: number };
  /** 諮問第3号. */
  number?: string;
  basis: Basis[];
  basisLine?: number;
  department?: { value: Department; line: number };
  /** The date the document is dated (a 諮問書's date). */
  date?: { iso: string; text: string; line: number };
  /** Texts that name the matters (the 諮問 sentence, the subject). */
  matterTexts: string[];
  /** Header lines kept at the start of the body. */
  prelude: Line[];
  /** Index of the first line of the body. */
  bodyStart: number;
}

/** A header as a form reader read it, with what it found wrong (reported only for the form taken). */
interface Read extends Header {
  warnings: Problem[];
}

/**
 * A 件名 line: `件名<TAB>…`, `件\u3000名\u3000…`, `件名：…`, or `件名…` with the subject straight after the
 * label (Word and PDF lose the tab between them), but not a sentence about a 件名 (件名は…).
 */
export const TITLE =
  /^\s*(?:#{1,6}\s*)?(?:\*\*)?件[\s\u3000]*名(?:\*\*)?(?:\t+|[\s\u3000]+|[：:]\s*|(?![はのをにがとでも、。）)]))(\S.*)$/u;

function isBlank(line: Line | undefined): boolean {
  return line === undefined || line.text.trim() === '';
}

/** Text of a line without its heading marks and bold markers. */
function plain(text: string): string {
  const hash = HASH_HEADING.exec(text);
  return (hash ? (hash[2] ?? '') : text).replace(/\*\*/gu, '');
}

/** Read the header of a document. */
export function recogniseHeader(lines: Line[], v: Vocabulary, { report }: StageContext): Header {
  const found = shimonForm(lines, v) ?? sheetForm(lines, v);
  if (found) {
    const { warnings, ...header } = found;
    for (const w of warnings) report.warn(w.line, w.message);
    return header;
  }
  // No header: the body starts at the top. A department line is still looked for, for the account of what was recognised.
  const none: Header = { form: 'none', basis: [], matterTexts: [], prelude: [], bodyStart: 0 };
  const at = lines.find((l) => departmentLine(l.text));
  const d = at && departmentLine(at.text);
  if (at && d) none.department = { value: d, line: at.no };
  return none;
}

/** The department a line names by itself: `保健福祉部 国保年金課`, `（担当）保健福祉部国保年金課`, `担当課：…`. */
export function departmentLine(text: string): Department | undefined {
  // A numbered item of a 諮問書's list (２ 担当課 市民部 市民課) names it too.
  let t = squash(fragmentToPlain(text).replace(/\*\*/gu, '')).replace(/^[0-9０-９]{1,2}[\s\u3000.．]+(?=担当|所管)/u, '');
  const labelled = /^[（(【]?\s*(?:担当部課|担当部署|担当課|担当|所管課|所管|問合せ先|問い合わせ先)\s*[）)】]?\s*[：:]?\s*(.+)$/u.exec(t);
  if (labelled) t = labelled[1] ?? '';
  t = t.replace(/[）)]$/u, '').trim();
  if (!t || compact(t).length > 40 || /[。、「」]/u.test(t)) return undefined;
  const d = parseDepartment(t);
  if (!d) return undefined;
  const sectionOk = /(?:課|室|係|所|センター|館|事務所|担当)$/u.test(d.section);
  if (!d.bureau || !sectionOk || !/(?:部|局|本部|事務局|委員会)$/u.test(d.bureau)) return labelled && sectionOk ? d : undefined;
  return d;
}

function dateLine(text: string): { iso: string; text: string } | undefined {
  const t = plain(text).trim();
  const { dates } = findDates(t);
  const d = dates[0];
  if (!d || d.text.length < compact(t).length - 4) return undefined;
  return { iso: d.iso, text: d.text };
}

/** A document's number: `諮問第3号`, `緑川市諮問第3号` (the municipality's name before it). */
const NUMBER = /^[^第]{0,12}?((?:諮問|報告|審議)第[0-9一二三四五六七八九十百]+号)$/u;

const SENTENCE = /(?:規定に基づき|規定により|規定による)[^。]*(?:諮問|報告|意見を求め|お諮り)/u;

/** The 諮問書 form, if the document is one. */
function shimonForm(lines: Line[], v: Vocabulary): Read | undefined {
  const limit = Math.min(lines.length, 80);
  let ki = -1;
  let numberAt = -1;
  let sentenceAt = -1;
  for (let i = 0; i < limit; i++) {
    const c = compact(plain((lines[i] as Line).text));
    if (c === '記') {
      ki = i;
      break;
    }
    if (numberAt < 0 && NUMBER.test(c)) numberAt = i;
    if (sentenceAt < 0 && SENTENCE.test(c)) sentenceAt = i;
  }
  if (ki < 0 || (numberAt < 0 && sentenceAt < 0)) return undefined;
  const warnings: Problem[] = [];
  // The letter stays at the start of the body as written (addressee, sender, date, the
  // sentence, 記 and the subject): the body starts at the top.
  const header: Read = { form: 'shimon', basis: [], matterTexts: [], prelude: [], bodyStart: 0, warnings };
  if (numberAt >= 0) {
    const line = lines[numberAt] as Line;
    header.number = NUMBER.exec(compact(plain(line.text)))?.[1] ?? compact(plain(line.text));
    const k = kindIn(header.number, v);
    if (k) header.kind = { name: k, line: line.no };
  }
  if (sentenceAt >= 0) {
    const line = lines[sentenceAt] as Line;
    header.basis = parseBasis(line.text);
    header.basisLine = line.no;
    header.matterTexts.push(line.text);
    const k = kindOfVerb(line.text, v);
    if (k && !header.kind) header.kind = { name: k, line: line.no };
  }
  for (let i = 0; i < ki && !header.date; i++) {
    const line = lines[i] as Line;
    const d = isBlank(line) ? undefined : dateLine(line.text);
    if (d) header.date = { ...d, line: line.no };
  }
  // The subject: the first line after 記 (a 件名 label before it is allowed).
  let s = ki + 1;
  while (s < lines.length && isBlank(lines[s])) s++;
  const subject = lines[s];
  if (subject && !bareHeading(subject.text) && !subject.text.includes('\t')) {
    // Its number and a 件名 label before it are not the subject (１ 件名 住民票の写し…).
    const unnumbered = subject.text.replace(/^\s*[0-9０-９]+[\s\u3000.．]+/u, '');
    const m = TITLE.exec(unnumbered);
    const text = squash(fragmentToPlain(plain(m ? (m[1] ?? '') : unnumbered)));
    if (text && text.length <= 200) {
      header.title = { text, line: subject.no };
      header.matterTexts.push(text);
    }
  }
  // The department stands in the 審議資料 under its date (or on a labelled line anywhere).
  for (let i = s + 1; i < lines.length; i++) {
    const d = departmentLine((lines[i] as Line).text);
    if (d) {
      header.department = { value: d, line: (lines[i] as Line).no };
      break;
    }
  }
  return header;
}

/** What is left of a kind/basis line once the kind, the articles and their labels are taken out. */
function leftover(c: string, basis: Basis[]): string {
  let rest = c
    .replace(/\*\*/gu, '')
    .replace(/^条例の根拠/u, '')
    .replace(/【[^【】]*】/u, '');
  for (const b of basis) {
    rest = rest.replace(b.article, '');
    if (b.label) rest = rest.replace(compact(`(${b.label})`), '');
  }
  return rest.replace(/[◇◆・、,]/gu, '');
}

/** The council sheet, if the document has a 件名 line. */
function sheetForm(lines: Line[], v: Vocabulary): Read | undefined {
  let titleIndex = lines.findIndex((l) => TITLE.test(l.text));
  let titleLine = lines[titleIndex];
  let title = titleLine ? squash(fragmentToPlain((TITLE.exec(titleLine.text)?.[1] ?? '').replace(/\t+/gu, ' '))) : '';
  // 件名 alone on its line with the subject on the next (a table flattened by extraction).
  const alone = lines.findIndex((l) => compact(plain(l.text)) === '件名');
  if (alone >= 0 && (titleIndex < 0 || alone < titleIndex)) {
    let k = alone + 1;
    while (k < lines.length && isBlank(lines[k])) k++;
    const next = lines[k];
    if (next && !next.text.includes('\t') && !bareHeading(next.text) && !HASH_HEADING.test(next.text)) {
      titleIndex = k;
      titleLine = next;
      title = squash(fragmentToPlain(plain(next.text)));
      lines = lines.map((l, idx) => (idx === alone ? { ...l, text: '' } : l));
    }
  }
  if (titleIndex < 0 || !titleLine) return undefined;
  const warnings: Problem[] = [];
  const header: Read = {
    form: 'sheet',
    title: { text: title, line: titleLine.no },
    basis: [],
    matterTexts: [title],
    prelude: [],
    bodyStart: 0,
    warnings,
  };
  const prelude: Array<Line & { council?: boolean }> = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i] as Line;
    const t = line.text;
    const c = compact(plain(t));
    if (c === '') continue;
    if (i === titleIndex) continue;
    // The form's printed header. Only the standard wording is dropped (the record's keys say the
    // same); any other council line, e.g. one with the municipality's name, stays in the body.
    if (i < titleIndex && c === '情報公開・個人情報保護審議会諮問・報告事項') continue;
    if (i < titleIndex && /審議会/u.test(c) && !t.includes('\t')) {
      prelude.push({ ...line, council: true });
      continue;
    }
    const k = kindIn(t, v);
    const b = parseBasis(t);
    const headerWord = c === '内容は別紙のとおり' || c === '条例の根拠' || k !== undefined || b.length > 0 || /担当部課/u.test(c);
    if (i > titleIndex && !headerWord && (HASH_HEADING.test(t) || bareHeading(t))) break;
    if (i > titleIndex && t.includes('\t') && !UNDERLINE.test(t)) break;
    if (UNDERLINE.test(t) && /[-－─━—―‐]{3,}/u.test(t)) continue;
    if (c === '内容は別紙のとおり' || c === '条例の根拠') continue;
    if (k || b.length > 0) {
      if (k) header.kind = { name: k, line: line.no };
      const number = NUMBER.exec(c.replace(/[【】]/gu, ''))?.[1];
      if (number) header.number = number;
      header.basis.push(...b);
      if (b.length > 0) header.basisLine ??= line.no;
      for (const x of b) if (x.label) header.matterTexts.push(x.label);
      const rest = leftover(c, b);
      // A kind written in other words (審議事項（２）) is kept as written; 【報告】 is the record's kind.
      if (k && b.length === 0 && rest !== '' && rest !== k) prelude.push({ ...line, council: true });
      else if (rest !== '' && !(k && kindIn(rest, v) === k)) {
        prelude.push(line);
        warnings.push({
          line: line.no,
          message: 'this line has text besides the kind and article; the whole line is also kept at the start of the body',
        });
      }
      continue;
    }
    // A department on a line of its own (担当課：…) is part of the header; a numbered item or a
    // labelled value (１ 事業の目的, 委託先：…) starts the body.
    if (!/担当部課/u.test(c) && !header.department && i > titleIndex) {
      const d = departmentLine(t);
      if (d) {
        header.department = { value: d, line: line.no };
        prelude.push({ ...line, council: true }); // kept as written: its label is not in the record
        continue;
      }
    }
    if (i > titleIndex && !/担当部課/u.test(c) && (marker(plain(t)) || /^[^：:]{1,20}[：:]/u.test(c))) break;
    if (/担当部課/u.test(c)) {
      const parts = [plain(t)];
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
      const department = parseDepartment(stripDepartmentBrackets(parts.join(' ')));
      if (department) {
        header.department = { value: department, line: line.no };
        // Text the department's fields do not hold stays in the body, as written.
        const held = comparable(Object.values(department).join('\n'));
        if (parts.some((p) => sourceRuns(p).some((r) => !held.includes(r)))) {
          prelude.push({ ...line, text: parts.join('\n') });
          warnings.push({
            line: line.no,
            message: 'the 担当部課 lines hold text besides the department; they are also kept at the start of the body',
          });
        }
      } else warnings.push({ line: line.no, message: 'the 担当部課 line names no department; it is taken from the 担当課 row instead' });
      continue;
    }
    prelude.push(line);
  }
  header.bodyStart = i;
  for (const p of prelude)
    if (!p.council) warnings.push({ line: p.no, message: 'unrecognised line in the header; kept at the start of the body' });
  header.prelude = prelude.map(({ no, text, page }) => ({ no, text, ...(page !== undefined ? { page } : {}) }));
  return header;
}
