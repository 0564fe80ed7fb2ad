/**
 * The filters of the filings list (/filings/): the facets, their options and each filing's values.
 * The URL parameters are named as the search page names them (kind, year, bureau, section,
 * contractor, article, item, version), plus task (a subcontractor's 保守, コールセンター…), so a link
 * carries a filter from one page to the other; a value is what the option's value is: a company's
 * canonical name, an item as first written, a clause version's id.
 */
import type { Archive } from '../crosslinks/archive.ts';
import type { Entry } from '../record/schema.ts';
import type { ClauseVersion } from '../clauses/versions.ts';
import { FILTER_WORDS as F } from '../words/tables.ts';
import { companyKey, nameKey } from '../core/names.ts';
import { FILING_FACETS, type FilingFacet } from '../search/format.ts';

/** A facet of the form. */
export interface Facet {
  name: FilingFacet;
  label: string;
  options: Array<{ value: string; label: string }>;
}

/** A filing's values for each facet (several for contractor, task, article, item). */
export function filingKeys(e: Entry, a: Archive, versionOf: (id: string) => ClauseVersion | undefined): Record<FilingFacet, string[]> {
  const d = e.data;
  const company = (name: string): string => (a.contractorByName.get(name) ?? a.contractors.get(companyKey(name)))?.name ?? name;
  const version = versionOf(e.id);
  return {
    kind: [d.kind],
    year: [d.date.slice(0, 4)],
    bureau: d.department.bureau ? [d.department.bureau] : [],
    section: [d.department.section],
    contractor: [...new Set(d.contractors.map((c) => company(c.name)))],
    task: [...new Set(d.contractors.flatMap((c) => (c.task ? [c.task] : [])))],
    article: [...new Set(d.basis.map((b) => b.article))],
    item: [...new Set(d.items.map((i) => a.items.get(nameKey(i))?.name ?? i))],
    version: version ? [version.id] : [],
  };
}

const LABELS: Record<FilingFacet, string> = {
  kind: F.kind,
  year: F.year,
  bureau: F.bureau,
  section: F.section,
  contractor: F.contractor,
  task: F.task,
  article: F.article,
  item: F.item,
  version: F.version,
};

/** The facets of `filings`, each with its values sorted (years newest first, versions oldest first); facets with no value left out. */
export function filingFacets(filings: Entry[], a: Archive, versions: ClauseVersion[], kinds: string[]): Facet[] {
  const versionOf = new Map(versions.flatMap((v) => v.filings.map((f) => [f.id, v] as const)));
  const values = new Map<FilingFacet, Set<string>>(FILING_FACETS.map((f) => [f, new Set()]));
  for (const e of filings) {
    const keys = filingKeys(e, a, (id) => versionOf.get(id));
    for (const f of FILING_FACETS) for (const v of keys[f]) values.get(f)?.add(v);
  }
  const ja = (x: string, y: string): number => x.localeCompare(y, 'ja');
  const order: Record<FilingFacet, (vs: string[]) => string[]> = {
    kind: (vs) => [...kinds.filter((k) => vs.includes(k)), ...vs.filter((k) => !kinds.includes(k)).sort(ja)],
    year: (vs) => vs.sort().reverse(),
    bureau: (vs) => vs.sort(ja),
    section: (vs) => vs.sort(ja),
    contractor: (vs) => vs.sort(ja),
    task: (vs) => vs.sort(ja),
    article: (vs) => vs.sort((x, y) => x.localeCompare(y, 'ja', { numeric: true })),
    item: (vs) => vs.sort(ja),
    version: (vs) => versions.map((v) => v.id).filter((id) => vs.includes(id)),
  };
  const name = new Map(versions.map((v) => [v.id, v.name]));
  return FILING_FACETS.map((f) => ({
    name: f,
    label: LABELS[f],
    options: order[f]([...(values.get(f) ?? [])]).map((v) => ({ value: v, label: f === 'version' ? (name.get(v) ?? v) : v })),
  })).filter((f) => f.options.length > 0);
}
