/** RSS of a section's or bureau's filings: /departments/<slug>/feed.xml. */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Entry } from '../../../lib/record/schema.ts';
import { getArchive } from '../../../site/archive.ts';
import { feedResponse } from '../../../site/feeds.ts';
import { paths } from '../../../site/url.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const a = await getArchive();
  return [...a.sections.values(), ...a.bureaus.values()].map((d) => ({
    params: { slug: d.slug },
    props: { name: d.name, filings: d.filings },
  }));
};

export const GET: APIRoute<{ name: string; filings: Entry[] }> = ({ props, params, site }) =>
  feedResponse(props.name, paths.department(String(params['slug'])), props.filings, site);
