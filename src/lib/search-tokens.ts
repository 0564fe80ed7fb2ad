/**
 * Search tokens, shared by the indexer (build time) and the search page (browser), so a query
 * is always cut exactly as the text was. No dictionary is needed in the browser.
 *
 * Text is NFKC-normalised and lower-cased (ＢＣＣ = BCC, full-width digits, half-width kana).
 * Runs of letters and digits (kanji, kana, ー, Latin, digits) are cut into overlapping character
 * bigrams, one token per character position, as Groonga's TokenBigram does, so any substring of
 * two or more characters is a contiguous run of tokens: an exact phrase search on those tokens
 * finds exactly the filings that contain the substring (住民票コード never matches a filing that
 * has 住民票 and コード apart; 00 finds 2008).
 *
 * A run of n characters gives n tokens: n-1 bigrams and its last character alone, so a query
 * term of one character, or one with a space or punctuation in it ("電子 申請"), lines up with
 * the ends of runs in the text.
 */

const WORD = /[\p{L}\p{N}]/u;

/** NFKC and lower case: the one normalisation both sides apply. */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * The characters of a text as search sees them: normalised, combining marks dropped, letters
 * spread by PDF extraction (端末 I D) joined back, and anything that is not a letter or digit
 * as a single separator (a space).
 */
function searchChars(text: string): string {
  return normalizeForSearch(text)
    .replace(/\p{M}+/gu, '')
    .replace(/(?<![\p{L}\p{N}])\p{Script=Latin}(?: \p{Script=Latin}(?![\p{L}\p{N}]))+/gu, (m) => m.replace(/ /gu, ''))
    .replace(/[^\p{L}\p{N}]+/gu, ' ');
}

/** Runs of letters and digits (any script); anything else separates runs. */
function runs(text: string): string[][] {
  return searchChars(text)
    .split(' ')
    .filter(Boolean)
    .map((r) => [...r]);
}

/** Tokens to index: for each run, its overlapping bigrams, then its last character alone. */
export function indexTokens(text: string): string[] {
  const out: string[] = [];
  for (const c of runs(text)) {
    for (let i = 0; i < c.length - 1; i++) out.push(`${c[i]}${c[i + 1]}`);
    out.push(c[c.length - 1] as string);
  }
  return out;
}

/**
 * Tokens of one query term, for an exact phrase search: each run's bigrams; the last character
 * alone where a run is one character long or another run follows (it must end a run there too).
 */
export function queryTokens(term: string): string[] {
  const rs = runs(term);
  const out: string[] = [];
  rs.forEach((c, r) => {
    for (let i = 0; i < c.length - 1; i++) out.push(`${c[i]}${c[i + 1]}`);
    if (c.length === 1 || r < rs.length - 1) out.push(c[c.length - 1] as string);
  });
  return out;
}

/** A parsed query: terms are ANDed; each term matches as an exact substring. */
export interface ParsedQuery {
  terms: string[];
}

/** Split a query into terms on spaces (full- or half-width); "quoted phrases" stay one term. */
export function parseQuery(query: string): ParsedQuery {
  const terms: string[] = [];
  const q = query.replace(/[“”＂]/gu, '"');
  for (const m of q.matchAll(/"([^"]*)"|([^\s"]+)/gu)) {
    const term = (m[1] ?? m[2] ?? '').trim();
    if (term && queryTokens(term).length > 0) terms.push(term);
  }
  return { terms };
}

/**
 * Shards. Pagefind's search checks, for every page it returns, the page list of every query
 * word (pagefind_web/src/search.rs, `exact_term`): the work grows with results × postings, so a
 * term in thousands of filings took half a second at 10,000 filings. Each indexed token
 * therefore carries the shard of its record as a last character, filings are cut into SHARDS
 * runs by date, and a term is searched once per shard: each search sees 1/SHARDS of the
 * results and of the postings, so the whole costs 1/SHARDS as much. The variants of a token
 * sort next to each other, so they share index chunks and the download does not grow.
 * The shard names are Greek letters, which filings do not use: Pagefind also indexes the words of
 * the metadata, and a shard name from the text's own alphabet could make a metadata word equal to
 * a query token. (Should it happen, it is a true match, found twice; the page drops duplicates.)
 * A token stays unambiguous: its last character is its shard.
 */
