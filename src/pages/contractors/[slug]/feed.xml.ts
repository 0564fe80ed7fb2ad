/** RSS of the filings a company (or a group, through its members) appears in: /contractors/<slug>/feed.xml. */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Entry } from '../../../lib/record/schema.ts';
import { getArchive } from '../../../site/archive.ts';
import { feedResponse } from '../../../site/feeds.ts';
import { paths } from '../../../site/url.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const a = await getArchive();
  return [...a.contractors.values()].map((c) => ({ params: { slug: c.slug }, props: { name: c.name, filings: c.filings } }));
};

export const GET: APIRoute<{ name: string; filings: Entry[] }> = ({ props, params, site }) =>
  feedResponse(props.name, paths.contractor(String(params['slug'])), props.filings, site);
