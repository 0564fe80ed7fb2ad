/**
 * What the search index holds for each filing: its tokens (search-tokens.ts), the metadata a
 * result shows, the plain text for excerpts, and the facet values.
 */
import type { Entry } from './archive.ts';
import { parseBody } from './clauses.ts';
import { formatEraWithIso } from './era.ts';
import { toString } from 'mdast-util-to-string';
import type { Root, RootContent } from 'mdast';
import { indexTokens } from './search-tokens.ts';

/** A Pagefind custom record. */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/**
 * The language the index is written under. Not `ja`: Pagefind would re-segment our tokens for
 * ja, zh and th; any other code leaves whitespace-separated words alone, and this one has no
 * stemmer either, so a query goes through exactly the steps its tokens were indexed with.
 */
export const SEARCH_LANGUAGE = 'zxx';

/** Plain text of a Markdown body, one line per block, table cells separated. */
export function bodyText(markdown: string): string {
  const lines: string[] = [];
  const walk = (node: Root | RootContent): void => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      lines.push(toString(node, { includeHtml: false }));
      return;
    }
    if ('children' in node) for (const c of node.children) walk(c as RootContent);
  };
  walk(parseBody(markdown));
  return lines.filter((l) => l.trim() !== '').join('\n');
}

/** All the text of a filing a search should find: its facts, then its body. */
export function filingText(entry: Entry): string {
  const d = entry.data;
  const facts = [
    d.title,
    d.kind,
    formatEraWithIso(d.date),
    ...d.basis.map((b) => `${b.article} ${b.label ?? ''}`),
    [d.department.bureau, d.department.section, d.department.unit, d.department.contact].filter(Boolean).join(' '),
    ...d.contractors.map((c) => [c.name, c.role, c.task, c.group].filter(Boolean).join(' ')),
    d.contractor_status ?? '',
    d.period?.text ?? '',
    d.items.join('、'),
    d.media ?? '',
    d.purpose ?? '',
    d.subjects ?? '',
    d.measures.municipality ?? '',
    d.measures.contractor ?? '',
    d.references.join('、'),
  ];
  return [...facts.filter((f) => f.trim() !== ''), bodyText(entry.body)].join('\n');
}

/** The search record of one filing; `url` is the page's path under the base. */
export function searchRecord(entry: Entry, url: string): SearchRecord {
  const d = entry.data;
  const text = filingText(entry);
  return {
    url,
    content: indexTokens(text).join(' '),
    language: SEARCH_LANGUAGE,
    // Pagefind indexes metadata too, so every value here is also in the text (no ids, no JSON).
    meta: {
      title: d.title,
      kind: d.kind,
      date: d.date,
      dateLabel: formatEraWithIso(d.date),
      department: [d.department.bureau, d.department.section].filter(Boolean).join(' '),
      bureau: d.department.bureau ?? '',
      section: d.department.section,
      contractors: [...new Set(d.contractors.map((c) => c.name))].join('\n'),
      articles: [...new Set(d.basis.map((b) => b.article))].join('\n'),
      text,
    },
    filters: {
      kind: [d.kind],
      year: [d.date.slice(0, 4)],
      bureau: d.department.bureau ? [d.department.bureau] : [],
      section: [d.department.section],
      contractor: [...new Set(d.contractors.map((c) => c.name))],
      article: [...new Set(d.basis.map((b) => b.article))],
    },
    sort: { date: d.date },
  };
}
