/** Internal links that honour the base path (ARCHIVE_BASE), and absolute URLs for feeds. */

const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

/** `/filings/x/` under the base path: `url('filings/x/')` → `/archive/filings/x/`. */
export function url(path = ''): string {
  return `${base}${path.replace(/^\/+/u, '')}`;
}

/** Absolute URL on the configured site. */
export function absoluteUrl(path: string, site: URL | undefined): string {
  return new URL(url(path), site ?? 'https://example.invalid').href;
}

export const paths = {
  filing: (id: string) => url(`filings/${id}/`),
  department: (slug: string) => url(`departments/${slug}/`),
  contractor: (slug: string) => url(`contractors/${slug}/`),
  basis: (slug: string) => url(`basis/${slug}/`),
  year: (year: string) => url(`years/${year}/`),
  item: (slug: string) => url(`items/${slug}/`),
  matter: (slug: string) => url(`matters/${slug}/`),
  source: (name: string) => url(`sources/${name}`),
  clauseVersion: (id: string) => url(`clauses/${id}/`),
  compare: (a: string, b: string) => url(`clauses/compare/${a}/${b}/`),
  topic: (slug: string) => url(`clauses/topics/${slug}/`),
};
