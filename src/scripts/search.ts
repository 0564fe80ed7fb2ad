/**
 * The search page: the DOM and Pagefind; what a query means is src/lib/search-query.ts, where a
 * hit is src/lib/search-explain.ts, what to say when nothing is found src/lib/search-help.ts.
 * Queries are cut by src/lib/search-tokens.ts, the same code that cut the indexed text, and run
 * as exact phrases; several terms are ANDed; each term is found in any of its forms (as typed,
 * the words its kana reads as, its other names). The query, the facets and the forms switched
 * off live in the URL. Everything from the index is inserted as text.
 */
import { SEARCH_UI as W } from '../lib/labels.ts';
import { SPLIT, foldReading, isKanaTerm, readingBucket, type ReadingBucket } from '../lib/readings.ts';
import { explain, resultText } from '../lib/search-explain.ts';
import { emptyHelp, type Help } from '../lib/search-help.ts';
import type { NameGroups } from '../lib/search-names.ts';
import { parseSearch, termVariants, withoutYear, yearLabel, type QueryTerm, type Variant, type YearChip } from '../lib/search-query.ts';
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
} from '../lib/search-tokens.ts';

interface PagefindResultData {
  url: string;
  meta: Record<string, string>;
  filters?: Record<string, string[]>;
}
interface PagefindResult {
  id: string;
  data: () => Promise<PagefindResultData>;
}
interface PagefindResponse {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (q: string | null, o?: Record<string, unknown>) => Promise<PagefindResponse | null>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}

