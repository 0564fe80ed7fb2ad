/** Clause versions, topics and comparisons for the pages, computed once per build. */
import { shared } from './memo.ts';
import { buildTopics, type ClauseTopic } from '../lib/clauses/topics.ts';
import { buildVersions, mainlineFor, type ClauseVersion, type PublishedSet } from '../lib/clauses/versions.ts';
import { compareVersions, type ComparisonRow } from '../lib/clauses/comparison.ts';
import { type ClauseOptions } from '../lib/clauses/similarity.ts';
import { type WordSplitter } from '../lib/clauses/wording.ts';
import type { Entry } from '../lib/record/schema.ts';
import { extractClauses } from '../lib/clauses/extract.ts';
import type { Clause } from '../lib/record/schema.ts';
import { slugify } from '../lib/core/slug.ts';
import { getTokenizer } from '../lib/core/tokenizer-fs.ts';
import { getArchive, getClauseSets } from './archive.ts';
import { archiveConfig } from './config.ts';

export interface ClauseData {
  versions: ClauseVersion[];
  byId: Map<string, ClauseVersion>;
  topics: ClauseTopic[];
  /** The version a filing attached. */
  versionOf: Map<string, ClauseVersion>;
  /** The version of each published clause set, by the set's id. */
  versionOfSet: Map<string, ClauseVersion>;
  words: WordSplitter;
  /** Pairs pre-built as comparison pages: every older → newer pair. */
  pairs: Array<[ClauseVersion, ClauseVersion]>;
  /** The 新旧対照表 rows of two versions (compareVersions), worked out once per pair. */
  compare: (oldV: ClauseVersion, newV: ClauseVersion) => ComparisonRow[];
  /** A filing's clauses (extractClauses), extracted once per build. */
  clausesOf: (entry: Entry) => Clause[];
  /** The version most filings of a filing's time used, when not its own (mainlineFor). */
  mainlineOf: (entry: Entry) => ClauseVersion | undefined;
}

export const getClauseData: () => Promise<ClauseData> = shared(async () => {
  const archive = await getArchive();
  const tokenizer = await getTokenizer();
  const cache = new Map<string, string[]>();
  const words: WordSplitter = (text) => {
    let w = cache.get(text);
    if (!w) {
      w = tokenizer.tokenize(text).map((t) => t.surface_form);
      cache.set(text, w);
    }
    return w;
  };
  // Each filing's clauses, kept: the open data (filings.json) gives them too, and extracting
  // is a Markdown parse, slow in a large archive and small to keep.
  const clausesById = new Map<string, Clause[]>();
  const clausesOf = (entry: Entry): Clause[] => {
    let clauses = clausesById.get(entry.id);
    if (!clauses) {
      clauses = extractClauses(entry.body, entry.data.clause_section);
      clausesById.set(entry.id, clauses);
    }
    return clauses;
  };
  // Clause sets published on their own read like a filing's 特記事項 section.
  const published: PublishedSet[] = (await getClauseSets()).map((s) => ({
    id: s.id,
    data: s.data,
    clauses: extractClauses(s.body, s.data.clause_section),
  }));
  for (const p of published)
    if (p.clauses.length === 0)
      console.warn(`[clauses] clauses/${p.id}.md: no clauses found under its heading; it is not shown as a version (check clause_section)`);
  // Party words of this archive (content/archive.yaml) besides the usual ones (甲/乙, 発注者/受注者…).
  const options: ClauseOptions = { parties: archiveConfig.parties };
  const versions = buildVersions(archive.filings, words, clausesOf, { ...options, published });
  const topics = buildTopics(versions, words, (t) => slugify(t, tokenizer), options);
  const versionOf = new Map<string, ClauseVersion>();
  const versionOfSet = new Map<string, ClauseVersion>();
  for (const v of versions) {
    for (const f of v.filings) versionOf.set(f.id, v);
    for (const p of v.published) versionOfSet.set(p.id, v);
  }
  const pairs: Array<[ClauseVersion, ClauseVersion]> = [];
  versions.forEach((a, i) => versions.slice(i + 1).forEach((b) => pairs.push([a, b])));
  // Thousands of filing pages compare their version with the same few mainlines.
  const comparisons = new Map<string, ComparisonRow[]>();
  const compare = (oldV: ClauseVersion, newV: ClauseVersion): ComparisonRow[] => {
    const key = `${oldV.id}\u0000${newV.id}`;
    let rows = comparisons.get(key);
    if (!rows) {
      rows = compareVersions(oldV.clauses, newV.clauses, words, options);
      comparisons.set(key, rows);
    }
    return rows;
  };
  const mainlineOf = (entry: Entry): ClauseVersion | undefined => mainlineFor(entry, versions, { own: versionOf.get(entry.id) });
  return {
    versions,
    byId: new Map(versions.map((v) => [v.id, v])),
    topics,
    versionOf,
    versionOfSet,
    words,
    pairs,
    compare,
    mainlineOf,
    clausesOf,
  };
});

/** Column order of a 新旧対照表: new on the left by long practice; ARCHIVE_SHINKYU_ORDER=old-new flips it. */
export const NEW_ON_LEFT = (process.env['ARCHIVE_SHINKYU_ORDER'] ?? 'new-old') !== 'old-new';
