/**
 * A company's page, worked out from the archive: the items it received (with how many filings),
 * its subcontractors and the companies it worked under, the span of its periods, its groups and
 * members, its other names. src/pages/contractors/[slug].astro renders what this returns.
 */
import type { Archive, ContractorIndex } from '../crosslinks/archive.ts';
import { companyKey, nameKey } from '../core/names.ts';
import { partySides, type PartySide } from './parties.ts';
import { link, type Part, type Paths } from './view.ts';

export interface ContractorView {
  /** Other spellings, the canonical name left out. */
  otherNames: string[];
  groups: Part[];
  members: Part[];
  /** Items it received, most filings first. */
  items: Array<{ item: Part; count: number }>;
  /** Companies it re-outsourced to, with their tasks. */
  subcontractors: Array<{ company: Part; tasks: string[]; count: number }>;
  /** Companies it worked under as a 再委託先. */
  principals: Array<{ company: Part; count: number }>;
  /** The earliest start and latest end of its filings' periods, and whether any is 以降継続. */
  span?: { start?: string; end?: string; ongoing: boolean };
}

/** The keys of the company and, for a group, its members: whose appearances are the company's. */
function selves(c: ContractorIndex): Set<string> {
  return new Set([c.key, ...c.members]);
}

/**
 * Which rows of the who-got-which-data table are a company's: its own; for a 企業体 named in the
 * filings, its members' rows within it (not what a member did on its own, as 日本電気 did after
 * the change); for a group only the registry names (NECグループ), every row of its members.
 */
export function ownRows(c: ContractorIndex): (company: string, parent: { group?: string; under?: string }) => boolean {
  const registryGroup = c.appearances.length === 0;
  return (company, parent) => company === c.key || parent.group === c.key || (registryGroup && c.members.includes(company));
}

/** The view of company `c`. */
export function contractorView(c: ContractorIndex, a: Archive, paths: Paths): ContractorView {
  const ref = (key: string): Part => {
    const x = a.contractors.get(key);
    return link(x?.name ?? key, x ? paths.contractor(x.slug) : undefined);
  };
  const keyOf = (name: string): string => (a.contractorByName.get(name) ?? a.contractors.get(companyKey(name)))?.key ?? companyKey(name);
  const mine = selves(c);
  const items = new Map<string, { item: Part; count: number }>();
  const subs = new Map<string, { company: Part; tasks: Set<string>; count: number }>();
  const principals = new Map<string, { company: Part; count: number }>();
  let start: string | undefined;
  let end: string | undefined;
  let ongoing = false;
  for (const f of c.filings) {
    const d = f.data;
    for (const i of d.items) {
      const idx = a.items.get(nameKey(i));
      const key = idx?.key ?? nameKey(i);
      const e = items.get(key) ?? { item: link(idx?.name ?? i, idx ? paths.item(idx.slug) : undefined), count: 0 };
      e.count++;
      items.set(key, e);
    }
    const sides: PartySide[] = partySides(d.contractors);
    const seenSub = new Set<string>();
    const seenPrincipal = new Set<string>();
    for (const side of sides)
      for (const top of side.parties) {
        const topKey = keyOf(top.name);
        for (const s of top.subs) {
          const sKey = keyOf(s.name);
          if (mine.has(topKey) && !mine.has(sKey)) {
            const e = subs.get(sKey) ?? { company: ref(sKey), tasks: new Set<string>(), count: 0 };
            if (s.task) e.tasks.add(s.task);
            if (!seenSub.has(sKey)) e.count++;
            seenSub.add(sKey);
            subs.set(sKey, e);
          }
          if (mine.has(sKey) && !mine.has(topKey)) {
            const e = principals.get(topKey) ?? { company: ref(topKey), count: 0 };
            if (!seenPrincipal.has(topKey)) e.count++;
            seenPrincipal.add(topKey);
            principals.set(topKey, e);
          }
        }
      }
    const p = d.period;
    if (p?.start && (!start || p.start < start)) start = p.start;
    if (p?.end && (!end || p.end > end)) end = p.end;
    if (p?.ongoing) ongoing = true;
  }
  const byCount = <T extends { count: number; company?: Part; item?: Part }>(x: T, y: T): number =>
    y.count - x.count || (x.company ?? x.item)?.text.localeCompare((y.company ?? y.item)?.text ?? '', 'ja') || 0;
  return {
    otherNames: c.names.filter((n) => n !== c.name),
    groups: c.groups.map(ref),
    members: c.members.map(ref),
    items: [...items.values()].sort(byCount),
    subcontractors: [...subs.values()].map((s) => ({ company: s.company, tasks: [...s.tasks].sort(), count: s.count })).sort(byCount),
    principals: [...principals.values()].sort(byCount),
    ...(start || end || ongoing ? { span: { ...(start ? { start } : {}), ...(end ? { end } : {}), ongoing } } : {}),
  };
}
