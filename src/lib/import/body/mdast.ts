/** The Markdown tree's nodes the body is built of, from the importer's lines. */
import type { Heading, List, Paragraph, PhrasingContent } from 'mdast';
import { fragmentToPhrasing } from '../decode/html.ts';
import type { Line } from '../source.ts';

export function heading(depth: number, text: string): Heading {
  return { type: 'heading', depth: Math.min(6, Math.max(2, depth)) as Heading['depth'], children: fragmentToPhrasing(text) };
}

export function paragraphOf(ls: Line[]): Paragraph {
  const children: PhrasingContent[] = [];
  ls.forEach((l, idx) => {
    if (idx > 0) children.push({ type: 'break' });
    children.push(...fragmentToPhrasing(l.text));
  });
  return { type: 'paragraph', children };
}

export function listOf(texts: string[]): List {
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
