/** Clauses followed across versions (e.g. 再委託の禁止): each distinct wording and where it appears. */
import type { Clause } from '../record/schema.ts';
import { alignClauses } from './align.ts';
import type { ClauseOptions } from './similarity.ts';
import type { ClauseVersion } from './versions.ts';
import { normalizeHeading, type WordSplitter } from './wording.ts';

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
