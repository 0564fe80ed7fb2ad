import type { APIRoute } from 'astro';
import { MANIFEST_FORMAT, type Manifest } from '../../lib/publish/manifest.ts';
import { SEARCH_FORMAT } from '../../lib/search/format.ts';
import { pagefindVersion } from '../../lib/publish/pagefind-version-fs.ts';
import { SHARDS, STREAM_MARKS } from '../../lib/search/tokens.ts';
import { getArchive, getKinds } from '../../site/archive.ts';
import { getClauseData } from '../../site/clauses.ts';
import { archiveConfig, BUILD_DAY, SITE } from '../../site/config.ts';
import { absoluteUrl, url } from '../../site/url.ts';

/** The manifest a portal reads (src/lib/publish/manifest.ts): who, where, how many, and which query side reads the index. */
export const GET: APIRoute = async ({ site }) => {
  const a = await getArchive();
  const { versions } = await getClauseData();
  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    municipality: archiveConfig.municipality,
    council: archiveConfig.council,
    title: SITE.title,
    site: absoluteUrl('', site),
    base: url(),
    built: BUILD_DAY,
    counts: { filings: a.filings.length, contractors: a.contractors.size, items: a.items.size, clauseVersions: versions.length },
    kinds: await getKinds(),
    search: { format: SEARCH_FORMAT, pagefind: pagefindVersion(), bundle: 'pagefind/', streams: STREAM_MARKS, shards: SHARDS },
    data: {
      filings: 'data/filings.json',
      csv: 'data/filings.csv',
      clauseVersions: 'data/clause-versions.json',
      contractors: 'data/contractors.json',
    },
  };
  return new Response(`${JSON.stringify(manifest, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
