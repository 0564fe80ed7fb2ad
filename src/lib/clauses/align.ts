/**
 * The alignment of two versions' clauses by heading and text, not number: moves, renumbering,
 * splits, merges, additions and deletions.
 */
import type { Clause } from '../record/schema.ts';
import { clauseSimilarity, type ClauseOptions } from './similarity.ts';
import { fullText, normalizeClauseText, normalizeHeading, type WordSplitter } from './wording.ts';

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

/** How alike two clause sets are: the mean similarity of their aligned clauses. */
export function setSimilarity(a: Clause[], b: Clause[], words: WordSplitter, options: ClauseOptions): number {
  const rows = alignClauses(a, b, words, options);
  const kept = rows.filter((r) => r.kind !== 'added' && r.kind !== 'deleted');
  return kept.reduce((s, r) => s + r.score, 0) / Math.max(a.length, b.length, 1);
}
