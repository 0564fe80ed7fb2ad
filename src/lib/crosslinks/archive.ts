/**
 * The archive's cross-link indexes, computed once from the records: departments (sections
 * followed across bureau reorganisations), contractors (names normalised, roles per filing),
 * ordinance articles, years, personal data items and the matters the council rules on. Pages
 * only render what this returns.
 */
import type { Registries } from '../record/registry.ts';
import type { Contractor, Entry } from '../record/schema.ts';
import { companyCore, companyKey, nameKey } from '../core/names.ts';
import { SlugAllocator, asciiSlug } from '../core/slug.ts';

/** A bureau a section has belonged to, with the span of the filings that show it. */
export interface BureauSpan {
  key: string;
  name: string;
  first: string;
  last: string;
  count: number;
}

export interface SectionIndex {
  key: string;
  name: string;
  slug: string;
  /** Spellings seen in filings and the registry's former names. */
  names: string[];
  filings: Entry[];
  bureaus: BureauSpan[];
}

export interface BureauIndex {
  key: string;
  name: string;
  slug: string;
  names: string[];
  sections: string[];
  filings: Entry[];
}

/** One appearance of a company in a filing. */
export interface Role {
  role: Contractor['role'];
  change?: Contractor['change'];
  task?: string;
  /** Key of the group (企業体) for 代表企業 / 構成企業. */
  group?: string;
  /** The name as written in this filing. */
  written: string;
}

export interface ContractorIndex {
  key: string;
  name: string;
  slug: string;
  /** Every spelling seen. */
  names: string[];
  appearances: Array<{ filing: Entry; roles: Role[] }>;
  /** Key of the group it belongs to (registry or 企業体 in a filing). */
  groups: string[];
  /** Keys of its members when it is a group. */
  members: string[];
  /** The filings it appears in; for a group only the registry names, its members'; newest first. */
  filings: Entry[];
}

export interface BasisIndex {
  article: string;
  slug: string;
  labels: string[];
  filings: Entry[];
}

export interface ItemIndex {
  key: string;
  name: string;
  slug: string;
  filings: Entry[];
}

/** The filings put to one council session (`meeting`), which other filings cite in `references`. */
export interface MeetingIndex {
  key: string;
  name: string;
  slug: string;
  filings: Entry[];
}

/** Filings by what the council rules on (業務委託, 再委託, 外部提供 …). */
export interface MatterIndex {
  key: string;
  name: string;
  slug: string;
  filings: Entry[];
}

export interface Archive {
  /** Newest first. */
  filings: Entry[];
  byId: Map<string, Entry>;
  sections: Map<string, SectionIndex>;
  bureaus: Map<string, BureauIndex>;
  contractors: Map<string, ContractorIndex>;
  /** Filings that name no company: not chosen yet (未定, 入札により決定…) or not stated at all. */
  undetermined: Entry[];
  basis: Map<string, BasisIndex>;
  years: Map<string, Entry[]>;
  items: Map<string, ItemIndex>;
  /** Filings by matter (`matters`), in the order the matters first appear, oldest filing first. */
  matters: Map<string, MatterIndex>;
  /** Filings by the council session they were put to (`meeting`), by nameKey of the session. */
  meetings: Map<string, MeetingIndex>;
  /** Names a registry exists for but does not list. */
  unplaced: string[];
  /** The section and bureau index of each filing, by id. */
  sectionOf: Map<string, SectionIndex>;
  bureauOf: Map<string, BureauIndex>;
  /** The company index of each name as written. */
  contractorByName: Map<string, ContractorIndex>;
}

/** Newest first, then by id: a stable order for every list. */
export function byDateDesc(a: Entry, b: Entry): number {
  return b.data.date.localeCompare(a.data.date) || a.id.localeCompare(b.id);
}

/** `第16条第1項本文` → `16-1-honbun`; a label-free ASCII slug for an article. */
export function articleSlug(article: string): string {
  const nums = [...article.normalize('NFKC').matchAll(/(\d+)/gu)].map((m) => m[1]);
  const tail = /本文/u.test(article) ? ['honbun'] : /ただし書/u.test(article) ? ['tadashigaki'] : [];
  return asciiSlug(['article', ...nums, ...tail].join('-'));
}

