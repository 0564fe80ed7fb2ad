/**
 * The archive for the pages: records from the content collection, registries from the
 * content folder, indexes built once per build (src/lib/crosslinks/archive.ts does the work).
 */
import { getCollection } from 'astro:content';
import { buildArchive, type Archive } from '../lib/crosslinks/archive.ts';
import { kindsOf } from '../lib/record/config.ts';
import { contentDir } from '../lib/record/load-fs.ts';
import { loadRegistries } from '../lib/record/registry-fs.ts';
import { slugify } from '../lib/core/slug.ts';
import type { ClauseSet } from '../lib/record/schema.ts';
import { revealAll, revealControls } from '../lib/core/text.ts';
import { getTokenizer } from '../lib/core/tokenizer-fs.ts';
import { archiveConfig } from './config.ts';
import { hasClauseSets, shared } from './memo.ts';

/** A clause set published on its own, as the pages see it. */
export interface ClauseSetEntry {
  id: string;
  data: ClauseSet;
  body: string;
}

/** The clause sets published on their own (`content/clauses/*.md`), by id. */
export const getClauseSets: () => Promise<ClauseSetEntry[]> = shared(async () =>
  hasClauseSets()
    ? (await getCollection('clauses')).map((e) => ({ id: e.id, data: e.data, body: e.body ?? '' })).sort((a, b) => a.id.localeCompare(b.id))
    : [],
);

/** The archive, computed on first use. */
export const getArchive: () => Promise<Archive> = shared(async () => {
  // Shown with their bidirectional controls made visible, so no name can disguise itself (src/lib/core/text.ts).
  const entries = (await getCollection('filings')).map((e) => ({
    id: e.id,
    data: revealAll(e.data),
    body: revealControls(e.body ?? ''),
  }));
  const tokenizer = await getTokenizer();
  const registries = loadRegistries(contentDir());
  const archive = buildArchive(entries, registries, (text) => slugify(text, tokenizer));
  if (archive.unplaced.length > 0) {
    console.warn(
      `[archive] ${archive.unplaced.length} name(s) not in content/registry/*.yaml; add them or their aliases:\n  ${archive.unplaced.join('\n  ')}`,
    );
  }
  return archive;
});

/**
 * Every kind of filing this archive has (content/archive.yaml's, and any a filing has): the
 * search's filter for "every filing" (src/browser/search.ts), which no 特記事項 record matches.
 */
export async function getKinds(): Promise<string[]> {
  const a = await getArchive();
  return [...new Set([...kindsOf(archiveConfig).map((k) => k.name), ...a.filings.map((f) => f.data.kind)])];
}
