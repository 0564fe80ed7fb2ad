/**
 * Versions of the 特記事項 and how they changed: which filings attached which clause set, the
 * alignment of clauses between two versions (by heading and text, not number: moves,
 * renumbering, splits, merges, additions and deletions) and word diffs on kuromoji tokens
 * computed with the `diff` library. Pages render what this returns.
 */
import { createHash } from 'node:crypto';
import { diffArrays } from 'diff';
import type { Entry } from '../record/schema.ts';
import { extractClauses } from './extract.ts';
import { DEFAULT_PARTIES } from '../record/config.ts';
import { formatEra } from '../core/era.ts';
import type { Clause, ClauseSet } from '../record/schema.ts';
import { nfkc } from '../core/text.ts';

/** Splits a text into words (kuromoji surface forms in production). */
export type WordSplitter = (text: string) => string[];

/**
 * The identity of a clause's wording: NFKC (widths, bracket forms), no whitespace, no bullet
 * marks, no final 。 — so extraction noise never makes a new version.
 */
export function normalizeClauseText(text: string): string {
  return nfkc(text)
    .replace(/[\s\u3000]+/gu, '')
    .replace(/^[-・*]+/u, '')
    .replace(/[。.]+$/u, '');
}

function normalizeHeading(heading: string | undefined): string {
  return heading ? normalizeClauseText(heading).replace(/^[(（]|[)）]$/gu, '') : '';
}

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

/** The party words of a clause set: who is the municipality, who the contractor (甲/乙, 発注者/受注者…). */
export interface PartyWords {
  municipality: readonly string[];
  contractor: readonly string[];
}

/** What clause comparison takes beyond the word splitter. */
export interface ClauseOptions {
  /** The archive's party words (content/archive.yaml `parties`); DEFAULT_PARTIES are always added. */
  parties?: Partial<PartyWords> | undefined;
}

/** How a clause of the old version relates to the new. */
export type AlignmentKind = 'same' | 'changed' | 'split' | 'merged' | 'added' | 'deleted';

/** One row of an alignment: old clause(s) and new clause(s) that correspond. */
export interface AlignedRow {
  kind: AlignmentKind;
  old: Clause[];
  new: Clause[];
  /** The number changed (第3項 → 第7項). */
  renumbered: boolean;
  /** The clause changed place relative to the other clauses kept. */
  moved: boolean;
  /** Similarity of the pair, 0 to 1 (1 for additions and deletions). */
  score: number;
}

/** A piece of a word diff. */
export interface DiffPart {
  text: string;
  changed: boolean;
}

/** Word diff of one old and one new text, as the two columns of a 新旧対照表. */
export interface WordDiff {
  old: DiffPart[];
  new: DiffPart[];
}

function clauseKey(c: Clause): string {
  return [c.number, normalizeHeading(c.heading), normalizeClauseText(c.text), ...(c.items ?? []).map(normalizeClauseText)].join('\u0001');
}

