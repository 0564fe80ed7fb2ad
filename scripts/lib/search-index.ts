/**
 * Index every filing with Pagefind's Node API as custom records tokenised by
 * src/lib/search-tokens.ts (the same code the search page runs), into `<dist>/pagefind/`.
 *
 * This runs as its own step after `astro build` rather than inside an Astro integration: in
 * Astro's Vite module runner the Pagefind service received the records' Japanese content
 * damaged (the index came out with a fraction of its words and phrase searches failed), while
 * plain Node gives a correct index.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { contentDir, loadRecords } from '../../src/lib/load.ts';
import { searchDocuments, searchRecord, type SearchDocument } from '../../src/lib/search-records.ts';
import { STREAMS, type Stream } from '../../src/lib/search-tokens.ts';
import { SplitCache } from './split-cache.ts';

/**
 * Build the search indexes for the records in `content` into `<dist>/pagefind/<stream>/`, one
 * Pagefind index per token stream (src/lib/search-tokens.ts), one after the other. Why not one
 * index: Pagefind holds every (word, page) pair of an index in memory several times over while
 * it writes, and with the three streams together it peaked at 9.4 GB at 10,000 filings
 * (measured on its process); one stream at a time needs a third of that. A query is searched
 * in one stream, so the search page only ever loads the index it needs. `cacheDir` holds the
 * split bodies of earlier runs (scripts/lib/split-cache.ts).
 */
export async function buildSearchIndex(options: {
  dist: string;
  content?: string;
  base?: string;
  cacheDir?: string;
}): Promise<{ records: number; out: string; cached: number }> {
  const base = (options.base ?? '/').endsWith('/') ? (options.base ?? '/') : `${options.base}/`;
  const out = path.join(options.dist, 'pagefind');
  const cache = new SplitCache(options.cacheDir);
  // The documents hold all the indexes need; the parsed records (bodies and all) are let go
  // before Pagefind runs, as its peak is the build's.
  const { docs, records } = ((): { docs: SearchDocument[]; records: number } => {
    const files = loadRecords(options.content ?? contentDir());
    const entries = files.map((r) => ({ id: r.data.id, data: r.data, body: r.body }));
    return { docs: searchDocuments(entries, base, cache.split), records: files.length };
  })();
  cache.save();
  const metaByUrl = new Map(docs.map((d) => [d.url, d.meta]));
  for (const stream of STREAMS) await buildStreamIndex(path.join(out, stream), docs, stream, metaByUrl);
  return { records, out, cached: cache.reused };
}

/** One Pagefind index of one stream of `docs` into `out`, fragments completed (completeFragments). */
async function buildStreamIndex(
  out: string,
  docs: SearchDocument[],
  stream: Stream,
  metaByUrl: Map<string, Record<string, string>>,
): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    for (const doc of docs) {
      // Without metadata: Pagefind would index it (completeFragments).
      const record = { ...searchRecord(doc, stream), meta: {} };
      const res = await index.addCustomRecord(record);
      if (res.errors.length > 0) throw new Error(`Pagefind refused ${record.url}: ${res.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: out });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write ${out}: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  completeFragments(out, metaByUrl);
}

/** Pagefind's signature at the start of its (decompressed) files. */
const SIGNATURE = 'pagefind_dcd';

/**
 * Give each fragment its record's metadata, and drop the indexed tokens from it.
 *
 * Pagefind indexes every metadata value as words and keeps a record's content in its fragment
 * for its own excerpts; it has no metadata that is stored but not searched (1.6). Neither is
 * wanted here: at 10,000 filings the metadata (the filing's text among it) added about 100,000
 * words and 8 % of the index's postings, and the token streams are most of a fragment, which
 * every result shown downloads; the search page makes its excerpts from `meta.text`. So the
 * records go in without metadata, and their fragments, once written, get it back with the
 * content emptied, in Pagefind's own file form (signature + JSON, gzip). Fragments keep their
 * names: Pagefind finds them by the hash in its page list and does not check their content.
 */
function completeFragments(out: string, metaByUrl: Map<string, Record<string, string>>): void {
  const dir = path.join(out, 'fragment');
  let done = 0;
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    const raw = gunzipSync(readFileSync(file)).toString('utf8');
    if (!raw.startsWith(SIGNATURE))
      throw new Error(`${file}: not a Pagefind fragment (no ${SIGNATURE} signature); the Pagefind version may have changed its files`);
    const fragment = JSON.parse(raw.slice(SIGNATURE.length)) as { url: string; content: string; meta: Record<string, string> };
    const meta = metaByUrl.get(fragment.url);
    if (!meta) throw new Error(`${file}: fragment of ${fragment.url}, which no search record has`);
    fragment.meta = meta;
    fragment.content = '';
    writeFileSync(file, gzipSync(SIGNATURE + JSON.stringify(fragment), { level: 9 }));
    done++;
  }
  if (done !== metaByUrl.size) throw new Error(`${dir}: ${done} fragments for ${metaByUrl.size} search records`);
}
