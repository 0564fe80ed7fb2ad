/**
 * The search page's state and its run: the query in the URL searched in every archive chosen,
 * the results put in one list, and what is shown. This class is the one owner of the page's
 * state (the current run, the words marked, the lists shown): a run that a newer one overtook
 * shows nothing.
 */
import { SEARCH_UI as W } from '../../lib/words/search.ts';
import { chosenSources, interleave, sumCounts, type Counts } from '../../lib/search/sources.ts';
import { parseSearch } from '../../lib/search/query.ts';
import { expansionsOf, rank } from '../../lib/search/results.ts';
import { paramsOf, stateFromParams, type Filters, type SearchState as State } from '../../lib/search/url-state.ts';
import { json, portal, searchable } from './archives.ts';
import type { Elements } from './dom.ts';
import { answerOf, searchSource, whyEmpty, type Outcome } from './engine.ts';
import {
  PAGE,
  appendPage,
  facetLabel,
  itemOf,
  renderChips,
  renderExpansions,
  renderFacets,
  renderHelp,
  renderUnanswered,
  type Actions,
  type Item,
  type Marking,
  type Shown,
} from './render.ts';

export class SearchPage implements Actions {
  /** The current run; a run that a newer one overtook stops where it finds out. */
  private generation = 0;
  private marking: Marking = { marks: [], forms: [] };
  private shownOwn: Item[] = [];
  private shownClauses: Item[] = [];
  /** The clause versions' names by id, from every archive searched with facets. */
  private versionNames: Record<string, string> = {};

  constructor(private readonly els: Elements) {}

  // Arrow properties: rendering takes them as plain functions (./render.ts `Actions`).
  readonly state = (): State => stateFromParams(new URLSearchParams(location.search));

  /** Change the state in the URL (a new history entry) and search. */
  readonly go = (change: Partial<State>): void => {
    this.writeUrl({ ...this.state(), ...change }, true);
    void this.run();
  };

  private writeUrl(state: State, push: boolean): void {
    const params = paramsOf(state);
    const next = `${location.pathname}${params.size > 0 ? `?${params}` : ''}`;
    if (next === `${location.pathname}${location.search}`) return;
    if (push) history.pushState(null, '', next);
    else history.replaceState(null, '', next);
  }

  /** The next page of the results, or of the results found only through their 特記事項. */
  more(clauses: boolean): void {
    const into = clauses ? this.els.clauseList : this.els.list;
    const button = clauses ? this.els.clauseMore : this.els.more;
    if (into) void appendPage(into, clauses ? this.shownClauses : this.shownOwn, into.children.length, button, this.marking);
  }

  readonly run = async (): Promise<void> => {
    const { list, status } = this.els;
    if (!list || !status) return;
    const mine = ++this.generation;
    list.setAttribute('aria-busy', 'true');
    status.textContent = W.searching;
    try {
      await this.search(mine);
    } catch {
      if (mine !== this.generation) return;
      // The search library or its index did not load: say so, offer a retry, and stop being busy.
      status.replaceChildren(W.loadFailed, ' ');
      const retry = document.createElement('button');
      retry.type = 'button';
      retry.id = 'search-retry';
      retry.textContent = W.retry;
      retry.addEventListener('click', () => void this.run());
      status.append(retry);
      list.replaceChildren();
      list.setAttribute('aria-busy', 'false');
    }
  };

