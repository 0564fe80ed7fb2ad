/** The feeds of the site (src/lib/views/feeds.ts), written with absolute, base-aware links. */
import type { Entry } from '../lib/record/schema.ts';
import { feedXml } from '../lib/views/feeds.ts';
import { SITE } from './config.ts';
import { SITE_FALLBACK, paths } from './url.ts';

/** The RSS response of `filings` for the page at `page` (a base-aware path such as paths.item(slug)). */
export async function feedResponse(
  what: string,
  page: string,
  filings: Entry[],
  site: URL | undefined,
  channel: { title?: string; description?: string } = {},
): Promise<Response> {
  // Paths from `paths` carry the base already.
  const abs = (p: string): string => new URL(p, site ?? SITE_FALLBACK).href;
  const xml = await feedXml({ what, page: abs(page), self: abs(paths.feed(page)), ...channel }, SITE.title, filings, (id) =>
    abs(paths.filing(id)),
  );
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}
