/**
 * Values the pages share (the archive's indexes, the clause versions, the originals), computed
 * once per build. Under `astro dev` the content changes while the server runs (the loader syncs
 * an edited record at once, src/site/loader.ts), so there a value is computed again when what it
 * is made of has changed: the records' digests, and the registries' and archive.yaml's
 * modification times.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { getCollection } from 'astro:content';
import { contentDir } from '../lib/record/load-fs.ts';

/** True when the content folder holds clause sets (asking Astro for an empty collection warns). */
export function hasClauseSets(): boolean {
  const folder = path.join(contentDir(), 'clauses');
  return existsSync(folder) && readdirSync(folder).some((f) => /\.md$/iu.test(f));
}

async function contentVersion(): Promise<string> {
  const dir = contentDir();
  const entries = [...(await getCollection('filings')), ...(hasClauseSets() ? await getCollection('clauses') : [])];
  const files = ['archive.yaml', 'registry/contractors.yaml', 'registry/departments.yaml', 'sources'].map((f) => {
    const file = path.join(dir, f);
    return existsSync(file) ? statSync(file).mtimeMs : 0;
  });
  return [...entries.map((e) => `${e.id}:${e.digest ?? ''}`), ...files].join('|');
}

/** A shared value: once per build; under `astro dev`, again whenever the content changed. */
export function shared<T>(compute: () => Promise<T>): () => Promise<T> {
  let cached: { key: string; value: Promise<T> } | undefined;
  if (!import.meta.env.DEV)
    return () => {
      cached ??= { key: '', value: compute() };
      return cached.value;
    };
  return async () => {
    const key = await contentVersion();
    if (!cached || cached.key !== key) cached = { key, value: compute() };
    return cached.value;
  };
}
