/** Text extractions in: lines as they are; a form feed (pdftotext's page break) starts a new page. */
import type { SourceDoc } from '../source.ts';

/** Text (a text extraction) as a decoded document: a form feed starts a new page. */
export function textDocument(text: string): SourceDoc {
  const raw = text.replace(/^\uFEFF/u, '').split('\n');
  const paged = raw.some((l) => l.includes('\f'));
  let page = 1;
  let pages = 0;
  const lines = raw.map((t) => {
    // pdftotext writes the form feed before the first line of the next page.
    page += (t.match(/\f/gu) ?? []).length;
    const text = t.replace(/\f/gu, '');
    if (text.trim() !== '') pages = Math.max(pages, page);
    return { text, ...(paged ? { page } : {}) };
  });
  return { format: 'text', lines, ...(paged ? { pages } : {}), notes: [] };
}
