/**
 * The search page. Queries are cut by src/lib/search-tokens.ts, the same code that cut the
 * indexed text, and run against the Pagefind index as exact phrases; several terms are ANDed.
 * The query and the facets live in the URL. Everything from the index is inserted as text.
 */
import { excerpt, pagefindQuery, parseQuery } from '../lib/search-tokens.ts';

interface PagefindResultData {
  url: string;
  meta: Record<string, string>;
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

let pagefind: Pagefind | undefined;
let shown: Array<() => Promise<PagefindResultData>> = [];
let generation = 0;

async function load(): Promise<Pagefind> {
  if (!pagefind) {
    const base = root?.dataset['base'] ?? '/';
    const pf = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    // Pagefind takes the query language from <html lang> when it starts, and for ja it re-cuts the
    // query with Intl.Segmenter (the mismatch of Pagefind issue #1237), which would break our
    // tokens. It has no option to set the language, so it starts while the page says zxx, the
    // language the index is written in (src/lib/search-records.ts).
    const html = document.documentElement;
    const lang = html.lang;
    html.lang = 'zxx';
    try {
      await pf.options({ baseUrl: '/' });
      await pf.init();
    } finally {
      html.lang = lang;
    }
    pagefind = pf;
  }
  return pagefind;
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
let allFilters: Record<string, Record<string, number>> | undefined;

async function run(): Promise<void> {
  if (!list || !status) return;
  const mine = ++generation;
  const { q, filters } = stateFromUrl();
  if (input && input.value !== q) input.value = q;
  list.setAttribute('aria-busy', 'true');
  status.textContent = '検索しています…';
  const pf = await load();
  const terms = parseQuery(q).terms;
  // Facet counts cost the filter indexes (the largest download at 10,000 filings), so they are
  // fetched only once the facet panel is opened or a facet is in use.
  const withFacets = (facetsPanel?.open ?? false) || Object.keys(filters).length > 0;
  if (withFacets && facetsPanel) facetsPanel.open = true;
  if (withFacets) allFilters ??= await pf.filters();
  // Pagefind counts facets only when a filter is given; with none chosen, a filter that keeps
  // every filing (any kind) makes it count.
  const pfFilters: Record<string, unknown> | undefined = !withFacets
    ? undefined
    : Object.keys(filters).length > 0
      ? { ...filters }
      : { kind: { any: Object.keys(allFilters?.['kind'] ?? {}) } };
  const options = { ...(pfFilters ? { filters: pfFilters } : {}), sort: { date: 'desc' } };
  let results: PagefindResult[];
  let counts: Record<string, Record<string, number>> | undefined;
  if (terms.length <= 1) {
    const r = await pf.search(terms[0] === undefined ? null : pagefindQuery(terms[0]), options);
    results = r?.results ?? [];
    counts = withFacets ? r?.filters : undefined;
  } else {
    // Pagefind matches one exact phrase per search: each term is searched, the results intersected.
    const responses = await Promise.all(terms.map((t) => pf.search(pagefindQuery(t), options)));
    const sets = responses.map((r) => new Set((r?.results ?? []).map((x) => x.id)));
    results = (responses[0]?.results ?? []).filter((x) => sets.every((set) => set.has(x.id)));
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
  if (withFacets) renderFacets(counts ?? {}, filters);
  list.replaceChildren();
  await appendResults(0, terms);
  if (mine !== generation) return;
  status.textContent =
    shown.length === 0
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
    if (terms.length > 0) {
      const p = document.createElement('p');
      p.className = 'excerpt';
      for (const part of excerpt(d.meta['text'] ?? '', terms)) {
        if (part.hit) {
          const m = document.createElement('mark');
          m.textContent = part.text;
          p.append(m);
        } else {
          p.append(part.text);
        }
      }
      li.append(p);
    }
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
