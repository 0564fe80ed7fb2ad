/**
 * The importer's promise: every non-whitespace character of the source text, markup aside,
 * is in the record. This check is independent of the parser: it cuts the source into runs of
 * text (splitting at whitespace, tabs, brackets and list punctuation, dropping HTML tags and
 * Markdown markers) and looks for each run in the record's text (frontmatter values and the
 * body's text), both compared in NFKC with whitespace removed.
 */
import type { Nodes as HastNodes } from 'hast';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { parseBody } from '../clauses/extract.ts';
import { compact } from '../core/text.ts';
import { escapeStrayAngles } from './decode/html.ts';

/** Printed form labels whose meaning the record carries in its keys rather than as text. */
const FORM_LABELS = new Set([
  '情報公開',
  '個人情報保護審議会',
  '諮問',
  '報告事項',
  '件名',
  '内容は別紙のとおり',
  '条例の根拠',
  '担当部課',
  '担当係',
]);

const html = unified().use(rehypeParse, { fragment: true });

/**
 * Text as compared: compact (NFKC, no white space), and the wave dash 〜 (U+301C) taken for the
 * full-width tilde ～ (U+FF5E): Japanese fonts draw both with one glyph, so a PDF gives back
 * whichever its font maps that glyph to.
 */
export function comparable(text: string): string {
  return compact(text).replace(/\u301c/gu, '~');
}

function hastText(node: HastNodes): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((c) => hastText(c as HastNodes)).join(' ');
  return '';
}

/** The runs of text in one source line, markup removed. */
export function sourceRuns(line: string): string[] {
  // Control characters are not text; the importer removes them with a warning.
  let t = line.replace(/\p{Cc}/gu, (c) => (c === '\t' ? c : ''));
  if (/<\/?[a-zA-Z]/u.test(t))
    t = t
      .split('\t')
      .map((cell) => hastText(html.parse(escapeStrayAngles(cell))))
      .join('\t');
  t = t
    .replace(/件[\s\u3000]+名/u, '件名')
    .replace(/^\s*#{1,6}\s+/u, '')
    .replace(/^\s*[-*+]\s+/u, '')
    .replace(/\*\*/gu, '');
  if (/^[\s\-－─━—―‐_＿=＝]*$/u.test(t)) return [];
  // The form's printed heading, whole (however a wrap joined it): its meaning is in the record's keys.
  if (compact(t) === '情報公開・個人情報保護審議会諮問・報告事項') return [];
  return t
    .split(/[\s\u3000\t（）()【】［］[\]「」『』：:、，,。．・◇◆○●■□※{}]+/u)
    .map(comparable)
    .filter((r) => r !== '' && !FORM_LABELS.has(r));
}

function valuesOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(valuesOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(valuesOf);
  return [];
}

/** The record's text in compact form: frontmatter string values, then the body's text. */
export function recordText(data: unknown, body: string | Root): string {
  // Values are joined with a newline so that NFKC cannot compose a combining mark at the start
  // of one value with the last letter of the previous one.
  return comparable([...valuesOf(data), toString(typeof body === 'string' ? parseBody(body) : body, { includeHtml: false })].join('\n'));
}

/**
 * Runs of the source (with their line numbers) that the record does not contain. The source is
 * a text, or the importer's lines (each with the line it starts on).
 */
export function missingText(
  source: string | ReadonlyArray<{ no: number; text: string }>,
  data: unknown,
  body: string | Root,
): Array<{ line: number; text: string }> {
  const haystack = recordText(data, body);
  const lines = typeof source === 'string' ? source.split('\n').map((text, i) => ({ no: i + 1, text })) : source;
  const missing: Array<{ line: number; text: string }> = [];
  for (const line of lines)
    for (const run of sourceRuns(line.text)) if (!haystack.includes(run)) missing.push({ line: line.no, text: run });
  return missing;
}
