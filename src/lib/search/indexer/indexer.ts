/**
 * Index every filing for search, tokenised by src/lib/search/tokens.ts (the same code the search
 * page runs), into `<dist>/pagefind/`: Pagefind's files, its word index written by
 * src/lib/search/indexer/pagefind-words.ts and the rest by Pagefind's Node API.
 *
 * This runs as its own step after `astro build` rather than inside an Astro integration: in
 * Astro's Vite module runner the Pagefind service received the records' Japanese content
 * damaged (the index came out with a fraction of its words and phrase searches failed), while
 * plain Node gives a correct index.
 */
import { revealAll, revealControls } from '../../core/text.ts';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decode, encode } from 'cborg';
import * as pagefind from 'pagefind';
import { contentDir, loadRecords } from '../../record/load-fs.ts';
import { loadArchiveConfig } from '../../record/config-fs.ts';
import { selfWord } from '../../record/config.ts';
import { SEARCH_LANGUAGE, searchDocuments, type SearchDocument } from './records.ts';
import type { ResultMeta } from '../format.ts';
import { STREAMS, contentTokens, type Stream } from '../tokens.ts';
import {
  WordIndexBuilder,
  checkPagefindVersion,
  compareCodePoints,
  pagefindFile,
  pagefindHash,
  readPagefindFile,
} from './pagefind-words.ts';
import { SplitCache } from './split-cache.ts';
import { ReadingCache } from './reading-cache.ts';
import { addReadings, readingBuckets } from '../readings.ts';
import { loadRegistries } from '../../record/registry-fs.ts';
import { nameGroups } from '../names.ts';
import { getTokenizer } from '../../core/tokenizer-fs.ts';

/**
 * Build the search index for the records in `content` into `<dist>/pagefind/`: one Pagefind
 * index holding the three token streams (src/lib/search/tokens.ts), beside the reading list,
 * the name groups and the clause versions' names. `cacheDir` holds the split bodies and the
 * readings of earlier runs (src/lib/search/indexer/split-cache.ts, reading-cache.ts).
 *
 * Pagefind writes the page list, fragments, filters and its search library for records that
 * hold one placeholder word each; the word index is then written by pagefind-words.ts, a
 * stream at a time (each stream's tokens are a block of their own in word order), and the
 * word counts go into the page list. Why not Pagefind's own word index: it held every (word,
 * page) pair several times over while it wrote, more memory per stream in a large archive
 * than the build may take; pagefind-words.ts has the details.
 */
export async function buildSearchIndex(options: {
  dist: string;
  content?: string;
  base?: string;
  cacheDir?: string;
}): Promise<{ records: number; out: string; cached: number; words: Record<Stream, number> }> {
  const base = (options.base ?? '/').endsWith('/') ? (options.base ?? '/') : `${options.base}/`;
  const out = path.join(options.dist, 'pagefind');
  const cache = new SplitCache(options.cacheDir);
  // The documents hold all the index needs; the parsed records (bodies and all) are let go.
  const content = options.content ?? contentDir();
  const versions = clauseVersions(options.dist);
  const { docs, records } = ((): { docs: SearchDocument[]; records: number } => {
    const files = loadRecords(content);
    // As the pages show them: bidirectional controls made visible (src/lib/core/text.ts revealControls).
    const entries = files.map((r) => ({ id: r.data.id, data: revealAll(r.data), body: revealControls(r.body) }));
    const self = selfWord(loadArchiveConfig(content));
    return { docs: searchDocuments(entries, base, cache.splitUnder, (id) => versions.get(id), self), records: files.length };
  })();
  cache.save();
  rmSync(out, { recursive: true, force: true });
  await writeShell(out, docs);
  const words = writeWordIndex(out, pageList(out, docs));
  await writeReadings(path.join(out, 'readings'), docs, options.cacheDir);
  writeFileSync(path.join(out, 'names.json'), JSON.stringify(nameGroups(loadRegistries(content))));
  // The clause versions' names, for the search page's facet (its values are the versions' ids).
  writeFileSync(path.join(out, 'versions.json'), JSON.stringify(Object.fromEntries([...versions.values()].map((v) => [v.id, v.name]))));
  return { records, out, cached: cache.reused, words };
}

/** Each filing's clause version, from the clause-versions open data the Astro build wrote (`dist/data/clause-versions.json`). */
function clauseVersions(dist: string): Map<string, { id: string; name: string }> {
  const file = path.join(dist, 'data', 'clause-versions.json');
  const out = new Map<string, { id: string; name: string }>();
  if (!existsSync(file)) return out;
  const versions = JSON.parse(readFileSync(file, 'utf8')) as Array<{ id: string; name: string; filings: string[] }>;
  for (const v of versions) for (const f of v.filings) out.set(f, { id: v.id, name: v.name });
  return out;
}

/**
 * The reading list (src/lib/search/readings.ts) of every document's text, cut into small files by the
 * reading's first two characters: `readings/<bucket>.json`. kuromoji reads each line once
 * (src/lib/search/indexer/reading-cache.ts).
 */
