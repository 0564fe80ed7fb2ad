/** The elements of the search page (src/components/SearchUi.astro); any may be missing from a page that has no search. */
const $ = <T extends Element>(s: string): T | null => document.querySelector<T>(s);

export interface Elements {
  root: HTMLElement | null;
  form: HTMLFormElement | null;
  input: HTMLInputElement | null;
  list: HTMLOListElement | null;
  status: HTMLElement | null;
  chipsBox: HTMLElement | null;
  expansionsBox: HTMLElement | null;
  helpBox: HTMLElement | null;
  facetsBox: HTMLElement | null;
  facetsPanel: HTMLDetailsElement | null;
  more: HTMLButtonElement | null;
  clauseGroup: HTMLDetailsElement | null;
  clauseSummary: HTMLElement | null;
  clauseList: HTMLOListElement | null;
  clauseMore: HTMLButtonElement | null;
  ownOnly: HTMLInputElement | null;
  unanswered: HTMLElement | null;
}

export function elements(): Elements {
  return {
    root: $('#search'),
    form: $('#search-form'),
    input: $('#search-q'),
    list: $('#search-results'),
    status: $('#search-status'),
    chipsBox: $('#search-chips'),
    expansionsBox: $('#search-expansions'),
    helpBox: $('#search-help'),
    facetsBox: $('#search-facets'),
    facetsPanel: $('#search-facets-panel'),
    more: $('#search-more'),
    clauseGroup: $('#search-clause-only'),
    clauseSummary: $('#search-clause-only summary'),
    clauseList: $('#search-results-clauses'),
    clauseMore: $('#search-clause-more'),
    ownOnly: $('#search-own-only'),
    unanswered: $('#search-unanswered'),
  };
}
