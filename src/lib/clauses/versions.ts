/**
 * Versions of the 特記事項: which filings (and clause sets published on their own) share one
 * wording, each version's name and predecessor, and the version most filings of a time used.
 * The alignment, similarity, word diffs, topics and 新旧対照表 rows are beside it.
 */
import { createHash } from 'node:crypto';
import type { Clause, ClauseSet, Entry } from '../record/schema.ts';
import { formatEra } from '../core/era.ts';
import { CLAUSE_WORDS as C } from '../words/clauses.ts';
import { extractClauses } from './extract.ts';
import { setSimilarity } from './align.ts';
import type { ClauseOptions } from './similarity.ts';
import { versionKey, type WordSplitter } from './wording.ts';

/**
 * A clause set the municipality published on its own (`content/clauses/<id>.md`): its record and
 * its clauses (extractClauses of its body under its `clause_section`).
 */
export interface PublishedSet {
  id: string;
  data: ClauseSet;
  clauses: Clause[];
}

/** One version of the clause set. */
export interface ClauseVersion {
  /** Stable id from the normalised content: `cv-1a2b3c4d`. */
  id: string;
  /** Human name from its first appearance: `平成20年7月版`. */
  name: string;
  clauses: Clause[];
  /** Filings that attached this version, oldest first. */
  filings: Entry[];
  /** Published clause sets with this wording, oldest first (most versions have none). */
  published: PublishedSet[];
  /** First appearance: the earliest of its filings' dates and its published sets' dates. */
  first: string;
  /** Last appearance, likewise. */
  last: string;
  /** Id of the closest earlier version. */
  predecessor?: string;
}

function versionId(key: string): string {
  return `cv-${createHash('sha256').update(key).digest('hex').slice(0, 8)}`;
}

/**
 * Group filings by clause set, name each version and find its predecessor. `clausesOf` gives a
 * filing's clauses (extractClauses of its body under its `clause_section`; the site passes one
 * that keeps them, as the open data needs them too). `published` are the clause sets published
 * on their own: one with the wording of some filings' clauses (same versionKey) is part of
 * their version, one that no filing attached is a version of its own, dated by its `date`.
 */
export function buildVersions(
  entries: Entry[],
  words: WordSplitter,
  clausesOf: (entry: Entry) => Clause[] = (e) => extractClauses(e.body, e.data.clause_section),
  options: ClauseOptions & { published?: PublishedSet[] } = {},
): ClauseVersion[] {
  const byKey = new Map<string, { clauses: Clause[]; filings: Entry[]; published: PublishedSet[] }>();
  for (const e of [...entries].sort((a, b) => a.data.date.localeCompare(b.data.date) || a.id.localeCompare(b.id))) {
    const clauses = clausesOf(e);
    if (clauses.length === 0) continue;
    const key = versionKey(clauses);
    const v = byKey.get(key) ?? { clauses, filings: [], published: [] };
    v.filings.push(e);
    byKey.set(key, v);
  }
  const published = [...(options.published ?? [])].sort(
    (a, b) => (a.data.date ?? '').localeCompare(b.data.date ?? '') || a.id.localeCompare(b.id),
  );
  for (const p of published) {
    if (p.clauses.length === 0) continue;
    const key = versionKey(p.clauses);
    const v = byKey.get(key) ?? { clauses: p.clauses, filings: [], published: [] };
    v.published.push(p);
    byKey.set(key, v);
  }
  const versions: ClauseVersion[] = [...byKey].map(([key, v]) => {
    // A published set without a date (日付不明) is dated by the filings that attached its wording, if any.
    const dates = [...v.filings.map((f) => f.data.date), ...v.published.flatMap((p) => (p.data.date ? [p.data.date] : []))].sort();
    return {
      id: versionId(key),
      name: '',
      clauses: v.clauses,
      filings: v.filings,
      published: v.published,
      first: dates[0] ?? '',
      last: dates[dates.length - 1] ?? '',
    };
  });
  versions.sort((a, b) => a.first.localeCompare(b.first) || a.clauses.length - b.clauses.length || a.id.localeCompare(b.id));
  // Versions first seen on the same day: the wording nearer the versions before them comes first,
  // so that その2 is the newer wording (readers take その2 to be the later one).
  for (let i = 0; i < versions.length;) {
    let j = i + 1;
    while (j < versions.length && versions[j]?.first === versions[i]?.first) j++;
    if (j - i > 1 && i > 0) {
      const earlier = versions.slice(0, i);
      const near = new Map(
        versions.slice(i, j).map((v) => [v, Math.max(...earlier.map((e) => setSimilarity(e.clauses, v.clauses, words, options)))] as const),
      );
      const day = versions.slice(i, j).sort((a, b) => (near.get(b) ?? 0) - (near.get(a) ?? 0) || a.id.localeCompare(b.id));
      versions.splice(i, j - i, ...day);
    }
    i = j;
  }
  // Names: 平成20年7月版; a second version first seen in the same month is その2. Undated versions
  // (no filing and no date of their own) sort first and are 日付不明の版, その2 …
  const seen = new Map<string, number>();
  for (const v of versions) {
    const base = v.first ? `${formatEra(v.first.slice(0, 7))}版` : C.undatedVersion;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    v.name = n === 1 ? base : `${base}その${n}`;
  }
  // The predecessor: the closest earlier version; an undated one is no version's, and has none.
  versions.forEach((v, i) => {
    if (!v.first) return;
    let best: { id: string; score: number } | undefined;
    for (const earlier of versions.slice(0, i).filter((x) => x.first)) {
      const score = setSimilarity(earlier.clauses, v.clauses, words, options);
      if (!best || score > best.score) best = { id: earlier.id, score };
    }
    if (best) v.predecessor = best.id;
  });
  return versions;
}

/** Filings per year of each version, so a window of years is counted without a pass over them. */
const yearCounts = new WeakMap<ClauseVersion, Map<number, number>>();

/** How many of a version's filings are dated within `years` of year `y`. */
function filingsNear(v: ClauseVersion, y: number, years: number): number {
  let counts = yearCounts.get(v);
  if (!counts) {
    counts = new Map();
    for (const f of v.filings) {
      const fy = Number(f.data.date.slice(0, 4));
      counts.set(fy, (counts.get(fy) ?? 0) + 1);
    }
    yearCounts.set(v, counts);
  }
  let n = 0;
  for (let d = -years; d <= years; d++) n += counts.get(y + d) ?? 0;
  return n;
}

/**
 * The version most filings of a filing's time used (within `years` either side), or undefined
 * when that is the filing's own version. `own` is the filing's version when the caller knows it
 * (looking it up is a pass over every filing). Per filing this costs a few lookups per version,
 * not a pass over all filings: the filing pages call it once each, which at 10,000 filings made
 * it quadratic.
 */
export function mainlineFor(
  entry: Entry,
  versions: ClauseVersion[],
  { years = 3, own = versions.find((v) => v.filings.includes(entry)) }: { years?: number; own?: ClauseVersion | undefined } = {},
): ClauseVersion | undefined {
  if (!own) return undefined;
  const y = Number(entry.data.date.slice(0, 4));
  let best: { v: ClauseVersion; n: number } | undefined;
  for (const v of versions) {
    const n = filingsNear(v, y, years);
    if (n > 0 && (!best || n > best.n)) best = { v, n };
  }
  return best && best.v !== own && best.n > filingsNear(own, y, years) ? best.v : undefined;
}
