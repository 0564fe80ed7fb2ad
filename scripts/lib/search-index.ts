/**
 * Index every filing for search, tokenised by src/lib/search-tokens.ts (the same code the search
 * page runs), into `<dist>/pagefind/<stream>/`: Pagefind's files, its word index written by
 * scripts/lib/pagefind-words.ts and the rest by Pagefind's Node API.
 *
 * This runs as its own step after `astro build` rather than inside an Astro integration: in
 * Astro's Vite module runner the Pagefind service received the records' Japanese content
 * damaged (the index came out with a fraction of its words and phrase searches failed), while
 * plain Node gives a correct index.
 */
import { revealAll, revealControls } from '../../src/lib/text.ts';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decode, encode } from 'cborg';
import * as pagefind from 'pagefind';
import { contentDir, loadRecords } from '../../src/lib/load.ts';
import { SEARCH_LANGUAGE, documentTokens, searchDocuments, type SearchDocument } from '../../src/lib/search-records.ts';
import { STREAMS, type Stream } from '../../src/lib/search-tokens.ts';
import { WordIndexBuilder, checkPagefindVersion, pagefindFile, pagefindHash, readPagefindFile } from './pagefind-words.ts';
import { SplitCache } from './split-cache.ts';
import { ReadingCache } from './reading-cache.ts';
import { addReadings, readingBuckets } from '../../src/lib/readings.ts';
import { loadRegistries } from '../../src/lib/registry.ts';
import { nameGroups } from '../../src/lib/search-names.ts';
import { getTokenizer } from '../../src/lib/tokenizer.ts';

/**
 * Build the search indexes for the records in `content` into `<dist>/pagefind/<stream>/`, one
 * index per token stream (src/lib/search-tokens.ts). A query is searched in one stream, so the
 * search page only ever loads the index it needs. `cacheDir` holds the split bodies of earlier
 * runs (scripts/lib/split-cache.ts).
 *
 * Pagefind writes the page list, fragments, filters and its search library once, for records
 * that hold one placeholder word each; that copy goes to every stream, and each stream's word
 * index is then written by pagefind-words.ts, which also puts the word counts into the page
 * list. Why not Pagefind's own word index: it held every (word, page) pair several times over
 * while it wrote, 4.2–4.8 GB per stream at 10,000 filings (measured on its process), over the
 * 4 GB the build may take (issue 6); pagefind-words.ts has the details.
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
  // The documents hold all the indexes need; the parsed records (bodies and all) are let go.
  const content = options.content ?? contentDir();
  const versions = clauseVersions(options.dist);
  const { docs, records } = ((): { docs: SearchDocument[]; records: number } => {
    const files = loadRecords(content);
    // As the pages show them: bidirectional controls made visible (src/lib/text.ts revealControls).
    const entries = files.map((r) => ({ id: r.data.id, data: revealAll(r.data), body: revealControls(r.body) }));
    return { docs: searchDocuments(entries, base, cache.splitUnder, (id) => versions.get(id)), records: files.length };
  })();
  cache.save();
  rmSync(out, { recursive: true, force: true });
  await writeReadings(path.join(out, 'readings'), docs, options.cacheDir);
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'names.json'), JSON.stringify(nameGroups(loadRegistries(content))));
  // The clause versions' names, for the search page's facet (its values are the versions' ids).
  writeFileSync(path.join(out, 'versions.json'), JSON.stringify(Object.fromEntries([...versions.values()].map((v) => [v.id, v.name]))));
  const shell = path.join(out, 'shell');
  await writeShell(shell, docs);
  const pages = pageList(shell, docs);
  const words = {} as Record<Stream, number>;
  for (const stream of STREAMS) {
    const dir = path.join(out, stream);
    cpSync(shell, dir, { recursive: true });
    words[stream] = writeWordIndex(dir, pages, stream);
  }
  rmSync(shell, { recursive: true });
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
 * The reading list (src/lib/readings.ts) of every document's text, cut into small files by the
 * reading's first two characters: `readings/<bucket>.json`. kuromoji reads each line once
 * (scripts/lib/reading-cache.ts).
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
}

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
  meta: Record<string, string>;
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
 * Write the word index of one stream into `dir` (a copy of the shell): the chunks, the page
 * list with the word counts and chunk list (under a new name, in pagefind-entry.json), and the
 * fragments completed. Returns the number of distinct words.
 */
function writeWordIndex(dir: string, list: PageList, stream: Stream): number {
  const builder = new WordIndexBuilder();
  const counts = list.pages.map(({ doc }, page) => builder.addPage(page, documentTokens(doc, stream)));
  const words = builder.size.words;
  mkdirSync(path.join(dir, 'index'), { recursive: true });
  const chunks: [string, string, string][] = [];
  for (const chunk of builder.chunks(SEARCH_LANGUAGE)) {
    writeFileSync(path.join(dir, 'index', `${chunk.hash}.pf_index`), chunk.file);
    chunks.push([chunk.from, chunk.to, chunk.hash]);
  }
  const [version, pages, , ...rest] = list.meta;
  const meta = encode([version, pages.map(([hash, , ...more], i) => [hash, counts[i], ...more]), chunks, ...rest]);
  // Pagefind names the page list by the first 8 + language characters of its hash (index/mod.rs).
  const hash = `${SEARCH_LANGUAGE}_${pagefindHash(meta).slice(0, SEARCH_LANGUAGE.length + 8)}`;
  const { entry, metaFile } = readEntry(dir);
  rmSync(metaFile);
  writeFileSync(path.join(dir, `pagefind.${hash}.pf_meta`), pagefindFile(meta));
  (entry.languages[SEARCH_LANGUAGE] as Entry['languages'][string]).hash = hash;
  writeFileSync(path.join(dir, 'pagefind-entry.json'), JSON.stringify(entry));
  completeFragments(dir, list, counts);
  return words;
}

/**
 * Give each fragment its record's metadata and word count, and drop the placeholder content.
 *
 * Pagefind indexes every metadata value as words and keeps a record's content in its fragment
 * for its own excerpts; it has no metadata that is stored but not searched (1.6). Neither is
 * wanted here: at 10,000 filings the metadata (the filing's text among it) added about 100,000
 * words and 8 % of the index's postings; the search page makes its excerpts from `meta.text`.
 * So the records go in without metadata, and their fragments get it afterwards, in Pagefind's
 * own file form (signature + JSON, gzip). Fragments keep their names: Pagefind finds them by
 * the hash in its page list and does not check their content. Each stream's copy is written
 * from the fragments read once from the shell (pageList).
 */
function completeFragments(dir: string, list: PageList, counts: number[]): void {
  list.pages.forEach(({ doc, name, fragment }, i) => {
    const data: Fragment = { ...fragment, meta: doc.meta, content: '', word_count: counts[i] as number };
    writeFileSync(path.join(dir, 'fragment', name), pagefindFile(Buffer.from(JSON.stringify(data))));
  });
}
