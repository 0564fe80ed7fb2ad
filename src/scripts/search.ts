/**
 * The search page. Queries are cut by src/lib/search-tokens.ts, the same code that cut the
 * indexed text, and run against the Pagefind index as exact phrases; several terms are ANDed.
 * The query and the facets live in the URL. Everything from the index is inserted as text.
 */
import {
  CLAUSE_SHARD,
  clauseSetOfValue,
  containsTerm,
  clauseSetToken,
  excerpt,
  FILING_SHARDS,
  inStream,
  pagefindQuery,
  parseQuery,
  queryStream,
  searchPlan,
  STREAMS,
  type SearchPlan,
  type Stream,
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

export const FACETS = ['kind', 'year', 'bureau', 'section', 'contractor', 'article'] as const;
type Facet = (typeof FACETS)[number];
const PAGE = 10;

const root = document.querySelector<HTMLElement>('#search');
const form = document.querySelector<HTMLFormElement>('#search-form');
const input = document.querySelector<HTMLInputElement>('#search-q');
const list = document.querySelector<HTMLOListElement>('#search-results');
const status = document.querySelector<HTMLElement>('#search-status');
const facetsBox = document.querySelector<HTMLElement>('#search-facets');
const facetsPanel = document.querySelector<HTMLDetailsElement>('#search-facets-panel');
const more = document.querySelector<HTMLButtonElement>('#search-more');
/** Every kind of filing this archive has (src/pages/search.astro): a filter on them keeps every filing. */
const kinds = ((): string[] => {
  try {
    const parsed: unknown = JSON.parse(root?.dataset['kinds'] ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return [];
  }
})();

/** One Pagefind instance per token stream: each stream is an index of its own (scripts/lib/search-index.ts). */
const instances = new Map<Stream, Promise<Pagefind>>();
/** The instance the shown results came from. */
let current: Pagefind | undefined;
/** Instances start one at a time: each reads <html lang> while it starts (below). */
let starting: Promise<unknown> = Promise.resolve();
let shown: Array<() => Promise<PagefindResultData>> = [];
let generation = 0;

function load(stream: Stream = STREAMS[0] ?? 'tri'): Promise<Pagefind> {
  let instance = instances.get(stream);
  if (!instance) {
    instance = starting.then(() => start(stream));
    starting = instance.catch(() => undefined);
    instances.set(stream, instance);
  }
  return instance;
}

async function start(stream: Stream): Promise<Pagefind> {
  const base = root?.dataset['base'] ?? '/';
  const pf = (await import(/* @vite-ignore */ `${base}pagefind/${stream}/pagefind.js`)) as Pagefind;
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

function stateFromUrl(): { q: string; filters: Partial<Record<Facet, string>> } {
  const params = new URLSearchParams(location.search);
  const filters: Partial<Record<Facet, string>> = {};
  for (const f of FACETS) {
    const v = params.get(f);
    if (v) filters[f] = v;
  }
  return { q: params.get('q') ?? '', filters };
}

function writeUrl(q: string, filters: Partial<Record<Facet, string>>, push: boolean): void {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  for (const f of FACETS) if (filters[f]) params.set(f, filters[f] ?? '');
  const next = `${location.pathname}${params.size > 0 ? `?${params}` : ''}`;
  if (next === `${location.pathname}${location.search}`) return;
  if (push) history.pushState(null, '', next);
  else history.replaceState(null, '', next);
}

/** Rank: all terms in the title first, then more occurrences, then newer. */
function rank(items: PagefindResultData[], terms: string[]): PagefindResultData[] {
  const count = (d: PagefindResultData): number => excerpt(d.meta['text'] ?? '', terms, 0).filter((p) => p.hit).length;
  const inTitle = (d: PagefindResultData): number =>
    terms.length > 0 && terms.every((t) => excerpt(d.meta['title'] ?? '', [t], 0).some((p) => p.hit)) ? 1 : 0;
  return items
    .map((d) => ({ d, t: inTitle(d), c: count(d) }))
    .sort((a, b) => b.t - a.t || b.c - a.c || (b.d.meta['date'] ?? '').localeCompare(a.d.meta['date'] ?? ''))
    .map((x) => x.d);
}

/** Above this many results (more than one page), keep the date order and load result data a page at a time: each result costs a fragment download. */
const RANK_LIMIT = PAGE;
/** The clause sets the current query found, as `set` filter values (their text gives the excerpt of a filing found only through them). */
let clauseSets: string[] = [];

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

/**
 * Search options with the chosen filters. With none chosen and `all` set, a filter that keeps
 * every filing (and no 特記事項 record): Pagefind counts facets only when a filter is given.
 * Every filing has a kind, and the page knows every kind of the archive (data-kinds).
 */
function withFilters(filters: Record<string, unknown>, all: boolean): { filters?: Record<string, unknown> } {
  if (Object.keys(filters).length > 0) return { filters };
  return all ? { filters: { kind: { any: kinds } } } : {};
}

/** The ids of some results. */
function idSet(results: PagefindResult[]): Set<string> {
  return new Set(results.map((x) => x.id));
}

/**
 * A prefix search, or nothing when the prefix begins no word: Pagefind then falls back to the
 * longest word that begins the query, whose pages need not hold the term. Every page of a real
 * match holds it, so the first result tells the two apart.
 */
async function prefixSearch(pf: Pagefind, prefix: string, options: Record<string, unknown>): Promise<PagefindResponse | null> {
  const r = await pf.search(prefix, options);
  const first = await r?.results[0]?.data();
  if (!first || containsTerm(first.meta['text'] ?? '', prefix)) return r;
  return { results: [], filters: {} };
}

/** The `set` values (特記事項 records) a response counted, newest set first. */
function setsOf(r: PagefindResponse | null): string[] {
  return Object.entries(r?.filters['set'] ?? {})
    .filter(([, n]) => n > 0)
    .map(([value]) => value)
    .sort();
}

/** One term's own matches per shard, and the 特記事項 sets that hold it. */
async function planSearch(
  pf: Pagefind,
  plan: SearchPlan,
  options: { filters?: Record<string, unknown> },
): Promise<{ shards: Array<PagefindResponse | null>; sets: string[] }> {
  // `none: []` keeps every record but makes Pagefind load and count the (small) `set` filter,
  // which only the 特記事項 records carry.
  const counted = { filters: { set: { none: [] } } };
  if (plan.prefix !== undefined) {
    // One character: one search over every shard and the 特記事項 records, then the filings
    // alone, without the sets found.
    const all = await prefixSearch(pf, plan.prefix, counted);
    const sets = setsOf(all);
    if (sets.length === 0 && !options.filters) return { shards: [all], sets };
    const filings = await prefixSearch(pf, plan.prefix, { filters: { ...(options.filters ?? {}), set: { none: sets } } });
    return { shards: [filings], sets };
  }
  const [shards, clauses] = await Promise.all([
    Promise.all(FILING_SHARDS.map((s) => pf.search(pagefindQuery(plan, s), options))),
    pf.search(pagefindQuery(plan, CLAUSE_SHARD), counted),
  ]);
  return { shards, sets: setsOf(clauses) };
}

/**
 * The filings one term finds: those whose own text has it, newest first (one search per shard,
 * see src/lib/search-tokens.ts), then those that have it only in their 特記事項, found through
 * the clause sets that contain it (src/lib/search-records.ts). With `counts`, the facet counts
 * of that union.
 */
async function searchTerm(
  pf: Pagefind,
  plan: SearchPlan,
  filters: Record<string, unknown>,
  counts: boolean,
): Promise<{ results: PagefindResult[]; counts: Counts | undefined; sets: string[] }> {
  const { shards, sets } = await planSearch(pf, plan, withFilters(filters, counts));
  const own = concat(shards);
  const ownCounts = counts ? sumCounts(shards.map((r) => r?.filters)) : undefined;
  if (sets.length === 0) return { results: own, counts: ownCounts, sets };
  const seen = idSet(own);
  const ids = sets.map(clauseSetOfValue);
  if (!counts) {
    // The filings of each set, by the word they carry for it, newest set first. Not by the
    // `clauseset` filter: a filter once loaded makes Pagefind count it in every later search,
    // which costs more than these searches.
    const bySet = await Promise.all(ids.map((id) => pf.search(`"${clauseSetToken(id)}"`)));
    return { results: [...own, ...concat(bySet).filter((r) => !seen.has(r.id))], counts: undefined, sets };
  }
  const bySet = { filters: { ...filters, clauseset: { any: ids } } };
  const [via, both] = await Promise.all([pf.search(null, bySet), planSearch(pf, plan, bySet)]);
  return {
    results: [...own, ...(via?.results ?? []).filter((r) => !seen.has(r.id))],
    counts: unionCounts(ownCounts, via?.filters, sumCounts(both.shards.map((r) => r?.filters))),
    sets,
  };
}

async function run(): Promise<void> {
  if (!list || !status) return;
  const mine = ++generation;
  const { q, filters } = stateFromUrl();
  if (input && input.value !== q) input.value = q;
  list.setAttribute('aria-busy', 'true');
  status.textContent = '検索しています…';
  const terms = parseQuery(q).terms;
  // All terms in one stream, so their results can be intersected (queryStream).
  const own = terms.map((t) => searchPlan(t));
  const stream = queryStream(own);
  const plans = own.map((p, i) => inStream(p, terms[i] ?? '', stream));
  const pf = await load(stream);
  // Facet counts cost the filter indexes, so they are fetched only once the facet panel is
  // opened or a facet is in use.
  const withFacets = (facetsPanel?.open ?? false) || Object.keys(filters).length > 0;
  if (withFacets && facetsPanel) facetsPanel.open = true;
  // Pagefind counts the filters it has loaded; these are the totals.
  const totals = withFacets ? await pf.filters() : undefined;
  let results: PagefindResult[];
  let counts: Counts | undefined;
  if (terms.length === 0 && Object.keys(filters).length === 0) {
    // Nothing asked: every filing is listed on /filings/; a search lists nothing yet.
    results = [];
    counts = totals;
    clauseSets = [];
  } else if (terms.length === 0) {
    const r = await pf.search(null, withFilters(filters, true));
    results = r?.results ?? [];
    counts = r?.filters;
    clauseSets = [];
  } else if (plans.length === 1 && plans[0]) {
    const r = await searchTerm(pf, plans[0], filters, withFacets);
    results = r.results;
    counts = r.counts;
    clauseSets = r.sets;
  } else {
    // Pagefind matches one exact phrase per search: each term is searched, the results intersected.
    const responses = await Promise.all(plans.map((p) => searchTerm(pf, p, filters, false)));
    const sets = responses.map((r) => idSet(r.results));
    results = (responses[0]?.results ?? []).filter((x) => sets.every((set) => set.has(x.id)));
    clauseSets = [...new Set(responses.flatMap((r) => r.sets))];
  }
  const needData = terms.length > 0 && (results.length <= RANK_LIMIT || (withFacets && !counts));
  if (needData) {
    const data = await Promise.all(results.slice(0, RANK_LIMIT * 5).map((r) => r.data()));
    const ranked = rank(data, terms);
    shown = ranked.map((d) => () => Promise.resolve(d));
    if (withFacets) counts ??= countFacets(data);
  } else {
    shown = results.map((r) => r.data);
  }
  if (mine !== generation) return;
  current = pf;
  if (withFacets) renderFacets(counts ?? {}, filters);
  list.replaceChildren();
  await appendResults(0, terms);
  if (mine !== generation) return;
  status.textContent =
    !q && Object.keys(filters).length === 0
      ? '検索語を入力するか、絞り込みを選んでください。'
      : shown.length === 0
        ? q
          ? `「${q}」に一致する諮問・報告事項はありません。`
          : '該当する諮問・報告事項はありません。'
        : `${shown.length}件${q ? `（「${q}」）` : ''}`;
  list.setAttribute('aria-busy', 'false');
}

function countFacets(items: PagefindResultData[]): Record<string, Record<string, number>> {
  // Several terms are searched one by one; their facets are counted over the intersection, from
  // the values each result carries as metadata (src/lib/search-records.ts).
  const out: Record<string, Record<string, number>> = {};
  const lines = (s: string | undefined): string[] => (s ? s.split('\n').filter(Boolean) : []);
  for (const d of items) {
    const values: Record<Facet, string[]> = {
      kind: lines(d.meta['kind']),
      year: lines(d.meta['date']?.slice(0, 4)),
      bureau: lines(d.meta['bureau']),
      section: lines(d.meta['section']),
      contractor: lines(d.meta['contractors']),
      article: lines(d.meta['articles']),
    };
    for (const [k, vs] of Object.entries(values)) for (const v of vs) (out[k] ??= {})[v] = (out[k]?.[v] ?? 0) + 1;
  }
  return out;
}

const clauseTexts = new Map<string, Promise<string>>();

/** The text of a clause set (its search record's), fetched once. */
function clauseText(set: string): Promise<string> {
  let text = clauseTexts.get(set);
  if (!text) {
    text = (current ? Promise.resolve(current) : load())
      .then((pf) => pf.search(null, { filters: { set } }))
      .then(async (r) => (await r?.results[0]?.data())?.meta['text'] ?? '');
    clauseTexts.set(set, text);
  }
  return text;
}

/** The excerpt of a result: from its own text, or from its 特記事項 when only they hold the term. */
async function excerptOf(d: PagefindResultData, terms: string[]): Promise<HTMLElement> {
  const p = document.createElement('p');
  p.className = 'excerpt';
  let parts = excerpt(d.meta['text'] ?? '', terms);
  const id = d.filters?.['clauseset']?.[0];
  const set = clauseSets.find((value) => clauseSetOfValue(value) === id);
  if (!parts.some((x) => x.hit) && set) {
    const label = document.createElement('span');
    label.className = 'excerpt-source';
    label.textContent = '特記事項：';
    p.append(label);
    parts = excerpt(await clauseText(set), terms);
  }
  for (const part of parts) {
    if (part.hit) {
      const m = document.createElement('mark');
      m.textContent = part.text;
      p.append(m);
    } else {
      p.append(part.text);
    }
  }
  return p;
}

async function appendResults(from: number, terms: string[]): Promise<void> {
  if (!list) return;
  const page = await Promise.all(shown.slice(from, from + PAGE).map((load) => load()));
  for (const d of page) {
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
    li.append(h, meta);
    if (terms.length > 0) li.append(await excerptOf(d, terms));
    list.append(li);
  }
  if (more) more.hidden = shown.length <= from + PAGE;
}

const LABELS: Record<Facet, string> = {
  kind: '種別',
  year: '年',
  bureau: '部',
  section: '課',
  contractor: '委託先',
  article: '条例の根拠',
};

function renderFacets(counts: Record<string, Record<string, number>>, filters: Partial<Record<Facet, string>>): void {
  if (!facetsBox) return;
  facetsBox.replaceChildren();
  for (const f of FACETS) {
    const values = Object.entries(counts[f] ?? {}).filter(([, n]) => n > 0);
    const chosen = filters[f];
    if (chosen && !values.some(([v]) => v === chosen)) values.push([chosen, 0]);
    if (values.length === 0) continue;
    values.sort((a, b) => (f === 'year' ? b[0].localeCompare(a[0]) : b[1] - a[1] || a[0].localeCompare(b[0], 'ja')));
    const label = document.createElement('label');
    label.textContent = LABELS[f];
    const select = document.createElement('select');
    select.name = f;
    select.append(new Option('すべて', ''));
    for (const [v, n] of values) select.append(new Option(`${v}（${n}）`, v, false, v === chosen));
    select.addEventListener('change', () => {
      const state = stateFromUrl();
      const next = { ...state.filters, [f]: select.value };
      writeUrl(state.q, next, true);
      void run();
    });
    label.append(select);
    facetsBox.append(label);
  }
}

form?.addEventListener('submit', (e) => {
  e.preventDefault();
  const state = stateFromUrl();
  writeUrl(input?.value.trim() ?? '', state.filters, true);
  void run();
});
more?.addEventListener('click', () => {
  const terms = parseQuery(stateFromUrl().q).terms;
  void appendResults(list?.children.length ?? 0, terms);
});
window.addEventListener('popstate', () => void run());
facetsPanel?.addEventListener('toggle', () => {
  if (facetsPanel.open && facetsBox?.childElementCount === 0) void run();
});
if (root) {
  root.hidden = false;
  void run();
}
