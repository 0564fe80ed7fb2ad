/**
 * Search tokens, shared by the indexer (build time) and the search page (browser), so a query
 * is always cut exactly as the text was. No dictionary is needed in the browser.
 *
 * Text is NFKC-normalised and lower-cased (ＢＣＣ = BCC, full-width digits, half-width kana).
 * Runs of letters and digits (kanji, kana, ー, Latin, digits) are cut into character n-grams, as
 * Groonga's TokenTrigram does, so a term is found by an exact phrase search on its n-grams and
 * finds exactly the filings that contain it (住民票コード never matches a filing that has 住民票
 * and コード apart). Three streams of tokens per record:
 *
 * - trigrams and 4-grams *at every other position*: for each run, the whole n-grams that start
 *   at even offsets, then those at odd offsets, each sequence closed by a GAP. A term of odd
 *   length is its trigrams at offsets 0, 2, 4, … (共同企業体 → 共同企 企業体), of even length
 *   its 4-grams (住民票コード → 住民票コ 票コード). Wherever the term occurs, one of the two
 *   sequences has those n-grams side by side, so the phrase finds it; and the GAP keeps a
 *   phrase from running on into the next sequence. Why not the n-gram at every position as one
 *   phrase: a Pagefind search downloads the index chunk of every word it names, whatever the
 *   word's own postings, so the download follows the number of words in the phrase; on the
 *   bench's queries this takes half the words and half the postings of every-position
 *   trigrams (README, "Performance").
 * - bigrams at every position, each run ending with its last character alone: a term of two
 *   characters is one bigram, and a term with a space or punctuation in it ("14条、第1項") is
 *   its runs' bigrams with each run before a separator lined up with the end of a run in the
 *   text.
 *
 * The three streams are one Pagefind index (src/lib/search/indexer/indexer.ts): every token begins
 * with its stream's mark (STREAM_MARKS), so a stream's tokens sort together, apart from the
 * others', and each term of a query is searched in its own stream. One index means one page
 * list, one search library and one fragment per filing for the browser to fetch and the host
 * to hold, whatever streams a query's terms and their forms need.
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

/**
 * A word that holds a position but is not indexed: Pagefind counts every whitespace-separated
 * word of the content as a position but indexes only its letters and digits
 * (pagefind/src/fossick/mod.rs), so this word costs the index nothing and keeps a phrase from
 * running on from one sequence of n-grams into the next.
 */
export const GAP = '·';

/**
 * Whole n-grams at every other position: for each run, those that start at even offsets, then
 * those at odd offsets, each sequence followed by a GAP. The characters at a run's end that
 * start no whole n-gram are found through the bigram stream (which the one-character search
 * uses), so they give no token here.
 */
function strideTokens(text: string, n: number): string[] {
  const out: string[] = [];
  for (const c of runs(text))
    for (const phase of [0, 1]) {
      if (phase + n > c.length) continue;
      for (let i = phase; i + n <= c.length; i += 2) out.push(c.slice(i, i + n).join(''));
      out.push(GAP);
    }
  return out;
}

/** Trigram tokens at every other position (strideTokens). */
export function trigramTokens(text: string): string[] {
  return strideTokens(text, 3);
}

/** 4-gram tokens at every other position (strideTokens). */
export function quadgramTokens(text: string): string[] {
  return strideTokens(text, 4);
}

/** Bigram tokens: for each run, its overlapping bigrams, then its last character alone. */
export function bigramTokens(text: string): string[] {
  const out: string[] = [];
  for (const c of runs(text)) {
    for (let i = 0; i < c.length - 1; i++) out.push(`${c[i]}${c[i + 1]}`);
    out.push(c[c.length - 1] as string);
  }
  return out;
}

/** The token streams of a record: trigrams, 4-grams and bigrams, in that order. */
export type Stream = 'tri' | 'quad' | 'bi';

/** How one query term is searched. */
export interface SearchPlan {
  /** Tokens at consecutive positions of `stream` (an exact phrase); empty for a prefix search. */
  phrase: string[];
  stream: Stream;
  /** A single character: a prefix search (see searchPlan). */
  prefix?: string;
}

/**
 * The plan of a term. One run of three or more characters: its n-grams at offsets 0, 2, 4, …,
 * trigrams for an odd length and 4-grams for an even one, a phrase in that stream. Two
 * characters, or several runs (a space or punctuation inside a quoted term): the bigram stream,
 * where each run gives its bigrams and its last character alone, so a run followed by a
 * separator lines up with the end of a run in the text ("電子 申請" → 電子 子 申請). Only exact
 * words are searched: Pagefind's prefix search only reads the index chunk where the prefix
 * itself would sort, so words that start with it and sit in the next chunk are missed. One
 * character: a prefix search in the bigram stream all the same (every character starts one of
 * its tokens, but no stream has a token per character that a search could name); it can miss
 * at 10,000 filings.
 */
export function searchPlan(term: string): SearchPlan {
  const rs = runs(term);
  const only = rs.length === 1 ? rs[0] : undefined;
  if (only && only.length === 1) return { phrase: [], stream: 'bi', prefix: only.join('') };
  if (only && only.length >= 3) {
    const n = only.length % 2 === 1 ? 3 : 4;
    const phrase: string[] = [];
    for (let i = 0; i + n <= only.length; i += 2) phrase.push(only.slice(i, i + n).join(''));
    return { phrase, stream: n === 3 ? 'tri' : 'quad' };
  }
  return bigramPlan(rs);
}

