/**
 * What the search index holds for each filing: its tokens (search-tokens.ts), the metadata a
 * result shows, the plain text for excerpts, and the facet values.
 *
 * The 特記事項 are the same text in thousands of filings (a few versions and local variants), and
 * indexed with every filing they made half of the index and most of the work of a search (Pagefind
 * scans the page list of every query token for each result). So each distinct 特記事項 text is
 * indexed once, as a record of its own, and every filing carries its `clauseset` as a filter: a
 * search finds filings by their own text, and by the clause sets that contain the term (the page
 * unites the two, src/browser/search.ts). Nothing is left out: a filing's own text and its
 * clause section together are exactly its whole text.
 */
import type { Entry } from '../../record/schema.ts';
import { clauseSection, parseBody } from '../../clauses/extract.ts';
import { createHash } from 'node:crypto';
import { formatEraWithIso } from '../../core/era.ts';
import { DEFAULT_CONFIG, selfWord } from '../../record/config.ts';
import { FIELD_LABELS, municipalityMeasuresLabel } from '../../words/fields.ts';
import { toString } from 'mdast-util-to-string';
import type { Root, RootContent } from 'mdast';
import { WORD_FACETS, type ResultMeta } from '../format.ts';
import { CLAUSE_SHARD, clauseSetToken, clauseSetValue, contentTokens, filterWord, shardOf, type Stream } from '../tokens.ts';

/** A Pagefind custom record. */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: ResultMeta;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/**
 * The language the index is written under. Not `ja`: Pagefind would re-segment our tokens for
 * ja, zh and th; any other code leaves whitespace-separated words alone, and this one has no
 * stemmer either, so a query goes through exactly the steps its tokens were indexed with.
 */
export const SEARCH_LANGUAGE = 'zxx';

/** Plain text of mdast nodes, one line per block, table cells separated. */
function nodesText(nodes: RootContent[]): string {
  const lines: string[] = [];
  const walk = (node: Root | RootContent): void => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      lines.push(toString(node, { includeHtml: false }));
      return;
    }
    if ('children' in node) for (const c of node.children) walk(c as RootContent);
  };
  for (const n of nodes) walk(n);
  return lines.filter((l) => l.trim() !== '').join('\n');
}

/** Plain text of a Markdown body, one line per block, table cells separated. */
export function bodyText(markdown: string): string {
  return nodesText(parseBody(markdown).children);
}

/**
 * A body cut in two: the 特記事項 section (its heading up to the next heading of the same or a
 * higher level) and everything else. Each block is in exactly one of them.
 */
export function splitBody(markdown: string): { own: string; clauses: string } {
  return splitBodyUnder(markdown);
}

/**
 * splitBody for a record whose 特記事項 are under a heading of their own: `clauseHeading` names
 * it, as a record's `clause_section` does (別記, 別紙2); without it the usual titles are found.
 */
export function splitBodyUnder(markdown: string, clauseHeading?: string): { own: string; clauses: string } {
  const root = parseBody(markdown);
  const nodes = root.children;
  const section = clauseSection(root, clauseHeading);
  if (!section) return { own: nodesText(nodes), clauses: '' };
  const { start, end } = section;
  return { own: nodesText([...nodes.slice(0, start), ...nodes.slice(end)]), clauses: nodesText(nodes.slice(start, end)) };
}

/** The id of a clause set: a short hash of its text, so equal texts share one record. */
export function clauseSetId(clauses: string): string {
  return `cs-${createHash('sha256').update(clauses).digest('hex').slice(0, 12)}`;
}

/**
 * The facts of a filing as labelled lines, as a result shows a hit in one (再委託先：株式会社BCC
 * （コールセンター）): the label, the value shown, and the value as indexed (which keeps the words it
 * always had, such as a company's role).
 */
