/**
 * A filing's contractors as a reader follows them: the 委託先 with the members of its group
 * (代表企業, 構成企業) and its subcontractors (再委託先, each with its task), and, where the filing
 * changes contractor, 変更前 and 変更後 as two sides rather than one list in which the same company
 * appears twice. The record lists companies flat (src/lib/record/schema.ts); this reads the structure
 * back from their roles, changes and groups.
 */
import { companyKey } from '../core/names.ts';
import type { Contractor } from '../record/schema.ts';

/** A company in a filing, with the companies below it. */
export interface Party {
  name: string;
  role: Contractor['role'];
  task?: string;
  /** For a group (企業体): its 代表企業 and 構成企業. */
  members: Party[];
  /** Its subcontractors (再委託先). */
  subs: Party[];
  /** True for a group named only by its members' `group` (no entry of its own). */
  implied?: boolean;
}

/** One side of a filing's contractors: all of them, or those 変更前 or 変更後. */
export interface PartySide {
  change?: Contractor['change'];
  parties: Party[];
}

function party(c: Contractor): Party {
  return { name: c.name, role: c.role, ...(c.task ? { task: c.task } : {}), members: [], subs: [] };
}

/** The parties of one side: 委託先 on top, members in their group, subcontractors below. */
function arrange(contractors: Contractor[]): Party[] {
  const top: Party[] = [];
  const find = (name: string): Party | undefined => top.find((p) => companyKey(p.name) === companyKey(name));
  for (const c of contractors) if (c.role === '委託先' && !find(c.name)) top.push(party(c));
  for (const c of contractors) {
    if (c.role !== '代表企業' && c.role !== '構成企業') continue;
    if (!c.group) {
      top.push(party(c));
      continue;
    }
    let group = find(c.group);
    if (!group) {
      group = { name: c.group, role: '委託先', members: [], subs: [], implied: true };
      top.push(group);
    }
    group.members.push(party(c));
  }
  // A 再委託先 is the subcontractor of the 委託先 of its side. The record does not say which when
  // a side has several; it goes under the first, as the filings list them in that order.
  const parent = top.find((p) => p.role === '委託先');
  for (const c of contractors) {
    if (c.role !== '再委託先') continue;
    if (parent) parent.subs.push(party(c));
    else top.push(party(c));
  }
  return top;
}

/**
 * The sides of a filing's contractors: one side without `change` when the filing changes none, or
 * 変更前 and 変更後 (entries without a change mark belong to both). Empty when it names none.
 */
export function partySides(contractors: Contractor[]): PartySide[] {
  if (contractors.length === 0) return [];
  if (!contractors.some((c) => c.change)) return [{ parties: arrange(contractors) }];
  return (['変更前', '変更後'] as const)
    .map((change) => ({ change, parties: arrange(contractors.filter((c) => !c.change || c.change === change)) }))
    .filter((s) => s.parties.length > 0);
}
