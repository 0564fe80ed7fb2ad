/**
 * The search page: the DOM and Pagefind; what a query means is src/lib/search/query.ts, where a
 * hit is src/lib/search/explain.ts, what to say when nothing is found src/lib/search/help.ts.
 * Queries are cut by src/lib/search/tokens.ts, the same code that cut the indexed text, and run
 * as exact phrases; several terms are ANDed; each term is found in any of its forms (as typed,
 * the words its kana reads as, its other names). The query, the facets and the forms switched
 * off live in the URL. Everything from the index is inserted as text.
 *
 * The page searches one archive, or on a portal (src/portal) several at once: each archive is
 * a source (src/lib/search/sources.ts) with its own Pagefind instance, names and readings,
 * searched as the archive's own page would search it; the results are put in one list. An
 * archive that does not answer is named and the others' results still show.
 *
 * The archives and their Pagefind instances are ./search/archives.ts; what is done with the
 * answers (combining terms, counting, ranking, the state in the URL) is pure and tested, in
 * src/lib/search/results.ts and url-state.ts. This file is the page: searching, rendering, events.
 * It is still one file because rendering, the run and the events share the page's state (the
 * current generation, the words marked, the lists shown); giving that state one owner is what
 * would let them part.
 */
import { SEARCH_UI as W } from '../lib/words/labels.ts';
import { explain, resultText } from '../lib/search/explain.ts';
import { emptyHelp, type Help } from '../lib/search/help.ts';
import { chosenSources, interleave, ownLink, sumCounts, type Counts } from '../lib/search/sources.ts';
import type { NameGroups } from '../lib/search/names.ts';
import { parseSearch, termVariants, withoutYear, yearLabel, type QueryTerm, type Variant, type YearChip } from '../lib/search/query.ts';
import {
  CLAUSE_SHARD,
  clauseSetOfValue,
  clauseSetToken,
  containsTerm,
  excerpt,
  FILING_SHARDS,
  pagefindQuery,
  searchPlan,
  type ExcerptPart,
  type SearchPlan,
} from '../lib/search/tokens.ts';
import { SEARCH_FACETS, type SearchFacet } from '../lib/search/format.ts';
import {
  combine,
  concat,
  countFacets,
  expansionsOf,
  rank,
  setsOf,
  unionCounts,
  withFilters,
  type Expansion,
  type Found,
  type Pagefind,
  type PagefindResponse,
  type PagefindResult,
  type PagefindResultData,
  type TermSearch,
} from '../lib/search/results.ts';
import {
  bucketOf,
  facetsOf,
  filteredPages,
  json,
  load,
  portal,
  searchable,
  searcher,
  sources,
  wordPages,
  type Searcher,
  type Source,
} from './search/archives.ts';
import { paramsOf, stateFromParams, type Filters, type SearchState as State } from '../lib/search/url-state.ts';

const PAGE = 10;
/** Facets are counted from the results' data up to this many results (when Pagefind cannot count the union). */
const COUNT_LIMIT = 300;

const $ = <T extends Element>(s: string): T | null => document.querySelector<T>(s);
const root = $<HTMLElement>('#search');
const form = $<HTMLFormElement>('#search-form');
const input = $<HTMLInputElement>('#search-q');
const list = $<HTMLOListElement>('#search-results');
const status = $<HTMLElement>('#search-status');
const chipsBox = $<HTMLElement>('#search-chips');
const expansionsBox = $<HTMLElement>('#search-expansions');
const helpBox = $<HTMLElement>('#search-help');
const facetsBox = $<HTMLElement>('#search-facets');
const facetsPanel = $<HTMLDetailsElement>('#search-facets-panel');
const more = $<HTMLButtonElement>('#search-more');
const clauseGroup = $<HTMLDetailsElement>('#search-clause-only');
const clauseSummary = $<HTMLElement>('#search-clause-only summary');
const clauseList = $<HTMLOListElement>('#search-results-clauses');
const clauseMore = $<HTMLButtonElement>('#search-clause-more');
const ownOnly = $<HTMLInputElement>('#search-own-only');
const unanswered = $<HTMLElement>('#search-unanswered');

