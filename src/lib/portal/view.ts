/**
 * A portal's pages from several archives' open data (src/lib/portal/build-fs.ts reads it): each
 * company across municipalities, each personal-data item across municipalities, the clause
 * versions of the municipalities side by side. Companies are joined as within one archive: by
 * companyKey of every spelling an archive has seen of them (widths, 株式会社 placement), so
 * 株式会社BCC in one ward and ＢＣＣ株式会社 in another are one company.
 */
import { z } from 'zod';
import type { Manifest } from '../publish/manifest.ts';
import { companyCore, companyKey, nameKey } from '../core/names.ts';
import { SlugAllocator } from '../core/slug.ts';

/** The fields of an archive's data/filings.json a portal reads (the archive writes more). */
// Bounds on an archive's open data, which a portal shows on its pages: generous for any real
// filing, small enough that one hostile archive cannot make a page of hundreds of megabytes.
const ID = z.string().max(200);
const URL_TEXT = z.string().max(2000);
const TEXT = z.string().max(2000);
const NAME = z.string().max(500);

export const openFilingSchema = z.object({
  id: ID,
  url: URL_TEXT,
  title: TEXT,
  kind: NAME,
  date: ID,
  bureau: NAME.optional(),
  section: NAME.optional(),
  items: z.array(NAME).max(1000).default([]),
  contractors: z
    .array(z.object({ name: NAME, role: NAME, task: TEXT.optional(), change: NAME.optional() }))
    .max(500)
    .default([]),
});
export type OpenFiling = z.infer<typeof openFilingSchema>;

/** data/contractors.json (src/lib/publish/open-data.ts contractorsJson). */
export const openCompanySchema = z.object({
  name: NAME,
  names: z.array(NAME).max(1000),
  url: URL_TEXT,
  groups: z.array(NAME).max(100).default([]),
  members: z.array(NAME).max(1000).default([]),
  filings: z.array(
    z.object({
      id: z.string(),
      roles: z.array(z.object({ role: z.string(), written: z.string(), task: z.string().optional(), change: z.string().optional() })),
    }),
  ),
});
export type OpenCompany = z.infer<typeof openCompanySchema>;

/** data/clause-versions.json, the fields read. */
export const openVersionSchema = z.object({
  id: z.string(),
  name: z.string(),
  clauses: z.array(z.object({ number: z.number(), heading: z.string().nullable(), text: z.string() })),
  filings: z.array(z.string()),
  first: z.string(),
  last: z.string(),
});
export type OpenVersion = z.infer<typeof openVersionSchema>;

/** One archive as the portal has read it. */
export interface PortalArchive {
  key: string;
  manifest: Manifest;
  /** Where it is published, ending in `/`. */
  site: string;
  filings: OpenFiling[];
  companies: OpenCompany[];
  versions: OpenVersion[];
}

export interface ArchiveRef {
  key: string;
  municipality: string;
  title: string;
  site: string;
}

export interface FilingRef {
  title: string;
  url: string;
  date: string;
  kind: string;
  department: string;
}

export interface PortalCompany {
  slug: string;
  name: string;
  /** Every spelling in every archive. */
  names: string[];
  archives: Array<{
    archive: ArchiveRef;
    /** The company's page in that archive. */
    page: string;
    name: string;
    /** Its roles in each filing (委託先, 再委託先（保守）…) and the items the filing hands over. */
    filings: Array<FilingRef & { roles: string[]; items: string[] }>;
    /** Every item it received there. */
    items: string[];
  }>;
}

export interface PortalItem {
  slug: string;
  name: string;
  archives: Array<{
    archive: ArchiveRef;
    filings: FilingRef[];
    /** The companies that received it there, with their portal slug. */
    companies: Array<{ name: string; slug: string | undefined }>;
  }>;
}

export interface ClauseRow {
  /** The heading, as the first archive that has it words it. */
  heading: string;
  /** Per archive (in the portal's order): its newest version's clause with this heading. */
  cells: Array<{ number: number; heading: string } | undefined>;
}

export interface PortalClauses {
  archives: Array<{
    archive: ArchiveRef;
    versions: Array<{ name: string; url: string; first: string; last: string; clauses: number; filings: number }>;
    newest?: string;
  }>;
  /** The newest versions side by side, clauses joined by heading. */
  rows: ClauseRow[];
}