export const SHARDS = 16;

/** The shard names: α–π for filings, ω for the 特記事項 sets (src/lib/search-records.ts). */
export const FILING_SHARDS: readonly string[] = [...'αβγδεζηθικλμνξοπ'];
export const CLAUSE_SHARD = 'ω';

/** The shard of the record at `rank` (0 = newest) among `total` filings. */
export function shardOf(rank: number, total: number): string {
  return FILING_SHARDS[Math.min(SHARDS - 1, Math.floor((rank * SHARDS) / Math.max(1, total)))] ?? '0';
}

/** Tokens as indexed in a shard. */
export function shardTokens(tokens: string[], shard: string): string[] {
  return tokens.map((t) => `${t}${shard}`);
}

/** The Pagefind query for one term: an exact phrase of its tokens, in one shard when given. */
export function pagefindQuery(term: string, shard = ''): string {
  return `"${queryTokens(term)
    .map((t) => `${t}${shard}`)
    .join(' ')}"`;
}

/** A piece of an excerpt. */
export interface ExcerptPart {
  text: string;
  hit: boolean;
}

/**
 * An excerpt of `text` around the first hit of any term, hits marked. Matching uses the same
 * normalisation as the index (widths, case; spaces and punctuation ignored), and the excerpt
 * shows the original text, so there are no stray spaces between Japanese words.
 */
export function excerpt(text: string, terms: string[], radius = 60): ExcerptPart[] {
  // A normalised copy of the text; map[k] is the original character of its k-th code unit.
  const chars = [...text];
  let haystack = '';
  const map: number[] = [];
  chars.forEach((ch, i) => {
    for (const n of normalizeForSearch(ch)) {
      if (!WORD.test(n)) continue;
      haystack += n;
      for (let u = 0; u < n.length; u++) map.push(i);
    }
  });
  const hits: Array<[number, number]> = [];
  for (const term of terms) {
    const needle = [...normalizeForSearch(term)].filter((n) => WORD.test(n)).join('');
    if (!needle) continue;
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) {
      hits.push([map[at] ?? 0, (map[at + needle.length - 1] ?? 0) + 1]);
    }
  }
  hits.sort((x, y) => x[0] - y[0]);
  const first = hits[0];
  const lo = first ? Math.max(0, first[0] - radius) : 0;
  const hi = Math.min(chars.length, (first ? first[1] : 0) + radius * 2);
  const parts: ExcerptPart[] = [];
  let pos = lo;
  for (const [a, b] of hits) {
    if (a < pos || a >= hi) continue;
    if (a > pos) parts.push({ text: chars.slice(pos, a).join(''), hit: false });
    parts.push({ text: chars.slice(a, Math.min(b, hi)).join(''), hit: true });
    pos = Math.min(b, hi);
  }
  if (pos < hi) parts.push({ text: chars.slice(pos, hi).join(''), hit: false });
  if (lo > 0) parts.unshift({ text: '…', hit: false });
  if (hi < chars.length) parts.push({ text: '…', hit: false });
  return parts.map((p) => ({ ...p, text: p.text.replace(/\s+/gu, ' ') }));
}

/**
 * True when the text contains the term: the ground truth of a match. Letters and digits must
 * follow each other as in the term, and where the term has a space or punctuation between two
 * words the text must have some too; widths and case do not matter.
 */
export function containsTerm(text: string, term: string): boolean {
  const needle = searchChars(term).trim();
  return needle !== '' && ` ${searchChars(text)} `.includes(needle);
}

/**
 * A clause set as its filings carry it: one word at the end of their content, which no query
 * token can equal (those end in a Greek shard letter), so a search for it lists the filings that
 * attached that set of 特記事項.
 */
export function clauseSetToken(set: string): string {
  return `clauseset${set.replace(/^cs-/u, '')}`;
}

/**
 * The `set` filter value of a clause set record: its rank by its newest filing (so the values
 * sort newest first), a space, its id.
 */
export function clauseSetValue(rank: number, set: string): string {
  return `${String(rank).padStart(4, '0')} ${set}`;
}

/** The id in a `set` filter value. */
export function clauseSetOfValue(value: string): string {
  return value.slice(value.indexOf(' ') + 1);
}