export function factLines(entry: Entry, self: string): Array<{ label: string; shown: string; indexed: string }> {
  const d = entry.data;
  const L = FIELD_LABELS;
  const line = (label: string, shown: string | undefined, indexed = shown): { label: string; shown: string; indexed: string } => ({
    label,
    shown: shown ?? '',
    indexed: indexed ?? '',
  });
  return [
    line(L.title, d.title),
    line(L.kind, d.kind),
    line(L.number, d.number),
    line(L.matters, d.matters.join('、')),
    line(L.date, formatEraWithIso(d.date)),
    ...d.basis.map((b) => line(L.basis, `${b.article}${b.label ? `（${b.label}）` : ''}`, `${b.article} ${b.label ?? ''}`)),
    line(L.department, [d.department.bureau, d.department.section, d.department.unit, d.department.contact].filter(Boolean).join(' ')),
    ...d.contractors.map((c) =>
      line(
        c.change ? `${c.role}（${c.change}）` : c.role,
        `${c.name}${c.task ? `（${c.task}）` : ''}${c.group ? `・${c.group}` : ''}`,
        [c.name, c.role, c.task, c.group].filter(Boolean).join(' '),
      ),
    ),
    line(L.contractor_status, d.contractor_status),
    line(L.period, d.period?.text),
    line(L.items, d.items.join('、')),
    line(L.media, d.media),
    line(L.purpose, d.purpose),
    line(L.subjects, d.subjects),
    line(municipalityMeasuresLabel(self), d.measures.municipality),
    line(L.contractor, d.measures.contractor),
    line(L.references, d.references.join('、')),
  ].filter((l) => l.indexed.trim() !== '');
}

/** The facts of a filing as lines of text: what a search should find besides the body. */
function factsText(entry: Entry): string {
  // Only the values are indexed: the labels (and so the municipality's word) are not.
  return factLines(entry, '')
    .map((l) => l.indexed)
    .join('\n');
}

/** All the text of a filing a search should find: its facts, then its body. */
export function filingText(entry: Entry): string {
  return [factsText(entry), bodyText(entry.body)].join('\n');
}

/**
 * What the records of one filing or clause set share in every stream: everything but the
 * tokens, and the text, shard and clause-set word the tokens are made from (searchRecord).
 */
export interface SearchDocument extends Omit<SearchRecord, 'content'> {
  text: string;
  shard: number;
  /** The words last in its content: the filing's clause set (clauseSetToken) and its filter values (filterWord). */
  words?: string[];
}

/**
 * The search documents of a set of filings, in the order they are to be indexed: the filings
 * newest first (a search without a term lists them in this order), then one per distinct
 * clause set, newest first too. Each filing is in its date shard (search-tokens.ts), each
 * clause set in the clause shard. `split` cuts a body as splitBodyUnder does, under the record's
 * `clause_section` (the indexer passes a cached one).
 */
export function searchDocuments(
  entries: Iterable<Entry>,
  base: string,
  split: typeof splitBodyUnder = splitBodyUnder,
  versionOf: (id: string) => { id: string; name: string } | undefined = () => undefined,
  self: string = selfWord(DEFAULT_CONFIG),
): SearchDocument[] {
  const sorted = [...entries].sort((a, b) => b.data.date.localeCompare(a.data.date) || a.id.localeCompare(b.id));
  const sets = new Map<string, string>();
  const docs = sorted.map((entry, rank) => {
    const { own, clauses } = split(entry.body, entry.data.clause_section);
    const set = clauses === '' ? undefined : clauseSetId(clauses);
    if (set && !sets.has(set)) sets.set(set, clauses);
    return filingDocument(entry, `${base}filings/${entry.id}/`, {
      own,
      set,
      shard: shardOf(rank, sorted.length),
      version: versionOf(entry.id),
      self,
    });
  });
  let rank = 0;
  for (const [set, clauses] of sets) docs.push(clauseSetDocument(set, clauses, `${base}clauses/#${set}`, rank++));
  return docs;
}

