/**
 * Searching the archives: a query's terms, each in every form, in every shard of each archive's
 * Pagefind index and through its 特記事項 records; facet counts; and, when nothing is found, what
 * emptied the search. No DOM: what is done with the answers is ../../lib/search/results.ts, what
 * is shown is ./render.ts.
 */
import { SEARCH_UI as W } from '../../lib/words/search.ts';
import { resultText } from '../../lib/search/explain.ts';
import { emptyHelp, type Help } from '../../lib/search/help.ts';
import { sumCounts, type Counts } from '../../lib/search/sources.ts';
import type { NameGroups } from '../../lib/search/names.ts';
import { termVariants, type parseSearch, type QueryTerm } from '../../lib/search/query.ts';
import {
  CLAUSE_SHARD,
  clauseSetOfValue,
  clauseSetToken,
  containsTerm,
  FILING_SHARDS,
  pagefindQuery,
  searchPlan,
  type SearchPlan,
} from '../../lib/search/tokens.ts';
import type { SearchFacet } from '../../lib/search/format.ts';
import {
  combine,
  concat,
  countFacets,
  setsOf,
  unionCounts,
  withFilters,
  type Found,
  type Pagefind,
  type PagefindResponse,
  type PagefindResult,
  type TermSearch,
} from '../../lib/search/results.ts';
import type { Filters, SearchState as State } from '../../lib/search/url-state.ts';
import { bucketOf, facetsOf, filteredPages, json, load, portal, searcher, wordPages, type Searcher, type Source } from './archives.ts';

/** Facets are counted from the results' data up to this many results (when Pagefind cannot count the union). */
const COUNT_LIMIT = 300;

/**
 * A prefix search, or nothing when the prefix begins no word: Pagefind then falls back to the
 * longest word that begins the query, whose pages need not hold the term. Every page of a real
 * match holds it, so the first result tells the two apart.
 */
async function prefixSearch(pf: Searcher, plan: SearchPlan, options: Record<string, unknown>): Promise<PagefindResponse | null> {
  const r = await pf.search(pagefindQuery(plan, 0), options);
  const first = await r?.results[0]?.data();
  if (!first || containsTerm(resultText(first.meta) || (first.meta['text'] ?? ''), plan.prefix ?? '')) return r;
  return { results: [], filters: {} };
}

/** One plan in every shard and in the 特記事項 records, with the filters (src/lib/search/tokens.ts has why shards). */
async function searchPlanned(source: Source, plan: SearchPlan, filters: Record<string, unknown>): Promise<Found> {
  const pf = searcher(source);
  const kinds = source.kinds;
  // `none: []` keeps every record but makes Pagefind load and count the (small) `set` filter,
  // which only the 特記事項 records carry.
  const counted = { filters: { set: { none: [] } } };
  const options = withFilters(filters, false, kinds);
  let own: PagefindResult[];
  let sets: string[];
  if (plan.prefix !== undefined) {
    // One character: one search over every shard and the 特記事項 records, then the filings alone.
    const all = await prefixSearch(pf, plan, counted);
    sets = setsOf(all);
    const filings =
      sets.length === 0 && !options.filters ? all : await prefixSearch(pf, plan, { filters: { ...filters, set: { none: sets } } });
    own = filings?.results ?? [];
  } else {
    const [shards, clauses] = await Promise.all([
      Promise.all(FILING_SHARDS.map((s) => pf.search(pagefindQuery(plan, s), options))),
      pf.search(pagefindQuery(plan, CLAUSE_SHARD), counted),
    ]);
    own = concat(shards);
    sets = setsOf(clauses);
  }
  if (sets.length === 0) return { own, via: [], sets };
  // The filings of each set, by the word they carry for it, newest set first. Not by the
  // `clauseset` filter: a filter once loaded makes Pagefind count it in every later search.
  const seen = new Set(own.map((r) => r.id));
  // The filings of a set do not depend on the query: searched once per set and filters.
  const bySet = await Promise.all(
    sets.map((v) => {
      const q = `"${clauseSetToken(clauseSetOfValue(v))}"`;
      const key = `${q}|${JSON.stringify(options)}`;
      let hit = source.setHits.get(key);
      if (!hit) {
        hit = pf.search(q, options);
        hit.catch(() => source.setHits.delete(key));
        source.setHits.set(key, hit);
      }
      return hit;
    }),
  );
  return { own, via: concat(bySet).filter((r) => !seen.has(r.id)), sets };
}