export interface PortalView {
  archives: Array<ArchiveRef & { filings: number; companies: number; items: number; versions: number; built: string }>;
  companies: PortalCompany[];
  items: PortalItem[];
  clauses: PortalClauses;
}

/** A row of a portal index (companies, items): a name, its page, the municipalities it appears in and its filings there. */
export interface AcrossRow {
  name: string;
  href: string;
  municipalities: string[];
  filings: number;
}

/**
 * The rows of a portal index, names found in more municipalities first, then in Japanese order;
 * `href` gives a name's page from its slug.
 */
export function acrossRows(
  entries: Array<{ slug: string; name: string; archives: Array<{ archive: ArchiveRef; filings: unknown[] }> }>,
  href: (slug: string) => string,
): AcrossRow[] {
  return [...entries]
    .sort((a, b) => b.archives.length - a.archives.length || a.name.localeCompare(b.name, 'ja'))
    .map((e) => ({
      name: e.name,
      href: href(e.slug),
      municipalities: e.archives.map((a) => a.archive.municipality),
      filings: e.archives.reduce((n, a) => n + a.filings.length, 0),
    }));
}

const refOf = (a: PortalArchive): ArchiveRef => ({
  key: a.key,
  municipality: a.manifest.municipality,
  title: a.manifest.title,
  site: a.site,
});
const departmentOf = (f: OpenFiling): string => [f.bureau, f.section].filter(Boolean).join(' ');
const filingRef = (f: OpenFiling): FilingRef => ({ title: f.title, url: f.url, date: f.date, kind: f.kind, department: departmentOf(f) });
const byDateDesc = (a: { date: string }, b: { date: string }): number => b.date.localeCompare(a.date);
const roleText = (r: { role: string; task?: string | undefined; change?: string | undefined }): string =>
  `${r.role}${r.task ? `（${r.task}）` : ''}${r.change ? `・${r.change}` : ''}`;

/** A heading as a key: without its brackets and spaces, NFKC. */
const headingKey = (h: string): string => nameKey(h).replace(/^[（(【「]+|[）)】」]+$/gu, '');

/** Disjoint sets of company keys: two keys one archive's company has are one company everywhere. */
class Joined {
  private readonly parent = new Map<string, string>();
  find(k: string): string {
    let p = this.parent.get(k) ?? k;
    if (p !== k) {
      p = this.find(p);
      this.parent.set(k, p);
    }
    return p;
  }
  join(keys: string[]): void {
    const [first, ...rest] = keys;
    if (first === undefined) return;
    for (const k of rest) {
      const a = this.find(first);
      const b = this.find(k);
      if (a !== b) this.parent.set(b, a);
    }
  }
}

