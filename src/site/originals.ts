/**
 * The originals the site publishes under `/sources/` (src/pages/sources/[file].ts): one per
 * filing and per published clause set whose original is in the content folder, and its copies
 * (the same document in other formats). A record whose
 * original is missing is still built, without a link, and the build says which file is missing.
 */
import { shared } from './memo.ts';
import path from 'node:path';
import { contentDir } from '../lib/record/load-fs.ts';
import { findOriginal, type Original, type Source } from '../lib/record/originals-fs.ts';
import { getArchive, getClauseSets } from './archive.ts';

export interface Originals {
  /** The originals present, one per file name. */
  published: Original[];
  /** The original of a record's source, when it is published. */
  of: (source: Source | undefined) => Original | undefined;
}

/** Every record's original, looked up once per build; missing ones are reported once. */
export const getOriginals: () => Promise<Originals> = shared(async () => {
  const dir = contentDir();
  const records = [
    ...(await getArchive()).filings.map((f) => ({ record: `filings/${f.id}.md`, source: f.data.source })),
    ...(await getClauseSets()).map((c) => ({ record: `clauses/${c.id}.md`, source: c.data.source })),
  ].flatMap((r) => [r, ...(r.source?.copies ?? []).map((copy) => ({ record: r.record, source: copy }))]);
  const byName = new Map<string, Original>();
  const missing: string[] = [];
  for (const { record, source } of records) {
    if (!source) continue;
    const original = findOriginal(source, dir);
    if (original.exists) byName.set(original.name, original);
    else
      missing.push(
        `${path.join(dir, record)}: original ${source.file} is not at ${original.file}; its page has no 原本 link (put the file there or re-import it)`,
      );
  }
  if (missing.length > 0) console.warn(`[sources] ${missing.length} original(s) missing:\n  ${missing.join('\n  ')}`);
  const published = [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  return {
    published,
    of: (source) => (source ? byName.get(findOriginal(source, dir).name) : undefined),
  };
});