/**
 * The facet counts of one phrase's filings (its own text, and through the 特記事項 sets), counted
 * by Pagefind: per shard, then for the filings of the sets, less those counted twice.
 */
async function countPlan(
  pf: Pagefind,
  plan: SearchPlan,
  filters: Record<string, unknown>,
  ownOnly: boolean,
  kinds: string[],
): Promise<Counts> {
  const options = withFilters(filters, true, kinds);
  const [shards, clauses] = await Promise.all([
    Promise.all(FILING_SHARDS.map((s) => pf.search(pagefindQuery(plan, s), options))),
    pf.search(pagefindQuery(plan, CLAUSE_SHARD), { filters: { set: { none: [] } } }),
  ]);
  const ownCounts = sumCounts(shards.map((r) => r?.filters));
  const sets = setsOf(clauses).map(clauseSetOfValue);
  if (ownOnly || sets.length === 0) return ownCounts;
  const bySet = { filters: { ...filters, clauseset: { any: sets } } };
  const [via, both] = await Promise.all([
    pf.search(null, bySet),
    Promise.all(FILING_SHARDS.map((s) => pf.search(pagefindQuery(plan, s), bySet))),
  ]);
  return unionCounts(ownCounts, via?.filters, sumCounts(both.map((r) => r?.filters)));
}

/** Search every active form of every term, each in its own stream. */
export async function searchTerms(
  source: Source,
  terms: QueryTerm[],
  off: string[],
  filters: Filters,
  facets = false,
): Promise<TermSearch[]> {
  const names = await json<NameGroups>(source, 'names.json', { companies: [], terms: [] });
  const expanded = await Promise.all(
    terms.map(async (term) => ({ term, variants: termVariants(term, { readings: await bucketOf(source, term.text), names }) })),
  );
  await load(source);
  // Pagefind counts only the filters it has loaded: with the facets shown, the facet instance loads them all.
  if (facets) await (await facetsOf(source)).filters();
  const searches = await Promise.all(
    expanded.map(async ({ term, variants }): Promise<TermSearch> => {
      const all = await Promise.all(
        variants.map(async (variant) => {
          const active = variant.source === 'typed' || !off.includes(variant.text);
          if (!active) return { variant, active };
          return { variant, active, found: await searchPlanned(source, searchPlan(variant.text), filters) };
        }),
      );
      const own = new Map<string, PagefindResult>();
      const via = new Map<string, PagefindResult>();
      for (const v of all) for (const r of v.found?.own ?? []) own.set(r.id, r);
      for (const v of all) for (const r of v.found?.via ?? []) if (!own.has(r.id)) via.set(r.id, r);
      return { term, variants: all, own, via, sets: [...new Set(all.flatMap((v) => v.found?.sets ?? []))] };
    }),
  );
  return searches;
}

/** What one archive gave for the query. */
export interface Outcome {
  source: Source;
  own: PagefindResult[];
  clauseOnly: PagefindResult[];
  searches: TermSearch[];
  counts?: Counts;
}