// ---- State in the URL -----------------------------------------------------------------------

function stateFromUrl(): State {
  return stateFromParams(new URLSearchParams(location.search));
}

function writeUrl(state: State, push: boolean): void {
  const params = paramsOf(state);
  const next = `${location.pathname}${params.size > 0 ? `?${params}` : ''}`;
  if (next === `${location.pathname}${location.search}`) return;
  if (push) history.pushState(null, '', next);
  else history.replaceState(null, '', next);
}

function go(change: Partial<State>): void {
  writeUrl({ ...stateFromUrl(), ...change }, true);
  void run();
}

// ---- Searching ------------------------------------------------------------------------------

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
async function searchTerms(source: Source, terms: QueryTerm[], off: string[], filters: Filters, facets = false): Promise<TermSearch[]> {
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

// ---- Rendering ------------------------------------------------------------------------------

/** A result with the archive it came from. */
interface Shown {
  d: PagefindResultData;
  source: Source;
}
type Item = () => Promise<Shown | undefined>;

/** The words a result was found by, to mark in its excerpt: every active form of every term. */
let marks: string[] = [];
/** The forms of the terms, for the "matched by" line of each result. */
let forms: Variant[] = [];
let shownOwn: Item[] = [];
let shownClauses: Item[] = [];
let generation = 0;
let versionNames: Record<string, string> = {};

/** A result's data as an item of the list; a fragment that fails to load (its archive went away) is left out. */
function itemOf(r: PagefindResult, source: Source): Item {
  return () =>
    r.data().then(
      (d) => ({ d, source }),
      () => undefined,
    );
}

/** The text of a clause set (its search record's), fetched once per archive. */
function clauseText(source: Source, set: string): Promise<string> {
  let text = source.clauseTexts.get(set);
  if (!text) {
    text = load(source)
      .then((pf) => pf.search(null, { filters: { set } }))
      .then(async (r) => (await r?.results[0]?.data())?.meta['text'] ?? '');
    source.clauseTexts.set(set, text);
  }
  return text;
}

function partsInto(el: HTMLElement, parts: ExcerptPart[]): void {
  for (const part of parts) {
    if (part.hit) {
      const m = document.createElement('mark');
      m.textContent = part.text;
      el.append(m);
    } else el.append(part.text);
  }
}

/** A result's explanation: the fact with its label, or the body's sentence; from its 特記事項 when only they hold it. */
async function explanationOf({ d, source }: Shown): Promise<HTMLElement> {
  const p = document.createElement('p');
  p.className = 'excerpt';
  const e = explain(d.meta, marks);
  if (e.parts.some((x) => x.hit)) {
    if (e.label) {
      const label = document.createElement('span');
      label.className = 'excerpt-source';
      label.textContent = `${e.label}：`;
      p.append(label);
    }
    partsInto(p, e.parts);
    return p;
  }
  const id = d.filters?.['clauseset']?.[0];
  const set = source.clauseSets.find((value) => clauseSetOfValue(value) === id);
  if (set) {
    const label = document.createElement('span');
    label.className = 'excerpt-source';
    label.textContent = W.clauseSource;
    p.append(label);
    partsInto(p, excerpt(await clauseText(source, set), marks));
  } else partsInto(p, e.parts);
  return p;
}

async function resultItem(shown: Shown): Promise<HTMLLIElement> {
  const { d, source } = shown;
  const li = document.createElement('li');
  li.className = 'result';
  const h = document.createElement('h2');
  const a = document.createElement('a');
  // Only a link on the archive's own origin (an archive is untrusted on a portal); one that is
  // stays as written.
  const home = new URL(source.site, location.href).href;
  const link = ownLink(d.url, home);
  a.href = link !== home || d.url === home ? d.url : link;
  a.textContent = d.meta['title'] ?? d.url;
  h.append(a);
  const meta = document.createElement('p');
  meta.className = 'meta';
  if (portal) {
    const m = document.createElement('span');
    m.className = 'municipality';
    m.textContent = source.label;
    meta.append(m, ' ');
  }
  const kind = document.createElement('span');
  kind.className = 'kind';
  kind.textContent = d.meta['kind'] ?? '';
  meta.append(kind, ` ${d.meta['dateLabel'] ?? ''}・${d.meta['department'] ?? ''}`);
  if (d.meta['version']) {
    const v = document.createElement('span');
    v.className = 'version';
    v.textContent = `${W.version}${d.meta['version']}`;
    meta.append(' ', v);
  }
  li.append(h, meta);
  if (marks.length > 0) li.append(await explanationOf(shown));
  // Which form found it, when a term was searched in more than one.
  const text = resultText(d.meta);
  const by = forms.filter((f) => f.source !== 'typed' && containsTerm(text, f.text)).map((f) => f.text);
  if (by.length > 0) {
    const m = document.createElement('p');
    m.className = 'matched';
    m.textContent = `${W.matched}${[...new Set(by)].join('、')}`;
    li.append(m);
  }
  return li;
}

async function appendPage(into: HTMLOListElement, items: Item[], from: number, button: HTMLButtonElement | null): Promise<void> {
  // A page at once: a reader never sees half a page, and the button's state changes with the list.
  const page = (await Promise.all(items.slice(from, from + PAGE).map((f) => f()))).filter((x): x is Shown => x !== undefined);
  const nodes = await Promise.all(page.map((d) => resultItem(d)));
  into.append(...nodes);
  if (button) button.hidden = items.length <= from + PAGE;
}

function renderChips(chips: YearChip[], q: string): void {
  if (!chipsBox) return;
  chipsBox.replaceChildren();
  chipsBox.hidden = chips.length === 0;
  for (const chip of chips) {
    const label = yearLabel(chip.value, chip.facet === 'fy');
    const span = document.createElement('span');
    span.className = 'chip';
    span.append(W.yearChip(label));
    const x = document.createElement('button');
    x.type = 'button';
    x.textContent = '×';
    x.setAttribute('aria-label', W.removeChip(label));
    x.addEventListener('click', () => go({ q: withoutYear(q, chip) }));
    span.append(x);
    chipsBox.append(span);
  }
}

function renderExpansions(expansions: Expansion[], off: string[]): void {
  if (!expansionsBox) return;
  expansionsBox.replaceChildren();
  const shown = expansions.filter((s) => s.variants.length > 1);
  expansionsBox.hidden = shown.length === 0;
  for (const s of shown) {
    const box = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = W.expandedFor(s.term.text);
    box.append(legend);
    for (const { variant, count } of s.variants) {
      if (variant.source === 'typed') continue;
      const label = document.createElement('label');
      const check = document.createElement('input');
      check.type = 'checkbox';
      check.checked = !off.includes(variant.text);
      check.dataset['variant'] = variant.text;
      check.addEventListener('change', () => {
        const state = stateFromUrl();
        const next = check.checked ? state.off.filter((o) => o !== variant.text) : [...state.off, variant.text];
        go({ off: next });
      });
      const what = document.createElement('span');
      what.className = 'variant-source';
      what.textContent = W.sources[variant.source];
      label.append(check, variant.text, count === undefined ? '' : W.variantCount(count), what);
      box.append(label);
    }
    expansionsBox.append(box);
  }
}

function facetLabel(f: SearchFacet, v: string): string {
  if (f === 'year') return yearLabel(v);
  if (f === 'fy') return yearLabel(v, true);
  if (f === 'version') return versionNames[v] ?? v;
  return v;
}

function renderFacets(counts: Counts, filters: Filters): void {
  if (!facetsBox) return;
  facetsBox.replaceChildren();
  for (const f of SEARCH_FACETS) {
    const values = Object.entries(counts[f] ?? {}).filter(([, n]) => n > 0);
    const chosen = filters[f];
    if (chosen && !values.some(([v]) => v === chosen)) values.push([chosen, 0]);
    if (values.length === 0) continue;
    values.sort((a, b) => (f === 'year' || f === 'fy' ? b[0].localeCompare(a[0]) : b[1] - a[1] || a[0].localeCompare(b[0], 'ja')));
    const label = document.createElement('label');
    label.textContent = W.facets[f];
    const select = document.createElement('select');
    select.name = f;
    select.append(new Option(W.all, ''));
    for (const [v, n] of values) select.append(new Option(`${facetLabel(f, v)}（${n}）`, v, false, v === chosen));
    select.addEventListener('change', () => go({ filters: { ...stateFromUrl().filters, [f]: select.value } }));
    label.append(select);
    facetsBox.append(label);
  }
}

function renderHelp(help: Help[], filters: Filters): void {
  if (!helpBox) return;
  helpBox.replaceChildren();
  helpBox.hidden = help.length === 0;
  if (help.length === 0) return;
  const lead = document.createElement('p');
  lead.textContent = W.whyNone;
  const ul = document.createElement('ul');
  for (const h of help) {
    const li = document.createElement('li');
    if (h.kind === 'term-none') li.textContent = W.termFoundNothing(h.term);
    else if (h.kind === 'term-alone') li.textContent = W.termFound(h.term, h.count);
    else if (h.kind === 'filter') {
      li.append(W.filterEmptied(h.label, h.count), ' ');
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = W.dropFilter(h.label);
      b.addEventListener('click', () => go({ filters: { ...filters, [h.facet]: '' } }));
      li.append(b);
    } else {
      li.append(W.tryInstead, ' ');
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = `${h.text}${W.variantCount(h.count)}`;
      b.addEventListener('click', () => go({ q: h.text, off: [] }));
      li.append(b);
    }
    ul.append(li);
  }
  helpBox.append(lead, ul);
}

/** The archives that did not answer this search, and those refused for their index's format, with a retry. */
function renderUnanswered(silent: Source[]): void {
  if (!unanswered) return;
  unanswered.replaceChildren();
  const refused = sources.filter((s) => s.refused);
  unanswered.hidden = silent.length === 0 && refused.length === 0;
  for (const s of refused) {
    const p = document.createElement('p');
    p.textContent = s.refused ?? '';
    unanswered.append(p);
  }
  if (silent.length === 0) return;
  const p = document.createElement('p');
  p.append(W.unanswered(silent.map((s) => s.label)), ' ');
  const retry = document.createElement('button');
  retry.type = 'button';
  retry.textContent = W.retry;
  retry.addEventListener('click', () => void run());
  p.append(retry);
  unanswered.append(p);
}

// ---- The run --------------------------------------------------------------------------------

async function run(): Promise<void> {
  if (!list || !status) return;
  const mine = ++generation;
  list.setAttribute('aria-busy', 'true');
  status.textContent = W.searching;
  try {
    await search(mine);
  } catch {
    if (mine !== generation) return;
    // The search library or its index did not load: say so, offer a retry, and stop being busy.
    status.replaceChildren(W.loadFailed, ' ');
    const retry = document.createElement('button');
    retry.type = 'button';
    retry.id = 'search-retry';
    retry.textContent = W.retry;
    retry.addEventListener('click', () => void run());
    status.append(retry);
    list.replaceChildren();
    list.setAttribute('aria-busy', 'false');
  }
}

/** What one archive gave for the query. */
interface Outcome {
  source: Source;
  own: PagefindResult[];
  clauseOnly: PagefindResult[];
  searches: TermSearch[];
  counts?: Counts;
}

/** The query in one archive, as its own search page would run it. */
async function searchSource(
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
async function answerOf(source: Source, work: () => Promise<Outcome>): Promise<Outcome | undefined> {
  const before = source.failures;
  try {
    const outcome = await work();
    return source.failures === before ? outcome : undefined;
  } catch (e) {
    if (!portal) throw e;
    return undefined;
  }
}

async function search(mine: number): Promise<void> {
  if (!list || !status) return;
  const state = stateFromUrl();
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
        if (withFacets) versionNames = { ...(await json<Record<string, string>>(source, 'versions.json', {})), ...versionNames };
        return searchSource(source, query, state, filterOptions, withFacets);
      }),
    ),
  );
  if (mine !== generation) return;
  const outcomes = answers.filter((o): o is Outcome => o !== undefined);
  // Not answered: failed or timed out (an archive refused on its manifest is said apart).
  const silent = chosen.filter((s, i) => answers[i] === undefined && !s.refused);
  // Every archive failed: the search itself did not load (the archive's own page has just one).
  if (outcomes.length === 0 && silent.length > 0 && silent.length === chosen.length) throw new Error('no archive answered');
  const perSource = outcomes.map((o) => o.searches);
  marks = [...new Set(perSource.flat().flatMap((s) => s.variants.filter((v) => v.active).map((v) => v.variant.text)))];
  forms = perSource.flat().flatMap((s) => s.variants.map((v) => v.variant));

  let counts: Counts | undefined;
  if (withFacets) {
    counts = sumCounts(outcomes.map((o) => o.counts));
    if (portal) counts['municipality'] = Object.fromEntries(outcomes.map((o) => [o.source.label, o.own.length + o.clauseOnly.length]));
  }
  const own = interleave(outcomes.map((o) => o.own.map((r) => itemOf(r, o.source))));
  if (query.terms.length > 0 && own.length <= PAGE) {
    const data = (await Promise.all(own.map((f) => f()))).filter((x): x is Shown => x !== undefined);
    const ranked = rank(data, marks, query.terms);
    shownOwn = ranked.map((x) => () => Promise.resolve(x));
  } else shownOwn = own;
  shownClauses = interleave(outcomes.map((o) => o.clauseOnly.map((r) => itemOf(r, o.source))));
  if (mine !== generation) return;

  renderChips(query.years, state.q);
  renderExpansions(expansionsOf(perSource), state.off);
  if (withFacets) renderFacets(counts ?? {}, state.filters);
  renderUnanswered(silent);
  list.replaceChildren();
  await appendPage(list, shownOwn, 0, more);
  if (clauseGroup && clauseSummary && clauseList) {
    // One line for them all, closed: a reader opens it to see them.
    clauseGroup.open = false;
    clauseGroup.hidden = shownClauses.length === 0;
    clauseSummary.textContent = W.clauseOnly(shownClauses.length);
    clauseList.replaceChildren();
    if (clauseGroup.open) await appendPage(clauseList, shownClauses, 0, clauseMore);
  }
  if (mine !== generation) return;
  const total = shownOwn.length + shownClauses.length;
  const asked = state.q.trim() !== '' || Object.keys(filterOptions).length > 0 || (portal && municipality !== undefined);
  status.textContent = !asked ? W.prompt : total === 0 ? W.none(state.q) : W.found(total, state.q);
  const help = total === 0 && asked ? await whyEmpty(outcomes, query.terms, filterOptions, state) : [];
  renderHelp(help, filterOptions);
  list.setAttribute('aria-busy', 'false');
}

/** Search again without each part of an empty query, to say what emptied it (counted over every archive that answered). */
async function whyEmpty(outcomes: Outcome[], terms: QueryTerm[], filters: Record<string, string>, state: State): Promise<Help[]> {
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

// ---- Events ---------------------------------------------------------------------------------

form?.addEventListener('submit', (e) => {
  e.preventDefault();
  go({ q: input?.value.trim() ?? '', off: [] });
});
more?.addEventListener('click', () => {
  if (list) void appendPage(list, shownOwn, list.children.length, more);
});
clauseMore?.addEventListener('click', () => {
  if (clauseList) void appendPage(clauseList, shownClauses, clauseList.children.length, clauseMore);
});
clauseGroup?.addEventListener('toggle', () => {
  if (clauseGroup.open && clauseList && clauseList.childElementCount === 0) void appendPage(clauseList, shownClauses, 0, clauseMore);
});
ownOnly?.addEventListener('change', () => go({ own: ownOnly.checked }));
window.addEventListener('popstate', () => void run());
facetsPanel?.addEventListener('toggle', () => {
  if (facetsPanel.open && facetsBox?.childElementCount === 0) void run();
});
if (root) {
  root.hidden = false;
  void run();
}
