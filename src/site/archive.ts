/**
 * The archive for the pages: records from the content collection, registries from the
 * content folder, indexes built once per build (src/lib/archive.ts does the work).
 */
import { getCollection } from 'astro:content';
import { buildArchive, type Archive } from '../lib/archive.ts';
import { contentDir } from '../lib/load.ts';
import { loadRegistries } from '../lib/registry.ts';
import { slugify } from '../lib/slug.ts';
import { getTokenizer } from '../lib/tokenizer.ts';

let pending: Promise<Archive> | undefined;

/** The archive, computed on first use. */
export function getArchive(): Promise<Archive> {
  pending ??= (async () => {
    const entries = (await getCollection('filings')).map((e) => ({ id: e.id, data: e.data, body: e.body ?? '' }));
    const tokenizer = await getTokenizer();
    const registries = loadRegistries(contentDir());
    const archive = buildArchive(entries, registries, (text) => slugify(text, tokenizer));
    if (archive.unplaced.length > 0) {
      console.warn(
        `[archive] ${archive.unplaced.length} name(s) not in content/registry/*.yaml; add them or their aliases:\n  ${archive.unplaced.join('\n  ')}`,
      );
    }
    return archive;
  })();
  return pending;
}
