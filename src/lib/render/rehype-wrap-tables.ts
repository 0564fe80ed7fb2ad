/**
 * rehype plugin: wrap each table of a record body in a scrollable, keyboard-focusable region,
 * so wide annex tables scroll on a phone instead of widening the page.
 */
import type { Element, Root } from 'hast';
import { visit, SKIP } from 'unist-util-visit';

export default function rehypeWrapTables() {
  return (tree: Root): void => {
    let n = 0;
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'table' || !parent || index === undefined) return undefined;
      n++;
      const wrapper: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['table-wrap'], tabIndex: 0, role: 'region', ariaLabel: `表${n}` },
        children: [node],
      };
      parent.children[index] = wrapper;
      return SKIP;
    });
  };
}
