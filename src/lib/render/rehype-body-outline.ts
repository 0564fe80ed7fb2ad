/**
 * rehype plugin: give each section heading (h2) of a record body an id (`body-1`, `body-2`…) and
 * collect the headings into `file.data.headings`, for the filing page's contents list.
 */
import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

declare module 'vfile' {
  interface DataMap {
    /** The body's section headings, in order (rehype-body-outline). */
    headings: Array<{ id: string; text: string }>;
  }
}

export default function rehypeBodyOutline() {
  return (tree: Root, file: VFile): void => {
    const headings: Array<{ id: string; text: string }> = [];
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'h2') return;
      const id = `body-${headings.length + 1}`;
      node.properties['id'] = id;
      headings.push({ id, text: toText(node).trim() });
    });
    file.data.headings = headings;
  };
}
