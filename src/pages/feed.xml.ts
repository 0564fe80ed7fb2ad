/** RSS of the newest filings of the whole archive: /feed.xml. */
import type { APIRoute } from 'astro';
import { getArchive } from '../site/archive.ts';
import { SITE } from '../site/config.ts';
import { feedResponse } from '../site/feeds.ts';
import { url } from '../site/url.ts';

export const GET: APIRoute = async ({ site }) =>
  feedResponse(SITE.title, url(), (await getArchive()).filings, site, { title: SITE.title, description: SITE.description });
