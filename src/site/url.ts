/** Internal links that honour the base path (ARCHIVE_BASE), and absolute URLs for feeds. */

const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

/** `/filings/x/` under the base path: `url('filings/x/')` → `/archive/filings/x/`. */
export function url(path = ''): string {
  return `${base}${path.replace(/^\/+/u, '')}`;
}

/** The site's address when ARCHIVE_SITE is unset (the build warns: astro.config.mjs). */
export const SITE_FALLBACK = 'https://example.invalid';

/** Absolute URL on the configured site. */
export function absoluteUrl(path: string, site: URL | undefined): string {
  return new URL(url(path), site ?? SITE_FALLBACK).href;
}

export const paths = {
  filing: (id: string) => url(`filings/${id}/`),
  department: (slug: string) => url(`departments/${slug}/`),
  contractor: (slug: string) => url(`contractors/${slug}/`),
  basis: (slug: string) => url(`basis/${slug}/`),
  year: (year: string) => url(`years/${year}/`),
  item: (slug: string) => url(`items/${slug}/`),
  matter: (slug: string) => url(`matters/${slug}/`),
  meeting: (slug: string) => url(`meetings/${slug}/`),
  source: (name: string) => url(`sources/${name}`),
  clauseVersion: (id: string) => url(`clauses/${id}/`),
  compare: (a: string, b: string) => url(`clauses/compare/${a}/${b}/`),
  topic: (slug: string) => url(`clauses/topics/${slug}/`),
  /** The feed beside a page: `/items/x/` → `/items/x/feed.xml`. */
  feed: (page: string) => `${page}feed.xml`,
};
