/**
 * The 特記事項 clauses of a record, read from its Markdown body.
 *
 * In a record the clauses are written as the officials print them:
 *
 *     ## 特記事項
 *
 *     ### (秘密の保持)
 *
 *     2 乙は、業務に関して知り得た…
 *
 *     ### (収集禁止事項)
 *
 *     5 乙は、…次に掲げる事項に関する個人情報の収集を行ってはならない。
 *
 *     - (1) 思想、信条及び宗教に関する事項
 *
 * A heading in brackets applies to every clause below it until the next heading (one heading
 * may cover several clauses, as (資料等の返還等) does for 11 and 12). A paragraph that starts
 * with a number and a space is a clause; a later paragraph without a number continues it; a
 * list holds its sub-items.
 */
import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Clause } from '../record/schema.ts';
import { marker, recordMarker, roleOf, type Shape } from '../core/numbering.ts';
import { compact, endsSentence, unbracket } from '../core/text.ts';

const reader = unified().use(remarkParse).use(remarkGfm);

/** Parse a Markdown body into its mdast tree. */
export function parseBody(markdown: string): Root {
  return reader.parse(markdown);
}

/** Text of a node with hard breaks as newlines. */
function textOf(node: RootContent): string {
  if (node.type === 'break') return '\n';
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'html') return '';
  if ('children' in node) return (node.children as RootContent[]).map(textOf).join('');
  return toString(node);
}

/** Titles of a clause set's section: 特記事項 and the names other councils give it. */
const SECTION_TITLE = /(?:特記事項|特約条項|遵守事項|特記仕様書|取扱基準|取扱要領)$/u;

function isSectionTitle(text: string, section: string | undefined): boolean {
  const c = compact(text)
    .replace(/^[(（【〔]|[)）】〕]$/gu, '')
    .replace(/[(（][^()（）]*[)）]$/u, '');
  if (section !== undefined) return c === compact(section);
  return c.length <= 40 && !/[。、「」『』]/u.test(c) && SECTION_TITLE.test(c);
}

/**
 * Where the 特記事項 section is in a tree's top level: from its heading (`start`) up to the next
 * heading of the same or a higher level, or the end (`end`, exclusive). Undefined without one.
 * `section` names the heading when it is not titled with a usual name (a record's `clause_section`).
 */
export function clauseSection(root: Root, section?: string): { start: number; end: number } | undefined {
  const nodes = root.children;
  const start = nodes.findIndex((n) => n.type === 'heading' && isSectionTitle(toString(n), section));
  if (start < 0) return undefined;
  const depth = (nodes[start] as Heading).depth;
  const end = nodes.findIndex((n, i) => i > start && n.type === 'heading' && n.depth <= depth);
  return { start, end: end < 0 ? nodes.length : end };
}

/**
 * Read the clauses of a record body. Returns [] when the body has no 特記事項 section. The first
 * numbered paragraph sets the shape of the clause numbers (1, 第1, 第1条); under 第N and 第N条 a
 * paragraph numbered with a bare number is a paragraph (項) of the article, kept in its text.
 */
export function extractClauses(markdown: string | Root, section?: string): Clause[] {
  const root = typeof markdown === 'string' ? parseBody(markdown) : markdown;
  const range = clauseSection(root, section);
  if (!range) return [];
  const clauses: Clause[] = [];
  let heading: string | undefined;
  let top: Shape | undefined;
  for (const node of root.children.slice(range.start + 1, range.end)) {
    if (node.type === 'heading') {
      heading = unbracket(toString(node));
      continue;
    }
    if (node.type === 'paragraph') {
      const text = textOf(node).trim();
      const m = marker(text);
      const role = m && (top === undefined ? 'clause' : roleOf(m, top));
      if (m && role === 'clause') {
        top ??= m.shape;
        const written = recordMarker(m);
        clauses.push({
          number: m.value,
          ...(written !== String(m.value) ? { marker: written } : {}),
          ...(heading ? { heading } : {}),
          text: m.rest,
        });
        continue;
      }
      const last = clauses[clauses.length - 1];
      if (last)
        last.text = last.text === '' ? text : endsSentence(last.text) || role === 'paragraph' ? `${last.text}\n${text}` : last.text + text;
      continue;
    }
    if (node.type === 'list') {
      const last = clauses[clauses.length - 1];
      if (!last) continue;
      last.items = [...(last.items ?? []), ...node.children.map((item) => textOf(item).trim())];
    }
  }
  return clauses;
}
