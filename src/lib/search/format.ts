/**
 * What the indexer and the browser's search must agree on, in one place: the search format's
 * version, the facets of a filing (one table: the URL parameter, its label, and where it serves)
 * and the metadata a result carries.
 */

/**
 * The version of everything the query side must agree on with the index: the token streams and
 * their marks, the shards, the n-gram rules, the filter words, the reading buckets and names.json
 * (2: filter words; names searched without their legal form). Change it with any of them:
 * tests/publish/manifest.test.ts pins the tokens of a sample text to this value and fails when
 * they change while it does not.
 */
export const SEARCH_FORMAT = 'council-archive-search/2';

/**
 * The facets of a filing. `word`: the filing also carries each value as a word (filterWord in
 * tokens.ts), so the query instance keeps a query's results to a filter's pages by a word search
 * (a year chip or a value chosen in the panel costs one index chunk, not a second Pagefind
 * instance with its filters). `search`: a filter of the search page (and its URL parameter).
 * `list`: a filter of the filings list (/filings/), named as on the search page so that a link
 * carries a filter from one page to the other.
 */
export const FACET_TABLE = {
  kind: { label: '種別', word: true, search: true, list: true },
  year: { label: '年', word: true, search: true, list: true },
  fy: { label: '年度', word: true, search: true, list: false },
  bureau: { label: '部', word: true, search: true, list: true },
  section: { label: '課', word: true, search: true, list: true },
  contractor: { label: '委託先', word: true, search: true, list: true },
  task: { label: '再委託の業務', word: false, search: false, list: true },
  article: { label: '条例の根拠', word: true, search: true, list: true },
  item: { label: '個人情報の項目', word: true, search: true, list: true },
  version: { label: '特記事項の版', word: true, search: true, list: true },
  /** On a portal: which archive. */
  municipality: { label: '自治体', word: false, search: true, list: false },
} as const;

export type FacetKey = keyof typeof FACET_TABLE;
type FacetsWhere<K extends 'word' | 'search' | 'list'> = {
  [F in FacetKey]: (typeof FACET_TABLE)[F][K] extends true ? F : never;
}[FacetKey];

const where = <K extends 'word' | 'search' | 'list'>(k: K): Array<FacetsWhere<K>> =>
  (Object.keys(FACET_TABLE) as FacetKey[]).filter((f): f is FacetsWhere<K> => FACET_TABLE[f][k]);

/** The facets a filing carries as words, in table order. */
export const WORD_FACETS: readonly string[] = where('word');
/** The search page's filters, in the order its panel shows them; also its URL parameters. */
export const SEARCH_FACETS = where('search');
export type SearchFacet = (typeof SEARCH_FACETS)[number];
/** The filings list's filters, in the order its form shows them; also the URL parameters and `data-*` keys. */
export const FILING_FACETS = where('list');
export type FilingFacet = (typeof FILING_FACETS)[number];

/** The metadata of a result (a filing's or a clause set's), as the indexer writes it and the page reads it. */
export interface ResultMeta {
  title?: string;
  kind?: string;
  /** ISO date. */
  date?: string;
  /** The date in era form with its ISO date. */
  dateLabel?: string;
  department?: string;
  bureau?: string;
  section?: string;
  /** One per line. */
  contractors?: string;
  articles?: string;
  items?: string;
  /** The clause version's name and id. */
  version?: string;
  versionId?: string;
  /** The facts with their labels: label TAB value, a line each. */
  facts?: string;
  /** The body's own text (outside the 特記事項). */
  body?: string;
  /** A clause set's text. */
  text?: string;
}
