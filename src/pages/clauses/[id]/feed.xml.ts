/** RSS of the filings that attached one clause version: /clauses/<id>/feed.xml. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { byDateDesc } from '../../../lib/crosslinks/archive.ts';
import type { Entry } from '../../../lib/record/schema.ts';
import { FEED_WORDS } from '../../../lib/words/feeds.ts';
import { getClauseData } from '../../../site/clauses.ts';
import { feedResponse } from '../../../site/feeds.ts';
import { paths } from '../../../site/url.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const { versions } = await getClauseData();
  return versions.map((v) => ({
    params: { id: v.id },
    props: { name: FEED_WORDS.version(v.name), filings: [...v.filings].sort(byDateDesc) },
  }));
};

export const GET: APIRoute<{ name: string; filings: Entry[] }> = ({ props, params, site }) =>
  feedResponse(props.name, paths.clauseVersion(String(params['id'])), props.filings, site);
