/**
 * No dead ends (the search page's logic, pure): when a search finds nothing, say why — which
 * term found nothing, which filter emptied the list — and offer the ways on: the forms of a term
 * that do have hits, and each filter to drop.
 */

/** What the page learnt by searching again without parts of the query. */
export interface EmptyFacts {
  /** Each term alone (all its forms, with the filters): how many filings it finds. */
  terms: Array<{ text: string; count: number }>;
  /** Each filter: how many filings the query finds without it. */
  filters: Array<{ facet: string; value: string; label: string; countWithout: number }>;
  /** Forms of the terms that were switched off or not searched, and their hits. */
  alternatives: Array<{ text: string; count: number }>;
}

/** One line of help. */
export type Help =
  | { kind: 'term-none'; term: string }
  | { kind: 'term-alone'; term: string; count: number }
  | { kind: 'filter'; facet: string; value: string; label: string; count: number }
  | { kind: 'alternative'; text: string; count: number };

/** The help to show for an empty result, most useful first. */
export function emptyHelp(facts: EmptyFacts): Help[] {
  const out: Help[] = [];
  for (const t of facts.terms) if (t.count === 0) out.push({ kind: 'term-none', term: t.text });
  // With several terms, each of which finds something: it is their combination that finds nothing.
  if (facts.terms.length > 1 && facts.terms.every((t) => t.count > 0))
    for (const t of facts.terms) out.push({ kind: 'term-alone', term: t.text, count: t.count });
  for (const f of facts.filters)
    if (f.countWithout > 0) out.push({ kind: 'filter', facet: f.facet, value: f.value, label: f.label, count: f.countWithout });
  for (const a of facts.alternatives) if (a.count > 0) out.push({ kind: 'alternative', text: a.text, count: a.count });
  return out;
}
