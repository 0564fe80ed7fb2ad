/**
 * The search page's state as its URL holds it: the query, a value per facet, the forms of terms
 * switched off, and whether filings found only through their 特記事項 are left out. A link to a
 * search is the search.
 */
import { SEARCH_FACETS, type SearchFacet } from './format.ts';

export type Filters = Partial<Record<SearchFacet, string>>;

export interface SearchState {
  q: string;
  filters: Filters;
  /** Forms of terms switched off. */
  off: string[];
  /** Leave out filings that have the terms only in their 特記事項. */
  own: boolean;
}

/** The state a URL's parameters hold; unknown parameters and empty values are ignored. */
export function stateFromParams(params: URLSearchParams): SearchState {
  const filters: Filters = {};
  for (const f of SEARCH_FACETS) {
    const v = params.get(f);
    if (v) filters[f] = v;
  }
  return { q: params.get('q') ?? '', filters, off: params.getAll('off'), own: params.get('own') === '1' };
}

/** The parameters of a state: the query, the facets in table order, each form switched off, own. */
export function paramsOf(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const f of SEARCH_FACETS) if (state.filters[f]) params.set(f, state.filters[f] ?? '');
  for (const o of state.off) params.append('off', o);
  if (state.own) params.set('own', '1');
  return params;
}
