/**
 * Who got which data: one row per company per filing — the filing, the company with its role, its
 * task and who it works under (再委託 under the 委託先, 構成企業 in their 企業体), the personal data
 * items, the period (era and ISO, in force or ended) and the clause version. The item, contractor
 * and department pages show these rows in a table a reader sorts and filters in the page
 * (src/components/RecipientsTable.astro, src/browser/table-filter.ts).
 */
import { describeRole, type Archive } from '../crosslinks/archive.ts';
import type { Entry } from '../record/schema.ts';
import type { ClauseVersion } from '../clauses/versions.ts';
import { FILTER_WORDS as F, RECIPIENT_WORDS as W } from '../words/tables.ts';
import { companyKey, nameKey } from '../core/names.ts';
import { partySides, type Party, type PartySide } from './parties.ts';
import { link, type Part, type Paths } from './view.ts';

/** Where a period stands on the day the site is built; `replaced` for a 変更前 company, whose work passed to another. */
export type PeriodState = 'ongoing' | 'ended' | 'unknown' | 'replaced';

/** One row: a company (or the filing's undetermined contractor) in one filing. */
export interface RecipientRow {
  filing: { id: string; title: string; date: string; kind: string; href: string };
  /** Absent when the filing names no company: `status` says why. */
  company?: {
    name: string;
    /** The canonical name (the contractor index), for filtering and sorting. */
    canonical: string;
    href?: string;
    /** `再委託先（保守・変更後）`. */
    role: string;
    /** The 委託先 it works under (a 再委託先). */
    under?: Part;
    /** The 企業体 it is a member of (a 代表企業 or 構成企業). */
    group?: Part;
  };
  status?: string;
  items: Part[];
  /**
   * The items are the filing's, for the whole work: a 再委託先's own share is not stated (a
   * filing lists the items handed over, not which of them each subcontractor handles).
   */
  itemsOfWork?: true;
  period: { start?: string; end?: string; ongoing: boolean; state: PeriodState; text?: string };
  version?: { id: string; name: string; href: string; first: string };
}

/** What the rows need beyond the filings. */
export interface RecipientContext {
  archive: Archive;
  paths: Paths;
  versionOf: (id: string) => ClauseVersion | undefined;
  /** The build's day, ISO (`YYYY-MM-DD`): a period that ended before it is 終了. */
  today: string;
}

/**
 * The state of a period on `today`: ongoing when the filing says it continues (以降継続) or its
 * end is still to come, ended when its end has passed, unknown when it gives no end.
 */
export function periodState(period: { end?: string | undefined; ongoing: boolean } | undefined, today: string): PeriodState {
  if (!period) return 'unknown';
  if (period.ongoing) return 'ongoing';
  if (!period.end) return 'unknown';
  // A reduced-precision end (2009-03, 2009) runs to the end of its month or year.
  return period.end.localeCompare(today.slice(0, period.end.length)) >= 0 ? 'ongoing' : 'ended';
}

function walk(
  sides: PartySide[],
  visit: (p: Party, change: string | undefined, under: Party | undefined, group: Party | undefined) => void,
): void {
  for (const side of sides)
    for (const top of side.parties) {
      visit(top, side.change, undefined, undefined);
      for (const m of top.members) visit(m, side.change, undefined, top);
      for (const s of top.subs) visit(s, side.change, top, undefined);
    }
}

/**
 * The rows of `filings`. `keep` chooses the companies a page is about, by their contractor-index
 * key and that of the 企業体 they are a member of or the 委託先 they work under; filings that
 * name no company give one row with their status unless `keep` is given.
 */
