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
import type { Clause } from './schema.ts';
import { compact, endsSentence, nfkc, unbracket } from './text.ts';

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

/**
 * Where the 特記事項 section is in a tree's top level: from its heading (`start`) up to the next
 * heading of the same or a higher level, or the end (`end`, exclusive). Undefined without one.
 */
export function clauseSection(root: Root): { start: number; end: number } | undefined {
  const nodes = root.children;
  const start = nodes.findIndex((n) => n.type === 'heading' && compact(toString(n)) === '特記事項');
  if (start < 0) return undefined;
  const depth = (nodes[start] as Heading).depth;
  const end = nodes.findIndex((n, i) => i > start && n.type === 'heading' && n.depth <= depth);
  return { start, end: end < 0 ? nodes.length : end };
}

/** Read the clauses of a record body. Returns [] when the body has no 特記事項 section. */
export function extractClauses(markdown: string): Clause[] {
  const root = parseBody(markdown);
  const section = clauseSection(root);
  if (!section) return [];
  const clauses: Clause[] = [];
  let heading: string | undefined;
  for (const node of root.children.slice(section.start + 1, section.end)) {
    if (node.type === 'heading') {
      heading = unbracket(toString(node));
      continue;
    }
    if (node.type === 'paragraph') {
      const text = textOf(node).trim();
      const m = /^([0-9０-９]{1,3})[ \u3000]+([\s\S]*)$/u.exec(text);
      if (m) {
        clauses.push({ number: Number(nfkc(m[1] ?? '0')), ...(heading ? { heading } : {}), text: (m[2] ?? '').trim() });
        continue;
      }
      const last = clauses[clauses.length - 1];
      if (last) last.text = endsSentence(last.text) ? `${last.text}\n${text}` : last.text + text;
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
