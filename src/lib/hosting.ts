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
