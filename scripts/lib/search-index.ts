/**
 * Index every filing with Pagefind's Node API as custom records tokenised by
 * src/lib/search-tokens.ts (the same code the search page runs), into `<dist>/pagefind/`.
 *
 * This runs as its own step after `astro build` rather than inside an Astro integration: in
 * Astro's Vite module runner the Pagefind service received the records' Japanese content
 * damaged (the index came out with a fraction of its words and phrase searches failed), while
 * plain Node gives a correct index.
 */
import path from 'node:path';
import * as pagefind from 'pagefind';
import { contentDir, loadRecords } from '../../src/lib/load.ts';
import { searchRecords } from '../../src/lib/search-records.ts';

/** Build the search index for the records in `content` into `<dist>/pagefind`. */
export async function buildSearchIndex(options: {
  dist: string;
  content?: string;
  base?: string;
}): Promise<{ records: number; out: string }> {
  const base = (options.base ?? '/').endsWith('/') ? (options.base ?? '/') : `${options.base}/`;
  const out = path.join(options.dist, 'pagefind');
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const records = loadRecords(options.content ?? contentDir());
    for (const record of searchRecords(
      records.map((r) => ({ id: r.data.id, data: r.data, body: r.body })),
      base,
    )) {
      const res = await index.addCustomRecord(record);
      if (res.errors.length > 0) throw new Error(`Pagefind refused ${record.url}: ${res.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: out });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write ${out}: ${written.errors.join('; ')}`);
    return { records: records.length, out };
  } finally {
    await pagefind.close();
  }
}