/** Build every index. `slugify` turns a Japanese name into an ASCII slug (see slug.ts). */
export function buildArchive(entries: Entry[], registries: Registries, slugify: (text: string) => string): Archive {
  const filings = [...entries].sort(byDateDesc);
  const unplaced = new Set<string>();

  // ---- departments ----
  const sectionAlias = aliasMap(registries.departments?.sections ?? []);
  const bureauAlias = aliasMap(registries.departments?.bureaus ?? []);
  // Keys carry a kind prefix (b: bureau, s: section) so a bureau and a section never share a page.
  const slugs = new SlugAllocator((key) => slugify(key.slice(2)));
  const sections = new Map<string, SectionIndex>();
  const bureaus = new Map<string, BureauIndex>();
  for (const unit of registries.departments?.sections ?? []) slugs.add(`s:${nameKey(unit.name)}`, unit.slug);
  for (const unit of registries.departments?.bureaus ?? []) slugs.add(`b:${nameKey(unit.name)}`, unit.slug);
  const sectionUnits = registries.departments?.sections ?? [];
  const bureauUnits = registries.departments?.bureaus ?? [];
  /** The key and canonical name of a bureau or section, noting names a registry does not list. */
  const place = (
    label: string,
    name: string,
    units: typeof sectionUnits,
    alias: Map<string, string>,
  ): { key: string; canonical: string } => {
    const key = alias.get(nameKey(name)) ?? nameKey(name);
    if (registries.departments && !alias.has(nameKey(name))) unplaced.add(`${label} ${name}`);
    return { key, canonical: units.find((u) => nameKey(u.name) === key)?.name ?? name };
  };
  for (const f of [...filings].reverse()) {
    const d = f.data.department;
    const { key: sKey, canonical: sectionName } = place('課', d.section, sectionUnits, sectionAlias);
    slugs.add(`s:${sKey}`);
    const section = sections.get(sKey) ?? { key: sKey, name: sectionName, slug: '', names: [], filings: [], bureaus: [] };
    if (!section.names.includes(d.section)) section.names.push(d.section);
    section.filings.push(f);
    sections.set(sKey, section);
    if (d.bureau) {
      const { key: bKey, canonical: bureauName } = place('部', d.bureau, bureauUnits, bureauAlias);
      slugs.add(`b:${bKey}`);
      const bureau = bureaus.get(bKey) ?? { key: bKey, name: bureauName, slug: '', names: [], sections: [], filings: [] };
      if (!bureau.names.includes(d.bureau)) bureau.names.push(d.bureau);
      if (!bureau.sections.includes(sKey)) bureau.sections.push(sKey);
      bureau.filings.push(f);
      bureaus.set(bKey, bureau);
      // The section's history: each bureau (as written then) with the span of its filings.
      const span = section.bureaus.find((b) => b.name === d.bureau);
      if (span) {
        span.last = f.data.date;
        span.count++;
      } else {
        section.bureaus.push({ key: bKey, name: d.bureau, first: f.data.date, last: f.data.date, count: 1 });
      }
    }
  }
  const finish = (
    unit: { key: string; slug: string; names: string[]; filings: Entry[] },
    prefix: string,
    units: typeof sectionUnits,
  ): void => {
    unit.slug = slugs.get(`${prefix}:${unit.key}`);
    unit.filings.sort(byDateDesc);
    for (const former of units.find((x) => nameKey(x.name) === unit.key)?.renamed_from ?? [])
      if (!unit.names.includes(former.name)) unit.names.push(former.name);
  };
  for (const s of sections.values()) finish(s, 's', sectionUnits);
  for (const b of bureaus.values()) finish(b, 'b', bureauUnits);

  // ---- contractors ----
  const registryContractors = registries.contractors?.contractors ?? [];
  const companyAlias = new Map<string, string>();
  for (const c of registryContractors) {
    const key = companyKey(c.name);
    companyAlias.set(key, key);
    for (const a of c.aliases) companyAlias.set(companyKey(a), key);
  }
  const cSlugs = new SlugAllocator((key) => slugify(companyCore(key)));
  const contractors = new Map<string, ContractorIndex>();
  const ensure = (key: string, written: string): ContractorIndex => {
    let c = contractors.get(key);
    if (!c) {
      const reg = registryContractors.find((r) => companyKey(r.name) === key);
      cSlugs.add(key, reg?.slug);
      c = { key, name: reg?.name ?? written, slug: '', names: [], appearances: [], groups: [], members: [], filings: [] };
      contractors.set(key, c);
    }
    if (!c.names.includes(written)) c.names.push(written);
    return c;
  };
  const resolve = (name: string): string => {
    const key = companyKey(name);
    if (registries.contractors && !companyAlias.has(key)) unplaced.add(`委託先 ${name}`);
    return companyAlias.get(key) ?? key;
  };
  const undetermined: Entry[] = [];
  for (const f of filings) {
    // A filing that names no company says 委託先未定 (or its status) on its page: listed here with it.
    if (f.data.contractors.length === 0) {
      undetermined.push(f);
      continue;
    }
    const perCompany = new Map<string, Role[]>();
    for (const c of f.data.contractors) {
      const key = resolve(c.name);
      ensure(key, c.name);
      const role: Role = { role: c.role, written: c.name, ...(c.change ? { change: c.change } : {}), ...(c.task ? { task: c.task } : {}) };
      if (c.group) {
        const gKey = resolve(c.group);
        ensure(gKey, c.group);
        role.group = gKey;
        link(contractors, gKey, key);
      }
      perCompany.set(key, [...(perCompany.get(key) ?? []), role]);
    }
    for (const [key, roles] of perCompany) contractors.get(key)?.appearances.push({ filing: f, roles });
  }
  for (const r of registryContractors) {
    if (!r.group) continue;
    const key = companyKey(r.name);
    const gKey = resolve(r.group);
    if (contractors.has(key)) {
      ensure(gKey, r.group);
      link(contractors, gKey, key);
    }
  }
  for (const c of contractors.values()) c.slug = cSlugs.get(c.key);
  // A company's filings are those it appears in. A group that only the registry names (NECグループ)
  // appears in none: its filings are its members'. A 企業体 named in filings has its own, and what
  // a member did outside it is not the 企業体's.
  for (const c of contractors.values()) {
    const seen = new Set<Entry>(c.appearances.map((a) => a.filing));
    if (c.appearances.length === 0) for (const m of c.members) for (const a of contractors.get(m)?.appearances ?? []) seen.add(a.filing);
    c.filings = [...seen].sort(byDateDesc);
  }

  // ---- basis, years, items ----
  const basis = new Map<string, BasisIndex>();
  const years = new Map<string, Entry[]>();
  const items = new Map<string, ItemIndex>();
  const iSlugs = new SlugAllocator(slugify);
  for (const f of filings) {
    for (const b of f.data.basis) {
      const entry = basis.get(b.article) ?? { article: b.article, slug: articleSlug(b.article), labels: [], filings: [] };
      if (b.label && !entry.labels.includes(b.label)) entry.labels.push(b.label);
      if (!entry.filings.includes(f)) entry.filings.push(f);
      basis.set(b.article, entry);
    }
    const year = f.data.date.slice(0, 4);
    years.set(year, [...(years.get(year) ?? []), f]);
    for (const item of f.data.items) {
      const key = nameKey(item);
      iSlugs.add(key);
      const entry = items.get(key) ?? { key, name: item, slug: '', filings: [] };
      if (!entry.filings.includes(f)) entry.filings.push(f);
      items.set(key, entry);
    }
  }
  for (const i of items.values()) i.slug = iSlugs.get(i.key);

  // ---- matters ----
  const matters = new Map<string, MatterIndex>();
  const mSlugs = new SlugAllocator(slugify);
  for (const f of [...filings].reverse()) {
    for (const matter of f.data.matters) {
      const key = nameKey(matter);
      if (!key) continue;
      mSlugs.add(key);
      const entry = matters.get(key) ?? { key, name: matter, slug: '', filings: [] };
      if (!entry.filings.includes(f)) entry.filings.push(f);
      matters.set(key, entry);
    }
  }
  for (const m of matters.values()) {
    m.slug = mSlugs.get(m.key);
    m.filings.sort(byDateDesc);
  }

  // ---- council sessions ----
  const meetings = new Map<string, MeetingIndex>();
  const gSlugs = new SlugAllocator(slugify);
  for (const f of filings) {
    if (!f.data.meeting) continue;
    const key = nameKey(f.data.meeting);
    gSlugs.add(key);
    const entry = meetings.get(key) ?? { key, name: f.data.meeting, slug: '', filings: [] };
    entry.filings.push(f);
    meetings.set(key, entry);
  }
  for (const m of meetings.values()) m.slug = gSlugs.get(m.key);

  return {
    filings,
    byId: new Map(filings.map((f) => [f.id, f])),
    sections,
    bureaus,
    contractors,
    undetermined,
    basis,
    years: new Map([...years].sort(([a], [b]) => b.localeCompare(a))),
    items,
    matters,
    meetings,
    unplaced: [...unplaced].sort(),
    sectionOf: new Map([...sections.values()].flatMap((x) => x.filings.map((f) => [f.id, x] as const))),
    bureauOf: new Map([...bureaus.values()].flatMap((x) => x.filings.map((f) => [f.id, x] as const))),
    contractorByName: new Map([...contractors.values()].flatMap((c) => c.names.map((n) => [n, c] as const))),
  };
}

function link(contractors: Map<string, ContractorIndex>, groupKey: string, memberKey: string): void {
  const group = contractors.get(groupKey);
  const member = contractors.get(memberKey);
  if (!group || !member || groupKey === memberKey) return;
  if (!group.members.includes(memberKey)) group.members.push(memberKey);
  if (!member.groups.includes(groupKey)) member.groups.push(groupKey);
}

function aliasMap(units: Array<{ name: string; aliases: string[]; renamed_from: Array<{ name: string }> }>): Map<string, string> {
  const map = new Map<string, string>();
  for (const u of units) {
    const key = nameKey(u.name);
    map.set(key, key);
    for (const a of u.aliases) map.set(nameKey(a), key);
    for (const r of u.renamed_from) map.set(nameKey(r.name), key);
  }
  return map;
}

/** How a role reads on a page: `再委託先（保守）`, `構成企業（変更前）`. */
export function describeRole(role: Role): string {
  const extra = [role.task, role.change].filter(Boolean).join('・');
  return extra ? `${role.role}（${extra}）` : role.role;
}
