/**
 * HTML fragments found inside table cells and lines of extracted text (`<p>`, `<ol>`, `<li>`,
 * `<b>`, `<table>`) converted to Markdown trees with unified's hast → mdast, never by regex.
 */
import type { Element, Nodes as HastNodes, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Html, PhrasingContent, Root, RootContent } from 'mdast';
import { toMdast } from 'hast-util-to-mdast';
import { toString } from 'mdast-util-to-string';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

// Elements whose content the HTML parser keeps as raw text. hast-util-to-mdast would drop
// them with their text; a filing's text must never be dropped, so it becomes plain text
// (inert: it is escaped when the Markdown is written).
const RAW_TEXT = new Set([
  'script',
  'style',
  'iframe',
  'noscript',
  'textarea',
  'title',
  'xmp',
  'noembed',
  'noframes',
  'template',
  'object',
  'svg',
  'math',
]);

/**
 * The elements extracted text carries (a cell's paragraphs, lists, tables, emphasis) and the
 * raw-text ones that must stay inert. Angle brackets that open none of these are text:
 * `<A社>と<B社>`, `a<b かつ c>d`, `<NEC>` — parsed as tags they would vanish with their words.
 */
const ELEMENTS = new Set([
  ...'p br hr ol ul li dl dt dd table thead tbody tfoot tr td th caption colgroup col div span b strong i em u s strike small big sup sub font center a img h1 h2 h3 h4 h5 h6 pre code blockquote ruby rt rp'.split(
    ' ',
  ),
  ...RAW_TEXT,
]);
/** A tag: its name, then attributes that are attributes (name, or name=value). */
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/gu;

/** The text with every `<` that opens no tag of ELEMENTS (nor a comment) written as `&lt;`, so the parser keeps it as text. */
export function escapeStrayAngles(text: string): string {
  const tags = new Set<number>();
  for (const m of text.matchAll(TAG)) if (ELEMENTS.has((m[2] ?? '').toLowerCase())) tags.add(m.index);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    out += ch === '<' && !tags.has(i) && !text.startsWith('<!--', i) ? '&lt;' : ch;
  }
  return out;
}

/** True when a piece of text contains an HTML tag (and so needs the HTML parser). */
export function hasHtml(text: string): boolean {
  for (const m of text.matchAll(TAG)) if (ELEMENTS.has((m[2] ?? '').toLowerCase())) return true;
  return false;
}

function keepRawText(node: HastRoot | Element): void {
  node.children = node.children.map((child): HastContent => {
    if (child.type === 'element') {
      if (RAW_TEXT.has(child.tagName)) {
        const text = toText(child as HastNodes);
        return { type: 'text', value: text };
      }
      keepRawText(child);
    }
    return child;
  });
}

const parser = unified().use(rehypeParse, { fragment: true });

/** Parse an HTML fragment into Markdown block nodes. */
export function htmlToBlocks(html: string): RootContent[] {
  const hast = parser.parse(escapeStrayAngles(html));
  keepRawText(hast);
  const mdast = toMdast(hast) as Root;
  return mdast.children;
}

const BR: Html = { type: 'html', value: '<br>' };

/** Flatten blocks into phrasing content for a table cell, separating blocks with `<br>`. */
export function blocksToPhrasing(blocks: RootContent[]): PhrasingContent[] {
  const lines: PhrasingContent[][] = [];
  const walk = (node: RootContent): void => {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
      case 'tableCell':
        lines.push(node.children);
        return;
      case 'list':
      case 'listItem':
      case 'blockquote':
        for (const child of node.children) walk(child as RootContent);
        return;
      case 'table':
        for (const row of node.children) {
          const cells: PhrasingContent[] = [];
          row.children.forEach((cell, i) => {
            if (i > 0) cells.push({ type: 'text', value: ' ' });
            cells.push(...cell.children);
          });
          lines.push(cells);
        }
        return;
      case 'code':
        lines.push([{ type: 'text', value: node.value }]);
        return;
      case 'thematicBreak':
        return;
      default:
        if ('children' in node) {
          lines.push(node.children as PhrasingContent[]);
        } else if ('value' in node && node.type !== 'html') {
          lines.push([{ type: 'text', value: String(node.value) }]);
        }
    }
  };
  for (const block of blocks) walk(block);
  const out: PhrasingContent[] = [];
  lines
    .filter((l) => toString({ type: 'paragraph', children: l }).trim() !== '')
    .forEach((line, i) => {
      if (i > 0) out.push(BR);
      out.push(...trimPhrasing(line));
    });
  return out;
}

function trimPhrasing(nodes: PhrasingContent[]): PhrasingContent[] {
  const copy = nodes.map((n) => ({ ...n }));
  const first = copy[0];
  if (first?.type === 'text') first.value = first.value.replace(/^\s+/u, '');
  const last = copy[copy.length - 1];
  if (last?.type === 'text') last.value = last.value.replace(/\s+$/u, '');
  return copy;
}

/**
 * Plain text of a cell or fragment: blocks joined by newlines, whitespace inside a line
 * squashed. This is what goes into frontmatter fields.
 */
export function phrasingToPlain(nodes: PhrasingContent[]): string {
  const lines: string[] = [''];
  for (const node of nodes) {
    if (node.type === 'html' && /^<br\s*\/?>$/iu.test(node.value)) lines.push('');
    else if (node.type === 'break') lines.push('');
    else lines[lines.length - 1] += toString(node, { includeHtml: false });
  }
  return lines
    .map((l) => l.replace(/[ \t]+/gu, ' ').trim())
    .filter((l) => l !== '')
    .join('\n');
}

// The one Markdown marker the field guide says plain lines carry is **bold**; nothing else in
// a plain line is interpreted, so a stray `*`, `[` or `_` in a filing stays literal text.
const BOLD = /\*\*(.+?)\*\*/gu;

/** Phrasing content of one plain (non-HTML) piece of text, honouring **bold** markers. */
export function textToPhrasing(text: string): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let last = 0;
  for (const m of text.matchAll(BOLD)) {
    if (m.index > last) out.push({ type: 'text', value: text.slice(last, m.index) });
    out.push({ type: 'strong', children: [{ type: 'text', value: m[1] ?? '' }] });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ type: 'text', value: text.slice(last) });
  return out;
}

/** A cell or line as phrasing content: HTML parsed, plain text kept (with **bold**). */
export function fragmentToPhrasing(text: string): PhrasingContent[] {
  return hasHtml(text) ? blocksToPhrasing(htmlToBlocks(text)) : textToPhrasing(text.trim());
}

/** A cell or line as plain text (for frontmatter fields). */
export function fragmentToPlain(text: string): string {
  return phrasingToPlain(fragmentToPhrasing(text));
}
