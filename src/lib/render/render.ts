/**
 * A record body (Markdown with the odd HTML fragment) to HTML that is safe to show:
 * remark → rehype, raw HTML parsed, then rehype-sanitize with GitHub's schema, so nothing
 * in a filing can run script, load a frame or style the page. Section headings get ids for the
 * contents list, wide tables a scrolling wrapper and column widths, notes about formatting the
 * text lost a word on it.
 */
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import rehypeBodyOutline from './rehype-body-outline.ts';
import rehypeColumnWidths from './rehype-column-widths.ts';
import rehypeFormatNote from './rehype-format-note.ts';
import rehypeWrapTables from './rehype-wrap-tables.ts';

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize)
  // After sanitising: the ids and classes these add are the site's own.
  .use(rehypeBodyOutline)
  .use(rehypeFormatNote)
  .use(rehypeColumnWidths)
  .use(rehypeWrapTables)
  .use(rehypeStringify);

/** A rendered body: its HTML and its section headings. */
export interface RenderedBody {
  html: string;
  headings: Array<{ id: string; text: string }>;
}

/** Render a record body to sanitised HTML; `original` is the URL of its published original, if any. */
export function renderBody(markdown: string, options: { original?: string | undefined } = {}): RenderedBody {
  const file = new VFile({ value: markdown, data: options.original ? { original: options.original } : {} });
  const html = String(processor.processSync(file));
  return { html, headings: file.data.headings ?? [] };
}
