/**
 * Other names for a search: a registry alias finds its company (NEC → 日本電気, NTT東日本 →
 * 東日本電信電話), and the terms registry groups words that mean the same (氏名 / 漢字氏名).
 * The indexer writes the groups into one small file; the search page expands a term that is a
 * member of a group with the other members, each shown and switchable.
 */
import { companyCoreAsWritten, companyKey } from '../core/names.ts';
import type { Registries } from '../record/registry.ts';

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

/** What makes two spellings one name: widths, spaces, 株式会社 placement and (株) (src/lib/core/names.ts). */
function key(name: string): string {
  return companyKey(name);
}

/**
 * The other names of a term: every member of every group it belongs to, but itself; `kind` says
 * which registry. A company's names are searched without their legal form
 * (companyCoreAsWritten: 株式会社 ＩＤＣテクノロジー → ＩＤＣテクノロジー), so the filings that write it
 * 株式会社ＩＤＣテクノロジー, ＩＤＣテクノロジー株式会社 or (株)ＩＤＣテクノロジー are all found, and
 * the search does not download the index's largest entries (株式, 会社 are in every filing); a
 * longer name that contains the same words (日本電気硝子, 西日本電気) is found too, and shown marked. The typed name's
 * own core is one of them when it differs.
 */
export function otherNames(term: string, names: NameGroups): Array<{ text: string; kind: 'name' | 'term' }> {
  const k = key(term);
  const out: Array<{ text: string; kind: 'name' | 'term' }> = [];
  for (const [kind, groups] of [
    ['name', names.companies],
    ['term', names.terms],
  ] as const)
    for (const g of groups) {
      if (!g.some((n) => key(n) === k)) continue;
      for (const member of g) {
        const n = kind === 'name' ? companyCoreAsWritten(member) : member;
        if (key(n) !== k && !out.some((o) => key(o.text) === key(n))) out.push({ text: n, kind });
      }
    }
  return out;
}
