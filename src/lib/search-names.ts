/**
 * Other names for a search: a registry alias finds its company (NEC → 日本電気株式会社, NTT東日本 →
 * 東日本電信電話株式会社), and the terms registry groups words that mean the same (氏名 / 漢字氏名).
 * The indexer writes the groups into one small file; the search page expands a term that is a
 * member of a group with the other members, each shown and switchable.
 */
import { companyKey } from './names.ts';
import type { Registries } from './registry.ts';

/** The groups of names that mean the same: a company's name and its aliases; a group of terms. */
export interface NameGroups {
  companies: string[][];
  terms: string[][];
}

/** The name groups of the registries. */
export function nameGroups(registries: Registries): NameGroups {
  return {
    companies: (registries.contractors?.contractors ?? []).filter((c) => c.aliases.length > 0).map((c) => [c.name, ...c.aliases]),
    terms: (registries.terms?.terms ?? []).map((t) => [...t]),
  };
}

/** What makes two spellings one name: widths, spaces, 株式会社 placement and (株) (src/lib/names.ts). */
function key(name: string): string {
  return companyKey(name);
}

/** The other names of a term: every member of every group it belongs to, but itself; `kind` says which registry. */
export function otherNames(term: string, names: NameGroups): Array<{ text: string; kind: 'name' | 'term' }> {
  const k = key(term);
  const out: Array<{ text: string; kind: 'name' | 'term' }> = [];
  for (const [kind, groups] of [
    ['name', names.companies],
    ['term', names.terms],
  ] as const)
    for (const g of groups) {
      if (!g.some((n) => key(n) === k)) continue;
      for (const n of g) if (key(n) !== k && !out.some((o) => key(o.text) === key(n))) out.push({ text: n, kind });
    }
  return out;
}
