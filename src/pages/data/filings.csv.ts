import type { APIRoute } from 'astro';
import { filingsCsv } from '../../lib/publish/open-data.ts';
import { getArchive } from '../../site/archive.ts';
import { absoluteUrl } from '../../site/url.ts';

export const GET: APIRoute = async ({ site }) => {
  const a = await getArchive();
  return new Response(
    filingsCsv(a.filings, (id) => absoluteUrl(`filings/${id}/`, site)),
    { headers: { 'Content-Type': 'text/csv; charset=utf-8' } },
  );
};
