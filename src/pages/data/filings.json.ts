import type { APIRoute } from 'astro';
import { filingsJson } from '../../lib/publish/open-data.ts';
import { getArchive } from '../../site/archive.ts';
import { getClauseData } from '../../site/clauses.ts';
import { absoluteUrl } from '../../site/url.ts';

export const GET: APIRoute = async ({ site }) => {
  const a = await getArchive();
  const { clausesOf } = await getClauseData();
  return new Response(
    filingsJson(a.filings, (id) => absoluteUrl(`filings/${id}/`, site), clausesOf),
    { headers: { 'Content-Type': 'application/json; charset=utf-8' } },
  );
};
