/** RSS of the filings that hand over one personal data item: /items/<slug>/feed.xml. */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Entry } from '../../../lib/record/schema.ts';
import { getArchive } from '../../../site/archive.ts';
import { feedResponse } from '../../../site/feeds.ts';
import { paths } from '../../../site/url.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const a = await getArchive();
  return [...a.items.values()].map((i) => ({ params: { slug: i.slug }, props: { name: i.name, filings: i.filings } }));
};

export const GET: APIRoute<{ name: string; filings: Entry[] }> = ({ props, params, site }) =>
  feedResponse(props.name, paths.item(String(params['slug'])), props.filings, site);
