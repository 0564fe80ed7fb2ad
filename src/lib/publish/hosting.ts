/**
 * Hosting variables, checked so that a mistake names the variable: ARCHIVE_BASE (the path the site
 * is served under) is normalised — `/x/../` is `/`, missing slashes are added — and ARCHIVE_SITE
 * must be an absolute http(s) URL. astro.config.mjs and the search indexer read them here, so the
 * pages and the index agree on the base.
 */
import path from 'node:path';

/** ARCHIVE_BASE as a path that starts and ends with `/`. */
export function hostingBase(value: string = process.env['ARCHIVE_BASE'] ?? '/'): string {
  if (/[?#\\]|\s/u.test(value))
    throw new Error(`ARCHIVE_BASE=${JSON.stringify(value)} is not a path; give the path the site is served under, e.g. /archive/`);
  const normal = path.posix.normalize(`/${value}/`);
  return normal.endsWith('/') ? normal : `${normal}/`;
}

/** ARCHIVE_SITE as an absolute http(s) URL. */
export function hostingSite(value: string = process.env['ARCHIVE_SITE'] ?? 'https://example.invalid'): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      `ARCHIVE_SITE=${JSON.stringify(value)} is not an absolute URL; give the site's address, e.g. https://www.city.example.lg.jp`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(
      `ARCHIVE_SITE=${JSON.stringify(value)} is not an http(s) address; give the site's address, e.g. https://www.city.example.lg.jp`,
    );
  return url.href;
}

/**
 * The warning to print when ARCHIVE_SITE is unset: the feeds, the sitemap and the open data then
 * give https://example.invalid as the site's address, which no reader can follow. Undefined when set.
 */
export function siteWarning(value: string | undefined = process.env['ARCHIVE_SITE']): string | undefined {
  return value
    ? undefined
    : '[archive] ARCHIVE_SITE is not set: the feeds, the sitemap and data/filings.json/.csv will give https://example.invalid as the address of every page. Set ARCHIVE_SITE to the address the site is published at (e.g. ARCHIVE_SITE=https://www.city.example.lg.jp npm run build).';
}