async function writeReadings(dir: string, docs: SearchDocument[], cacheDir?: string): Promise<void> {
  const tokenizer = await getTokenizer();
  const cache = new ReadingCache(cacheDir);
  const readings = new Map<string, Map<string, number>>();
  for (const doc of docs) addReadings(cache.pairs(doc.text, tokenizer), readings);
  cache.save();
  mkdirSync(dir, { recursive: true });
  for (const [bucket, entries] of readingBuckets(readings)) writeFileSync(path.join(dir, `${bucket}.json`), JSON.stringify(entries));
}

/** The placeholder word each record gives Pagefind (a record without words is left out). */
const PLACEHOLDER = 'page';

/** Pagefind's files for `docs` with a placeholder word each, its word index removed, into `dir`. */
async function writeShell(dir: string, docs: SearchDocument[]): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    for (const doc of docs) {
      // Without metadata, which Pagefind would index as words (see completeFragments).
      const record = { url: doc.url, language: doc.language, content: PLACEHOLDER, meta: {}, filters: doc.filters, sort: doc.sort };
      const res = await index.addCustomRecord(record);
      if (res.errors.length > 0) throw new Error(`Pagefind refused ${record.url}: ${res.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: dir });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write ${dir}: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  rmSync(path.join(dir, 'index'), { recursive: true, force: true });
  // Pagefind's UIs and its web worker: the search page uses its library on the main thread.
  for (const f of UNUSED) rmSync(path.join(dir, f), { force: true });
}

/** Files of Pagefind's bundle the search page never fetches (a host may count a site's files). */
const UNUSED = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
  'pagefind-worker.js',
];

interface Entry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
}
/** pf_meta: version, pages [hash, word count, …], index chunks [from, to, hash], filters, sorts, meta fields. */
type Meta = [string, [string, number, ...unknown[]][], [string, string, string][], ...unknown[]];

/** A fragment as Pagefind writes it (signature + JSON). */
interface Fragment {
  url: string;
  content: string;
  word_count: number;
  meta: ResultMeta;
}

/** The page list Pagefind wrote into `dir`, and each document at its place in it. */
interface PageList {
  meta: Meta;
  /** The documents in page order, with their fragments' file names and contents. */
  pages: { doc: SearchDocument; name: string; fragment: Fragment }[];
}

function readEntry(dir: string): { entry: Entry; metaFile: string } {
  const file = path.join(dir, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(file, 'utf8')) as Entry;
  checkPagefindVersion(entry.version, file);
  const lang = entry.languages[SEARCH_LANGUAGE];
  if (!lang || Object.keys(entry.languages).length !== 1)
    throw new Error(`${dir}/pagefind-entry.json: expected one language, ${SEARCH_LANGUAGE}: ${JSON.stringify(entry.languages)}`);
  return { entry, metaFile: path.join(dir, `pagefind.${lang.hash}.pf_meta`) };
}

/** Match Pagefind's page list in `dir` (by fragment URL) to `docs`; every document must have one page. */
function pageList(dir: string, docs: SearchDocument[]): PageList {
  const { metaFile } = readEntry(dir);
  const meta = decode(readPagefindFile(metaFile)) as Meta;
  const byUrl = new Map(docs.map((d) => [d.url, d]));
  const pages = meta[1].map(([hash]) => {
    const name = `${hash}.pf_fragment`;
    const file = path.join(dir, 'fragment', name);
    const fragment = JSON.parse(readPagefindFile(file).toString('utf8')) as Fragment;
    const doc = byUrl.get(fragment.url);
    if (!doc) throw new Error(`${file}: fragment of ${fragment.url}, which no search document has`);
    byUrl.delete(fragment.url);
    return { doc, name, fragment };
  });
  if (byUrl.size > 0) throw new Error(`${metaFile}: no page for ${[...byUrl.keys()].slice(0, 3).join(', ')} (${byUrl.size} in all)`);
  return { meta, pages };
}

/**
 * Write the word index into `dir` (Pagefind's shell): the chunks of the clause-set and filter words, then
 * of each stream, in word order (every stream's tokens begin with its mark, so each is a block
 * of its own and one builder at a time holds its postings); the page list with the word
 * counts and the chunk list (under a new name, in pagefind-entry.json); the fragments
 * completed. Returns the number of distinct words of each stream.
 */
function writeWordIndex(dir: string, list: PageList): Record<Stream, number> {
  mkdirSync(path.join(dir, 'index'), { recursive: true });
  const chunkNames = new Set<string>();
  const counts = list.pages.map(() => 0);
  const blocks: Array<{ first: string; chunks: [string, string, string][] }> = [];
  const block = (tokensOf: (doc: SearchDocument) => string[]): number => {
    const builder = new WordIndexBuilder();
    list.pages.forEach(({ doc }, page) => {
      const tokens = tokensOf(doc);
      if (tokens.length > 0) counts[page] = (counts[page] as number) + builder.addPage(page, tokens);
    });
    const chunks: [string, string, string][] = [];
    for (const chunk of builder.chunks(SEARCH_LANGUAGE, undefined, chunkNames)) {
      writeFileSync(path.join(dir, 'index', `${chunk.hash}.pf_index`), chunk.file);
      chunks.push([chunk.from, chunk.to, chunk.hash]);
    }
    if (chunks.length > 0) blocks.push({ first: chunks[0]?.[0] ?? '', chunks });
    return builder.size.words;
  };
  block((doc) => doc.words ?? []);
  const words = {} as Record<Stream, number>;
  for (const stream of STREAMS) words[stream] = block((doc) => contentTokens(doc.text, doc.shard, stream));
  // Pagefind looks a word up in the first chunk whose bounds hold it: the list must be in word order, no two chunks overlapping.
  const chunks = blocks.sort((a, b) => compareCodePoints(a.first, b.first)).flatMap((b) => b.chunks);
  chunks.forEach(([from, to], i) => {
    const next = chunks[i + 1];
    if (compareCodePoints(from, to) > 0 || (next && compareCodePoints(to, next[0]) >= 0))
      throw new Error(
        `the search index's chunks are out of word order at ${from}…${to}: the streams' marks (src/lib/search/tokens.ts) must keep them apart`,
      );
  });
  renameChunks(dir, chunks);
  const fragments = completeFragments(dir, list, counts);
  const [version, pages, , ...rest] = list.meta;
  // Every page's word count is 1 in the page list: Pagefind only weighs a match by its page's
  // length with it, results are ordered by shard (date) first, and the counts, which do not
  // compress, were part of every first search's download (the fragments keep the real count).
  const meta = encode([version, pages.map(([, , ...more], i) => [fragments[i], 1, ...more]), chunks, ...rest]);
  // Pagefind names the page list by the first 8 + language characters of its hash (index/mod.rs).
  const hash = `${SEARCH_LANGUAGE}_${pagefindHash(meta).slice(0, SEARCH_LANGUAGE.length + 8)}`;
  const { entry, metaFile } = readEntry(dir);
  rmSync(metaFile);
  writeFileSync(path.join(dir, `pagefind.${hash}.pf_meta`), pagefindFile(meta));
  (entry.languages[SEARCH_LANGUAGE] as Entry['languages'][string]).hash = hash;
  writeFileSync(path.join(dir, 'pagefind-entry.json'), JSON.stringify(entry));
  return words;
}

/**
 * Name the index chunks as the fragments are named (completeFragments): a digest of this build's
 * chunks and the chunk's number (`3f2a9c1d_2s`), in place in `chunks`. Pagefind finds a chunk by
 * the name the chunk list gives and does not check its content; its own names are content
 * hashes, which do not compress, in the chunk list every first search downloads. A new build never reuses an old name.
 */
function renameChunks(dir: string, chunks: [string, string, string][]): void {
  const names = numberedNames(chunks.map(([, , hash]) => `${hash}\n`));
  chunks.forEach((chunk, i) => {
    const name = names[i] as string;
    renameSync(path.join(dir, 'index', `${chunk[2]}.pf_index`), path.join(dir, 'index', `${name}.pf_index`));
    chunk[2] = name;
  });
}

/**
 * Give each fragment its record's metadata and word count, drop the placeholder content, and
 * name it anew; returns the new names, in page order.
 *
 * Pagefind indexes every metadata value as words and keeps a record's content in its fragment
 * for its own excerpts; it has no metadata that is stored but not searched (1.6). Neither is
 * wanted here: at 10,000 filings the metadata (the filing's text among it) added about 100,000
 * words and 8 % of the index's postings; the search page makes its excerpts from the metadata.
 * So the records go in without metadata, and their fragments get it afterwards, in Pagefind's
 * own file form (signature + JSON, gzip).
 *
 * Names: Pagefind finds a fragment by the name its page list gives (`fragment/<name>.pf_fragment`)
 * and does not check its content. Its own names are content hashes, which do not compress, in
 * the page list every first search downloads. Here a name is
 * the digest of this build's fragments and the page's number (`3f2a9c1d_2s`): the numbers
 * compress to almost nothing, and a new build never reuses an old name, so a browser or CDN
 * that cached a fragment of an earlier build never shows it for another page.
 */
function completeFragments(dir: string, list: PageList, counts: number[]): string[] {
  const files = list.pages.map(({ doc, fragment }, i) => {
    const data: Fragment = { ...fragment, meta: doc.meta, content: '', word_count: Math.max(1, counts[i] as number) };
    return pagefindFile(Buffer.from(JSON.stringify(data)));
  });
  const names = numberedNames(files);
  rmSync(path.join(dir, 'fragment'), { recursive: true, force: true });
  mkdirSync(path.join(dir, 'fragment'));
  files.forEach((file, i) => writeFileSync(path.join(dir, 'fragment', `${names[i] as string}.pf_fragment`), file));
  return names;
}

/** Names for a build's files, in order: the digest of all their contents and each one's number in base 36 (`3f2a9c1d_2s`). */
function numberedNames(contents: Array<string | Buffer>): string[] {
  const digest = createHash('sha256');
  for (const c of contents) digest.update(c);
  const build = digest.digest('hex').slice(0, 8);
  return contents.map((_, i) => `${build}_${i.toString(36)}`);
}