/** A document's tokens in one token stream: its text's, then its words (clause set, filter values). */
export function documentTokens(doc: SearchDocument, stream: Stream): string[] {
  return [...contentTokens(doc.text, doc.shard, stream), ...(doc.words ?? [])];
}

/** A document's record in one token stream (for tests and tools; the indexer writes the streams into one index, src/lib/search/indexer/indexer.ts). */
export function searchRecord(doc: SearchDocument, stream: Stream): SearchRecord {
  const { url, language, meta, filters, sort } = doc;
  return { url, language, meta, filters, sort, content: documentTokens(doc, stream).join(' ') };
}

/** The records of a set of filings in one stream: searchDocuments, then searchRecord, one at a time. */
export function* searchRecords(
  entries: Iterable<Entry>,
  base: string,
  { stream = 'tri', split = splitBodyUnder }: { stream?: Stream; split?: typeof splitBodyUnder } = {},
): Generator<SearchRecord> {
  for (const doc of searchDocuments(entries, base, split)) yield searchRecord(doc, stream);
}

/**
 * The document of one clause set, `rank` by its newest filing. Its tokens are in the clause
 * shard, so only a search there finds it, and its filter `set` (not `clauseset`, which only
 * filings carry) names it.
 */
export function clauseSetDocument(set: string, clauses: string, url: string, rank: number): SearchDocument {
  return {
    url,
    text: clauses,
    shard: CLAUSE_SHARD,
    language: SEARCH_LANGUAGE,
    meta: { text: clauses },
    filters: { set: [clauseSetValue(rank, set)] },
    sort: {},
  };
}

/**
 * The search document of one filing; `url` is the page's path under the base. `own` is the body
 * text outside the 特記事項 (whole body when not given), `set` the filing's clause set and
 * `shard` the suffix of its tokens.
 */
export function filingDocument(
  entry: Entry,
  url: string,
  {
    own = bodyText(entry.body),
    set,
    shard = 0,
    version,
    self = selfWord(DEFAULT_CONFIG),
  }: { own?: string; set?: string | undefined; shard?: number; version?: { id: string; name: string } | undefined; self?: string } = {},
): SearchDocument {
  const d = entry.data;
  const text = [factsText(entry), own].join('\n');
  const filters: Record<string, string[]> = {
    kind: [d.kind],
    year: [d.date.slice(0, 4)],
    fy: [fiscalYear(d.date)],
    bureau: d.department.bureau ? [d.department.bureau] : [],
    section: [d.department.section],
    contractor: [...new Set(d.contractors.map((c) => c.name))],
    article: [...new Set(d.basis.map((b) => b.article))],
    item: [...new Set(d.items)],
    ...(version ? { version: [version.id] } : {}),
    ...(set ? { clauseset: [set] } : {}),
  };
  const words = [
    ...(set ? [clauseSetToken(set)] : []),
    ...WORD_FACETS.flatMap((facet) => (filters[facet] ?? []).map((v) => filterWord(facet, v))),
  ];
  return {
    url,
    text,
    shard,
    words,
    language: SEARCH_LANGUAGE,
    // Kept out of the index (src/lib/search/indexer/indexer.ts adds it to the fragments), shown by the page:
    // the facts with their labels (label TAB value, a line each) and the body's own text.
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
      items: d.items.join('\n'),
      ...(version ? { version: version.name, versionId: version.id } : {}),
      facts: factLines(entry, self)
        .map((l) => `${l.label}\t${l.shown}`)
        .join('\n'),
      body: own,
    },
    filters,
    // No sort key: Pagefind's sorting scans every page for every result; records are indexed
    // newest first instead, and results come in that order.
    sort: {},
  };
}

/** The fiscal year (年度, April to March) of an ISO date; a date of only a year is that year. */
export function fiscalYear(iso: string): string {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7) || '4');
  return String(month >= 4 ? year : year - 1);
}