/** The facets, named as on /filings/ (so a link carries a filter from one page to the other). */
export const FACETS = ['kind', 'year', 'fy', 'bureau', 'section', 'contractor', 'article', 'item', 'version'] as const;
type Facet = (typeof FACETS)[number];
type Filters = Partial<Record<Facet, string>>;
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
const base = root?.dataset['base'] ?? '/';
/** Every kind of filing this archive has (src/pages/search.astro): a filter on them keeps every filing. */
const kinds = ((): string[] => {
  try {
    const parsed: unknown = JSON.parse(root?.dataset['kinds'] ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return [];
  }
})();

// ---- Pagefind -------------------------------------------------------------------------------

/** The one Pagefind instance (all token streams are one index, scripts/lib/search-index.ts). */
let instance: Promise<Pagefind> | undefined;

function load(): Promise<Pagefind> {
  if (!instance) {
    const started = start();
    instance = started;
    // A failed start is not kept: the retry button starts it again.
    started.catch(() => {
      if (instance === started) instance = undefined;
    });
  }
  return instance;
}

async function start(): Promise<Pagefind> {
  const pf = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
  // Pagefind takes the query language from <html lang> when it starts, and for ja it re-cuts the
  // query with Intl.Segmenter (the mismatch of Pagefind issue #1237), which would break our
  // tokens. It has no option to set the language, so it starts while the page says zxx, the
  // language the index is written in (src/lib/search-records.ts).
  const html = document.documentElement;
  const lang = html.lang;
  html.lang = 'zxx';
  try {
    // On the main thread, not in Pagefind's web worker: a search answers in a few milliseconds
    // either way, but the worker hands every result across with a FinalizationRegistry entry,
    // and at 10,000 filings the garbage of a query with thousands of results set off
    // collections of 200–800 ms in the queries after it (measured in headless Chromium). The
    // page's CSP allows WebAssembly here ('wasm-unsafe-eval'); the worker file is not fetched.
    await pf.options({ baseUrl: '/', noWorker: true });
    await pf.init();
  } finally {
    html.lang = lang;
  }
  return pf;
}

/** A small JSON file of the index (names, versions, a reading bucket), fetched once. */
const files = new Map<string, Promise<unknown>>();
function json<T>(file: string, fallback: T): Promise<T> {
  let p = files.get(file);
  if (!p) {
    p = fetch(`${base}pagefind/${file}`).then((r) => (r.ok ? (r.json() as Promise<unknown>) : fallback));
    p.catch(() => files.delete(file));
    files.set(file, p);
  }
  return p as Promise<T>;
}

/** The reading bucket of a kana term (its first character's, or its first two's when that one is split). */
async function bucketOf(term: string): Promise<ReadingBucket | undefined> {
  if (!isKanaTerm(term)) return undefined;
  const folded = foldReading(term);
  const one = await json<ReadingBucket>(`readings/${readingBucket(folded, 1)}.json`, {});
  if (!(SPLIT in one)) return one;
  return json<ReadingBucket>(`readings/${readingBucket(folded, 2)}.json`, {});
}

// ---- State in the URL -----------------------------------------------------------------------

interface State {
  q: string;
  filters: Filters;
  /** Forms of terms switched off. */
  off: string[];
  /** Leave out filings that have the terms only in their 特記事項. */
  own: boolean;
}

function stateFromUrl(): State {
  const params = new URLSearchParams(location.search);
  const filters: Filters = {};
  for (const f of FACETS) {
    const v = params.get(f);
    if (v) filters[f] = v;
  }
  return { q: params.get('q') ?? '', filters, off: params.getAll('off'), own: params.get('own') === '1' };
}

function writeUrl(state: State, push: boolean): void {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const f of FACETS) if (state.filters[f]) params.set(f, state.filters[f] ?? '');
  for (const o of state.off) params.append('off', o);
  if (state.own) params.set('own', '1');
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
 * Search options with the chosen filters. With none chosen and `all` set, a filter that keeps
 * every filing (and no 特記事項 record): Pagefind counts facets only when a filter is given.
 */
function withFilters(filters: Record<string, unknown>, all: boolean): { filters?: Record<string, unknown> } {
  if (Object.keys(filters).length > 0) return { filters };
  return all ? { filters: { kind: { any: kinds } } } : {};
}

/** The results of several searches, in order, each page once. */
function concat(responses: Array<PagefindResponse | null>): PagefindResult[] {
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
function setsOf(r: PagefindResponse | null): string[] {
  return Object.entries(r?.filters['set'] ?? {})
    .filter(([, n]) => n > 0)
    .map(([value]) => value)
    .sort();
}

/**
 * A prefix search, or nothing when the prefix begins no word: Pagefind then falls back to the
 * longest word that begins the query, whose pages need not hold the term. Every page of a real
 * match holds it, so the first result tells the two apart.
 */
async function prefixSearch(pf: Pagefind, plan: SearchPlan, options: Record<string, unknown>): Promise<PagefindResponse | null> {
  const r = await pf.search(pagefindQuery(plan, 0), options);
  const first = await r?.results[0]?.data();
  if (!first || containsTerm(resultText(first.meta) || (first.meta['text'] ?? ''), plan.prefix ?? '')) return r;
  return { results: [], filters: {} };
}

/** What one form of a term finds: filings by their own text, filings through the 特記事項 sets that hold it. */
interface Found {
  own: PagefindResult[];
  via: PagefindResult[];
  sets: string[];
}

/** One plan in every shard and in the 特記事項 records, with the filters (src/lib/search-tokens.ts has why shards). */
async function searchPlanned(pf: Pagefind, plan: SearchPlan, filters: Record<string, unknown>): Promise<Found> {
  // `none: []` keeps every record but makes Pagefind load and count the (small) `set` filter,
  // which only the 特記事項 records carry.
  const counted = { filters: { set: { none: [] } } };
  const options = withFilters(filters, false);
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
  const bySet = await Promise.all(sets.map((v) => pf.search(`"${clauseSetToken(clauseSetOfValue(v))}"`, options)));
  return { own, via: concat(bySet).filter((r) => !seen.has(r.id)), sets };
}

type Counts = Record<string, Record<string, number>>;

/** Counts of a union: a + b − (a ∩ b), value by value. */
function unionCounts(a: Counts | undefined, b: Counts | undefined, both: Counts | undefined): Counts {
  const out: Counts = {};
  for (const f of FACETS)
    for (const source of [a, b])
      for (const [v, n] of Object.entries(source?.[f] ?? {}))
        (out[f] ??= {})[v] = (out[f]?.[v] ?? 0) + n - (source === a ? 0 : (both?.[f]?.[v] ?? 0));
  return out;
}

/** Several responses' facet counts added up. */
function sumCounts(all: Array<Counts | undefined>): Counts {
  const out: Counts = {};
  for (const c of all)
    for (const [f, values] of Object.entries(c ?? {}))
      for (const [v, n] of Object.entries(values)) (out[f] ??= {})[v] = (out[f]?.[v] ?? 0) + n;
  return out;
}

/**
 * The facet counts of one phrase's filings (its own text, and through the 特記事項 sets), counted
 * by Pagefind: per shard, then for the filings of the sets, less those counted twice.
 */
async function countPlan(pf: Pagefind, plan: SearchPlan, filters: Record<string, unknown>, ownOnly: boolean): Promise<Counts> {
  const options = withFilters(filters, true);
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

/** A term as searched: each of its forms, and what each found. */
interface TermSearch {
  term: QueryTerm;
  variants: Array<{ variant: Variant; active: boolean; found?: Found }>;
  own: Map<string, PagefindResult>;
  via: Map<string, PagefindResult>;
  sets: string[];
}

/** Search every active form of every term, each in its own stream. */
async function searchTerms(
  terms: QueryTerm[],
  off: string[],
  filters: Filters,
  facets = false,
): Promise<{ pf: Pagefind; searches: TermSearch[] }> {
  const names = await json<NameGroups>('names.json', { companies: [], terms: [] });
  const expanded = await Promise.all(
    terms.map(async (term) => ({ term, variants: termVariants(term, { readings: await bucketOf(term.text), names }) })),
  );
  const pf = await load();
  // Pagefind counts only the filters it has loaded: with the facets shown, load them all first.
  if (facets) await pf.filters();
  const searches = await Promise.all(
    expanded.map(async ({ term, variants }): Promise<TermSearch> => {
      const all = await Promise.all(
        variants.map(async (variant) => {
          const active = variant.source === 'typed' || !off.includes(variant.text);
          if (!active) return { variant, active };
          return { variant, active, found: await searchPlanned(pf, searchPlan(variant.text), filters) };
        }),
      );
      const own = new Map<string, PagefindResult>();
      const via = new Map<string, PagefindResult>();
      for (const v of all) for (const r of v.found?.own ?? []) own.set(r.id, r);
      for (const v of all) for (const r of v.found?.via ?? []) if (!own.has(r.id)) via.set(r.id, r);
      return { term, variants: all, own, via, sets: [...new Set(all.flatMap((v) => v.found?.sets ?? []))] };
    }),
  );
  return { pf, searches };
}

/** The filings every term finds: those every term finds in their own text, then the others (some term only in the 特記事項). */
function combine(searches: TermSearch[]): { own: PagefindResult[]; clauseOnly: PagefindResult[] } {
  const [first, ...rest] = searches;
  if (!first) return { own: [], clauseOnly: [] };
  const all = [...first.own.values(), ...first.via.values()].filter((r) => rest.every((s) => s.own.has(r.id) || s.via.has(r.id)));
  const own = all.filter((r) => searches.every((s) => s.own.has(r.id)));
  const ownIds = new Set(own.map((r) => r.id));
  return { own, clauseOnly: all.filter((r) => !ownIds.has(r.id)) };
}

// ---- Rendering ------------------------------------------------------------------------------

/** The words a result was found by, to mark in its excerpt: every active form of every term. */
let marks: string[] = [];
/** The forms of the terms, for the "matched by" line of each result. */
let forms: Variant[] = [];
let shownOwn: Array<() => Promise<PagefindResultData>> = [];
let shownClauses: Array<() => Promise<PagefindResultData>> = [];
let generation = 0;
let versionNames: Record<string, string> = {};
const clauseTexts = new Map<string, Promise<string>>();

/** The text of a clause set (its search record's), fetched once. */
function clauseText(set: string): Promise<string> {
  let text = clauseTexts.get(set);
  if (!text) {
    text = load()
      .then((pf) => pf.search(null, { filters: { set } }))
      .then(async (r) => (await r?.results[0]?.data())?.meta['text'] ?? '');
    clauseTexts.set(set, text);
  }
  return text;
}
let clauseSets: string[] = [];

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
async function explanationOf(d: PagefindResultData): Promise<HTMLElement> {
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
  const set = clauseSets.find((value) => clauseSetOfValue(value) === id);
  if (set) {
    const label = document.createElement('span');
    label.className = 'excerpt-source';
    label.textContent = W.clauseSource;
    p.append(label);
    partsInto(p, excerpt(await clauseText(set), marks));
  } else partsInto(p, e.parts);
  return p;
}

async function resultItem(d: PagefindResultData): Promise<HTMLLIElement> {
  const li = document.createElement('li');
  li.className = 'result';
  const h = document.createElement('h2');
  const a = document.createElement('a');
  a.href = d.url;
  a.textContent = d.meta['title'] ?? d.url;
  h.append(a);
  const meta = document.createElement('p');
  meta.className = 'meta';
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
  if (marks.length > 0) li.append(await explanationOf(d));
  // Which form found it, when a term was searched in more than one.
  const text = resultText(d.meta);
  const by = forms.filter((f) => f.source !== 'typed' && containsTerm(text, f.text)).map((f) => f.text);
  if (by.length > 0) {
    const m = document.createElement('p');
    m.className = 'matched';
    m.textContent = `${W.matched}${by.join('、')}`;
    li.append(m);
  }
  return li;
}

async function appendPage(
  into: HTMLOListElement,
  items: Array<() => Promise<PagefindResultData>>,
  from: number,
  button: HTMLButtonElement | null,
): Promise<void> {
  // A page at once: a reader never sees half a page, and the button's state changes with the list.
  const page = await Promise.all(items.slice(from, from + PAGE).map((f) => f()));
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

function renderExpansions(searches: TermSearch[], off: string[]): void {
  if (!expansionsBox) return;
  expansionsBox.replaceChildren();
  const shown = searches.filter((s) => s.variants.length > 1);
  expansionsBox.hidden = shown.length === 0;
  for (const s of shown) {
    const box = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = W.expandedFor(s.term.text);
    box.append(legend);
    for (const { variant, found } of s.variants) {
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
      label.append(check, variant.text, found ? W.variantCount(found.own.length + found.via.length) : '', what);
      box.append(label);
    }
    expansionsBox.append(box);
  }
}

function facetLabel(f: Facet, v: string): string {
  if (f === 'year') return yearLabel(v);
  if (f === 'fy') return yearLabel(v, true);
  if (f === 'version') return versionNames[v] ?? v;
  return v;
}

function renderFacets(counts: Counts, filters: Filters): void {
  if (!facetsBox) return;
  facetsBox.replaceChildren();
  for (const f of FACETS) {
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

/** Count the facets of some results from their data (each result's fragment holds its filters). */
function countFacets(items: PagefindResultData[]): Counts {
  const out: Counts = {};
  for (const d of items) for (const f of FACETS) for (const v of d.filters?.[f] ?? []) (out[f] ??= {})[v] = (out[f]?.[v] ?? 0) + 1;
  return out;
}

/** Rank: all terms in the title first, then more occurrences, then newer. */
function rank(items: PagefindResultData[], words: string[], terms: QueryTerm[]): PagefindResultData[] {
  const count = (d: PagefindResultData): number => excerpt(resultText(d.meta), words, 0).filter((p) => p.hit).length;
  const inTitle = (d: PagefindResultData): number =>
    terms.length > 0 && terms.every((t) => containsTerm(d.meta['title'] ?? '', t.text)) ? 1 : 0;
  return items
    .map((d) => ({ d, t: inTitle(d), c: count(d) }))
    .sort((a, b) => b.t - a.t || b.c - a.c || (b.d.meta['date'] ?? '').localeCompare(a.d.meta['date'] ?? ''))
    .map((x) => x.d);
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

async function search(mine: number): Promise<void> {
  if (!list || !status) return;
  const state = stateFromUrl();
  if (input && input.value !== state.q) input.value = state.q;
  if (ownOnly) ownOnly.checked = state.own;
  const query = parseSearch(state.q);
  // Year chips are filters: a year in the query beats the same facet chosen in the panel.
  const filters: Filters = { ...state.filters };
  for (const chip of query.years) filters[chip.facet] = chip.value;
  const filterOptions = Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<string, string>;
  const withFacets = (facetsPanel?.open ?? false) || Object.keys(state.filters).length > 0;
  if (withFacets && facetsPanel) facetsPanel.open = true;
  versionNames = withFacets ? await json<Record<string, string>>('versions.json', {}) : versionNames;

  let own: PagefindResult[] = [];
  let clauseOnly: PagefindResult[] = [];
  let counts: Counts | undefined;
  let searches: TermSearch[] = [];
  let pf: Pagefind;
  if (query.terms.length === 0) {
    pf = await load();
    const totals = withFacets ? await pf.filters() : undefined;
    if (Object.keys(filterOptions).length === 0) counts = totals;
    else {
      const r = await pf.search(null, withFilters(filterOptions, true));
      own = r?.results ?? [];
      counts = r?.filters;
    }
    clauseSets = [];
  } else {
    ({ pf, searches } = await searchTerms(query.terms, state.off, filterOptions, withFacets));
    ({ own, clauseOnly } = combine(searches));
    clauseSets = [...new Set(searches.flatMap((s) => s.sets))];
  }
  if (mine !== generation) return;
  marks = searches.flatMap((s) => s.variants.filter((v) => v.active).map((v) => v.variant.text));
  forms = searches.flatMap((s) => s.variants.map((v) => v.variant));
  if (state.own) clauseOnly = [];
  const all = [...own, ...clauseOnly];
  // Facet counts: Pagefind counts one phrase itself; the union of several forms or terms is
  // counted from the results' data (a fragment each), up to COUNT_LIMIT results.
  const active = searches.flatMap((s) => s.variants.filter((v) => v.active).map((v) => v.variant.text));
  const single = searches.length === 1 && active.length === 1 ? searchPlan(active[0] ?? '') : undefined;
  if (withFacets && !counts && single && single.prefix === undefined) counts = await countPlan(pf, single, filterOptions, state.own);
  if (withFacets && !counts && query.terms.length > 0 && all.length <= COUNT_LIMIT)
    counts = countFacets(await Promise.all(all.map((r) => r.data())));
  if (withFacets && !counts) counts = await pf.filters();
  if (query.terms.length > 0 && own.length <= PAGE) {
    const ranked = rank(await Promise.all(own.map((r) => r.data())), marks, query.terms);
    shownOwn = ranked.map((d) => () => Promise.resolve(d));
  } else shownOwn = own.map((r) => r.data);
  shownClauses = clauseOnly.map((r) => r.data);
  if (mine !== generation) return;

  renderChips(query.years, state.q);
  renderExpansions(searches, state.off);
  if (withFacets) renderFacets(counts ?? {}, state.filters);
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
  const asked = state.q.trim() !== '' || Object.keys(filterOptions).length > 0;
  status.textContent = !asked ? W.prompt : total === 0 ? W.none(state.q) : W.found(total, state.q);
  renderHelp(total === 0 && asked ? await whyEmpty(pf, query.terms, searches, filterOptions, state) : [], filterOptions);
  list.setAttribute('aria-busy', 'false');
}

/** Search again without each part of an empty query, to say what emptied it. */
async function whyEmpty(
  pf: Pagefind,
  terms: QueryTerm[],
  searches: TermSearch[],
  filters: Record<string, string>,
  state: State,
): Promise<Help[]> {
  const size = (s: TermSearch): number => s.own.size + s.via.size;
  const facts = {
    terms: searches.map((s) => ({ text: s.term.text, count: size(s) })),
    filters: await Promise.all(
      Object.entries(filters).map(async ([facet, value]) => {
        const rest = Object.fromEntries(Object.entries(filters).filter(([f]) => f !== facet));
        let countWithout: number;
        if (terms.length === 0) countWithout = (await pf.search(null, withFilters(rest, true)))?.results.length ?? 0;
        else {
          const again = await searchTerms(terms, state.off, rest);
          const c = combine(again.searches);
          countWithout = c.own.length + (state.own ? 0 : c.clauseOnly.length);
        }
        return { facet, value, label: `${W.facets[facet as Facet] ?? facet}：${facetLabel(facet as Facet, value)}`, countWithout };
      }),
    ),
    alternatives: searches.flatMap((s) =>
      s.variants
        .filter((v) => v.variant.source !== 'typed' && v.found)
        .map((v) => ({ text: v.variant.text, count: (v.found?.own.length ?? 0) + (v.found?.via.length ?? 0) })),
    ),
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