/** The bigram plan of a term's runs: each run's bigrams, and its last character alone before a separator. */
function bigramPlan(rs: string[][]): SearchPlan {
  const phrase: string[] = [];
  rs.forEach((c, r) => {
    for (let i = 0; i < c.length - 1; i++) phrase.push(`${c[i]}${c[i + 1]}`);
    if (c.length === 1 || r < rs.length - 1) phrase.push(c[c.length - 1] as string);
  });
  return { phrase, stream: 'bi' };
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
    if (term && runs(term).length > 0) terms.push(term);
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
 * A token stays unambiguous whatever the text's own letters: its last character is its shard.
 */
export const SHARDS = 16;

/** The filing shards, numbered from the newest filings. */
export const FILING_SHARDS: readonly number[] = Array.from({ length: SHARDS }, (_, i) => i);

/**
 * Shard names per stream: Greek for trigrams, Armenian for 4-grams, Cyrillic for bigrams, so a
 * token names its stream as well as its shard; the last name of each is the 特記事項 sets'
 * (src/lib/search/indexer/records.ts).
 */
const SHARD_NAMES: Record<Stream, readonly string[]> = {
  tri: [...'αβγδεζηθικλμνξοπω'],
  quad: [...'աբգդեզէըթժիլխծկհֆ'],
  bi: [...'абвгдежзиклмнопя'],
};

/** The shard of the 特記事項 records. */
export const CLAUSE_SHARD = SHARDS;

/** The shard of the record at `rank` (0 = newest) among `total` filings. */
export function shardOf(rank: number, total: number): number {
  return Math.min(SHARDS - 1, Math.floor((rank * SHARDS) / Math.max(1, total)));
}

/** The name a shard's tokens end with in a stream. */
export function shardName(stream: Stream, shard: number): string {
  return SHARD_NAMES[stream][shard] ?? '';
}

/**
 * The first character of every token of a stream: Georgian letters, which have no case, no
 * diacritics and sort after every shard name and the clause-set words (ω…), so in the one
 * index each stream's tokens are a block of their own, in this order, and Pagefind's chunk
 * list stays sorted (it looks a word up in the first chunk whose bounds hold it).
 */
export const STREAM_MARKS: Record<Stream, string> = { tri: 'ა', quad: 'ბ', bi: 'გ' };

/**
 * A token as indexed in a shard: its stream's mark first, the shard name last (住民票 → ა住民票α),
 * so all shards' variants of an n-gram sort together and share index chunks.
 */
export function shardToken(token: string, stream: Stream, shard: number): string {
  return `${STREAM_MARKS[stream]}${token}${shardName(stream, shard)}`;
}

/** The streams, in the order of their marks (the order of their blocks in the index). */
export const STREAMS: readonly Stream[] = ['tri', 'quad', 'bi'];

const STREAM_TOKENS: Record<Stream, (text: string) => string[]> = { tri: trigramTokens, quad: quadgramTokens, bi: bigramTokens };

/** A record's content in one stream: the stream's tokens of its text, in its shard. */
export function contentTokens(text: string, shard: number, stream: Stream): string[] {
  return STREAM_TOKENS[stream](text).map((t) => (t === GAP ? t : shardToken(t, stream, shard)));
}

/**
 * The Pagefind query of a plan in a shard: an exact phrase, or for one character a (non-exact)
 * prefix search, the same in every shard, which also finds the 特記事項 records (the page tells
 * them apart by their filter).
 */
export function pagefindQuery(plan: SearchPlan, shard: number): string {
  if (plan.prefix) return `${STREAM_MARKS[plan.stream]}${plan.prefix}`;
  return `"${plan.phrase.map((t) => shardToken(t, plan.stream, shard)).join(' ')}"`;
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
 * token can equal (those end in a shard letter), so a search for it lists the filings that
 * attached that set of 特記事項. It begins with ω, not with a letter of the text: a
 * one-character search is a prefix search, and with a Latin first letter a search for c listed
 * every filing that has a clause set.
 */
export function clauseSetToken(set: string): string {
  return `ωclauseset${set.replace(/^cs-/u, '')}`;
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

/**
 * A 53-bit hash of a string in base 36 (cyrb53, public domain): filter values are any text, and
 * Pagefind keeps only the letters and digits of a word, so a word names its value by a hash.
 * By hand because the word is computed in the browser too, synchronously and without a secure
 * context (Web Crypto's digest is neither); two values of one facet colliding would take 2^26
 * values to be likely.
 */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * The word of a filter value (a facet of WORD_FACETS), one of a filing's last words: `ωfyear2010`
 * for a year, `ωfcontractorx…` (a hash) for other text. It begins with ω as the clause-set words
 * do, so no query token can equal it and a one-character search never lists it.
 */
export function filterWord(facet: string, value: string): string {
  return `ωf${facet}${/^\d+$/u.test(value) ? value : `x${hash53(value)}`}`;
}
