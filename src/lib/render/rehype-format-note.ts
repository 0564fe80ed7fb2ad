/**
 * rehype plugin: a record body's text that points at formatting the original had — 「※太ゴシック
 * （下線）は、…からの変更内容」 — refers to bold or underlined words the text extraction did not
 * keep, so the page cannot show them. Such a paragraph gets a note saying so, with a link to the
 * original (`file.data.original`) when it is published.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { FILING_WORDS as W } from '../words/filing.ts';
import { UI } from '../words/pages.ts';

declare module 'vfile' {
  interface DataMap {
    /** The URL of the record's original, when published (for rehype-format-note). */
    original: string;
  }
}

/** Text that explains what a typeface or underline marks: 太ゴシック（下線）は…, 下線部は…, 網掛けの部分は…. */
export const FORMAT_REFERENCE = /(太ゴシック|ゴシック体|太字|下線|傍線|網掛け|斜体|赤字)[^。]{0,12}(は|が)、?/u;

export default function rehypeFormatNote() {
  return (tree: Root, file: VFile): void => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'p' || !FORMAT_REFERENCE.test(toText(node))) return;
      const original = file.data.original;
      const note: ElementContent[] = original
        ? [
            { type: 'text', value: W.formatNote },
            { type: 'element', tagName: 'a', properties: { href: original }, children: [{ type: 'text', value: UI.original }] },
          ]
        : [{ type: 'text', value: W.formatNoteNoOriginal }];
      node.children.push({ type: 'element', tagName: 'span', properties: { className: ['format-note'] }, children: note });
    });
  };
}
