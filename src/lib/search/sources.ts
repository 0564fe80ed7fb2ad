/**
 * The archives a search page searches: the archive itself, or on a portal (src/portal) every
 * archive it was built over. Pure helpers for src/browser/search.ts: which archive a URL belongs
 * to, where the search code comes from, how results of several archives are put in one list.
 */

/** One archive as the search page knows it. */
export interface SearchSource {
  /** Stable within the page: '' for the archive itself, the archive's number on a portal. */
  key: string;
  /** The municipality, shown beside each result on a portal. */
  label: string;
  /** The archive's address, ending in `/` (a path on its own site, an absolute URL on a portal). */
  site: string;
  /** Its index folder, ending in `/`. */
  bundle: string;
  /** What result URLs (paths under the archive's base) are prefixed with: '/' or the archive's origin. */
  baseUrl: string;
  /** Its kinds of filing (the "every filing" filter). */
  kinds: string[];
}

/**
 * A link that came from an archive (its open data, its index), as a page may use it: http(s) and
 * on the archive's own origin, else the archive's own address. An archive is untrusted on a
 * portal: a `javascript:` or `data:` URL, or one to another host (`//other.example/`), in its
 * data must not become a link there.
 */
export function ownLink(url: string, site: string): string {
  try {
    const home = new URL(site);
    const u = new URL(url, home);
    if ((u.protocol === 'https:' || u.protocol === 'http:') && u.origin === home.origin) return u.href;
  } catch {
    // Not a URL: the archive's address instead.
  }
  return site;
}

/** True when an archive's address can be linked to (http or https). */
export function isWebAddress(site: string): boolean {
  try {
    return ['https:', 'http:'].includes(new URL(site).protocol);
  } catch {
    return false;
  }
}

/** The archive whose site a URL is under, if any. */
export function sourceOfUrl<T extends SearchSource>(url: string, sources: readonly T[]): T | undefined {
  return sources.find((s) => url.startsWith(s.bundle) || url.startsWith(s.site));
}

const WASM = /\/(wasm\.[\w-]+\.pagefind)$/u;

/**
 * The portal's own copy of the search code for an archive's WebAssembly: Pagefind loads its
 * WebAssembly from the index folder it searches, but on a portal nothing from an archive may
 * run, so each archive is searched by the portal's own Pagefind (the same version: the
 * manifest says which). Undefined for any other file.
 */
export function ownWasm(url: string, sources: readonly SearchSource[], ownBundle: string): string | undefined {
  const path = url.split(/[?#]/u)[0] ?? '';
  const m = WASM.exec(path);
  if (!m || !sourceOfUrl(path, sources)) return undefined;
  return `${ownBundle}${m[1]}`;
}

/**
 * Several archives' lists as one: the first of each, then the second of each, … Each archive's
 * list is newest first (its shards are cut by date), so the merged list is too, roughly, and
 * no archive's results wait behind another's.
 */
export function interleave<T>(lists: readonly T[][]): T[] {
  const out: T[] = [];
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let i = 0; i < longest; i += 1) for (const l of lists) if (i < l.length) out.push(l[i] as T);
  return out;
}

export type Counts = Record<string, Record<string, number>>;

/** Several counts added up, value by value. */
export function sumCounts(all: ReadonlyArray<Counts | undefined>): Counts {
  const out: Counts = {};
  for (const c of all)
    for (const [f, values] of Object.entries(c ?? {}))
      for (const [v, n] of Object.entries(values)) (out[f] ??= {})[v] = (out[f]?.[v] ?? 0) + n;
  return out;
}

/** The sources a municipality filter leaves: all when none is chosen. */
export function chosenSources<T extends Pick<SearchSource, 'label'>>(sources: readonly T[], municipality: string | undefined): T[] {
  return municipality ? sources.filter((s) => s.label === municipality) : [...sources];
}
