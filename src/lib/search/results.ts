/**
 * The search's results as plain data: Pagefind's answers, what each term's forms found, and the
 * pure steps the page takes on them (combining terms, counting facets, ranking, the forms shown).
 * No DOM and no Pagefind here: the browser's search (src/browser/search.ts) does the I/O.
 */
import { SEARCH_FACETS, WORD_FACETS, type ResultMeta } from './format.ts';
import { resultText } from './explain.ts';
import type { QueryTerm, Variant } from './query.ts';
import type { Counts } from './sources.ts';
import { containsTerm, excerpt } from './tokens.ts';

// ---- Pagefind's answers, as the page uses them -----------------------------------------------

export interface PagefindResultData {
  url: string;
  meta: ResultMeta;
  filters?: Record<string, string[]>;
}

export interface PagefindResult {
  id: string;
  data: () => Promise<PagefindResultData>;
}

export interface PagefindResponse {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
}

export interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (q: string | null, o?: Record<string, unknown>) => Promise<PagefindResponse | null>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}

export interface PagefindModule {
  createInstance: (o: Record<string, unknown>) => Pagefind;
}

// ---- What the forms of the terms found -------------------------------------------------------

/** What one form of a term finds: filings by their own text, filings through the 特記事項 sets that hold it. */
export interface Found {
  own: PagefindResult[];
  via: PagefindResult[];
  sets: string[];
}

/** A term as searched: each of its forms, and what each found. */
export interface TermSearch {
  term: QueryTerm;
  variants: Array<{ variant: Variant; active: boolean; found?: Found }>;
  own: Map<string, PagefindResult>;
  via: Map<string, PagefindResult>;
  sets: string[];
}

/** The filings every term finds: those every term finds in their own text, then the others (some term only in the 特記事項). */
export function combine(searches: TermSearch[]): { own: PagefindResult[]; clauseOnly: PagefindResult[] } {
  const [first, ...rest] = searches;
  if (!first) return { own: [], clauseOnly: [] };
  const all = [...first.own.values(), ...first.via.values()].filter((r) => rest.every((s) => s.own.has(r.id) || s.via.has(r.id)));
  const own = all.filter((r) => searches.every((s) => s.own.has(r.id)));
  const ownIds = new Set(own.map((r) => r.id));
  return { own, clauseOnly: all.filter((r) => !ownIds.has(r.id)) };
}

/** A term's forms over every archive searched: each form once, with what it found in all of them. */
export interface Expansion {
  term: QueryTerm;
  variants: Array<{ variant: Variant; active: boolean; count?: number }>;
}

export function expansionsOf(perSource: TermSearch[][]): Expansion[] {
  const out: Expansion[] = [];
  for (const searches of perSource)
    searches.forEach((s, i) => {
      const e = (out[i] ??= { term: s.term, variants: [] });
      for (const v of s.variants) {
        const found = v.found ? v.found.own.length + v.found.via.length : undefined;
        const known = e.variants.find((x) => x.variant.text === v.variant.text);
        if (!known) e.variants.push({ variant: v.variant, active: v.active, ...(found === undefined ? {} : { count: found }) });
        else if (found !== undefined) known.count = (known.count ?? 0) + found;
      }
    });
  return out;
}

// ---- Filters and counts ----------------------------------------------------------------------

/** True when every filter is one value of a facet the filings carry as words. */
export function byWords(filters: Record<string, unknown>): filters is Record<string, string> {
  return Object.entries(filters).every(([f, v]) => WORD_FACETS.includes(f) && typeof v === 'string');
}

/**
 * Search options with the chosen filters. With none chosen and `all` set, a filter that keeps
 * every filing (and no 特記事項 record): Pagefind counts facets only when a filter is given.
 */
export function withFilters(filters: Record<string, unknown>, all: boolean, kinds: string[]): { filters?: Record<string, unknown> } {
  if (Object.keys(filters).length > 0) return { filters };
  return all ? { filters: { kind: { any: kinds } } } : {};
}

/** The results of several searches, in order, each page once. */
export function concat(responses: Array<PagefindResponse | null>): PagefindResult[] {
  const seen = new Set<string>();
  const out: PagefindResult[] = [];
  for (const r of responses)
    for (const x of r?.results ?? []) {
      if (seen.has(x.id)) continue;
      seen.add(x.id);
      out.push(x);
    }
  return out;
}

/** The `set` values (特記事項 records) a response counted, newest set first. */
export function setsOf(r: PagefindResponse | null): string[] {
  return Object.entries(r?.filters['set'] ?? {})
    .filter(([, n]) => n > 0)
    .map(([value]) => value)
    .sort();
}

/** Counts of a union: a + b − (a ∩ b), value by value. */
export function unionCounts(a: Counts | undefined, b: Counts | undefined, both: Counts | undefined): Counts {
  const out: Counts = {};
  for (const f of SEARCH_FACETS)
    for (const source of [a, b])
      for (const [v, n] of Object.entries(source?.[f] ?? {}))
        (out[f] ??= {})[v] = (out[f]?.[v] ?? 0) + n - (source === a ? 0 : (both?.[f]?.[v] ?? 0));
  return out;
}

/** Count the facets of some results from their data (each result's fragment holds its filters). */
export function countFacets(items: PagefindResultData[]): Counts {
  const out: Counts = {};
  for (const d of items) for (const f of SEARCH_FACETS) for (const v of d.filters?.[f] ?? []) (out[f] ??= {})[v] = (out[f]?.[v] ?? 0) + 1;
  return out;
}

// ---- Order -------------------------------------------------------------------------------------

/** Rank: all terms in the title first, then more occurrences, then newer. */
export function rank<T extends { d: PagefindResultData }>(items: T[], words: string[], terms: QueryTerm[]): T[] {
  // Every hit in the text: an excerpt as wide as the text (a narrow one holds the first hit only).
  const count = (x: T): number => {
    const text = resultText(x.d.meta);
    return excerpt(text, words, text.length).filter((p) => p.hit).length;
  };
  const inTitle = (x: T): number => (terms.length > 0 && terms.every((t) => containsTerm(x.d.meta['title'] ?? '', t.text)) ? 1 : 0);
  return items
    .map((x) => ({ x, t: inTitle(x), c: count(x) }))
    .sort((a, b) => b.t - a.t || b.c - a.c || (b.x.d.meta['date'] ?? '').localeCompare(a.x.d.meta['date'] ?? ''))
    .map((y) => y.x);
}
