/**
 * The archives the search page searches and their Pagefind instances: the archive itself, or on a
 * portal every archive it was built over (each with its own instances, names and readings, its
 * requests timed and counted), loaded on first use and started again after a failure.
 */
import { SEARCH_UI as W } from '../../lib/words/search.ts';
import { SPLIT, foldReading, isKanaTerm, readingBucket, type ReadingBucket } from '../../lib/search/readings.ts';
import { ownWasm, sourceOfUrl, type SearchSource } from '../../lib/search/sources.ts';
import { filterWord } from '../../lib/search/tokens.ts';
import { byWords, type Pagefind, type PagefindModule, type PagefindResponse, type PagefindResult } from '../../lib/search/results.ts';

const root = document.querySelector<HTMLElement>('#search');
const base = root?.dataset['base'] ?? '/';

/** A JSON list from the page's data attributes (src/pages/search.astro, src/portal/pages/index.astro). */
function dataList(name: string): unknown[] {
  try {
    const parsed: unknown = JSON.parse(root?.dataset[name] ?? '[]');
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

/** An archive being searched: what the page knows of it, and what was loaded from it. */
export interface Source extends SearchSource {
  /** Why it is not searched (its index is of another format), said on the page. */
  refused?: string;
  instance?: Promise<Pagefind>;
  /** The instance that filters and counts facets (see `facetsOf`). */
  facetInstance?: Promise<Pagefind>;
  /** The pages each combination of filters keeps, by the filters' JSON. */
  allowed: Map<string, Promise<Set<string>>>;
  /** The filings of each filter value, by its word (wordPages). */
  byWord: Map<string, Promise<PagefindResult[]>>;
  /** The filings of each 特記事項 set under each filter: they do not depend on the query. */
  setHits: Map<string, Promise<PagefindResponse | null>>;
  files: Map<string, Promise<unknown>>;
  clauseTexts: Map<string, Promise<string>>;
  /** The 特記事項 sets the current query found in it. */
  clauseSets: string[];
  /** Failed or timed-out fetches from it, counted by the fetch guard (portal only). */
  failures: number;
}

/** What a source holds of an archive before anything is loaded from it. */
function unloaded(): Pick<Source, 'allowed' | 'byWord' | 'setHits' | 'files' | 'clauseTexts' | 'clauseSets' | 'failures'> {
  return {
    allowed: new Map(),
    byWord: new Map(),
    setHits: new Map(),
    files: new Map(),
    clauseTexts: new Map(),
    clauseSets: [],
    failures: 0,
  };
}

export const portal = root?.dataset['portal'] !== undefined;
export const sources: Source[] = portal
  ? dataList('archives').flatMap((a): Source[] => {
      if (typeof a !== 'object' || a === null) return [];
      const x = a as Partial<SearchSource> & { refused?: string };
      if (typeof x.site !== 'string' || typeof x.bundle !== 'string' || typeof x.label !== 'string') return [];
      return [
        {
          key: String(x.key ?? x.site),
          label: x.label,
          site: x.site,
          bundle: x.bundle,
          baseUrl: new URL(x.site).origin,
          kinds: Array.isArray(x.kinds) ? x.kinds.filter((k): k is string => typeof k === 'string') : [],
          ...(typeof x.refused === 'string' ? { refused: x.refused } : {}),
          ...unloaded(),
        },
      ];
    })
  : [
      {
        key: '',
        label: '',
        site: base,
        bundle: `${base}pagefind/`,
        baseUrl: '/',
        // Every kind of filing this archive has (src/pages/search.astro): a filter on them keeps every filing.
        kinds: dataList('kinds').filter((k): k is string => typeof k === 'string'),
        ...unloaded(),
      },
    ];
export const searchable = (): Source[] => sources.filter((s) => !s.refused);

/** How long a portal waits for one archive's file to begin to come before it counts the archive as not answering. */
const ARCHIVE_TIMEOUT_MS = 8000;

if (portal) {
  // Every fetch of the page goes through here (Pagefind's too): an archive's WebAssembly is
  // replaced by the portal's own (src/lib/search/sources.ts ownWasm), each request to an
  // archive has a time limit, and a failed one is counted against its archive. Pagefind drops
  // an index chunk that failed to load without a word, so this count is how the page knows
  // that an archive did not answer.
  const realFetch = window.fetch.bind(window);
  const ownBundle = new URL(`${base}pagefind/`, location.href).href;
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = input instanceof Request ? input.url : new URL(String(input), location.href).href;
    const wasm = ownWasm(url, sources, ownBundle);
    if (wasm) return realFetch(wasm, init);
    const source = sourceOfUrl(url, sources);
    if (!source) return realFetch(input, init);
    // The time limit is on the answer's start only: once it has begun, its body is read
    // whenever the page gets to it (a busy page would otherwise abort its own reads).
    const limit = new AbortController();
    const timer = setTimeout(() => limit.abort(), ARCHIVE_TIMEOUT_MS);
    try {
      const response = await realFetch(input, { ...init, signal: limit.signal });
      if (!response.ok) source.failures += 1;
      return response;
    } catch (e) {
      source.failures += 1;
      throw e;
    } finally {
      clearTimeout(timer);
    }
  };
}

// ---- Pagefind -------------------------------------------------------------------------------

/**
 * The archive's Pagefind instance for queries (all token streams are one index,
 * src/lib/search/indexer/indexer.ts). It is never given a filter but `set`: Pagefind counts every
 * filter it has loaded in every later search, at a cost of results × the filter's postings,
 * so once a year chip had loaded `year` and `fy`, every shard search of a common term grew
 * slower, and a query took ten times as long in a large archive (README, "Performance"). A
 * query's results are kept to the pages the filters allow (`searcher`), found by the filters'
 * words on this instance (`filteredPages`); facet counts go to a second instance (`facetsOf`),
 * started only when the facet panel is open.
 */
export function load(source: Source): Promise<Pagefind> {
  if (!source.instance) {
    const started = start(source, 'search');
    source.instance = started;
    // A failed start is not kept: the retry button starts it again.
    started.catch(() => {
      if (source.instance === started) delete source.instance;
    });
  }
  return source.instance;
}

/** The archive's Pagefind instance that filters and counts facets (started on first use). */
export function facetsOf(source: Source): Promise<Pagefind> {
  if (!source.facetInstance) {
    const started = load(source).then(() => start(source, 'facets'));
    source.facetInstance = started;
    started.catch(() => {
      if (source.facetInstance === started) delete source.facetInstance;
    });
  }
  return source.facetInstance;
}

/**
 * The filings of one filter value, found by its word (filterWord) on the query instance, in
 * index order (newest first: every such page scores the same and Pagefind's sort keeps their
 * order); asked once per value.
 */
export function wordPages(source: Source, facet: string, value: string): Promise<PagefindResult[]> {
  const key = `${facet}\u0000${value}`;
  let p = source.byWord.get(key);
  if (!p) {
    p = load(source)
      .then((pf) => pf.search(`"${filterWord(facet, value)}"`))
      .then((r) => r?.results ?? []);
    p.catch(() => source.byWord.delete(key));
    source.byWord.set(key, p);
  }
  return p;
}

/**
 * The filings a combination of filters keeps, in index order: by the filters' words on the
 * query instance when it can (year chips, values chosen in the panel), else from the facet
 * instance.
 */
export async function filteredPages(source: Source, filters: Record<string, unknown>): Promise<PagefindResult[]> {
  if (!byWords(filters)) return (await (await facetsOf(source)).search(null, { filters }))?.results ?? [];
  const [first, ...rest] = await Promise.all(Object.entries(filters).map(([f, v]) => wordPages(source, f, v)));
  const others = rest.map((r) => new Set(r.map((x) => x.id)));
  return (first ?? []).filter((x) => others.every((o) => o.has(x.id)));
}

/** The pages a combination of filters keeps (filteredPages), once per combination. */
function allowedPages(source: Source, filters: Record<string, unknown>): Promise<Set<string>> {
  const key = JSON.stringify(filters);
  let p = source.allowed.get(key);
  if (!p) {
    p = filteredPages(source, filters).then((r) => new Set(r.map((x) => x.id)));
    p.catch(() => source.allowed.delete(key));
    source.allowed.set(key, p);
  }
  return p;
}

/** Searches of a query (never of every page: that is `filteredPages`). */
export interface Searcher {
  search: (q: string, o?: Record<string, unknown>) => Promise<PagefindResponse | null>;
}

/**
 * Searches as the query instance runs them, whatever the filters: `set` goes to it, any other
 * filter keeps its results to the pages `allowedPages` gives.
 */
export function searcher(source: Source): Searcher {
  return {
    search: async (q, options = {}) => {
      const { set, ...rest } = (options['filters'] ?? {}) as Record<string, unknown>;
      if (Object.keys(rest).length === 0) return (await load(source)).search(q, options);
      const [r, allowed] = await Promise.all([
        load(source).then((pf) => pf.search(q, { ...options, filters: set === undefined ? {} : { set } })),
        allowedPages(source, rest),
      ]);
      return r ? { ...r, results: r.results.filter((x) => allowed.has(x.id)) } : r;
    },
  };
}

/**
 * Pagefind's module for an archive: the page's own file (on a portal, the portal's: nothing of
 * an archive runs here). Each instance (each archive's on a portal, and the facet instance)
 * gets a module instance of its own (the file under another query string): Pagefind keeps its
 * WebAssembly in module state, and instances of one module that load it at the same time
 * overwrite each other's memory ("memory access out of bounds", then no results from all but
 * one archive; seen in the portal tests).
 */
function pagefindCode(source: Source, role: 'search' | 'facets'): Promise<PagefindModule> {
  const key = `${source.key}\u0000${role}`;
  const attempt = failedImports.get(key) ?? 0;
  const query = new URLSearchParams({
    ...(portal ? { archive: source.key } : {}),
    ...(role === 'facets' ? { role } : {}),
    ...(attempt > 0 ? { attempt: String(attempt) } : {}),
  });
  const file = `${base}pagefind/pagefind.js${query.size > 0 ? `?${query}` : ''}`;
  const loaded = import(/* @vite-ignore */ file) as Promise<PagefindModule>;
  // A browser keeps a failed module import for the life of the page (the module map holds the
  // error), so importing the same URL again fails again without a request: each retry after a
  // failure asks for the file under a URL of its own.
  loaded.catch(() => failedImports.set(key, attempt + 1));
  return loaded;
}

/** Failed imports of Pagefind's module, by archive and role: the next try imports another URL. */
const failedImports = new Map<string, number>();

/** The search format and Pagefind this portal queries with (src/lib/portal/build-fs.ts writes them on the page). */
const querySide = { format: root?.dataset['format'] ?? '', pagefind: root?.dataset['pagefind'] ?? '' };

/**
 * On a portal, an archive's manifest first: archives rebuild on their own schedule, and one
 * rebuilt with another search format or Pagefind since the portal was built cannot be queried
 * consistently. It is then refused with why (shown on the page), not searched.
 */
async function checkManifest(source: Source): Promise<void> {
  const r = await fetch(`${source.site}data/archive.json`, { cache: 'no-cache' });
  if (!r.ok) throw new Error(`${source.site}data/archive.json: ${r.status}`);
  const m = (await r.json()) as { search?: { format?: unknown; pagefind?: unknown } };
  const format = String(m.search?.format ?? '');
  const version = String(m.search?.pagefind ?? '');
  if (format !== querySide.format || version !== querySide.pagefind)
    source.refused = W.refused(source.label, `${format}・Pagefind ${version}`, `${querySide.format}・Pagefind ${querySide.pagefind}`);
}

async function start(source: Source, role: 'search' | 'facets'): Promise<Pagefind> {
  if (portal && role === 'search') await checkManifest(source);
  if (source.refused) throw new Error(source.refused);
  const code = await pagefindCode(source, role);
  // Pagefind takes the query language from <html lang> when an instance starts, and for ja it
  // re-cuts the query with Intl.Segmenter (the mismatch of Pagefind issue #1237), which would
  // break our tokens. It has no option to set the language, so it starts while the page says
  // zxx, the language the index is written in (src/lib/search/indexer/records.ts).
  const html = document.documentElement;
  const lang = html.lang;
  html.lang = 'zxx';
  try {
    // On the main thread, not in Pagefind's web worker: a search answers in a few milliseconds
    // either way, but the worker hands every result across with a FinalizationRegistry entry,
    // and in a large archive the garbage of a query with thousands of results set off long
    // collections in the queries after it. The
    // page's CSP allows WebAssembly here ('wasm-unsafe-eval'); the worker file is not fetched.
    const pf = code.createInstance({ basePath: source.bundle, baseUrl: source.baseUrl, noWorker: true });
    await pf.init();
    return pf;
  } finally {
    html.lang = lang;
  }
}

/** A small JSON file of an archive's index (names, versions, a reading bucket), fetched once. */
export function json<T>(source: Source, file: string, fallback: T): Promise<T> {
  let p = source.files.get(file);
  if (!p) {
    p = fetch(`${source.bundle}${file}`).then((r) => (r.ok ? (r.json() as Promise<unknown>) : fallback));
    p.catch(() => source.files.delete(file));
    source.files.set(file, p);
  }
  return p as Promise<T>;
}

/** The reading bucket of a kana term (its first character's, or its first two's when that one is split). */
export async function bucketOf(source: Source, term: string): Promise<ReadingBucket | undefined> {
  if (!isKanaTerm(term)) return undefined;
  const folded = foldReading(term);
  const one = await json<ReadingBucket>(source, `readings/${readingBucket(folded, 1)}.json`, {});
  if (!(SPLIT in one)) return one;
  return json<ReadingBucket>(source, `readings/${readingBucket(folded, 2)}.json`, {});
}