/** The query in one archive, as its own search page would run it. */
export async function searchSource(
  source: Source,
  query: ReturnType<typeof parseSearch>,
  state: State,
  filterOptions: Record<string, string>,
  withFacets: boolean,
): Promise<Outcome> {
  let own: PagefindResult[] = [];
  let clauseOnly: PagefindResult[] = [];
  let counts: Counts | undefined;
  let searches: TermSearch[] = [];
  if (query.terms.length === 0) {
    await load(source);
    const filtered = Object.keys(filterOptions).length > 0;
    const totals = withFacets ? await (await facetsOf(source)).filters() : undefined;
    if (!filtered) counts = totals;
    else if (!withFacets) own = await filteredPages(source, filterOptions);
    else {
      const r = await (await facetsOf(source)).search(null, withFilters(filterOptions, true, source.kinds));
      own = r?.results ?? [];
      counts = r?.filters;
    }
    source.clauseSets = [];
  } else {
    searches = await searchTerms(source, query.terms, state.off, filterOptions, withFacets);
    ({ own, clauseOnly } = combine(searches));
    source.clauseSets = [...new Set(searches.flatMap((s) => s.sets))];
  }
  if (state.own) clauseOnly = [];
  const all = [...own, ...clauseOnly];
  // SearchFacet counts: Pagefind counts one phrase itself; the union of several forms or terms is
  // counted from the results' data (a fragment each), up to COUNT_LIMIT results.
  const active = searches.flatMap((s) => s.variants.filter((v) => v.active).map((v) => v.variant.text));
  const single = searches.length === 1 && active.length === 1 ? searchPlan(active[0] ?? '') : undefined;
  if (withFacets && !counts && single && single.prefix === undefined)
    counts = await countPlan(await facetsOf(source), single, filterOptions, state.own, source.kinds);
  if (withFacets && !counts && query.terms.length > 0 && all.length <= COUNT_LIMIT)
    counts = countFacets(await Promise.all(all.map((r) => r.data())));
  if (withFacets && !counts) counts = await (await facetsOf(source)).filters();
  return { source, own, clauseOnly, searches, ...(counts ? { counts } : {}) };
}

/** One archive's outcome, or undefined when it failed or a file of it did not come (then it is named on the page). */
export async function answerOf(source: Source, work: () => Promise<Outcome>): Promise<Outcome | undefined> {
  const before = source.failures;
  try {
    const outcome = await work();
    return source.failures === before ? outcome : undefined;
  } catch (e) {
    if (!portal) throw e;
    return undefined;
  }
}

/** Search again without each part of an empty query, to say what emptied it (counted over every archive that answered). */
export async function whyEmpty(
  outcomes: Outcome[],
  terms: QueryTerm[],
  filters: Record<string, string>,
  state: State,
  facetLabel: (f: SearchFacet, v: string) => string,
): Promise<Help[]> {
  const size = (s: TermSearch): number => s.own.size + s.via.size;
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  const countWithout = async (o: Outcome, rest: Record<string, string>): Promise<number> => {
    if (terms.length === 0) {
      if (Object.keys(rest).length > 0) return (await filteredPages(o.source, rest)).length;
      // Every filing: those of each kind.
      return sum((await Promise.all(o.source.kinds.map((k) => wordPages(o.source, 'kind', k)))).map((r) => r.length));
    }
    const c = combine(await searchTerms(o.source, terms, state.off, rest));
    return c.own.length + (state.own ? 0 : c.clauseOnly.length);
  };
  const termCounts = new Map<string, number>();
  for (const o of outcomes) for (const s of o.searches) termCounts.set(s.term.text, (termCounts.get(s.term.text) ?? 0) + size(s));
  const alternatives = new Map<string, number>();
  for (const o of outcomes)
    for (const s of o.searches)
      for (const v of s.variants)
        if (v.variant.source !== 'typed' && v.found)
          alternatives.set(v.variant.text, (alternatives.get(v.variant.text) ?? 0) + v.found.own.length + v.found.via.length);
  const facts = {
    terms: [...termCounts].map(([text, count]) => ({ text, count })),
    filters: await Promise.all(
      Object.entries(filters).map(async ([facet, value]) => {
        const rest = Object.fromEntries(Object.entries(filters).filter(([f]) => f !== facet));
        const counted = sum(await Promise.all(outcomes.map((o) => countWithout(o, rest))));
        return {
          facet,
          value,
          label: `${W.facets[facet as SearchFacet] ?? facet}：${facetLabel(facet as SearchFacet, value)}`,
          countWithout: counted,
        };
      }),
    ),
    alternatives: [...alternatives].map(([text, count]) => ({ text, count })),
  };
  return emptyHelp(facts);
}
