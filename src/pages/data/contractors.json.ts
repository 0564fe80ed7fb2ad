import type { APIRoute } from 'astro';
import { contractorsJson } from '../../lib/publish/open-data.ts';
import { getArchive } from '../../site/archive.ts';
import { absoluteUrl } from '../../site/url.ts';

/** Every company as the archive links it (names normalised, groups, roles per filing): what a portal joins archives by. */
export const GET: APIRoute = async ({ site }) => {
  const a = await getArchive();
  return new Response(
    contractorsJson([...a.contractors.values()], a.contractors, (slug) => absoluteUrl(`contractors/${slug}/`, site)),
    { headers: { 'Content-Type': 'application/json; charset=utf-8' } },
  );
};