  private async search(mine: number): Promise<void> {
    const { list, status, input, ownOnly, facetsPanel, facetsBox, chipsBox, expansionsBox, helpBox, unanswered, more } = this.els;
    const { clauseGroup, clauseSummary, clauseList, clauseMore } = this.els;
    if (!list || !status) return;
    const state = this.state();
    if (input && input.value !== state.q) input.value = state.q;
    if (ownOnly) ownOnly.checked = state.own;
    const query = parseSearch(state.q);
    // Year chips are filters: a year in the query beats the same facet chosen in the panel.
    const filters: Filters = { ...state.filters };
    for (const chip of query.years) filters[chip.facet] = chip.value;
    // The municipality is not a filter of any index: it chooses the archives searched.
    const { municipality, ...indexFilters } = filters;
    const filterOptions = Object.fromEntries(Object.entries(indexFilters).filter(([, v]) => v)) as Record<string, string>;
    const withFacets = (facetsPanel?.open ?? false) || Object.keys(state.filters).length > 0;
    if (withFacets && facetsPanel) facetsPanel.open = true;
    const chosen = portal ? chosenSources(searchable(), municipality) : searchable();

    const answers = await Promise.all(
      chosen.map((source) =>
        answerOf(source, async () => {
          if (withFacets)
            this.versionNames = { ...(await json<Record<string, string>>(source, 'versions.json', {})), ...this.versionNames };
          return searchSource(source, query, state, filterOptions, withFacets);
        }),
      ),
    );
    if (mine !== this.generation) return;
    const outcomes = answers.filter((o): o is Outcome => o !== undefined);
    // Not answered: failed or timed out (an archive refused on its manifest is said apart).
    const silent = chosen.filter((s, i) => answers[i] === undefined && !s.refused);
    // Every archive failed: the search itself did not load (the archive's own page has just one).
    if (outcomes.length === 0 && silent.length > 0 && silent.length === chosen.length) throw new Error('no archive answered');
    const perSource = outcomes.map((o) => o.searches);
    const marks = [...new Set(perSource.flat().flatMap((s) => s.variants.filter((v) => v.active).map((v) => v.variant.text)))];
    const forms = perSource.flat().flatMap((s) => s.variants.map((v) => v.variant));
    this.marking = { marks, forms };

    let counts: Counts | undefined;
    if (withFacets) {
      counts = sumCounts(outcomes.map((o) => o.counts));
      if (portal) counts['municipality'] = Object.fromEntries(outcomes.map((o) => [o.source.label, o.own.length + o.clauseOnly.length]));
    }
    const own = interleave(outcomes.map((o) => o.own.map((r) => itemOf(r, o.source))));
    if (query.terms.length > 0 && own.length <= PAGE) {
      const data = (await Promise.all(own.map((f) => f()))).filter((x): x is Shown => x !== undefined);
      const ranked = rank(data, marks, query.terms);
      this.shownOwn = ranked.map((x) => () => Promise.resolve(x));
    } else this.shownOwn = own;
    this.shownClauses = interleave(outcomes.map((o) => o.clauseOnly.map((r) => itemOf(r, o.source))));
    if (mine !== this.generation) return;

    if (chipsBox) renderChips(chipsBox, query.years, state.q, this);
    if (expansionsBox) renderExpansions(expansionsBox, expansionsOf(perSource), state.off, this);
    if (withFacets && facetsBox) renderFacets(facetsBox, counts ?? {}, state.filters, this.versionNames, this);
    if (unanswered) renderUnanswered(unanswered, silent, this);
    list.replaceChildren();
    await appendPage(list, this.shownOwn, 0, more, this.marking);
    if (clauseGroup && clauseSummary && clauseList) {
      // One line for them all, closed: a reader opens it to see them.
      clauseGroup.open = false;
      clauseGroup.hidden = this.shownClauses.length === 0;
      clauseSummary.textContent = W.clauseOnly(this.shownClauses.length);
      clauseList.replaceChildren();
      if (clauseGroup.open) await appendPage(clauseList, this.shownClauses, 0, clauseMore, this.marking);
    }
    if (mine !== this.generation) return;
    const total = this.shownOwn.length + this.shownClauses.length;
    const asked = state.q.trim() !== '' || Object.keys(filterOptions).length > 0 || (portal && municipality !== undefined);
    status.textContent = !asked ? W.prompt : total === 0 ? W.none(state.q) : W.found(total, state.q);
    const help =
      total === 0 && asked
        ? await whyEmpty(outcomes, query.terms, filterOptions, state, (f, v) => facetLabel(f, v, this.versionNames))
        : [];
    if (helpBox) renderHelp(helpBox, help, filterOptions, this);
    list.setAttribute('aria-busy', 'false');
  }
}