/** The identity of a clause set; equal for sets that differ only by extraction noise. */
export function versionKey(clauses: Clause[]): string {
  return clauses.map(clauseKey).join('\u0002');
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
  const published = [...(options.published ?? [])].sort((a, b) => a.data.date.localeCompare(b.data.date) || a.id.localeCompare(b.id));
  for (const p of published) {
    if (p.clauses.length === 0) continue;
    const key = versionKey(p.clauses);
    const v = byKey.get(key) ?? { clauses: p.clauses, filings: [], published: [] };
    v.published.push(p);
    byKey.set(key, v);
  }
  const versions: ClauseVersion[] = [...byKey].map(([key, v]) => {
    const dates = [...v.filings.map((f) => f.data.date), ...v.published.map((p) => p.data.date)].sort();
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
  // Names: 平成20年7月版; a second version first seen in the same month is その2.
  const seen = new Map<string, number>();
  for (const v of versions) {
    const base = `${formatEra(v.first.slice(0, 7))}版`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    v.name = n === 1 ? base : `${base}その${n}`;
  }
  versions.forEach((v, i) => {
    let best: { id: string; score: number } | undefined;
    for (const earlier of versions.slice(0, i)) {
      const score = setSimilarity(earlier.clauses, v.clauses, words, options);
      if (!best || score > best.score) best = { id: earlier.id, score };
    }
    if (best) v.predecessor = best.id;
  });
  return versions;
}

/** Dice coefficient of two multisets of words. */
function dice(a: string[], b: string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of b) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common++;
      counts.set(w, n - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

const PUNCT = /^[\p{P}\p{S}\s]+$/u;

/** The neutral word each side's party words are compared as. */
const NEUTRAL = { municipality: '甲', contractor: '乙' } as const;

const neutralisers = new Map<string, (text: string) => string>();

/**
 * A function that writes every party word of a text as its side's neutral word (発注者, 委託者,
 * 区 → 甲; 受注者, 受託者 → 乙), so that clauses written with other party words compare by
 * what they say. The archive's words come first (a word it gives one side is not the other
 * side's by default), then DEFAULT_PARTIES; longer words before the words they contain
 * (受託事業者 before 受託者). Used for similarity only: diffs show the words as written.
 */
export function partyNeutraliser(parties: Partial<PartyWords> = {}): (text: string) => string {
  const key = JSON.stringify([parties.municipality ?? [], parties.contractor ?? []]);
  let f = neutralisers.get(key);
  if (f) return f;
  const side = new Map<string, string>();
  const add = (list: readonly string[] | undefined, neutral: string): void => {
    for (const w of list ?? []) {
      const word = nfkc(w).trim();
      if (word && !side.has(word)) side.set(word, neutral);
    }
  };
  add(parties.municipality, NEUTRAL.municipality);
  add(parties.contractor, NEUTRAL.contractor);
  add(DEFAULT_PARTIES.municipality, NEUTRAL.municipality);
  add(DEFAULT_PARTIES.contractor, NEUTRAL.contractor);
  const alternatives = [...side.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const pattern = new RegExp(alternatives.map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|'), 'gu');
  f = alternatives.length === 0 ? (text) => text : (text) => text.replace(pattern, (w) => side.get(w) ?? w);
  neutralisers.set(key, f);
  return f;
}

function contentWords(text: string, words: WordSplitter, neutral: (text: string) => string): string[] {
  return words(neutral(nfkc(text))).filter((w) => !PUNCT.test(w));
}

function bigrams(text: string): string[] {
  const t = normalizeHeading(text);
  return t.length < 2 ? [t] : Array.from({ length: t.length - 1 }, (_, i) => t.slice(i, i + 2));
}

function fullText(c: Clause): string {
  return [c.text, ...(c.items ?? [])].join('\n');
}

/**
 * Similarity of two clauses: heading (character bigrams) and text (kuromoji words), each with
 * the party words of both sides written as one neutral word per side (partyNeutraliser), so
 * 「乙は、…」 and 「受注者は、…」 are the same clause.
 */
export function clauseSimilarity(a: Clause, b: Clause, words: WordSplitter, options: ClauseOptions = {}): number {
  const neutral = partyNeutraliser(options.parties);
  const text = dice(contentWords(fullText(a), words, neutral), contentWords(fullText(b), words, neutral));
  if (!a.heading || !b.heading) return text;
  const ha = neutral(normalizeHeading(a.heading));
  const hb = neutral(normalizeHeading(b.heading));
  const heading = ha === hb ? 1 : dice(bigrams(ha), bigrams(hb));
  return 0.35 * heading + 0.65 * text;
}

function setSimilarity(a: Clause[], b: Clause[], words: WordSplitter, options: ClauseOptions): number {
  const rows = alignClauses(a, b, words, options);
  const kept = rows.filter((r) => r.kind !== 'added' && r.kind !== 'deleted');
  return kept.reduce((s, r) => s + r.score, 0) / Math.max(a.length, b.length, 1);
}

const THRESHOLD = 0.45;

/**
 * Pair the clauses of an old and a new version. Pairs are chosen greedily by similarity (one to
 * one, above a threshold); a new clause left over that sits under the same heading as the new
 * counterpart of an old clause is a split of that clause (and the reverse, a merge).
 */
export function alignClauses(oldClauses: Clause[], newClauses: Clause[], words: WordSplitter, options: ClauseOptions = {}): AlignedRow[] {
  const scores: Array<{ i: number; j: number; s: number }> = [];
  oldClauses.forEach((a, i) => newClauses.forEach((b, j) => scores.push({ i, j, s: clauseSimilarity(a, b, words, options) })));
  scores.sort((x, y) => y.s - x.s || Math.abs(x.i - x.j) - Math.abs(y.i - y.j) || x.i - y.i);
  const oldTo = new Map<number, number>();
  const newTo = new Map<number, number>();
  const score = new Map<number, number>();
  for (const { i, j, s } of scores) {
    if (s < THRESHOLD) break;
    if (oldTo.has(i) || newTo.has(j)) continue;
    oldTo.set(i, j);
    newTo.set(j, i);
    score.set(i, s);
  }
  // Moved: matched pairs outside the longest run that keeps its order.
  const pairs = [...oldTo].sort((x, y) => x[0] - y[0]);
  const inOrder = longestIncreasing(pairs.map(([, j]) => j));
  const moved = new Set(pairs.filter((_, k) => !inOrder.has(k)).map(([i]) => i));

  const group = (clauses: Clause[], k: number): number[] => {
    const h = normalizeHeading(clauses[k]?.heading);
    if (!h) return [k];
    let lo = k;
    let hi = k;
    while (lo > 0 && normalizeHeading(clauses[lo - 1]?.heading) === h) lo--;
    while (hi < clauses.length - 1 && normalizeHeading(clauses[hi + 1]?.heading) === h) hi++;
    return Array.from({ length: hi - lo + 1 }, (_, n) => lo + n);
  };

  const rows: AlignedRow[] = [];
  const usedNew = new Set<number>();
  const usedOld = new Set<number>();
  oldClauses.forEach((a, i) => {
    if (usedOld.has(i)) return;
    const j = oldTo.get(i);
    if (j === undefined) return;
    // Unmatched new clauses under the same heading as j: a split of clause i.
    const extraNew = group(newClauses, j).filter((k) => k !== j && !newTo.has(k) && !usedNew.has(k));
    // Unmatched old clauses under the same heading as i: merged into j.
    const extraOld = group(oldClauses, i).filter((k) => k !== i && !oldTo.has(k) && !usedOld.has(k));
    const newSet = [j, ...extraNew].sort((x, y) => x - y);
    const oldSet = [i, ...extraOld].sort((x, y) => x - y);
    newSet.forEach((k) => usedNew.add(k));
    oldSet.forEach((k) => usedOld.add(k));
    const b = newClauses[j] as Clause;
    const same =
      extraNew.length === 0 &&
      extraOld.length === 0 &&
      normalizeClauseText(fullText(a)) === normalizeClauseText(fullText(b)) &&
      normalizeHeading(a.heading) === normalizeHeading(b.heading);
    rows.push({
      kind: extraNew.length > 0 ? 'split' : extraOld.length > 0 ? 'merged' : same ? 'same' : 'changed',
      old: oldSet.map((k) => oldClauses[k] as Clause),
      new: newSet.map((k) => newClauses[k] as Clause),
      renumbered: a.number !== b.number,
      moved: moved.has(i),
      score: score.get(i) ?? 0,
    });
  });
  newClauses.forEach((b, j) => {
    if (!usedNew.has(j)) rows.push({ kind: 'added', old: [], new: [b], renumbered: false, moved: false, score: 1 });
  });
  oldClauses.forEach((a, i) => {
    if (!usedOld.has(i)) rows.push({ kind: 'deleted', old: [a], new: [], renumbered: false, moved: false, score: 1 });
  });
  // Order rows as the new version reads; deleted clauses after the clause that preceded them.
  const position = (r: AlignedRow): number => {
    const firstNew = r.new[0];
    if (firstNew) return newClauses.indexOf(firstNew);
    const oldIndex = oldClauses.indexOf(r.old[0] as Clause);
    for (let k = oldIndex - 1; k >= 0; k--) {
      const j = oldTo.get(k);
      if (j !== undefined) return j + 0.5;
    }
    return -0.5;
  };
  return rows.sort((x, y) => position(x) - position(y));
}

function longestIncreasing(xs: number[]): Set<number> {
  // Patience sorting with back-pointers; returns the indices of one longest increasing run.
  const tails: number[] = [];
  const prev: number[] = new Array<number>(xs.length).fill(-1);
  xs.forEach((x, k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((xs[tails[mid] as number] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1] as number;
    tails[lo] = k;
  });
  const out = new Set<number>();
  for (let k = tails[tails.length - 1] ?? -1; k >= 0; k = prev[k] as number) out.add(k);
  return out;
}

/** Word diff on kuromoji tokens with diffArrays: changed words marked in both columns. */
export function wordDiff(oldText: string, newText: string, words: WordSplitter): WordDiff {
  const parts = diffArrays(words(oldText), words(newText));
  const out: WordDiff = { old: [], new: [] };
  const push = (side: DiffPart[], text: string, changed: boolean): void => {
    const last = side[side.length - 1];
    if (last && last.changed === changed) last.text += text;
    else if (text) side.push({ text, changed });
  };
  for (const p of parts) {
    const text = p.value.join('');
    if (p.added) push(out.new, text, true);
    else if (p.removed) push(out.old, text, true);
    else {
      push(out.old, text, false);
      push(out.new, text, false);
    }
  }
  return out;
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

/** A clause followed across versions (e.g. 再委託の禁止): each distinct wording and where it appears. */
export interface ClauseTopic {
  heading: string;
  slug: string;
  /** One entry per version that has the clause, oldest first. */
  history: Array<{ version: ClauseVersion; clauses: Clause[] }>;
}

/** Follow each clause through the versions along their predecessors. */
export function buildTopics(
  versions: ClauseVersion[],
  words: WordSplitter,
  slugify: (t: string) => string,
  options: ClauseOptions = {},
): ClauseTopic[] {
  // Union-find over (version, clause index), joined along every version→predecessor alignment.
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    const p = parent.get(k) ?? k;
    if (p === k) return k;
    const root = find(p);
    parent.set(k, root);
    return root;
  };
  const union = (a: string, b: string): void => void parent.set(find(a), find(b));
  const key = (v: ClauseVersion, c: Clause): string => `${v.id}#${v.clauses.indexOf(c)}`;
  const byId = new Map(versions.map((v) => [v.id, v]));
  for (const v of versions) {
    v.clauses.forEach((c) => parent.set(key(v, c), parent.get(key(v, c)) ?? key(v, c)));
    const p = v.predecessor ? byId.get(v.predecessor) : undefined;
    if (!p) continue;
    for (const row of alignClauses(p.clauses, v.clauses, words, options)) {
      const all = [...row.old.map((c) => key(p, c)), ...row.new.map((c) => key(v, c))];
      for (const k of all.slice(1)) union(all[0] as string, k);
    }
  }
  const groups = new Map<string, Array<{ v: ClauseVersion; c: Clause }>>();
  for (const v of versions) for (const c of v.clauses) groups.set(find(key(v, c)), [...(groups.get(find(key(v, c))) ?? []), { v, c }]);
  const topics: ClauseTopic[] = [];
  const used = new Map<string, number>();
  for (const members of groups.values()) {
    const headings = members.map((m) => normalizeHeading(m.c.heading)).filter(Boolean);
    const counts = new Map<string, number>();
    for (const h of headings) counts.set(h, (counts.get(h) ?? 0) + 1);
    const heading = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? `第${members[0]?.c.number}項`;
    const history: ClauseTopic['history'] = [];
    for (const v of versions) {
      const clauses = members.filter((m) => m.v === v).map((m) => m.c);
      if (clauses.length > 0) history.push({ version: v, clauses });
    }
    let slug = slugify(heading) || 'clause';
    const n = (used.get(slug) ?? 0) + 1;
    used.set(slug, n);
    if (n > 1) slug = `${slug}-${n}`;
    topics.push({ heading, slug, history });
  }
  return topics.sort(
    (a, b) => (a.history[0]?.clauses[0]?.number ?? 0) - (b.history[0]?.clauses[0]?.number ?? 0) || a.heading.localeCompare(b.heading),
  );
}

/** A row of a 新旧対照表, ready to render: each side's clauses with their marked words. */
export interface ComparisonRow {
  kind: AlignmentKind;
  renumbered: boolean;
  moved: boolean;
  old: { label: string; parts: DiffPart[] } | undefined;
  new: { label: string; parts: DiffPart[] } | undefined;
}

/** A clause's number as the label of a 新旧対照表 cell: 第3項, or as written (第3条, 第3). */
function numberLabel(c: Clause): string {
  return c.marker ?? `第${c.number}項`;
}

function label(clauses: Clause[]): string {
  const first = clauses[0];
  const last = clauses[clauses.length - 1];
  if (!first || !last) return '';
  const range = clauses.length > 1 ? `${numberLabel(first)}〜${numberLabel(last)}` : numberLabel(first);
  return first.heading ? `${range}（${first.heading}）` : range;
}

function clauseBlock(c: Clause): string {
  return [`${c.marker ?? c.number} ${c.text}`, ...(c.items ?? [])].join('\n');
}

/**
 * The 新旧対照表 of two versions: aligned rows with word diffs in both columns. Clauses are paired
 * with party words made neutral (alignClauses); the diffs are of the texts as written, so
 * 乙 → 受注者 shows as changed.
 */
export function compareVersions(oldV: Clause[], newV: Clause[], words: WordSplitter, options: ClauseOptions = {}): ComparisonRow[] {
  return alignClauses(oldV, newV, words, options).map((row) => {
    const oldText = row.old.map(clauseBlock).join('\n');
    const newText = row.new.map(clauseBlock).join('\n');
    const d =
      row.old.length > 0 && row.new.length > 0
        ? wordDiff(oldText, newText, words)
        : { old: [{ text: oldText, changed: true }], new: [{ text: newText, changed: true }] };
    return {
      kind: row.kind,
      renumbered: row.renumbered,
      moved: row.moved,
      old: row.old.length > 0 ? { label: label(row.old), parts: d.old } : undefined,
      new: row.new.length > 0 ? { label: label(row.new), parts: d.new } : undefined,
    };
  });
}
