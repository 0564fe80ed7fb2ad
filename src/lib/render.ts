/**
 * A record body (Markdown with the odd HTML fragment) to HTML that is safe to show:
 * remark → rehype, raw HTML parsed, then rehype-sanitize with GitHub's schema, so nothing
 * in a filing can run script, load a frame or style the page.
 */
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import rehypeWrapTables from './rehype-wrap-tables.ts';

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize)
  .use(rehypeWrapTables)
  .use(rehypeStringify);

/** Render a record body to sanitised HTML. */
export function renderBody(markdown: string): string {
  return String(processor.processSync(markdown));
}