/** The portal's pages, from its archives in the order given. `slugify` makes a readable slug of a name. */
export function portalView(archives: PortalArchive[], slugify: (text: string) => string): PortalView {
  // ---- companies ----
  const joined = new Joined();
  for (const a of archives) for (const c of a.companies) joined.join([c.name, ...c.names].map(companyKey));
  const groups = new Map<string, Array<{ a: PortalArchive; c: OpenCompany }>>();
  for (const a of archives)
    for (const c of a.companies) {
      const root = joined.find(companyKey(c.name));
      const list = groups.get(root) ?? [];
      list.push({ a, c });
      groups.set(root, list);
    }
  const companySlugs = new SlugAllocator((key) => slugify(companyCore(key)));
  const nameOfGroup = (list: Array<{ c: OpenCompany }>): string => {
    // The name most archives use, then the first.
    const votes = new Map<string, number>();
    for (const { c } of list) votes.set(c.name, (votes.get(c.name) ?? 0) + 1);
    return [...votes].sort((x, y) => y[1] - x[1])[0]?.[0] ?? '';
  };
  const roots = [...groups.keys()].sort((x, y) => x.localeCompare(y, 'ja'));
  for (const root of roots) companySlugs.add(root);
  const slugOfName = (name: string): string | undefined => {
    const root = joined.find(companyKey(name));
    return groups.has(root) ? companySlugs.get(root) : undefined;
  };
  const companies: PortalCompany[] = roots.map((root) => {
    const list = groups.get(root) ?? [];
    const name = nameOfGroup(list);
    return {
      slug: companySlugs.get(root),
      name,
      names: [...new Set(list.flatMap(({ c }) => [c.name, ...c.names]))],
      archives: archives
        .map((a) => {
          const mine = list.filter((x) => x.a === a).map((x) => x.c);
          if (mine.length === 0) return undefined;
          const byId = new Map(a.filings.map((f) => [f.id, f]));
          const filings = mine
            .flatMap((c) => c.filings)
            .flatMap((cf) => {
              const f = byId.get(cf.id);
              return f ? [{ ...filingRef(f), roles: [...new Set(cf.roles.map(roleText))], items: f.items }] : [];
            })
            .sort(byDateDesc);
          return {
            archive: refOf(a),
            page: mine[0]?.url ?? a.site,
            name: mine[0]?.name ?? name,
            filings,
            items: [...new Set(filings.flatMap((f) => f.items))],
          };
        })
        .filter((x): x is NonNullable<typeof x> => x !== undefined),
    };
  });

  // ---- items ----
  const itemGroups = new Map<string, { name: string; byArchive: Map<PortalArchive, OpenFiling[]> }>();
  for (const a of archives)
    for (const f of a.filings)
      for (const item of new Set(f.items)) {
        const key = nameKey(item);
        const g = itemGroups.get(key) ?? { name: item, byArchive: new Map() };
        g.byArchive.set(a, [...(g.byArchive.get(a) ?? []), f]);
        itemGroups.set(key, g);
      }
  const itemSlugs = new SlugAllocator((key) => slugify(key));
  const itemKeys = [...itemGroups.keys()].sort((x, y) => x.localeCompare(y, 'ja'));
  for (const k of itemKeys) itemSlugs.add(k);
  const items: PortalItem[] = itemKeys.map((k) => {
    const g = itemGroups.get(k);
    return {
      slug: itemSlugs.get(k),
      name: g?.name ?? k,
      archives: archives.flatMap((a) => {
        const fs = g?.byArchive.get(a);
        if (!fs) return [];
        const names = [...new Set(fs.flatMap((f) => f.contractors.map((c) => c.name)))];
        const companiesThere = new Map<string, { name: string; slug: string | undefined }>();
        for (const n of names) {
          const slug = slugOfName(n);
          const key = slug ?? companyKey(n);
          if (!companiesThere.has(key)) companiesThere.set(key, { name: n, slug });
        }
        return [{ archive: refOf(a), filings: [...fs].sort(byDateDesc).map(filingRef), companies: [...companiesThere.values()] }];
      }),
    };
  });

  // ---- clause versions ----
  const newest = archives.map((a) => [...a.versions].sort((x, y) => y.last.localeCompare(x.last) || y.first.localeCompare(x.first))[0]);
  const rows: ClauseRow[] = [];
  const rowOf = new Map<string, ClauseRow>();
  newest.forEach((v, i) => {
    for (const c of v?.clauses ?? []) {
      if (!c.heading) continue;
      const key = headingKey(c.heading);
      let row = rowOf.get(key);
      if (!row) {
        row = { heading: c.heading, cells: archives.map(() => undefined) };
        rowOf.set(key, row);
        rows.push(row);
      }
      row.cells[i] ??= { number: c.number, heading: c.heading };
    }
  });
  const clauses: PortalClauses = {
    archives: archives.map((a, i) => ({
      archive: refOf(a),
      versions: [...a.versions]
        .sort((x, y) => y.first.localeCompare(x.first))
        .map((v) => ({
          name: v.name,
          url: new URL(`clauses/${v.id}/`, a.site).href,
          first: v.first,
          last: v.last,
          clauses: v.clauses.length,
          filings: v.filings.length,
        })),
      ...(newest[i] ? { newest: newest[i].name } : {}),
    })),
    rows,
  };

  return {
    archives: archives.map((a) => ({
      ...refOf(a),
      filings: a.manifest.counts.filings,
      companies: a.manifest.counts.contractors,
      items: a.manifest.counts.items,
      versions: a.manifest.counts.clauseVersions,
      built: a.manifest.built,
    })),
    companies,
    items,
    clauses,
  };
}

/** What the portal's pages read (src/portal/data.ts, written by src/lib/portal/build-fs.ts): the view and the archives to search. */
export interface PortalData {
  view: PortalView;
  /** For the search page: each archive searched, as src/lib/search/sources.ts SearchSource without baseUrl. */
  sources: Array<{ key: string; label: string; site: string; bundle: string; kinds: string[] }>;
  /** Archives given but left out, with why (shown on the portal's home page). */
  refused: Array<{ archive: string; why: string }>;
  /** The query side of this portal (an archive's manifest must match it). */
  search: { format: string; pagefind: string };
}