export function recipientRows(
  filings: Entry[],
  ctx: RecipientContext,
  keep?: (company: string, parent: { group?: string; under?: string }) => boolean,
): RecipientRow[] {
  const a = ctx.archive;
  const indexOf = (name: string) => a.contractorByName.get(name) ?? a.contractors.get(companyKey(name));
  const rows: RecipientRow[] = [];
  for (const f of filings) {
    const d = f.data;
    const v = ctx.versionOf(f.id);
    const base = {
      filing: { id: f.id, title: d.title, date: d.date, kind: d.kind, href: ctx.paths.filing(f.id) },
      items: d.items.map((i) => {
        const idx = a.items.get(nameKey(i));
        return link(i, idx ? ctx.paths.item(idx.slug) : undefined);
      }),
      period: {
        ...(d.period?.start ? { start: d.period.start } : {}),
        ...(d.period?.end ? { end: d.period.end } : {}),
        ...(d.period?.text ? { text: d.period.text } : {}),
        ongoing: d.period?.ongoing ?? false,
        state: periodState(d.period, ctx.today),
      },
      ...(v ? { version: { id: v.id, name: v.name, href: ctx.paths.clauseVersion(v.id), first: v.first } } : {}),
    };
    const sides = partySides(d.contractors);
    if (sides.length === 0) {
      if (!keep) rows.push({ ...base, status: d.contractor_status ?? W.none });
      continue;
    }
    walk(sides, (p, change, under, group) => {
      const idx = indexOf(p.name);
      const parent = under ?? group;
      const parentIdx = parent ? indexOf(parent.name) : undefined;
      const via = { ...(group && parentIdx ? { group: parentIdx.key } : {}), ...(under && parentIdx ? { under: parentIdx.key } : {}) };
      if (keep && !(idx && keep(idx.key, via))) return;
      const parentPart = parent ? link(parent.name, parentIdx ? ctx.paths.contractor(parentIdx.slug) : undefined) : undefined;
      // A company before a change held the work until the change, when the filing's period begins.
      const period: RecipientRow['period'] =
        change === '変更前'
          ? {
              ...(base.period.start ? { end: base.period.start } : {}),
              ongoing: false,
              state: 'replaced',
              ...(base.period.text ? { text: base.period.text } : {}),
            }
          : base.period;
      // The clause version a filing attached is the new contract's: the company before a change
      // worked under a contract whose clauses the filing does not state.
      const { version, ...rest } = base;
      rows.push({
        ...rest,
        ...(version && change !== '変更前' ? { version } : {}),
        ...(under ? { itemsOfWork: true as const } : {}),
        period,
        company: {
          name: p.name,
          canonical: idx?.name ?? p.name,
          ...(idx ? { href: ctx.paths.contractor(idx.slug) } : {}),
          role: describeRole({
            role: p.role,
            written: p.name,
            ...(p.task ? { task: p.task } : {}),
            ...(change === '変更前' || change === '変更後' ? { change } : {}),
          }),
          ...(under && parentPart ? { under: parentPart } : {}),
          ...(group && parentPart ? { group: parentPart } : {}),
        },
      });
    });
  }
  return rows;
}

/** A filter of a recipients table: a select over one data key of the rows. */
export interface RecipientFilter {
  key: 'company' | 'role' | 'item' | 'state' | 'version';
  label: string;
  options: Array<{ value: string; label: string }>;
}

const STATE_LABELS: Record<PeriodState, string> = { ongoing: W.ongoing, ended: W.ended, unknown: W.noEnd, replaced: W.replaced };

/** The label of a period state. */
export function stateLabel(state: PeriodState): string {
  return STATE_LABELS[state];
}

/** The values a row is filtered by, per filter key (items: several). */
export function rowKeys(r: RecipientRow): Record<RecipientFilter['key'], string[]> {
  return {
    company: [r.company?.canonical ?? W.undetermined],
    role: [r.company ? r.company.role.replace(/（.*$/u, '') : W.undetermined],
    item: r.items.map((i) => i.text),
    state: [r.period.state],
    version: r.version ? [r.version.id] : [],
  };
}

/** The filters worth offering for these rows: a key with more than one value. */
export function recipientFilters(rows: RecipientRow[], options: { items?: boolean } = {}): RecipientFilter[] {
  const collect = (key: RecipientFilter['key']): string[] => [...new Set(rows.flatMap((r) => rowKeys(r)[key]))];
  const ja = (x: string, y: string): number => x.localeCompare(y, 'ja');
  const versions = new Map(rows.flatMap((r) => (r.version ? [[r.version.id, r.version.name] as const] : [])));
  const filters: RecipientFilter[] = [
    {
      key: 'company',
      label: F.contractor,
      options: collect('company')
        .sort(ja)
        .map((v) => ({ value: v, label: v })),
    },
    {
      key: 'role',
      label: F.role,
      options: collect('role')
        .sort(ja)
        .map((v) => ({ value: v, label: v })),
    },
    ...(options.items === false
      ? []
      : [
          {
            key: 'item' as const,
            label: F.item,
            options: collect('item')
              .sort(ja)
              .map((v) => ({ value: v, label: v })),
          },
        ]),
    {
      key: 'state',
      label: F.status,
      options: (['ongoing', 'ended', 'replaced', 'unknown'] as const)
        .filter((s) => collect('state').includes(s))
        .map((s) => ({ value: s, label: stateLabel(s) })),
    },
    { key: 'version', label: F.version, options: [...versions].map(([value, label]) => ({ value, label })) },
  ];
  return filters.filter((f) => f.options.length > 1);
}

/** The distinct companies of the rows (canonical names), for 「N社」. */
export function companyCount(rows: RecipientRow[]): number {
  return new Set(rows.flatMap((r) => (r.company ? [r.company.canonical] : []))).size;
}

/** The orders a recipients table can be sorted in, as `key:direction` for the form's sort select. */
export function recipientSorts(): Array<{ value: string; label: string }> {
  return [
    { value: 'date:-1', label: W.sortNewest },
    { value: 'date:1', label: W.sortOldest },
    { value: 'company:1', label: W.sortCompany },
    { value: 'start:1', label: W.sortStart },
    { value: 'version:1', label: W.sortVersion },
  ];
}
